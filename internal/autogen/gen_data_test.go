package autogen_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
)

// TestGeneratedColumnKeepsValues changes a column between regular,
// STORED and VIRTUAL (where the dialect has it) with rows in the table,
// on every dialect, and checks the values both ways: a column that stops
// being generated keeps the values it gave, one that becomes generated
// gives its expression's, and every other column keeps its own.
func TestGeneratedColumnKeepsValues(t *testing.T) {
	t.Parallel()
	const (
		regular = "INTEGER"
		stored  = "INTEGER GENERATED ALWAYS AS (price * qty) STORED"
		virtual = "INTEGER GENERATED ALWAYS AS (price * qty) VIRTUAL"
	)
	cases := []struct{ name, from, to string }{
		{"stored to regular", stored, regular},
		{"regular to stored", regular, stored},
		{"virtual to regular", virtual, regular},
		{"regular to virtual", regular, virtual},
		{"virtual to stored", virtual, stored},
		{"stored to virtual", stored, virtual},
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			for _, c := range cases {
				if d == testutil.Postgres && (strings.Contains(c.from, "VIRTUAL") || strings.Contains(c.to, "VIRTUAL")) {
					continue // PostgreSQL 15 has only STORED
				}
				t.Run(c.name, func(t *testing.T) {
					t.Parallel()
					generatedValues(t, d, c.from, c.to)
				})
			}
		})
	}
}

func generatedValues(t *testing.T, dialect, from, to string) {
	ctx := context.Background()
	table := func(total string) string {
		return "CREATE TABLE g (id INTEGER NOT NULL PRIMARY KEY, price INTEGER, qty INTEGER, total " + total + ", note VARCHAR(10));\n" +
			"CREATE INDEX g_total ON g (total, note);\n"
	}
	db := testutil.New(t, dialect)
	apply(t, db, table(from), "current schema")
	// A regular column holds values the expression would not give.
	for i := 1; i <= 3; i++ {
		if strings.Contains(from, "GENERATED") {
			apply(t, db, fmt.Sprintf("INSERT INTO g (id, price, qty, note) VALUES (%d, %d, %d, 'n%d');", i, i+1, i+2, i), "rows")
		} else {
			apply(t, db, fmt.Sprintf("INSERT INTO g (id, price, qty, total, note) VALUES (%d, %d, %d, %d, 'n%d');", i, i+1, i+2, 1000+i, i), "rows")
		}
	}
	read := func(phase string) string {
		t.Helper()
		rows, err := db.DB.Query("SELECT id, price, qty, total, note FROM g ORDER BY id -- " + phase)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, price, qty, total int64
			var note string
			if err := rows.Scan(&id, &price, &qty, &total, &note); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%d:%d*%d=%d,%s", id, price, qty, total, note))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return strings.Join(out, " ")
	}
	before := read("before")
	computed := strings.NewReplacer("=1001", "=6", "=1002", "=12", "=1003", "=20").Replace(before)
	cur, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	des := loadModels(t, db, table(to), skip)
	up, down, _, err := autogen.Generate(ctx, cur, des, dialect)
	if err != nil {
		t.Fatal(err)
	}
	applyRevision(t, db, up, "upgrade:\n"+up)
	after, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	if ch, err := autogen.Diff(after, des, dialect); err != nil || len(ch) != 0 {
		t.Fatalf("check after upgrade not clean: %v %v\nupgrade:\n%s", ch, err, up)
	}
	want := before
	if strings.Contains(to, "GENERATED") {
		want = computed
	}
	if got := read("after upgrade"); got != want {
		t.Errorf("after upgrade: %s, want %s\nupgrade:\n%s", got, want, up)
	}
	applyRevision(t, db, down, "downgrade:\n"+down)
	back, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dump(t, dialect, back), dump(t, dialect, cur); got != want {
		t.Fatalf("downgrade did not restore the schema\ndowngrade:\n%s\ngot:\n%s\nwant:\n%s", down, got, want)
	}
	// Back where it started: generated again gives the expression's
	// values; regular again keeps what it held after the upgrade (the
	// computed values, when the upgrade made it generated).
	want = computed
	if !strings.Contains(from, "GENERATED") && !strings.Contains(to, "GENERATED") {
		want = before
	}
	if got := read("after downgrade"); got != want {
		t.Errorf("after downgrade: %s, want %s\ndowngrade:\n%s", got, want, down)
	}
}
