package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// A step's statements may travel several per round trip (inside a
// transaction on PostgreSQL, with the bookkeeping on MySQL/MariaDB): a
// failure at its first, a middle or its last statement names that
// statement's file:line and SQL, in the error and the history row, and the
// database holds what the error says, alone or after earlier steps of the
// same transaction, with one transaction or one per revision.
func TestBatchedStepFailsAtTheRightStatement(t *testing.T) {
	t.Parallel()
	const bad = "INSERT INTO no_such_table (id) VALUES (1)"
	good := []script.Statement{
		{SQL: "CREATE TABLE t_b (id INTEGER)", Line: 10},
		{SQL: "INSERT INTO runlog (id, rev) VALUES (2, 'up b')", Line: 11},
		{SQL: "INSERT INTO runlog (id, rev) VALUES (3, 'b;semi')", Line: 12}, // holds ';': sent alone
		{SQL: "CREATE TABLE t_b2 (id INTEGER)", Line: 14},
		{SQL: "INSERT INTO runlog (id, rev) VALUES (4, 'b end')", Line: 15},
	}
	for _, dn := range testutil.Dialects() {
		for _, per := range []bool{false, true} {
			for _, at := range []int{0, 3, 4} {
				t.Run(fmt.Sprintf("%s/per=%v/at=%d", dn, per, at), func(t *testing.T) {
					t.Parallel()
					e := newEnv(t, dn, per)
					stmts := slices.Clone(good)
					stmts[at].SQL = bad
					a, b, c := e.rev("a", 1), e.rev("b", 2), e.rev("c", 3)
					e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", Statements: stmts, Checksum: "sum-b"}
					res, err := e.runner.Online(context.Background(), e.conn, linearPlan(a, b, c))
					if err == nil {
						t.Fatal("no error")
					}
					line := stmts[at].Line
					msg := err.Error()
					for _, want := range []string{fmt.Sprintf("versions/b.sql:%d", line), bad, "no_such_table"} {
						if !strings.Contains(msg, want) {
							t.Errorf("message lacks %q:\n%s", want, msg)
						}
					}
					if e.tableExists("t_c") {
						t.Error("c ran after b failed")
					}
					ctx := context.Background()
					h := e.history()
					if len(h) == 0 {
						t.Fatal("no history row")
					}
					last := h[len(h)-1]
					if last.Revision != "b" || last.FailedLine != line || last.FailedSQL != bad || !strings.Contains(last.Error, "no_such_table") {
						t.Errorf("history row of b: %+v", last)
					}
					var pe *migrate.PartialError
					if dn == testutil.MySQL && at > 0 {
						// DDL commits on its own: the statements before the
						// failing one stay, the step waits to be resolved.
						if !errors.As(err, &pe) || pe.Statement != at+1 || pe.Total != len(stmts) || pe.Line != line || pe.SQL != bad || !pe.Recorded {
							t.Fatalf("partial: %+v (%v)", pe, err)
						}
						if got := e.rows(); !slices.Equal(got, []string{"a"}) {
							t.Errorf("rows %v, want [a]", got)
						}
						if !e.tableExists("t_a") || !e.tableExists("t_b") || e.tableExists("t_b2") != (at > 3) || len(res) != 1 {
							t.Errorf("tables t_a %v t_b %v t_b2 %v; results %d", e.tableExists("t_a"), e.tableExists("t_b"), e.tableExists("t_b2"), len(res))
						}
						wantLog := []string{"up a", "up b", "b;semi"}
						if at > 4 {
							wantLog = append(wantLog, "b end")
						}
						if got := e.log(); !slices.Equal(got, wantLog) {
							t.Errorf("log %v, want %v", got, wantLog)
						}
						u, err := e.tables.Unresolved(ctx, e.conn)
						if err != nil || u == nil || u.Revision != "b" || u.Executed != at || u.FailedLine != line || u.Status != versiontable.StatusFailed {
							t.Errorf("unresolved %+v %v", u, err)
						}
						return
					}
					var se *migrate.StmtError
					if !errors.As(err, &se) || se.Revision != "b" || se.Line != line || se.SQL != bad || se.Path != "versions/b.sql" {
						t.Fatalf("statement error %+v (%v)", se, err)
					}
					if last.Status != versiontable.StatusRollback || last.Success || last.Executed != 0 {
						t.Errorf("history row of b: %+v, want rolled back", last)
					}
					if u, _ := e.tables.Unresolved(ctx, e.conn); u != nil {
						t.Errorf("a rolled-back step left an unresolved row: %+v", u)
					}
					if e.tableExists("t_b") || e.tableExists("t_b2") {
						t.Error("b's tables stayed after its rollback")
					}
					// a stays applied when it committed on its own.
					aKept := per || dn == testutil.MySQL
					wantRows, wantLog, wantRes := []string{}, []string{}, 0
					if aKept {
						wantRows, wantLog, wantRes = []string{"a"}, []string{"up a"}, 1
					}
					if got := e.rows(); !slices.Equal(got, wantRows) && len(got)+len(wantRows) > 0 {
						t.Errorf("rows %v, want %v", got, wantRows)
					}
					if got := e.log(); !slices.Equal(got, wantLog) && len(got)+len(wantLog) > 0 {
						t.Errorf("log %v, want %v", got, wantLog)
					}
					if e.tableExists("t_a") != aKept || len(res) != wantRes {
						t.Errorf("t_a %v, results %d", e.tableExists("t_a"), len(res))
					}
					wantHist := []string{"b rolled-back"}
					if aKept {
						wantHist = []string{"a done", "b rolled-back"}
					}
					var gotHist []string
					for _, x := range h {
						gotHist = append(gotHist, x.Revision+" "+x.Status)
					}
					if !slices.Equal(gotHist, wantHist) {
						t.Errorf("history %v, want %v", gotHist, wantHist)
					}
				})
			}
		}
	}
}

// The plan's steps share one transaction; b's failure comes after a
// whole run of batched steps.
func TestBatchedStepsInOneTransaction(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, dn, false)
			var steps []revision.Step
			prev := ""
			for i := range 6 {
				id := fmt.Sprintf("r%d", i)
				r := e.rev(id, i+1, fmt.Sprintf("CREATE INDEX ix_%s ON t_%s (id)", id, id))
				s := revision.Step{Direction: revision.Up, Revision: r, To: []string{id}}
				if prev == "" {
					s.Changes = []revision.RowChange{{Op: revision.Insert, To: id}}
				} else {
					s.From = []string{prev}
					s.Changes = []revision.RowChange{{Op: revision.Update, From: prev, To: id}}
				}
				steps = append(steps, s)
				prev = id
			}
			e.units["up:r4"].Statements[2].SQL = "CREATE INDEX ix_r4 ON no_such_table (id)"
			res, err := e.runner.Online(context.Background(), e.conn, &revision.Plan{Direction: revision.Up, Steps: steps})
			var se *migrate.StmtError
			var pe *migrate.PartialError
			switch {
			case dn == testutil.MySQL:
				if !errors.As(err, &pe) || pe.Revision != "r4" || pe.Line != 12 || pe.Statement != 3 {
					t.Fatalf("err = %v", err)
				}
				if got := e.rows(); !slices.Equal(got, []string{"r3"}) || len(res) != 4 {
					t.Errorf("rows %v, results %d", got, len(res))
				}
			default:
				if !errors.As(err, &se) || se.Revision != "r4" || se.Line != 12 || !strings.Contains(se.SQL, "no_such_table") {
					t.Fatalf("err = %v", err)
				}
				if !strings.Contains(err.Error(), "versions/r4.sql:12") || !strings.Contains(err.Error(), "rolled back: the database is as it was before this run") {
					t.Errorf("message: %v", err)
				}
				if got := e.rows(); len(got) != 0 || len(res) != 0 {
					t.Errorf("rows %v, results %d", got, len(res))
				}
				for i := range 6 {
					if e.tableExists(fmt.Sprintf("t_r%d", i)) {
						t.Errorf("t_r%d stayed", i)
					}
				}
				h := e.history()
				if len(h) != 1 || h[0].Revision != "r4" || h[0].Status != versiontable.StatusRollback || h[0].FailedLine != 12 {
					t.Errorf("history %+v", h)
				}
			}
		})
	}
}
