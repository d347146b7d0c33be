package script

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/retortdb/retort/internal/revision"
)

// NewRevision says what revision to create (Alembic's generate_revision
// arguments).
type NewRevision struct {
	Message      string
	Heads        []string // symbols naming the parents: an id, label@head, heads, base
	Splice       bool     // allow parents that are not heads (starts a branch)
	BranchLabels []string
	DependsOn    []string // ids or labels; labels are kept as written
	RevID        string   // "" = a generated id
	VersionPath  string   // the version location to write to ("" = the only one, else the parent's)
	// MultipleHeads rewords the error when a symbol names several heads
	// ("" = the resolver's own; errors.Is(err, revision.ErrMultipleHeads)
	// holds either way).
	MultipleHeads string
	// Upgrade and Downgrade are the section bodies ("" = placeholders).
	Upgrade, Downgrade string
}

// Author writes new revision files into operating-system directories, with
// Alembic's rules (ScriptDirectory.generate_revision). Nothing is written
// unless the graph with the new revision is valid.
type Author struct {
	Graph *revision.Graph
	// ScriptLocation joins revision paths read through an fs.FS (relative
	// to the script location) when a parent's folder picks the location.
	ScriptLocation string
	// Locations are the version locations: directories of the OS.
	Locations          []string
	FileTemplate       string // "" = DefaultFileTemplate
	TruncateSlugLength int    // 0 = DefaultTruncateSlugLength
	// Now gives the create date (and the time in file_template); nil =
	// time.Now in the local zone. Its error (a bad timezone) is returned
	// as it is.
	Now func() (time.Time, error)
}

// Create checks n against the graph, writes the file and returns its path
// and the new revision as read back from the written header.
func (a *Author) Create(n NewRevision) (string, *revision.Revision, error) {
	g := a.Graph
	id := n.RevID
	if id == "" {
		id = NewID()
	}
	if err := revision.ValidateID(id); err != nil {
		return "", nil, err
	}
	if r := g.Get(id); r != nil {
		where := r.Path
		if where == "" {
			where = "a Go revision"
		}
		return "", nil, failf("Revision id %s is already used by %s; choose another --rev-id", id, where)
	}

	var parents []*revision.Revision
	for _, sym := range n.Heads {
		revs, err := g.Resolve(sym)
		if err != nil {
			if errors.Is(err, revision.ErrMultipleHeads) && n.MultipleHeads != "" {
				return "", nil, &rewordedError{msg: n.MultipleHeads, err: err}
			}
			return "", nil, err
		}
		parents = append(parents, revs...)
	}
	seen := map[string]bool{}
	for _, r := range parents {
		if seen[r.ID] {
			return "", nil, failf("Duplicate head revisions specified")
		}
		seen[r.ID] = true
	}

	dir, err := a.versionDir(n.VersionPath, parents)
	if err != nil {
		return "", nil, err
	}
	if !n.Splice {
		for _, r := range parents {
			if !g.IsHead(r.ID) {
				return "", nil, failf("Revision %s is not a head revision; please specify --splice to create a new branch from this revision", r.ID)
			}
		}
	}
	deps, err := resolveDependsOn(g, n.DependsOn)
	if err != nil {
		return "", nil, err
	}

	now := time.Now()
	if a.Now != nil {
		if now, err = a.Now(); err != nil {
			return "", nil, err
		}
	}
	tmpl, truncate := a.FileTemplate, a.TruncateSlugLength
	if tmpl == "" {
		tmpl = DefaultFileTemplate
	}
	if truncate == 0 {
		truncate = DefaultTruncateSlugLength
	}
	name, err := FileName(tmpl, id, Slug(n.Message, truncate), now)
	if err != nil {
		return "", nil, err
	}
	path := filepath.Join(dir, filepath.FromSlash(name))

	parentIDs := make([]string, len(parents))
	for i, r := range parents {
		parentIDs[i] = r.ID
	}
	message := n.Message
	if message == "" {
		message = EmptyMessage
	}
	data := Render(NewFile{
		ID: id, Message: message, Parents: parentIDs, BranchLabels: n.BranchLabels,
		DependsOn: deps, CreateDate: now, Upgrade: n.Upgrade, Downgrade: n.Downgrade,
	})
	// Validate the graph with the new revision before writing anything:
	// a duplicate id or a label already in use is refused here.
	rev, err := ParseHeader(path, data)
	if err != nil {
		return "", nil, err
	}
	if _, err := revision.New(append(g.Revisions(), rev)); err != nil {
		return "", nil, err
	}
	if err := writeNew(path, data); err != nil {
		return "", nil, err
	}
	return path, rev, nil
}

// writeNew creates path with data, never replacing a file, and leaves no
// partial file behind.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create directory for %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return failf("File %s already exists; choose another --rev-id or message", path)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// versionDir picks the version location to write to: versionPath (which
// must be a configured location), else the only location, else the parent's.
func (a *Author) versionDir(versionPath string, parents []*revision.Revision) (string, error) {
	if versionPath == "" {
		if len(a.Locations) == 1 {
			return a.Locations[0], nil
		}
		for _, r := range parents {
			if r.Path != "" {
				p := r.Path
				if !filepath.IsAbs(p) { // read through an fs.FS
					p = filepath.Join(a.ScriptLocation, filepath.FromSlash(p))
				}
				versionPath = filepath.Dir(p)
				break
			}
		}
		if versionPath == "" {
			return "", failf("Multiple version locations present, please specify --version-path")
		}
	}
	abs, err := filepath.Abs(versionPath)
	if err != nil {
		return "", err
	}
	for _, loc := range a.Locations {
		if filepath.Clean(loc) == filepath.Clean(abs) {
			return loc, nil
		}
	}
	return "", failf("Path %s is not represented in current version locations", versionPath)
}

// resolveDependsOn expands depends_on values to full ids, keeping branch
// labels as typed (Alembic's rule).
func resolveDependsOn(g *revision.Graph, deps []string) ([]string, error) {
	var out, resolved []string
	for _, d := range deps {
		revs, err := g.Resolve(d)
		if err != nil {
			return nil, err
		}
		if len(revs) != 1 {
			return nil, failf("Can't locate revision identified by '%s'", d)
		}
		r := revs[0]
		if slices.Contains(resolved, r.ID) {
			return nil, fmt.Errorf("--depends-on %s names revision %s a second time; give each dependency once", d, r.ID)
		}
		resolved = append(resolved, r.ID)
		if slices.Contains(r.BranchLabels, d) || slices.Contains(g.Labels(r.ID), d) {
			out = append(out, d)
		} else {
			out = append(out, r.ID)
		}
	}
	return out, nil
}

// messageError is a refusal worded for the user as it stands, often
// Alembic's own sentence (capitalised, with punctuation).
type messageError string

func (e messageError) Error() string { return string(e) }

// rewordedError says err in the caller's words (errors.Is still finds it).
type rewordedError struct {
	msg string
	err error
}

func (e *rewordedError) Error() string { return e.msg }
func (e *rewordedError) Unwrap() error { return e.err }

func failf(format string, args ...any) error { return messageError(fmt.Sprintf(format, args...)) }
