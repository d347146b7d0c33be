package autogen_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// rebuildCases are SQLite changes that need a table rebuild, each with rows
// the copy keeps and rows that make it fail, and the review note the
// generated revision must carry for that failure. Every case has a table
// referencing the rebuilt one (ON DELETE CASCADE), so a rebuild that ran
// with foreign keys on would delete its rows.
var rebuildCases = []struct {
	name             string
	current, desired string
	good, bad        []string // INSERT statements, one row each
	note             string   // in the upgrade's REVIEW lines
}{
	{
		name:    "not null",
		current: "CREATE TABLE c (id INTEGER PRIMARY KEY, nick TEXT);",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, nick TEXT NOT NULL);",
		good:    []string{"INSERT INTO c VALUES (1, 'a')", "INSERT INTO c VALUES (2, 'b')"},
		bad:     []string{"INSERT INTO c VALUES (3, NULL)"},
		note:    "fails if c.nick holds NULLs",
	},
	{
		name:    "type change in a STRICT table",
		current: "CREATE TABLE c (id INTEGER PRIMARY KEY, code TEXT) STRICT;",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, code INTEGER) STRICT;",
		good:    []string{"INSERT INTO c VALUES (1, '12')", "INSERT INTO c VALUES (2, '007')"},
		bad:     []string{"INSERT INTO c VALUES (3, 'abc')"},
		note:    "changes the type of c.code from TEXT to INTEGER: fails if existing values do not fit (STRICT table)",
	},
	{
		name:    "column becomes the rowid",
		current: "CREATE TABLE c (id INT PRIMARY KEY, v TEXT);",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, v TEXT);",
		good:    []string{"INSERT INTO c VALUES (1, 'a')", "INSERT INTO c VALUES (2, 'b')"},
		bad:     []string{"INSERT INTO c VALUES ('x', 'c')"},
		note:    "fails if it holds values that are not integers (the column becomes the rowid)",
	},
	{
		name:    "drop an indexed column and narrow a unique key",
		current: "CREATE TABLE c (id INTEGER PRIMARY KEY, a TEXT, b TEXT, UNIQUE (a, b));\nCREATE INDEX ix_c_b ON c (b);",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, a TEXT, UNIQUE (a));",
		good:    []string{"INSERT INTO c VALUES (1, 'x', '1')", "INSERT INTO c VALUES (2, 'y', '1')"},
		bad:     []string{"INSERT INTO c VALUES (3, 'x', '2')"},
		note:    "adds unique (a) on c: fails if existing rows hold duplicates",
	},
	{
		name:    "add a check",
		current: "CREATE TABLE c (id INTEGER PRIMARY KEY, qty INTEGER);",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty > 0));",
		good:    []string{"INSERT INTO c VALUES (1, 5)", "INSERT INTO c VALUES (2, 1)"},
		bad:     []string{"INSERT INTO c VALUES (3, 0)"},
		note:    "adds check (qty > 0) on c: fails if existing rows violate the check",
	},
	{
		name:    "add a NOT NULL column without a default",
		current: "CREATE TABLE c (id INTEGER PRIMARY KEY);",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, born TEXT NOT NULL);",
		bad:     []string{"INSERT INTO c VALUES (1)"},
		note:    "adds NOT NULL column c.born without a default: fails if the table has rows",
	},
	{
		name:    "make the table STRICT",
		current: "CREATE TABLE c (id INTEGER PRIMARY KEY, n INTEGER);",
		desired: "CREATE TABLE c (id INTEGER PRIMARY KEY, n INTEGER) STRICT;",
		good:    []string{"INSERT INTO c VALUES (1, 5)", "INSERT INTO c VALUES (2, '6')"},
		bad:     []string{"INSERT INTO c VALUES (3, 'seven')"},
		note:    "makes c STRICT: fails if existing values do not fit their columns' types",
	},
	{
		name:    "add a foreign key",
		current: "CREATE TABLE g (id INTEGER PRIMARY KEY);\nCREATE TABLE c (id INTEGER PRIMARY KEY, g_id INTEGER);\nINSERT INTO g VALUES (1), (2);",
		desired: "CREATE TABLE g (id INTEGER PRIMARY KEY);\nCREATE TABLE c (id INTEGER PRIMARY KEY, g_id INTEGER REFERENCES g (id));",
		good:    []string{"INSERT INTO c VALUES (1, 1)", "INSERT INTO c VALUES (2, NULL)"},
		bad:     []string{"INSERT INTO c VALUES (3, 9)"},
		note:    "adds foreign key c (g_id) -> g: fails if an existing row references no row of g (PRAGMA foreign_key_check)",
	},
}

// TestRebuildChangeKinds is a property over rebuild change kinds and random
// sets of rows, on SQLite, run through the real runner: the generated
// revision names the failure it risks; with only good rows it applies,
// keeps every row (the referencing table's too), gives the models' schema
// and leaves foreign keys checked clean and on; with a bad row it fails and
// the schema, every row, the version rows and the history are as before,
// plus one rolled-back history row.
func TestRebuildChangeKinds(t *testing.T) {
	t.Parallel()
	for i, c := range rebuildCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(uint64(i), 8))
			for round := range 4 {
				var rows []string
				for _, r := range c.good {
					if rng.IntN(4) > 0 {
						rows = append(rows, r)
					}
				}
				bad := round%2 == 1
				if bad {
					rows = append(rows, c.bad[rng.IntN(len(c.bad))])
					rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
				}
				t.Run(fmt.Sprintf("%d/bad=%v", round, bad), func(t *testing.T) {
					rebuildProperty(t, c.current, c.desired, rows, bad, c.note)
				})
			}
		})
	}
}

func rebuildProperty(t *testing.T, current, desired string, rows []string, bad bool, note string) {
	ctx := context.Background()
	db := testutil.New(t, testutil.SQLite)
	// A table referencing the rebuilt one: its rows cascade away if the
	// rebuild drops c with foreign keys on.
	ref := "\nCREATE TABLE ref (id INTEGER PRIMARY KEY, c_id INTEGER REFERENCES c (id) ON DELETE CASCADE);"
	apply(t, db, current+ref, "current schema")
	for _, r := range rows {
		apply(t, db, r, "row")
	}
	apply(t, db, "INSERT INTO ref (c_id) SELECT id FROM c", "referencing rows")
	cur, err := autogen.Inspect(ctx, db.DB, dialect.SQLite, skip)
	if err != nil {
		t.Fatal(err)
	}
	des := loadModels(t, db, desired+ref, skip)
	up, _, _, err := autogen.Generate(ctx, cur, des, dialect.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	noted := false
	for _, l := range strings.Split(up, "\n") {
		noted = noted || strings.HasPrefix(l, "-- REVIEW: ") && strings.HasSuffix(l, note)
	}
	if !noted || strings.Contains(up, "no-transaction") {
		t.Fatalf("the upgrade lacks the note %q or runs outside a transaction:\n%s", note, up)
	}
	before := fullDump(t, db)
	fk, err := runRevision(t, db, up)
	if bad {
		if err == nil {
			t.Fatalf("the rebuild succeeded over a bad row\nrows: %v\nupgrade:\n%s", rows, up)
		}
		if !strings.Contains(err.Error(), "rolled back: the database is as it was before this run") {
			t.Errorf("the error does not say it rolled back: %v", err)
		}
		sameDump(t, "after the failed rebuild", fullDump(t, db), before)
		// The bookkeeping tables, created in the rolled-back transaction,
		// exist again only to record the failure.
		if got := queryAll(t, db.DB, "SELECT count(*) FROM alembic_version"); got != "0(int64)\n" {
			t.Errorf("version rows after the failed rebuild: %s", got)
		}
		if got := queryAll(t, db.DB, "SELECT revision, status, executed FROM retort_history"); got != "x(string) rolled-back(string) 0(int64)\n" {
			t.Errorf("history after the failed rebuild: %s", got)
		}
	} else {
		if err != nil {
			t.Fatalf("rebuild: %v\nrows: %v\nupgrade:\n%s", err, rows, up)
		}
		after, err := autogen.Inspect(ctx, db.DB, dialect.SQLite, skip)
		if err != nil {
			t.Fatal(err)
		}
		if ch, err := autogen.Diff(after, des, dialect.SQLite); err != nil || len(ch) != 0 {
			t.Errorf("after the rebuild the database differs from the models: %v %v", ch, err)
		}
		sameRows(t, "after the rebuild", rowCounts(t, db, cur), rowCounts(t, db, after))
		if got := queryAll(t, db.DB, `SELECT "table" FROM pragma_foreign_key_check`); got != "" {
			t.Errorf("foreign_key_check after the rebuild: %s", got)
		}
	}
	if fk != 1 {
		t.Errorf("foreign_keys = %d on the run's connection after the run", fk)
	}
}

// runRevision runs text as the upgrade of revision x through the runner, as
// `retort upgrade` does (bookkeeping tables created in its transaction),
// and returns PRAGMA foreign_keys on its connection after the run and the
// run's error.
func runRevision(t *testing.T, db *testutil.DB, text string) (int, error) {
	t.Helper()
	ctx := context.Background()
	stmts, err := sqlstate.Split(text, false)
	if err != nil {
		t.Fatal(err)
	}
	var ss []script.Statement
	for _, st := range stmts {
		ss = append(ss, script.Statement{SQL: st.SQL, Line: st.Line})
	}
	d := sqlite.New()
	tables := &versiontable.Tables{D: d, Name: "alembic_version", History: "retort_history"}
	r := &migrate.Runner{Dialect: d, Tables: tables,
		Load: func(revision.Step) (*migrate.Unit, error) { return &migrate.Unit{Path: "x.sql", Statements: ss}, nil },
		EnsureTables: func(ctx context.Context, conn *sql.Conn) error {
			if _, err := tables.Ensure(ctx, conn); err != nil {
				return err
			}
			return tables.EnsureHistory(ctx, conn)
		}}
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	plan := &revision.Plan{Direction: revision.Up, Steps: []revision.Step{{Direction: revision.Up,
		Revision: &revision.Revision{ID: "x"}, To: []string{"x"}, Changes: []revision.RowChange{{Op: revision.Insert, To: "x"}}}}}
	_, runErr := r.Online(ctx, conn, plan)
	var fk int
	if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		t.Fatal(err)
	}
	return fk, runErr
}

// fullDump is every schema object and every row (values and storage
// classes) of every table but the bookkeeping ones.
func fullDump(t *testing.T, db *testutil.DB) string {
	t.Helper()
	var b strings.Builder
	const user = "name NOT IN ('alembic_version', 'retort_history') AND name NOT LIKE 'sqlite%'"
	b.WriteString(queryAll(t, db.DB, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE "+user+" ORDER BY 1"))
	for _, tb := range strings.Fields(queryAll(t, db.DB, "SELECT name FROM sqlite_master WHERE type = 'table' AND "+user+" ORDER BY 1")) {
		tb = strings.TrimSuffix(tb, "(string)")
		b.WriteString(queryAll(t, db.DB, "SELECT '"+tb+"', *, typeof(rowid) FROM "+tb+" ORDER BY rowid"))
	}
	return b.String()
}

// queryAll is a query's rows, columns joined by " ", one line each.
func queryAll(t *testing.T, db *sql.DB, q string) string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteString(" ")
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%v(%T)", v, v)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// The same risky change gets a review note on every dialect; on SQLite,
// where it is a rebuild, the note is on the row copy and says what in the
// rows makes it fail, in the words PostgreSQL's note uses.
func TestReviewNotesAcrossDialects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, current, desired string
		notes                  map[string]string // dialect → a REVIEW line holds it; "" key: every dialect
	}{
		{"set not null", "CREATE TABLE customers (id INTEGER PRIMARY KEY, nick VARCHAR(20));",
			"CREATE TABLE customers (id INTEGER PRIMARY KEY, nick VARCHAR(20) NOT NULL);",
			map[string]string{testutil.Postgres: "fails if customers.nick holds NULLs", testutil.SQLite: "fails if customers.nick holds NULLs",
				testutil.MySQL: "sets NOT NULL on customers.nick: fails if it holds NULLs"}},
		{"type change", "CREATE TABLE t (id INTEGER PRIMARY KEY, code VARCHAR(20));",
			"CREATE TABLE t (id INTEGER PRIMARY KEY, code INTEGER);",
			map[string]string{"": "changes the type of t.code from "}},
		{"new unique", "CREATE TABLE t (id INTEGER PRIMARY KEY, a VARCHAR(20));",
			"CREATE TABLE t (id INTEGER PRIMARY KEY, a VARCHAR(20), CONSTRAINT uq_t_a UNIQUE (a));",
			map[string]string{"": "fails if existing rows hold duplicates"}},
		{"new check", "CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER);",
			"CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER, CONSTRAINT ck_t_qty CHECK (qty > 0));",
			map[string]string{"": "fails if existing rows violate the check"}},
		{"drop column", "CREATE TABLE t (id INTEGER PRIMARY KEY, a VARCHAR(20), b VARCHAR(20));\nCREATE INDEX ix_t_b ON t (b);",
			"CREATE TABLE t (id INTEGER PRIMARY KEY, a VARCHAR(20));",
			map[string]string{"": "drops column t.b and its data"}},
		{"new NOT NULL column", "CREATE TABLE t (id INTEGER PRIMARY KEY);",
			"CREATE TABLE t (id INTEGER PRIMARY KEY, born VARCHAR(20) NOT NULL);",
			map[string]string{"": "adds NOT NULL column t.born without a default"}},
	}
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					t.Parallel()
					ctx := context.Background()
					db := testutil.New(t, dialect)
					apply(t, db, c.current, "current schema")
					cur, err := autogen.Inspect(ctx, db.DB, dialect, skip)
					if err != nil {
						t.Fatal(err)
					}
					up, _, _, err := autogen.Generate(ctx, cur, loadModels(t, db, c.desired, skip), dialect)
					if err != nil {
						t.Fatal(err)
					}
					want, ok := c.notes[dialect]
					if !ok {
						want = c.notes[""]
					}
					for _, l := range strings.Split(up, "\n") {
						if strings.HasPrefix(l, "-- REVIEW: ") && strings.Contains(l, want) {
							return
						}
					}
					t.Errorf("no REVIEW line holds %q:\n%s", want, up)
				})
			}
		})
	}
}

// A rebuild keeps an AUTOINCREMENT table's counter: ids of rows deleted
// before it are not handed out again, also when no row is left to copy.
func TestRebuildKeepsAutoIncrementCounter(t *testing.T) {
	t.Parallel()
	for _, keep := range []string{"id < 3", "0"} {
		t.Run(keep, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, testutil.SQLite)
			apply(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);\nINSERT INTO t (v) VALUES ('a'), ('b'), ('c');\nDELETE FROM t WHERE NOT ("+keep+");", "current")
			cur, err := autogen.Inspect(ctx, db.DB, dialect.SQLite, skip)
			if err != nil {
				t.Fatal(err)
			}
			up, _, _, err := autogen.Generate(ctx, cur, loadModels(t, db, "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL);", skip), dialect.SQLite)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := runRevision(t, db, up); err != nil {
				t.Fatalf("%v\n%s", err, up)
			}
			apply(t, db, "INSERT INTO t (v) VALUES ('d')", "insert after the rebuild")
			if got := queryAll(t, db.DB, "SELECT id FROM t WHERE v = 'd'"); got != "4(int64)\n" {
				t.Errorf("the row inserted after the rebuild got id %s, want 4\n%s", got, up)
			}
			if got := queryAll(t, db.DB, "SELECT name, seq FROM sqlite_sequence"); got != "t(string) 4(int64)\n" {
				t.Errorf("sqlite_sequence: %s", got)
			}
		})
	}
}
