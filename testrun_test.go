package retort_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
)

// step is one revision of a linear test history.
type step struct{ id, up, down string }

// history renders steps as a linear graph of revision files.
func history(steps ...step) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i, s := range steps {
		f := script.NewFile{ID: s.id, Message: "rev " + s.id, Upgrade: s.up, Downgrade: s.down}
		if i > 0 {
			f.Parents = []string{steps[i-1].id}
		}
		fsys[fmt.Sprintf("versions/%03d_%s.sql", i, s.id)] = &fstest.MapFile{Data: script.Render(f)}
	}
	return fsys
}

// shop is a clean history that runs on every dialect: tables with keys,
// a CHECK, a foreign key, an index, an added column and a column dropped
// on purpose.
var shop = []step{
	{id: "a1", up: `CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(100) NOT NULL UNIQUE,
    status VARCHAR(20) NOT NULL CHECK (status IN ('active', 'banned')),
    score INTEGER CHECK (score >= 0)
);`, down: "DROP TABLE users;"},
	{id: "b2", up: `CREATE TABLE posts (
    id INTEGER NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    title VARCHAR(200) NOT NULL,
    body TEXT
);
CREATE INDEX posts_user ON posts (user_id);`, down: "DROP TABLE posts;"},
	{id: "c3", up: "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);", down: "ALTER TABLE users DROP COLUMN nickname;"},
	{id: "d4", up: "ALTER TABLE posts DROP COLUMN body;", down: "ALTER TABLE posts ADD COLUMN body TEXT;"},
	{id: "e5", up: "UPDATE users SET email = lower(email);\nCREATE INDEX users_status ON users (status);", down: "DROP INDEX users_status" + ";"},
}

// mysqlShop differs only where MariaDB needs it: DROP INDEX names its table.
func shopFor(name string, extra ...step) []step {
	out := append([]step(nil), shop...)
	if name == testutil.MySQL {
		out[4].down = "DROP INDEX users_status ON users;"
	}
	return append(out, extra...)
}

// runTest runs retort.Test on a fresh server database of dialect name (the
// scratch databases are made on its server) and checks that they are gone.
func runTest(t *testing.T, name string, fsys fstest.MapFS, to retort.TestOptions) *retort.TestReport {
	t.Helper()
	db := testutil.New(t, name)
	to.Dialect, to.DriverName, to.DataSource = name, db.DriverName, db.DataSource
	if to.Rows == 0 {
		to.Rows = 25
	}
	rep, err := retort.Test(context.Background(), fsys, to)
	if err != nil {
		t.Fatalf("Test: %v", err)
	}
	assertScratchGone(t, name, db, rep.Scratch)
	return rep
}

// assertScratchGone checks that none of the scratch databases can be
// connected to any more (SQLite's are in memory and die with their
// connection).
func assertScratchGone(t *testing.T, name string, db *testutil.DB, names []string) {
	t.Helper()
	d, err := registry.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	srv, ok := d.(dialect.ScratchServer)
	if !ok {
		return
	}
	if len(names) == 0 {
		t.Fatal("no scratch database reported")
	}
	for _, n := range names {
		ds, err := srv.ScratchDataSource(db.DataSource, n)
		if err != nil {
			t.Fatal(err)
		}
		sdb, err := sql.Open(db.DriverName, ds)
		if err != nil {
			t.Fatal(err)
		}
		if err := sdb.PingContext(context.Background()); err == nil {
			t.Errorf("scratch database %s still exists", n)
		}
		sdb.Close()
	}
}

func failuresText(rep *retort.TestReport) string {
	var b strings.Builder
	for _, f := range rep.Failures {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func TestTestCleanHistoryPasses(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := runTest(t, name, history(shopFor(name)...), retort.TestOptions{})
			if !rep.Passed() {
				t.Fatalf("clean history failed:\n%s", failuresText(rep))
			}
			if len(rep.Revisions) != 5 {
				t.Fatalf("%d revisions tested, want 5", len(rep.Revisions))
			}
			for _, r := range rep.Revisions {
				if r.Stairway != retort.TestPassed || r.Data != retort.TestPassed {
					t.Errorf("%s: stairway %s, data %s; notes %v", r.Revision, r.Stairway, r.Data, r.Notes)
				}
				if len(r.Notes) > 0 {
					t.Errorf("%s: notes %v: the generator should fill these tables", r.Revision, r.Notes)
				}
			}
		})
	}
}

// findFailure returns the failures of check for revision rev.
func findFailure(rep *retort.TestReport, check, rev string) []retort.TestFailure {
	var out []retort.TestFailure
	for _, f := range rep.Failures {
		if f.Check == check && f.Revision == rev {
			out = append(out, f)
		}
	}
	return out
}

func TestTestCatchesBrokenDowngrades(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		bad    step
		object string // an object the failure must name
	}{
		{"leaves a table", step{id: "f6", up: "CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(30));\nCREATE TABLE tag_links (tag_id INTEGER, post_id INTEGER);",
			down: "DROP TABLE tag_links;"}, "tags"},
		{"drops an extra column", step{id: "f6", up: "ALTER TABLE users ADD COLUMN bio TEXT;",
			down: "ALTER TABLE users DROP COLUMN bio;\nALTER TABLE users DROP COLUMN nickname;"}, "users.nickname"},
	}
	for _, name := range testutil.Dialects() {
		for _, c := range cases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				rep := runTest(t, name, history(shopFor(name, c.bad)...), retort.TestOptions{Rows: -1})
				fs := findFailure(rep, retort.CheckStairway, "f6")
				if len(fs) != 1 {
					t.Fatalf("want one stairway failure for f6, got:\n%s", failuresText(rep))
				}
				f := fs[0]
				if !strings.Contains(f.Where, "005_f6.sql:") {
					t.Errorf("where = %q, want the revision's file:line", f.Where)
				}
				found := false
				for _, o := range f.Objects {
					found = found || o.Object == c.object
				}
				if !found {
					t.Errorf("failure does not name %s:\n%s", c.object, f)
				}
				for _, r := range rep.Revisions[:5] {
					if r.Stairway != retort.TestPassed {
						t.Errorf("clean revision %s: %s", r.Revision, r.Stairway)
					}
				}
				if rep.Revisions[5].Stairway != retort.TestFailed {
					t.Errorf("f6 stairway = %s", rep.Revisions[5].Stairway)
				}
			})
		}
	}
}

func TestTestCatchesHiddenDataLoss(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, table string
		bad         step
	}{
		{"update wipes a column", "posts", step{id: "f6",
			up:   "CREATE INDEX posts_title ON posts (title);\nUPDATE posts SET title = 'x';",
			down: "DROP INDEX posts_title;"}},
		{"drop and re-add a column", "users", step{id: "f6",
			up:   "ALTER TABLE users DROP COLUMN nickname;\nALTER TABLE users ADD COLUMN nickname VARCHAR(50);",
			down: ""}},
		{"rebuild loses rows", "notes", step{id: "f6",
			up: "CREATE TABLE notes_new (id INTEGER NOT NULL PRIMARY KEY, txt VARCHAR(40));\n" +
				"INSERT INTO notes_new (id, txt) SELECT id, txt FROM notes WHERE id % 2 = 0;\n" +
				"DROP TABLE notes;\nALTER TABLE notes_new RENAME TO notes;",
			down: ""}},
	}
	for _, name := range testutil.Dialects() {
		for _, c := range cases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				steps := shopFor(name)
				steps = append(steps, step{id: "e6", up: "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, txt VARCHAR(40));", down: "DROP TABLE notes;"})
				bad := c.bad
				if name == testutil.MySQL && strings.HasPrefix(bad.down, "DROP INDEX") {
					bad.down = "DROP INDEX posts_title ON posts;"
				}
				steps = append(steps, bad)
				rep := runTest(t, name, history(steps...), retort.TestOptions{})
				fs := findFailure(rep, retort.CheckData, "f6")
				if len(fs) == 0 {
					t.Fatalf("no data failure for f6:\n%s", failuresText(rep))
				}
				named := false
				for _, o := range fs[0].Objects {
					named = named || o.Object == c.table
				}
				if !named {
					t.Errorf("failure does not name table %s:\n%s", c.table, fs[0])
				}
				// Where DDL is transactional the statement is found by
				// re-running the revision statement by statement.
				if name != testutil.MySQL && (!strings.Contains(fs[0].Where, "_f6.sql:") || !strings.Contains(fs[0].String(), "by the statement at")) {
					t.Errorf("failure does not name the statement:\n%s", fs[0])
				}
				for _, r := range rep.Revisions[:6] {
					if r.Data != retort.TestPassed {
						t.Errorf("clean revision %s: data %s", r.Revision, r.Data)
					}
				}
			})
		}
	}
}

func TestTestHeads(t *testing.T) {
	t.Parallel()
	fsys := graphFS(spec{id: "a"}, spec{id: "b", parents: "a"}, spec{id: "c", parents: "a"})
	for _, s := range []string{"versions/000_a.sql", "versions/001_b.sql", "versions/002_c.sql"} {
		// graphFS logs into runlog, which a scratch database lacks.
		fsys[s].Data = []byte(strings.ReplaceAll(string(fsys[s].Data), "INSERT INTO runlog", "-- INSERT INTO runlog"))
	}
	rep, err := retort.Test(context.Background(), fsys, retort.TestOptions{Dialect: testutil.SQLite, Rows: -1})
	if err != nil {
		t.Fatal(err)
	}
	fs := findFailure(rep, retort.CheckHeads, "")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "2 head(s), 1 expected: b, c") {
		t.Fatalf("heads failure: %v", rep.Failures)
	}
	if len(rep.Revisions) != 3 {
		t.Fatalf("the stairway should still run over both branches: %+v", rep.Revisions)
	}
	rep, err = retort.Test(context.Background(), fsys, retort.TestOptions{Dialect: testutil.SQLite, Rows: -1, Heads: 2})
	if err != nil || !rep.Passed() {
		t.Fatalf("--heads 2: %v\n%s", err, failuresText(rep))
	}
}

func TestTestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cases := []struct {
		name string
		to   retort.TestOptions
		want string
	}{
		{"negative rows", retort.TestOptions{Rows: -5}, "rows is -5"},
		{"unknown revision", retort.TestOptions{Range: "zzz"}, "zzz"},
		{"range start above end", retort.TestOptions{Range: "c3:a1"}, "is not below"},
		{"missing data file", retort.TestOptions{Data: []retort.TestData{{Path: filepath.Join(dir, "nope.sql"), Revision: "a1"}}}, "nope.sql"},
		{"data revision unknown", retort.TestOptions{Data: []retort.TestData{{Path: filepath.Join(dir, "nope.sql"), Revision: "qq"}}}, "qq"},
	}
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			fsys := history(shopFor(name)...)
			for _, c := range cases {
				to := c.to
				to.Dialect, to.DriverName, to.DataSource = name, db.DriverName, db.DataSource
				rep, err := retort.Test(context.Background(), fsys, to)
				if err == nil || !errors.Is(err, retort.ErrTestInput) || !strings.Contains(err.Error(), c.want) {
					t.Errorf("%s: err = %v, want ErrTestInput mentioning %q", c.name, err, c.want)
				}
				// Refused before any scratch database was made.
				if rep != nil {
					t.Errorf("%s: a refused test made a report (and maybe a database): %+v", c.name, rep)
				}
			}
		})
	}
	_, err := retort.Test(context.Background(), history(shop...), retort.TestOptions{Dialect: testutil.Postgres})
	if err == nil || !errors.Is(err, dialect.ErrScratchDatabase) {
		t.Errorf("no server: err = %v, want ErrScratchDatabase", err)
	}
}

func TestTestRangeAndData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fixture := filepath.Join(dir, "users.sql")
	if err := os.WriteFile(fixture, []byte("INSERT INTO posts (id, user_id, title) VALUES (-1, (SELECT min(id) FROM users), 'fixture');\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	steps := shopFor(testutil.SQLite, step{id: "f6", up: "DELETE FROM posts WHERE id < 0;", down: ""})
	rep, err := retort.Test(context.Background(), history(steps...), retort.TestOptions{Dialect: testutil.SQLite, Rows: 10, Range: "b2:f6",
		Data: []retort.TestData{{Path: fixture, Revision: "c3"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Revisions) != 4 || rep.Revisions[0].Revision != "c3" {
		t.Fatalf("range b2:f6 tested %+v", rep.Revisions)
	}
	fs := findFailure(rep, retort.CheckData, "f6")
	if len(fs) != 1 || !strings.Contains(fs[0].String(), "posts lost 1 of") {
		t.Fatalf("the fixture row deleted by f6 is not reported:\n%s", failuresText(rep))
	}
}

// TestTestGoesOnAfterAFailure finds two broken revisions in one history:
// after the first, the check goes on from a new scratch database.
func TestTestGoesOnAfterAFailure(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			steps := shopFor(name,
				step{id: "f6", up: "CREATE TABLE tags (id INTEGER PRIMARY KEY);", down: ""},
				step{id: "g7", up: "ALTER TABLE users ADD COLUMN bio TEXT;", down: "ALTER TABLE users DROP COLUMN bio;\nALTER TABLE users DROP COLUMN nickname;"},
				step{id: "h8", up: "UPDATE users SET nickname = NULL;", down: ""},
			)
			rep := runTest(t, name, history(steps...), retort.TestOptions{Rows: 10})
			for _, c := range []struct{ check, rev string }{{retort.CheckStairway, "f6"}, {retort.CheckStairway, "g7"}, {retort.CheckData, "h8"}} {
				if len(findFailure(rep, c.check, c.rev)) == 0 {
					t.Errorf("no %s failure for %s:\n%s", c.check, c.rev, failuresText(rep))
				}
			}
			if n := len(rep.Failures); n != 3 {
				t.Errorf("%d failures, want 3 (one per broken revision):\n%s", n, failuresText(rep))
			}
		})
	}
}

// TestTestCancelledDropsScratch cancels a run in the middle (as Ctrl-C
// does): Test returns the context's error and the scratch database is gone.
func TestTestCancelledDropsScratch(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			to := retort.TestOptions{Dialect: name, DriverName: db.DriverName, DataSource: db.DataSource, Rows: 10,
				Events: func(e retort.TestEvent) {
					if e.Step == 3 {
						cancel()
					}
				}}
			rep, err := retort.Test(ctx, history(shopFor(name)...), to)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if rep == nil || len(rep.Scratch) == 0 {
				t.Fatalf("report %+v: no scratch database named", rep)
			}
			assertScratchGone(t, name, db, rep.Scratch)
		})
	}
}

// TestTestSamplesLocks reads, on PostgreSQL, the lock each statement takes
// on the populated tables (the sleeps keep the transaction open so that the
// sampler sees it whatever the machine's speed).
func TestTestSamplesLocks(t *testing.T) {
	t.Parallel()
	steps := shopFor(testutil.Postgres,
		// The ALTER is quicker than the sampling: the probe, which runs the
		// statements one by one, says it took the lock, not the UPDATE.
		step{id: "f6", up: "ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0;\nUPDATE users SET age = 1;\nSELECT pg_sleep(0.2);", down: "ALTER TABLE users DROP COLUMN age;"},
		step{id: "g7", up: "CREATE INDEX posts_title ON posts (title);\nSELECT pg_sleep(0.2);", down: "DROP INDEX posts_title;"},
	)
	rep := runTest(t, testutil.Postgres, history(steps...), retort.TestOptions{Rows: 20})
	if !rep.Passed() || !rep.LocksSampled {
		t.Fatalf("passed %v, locks sampled %v:\n%s", rep.Passed(), rep.LocksSampled, failuresText(rep))
	}
	want := map[string]retort.LockTaken{
		"f6": {Table: "users", Mode: "AccessExclusiveLock", Where: "versions/005_f6.sql:10"},
		"g7": {Table: "posts", Mode: "ShareLock", Where: "versions/006_g7.sql:10"},
	}
	for _, r := range rep.Revisions {
		w, ok := want[r.Revision]
		if !ok {
			continue
		}
		if len(r.Locks) == 0 {
			t.Errorf("%s: no lock sampled", r.Revision)
			continue
		}
		l := r.Locks[0]
		if l.Table != w.Table || l.Mode != w.Mode || l.Where != w.Where || l.Held <= 0 {
			t.Errorf("%s: strongest lock %+v, want %s on %s at %s, held through the sleep", r.Revision, l, w.Mode, w.Table, w.Where)
		}
	}
}

// TestTestModels compares the schema at the heads with the models.
func TestTestModels(t *testing.T) {
	t.Parallel()
	for _, name := range []string{testutil.SQLite, testutil.Postgres} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write := func(file, text string) string {
				p := filepath.Join(dir, file)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
			same := write("same.sql", "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, txt VARCHAR(40));\n")
			more := write("more.sql", "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, txt VARCHAR(40), extra INTEGER);\n")
			fsys := history(step{id: "a1", up: "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, txt VARCHAR(40));", down: "DROP TABLE notes;"})
			rep := runTest(t, name, fsys, retort.TestOptions{Rows: 5, Models: retort.Models{Paths: []string{same}}})
			if !rep.Passed() || rep.Models != retort.TestPassed {
				t.Fatalf("models equal: models %s\n%s", rep.Models, failuresText(rep))
			}
			rep = runTest(t, name, fsys, retort.TestOptions{Rows: 5, Models: retort.Models{Paths: []string{more}}})
			fs := findFailure(rep, retort.CheckModels, "")
			if rep.Models != retort.TestFailed || len(fs) != 1 || len(fs[0].Objects) == 0 || fs[0].Objects[0].Object != "notes.extra" {
				t.Fatalf("models differ: models %s\n%s", rep.Models, failuresText(rep))
			}
		})
	}
}

// TestTestChecksVersionRows: a revision that writes the version table
// itself leaves rows the graph does not explain, and is named.
func TestTestChecksVersionRows(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			steps := shopFor(name, step{id: "f6", up: "INSERT INTO alembic_version (version_num) VALUES ('zz');", down: ""})
			rep := runTest(t, name, history(steps...), retort.TestOptions{Rows: -1})
			fs := findFailure(rep, retort.CheckVersion, "f6")
			if len(fs) != 1 || !strings.Contains(fs[0].Message, "after the upgrade the version rows are f6, zz, expected f6") {
				t.Fatalf("version rows not checked:\n%s", failuresText(rep))
			}
		})
	}
}

// TestTestFailingUpgradeOnce: an upgrade that fails on the empty database
// is one failure, at the statement, not a second one for the populated
// run.
func TestTestFailingUpgradeOnce(t *testing.T) {
	t.Parallel()
	steps := shopFor(testutil.SQLite, step{id: "f6", up: "CREATE TABLE broken (id INTEGER PRIMARY KEY,);", down: "DROP TABLE broken;"})
	rep := runTest(t, testutil.SQLite, history(steps...), retort.TestOptions{Rows: 5})
	if len(rep.Failures) != 1 || rep.Failures[0].Check != retort.CheckStairway || rep.Failures[0].Where != "versions/005_f6.sql:10" {
		t.Fatalf("want one stairway failure at versions/005_f6.sql:10:\n%s", failuresText(rep))
	}
	if rep.Revisions[5].Stairway != retort.TestFailed || rep.Revisions[5].Data != retort.TestSkipped {
		t.Errorf("f6: stairway %s, data %s", rep.Revisions[5].Stairway, rep.Revisions[5].Data)
	}
}
