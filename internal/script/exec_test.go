package script

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// TestStatementsRunOnRealDatabases parses a revision file per dialect full
// of bodies, strings and comments that a naive split on ';' breaks, and runs
// its statements one by one on a real database: each must be exactly one
// statement the server accepts. Queries then check what the triggers,
// procedures and functions did, and the downgrade removes everything.
func TestStatementsRunOnRealDatabases(t *testing.T) {
	t.Parallel()
	checks := map[string][]struct{ query, want string }{
		testutil.SQLite: {
			{"SELECT group_concat(msg, '|') FROM (SELECT msg FROM audit ORDER BY rowid)",
				"insert; semi;colon it's|negative; careful|insert; plain it's|ok"},
			{"SELECT count(*) FROM account", "2"},
		},
		testutil.Postgres: {
			{`SELECT string_agg(msg, '|' ORDER BY msg COLLATE "C") FROM audit`,
				"insert; dollar; 'quoted'|insert; it's; quoted|insert; plain ';' "},
			{"SELECT add_one(1) + two()", "4"},
		},
		testutil.MySQL: {
			{"SELECT GROUP_CONCAT(msg ORDER BY msg SEPARATOR '|') FROM audit",
				"insert; It's; escaped|insert; row 0|insert; row 1|zero; balance|zero; balance|zero; balance"},
			{"SELECT CONCAT(COUNT(*), ',', SUM(balance), ',', twice(21)) FROM account", "3,0,42"},
		},
	}
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile("testdata/exec/" + dialect + ".sql")
			if err != nil {
				t.Fatal(err)
			}
			s, err := Parse(dialect+".sql", data)
			if err != nil {
				t.Fatal(err)
			}
			// Servers that accept several statements in one call (MySQL
			// with multiStatements) would hide a missed split: count them.
			want := map[string][2]int{testutil.SQLite: {5, 3}, testutil.Postgres: {8, 6}, testutil.MySQL: {8, 6}}[dialect]
			if got := [2]int{len(s.Upgrade.Statements), len(s.Downgrade.Statements)}; got != want {
				t.Fatalf("upgrade/downgrade statements = %v, want %v", got, want)
			}
			db := testutil.New(t, dialect)
			ctx := context.Background()
			conn, err := db.DB.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			run := func(sec Section) {
				t.Helper()
				for _, st := range sec.Statements {
					if _, err := conn.ExecContext(ctx, st.SQL); err != nil {
						t.Fatalf("%s:%d: %v\n%s", dialect, st.Line, err, st.SQL)
					}
				}
			}
			run(s.Upgrade)
			for _, c := range checks[dialect] {
				var got sql.NullString
				if err := conn.QueryRowContext(ctx, c.query).Scan(&got); err != nil {
					t.Fatalf("%s: %v", c.query, err)
				}
				if got.String != c.want {
					t.Errorf("%s\n got %q\nwant %q", c.query, got.String, c.want)
				}
			}
			run(s.Downgrade)
			var n int
			q := map[string]string{
				testutil.SQLite:   "SELECT count(*) FROM sqlite_master",
				testutil.Postgres: "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
				testutil.MySQL:    "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()) + (SELECT count(*) FROM information_schema.routines WHERE routine_schema = DATABASE())",
			}[dialect]
			if err := conn.QueryRowContext(ctx, q).Scan(&n); err != nil || n != 0 {
				t.Errorf("after the downgrade %d objects remain (%v)", n, err)
			}
		})
	}
}
