// Package rendertest runs the dialects' golden rendering tests: typed
// changes, and their Reverse, rendered to SQL text and compared with
// testdata/render/<case>.sql, with no server. Each dialect package brings
// its cases and its Render; the harness is the same for all.
//
// It imports schema only, and is imported only by the dialect packages'
// tests.
package rendertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// Case is one golden test: the changes whose rendering is pinned in
// testdata/render/<Name>.sql.
type Case struct {
	Name    string
	Changes []schema.Change
}

// Run renders every case up (the changes) and down (their Reverse) with
// render and compares the text with its golden file; update rewrites the
// files instead.
func Run(t *testing.T, render func([]schema.Change) (*schema.Rendered, error), cases []Case, update bool) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			got := "-- up\n" + Text(render, c.Changes) + "-- down\n" + Text(render, schema.Reverse(c.Changes))
			golden(t, filepath.Join("testdata", "render", c.Name+".sql"), got, update)
		})
	}
}

// Text is the rendering of changes as the golden files hold it: statements
// with their comments and review notes, or the error.
func Text(render func([]schema.Change) (*schema.Rendered, error), changes []schema.Change) string {
	out, err := render(changes)
	if err != nil {
		return "-- error: " + err.Error() + "\n"
	}
	var b strings.Builder
	if out.NoTransaction {
		b.WriteString("-- no transaction\n")
	}
	for _, s := range out.Statements {
		for _, l := range strings.Split(s.Comment, "\n") {
			if l != "" {
				b.WriteString("-- " + l + "\n")
			}
		}
		for _, l := range strings.Split(s.Review, "\n") {
			if l != "" {
				b.WriteString("-- review: " + l + "\n")
			}
		}
		b.WriteString(s.SQL + ";\n")
	}
	return b.String()
}

func golden(t *testing.T, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (go test -update rewrites it)\n--- got ---\n%s--- want ---\n%s", path, got, want)
	}
}
