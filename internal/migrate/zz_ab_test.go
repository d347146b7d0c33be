package migrate_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

func TestZZAB(t *testing.T) {
	e := newEnv(t, "mysql", false)
	raw := newEnv(t, "mysql", false)
	var tr, tw time.Duration
	prev := ""
	n := 0
	for block := 0; block < 10; block++ {
		var steps []revision.Step
		var stmts []string
		for j := 0; j < 40; j++ {
			id := fmt.Sprintf("r%04d", n)
			s1 := fmt.Sprintf("CREATE TABLE t_%05d (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, value INTEGER)", n)
			s2 := fmt.Sprintf("CREATE INDEX ix_t_%05d_name ON t_%05d (name)", n, n)
			stmts = append(stmts, s1, s2)
			e.units["up:"+id] = &migrate.Unit{Path: id, Statements: []script.Statement{{SQL: s1, Line: 1}, {SQL: s2, Line: 2}}}
			st := revision.Step{Direction: revision.Up, Revision: &revision.Revision{ID: id}, To: []string{id}}
			if prev == "" {
				st.Changes = []revision.RowChange{{Op: revision.Insert, To: id}}
			} else {
				st.From = []string{prev}
				st.Changes = []revision.RowChange{{Op: revision.Update, From: prev, To: id}}
			}
			steps = append(steps, st)
			prev = id
			n++
		}
		t0 := time.Now()
		for _, s := range stmts {
			if _, err := raw.conn.ExecContext(context.Background(), s); err != nil {
				t.Fatal(err)
			}
		}
		t1 := time.Now()
		if _, err := e.runner.Online(context.Background(), e.conn, &revision.Plan{Steps: steps}); err != nil {
			t.Fatal(err)
		}
		t2 := time.Now()
		tr += t1.Sub(t0)
		tw += t2.Sub(t1)
	}
	fmt.Printf("raw %s per step, retort %s per step, ratio %.2f\n", tr/time.Duration(n), tw/time.Duration(n), float64(tw)/float64(tr))
}
