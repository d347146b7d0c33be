package migrate_test

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// mysqlModes are the MySQL/MariaDB connection kinds the runner batches its
// bookkeeping on differently: with multiStatements (retort's own URLs), and
// without (a caller's *sql.DB), where MariaDB takes compound statements.
var mysqlModes = []string{"multi", "single"}

// newMySQLEnv is newEnv on MySQL with the run's connection in mode.
func newMySQLEnv(t *testing.T, mode string) *env {
	t.Helper()
	e := newEnv(t, testutil.MySQL, false)
	if mode == "multi" {
		return e
	}
	dsn := strings.Replace(e.db.DataSource, "multiStatements=true&", "", 1)
	if dsn == e.db.DataSource {
		t.Fatalf("data source %q does not set multiStatements", dsn)
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	e.conn = conn
	return e
}

func TestMySQLBatchedBookkeeping(t *testing.T) {
	t.Parallel()
	for _, mode := range mysqlModes {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			e := newMySQLEnv(t, mode)
			if _, err := e.conn.ExecContext(context.Background(), "DO 1"); err != nil {
				t.Skipf("no MySQL: %v", err)
			}
			a, b, c := e.rev("a", 1, "CREATE INDEX ix_a ON t_a (id)"), e.rev("b", 2), e.rev("c", 3)
			// b: statements that are never combined with bookkeeping (a
			// body holding ';', a SET) between ones that are.
			e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", Checksum: "sum-b", Statements: []script.Statement{
				{SQL: "CREATE TABLE t_b (id INTEGER)", Line: 3},
				{SQL: "CREATE PROCEDURE p_b() BEGIN INSERT INTO runlog (id, rev) VALUES (2, 'up b'); SELECT 1; END", Line: 4},
				{SQL: "SET @retort_test = 1", Line: 5},
				{SQL: "CALL p_b()", Line: 6},
				{SQL: "ALTER TABLE t_b ADD COLUMN name VARCHAR(10)", Line: 7},
			}}
			p := linearPlan(a, b, c)
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
			for i, x := range h {
				want := []int{3, 5, 2}[i]
				if x.Revision != []string{"a", "b", "c"}[i] || x.Status != versiontable.StatusDone || !x.Success ||
					x.Statements != want || x.Executed != want || x.FinishedAt.IsZero() {
					t.Errorf("history row %d: %+v", i, x)
				}
			}
			if u, err := e.tables.Unresolved(context.Background(), e.conn); err != nil || u != nil {
				t.Errorf("unresolved %+v %v", u, err)
			}

			// A failure of a statement sent with the progress of the ones
			// before it: the row counts those, and names the statement.
			d := e.rev("d", 4)
			e.units["up:d"] = &migrate.Unit{Path: "versions/d.sql", Statements: []script.Statement{
				{SQL: "CREATE TABLE t_d (id INTEGER)", Line: 3},
				{SQL: "CREATE INDEX ix_d ON t_d (id)", Line: 4},
				{SQL: "CREATE TABLE t_d (id INTEGER)", Line: 5},
				{SQL: "CREATE TABLE t_d2 (id INTEGER)", Line: 6},
			}}
			_, err = e.runner.Online(context.Background(), e.conn, &revision.Plan{Steps: []revision.Step{{Direction: revision.Up,
				Revision: d, From: []string{"c"}, To: []string{"d"}, Changes: []revision.RowChange{{Op: revision.Update, From: "c", To: "d"}}}}})
			var pe *migrate.PartialError
			if !errors.As(err, &pe) || pe.Statement != 3 || pe.Line != 5 || !pe.Recorded || !strings.Contains(pe.Err.Error(), "t_d") {
				t.Fatalf("err = %v (%+v)", err, pe)
			}
			u, err := e.tables.Unresolved(context.Background(), e.conn)
			if err != nil || u == nil || u.Revision != "d" || u.Status != versiontable.StatusFailed || u.Executed != 2 || u.FailedLine != 5 {
				t.Fatalf("unresolved: %+v %v", u, err)
			}
			if got := e.rows(); !slices.Equal(got, []string{"c"}) {
				t.Errorf("rows %v", got)
			}
			if e.tableExists("t_d2") || !e.tableExists("t_d") {
				t.Errorf("t_d2 %v t_d %v", e.tableExists("t_d2"), e.tableExists("t_d"))
			}
		})
	}
}

// TestMySQLBatchedRowCheck: a version row changed behind the run's back
// stops the step's closing batch before its COMMIT, with Alembic's message,
// and nothing of that batch stays.
func TestMySQLBatchedRowCheck(t *testing.T) {
	t.Parallel()
	for _, mode := range mysqlModes {
		for _, op := range []revision.RowOp{revision.Update, revision.Delete} {
			t.Run(mode+"/"+string(rune(op+'0')), func(t *testing.T) {
				t.Parallel()
				e := newMySQLEnv(t, mode)
				a, b, c := e.rev("a", 1), e.rev("b", 2), e.rev("c", 3)
				p := linearPlan(a, b, c)
				// b's step expects row x, which is not there.
				p.Steps[1].Changes = []revision.RowChange{{Op: op, From: "x", To: "b"}}
				if op == revision.Delete {
					p.Steps[1].Changes[0].To = ""
				}
				res, err := e.runner.Online(context.Background(), e.conn, p)
				if !errors.Is(err, versiontable.ErrRowCount) || !strings.Contains(err.Error(), "'x'") {
					t.Fatalf("err = %v", err)
				}
				if len(res) != 1 {
					t.Errorf("results %d", len(res))
				}
				if got := e.rows(); !slices.Equal(got, []string{"a"}) {
					t.Errorf("rows %v", got)
				}
				h := e.history()
				// a done; b failed after its statements; no row for c
				if len(h) != 2 || h[0].Status != versiontable.StatusDone || h[1].Revision != "b" ||
					h[1].Status != versiontable.StatusFailed || h[1].Executed != 2 {
					t.Errorf("history %+v", h)
				}
			})
		}
	}
}
