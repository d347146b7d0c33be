package migrate_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/versiontable"
)

// TestMySQLFirstStatementWithoutEffect: on MySQL/MariaDB, a revision whose
// first statement fails without changing anything (refused before running,
// or single-object DDL, which fails atomically) is simply not applied: no
// resolve, a rolled-back history row, and a re-run works once the file is
// fixed. A first statement that may have done part of its work (a DROP of
// several tables, DML that reached the executor) still needs resolve.
func TestMySQLFirstStatementWithoutEffect(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, sql string
		notRun    bool
	}{
		{"table exists", "CREATE TABLE t_a (id INTEGER)", true},
		{"syntax error", "CREATE TABLEZ t_b (id INTEGER)", true},
		{"foreign key to nothing", "CREATE TABLE t_b (id INTEGER, FOREIGN KEY (id) REFERENCES nope (id))", true},
		{"alter fails", "ALTER TABLE t_a ADD COLUMN n INTEGER NOT NULL, ADD PRIMARY KEY (id), DROP COLUMN nope", true},
		{"unknown table in DML", "INSERT INTO nope VALUES (1)", true},
		{"unknown column in DML", "UPDATE runlog SET nope = 1", true},
		{"drop of several tables", "DROP TABLE t_a, nope", false},
		{"DML failing while running", "INSERT INTO runlog (id, rev) VALUES (9, 'x'), (10, NULL)", false},
	}
	for _, mode := range mysqlModes {
		for _, tc := range cases {
			t.Run(mode+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				e := newMySQLEnv(t, mode)
				a, b := e.rev("a", 1), e.rev("b", 2)
				e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", Checksum: "sum-b", Statements: []script.Statement{
					{SQL: tc.sql, Line: 7}, {SQL: "CREATE TABLE t_b2 (id INTEGER)", Line: 8}}}
				p := &revision.Plan{Direction: revision.Up, Steps: linearPlan(a, b, e.rev("c", 3)).Steps[:2]}
				res, err := e.runner.Online(ctx, e.conn, p)
				if err == nil || len(res) != 1 {
					t.Fatalf("err %v, %d steps", err, len(res))
				}
				if got := e.rows(); !slices.Equal(got, []string{"a"}) {
					t.Errorf("rows %v", got)
				}
				if e.tableExists("t_b2") {
					t.Error("the statement after the failing one ran")
				}
				h := e.history()
				if len(h) != 2 || h[0].Status != versiontable.StatusDone {
					t.Fatalf("history %+v", h)
				}
				f := h[1]
				u, uerr := e.tables.Unresolved(ctx, e.conn)
				if uerr != nil {
					t.Fatal(uerr)
				}
				if !tc.notRun {
					if !errors.Is(err, migrate.ErrPartial) || strings.Contains(err.Error(), "nothing of it ran") {
						t.Errorf("err = %v", err)
					}
					if f.Status != versiontable.StatusFailed || u == nil || u.Revision != "b" {
						t.Errorf("history row %+v, unresolved %+v", f, u)
					}
					return
				}
				var se *migrate.StmtError
				if errors.Is(err, migrate.ErrPartial) || !errors.As(err, &se) || se.Line != 7 ||
					!strings.Contains(err.Error(), "revision b failed at versions/b.sql:7") ||
					!strings.Contains(err.Error(), "nothing of it ran; the 1 earlier step(s) of this run stay applied; fix the revision and run again") ||
					strings.Contains(err.Error(), "resolve") {
					t.Errorf("err = %v", err)
				}
				if f.Revision != "b" || f.Status != versiontable.StatusRollback || f.Success || f.Executed != 0 ||
					f.FailedLine != 7 || f.FailedSQL != tc.sql || f.Error == "" || f.FinishedAt.IsZero() {
					t.Errorf("history row %+v", f)
				}
				if u != nil {
					t.Errorf("unresolved %+v", u)
				}

				// Fixed, it runs.
				e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", Checksum: "sum-b2", Statements: []script.Statement{
					{SQL: "CREATE TABLE t_b (id INTEGER)", Line: 7}}}
				if _, err := e.runner.Online(ctx, e.conn, &revision.Plan{Direction: revision.Up, Steps: p.Steps[1:]}); err != nil {
					t.Fatal(err)
				}
				if got := e.rows(); !slices.Equal(got, []string{"b"}) {
					t.Errorf("rows %v", got)
				}
				if h := e.history(); len(h) != 3 || h[2].Revision != "b" || h[2].Status != versiontable.StatusDone || h[2].Checksum != "sum-b2" {
					t.Errorf("history %+v", h)
				}
			})
		}
	}
}

// TestMySQLInterruptedAtLine: a run that dies while a statement of a
// MySQL/MariaDB step runs leaves a running history row that names the
// statement's line, so the next run's refusal says file:line.
func TestMySQLInterruptedAtLine(t *testing.T) {
	t.Parallel()
	for _, mode := range mysqlModes {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			e := newMySQLEnv(t, mode)
			a := e.rev("a", 1)
			e.units["up:a"] = &migrate.Unit{Path: "versions/a.sql", Statements: []script.Statement{
				{SQL: "CREATE TABLE t_a (id INTEGER)", Line: 7},
				{SQL: "CREATE TABLE t_a2 (id INTEGER)", Line: 9},
				{SQL: "DO SLEEP(2)", Line: 12}, // alone in compound mode (DO is not combined there), after a combined one
				{SQL: "CREATE TABLE t_a3 (id INTEGER)", Line: 14},
			}}
			ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
			defer cancel()
			p := &revision.Plan{Direction: revision.Up, Steps: linearPlan(a, e.rev("b", 2), e.rev("c", 3)).Steps[:1]}
			if _, err := e.runner.Online(ctx, e.conn, p); err == nil {
				t.Fatal("no error")
			}

			// The connection died with the run; read on another.
			u, err := e.tables.Unresolved(context.Background(), e.db.DB)
			if err != nil || u == nil || u.Status != versiontable.StatusRunning || u.Executed != 2 || u.FailedLine != 12 {
				t.Fatalf("unresolved %+v %v", u, err)
			}
			want := "revision a (upgrade) was interrupted part-way at versions/a.sql:12 (statement 3 of 4 was running); statements 1-2 ran and stay committed"
			if msg := migrate.FromEntry(u).Error(); !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
			if rows, _, err := e.tables.Rows(context.Background(), e.db.DB); err != nil || len(rows) != 0 {
				t.Errorf("rows %v %v", rows, err)
			}
		})
	}
}
