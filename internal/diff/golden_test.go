package diff_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

// variants are the diff.Options each dialect supplies, and the zero Options.
func variants() []struct {
	name string
	o    diff.Options
} {
	return []struct {
		name string
		o    diff.Options
	}{
		{"zero options", diff.Options{}},
		{"postgres", postgres.New().DiffOptions()},
		{"mysql", mysql.New().DiffOptions()},
		{"sqlite", sqlite.New().DiffOptions()},
	}
}

// TestGolden diffs every schema pair under testdata/pairs both ways with
// every variant of diff.Options and compares the ordered changes, written
// out in full, with testdata/golden (-update rewrites it). It needs no
// server: it pins what the diff decides, apart from how a dialect renders
// it (internal/autogen's round trips check that on real servers).
func TestGolden(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob("testdata/pairs/*/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no schema pairs under testdata/pairs")
	}
	pairs := map[string]func(t *testing.T) pair{}
	for _, path := range paths {
		rel, _ := filepath.Rel("testdata/pairs", path)
		pairs[strings.TrimSuffix(filepath.ToSlash(rel), ".json")] = func(t *testing.T) pair { return readPair(t, path) }
	}
	for name, mk := range handPairs {
		pairs["hand/"+name] = func(*testing.T) pair { return mk() }
	}
	for name, mk := range pairs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			for _, v := range variants() {
				for _, dir := range []string{"up", "down"} {
					p := mk(t) // fresh values: nothing shared between runs
					from, to := p.From, p.To
					if dir == "down" {
						from, to = to, from
					}
					changes, err := diff.Diff(from, to, v.o)
					fmt.Fprintf(&b, "== %s, %s\n", v.name, dir)
					if err != nil {
						fmt.Fprintf(&b, "error: %v\n", err)
						continue
					}
					b.WriteString(describeAll(changes))
				}
			}
			goldenFile(t, filepath.Join("testdata", "golden", name+".txt"), b.String())
		})
	}
}

// describeAll writes changes one per line, with what the line alone leaves
// out: the changes inside a table one per line, the table's state before
// and after a ModifyTable (phases move foreign keys, checks and indexes
// between steps), the foreign keys a new table carries inline, and who uses
// an enum being changed.
func describeAll(changes []schema.Change) string {
	var b strings.Builder
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.ModifyTable:
			fmt.Fprintf(&b, "modify table %q\n", schema.QualifiedName(c.To.Schema, c.To.Name))
			for _, tc := range c.Changes {
				fmt.Fprintf(&b, "  %s\n", tc)
			}
			fmt.Fprintf(&b, "  from: %s\n", tableState(c.From))
			fmt.Fprintf(&b, "  to:   %s\n", tableState(c.To))
		case *schema.AddTable:
			fmt.Fprintf(&b, "%s\n  %s\n", c, tableState(c.Table))
		case *schema.DropTable:
			fmt.Fprintf(&b, "%s\n  %s\n", c, tableState(c.Table))
		case *schema.ModifyEnum:
			fmt.Fprintf(&b, "%s\n", c)
			var users []string
			for _, u := range c.Users {
				users = append(users, schema.QualifiedName(u.Table.Schema, u.Table.Name)+"."+u.Column.Name)
			}
			fmt.Fprintf(&b, "  recreate=%v users=[%s]\n", c.Recreate, strings.Join(users, " "))
		default:
			fmt.Fprintf(&b, "%s\n", c)
		}
	}
	return b.String()
}

// tableState summarizes what a table holds, by name.
func tableState(t *schema.Table) string {
	var parts []string
	var cols []string
	for _, c := range t.Columns {
		cols = append(cols, c.Name+" "+c.Type.SQL)
	}
	parts = append(parts, "columns("+strings.Join(cols, ", ")+")")
	if t.PrimaryKey != nil {
		parts = append(parts, fmt.Sprintf("pk %q(%s)", t.PrimaryKey.Name, strings.Join(t.PrimaryKey.Columns, ",")))
	}
	list := func(kind string, names []string) {
		if len(names) > 0 {
			parts = append(parts, kind+"("+strings.Join(names, ", ")+")")
		}
	}
	var names []string
	for _, u := range t.Uniques {
		names = append(names, fmt.Sprintf("%q(%s)", u.Name, strings.Join(u.Columns, ",")))
	}
	list("uniques", names)
	names = nil
	for _, x := range t.Indexes {
		names = append(names, fmt.Sprintf("%q", x.Name))
	}
	list("indexes", names)
	names = nil
	for _, fk := range t.ForeignKeys {
		names = append(names, fmt.Sprintf("%q(%s)→%s", fk.Name, strings.Join(fk.Columns, ","), schema.QualifiedName(fk.RefSchema, fk.RefTable)))
	}
	list("fks", names)
	names = nil
	for _, c := range t.Checks {
		names = append(names, fmt.Sprintf("%q", c.Name))
	}
	list("checks", names)
	return strings.Join(parts, " ")
}

func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run with -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the diff (run with -update to accept):\n%s", path, got)
	}
}
