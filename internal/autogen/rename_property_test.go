package autogen_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/internal/testutil"
)

// TestRenameSetsProperty declares random sets of column renames in one
// table (swaps, chains, cycles, renames to a name another column gives
// up, with type changes, indexes, a check and a new column order mixed
// in) on every dialect, runs the upgrade and the downgrade, and checks
// that every value follows its column: after the upgrade under the new
// name, after the downgrade under the old one, with the schema as the
// models say and then as it was.
func TestRenameSetsProperty(t *testing.T) {
	t.Parallel()
	const seeds = 6
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			for seed := 1; seed <= seeds; seed++ {
				t.Run(fmt.Sprint(seed), func(t *testing.T) {
					t.Parallel()
					renameProperty(t, d, uint64(seed))
				})
			}
		})
	}
}

func renameProperty(t *testing.T, dialect string, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 14))
	q := func(n string) string { return `"` + n + `"` }
	if dialect == testutil.MySQL {
		q = func(n string) string { return "`" + n + "`" }
	}
	n := 3 + r.IntN(4)
	var cols []string
	for i := range n {
		cols = append(cols, fmt.Sprintf("c%d", i))
	}
	// A random injective renaming of a random subset into the pool of
	// the old names and some new ones.
	pool := append(append([]string(nil), cols...), "n0", "n1", "n2")
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	newName := map[string]string{}
	used := map[string]bool{}
	var moved []string
	for _, c := range cols {
		if r.IntN(3) > 0 {
			moved = append(moved, c)
		} else {
			newName[c] = c
			used[c] = true
		}
	}
	for _, c := range moved {
		for _, p := range pool {
			if !used[p] && p != c {
				newName[c] = p
				used[p] = true
				break
			}
		}
		if newName[c] == "" {
			newName[c] = c
			used[c] = true
		}
	}
	var renames []diff.Rename
	for _, c := range cols {
		if newName[c] != c {
			renames = append(renames, diff.Rename{Table: "t", Column: c, To: newName[c]})
		}
	}
	if len(renames) == 0 {
		t.Skip("no rename drawn")
	}
	typ := map[string]string{}
	wider := map[string]string{}
	for _, c := range cols {
		typ[c], wider[c] = "INTEGER", "INTEGER"
		if r.IntN(3) == 0 {
			wider[c] = "BIGINT"
		}
	}
	def := func(names map[string]string, types map[string]string, order []string) string {
		var b strings.Builder
		b.WriteString("CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY")
		for _, c := range order {
			fmt.Fprintf(&b, ", %s %s", q(names[c]), types[c])
		}
		fmt.Fprintf(&b, ", CHECK (%s > 0)", q(names[cols[0]]))
		b.WriteString(");\n")
		fmt.Fprintf(&b, "CREATE INDEX t_ix ON t (%s, %s);\n", q(names[cols[1]]), q(names[cols[2]]))
		return b.String()
	}
	same := map[string]string{}
	for _, c := range cols {
		same[c] = c
	}
	order := append([]string(nil), cols...)
	if r.IntN(2) == 0 {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	current := def(same, typ, cols)
	desired := def(newName, wider, order)
	defer func() {
		if t.Failed() {
			t.Logf("-- renames --\n%v\n-- current.sql --\n%s-- desired.sql --\n%s", renames, current, desired)
		}
	}()
	db := testutil.New(t, dialect)
	apply(t, db, current, "current schema")
	const rows = 3
	for i := 1; i <= rows; i++ {
		vals := []string{fmt.Sprint(i)}
		for j := range cols {
			vals = append(vals, fmt.Sprint((j+1)*100+i))
		}
		apply(t, db, "INSERT INTO t VALUES ("+strings.Join(vals, ", ")+");", "rows")
	}
	ctx := context.Background()
	cur, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	des := loadModels(t, db, desired, skip)
	up, down, _, err := autogen.GenerateRenamed(ctx, cur, des, dialect, renames)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	values := func(names map[string]string, phase string) {
		t.Helper()
		for j, c := range cols {
			var got []string
			rs, err := db.DB.Query("SELECT " + q(names[c]) + " FROM t ORDER BY id -- " + phase)
			if err != nil {
				t.Fatalf("read %s (was %s): %v", names[c], c, err)
			}
			for rs.Next() {
				var v int64
				if err := rs.Scan(&v); err != nil {
					t.Fatal(err)
				}
				got = append(got, fmt.Sprint(v))
			}
			rs.Close()
			var want []string
			for i := 1; i <= rows; i++ {
				want = append(want, fmt.Sprint((j+1)*100+i))
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("column %s (was %s) holds %v, want %v", names[c], c, got, want)
			}
		}
	}
	applyRevision(t, db, up, "upgrade:\n"+up)
	after, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	if ch, err := autogen.Diff(after, des, dialect); err != nil || len(ch) != 0 {
		t.Fatalf("check after upgrade not clean: %v %v\nupgrade:\n%s", ch, err, up)
	}
	values(newName, "after upgrade")
	applyRevision(t, db, down, "downgrade:\n"+down)
	back, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dump(t, dialect, back), dump(t, dialect, cur); got != want {
		t.Fatalf("downgrade did not restore the schema\nupgrade:\n%s\ndowngrade:\n%s\ngot:\n%s\nwant:\n%s", up, down, got, want)
	}
	values(same, "after downgrade")
}
