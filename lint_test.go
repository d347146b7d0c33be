package retort_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

func lintFS() fstest.MapFS {
	file := func(id, parent, msg, up, down string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
			"\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n" + up + "\n\n-- +retort downgrade\n" + down + "\n")}
	}
	return fstest.MapFS{
		"versions/a1_users.sql": file("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;"),
		"versions/a2_index.sql": file("a2", "a1", "index users by email", "CREATE INDEX ix_users_email ON users (email);", "DROP INDEX ix_users_email;"),
		"versions/a3_drop.sql":  file("a3", "a2", "drop users.email", "ALTER TABLE users DROP COLUMN email;", "ALTER TABLE users ADD COLUMN email text;"),
	}
}

// Lint through the library: offline (no *sql.DB), from an fs.FS, over a
// range, one revision, or all; bad ranges and rule ids are errors.
func TestLintLibrary(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m, err := retort.Open(ctx, nil, lintFS(), retort.WithDialect("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	rules := func(fs []retort.Finding) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Revision+":"+f.Rule)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ spec, want string }{
		{"", "a2:pg-create-index-concurrently a2:pg-lock-timeout a3:drop-column a3:pg-lock-timeout"},
		{"a1", ""},
		{"a2", "a2:pg-create-index-concurrently a2:pg-lock-timeout"},
		{"a3:head", "a3:drop-column a3:pg-lock-timeout"},
		{":a2", "a2:pg-create-index-concurrently a2:pg-lock-timeout"},
	} {
		fs, err := m.Lint(ctx, c.spec, retort.LintOptions{})
		if err != nil {
			t.Fatalf("Lint(%q): %v", c.spec, err)
		}
		if got := rules(fs); got != c.want {
			t.Errorf("Lint(%q) = %q, want %q", c.spec, got, c.want)
		}
	}
	fs, err := m.Lint(ctx, "", retort.LintOptions{Disable: []string{"pg-lock-timeout"}, Severity: map[string]string{"drop-column": "warning"}})
	if err != nil || rules(fs) != "a2:pg-create-index-concurrently a3:drop-column" || fs[1].Severity != "warning" {
		t.Errorf("configured: %v %+v", err, fs)
	}
	if f := fs[0]; f.File != "versions/a2_index.sql" || f.Line != 8 || f.Statement != "CREATE INDEX ix_users_email ON users (email)" ||
		f.Squawk != "require-concurrent-index-creation" || f.Safe == "" || f.Section != "upgrade" {
		t.Errorf("finding %+v", f)
	}
	if _, err := m.Lint(ctx, "", retort.LintOptions{Disable: []string{"drop-colum"}}); !errors.Is(err, retort.ErrLintConfig) ||
		!strings.Contains(err.Error(), `did you mean "drop-column"`) {
		t.Errorf("unknown rule: %v", err)
	}
	if _, err := m.Lint(ctx, "current", retort.LintOptions{}); err == nil || !strings.Contains(err.Error(), "current") {
		t.Errorf("current: %v", err)
	}
	if _, err := m.Lint(ctx, "zz", retort.LintOptions{}); err == nil {
		t.Error("unknown revision: no error")
	}
	if len(retort.LintRules()) < 30 {
		t.Errorf("%d rules", len(retort.LintRules()))
	}
}

// Lint against a database: it starts from the inspected schema (a table
// made outside the revisions is known exactly) and lints only what the
// database has not applied; it changes nothing. Each dialect gets the
// statement whose judgement needs the database: a PostgreSQL type change
// that does not rewrite, a MySQL VARCHAR widening that crosses the length
// prefix in utf8mb4, a SQLite drop of a table another references.
func TestLintDatabase(t *testing.T) {
	t.Parallel()
	type dialectCase struct {
		setup            []string
		up, down         string
		offline, against string // rule ids found, space-separated
	}
	cases := map[string]dialectCase{
		testutil.Postgres: {
			setup:   []string{"CREATE TABLE ext (id bigint PRIMARY KEY, v varchar(50))"},
			up:      "SET lock_timeout = '2s';\nALTER TABLE ext ALTER COLUMN v TYPE varchar(100);",
			down:    "-- +retort empty",
			offline: "pg-alter-column-type",
		},
		testutil.MySQL: {
			setup:   []string{"CREATE TABLE ext (id bigint PRIMARY KEY, v varchar(50)) DEFAULT CHARSET=utf8mb4"},
			up:      "ALTER TABLE ext MODIFY v varchar(100);",
			down:    "-- +retort empty",
			against: "mysql-alter-copy",
		},
		testutil.SQLite: {
			setup: []string{"CREATE TABLE ext (id INTEGER PRIMARY KEY, v TEXT)",
				"CREATE TABLE child (id INTEGER PRIMARY KEY, ext_id INTEGER REFERENCES ext (id) ON DELETE CASCADE)"},
			up:      "DROP TABLE ext;",
			down:    "CREATE TABLE ext (id INTEGER PRIMARY KEY, v TEXT);",
			offline: "drop-table",
			against: "drop-table sqlite-rebuild-foreign-keys",
		},
	}
	for _, d := range testutil.Dialects() {
		c := cases[d]
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, d)
			for _, q := range c.setup {
				if _, err := db.DB.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			file := func(id, parent, msg, up, down string) *fstest.MapFile {
				return &fstest.MapFile{Data: []byte("-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
					"\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n" + up + "\n\n-- +retort downgrade\n" + down + "\n")}
			}
			fsys := fstest.MapFS{
				"versions/b1.sql": file("b1", "", "wip", "CREATE TABLE t (id bigint PRIMARY KEY);", "DROP TABLE t;"),
				"versions/b2.sql": file("b2", "b1", "change ext", c.up, c.down),
			}
			m, err := retort.Open(ctx, db.DB, fsys)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Upgrade(ctx, "b1"); err != nil {
				t.Fatal(err)
			}
			ids := func(fs []retort.Finding) string {
				var out []string
				for _, f := range fs {
					if f.Revision == "b2" {
						out = append(out, f.Rule)
					} else {
						out = append(out, f.Revision+":"+f.Rule)
					}
				}
				return strings.Join(out, " ")
			}
			offline, err := m.Lint(ctx, "", retort.LintOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := strings.TrimSpace("b1:message-uninformative " + c.offline)
			if got := ids(offline); got != want {
				t.Errorf("from the files: %q, want %q", got, want)
			}
			against, err := m.Lint(ctx, "", retort.LintOptions{Database: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(against); got != c.against {
				for _, f := range against {
					t.Log(f.Rule, f.Message)
				}
				t.Errorf("against the database: %q, want %q", got, c.against)
			}
			if _, err := m.Lint(ctx, "b1", retort.LintOptions{Database: true}); err == nil || !strings.Contains(err.Error(), "applied every revision") {
				t.Errorf("range of applied revisions: %v", err)
			}
			// Lint read only: the database is still at b1, ext unchanged.
			rows, err := m.Current(ctx)
			if err != nil || strings.Join(rows, ",") != "b1" {
				t.Errorf("version rows %v, %v; want b1", rows, err)
			}
			var n int
			if err := db.DB.QueryRowContext(ctx, "SELECT count(*) FROM ext").Scan(&n); err != nil {
				t.Errorf("ext: %v", err)
			}
		})
	}
}

// Against a database, the pending revisions run together (`upgrade heads`):
// a table a pending revision creates is still empty when a later pending
// revision works on it, so that is not reported; from the files alone it
// is (the table may have filled between two deployments).
func TestLintDatabasePendingRun(t *testing.T) {
	t.Parallel()
	later := map[string]struct{ up, rule string }{
		testutil.Postgres: {"CREATE INDEX ix_fresh_v ON fresh (v);", "pg-create-index-concurrently"},
		testutil.MySQL:    {"ALTER TABLE fresh MODIFY v varchar(100);", "mysql-alter-copy"},
		testutil.SQLite:   {"DROP TABLE fresh;", "drop-table"},
	}
	for _, d := range testutil.Dialects() {
		c := later[d]
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, d)
			file := func(id, parent, msg, up string) *fstest.MapFile {
				return &fstest.MapFile{Data: []byte("-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
					"\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\nSET lock_timeout = '1s';\n" + up + "\n\n-- +retort downgrade\n-- +retort empty\n")}
			}
			if d != testutil.Postgres {
				file = func(id, parent, msg, up string) *fstest.MapFile {
					return &fstest.MapFile{Data: []byte("-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
						"\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n" + up + "\n\n-- +retort downgrade\n-- +retort empty\n")}
				}
			}
			fsys := fstest.MapFS{
				"versions/c1.sql": file("c1", "", "create fresh", "CREATE TABLE fresh (id bigint PRIMARY KEY, v varchar(50)) "+map[bool]string{true: "DEFAULT CHARSET=utf8mb4", false: ""}[d == testutil.MySQL]+";"),
				"versions/c2.sql": file("c2", "c1", "work on fresh", c.up),
			}
			m, err := retort.Open(ctx, db.DB, fsys)
			if err != nil {
				t.Fatal(err)
			}
			rules := func(o retort.LintOptions) string {
				t.Helper()
				fs, err := m.Lint(ctx, "", o)
				if err != nil {
					t.Fatal(err)
				}
				var out []string
				for _, f := range fs {
					out = append(out, f.Revision+":"+f.Rule)
				}
				return strings.Join(out, " ")
			}
			if got := rules(retort.LintOptions{}); got != "c2:"+c.rule {
				t.Errorf("from the files: %q, want c2:%s", got, c.rule)
			}
			if got := rules(retort.LintOptions{Database: true}); got != "" {
				t.Errorf("against the database, both pending: %q, want nothing", got)
			}
		})
	}
}
