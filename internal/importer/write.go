package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

// Target is where an import writes: the project's version folder and its
// naming settings, and the revisions the project already has.
type Target struct {
	Dir                string // the version location (an OS directory)
	FileTemplate       string // "" = script.DefaultFileTemplate
	TruncateSlugLength int    // 0 = script.DefaultTruncateSlugLength
	// Existing are the project's revisions (from its loaded graph). An
	// import goes into a project without any, or one that holds exactly
	// the same files already (a re-run).
	Existing []*revision.Revision
	// Now is the time file_template's date tokens use for a revision
	// without a create date; zero = time.Now().
	Now time.Time
}

// File is one file an import writes.
type File struct {
	Path string
	ID   string
	Data []byte
	// Manual are the revision's blocks left for a person, with Target set.
	Manual []Manual
}

// ErrAlreadyImported is returned by Plan when the version folder already
// holds exactly the files the import would write.
var ErrAlreadyImported = errors.New("already imported")

// Plan renders revs into files under t.Dir and checks the whole result
// before anything is written: every file parses, the ids form one valid
// graph, no file exists already, and the project holds no other revision.
// A project whose files are exactly these gives ErrAlreadyImported with the
// files.
func Plan(revs []Revision, t Target) ([]File, error) {
	tmpl, truncate := t.FileTemplate, t.TruncateSlugLength
	if tmpl == "" {
		tmpl = script.DefaultFileTemplate
	}
	if truncate == 0 {
		truncate = script.DefaultTruncateSlugLength
	}
	now := t.Now
	if now.IsZero() {
		now = time.Now()
	}
	files := make([]File, 0, len(revs))
	graph := make([]*revision.Revision, 0, len(revs))
	names := map[string]string{}
	for _, rv := range revs {
		f := rv.File
		if err := revision.ValidateID(f.ID); err != nil {
			return nil, fmt.Errorf("%s: %w", rv.Source, err)
		}
		when := f.CreateDate
		if when.IsZero() {
			when = now
		}
		short, _, _ := strings.Cut(f.Message, "\n\n")
		name, err := script.FileName(tmpl, f.ID, script.Slug(short, truncate), when)
		if err != nil {
			return nil, err
		}
		if prev, ok := names[name]; ok {
			return nil, fmt.Errorf("revisions %s and %s would both be written to %s; rename a source file, or change file_template", prev, f.ID, name)
		}
		names[name] = f.ID
		path := filepath.Join(t.Dir, filepath.FromSlash(name))
		data := script.Render(f)
		sc, err := script.Parse(path, data)
		if err != nil {
			return nil, fmt.Errorf("the revision made from %s does not read back: %w", rv.Source, err)
		}
		manual, err := targets(path, sc, rv.Manual)
		if err != nil {
			return nil, err
		}
		r, err := script.ParseHeader(path, data)
		if err != nil {
			return nil, err
		}
		graph = append(graph, r)
		files = append(files, File{Path: path, ID: f.ID, Data: data, Manual: manual})
	}
	if _, err := revision.New(graph); err != nil {
		return nil, fmt.Errorf("the imported history is not a valid revision graph: %w", err)
	}
	if len(t.Existing) > 0 {
		if same(files, t.Existing) {
			return files, ErrAlreadyImported
		}
		ids := make([]string, 0, 3)
		for i, r := range t.Existing {
			if i == 3 {
				ids = append(ids, "…")
				break
			}
			ids = append(ids, r.ID)
		}
		return nil, fmt.Errorf("the project already has %d revision%s (%s): an import starts a history, so it goes into a project without revisions; "+
			"run `retort init` in a new folder and import there (or remove the existing revision files)",
			len(t.Existing), plural(len(t.Existing)), strings.Join(ids, ", "))
	}
	for _, f := range files {
		if _, err := os.Lstat(f.Path); err == nil {
			return nil, fmt.Errorf("%s already exists; remove it or import into an empty version folder", f.Path)
		}
	}
	return files, nil
}

// targets sets each manual block's Target: the line of its marker in the
// written file, blocks of a section in order.
func targets(path string, sc *script.Script, ms []Manual) ([]Manual, error) {
	out := make([]Manual, len(ms))
	next := map[string][]int{"upgrade": sc.Upgrade.Manual, "downgrade": sc.Downgrade.Manual}
	for i, m := range ms {
		lines := next[m.Section]
		if len(lines) == 0 {
			return nil, fmt.Errorf("%s: the block left for %s is missing from its %s section", path, m.Pos, m.Section)
		}
		m.Target = fmt.Sprintf("%s:%d", path, lines[0])
		next[m.Section] = lines[1:]
		out[i] = m
	}
	return out, nil
}

// same reports whether the project's revisions are exactly files: the same
// ids at the same paths with the same bytes.
func same(files []File, existing []*revision.Revision) bool {
	if len(files) != len(existing) {
		return false
	}
	byID := map[string]*revision.Revision{}
	for _, r := range existing {
		byID[r.ID] = r
	}
	for _, f := range files {
		r := byID[f.ID]
		if r == nil || filepath.Clean(r.Path) != filepath.Clean(f.Path) {
			return false
		}
		data, err := os.ReadFile(f.Path)
		if err != nil || !bytes.Equal(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), f.Data) {
			return false
		}
	}
	return true
}

// Write writes files, all or none: each goes to a hidden temporary file in
// its folder first, then is linked to its name (never replacing a file);
// on any failure every file written so far is removed. It returns a
// function that removes them all again (the caller's undo when a later step,
// such as stamping the database, fails).
func Write(files []File) (undo func() error, err error) {
	var done, temps []string
	remove := func() error {
		var errs []error
		for _, p := range done {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	}
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
		if err != nil {
			remove()
		}
	}()
	for _, f := range files {
		dir := filepath.Dir(f.Path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
		tmp, err := os.CreateTemp(dir, ".retort-import-*")
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		temps = append(temps, tmp.Name())
		if _, err := tmp.Write(f.Data); err != nil {
			tmp.Close()
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		if err := tmp.Close(); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	for i, f := range files {
		if err := os.Chmod(temps[i], 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		if err := os.Link(temps[i], f.Path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return nil, fmt.Errorf("%s appeared while importing; nothing was written", f.Path)
			}
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		done = append(done, f.Path)
	}
	return remove, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
