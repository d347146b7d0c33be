package retort_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// lintStairway lints fsys with the stairway on db's server and checks that
// the scratch database it reports is gone afterwards.
func lintStairway(t *testing.T, name string, db *testutil.DB, m *retort.Migrator, rangeSpec string, o retort.LintOptions) []retort.Finding {
	t.Helper()
	var scratch []string
	o.Stairway = &retort.LintStairway{DriverName: db.DriverName, DataSource: db.DataSource, Events: func(e retort.TestEvent) {
		if e.Scratch != "" {
			scratch = append(scratch, e.Scratch)
		}
	}}
	fs, err := m.Lint(context.Background(), rangeSpec, o)
	if err != nil {
		t.Fatalf("Lint: %v", err)
	}
	assertScratchGone(t, name, db, scratch)
	return fs
}

// reverseFindings keeps the downgrade-not-reverse findings of revision id.
func reverseFindings(fs []retort.Finding, id string) []retort.Finding {
	var out []retort.Finding
	for _, f := range fs {
		if f.Rule == "downgrade-not-reverse" && f.Revision == id {
			out = append(out, f)
		}
	}
	return out
}

func findingsText(fs []retort.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.File + ":" + strconv.Itoa(f.Line) + " [" + f.Rule + "] " + f.Message + "\n")
	}
	return b.String()
}

// dropIndex is DROP INDEX as dialect name writes it.
func dropIndex(name, index, table string) string {
	if name == testutil.MySQL {
		return "DROP INDEX " + index + " ON " + table + ";"
	}
	return "DROP INDEX " + index + ";"
}

// A downgrade that does not reverse its upgrade is reported once, at the
// downgrade, with the objects the stairway found different, on every
// dialect; also where the DDL cannot be read (CREATE TABLE … AS SELECT, a
// PostgreSQL DO block), which lint alone skips.
func TestLintStairwayFindsBrokenDowngrades(t *testing.T) {
	t.Parallel()
	type stairCase struct {
		name   string
		bad    func(dialect string) step
		object string // named in the finding's message
		static bool   // lint from the DDL finds it too
		only   string // run on this dialect only
	}
	cases := []stairCase{
		{name: "forgets an index", bad: func(d string) step {
			return step{id: "f6", up: "CREATE INDEX users_score ON users (score);\nCREATE INDEX posts_title ON posts (title);",
				down: dropIndex(d, "users_score", "users")}
		}, object: "posts_title", static: true},
		{name: "drops an extra column", bad: func(string) step {
			return step{id: "f6", up: "ALTER TABLE users ADD COLUMN bio TEXT;",
				down: "ALTER TABLE users DROP COLUMN bio;\nALTER TABLE users DROP COLUMN nickname;"}
		}, object: "nickname", static: true},
		{name: "restores a wrong type", bad: func(string) step {
			return step{id: "f6", up: "ALTER TABLE users DROP COLUMN nickname;",
				down: "ALTER TABLE users ADD COLUMN nickname INTEGER;"}
		}, object: "nickname", static: true},
		{name: "create table as select", bad: func(d string) step {
			return step{id: "f6", up: "CREATE TABLE user_emails AS SELECT id, email FROM users;\nCREATE INDEX user_emails_email ON user_emails (email);",
				down: dropIndex(d, "user_emails_email", "user_emails")}
		}, object: "user_emails"},
		{name: "do block", only: testutil.Postgres, bad: func(string) step {
			return step{id: "f6", up: "DO $$ BEGIN EXECUTE 'CREATE TABLE tags (id integer PRIMARY KEY, label text)'; END $$;",
				down: "DO $$ BEGIN EXECUTE 'ALTER TABLE tags DROP COLUMN label'; END $$;"}
		}, object: "tags"},
	}
	for _, name := range testutil.Dialects() {
		for _, c := range cases {
			if c.only != "" && c.only != name {
				continue
			}
			t.Run(name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				db := testutil.New(t, name)
				fsys := history(shopFor(name, c.bad(name))...)
				m, err := retort.Open(ctx, nil, fsys, retort.WithDialect(name))
				if err != nil {
					t.Fatal(err)
				}
				static, err := m.Lint(ctx, "", retort.LintOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(reverseFindings(static, "f6")); (got == 1) != c.static {
					t.Errorf("from the DDL: %d downgrade-not-reverse findings for f6, want static=%v:\n%s", got, c.static, findingsText(static))
				}
				fs := lintStairway(t, name, db, m, "", retort.LintOptions{})
				rev := reverseFindings(fs, "f6")
				if len(rev) != 1 {
					t.Fatalf("want one downgrade-not-reverse finding for f6, got:\n%s", findingsText(fs))
				}
				f := rev[0]
				if f.File != "versions/005_f6.sql" || f.Section != "downgrade" || f.Severity != "error" {
					t.Errorf("finding %+v", f)
				}
				if line := downgradeLine(t, fsys, "versions/005_f6.sql"); f.Line != line {
					t.Errorf("line %d, want the downgrade marker's %d", f.Line, line)
				}
				if !strings.Contains(f.Message, "scratch database") || !strings.Contains(f.Message, c.object) {
					t.Errorf("message does not name %s as measured: %s", c.object, f.Message)
				}
				// The clean revisions stay clean, and every other finding is
				// the same as from the DDL.
				for _, g := range fs {
					if g.Rule == "downgrade-not-reverse" && g.Revision != "f6" {
						t.Errorf("clean revision reported: %+v", g)
					}
				}
				other := func(fs []retort.Finding) []string {
					var out []string
					for _, f := range fs {
						if f.Rule != "downgrade-not-reverse" {
							out = append(out, f.Revision+":"+f.Rule+":"+strconv.Itoa(f.Line))
						}
					}
					return out
				}
				if !slices.Equal(other(fs), other(static)) {
					t.Errorf("other findings differ: stairway %v, DDL %v", other(fs), other(static))
				}
			})
		}
	}
}

// downgradeLine is the line of the downgrade marker in fsys's file.
func downgradeLine(t *testing.T, fsys fstest.MapFS, path string) int {
	t.Helper()
	for i, l := range strings.Split(string(fsys[path].Data), "\n") {
		if strings.TrimSpace(l) == "-- +retort downgrade" {
			return i + 1
		}
	}
	t.Fatalf("%s has no downgrade marker", path)
	return 0
}

// schemaDiff describes how b differs from a, or "".
func schemaDiff(t *testing.T, name string, a, b *schema.Schema) string {
	t.Helper()
	rep, err := autogen.Check(a, b, name)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range rep.Differences {
		out = append(out, d.Detail)
	}
	return strings.Join(out, "; ")
}

// A clean history gives no downgrade finding and the scratch database is
// gone afterwards; with the rule turned off no stairway runs.
func TestLintStairwayCleanHistory(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, name)
			m, err := retort.Open(ctx, nil, history(shopFor(name)...), retort.WithDialect(name))
			if err != nil {
				t.Fatal(err)
			}
			fs := lintStairway(t, name, db, m, "", retort.LintOptions{})
			for _, f := range fs {
				if f.Rule == "downgrade-not-reverse" {
					t.Errorf("clean history: %+v", f)
				}
			}
			// The rule turned off: no stairway runs at all.
			var made []string
			_, err = m.Lint(ctx, "", retort.LintOptions{Disable: []string{"downgrade-not-reverse"},
				Stairway: &retort.LintStairway{DriverName: db.DriverName, DataSource: db.DataSource, Events: func(e retort.TestEvent) {
					if e.Scratch != "" {
						made = append(made, e.Scratch)
					}
				}}})
			if err != nil || len(made) > 0 {
				t.Errorf("rule off: err %v, scratch databases %v", err, made)
			}
		})
	}
}

// With --database, the stairway measures the revisions the database has
// not applied, on a scratch database: the user's database keeps its
// schema and version rows.
func TestLintStairwayDatabaseUntouched(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, name)
			bad := step{id: "f6", up: "ALTER TABLE users ADD COLUMN bio TEXT;",
				down: "ALTER TABLE users DROP COLUMN bio;\nALTER TABLE users DROP COLUMN nickname;"}
			fsys := history(shopFor(name, bad)...)
			m, err := retort.Open(ctx, db.DB, fsys)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Upgrade(ctx, "e5"); err != nil {
				t.Fatal(err)
			}
			before, err := m.Inspect(ctx, schema.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			fs := lintStairway(t, name, db, m, "", retort.LintOptions{Database: true})
			if rev := reverseFindings(fs, "f6"); len(rev) != 1 || !strings.Contains(rev[0].Message, "nickname") {
				t.Errorf("want f6's downgrade reported:\n%s", findingsText(fs))
			}
			for _, f := range fs {
				if f.Revision != "f6" {
					t.Errorf("applied revision linted: %+v", f)
				}
			}
			rows, err := m.Current(ctx)
			if err != nil || !slices.Equal(rows, []string{"e5"}) {
				t.Errorf("version rows %v (%v), want [e5]", rows, err)
			}
			after, err := m.Inspect(ctx, schema.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if d := schemaDiff(t, name, before, after); d != "" {
				t.Errorf("the database's schema changed: %s", d)
			}
		})
	}
}

// Cancelled while the stairway runs, Lint returns the cancellation and
// the scratch database is dropped.
func TestLintStairwayCancelledDropsScratch(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			m, err := retort.Open(ctx, nil, history(shopFor(name)...), retort.WithDialect(name))
			if err != nil {
				t.Fatal(err)
			}
			var scratch []string
			_, err = m.Lint(ctx, "", retort.LintOptions{Stairway: &retort.LintStairway{DriverName: db.DriverName, DataSource: db.DataSource,
				Events: func(e retort.TestEvent) {
					if e.Scratch != "" {
						scratch = append(scratch, e.Scratch)
					}
					if e.Step == 3 {
						cancel()
					}
				}}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			assertScratchGone(t, name, db, scratch)
		})
	}
}

// A downgrade that fails on the scratch database is reported once, at the
// failing statement; an object the upgrade creates and the downgrade
// leaves (a PostgreSQL function) is reported once too, whether the
// inspection lists it or the second upgrade fails on it.
func TestLintStairwayFailingDowngrade(t *testing.T) {
	t.Parallel()
	type failCase struct {
		name, dialect string
		bad           step
		object        string
		line          int // offset from the downgrade marker; -1 any line of the file
	}
	var cases []failCase
	for _, name := range testutil.Dialects() {
		cases = append(cases, failCase{name: "fails", dialect: name, bad: step{id: "f6", up: "CREATE TABLE tags (id INTEGER PRIMARY KEY);",
			down: "DROP TABLE tags;\nDROP TABLE no_such_tags;"}, object: "no_such_tags", line: 2})
	}
	cases = append(cases, failCase{name: "leaves a function", dialect: testutil.Postgres, bad: step{id: "f6",
		up:   "CREATE FUNCTION retort_answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';",
		down: "SELECT 1;"}, object: "retort_answer", line: -1})
	for _, c := range cases {
		t.Run(c.dialect+"/"+c.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, c.dialect)
			fsys := history(shopFor(c.dialect, c.bad)...)
			m, err := retort.Open(ctx, nil, fsys, retort.WithDialect(c.dialect))
			if err != nil {
				t.Fatal(err)
			}
			fs := lintStairway(t, c.dialect, db, m, "f6", retort.LintOptions{})
			rev := reverseFindings(fs, "f6")
			if len(rev) != 1 {
				t.Fatalf("want one downgrade-not-reverse finding for f6, got:\n%s", findingsText(fs))
			}
			f := rev[0]
			t.Logf("%s:%d %s", f.File, f.Line, f.Message)
			if !strings.Contains(f.Message, "scratch database") || !strings.Contains(f.Message, c.object) {
				t.Errorf("message does not name %s: %s", c.object, f.Message)
			}
			if want := downgradeLine(t, fsys, "versions/005_f6.sql") + c.line; c.line >= 0 && f.Line != want {
				t.Errorf("line %d, want %d (the failing statement)", f.Line, want)
			}
		})
	}
}

// A revision the stairway cannot reach (its upgrade fails on the scratch
// database) keeps the check from the DDL, and Notes says so.
func TestLintStairwayUnmeasuredKeepsDDL(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, name)
			bad := step{id: "f6", up: "ALTER TABLE users ADD COLUMN bio TEXT;\nALTER TABLE no_such_table ADD COLUMN x INTEGER;",
				down: "ALTER TABLE users DROP COLUMN bio;\nALTER TABLE users DROP COLUMN nickname;"}
			m, err := retort.Open(ctx, nil, history(shopFor(name, bad)...), retort.WithDialect(name))
			if err != nil {
				t.Fatal(err)
			}
			var notes []string
			var scratch []string
			fs, err := m.Lint(ctx, "", retort.LintOptions{Stairway: &retort.LintStairway{DriverName: db.DriverName, DataSource: db.DataSource,
				Events: func(e retort.TestEvent) {
					if e.Scratch != "" {
						scratch = append(scratch, e.Scratch)
					}
				},
				Notes: func(n string) { notes = append(notes, n) }}})
			if err != nil {
				t.Fatal(err)
			}
			assertScratchGone(t, name, db, scratch)
			rev := reverseFindings(fs, "f6")
			if len(rev) != 1 || strings.Contains(rev[0].Message, "scratch database") || !strings.Contains(rev[0].Message, "nickname") {
				t.Errorf("want the DDL's finding for f6:\n%s", findingsText(fs))
			}
			if len(notes) == 0 || !strings.Contains(notes[0], "could not measure 1 revision(s) (f6)") ||
				!strings.Contains(strings.Join(notes, "\n"), "no_such_table") {
				t.Errorf("notes %q", notes)
			}
		})
	}
}
