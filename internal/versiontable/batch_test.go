package versiontable_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// TestBatchSQL: the history statements for MySQL batches write the same row
// as StartHistory and Finish, and the row check stops a batch.
func TestBatchSQL(t *testing.T) {
	t.Parallel()
	pg := &versiontable.Tables{D: postgres.New(), Name: "alembic_version", History: "retort_history"}
	if _, err := pg.CheckedSQL(versiontable.Change{Op: versiontable.Delete, From: "a"}, false, pg.NewBind()); err == nil {
		t.Error("CheckedSQL on PostgreSQL: no error")
	}

	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	tb := &versiontable.Tables{D: mysql.New(), Name: "alembic_version", History: "retort_history"}
	if _, err := tb.Ensure(ctx, db.DB); err != nil {
		t.Fatal(err)
	}
	if err := tb.EnsureHistory(ctx, db.DB); err != nil {
		t.Fatal(err)
	}
	started := time.Date(2026, 1, 2, 3, 4, 5, 600000000, time.UTC)
	e := versiontable.Entry{Revision: "a", Direction: "upgrade", Status: versiontable.StatusRunning, Checksum: "c'\\x",
		Path: "versions/a.sql", StartedAt: started, Statements: 2, AppliedBy: "me@host", Version: "v", Changes: "I::a"}
	b := tb.NewBind()
	s := tb.StartSQL(e, b)
	res, err := db.DB.ExecContext(ctx, s, b.Args...)
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	e.ID, _ = res.LastInsertId()
	if _, err := db.DB.ExecContext(ctx, tb.ProgressSQL(e.ID, 1, 7)); err != nil {
		t.Fatal(err)
	}
	e.Status, e.Success, e.Executed, e.FinishedAt, e.DurationMS = versiontable.StatusDone, true, 2, started.Add(time.Second), 1000
	b = tb.NewBind()
	if s = tb.FinishSQL(e, b); strings.Contains(s, "'") {
		t.Errorf("values written into the statement: %s", s)
	}
	if _, err := db.DB.ExecContext(ctx, s, b.Args...); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	es, err := tb.Entries(ctx, db.DB)
	if err != nil || len(es) != 1 {
		t.Fatalf("entries %+v %v", es, err)
	}
	if g := es[0]; g.Revision != "a" || g.Checksum != "c'\\x" || g.Status != versiontable.StatusDone || !g.Success ||
		g.Executed != 2 || !g.StartedAt.Equal(started) || !g.FinishedAt.Equal(e.FinishedAt) || g.AppliedBy != "me@host" {
		t.Errorf("entry %+v", g)
	}

	// Row checks: an UPDATE that changes no row stops the batch.
	if err := tb.Apply(ctx, db.DB, versiontable.Change{Op: versiontable.Insert, To: "a"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c    versiontable.Change
		fail bool
	}{
		{versiontable.Change{Op: versiontable.Update, From: "a", To: "b"}, false},
		{versiontable.Change{Op: versiontable.Update, From: "a", To: "c"}, true},
		{versiontable.Change{Op: versiontable.Delete, From: "b"}, false},
		{versiontable.Change{Op: versiontable.Delete, From: "b"}, true},
	} {
		b := tb.NewBind()
		s, err := tb.CheckedSQL(tc.c, false, b)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.DB.ExecContext(ctx, s, b.Args...)
		if (err != nil) != tc.fail || (err != nil && !strings.Contains(err.Error(), "1242")) {
			t.Errorf("%s: err = %v, want failure %v", s, err, tc.fail)
		}
	}
}
