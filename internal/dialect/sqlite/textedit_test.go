package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// The text edits are SQLite's own: each case runs the ALTER TABLE on a
// real database and compares the stored text with the edit's.
func TestColumnTextEditsAreSQLites(t *testing.T) {
	t.Parallel()
	tables := []string{
		"CREATE TABLE t (id INTEGER NOT NULL, b INT\n)",
		"CREATE TABLE t (id INTEGER, b INT -- note, x\n , CONSTRAINT u UNIQUE (b), CHECK (b > 0))",
		`CREATE TABLE t ("id" INTEGER, x INT DEFAULT (1), "y,z" INT CHECK (x > 0), PRIMARY KEY ("y,z"))`,
		"CREATE TABLE t (\n\tid INTEGER NOT NULL, \n\tlo INTEGER CHECK (lo >= 0), \n\tspare INTEGER, \n\tPRIMARY KEY (spare)\n)",
		"CREATE TABLE t(id,x,y)",
		"CREATE TABLE t (id INT, x NUMERIC(10, 2) /* a, b */, y TEXT COLLATE NOCASE)",
	}
	ctx := context.Background()
	for i, table := range tables {
		db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "t.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		stored := func() string {
			t.Helper()
			var s string
			if err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE name = 't'").Scan(&s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		if _, err := db.ExecContext(ctx, table); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		want := stored()
		// Add, then drop every column but the last one left, first to last
		// and the added one in between.
		steps := []struct{ add, drop string }{{add: "z INT DEFAULT 0"}, {drop: "id"}, {add: `"w w" TEXT`}, {drop: "z"}}
		for _, s := range steps {
			var got string
			var ok bool
			q := ""
			if s.add != "" {
				got, ok = addColumnText(want, s.add)
				q = "ALTER TABLE t ADD COLUMN " + s.add
			} else {
				got, ok = dropColumnText(want, s.drop)
				q = "ALTER TABLE t DROP COLUMN " + s.drop
			}
			if !ok {
				t.Fatalf("case %d: %s: the edit refused %q", i, q, want)
			}
			if _, err := db.ExecContext(ctx, q); err != nil {
				t.Fatalf("case %d: %s: %v", i, q, err)
			}
			if want = stored(); got != want {
				t.Errorf("case %d: %s:\n got %q\nwant %q", i, q, got, want)
			}
		}
	}
	for _, bad := range []string{"CREATE TABLE t (id INT)", "CREATE VIEW v AS SELECT 1", "CREATE TABLE t (id INT, x INT"} {
		if _, ok := dropColumnText(bad, "id"); ok {
			t.Errorf("dropColumnText(%q) did not refuse", bad)
		}
	}
}

// FuzzColumnTextEdits: for any CREATE TABLE text SQLite accepts, the
// edits agree with what SQLite stores after ADD COLUMN and DROP COLUMN,
// and refuse only a drop SQLite refuses too.
func FuzzColumnTextEdits(f *testing.F) {
	for _, s := range []string{
		"id INTEGER NOT NULL, b INT\n",
		"id INTEGER, b INT -- note, x\n , CONSTRAINT u UNIQUE (b), CHECK (b > 0)",
		`"id" INTEGER, x INT DEFAULT (1), "y,z" INT CHECK (x > 0), PRIMARY KEY ("y,z")`,
		"a, b, c",
		"a /* ( */ TEXT, [b] INT, `c` REAL, PRIMARY KEY (a)",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	stored := func(t *testing.T) string {
		var s string
		if err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE name = 't'").Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	f.Fuzz(func(t *testing.T, body string, pick uint8) {
		if _, err := db.ExecContext(ctx, "DROP TABLE IF EXISTS t"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, "CREATE TABLE t ("+body+")"); err != nil {
			return
		}
		text := stored(t)
		got, ok := addColumnText(text, "zz_added INT")
		if _, err := db.ExecContext(ctx, "ALTER TABLE t ADD COLUMN zz_added INT"); err != nil {
			return // a name taken, say
		}
		if want := stored(t); !ok || got != want {
			t.Fatalf("ADD COLUMN on %q: got %q (%v), want %q", text, got, ok, want)
		}
		text = stored(t)
		var cols []string
		rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_xinfo('t')")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, n)
		}
		rows.Close()
		col := cols[int(pick)%len(cols)]
		got, ok = dropColumnText(text, col)
		if _, err := db.ExecContext(ctx, `ALTER TABLE t DROP COLUMN "`+strings.ReplaceAll(col, `"`, `""`)+`"`); err != nil {
			return // SQLite refuses it: the renderer's conditions keep it from asking
		}
		if want := stored(t); !ok || got != want {
			t.Fatalf("DROP COLUMN %q on %q: got %q (%v), want %q", col, text, got, ok, want)
		}
	})
}
