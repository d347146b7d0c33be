package lint

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

// lintDir lints every revision file of dir, in graph order.
func lintDir(t *testing.T, dialectName, dir string) []Finding {
	t.Helper()
	set, g, err := script.LoadGraph(script.Source{Dirs: []string{dir}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	order, err := g.History("", nil)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(order)
	var revs []Revision
	for _, r := range order {
		sc, err := set.Script(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		lr := FromScript(sc, filepath.Base(sc.Revision.Path))
		revs = append(revs, lr)
	}
	d, err := registry.Lookup(dialectName)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Run(revs, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// Clean, realistic histories written the safe way: not one finding.
func TestCleanHistories(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ dialect, dir string }{
		{"postgres", "testdata/clean/postgres"},
		{"mysql", "testdata/clean/mysql"},
		{"sqlite", "testdata/clean/sqlite"},
		{"sqlite", "../../examples/orion/migrations/versions"},
		{"mysql", "../../examples/orion/migrations/versions"},
	} {
		t.Run(c.dialect+"/"+c.dir, func(t *testing.T) {
			t.Parallel()
			if fs := lintDir(t, c.dialect, c.dir); len(fs) > 0 {
				t.Errorf("%d findings on a clean history:\n%s", len(fs), describe(fs))
			}
		})
	}
}

// Hazards hidden in innocent-looking revisions: each expected finding, by
// file, line and rule, and nothing else.
func TestHazardHistory(t *testing.T) {
	t.Parallel()
	fs := lintDir(t, "postgres", "testdata/hazards/postgres")
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Rule))
	}
	want := []string{
		"d00000000001.sql:10 pg-int-id",
		"d00000000001.sql:10 pg-prefer-timestamptz",
		"d00000000002.sql:11 pg-create-index-concurrently",
		"d00000000003.sql:11 type-change-narrows",
		"d00000000003.sql:11 pg-alter-column-type",
		"d00000000003.sql:12 drop-column",
		"d00000000004.sql:14 drop-column",
		"d00000000004.sql:13 downgrade-not-reverse",
		"d00000000005.sql:10 delete-all-rows",
		"d00000000005.sql:11 pg-lock-timeout",
		"d00000000005.sql:11 delete-all-rows",
		"d00000000005.sql:11 pg-truncate-cascade",
		"d00000000006.sql:1 downgrade-missing",
		"d00000000006.sql:1 message-uninformative",
		"d00000000006.sql:11 pg-add-column-required",
		"d00000000006.sql:12 pg-add-foreign-key",
		"d00000000006.sql:13 pg-set-not-null",
		"d00000000007.sql:10 pg-concurrently-in-transaction",
		"d00000000007.sql:13 pg-concurrently-in-transaction",
		"d00000000008.sql:10 review-note-left",
		"d00000000008.sql:11 rename-column",
		"d00000000008.sql:11 pg-lock-timeout",
		"d00000000008.sql:12 pg-add-column-rewrite",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), describe(fs))
	}
}
