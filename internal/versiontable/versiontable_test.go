package versiontable_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

func dialectFor(name string) dialect.Dialect {
	switch name {
	case testutil.Postgres:
		return postgres.New()
	case testutil.MySQL:
		return mysql.New()
	}
	return sqlite.New()
}

func TestVersionSQL(t *testing.T) {
	t.Parallel()
	tb := &versiontable.Tables{D: postgres.New(), Name: "alembic_version"}
	if got, want := tb.CreateSQL(), "CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"; got != want {
		t.Errorf("create:\n%s\nwant:\n%s", got, want)
	}
	if got, want := tb.UpdateSQL("a", "b"), "UPDATE alembic_version SET version_num='b' WHERE alembic_version.version_num = 'a'"; got != want {
		t.Errorf("update %s", got)
	}
	if got, want := tb.DeleteSQL("a"), "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a'"; got != want {
		t.Errorf("delete %s", got)
	}
	s := &versiontable.Tables{D: postgres.New(), Name: "Versions", Schema: "ops"}
	if got := s.InsertSQL("x"); got != `INSERT INTO ops."Versions" (version_num) VALUES ('x')` {
		t.Errorf("insert %s", got)
	}
	if !strings.Contains(s.CreateSQL(), `CONSTRAINT "Versions_pkc"`) {
		t.Errorf("pk name: %s", s.CreateSQL())
	}
	cs := []versiontable.Change{{Op: versiontable.Update, From: "a", To: "b"}, {Op: versiontable.Delete, From: "c"}, {Op: versiontable.Insert, To: "d"}}
	back, err := versiontable.DecodeChanges(versiontable.EncodeChanges(cs))
	if err != nil || !slices.Equal(back, cs) {
		t.Errorf("changes round trip: %v %v", back, err)
	}
}

func TestTables(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, dn)
			tb := &versiontable.Tables{D: dialectFor(dn), Name: "alembic_version", History: "retort_history"}
			rows, exists, err := tb.Rows(ctx, db.DB)
			if err != nil || exists || rows != nil {
				t.Fatalf("missing table: %v %v %v", rows, exists, err)
			}
			if created, err := tb.Ensure(ctx, db.DB); err != nil || !created {
				t.Fatalf("ensure: %v %v", created, err)
			}
			if created, err := tb.Ensure(ctx, db.DB); err != nil || created {
				t.Fatalf("ensure again: %v %v", created, err)
			}
			for _, c := range []versiontable.Change{{Op: versiontable.Insert, To: "a"}, {Op: versiontable.Insert, To: "x"}, {Op: versiontable.Update, From: "a", To: "b"}, {Op: versiontable.Delete, From: "x"}} {
				if err := tb.Apply(ctx, db.DB, c); err != nil {
					t.Fatal(err)
				}
			}
			err = tb.Apply(ctx, db.DB, versiontable.Change{Op: versiontable.Delete, From: "zz"})
			if !errors.Is(err, versiontable.ErrRowCount) || err.Error() != "Online migration expected to match one row when deleting 'zz' in 'alembic_version'; 0 found" {
				t.Errorf("delete missing: %v", err)
			}
			if err := tb.Replace(ctx, db.DB, []string{"b"}, []string{"c", "d"}); err != nil {
				t.Fatal(err)
			}
			if err := tb.Replace(ctx, db.DB, []string{"b"}, nil); !errors.Is(err, versiontable.ErrRowCount) {
				t.Errorf("replace missing: %v", err)
			}
			rows, _, err = tb.Rows(ctx, db.DB)
			slices.Sort(rows)
			if err != nil || !slices.Equal(rows, []string{"c", "d"}) {
				t.Errorf("rows %v %v", rows, err)
			}

			// history round trip, including text that needs escaping
			if err := tb.EnsureHistory(ctx, db.DB); err != nil {
				t.Fatal(err)
			}
			start := time.Date(2026, 1, 2, 3, 4, 5, 123456000, time.UTC)
			odd := "it's a \\ back\\slash, a \"quote\", ünïcode, ? and $1, X'41'"
			e := versiontable.Entry{Revision: "r1", Direction: "upgrade", Status: versiontable.StatusRunning, Checksum: "abc",
				Path: `C:\versions\r1.sql`, StartedAt: start, Statements: 3, AppliedBy: "me@host", Version: "v1", Tag: odd,
				Changes: "U:a:b", FailedSQL: odd}
			id, err := tb.StartHistory(ctx, db.DB, e)
			if err != nil {
				t.Fatal(err)
			}
			if err := tb.Progress(ctx, db.DB, id, 2, 14); err != nil {
				t.Fatal(err)
			}
			u, err := tb.Unresolved(ctx, db.DB)
			if err != nil || u == nil || u.ID != id || u.Executed != 2 || u.FailedLine != 14 || u.Tag != odd || u.FailedSQL != odd || u.Path != e.Path || !u.StartedAt.Equal(start) {
				t.Fatalf("unresolved %+v %v", u, err)
			}
			e.ID, e.Status, e.Success, e.Executed, e.FinishedAt, e.Error = id, versiontable.StatusDone, true, 3, start.Add(time.Second), odd
			if err := tb.Finish(ctx, db.DB, e); err != nil {
				t.Fatal(err)
			}
			if err := tb.InsertHistory(ctx, db.DB, []versiontable.Entry{
				{Revision: "r2", Direction: "upgrade", Status: versiontable.StatusDone, Success: true, Checksum: "def", StartedAt: start, FinishedAt: start},
				{Revision: "r1", Direction: versiontable.DirRehash, Status: versiontable.StatusDone, Success: true, Checksum: "new", StartedAt: start, FinishedAt: start},
				{Revision: "r2", Direction: "upgrade", Status: versiontable.StatusRollback, Success: false, Checksum: "", StartedAt: start, FinishedAt: start},
			}); err != nil {
				t.Fatal(err)
			}
			if u, err := tb.Unresolved(ctx, db.DB); err != nil || u != nil {
				t.Errorf("unresolved after finish: %+v %v", u, err)
			}
			sums, err := tb.Checksums(ctx, db.DB)
			if err != nil || sums["r1"] != "new" || sums["r2"] != "def" || len(sums) != 2 {
				t.Errorf("checksums %v %v", sums, err)
			}
			es, err := tb.Entries(ctx, db.DB)
			if err != nil || len(es) != 4 || es[0].Error != odd || !es[0].Success || !es[0].FinishedAt.Equal(start.Add(time.Second)) {
				t.Errorf("entries %+v %v", es, err)
			}
		})
	}
}

func TestShapeErrors(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, dn)
			if _, err := db.DB.Exec("CREATE TABLE alembic_version (version VARCHAR(32))"); err != nil {
				t.Fatal(err)
			}
			if _, err := db.DB.Exec("CREATE TABLE retort_history (id INTEGER, revision VARCHAR(32))"); err != nil {
				t.Fatal(err)
			}
			tb := &versiontable.Tables{D: dialectFor(dn), Name: "alembic_version", History: "retort_history"}
			_, _, err := tb.Rows(ctx, db.DB)
			var se *versiontable.ShapeError
			if !errors.As(err, &se) || !slices.Equal(se.Missing, []string{"version_num"}) || !strings.Contains(err.Error(), "version_table") {
				t.Errorf("rows: %v", err)
			}
			if _, err := tb.Ensure(ctx, db.DB); !errors.Is(err, versiontable.ErrShape) {
				t.Errorf("ensure: %v", err)
			}
			if err := tb.EnsureHistory(ctx, db.DB); !errors.Is(err, versiontable.ErrShape) || !strings.Contains(err.Error(), "history_table") {
				t.Errorf("history: %v", err)
			}
		})
	}
}
