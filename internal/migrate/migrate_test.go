package migrate_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

func dialectFor(name string) dialect.Dialect {
	switch name {
	case testutil.Postgres:
		return postgres.New()
	case testutil.MySQL:
		return mysql.New()
	default:
		return sqlite.New()
	}
}

// env is one test's database with a runner over hand-built units.
type env struct {
	t      *testing.T
	db     *testutil.DB
	conn   *sql.Conn
	tables *versiontable.Tables
	units  map[string]*migrate.Unit // "up:a", "down:a"
	runner *migrate.Runner
	events []migrate.Event
}

func newEnv(t *testing.T, dialectName string, perMigration bool) *env {
	t.Helper()
	return newEnvOn(t, testutil.New(t, dialectName), perMigration)
}

// newEnvOn is newEnv on a database the test has made.
func newEnvOn(t *testing.T, db *testutil.DB, perMigration bool) *env {
	t.Helper()
	dialectName := db.Dialect
	ctx := context.Background()
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	d := dialectFor(dialectName)
	e := &env{t: t, db: db, conn: conn, units: map[string]*migrate.Unit{}}
	e.tables = &versiontable.Tables{D: d, Name: "alembic_version", History: "retort_history"}
	e.runner = &migrate.Runner{Dialect: d, Tables: e.tables, PerMigration: perMigration, AppliedBy: "tester@host",
		Version: "test", Events: func(ev migrate.Event) { e.events = append(e.events, ev) },
		Load: func(s revision.Step) (*migrate.Unit, error) {
			if s.Direction == revision.StampDir {
				return nil, nil
			}
			k := "up:" + s.Revision.ID
			if s.Direction == revision.Down {
				k = "down:" + s.Revision.ID
			}
			u, ok := e.units[k]
			if !ok {
				return nil, fmt.Errorf("no unit %s", k)
			}
			return u, nil
		}}
	e.exec("CREATE TABLE runlog (id INTEGER NOT NULL, rev VARCHAR(32) NOT NULL)")
	if _, err := e.tables.Ensure(ctx, conn); err != nil {
		t.Fatal(err)
	}
	if err := e.tables.EnsureHistory(ctx, conn); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) exec(q string) {
	e.t.Helper()
	if _, err := e.conn.ExecContext(context.Background(), q); err != nil {
		e.t.Fatalf("%s: %v", q, err)
	}
}

// rev registers revision id whose upgrade creates table t_<id> and logs
// itself, and whose downgrade drops it, plus extra upgrade statements.
func (e *env) rev(id string, n int, extra ...string) *revision.Revision {
	stmts := []script.Statement{
		{SQL: fmt.Sprintf("CREATE TABLE t_%s (id INTEGER)", id), Line: 10},
		{SQL: fmt.Sprintf("INSERT INTO runlog (id, rev) VALUES (%d, 'up %s')", n, id), Line: 11},
	}
	for i, x := range extra {
		stmts = append(stmts, script.Statement{SQL: x, Line: 12 + i})
	}
	e.units["up:"+id] = &migrate.Unit{Path: "versions/" + id + ".sql", Statements: stmts, Checksum: "sum-" + id}
	e.units["down:"+id] = &migrate.Unit{Path: "versions/" + id + ".sql", Statements: []script.Statement{
		{SQL: fmt.Sprintf("DROP TABLE t_%s", id), Line: 20},
		{SQL: fmt.Sprintf("INSERT INTO runlog (id, rev) VALUES (%d, 'down %s')", n, id), Line: 21},
	}}
	return &revision.Revision{ID: id, Message: "rev " + id, Path: "versions/" + id + ".sql"}
}

func (e *env) rows() []string {
	e.t.Helper()
	rows, _, err := e.tables.Rows(context.Background(), e.conn)
	if err != nil {
		e.t.Fatal(err)
	}
	sort.Strings(rows)
	return rows
}

func (e *env) log() []string {
	e.t.Helper()
	r, err := e.conn.QueryContext(context.Background(), "SELECT rev FROM runlog ORDER BY id")
	if err != nil {
		e.t.Fatal(err)
	}
	defer r.Close()
	var out []string
	for r.Next() {
		var s string
		r.Scan(&s)
		out = append(out, s)
	}
	return out
}

func (e *env) tableExists(name string) bool {
	ok, err := e.tables.Exists(context.Background(), e.conn, name)
	if err != nil {
		e.t.Fatal(err)
	}
	return ok
}

func (e *env) history() []versiontable.Entry {
	es, err := e.tables.Entries(context.Background(), e.conn)
	if err != nil {
		e.t.Fatal(err)
	}
	return es
}

// linear builds the plan a -> b -> c from base.
func linearPlan(a, b, c *revision.Revision) *revision.Plan {
	return &revision.Plan{Direction: revision.Up, Steps: []revision.Step{
		{Direction: revision.Up, Revision: a, To: []string{"a"}, Changes: []revision.RowChange{{Op: revision.Insert, To: "a"}}},
		{Direction: revision.Up, Revision: b, From: []string{"a"}, To: []string{"b"}, Changes: []revision.RowChange{{Op: revision.Update, From: "a", To: "b"}}},
		{Direction: revision.Up, Revision: c, From: []string{"b"}, To: []string{"c"}, Changes: []revision.RowChange{{Op: revision.Update, From: "b", To: "c"}}},
	}}
}

func TestOnlineLinear(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		for _, per := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/per=%v", dn, per), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, dn, per)
				p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
				res, err := e.runner.Online(context.Background(), e.conn, p)
				if err != nil {
					t.Fatal(err)
				}
				if len(res) != 3 {
					t.Fatalf("results: %d", len(res))
				}
				if got := e.rows(); !slices.Equal(got, []string{"c"}) {
					t.Errorf("rows %v", got)
				}
				if got := e.log(); !slices.Equal(got, []string{"up a", "up b", "up c"}) {
					t.Errorf("log %v", got)
				}
				h := e.history()
				if len(h) != 3 {
					t.Fatalf("history: %+v", h)
				}
				for i, id := range []string{"a", "b", "c"} {
					x := h[i]
					if x.Revision != id || x.Direction != "upgrade" || !x.Success || x.Status != versiontable.StatusDone ||
						x.Checksum != "sum-"+id || x.AppliedBy != "tester@host" || x.Statements != 2 || x.Executed != 2 ||
						x.StartedAt.IsZero() || x.FinishedAt.IsZero() || x.Path != "versions/"+id+".sql" {
						t.Errorf("history row %d: %+v", i, x)
					}
				}
				var starts, dones int
				for _, ev := range e.events {
					switch ev.Kind {
					case migrate.StepStart:
						starts++
					case migrate.StepDone:
						dones++
					}
				}
				if starts != 3 || dones != 3 {
					t.Errorf("events: %+v", e.events)
				}
				// and back down to base
				down := &revision.Plan{Direction: revision.Down, Steps: []revision.Step{
					{Direction: revision.Down, Revision: p.Steps[2].Revision, From: []string{"c"}, To: []string{"b"}, Changes: []revision.RowChange{{Op: revision.Update, From: "c", To: "b"}}},
					{Direction: revision.Down, Revision: p.Steps[1].Revision, From: []string{"b"}, To: []string{"a"}, Changes: []revision.RowChange{{Op: revision.Update, From: "b", To: "a"}}},
					{Direction: revision.Down, Revision: p.Steps[0].Revision, From: []string{"a"}, Changes: []revision.RowChange{{Op: revision.Delete, From: "a"}}},
				}}
				if _, err := e.runner.Online(context.Background(), e.conn, down); err != nil {
					t.Fatal(err)
				}
				if got := e.rows(); len(got) != 0 {
					t.Errorf("rows after downgrade %v", got)
				}
				for _, id := range []string{"t_a", "t_b", "t_c"} {
					if e.tableExists(id) {
						t.Errorf("%s still exists", id)
					}
				}
			})
		}
	}
}

func TestOnlineFailureRollsBack(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		for _, per := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/per=%v", dn, per), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, dn, per)
				p := linearPlan(e.rev("a", 1), e.rev("b", 2, "INSERT INTO no_such_table VALUES (1)", "SELECT 1"), e.rev("c", 3))
				res, err := e.runner.Online(context.Background(), e.conn, p)
				if err == nil {
					t.Fatal("no error")
				}
				var se *migrate.StmtError
				var pe *migrate.PartialError
				if dn == testutil.MySQL {
					if !errors.As(err, &pe) || !errors.Is(err, migrate.ErrPartial) {
						t.Fatalf("want PartialError, got %T %v", err, err)
					}
					if pe.Revision != "b" || pe.Statement != 3 || pe.Total != 4 || pe.Line != 12 || !pe.Recorded ||
						!strings.Contains(pe.SQL, "no_such_table") || pe.Path != "versions/b.sql" {
						t.Errorf("partial: %+v", pe)
					}
					msg := err.Error()
					for _, want := range []string{"versions/b.sql:12", "statement 3 of 4", "statements 1-2 ran", "retort resolve b --applied", "--rolled-back", "no_such_table"} {
						if !strings.Contains(msg, want) {
							t.Errorf("message lacks %q:\n%s", want, msg)
						}
					}
					// a committed, b half done: t_b exists, version row a
					if got := e.rows(); !slices.Equal(got, []string{"a"}) {
						t.Errorf("rows %v", got)
					}
					if !e.tableExists("t_b") || len(res) != 1 {
						t.Errorf("t_b should exist (DDL committed); results %d", len(res))
					}
					u, err := e.tables.Unresolved(context.Background(), e.conn)
					if err != nil || u == nil || u.Revision != "b" || u.Executed != 2 || u.Statements != 4 || u.FailedLine != 12 {
						t.Fatalf("unresolved: %+v %v", u, err)
					}
					if got := migrate.FromEntry(u).Error(); !strings.Contains(got, "versions/b.sql:12 (statement 3 of 4)") {
						t.Errorf("refusal text: %s", got)
					}
					return
				}
				if !errors.As(err, &se) {
					t.Fatalf("want StmtError, got %T %v", err, err)
				}
				if se.Revision != "b" || se.Line != 12 || se.Path != "versions/b.sql" || !strings.Contains(se.SQL, "no_such_table") || se.Err == nil {
					t.Errorf("stmt error: %+v", se)
				}
				if !strings.Contains(err.Error(), "versions/b.sql:12") || !strings.Contains(err.Error(), "rolled back") {
					t.Errorf("message: %s", err)
				}
				wantRows, wantLog := []string{}, []string{}
				if per {
					wantRows, wantLog = []string{"a"}, []string{"up a"}
				}
				if got := e.rows(); !slices.Equal(got, wantRows) && !(len(got) == 0 && len(wantRows) == 0) {
					t.Errorf("rows %v want %v", got, wantRows)
				}
				if got := e.log(); !slices.Equal(got, wantLog) && !(len(got) == 0 && len(wantLog) == 0) {
					t.Errorf("log %v want %v", got, wantLog)
				}
				if e.tableExists("t_b") || e.tableExists("t_a") != per {
					t.Errorf("tables: t_a %v t_b %v", e.tableExists("t_a"), e.tableExists("t_b"))
				}
				h := e.history()
				last := h[len(h)-1]
				if last.Revision != "b" || last.Status != versiontable.StatusRollback || last.Success || !strings.Contains(last.Error, "no_such_table") {
					t.Errorf("history: %+v", h)
				}
				if u, _ := e.tables.Unresolved(context.Background(), e.conn); u != nil {
					t.Errorf("a rolled-back step must not block: %+v", u)
				}
			})
		}
	}
}

func TestRowCountCheck(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, dn, false)
			b := e.rev("b", 2)
			p := &revision.Plan{Steps: []revision.Step{{Direction: revision.Up, Revision: b, From: []string{"x"}, To: []string{"b"},
				Changes: []revision.RowChange{{Op: revision.Update, From: "x", To: "b"}}}}}
			_, err := e.runner.Online(context.Background(), e.conn, p)
			if err == nil || !strings.Contains(err.Error(), "Online migration expected to match one row when updating 'x' to 'b' in 'alembic_version'; 0 found") {
				t.Fatalf("err = %v", err)
			}
			if !errors.Is(err, versiontable.ErrRowCount) {
				t.Errorf("not ErrRowCount: %v", err)
			}
		})
	}
}

func TestNoTransactionSection(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, dn, false)
			a, b, c := e.rev("a", 1), e.rev("b", 2), e.rev("c", 3)
			idx := "CREATE INDEX ix_a ON t_a (id)"
			if dn == testutil.Postgres {
				idx = "CREATE INDEX CONCURRENTLY ix_a ON t_a (id)"
			}
			e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", NoTransaction: true, Checksum: "sum-b",
				Statements: []script.Statement{{SQL: idx, Line: 5}, {SQL: "INSERT INTO runlog (id, rev) VALUES (2, 'up b')", Line: 6}}}
			p := linearPlan(a, b, c)
			if _, err := e.runner.Online(context.Background(), e.conn, p); err != nil {
				t.Fatal(err)
			}
			if got := e.rows(); !slices.Equal(got, []string{"c"}) {
				t.Errorf("rows %v", got)
			}
			if got := e.log(); !slices.Equal(got, []string{"up a", "up b", "up c"}) {
				t.Errorf("log %v", got)
			}
			h := e.history()
			if len(h) != 3 || h[1].Revision != "b" || h[1].Status != versiontable.StatusDone || h[1].Executed != 2 {
				t.Errorf("history %+v", h)
			}
			// a failing no-transaction section leaves a recorded partial step
			d := e.rev("d", 4)
			e.units["up:d"] = &migrate.Unit{Path: "versions/d.sql", NoTransaction: true,
				Statements: []script.Statement{{SQL: "CREATE TABLE t_d (id INTEGER)", Line: 3}, {SQL: "CREATE TABLE t_d (id INTEGER)", Line: 4}}}
			_, err := e.runner.Online(context.Background(), e.conn, &revision.Plan{Steps: []revision.Step{{Direction: revision.Up, Revision: d,
				From: []string{"c"}, To: []string{"d"}, Changes: []revision.RowChange{{Op: revision.Update, From: "c", To: "d"}}}}})
			var pe *migrate.PartialError
			if !errors.As(err, &pe) || pe.Statement != 2 || pe.Line != 4 {
				t.Fatalf("err = %v", err)
			}
			if got := e.rows(); !slices.Equal(got, []string{"c"}) {
				t.Errorf("rows %v", got)
			}
		})
	}
}

func TestGoUnit(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, dn, false)
			a, b, c := e.rev("a", 1), e.rev("b", 2), e.rev("c", 3)
			boom := errors.New("boom")
			e.units["up:b"] = &migrate.Unit{Go: func(ctx context.Context, ex migrate.Execer) error {
				if _, err := ex.ExecContext(ctx, "INSERT INTO runlog (id, rev) VALUES (2, 'go b')"); err != nil {
					return err
				}
				return boom
			}}
			_, err := e.runner.Online(context.Background(), e.conn, linearPlan(a, b, c))
			if !errors.Is(err, boom) {
				t.Fatalf("err = %v", err)
			}
			// Go revisions run in a transaction on every dialect: the insert is gone.
			for _, l := range e.log() {
				if l == "go b" {
					t.Errorf("Go revision's write survived its failure: %v", e.log())
				}
			}
		})
	}
}

// ---- offline ----

func runClient(t *testing.T, db *testutil.DB, sqlText string) {
	t.Helper()
	var cmd *exec.Cmd
	switch db.Dialect {
	case testutil.Postgres:
		cmd = exec.Command("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.URL, "-f", "-")
	case testutil.MySQL:
		u, err := url.Parse(db.URL)
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"-h", u.Hostname(), "-P", u.Port(), "-u", u.User.Username()}
		if p, ok := u.User.Password(); ok {
			args = append(args, "-p"+p)
		}
		cmd = exec.Command("mariadb", append(args, db.Name)...)
	default:
		cmd = exec.Command("sqlite3", "-bail", db.Name)
	}
	if _, err := exec.LookPath(cmd.Path); err != nil && cmd.Err != nil {
		t.Skipf("client %s not installed", cmd.Args[0])
	}
	cmd.Stdin = strings.NewReader(sqlText)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s\nscript:\n%s", cmd.Args[0], err, out, sqlText)
	}
}

func TestOfflineScriptMatchesOnline(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			on := newEnv(t, dn, false)
			off := newEnv(t, dn, false)
			off.exec("DROP TABLE alembic_version")
			var body string
			switch dn {
			case testutil.Postgres:
				body = "CREATE FUNCTION f_b() RETURNS integer AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql"
			case testutil.MySQL:
				body = "CREATE PROCEDURE p_b() BEGIN SELECT 1; SELECT 2; END"
			default:
				body = "CREATE TRIGGER tr_b AFTER INSERT ON t_b BEGIN INSERT INTO runlog (id, rev) VALUES (99, 'trigger'); END"
			}
			for _, e := range []*env{on, off} {
				a, b, c := e.rev("a", 1), e.rev("b", 2, body, "INSERT INTO runlog (id, rev) VALUES (7, 'semi;colon -- not a comment') -- trailing comment"), e.rev("c", 3)
				_ = a
				_ = b
				_ = c
			}
			p := linearPlan(on.rev("a", 1), on.rev("b", 2, body, "INSERT INTO runlog (id, rev) VALUES (7, 'semi;colon -- not a comment') -- trailing comment"), on.rev("c", 3))
			if _, err := on.runner.Online(context.Background(), on.conn, p); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := off.runner.Offline(&buf, p, true); err != nil {
				t.Fatal(err)
			}
			s := buf.String()
			for _, want := range []string{"-- Running upgrade  -> a\n\n", "-- Running upgrade a -> b\n\n",
				"INSERT INTO alembic_version (version_num) VALUES ('a');\n\n",
				"UPDATE alembic_version SET version_num='b' WHERE alembic_version.version_num = 'a';\n\n",
				"CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);\n\n"} {
				if !strings.Contains(s, want) {
					t.Errorf("script lacks %q:\n%s", want, s)
				}
			}
			note := map[string]string{testutil.Postgres: "-- string literals assume standard_conforming_strings=on (the default)\n\n",
				testutil.MySQL: "-- string literals assume sql_mode without NO_BACKSLASH_ESCAPES (the default)\n\n"}[dn]
			if !strings.HasPrefix(s, note) {
				t.Errorf("script does not start with %q:\n%s", note, s)
			}
			if tx := dn != testutil.MySQL; strings.HasPrefix(s, note+"BEGIN;\n\n") != tx || strings.HasSuffix(s, "COMMIT;\n\n") != tx {
				t.Errorf("BEGIN/COMMIT wrong for %s:\n%s", dn, s)
			}
			runClient(t, off.db, s)
			if got, want := off.rows(), on.rows(); !slices.Equal(got, want) {
				t.Errorf("rows offline %v online %v", got, want)
			}
			if got, want := off.log(), on.log(); !slices.Equal(got, want) {
				t.Errorf("log offline %v online %v", got, want)
			}
			for _, tb := range []string{"t_a", "t_b", "t_c"} {
				if !off.tableExists(tb) {
					t.Errorf("offline run lacks %s", tb)
				}
			}
		})
	}
}

func TestOfflineNoTransactionAndGo(t *testing.T) {
	t.Parallel()
	e := &env{units: map[string]*migrate.Unit{}}
	d := postgres.New()
	e.tables = &versiontable.Tables{D: d, Name: "alembic_version"}
	r := &migrate.Runner{Dialect: d, Tables: e.tables, Load: func(s revision.Step) (*migrate.Unit, error) { return e.units[s.Revision.ID], nil }}
	e.units["a"] = &migrate.Unit{NoTransaction: true, Statements: []script.Statement{{SQL: "CREATE INDEX CONCURRENTLY ix ON t (c)"}}}
	p := &revision.Plan{Steps: []revision.Step{{Direction: revision.Up, Revision: &revision.Revision{ID: "a"}, To: []string{"a"},
		Changes: []revision.RowChange{{Op: revision.Insert, To: "a"}}}}}
	var buf bytes.Buffer
	if err := r.Offline(&buf, p, false); err != nil {
		t.Fatal(err)
	}
	want := "-- string literals assume standard_conforming_strings=on (the default)\n\n" +
		"BEGIN;\n\n-- Running upgrade  -> a\n\nCOMMIT;\n\nCREATE INDEX CONCURRENTLY ix ON t (c);\n\nBEGIN;\n\n" +
		"INSERT INTO alembic_version (version_num) VALUES ('a');\n\nCOMMIT;\n\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
	e.units["a"] = &migrate.Unit{Go: func(context.Context, migrate.Execer) error { return nil }}
	if err := r.Offline(&buf, p, false); err == nil || !strings.Contains(err.Error(), "written in Go") {
		t.Errorf("err = %v", err)
	}
}
