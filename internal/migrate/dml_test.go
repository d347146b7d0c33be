package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// dmlPlan is a -> b -> c, each a revision of DML on table dml_t alone; b's
// statement at index at (if any) fails.
func (e *env) dmlPlan(at int) (*revision.Plan, []script.Statement) {
	e.exec("CREATE TABLE dml_t (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20))")
	e.units["up:a"] = &migrate.Unit{Path: "versions/a.sql", Checksum: "sum-a",
		Statements: []script.Statement{{SQL: "INSERT INTO dml_t (id, name) VALUES (1, 'a')", Line: 8}}}
	b := []script.Statement{
		{SQL: "INSERT INTO dml_t (id, name) VALUES (2, 'b')", Line: 8},
		{SQL: "UPDATE dml_t SET name = 'a2' WHERE id = 1", Line: 9},
		{SQL: "DELETE FROM dml_t WHERE id = 2", Line: 10},
	}
	if at >= 0 {
		b[at].SQL = "INSERT INTO dml_t (id, name) VALUES (1, 'duplicate')"
	}
	e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", Checksum: "sum-b", Statements: b}
	e.units["up:c"] = &migrate.Unit{Path: "versions/c.sql", Checksum: "sum-c",
		Statements: []script.Statement{{SQL: "INSERT INTO dml_t (id, name) VALUES (3, 'c')", Line: 8}}}
	r := func(id string) *revision.Revision {
		return &revision.Revision{ID: id, Message: "rev " + id, Path: "versions/" + id + ".sql"}
	}
	return linearPlan(r("a"), r("b"), r("c")), b
}

func (e *env) dmlRows() []string {
	e.t.Helper()
	return e.strings("SELECT " + concatID(e.db.Dialect) + " FROM dml_t ORDER BY id")
}

func concatID(dn string) string {
	if dn == testutil.MySQL {
		return "CONCAT(id, ':', name)"
	}
	return "CAST(id AS VARCHAR(10)) || ':' || name"
}

// Revisions of DML alone run as a transaction with their bookkeeping on
// every dialect, on MySQL/MariaDB too (an InnoDB table without triggers):
// a failure at any statement rolls the revision back whole, names the
// statement, and leaves no step to resolve.
func TestDMLRevisionIsOneTransaction(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		modes := []string{""}
		if dn == testutil.MySQL {
			modes = mysqlModes
		}
		for _, mode := range modes {
			for _, per := range []bool{false, true} {
				for _, at := range []int{-1, 0, 1, 2} {
					t.Run(fmt.Sprintf("%s%s/per=%v/at=%d", dn, mode, per, at), func(t *testing.T) {
						t.Parallel()
						var e *env
						if dn == testutil.MySQL {
							e = newMySQLEnv(t, mode)
							e.runner.PerMigration = per
						} else {
							e = newEnv(t, dn, per)
						}
						p, b := e.dmlPlan(at)
						res, err := e.runner.Online(context.Background(), e.conn, p)
						var hist []string
						for _, x := range e.history() {
							hist = append(hist, x.Revision+" "+x.Status)
						}
						if at < 0 {
							if err != nil {
								t.Fatal(err)
							}
							if got := e.dmlRows(); !slices.Equal(got, []string{"1:a2", "3:c"}) {
								t.Errorf("rows %v", got)
							}
							if got := e.rows(); !slices.Equal(got, []string{"c"}) || len(res) != 3 {
								t.Errorf("version rows %v, results %d", got, len(res))
							}
							if !slices.Equal(hist, []string{"a done", "b done", "c done"}) {
								t.Errorf("history %v", hist)
							}
							for _, x := range e.history() {
								if x.Executed != x.Statements || x.Checksum != "sum-"+x.Revision || !x.Success {
									t.Errorf("history row %+v", x)
								}
							}
							return
						}
						var se *migrate.StmtError
						if !errors.As(err, &se) || se.Revision != "b" || se.Line != b[at].Line || se.SQL != b[at].SQL || se.Path != "versions/b.sql" {
							t.Fatalf("err = %v (%+v), want b's statement at line %d", err, se, b[at].Line)
						}
						if errors.Is(err, migrate.ErrPartial) {
							t.Errorf("a rolled-back revision reported as partial: %v", err)
						}
						if !strings.Contains(err.Error(), fmt.Sprintf("versions/b.sql:%d", b[at].Line)) || !strings.Contains(err.Error(), "rolled back") {
							t.Errorf("message: %v", err)
						}
						aKept := per || dn == testutil.MySQL
						wantRows, wantVer, wantHist := []string{}, []string{}, []string{"b rolled-back"}
						if aKept {
							wantRows, wantVer, wantHist = []string{"1:a"}, []string{"a"}, []string{"a done", "b rolled-back"}
						}
						if got := e.dmlRows(); !slices.Equal(got, wantRows) && len(got)+len(wantRows) > 0 {
							t.Errorf("rows %v, want %v", got, wantRows)
						}
						if got := e.rows(); !slices.Equal(got, wantVer) && len(got)+len(wantVer) > 0 {
							t.Errorf("version rows %v, want %v", got, wantVer)
						}
						if !slices.Equal(hist, wantHist) {
							t.Errorf("history %v, want %v", hist, wantHist)
						}
						h := e.history()
						if last := h[len(h)-1]; last.FailedLine != b[at].Line || last.FailedSQL != b[at].SQL || last.Executed != 0 {
							t.Errorf("b's history row %+v", last)
						}
						if u, _ := e.tables.Unresolved(context.Background(), e.conn); u != nil {
							t.Errorf("unresolved %+v", u)
						}
					})
				}
			}
		}
	}
}

// On MySQL/MariaDB DML whose effect a ROLLBACK might not undo keeps the
// statement-by-statement path, with its progress recorded: a table of a
// non-transactional engine, a table with a trigger, a view.
func TestMySQLUnsureDMLRecordsProgress(t *testing.T) {
	t.Parallel()
	for _, kind := range []string{"myisam", "trigger", "view"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, testutil.MySQL, false)
			p, _ := e.dmlPlan(2)
			switch kind {
			case "myisam":
				e.exec("ALTER TABLE dml_t ENGINE=MyISAM")
			case "trigger":
				e.exec("CREATE TRIGGER dml_t_ins AFTER INSERT ON dml_t FOR EACH ROW SET @n = 1")
			case "view":
				e.exec("RENAME TABLE dml_t TO dml_base")
				e.exec("CREATE VIEW dml_t AS SELECT id, name FROM dml_base")
			}
			_, err := e.runner.Online(context.Background(), e.conn, p)
			var pe *migrate.PartialError
			if !errors.As(err, &pe) || pe.Revision != "b" || pe.Statement != 3 || pe.Line != 10 || !pe.Recorded {
				t.Fatalf("err = %v, want b failed part-way at its third statement", err)
			}
			u, _ := e.tables.Unresolved(context.Background(), e.conn)
			if u == nil || u.Revision != "b" || u.Executed != 2 || u.Status != versiontable.StatusFailed {
				t.Errorf("unresolved %+v", u)
			}
			// b's first two statements committed: row 2 and the update stay.
			if got := e.dmlRows(); !slices.Equal(got, []string{"1:a2", "2:b"}) {
				t.Errorf("rows %v", got)
			}
			if got := e.rows(); !slices.Equal(got, []string{"a"}) {
				t.Errorf("version rows %v", got)
			}
		})
	}
}

// A revision of DML run as one transaction commits only while the lock is
// held: a loss found before its COMMIT rolls it back.
func TestLostLockBeforeDMLCommit(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		modes := []string{""}
		if dn == testutil.MySQL {
			modes = mysqlModes
		}
		for _, mode := range modes {
			t.Run(dn+mode, func(t *testing.T) {
				t.Parallel()
				var e *env
				if dn == testutil.MySQL {
					e = newMySQLEnv(t, mode)
					e.runner.PerMigration = true
				} else {
					e = newEnv(t, dn, true)
				}
				p, _ := e.dmlPlan(-1)
				lost := false
				e.runner.Events = func(ev migrate.Event) {
					if ev.Kind == migrate.StepStart && ev.Revision == "b" {
						lost = true
					}
				}
				e.runner.Held = func(context.Context) error {
					if lost {
						return fmt.Errorf("%w: gone", dialect.ErrLockLost)
					}
					return nil
				}
				e.runner.HeldEvery = time.Hour
				res, err := e.runner.Online(context.Background(), e.conn, p)
				if !errors.Is(err, dialect.ErrLockLost) {
					t.Fatalf("err = %v, want a lost lock", err)
				}
				if got := e.dmlRows(); !slices.Equal(got, []string{"1:a"}) || len(res) != 1 {
					t.Errorf("rows %v, results %d; want a's row only", got, len(res))
				}
				if got := e.rows(); !slices.Equal(got, []string{"a"}) {
					t.Errorf("version rows %v", got)
				}
				if h := e.history(); len(h) != 1 || h[0].Revision != "a" {
					t.Errorf("history %+v", h)
				}
			})
		}
	}
}
