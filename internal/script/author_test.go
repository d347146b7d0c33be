package script

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/revision"
)

// FuzzAuthorCreate: whatever the message, id and file_template, Create
// either refuses and leaves the directory as it was, or writes one file
// inside it that loads back as the revision it returned.
func FuzzAuthorCreate(f *testing.F) {
	f.Add("add users", "", "")
	f.Add("", "abc123", "%(rev)s")
	f.Add("x/y ../z", "a1", "%(year)d/%(rev)s_%(slug)s")
	f.Add("héllo wörld", "b2", "%(slug).5s_%(rev)s")
	f.Add("line\nbreak -- Revision ID: z", "c3", "../%(rev)s")
	f.Add("m", "a b", "%(nope)s")
	f.Add("m", "x@y", "%")
	f.Add("m", "base", "%(rev)s")
	f.Add("m", "dup", ".%(rev)s")
	f.Fuzz(func(t *testing.T, message, id, tmpl string) {
		if !utf8.ValidString(tmpl) {
			// retort.toml is UTF-8 and NewRevision refuses such a template;
			// the loader cannot read a folder named by invalid UTF-8.
			return
		}
		dir := t.TempDir()
		versions := filepath.Join(dir, "versions")
		if err := os.Mkdir(versions, 0o755); err != nil {
			t.Fatal(err)
		}
		base := Render(NewFile{ID: "dup", Message: "first", CreateDate: time.Unix(0, 0).UTC()})
		if err := os.WriteFile(filepath.Join(versions, "dup_first.sql"), base, 0o644); err != nil {
			t.Fatal(err)
		}
		_, g, err := LoadGraph(Source{Dirs: []string{versions}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		a := &Author{Graph: g, Locations: []string{versions}, FileTemplate: tmpl}
		path, rev, err := a.Create(NewRevision{Message: message, RevID: id, Heads: []string{"head"}})
		files := walk(t, dir)
		if err != nil {
			if !slices.Equal(files, []string{"versions/dup_first.sql"}) {
				t.Fatalf("refused (%v) but the folder holds %v", err, files)
			}
			return
		}
		rel, rerr := filepath.Rel(versions, path)
		if rerr != nil || !filepath.IsLocal(rel) {
			t.Fatalf("wrote %s outside %s", path, versions)
		}
		if len(files) != 2 {
			t.Fatalf("folder holds %v", files)
		}
		if strings.HasPrefix(rel, ".") || strings.Contains(filepath.ToSlash(rel), "/.") {
			// Known and kept (a behaviour of its own, left as it is): a file_template
			// with a folder starting with "." writes where Load, which skips
			// hidden names, never looks.
			return
		}
		_, g2, err := LoadGraph(Source{Dirs: []string{versions}, Recursive: true}, nil)
		if err != nil {
			t.Fatalf("the written file does not load: %v", err)
		}
		got := g2.Get(rev.ID)
		if got == nil || got.Message != rev.Message || !slices.Equal(got.Parents, []string{"dup"}) {
			t.Fatalf("loaded %+v, created %+v", got, rev)
		}
		if id != "" && rev.ID != id {
			t.Fatalf("id %q, asked for %q", rev.ID, id)
		}
		if err := revision.ValidateID(rev.ID); err != nil {
			t.Fatal(err)
		}
	})
}

// walk lists the files under dir, slash-separated and relative to it.
func walk(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
