package retort_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

func eachDialect(t *testing.T, fn func(t *testing.T, dn string)) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			fn(t, dn)
		})
	}
}

func TestUpgradeResultEventsHistory(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		var events []retort.Event
		var mu sync.Mutex
		m := db.open(graphFS(linear("a", "b", "c")...), retort.WithAppliedBy("ann@box"), retort.WithEvents(func(e retort.Event) {
			mu.Lock()
			events = append(events, e)
			mu.Unlock()
		}))
		res, err := m.Upgrade(ctx, "head", retort.Tag("v1"))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != 3 || res.Steps[0].Text != "upgrade  -> a, rev a" || res.Steps[1].Text != "upgrade a -> b, rev b" ||
			res.Steps[2].Statements != 2 || res.Steps[2].Direction != "upgrade" || !slices.Equal(res.After, []string{"c"}) {
			t.Errorf("result %+v", res)
		}
		var texts []string
		for _, e := range events {
			if e.Kind == retort.EventStepStart {
				texts = append(texts, fmt.Sprintf("%d/%d %s", e.Step, e.Total, e.Text))
			}
			if e.Kind == retort.EventStepDone && e.Duration <= 0 {
				t.Errorf("done event without duration: %+v", e)
			}
		}
		if want := []string{"1/3 upgrade  -> a, rev a", "2/3 upgrade a -> b, rev b", "3/3 upgrade b -> c, rev c"}; !slices.Equal(texts, want) {
			t.Errorf("events %v", texts)
		}
		if cur, err := m.Current(ctx); err != nil || !slices.Equal(cur, []string{"c"}) {
			t.Errorf("current %v %v", cur, err)
		}
		if _, err := m.Downgrade(ctx, "-1"); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Stamp(ctx, []string{"a"}); err != nil {
			t.Fatal(err)
		}
		h, err := m.Applied(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range h {
			got = append(got, e.Direction+" "+e.Revision)
			if !e.Success || e.AppliedBy != "ann@box" || e.StartedAt.IsZero() || e.FinishedAt.Before(e.StartedAt) || e.Version == "" {
				t.Errorf("entry %+v", e)
			}
			if e.Direction == "upgrade" && (len(e.Checksum) != 64 || e.Tag != "v1") {
				t.Errorf("upgrade entry lacks checksum or tag: %+v", e)
			}
		}
		if want := []string{"upgrade a", "upgrade b", "upgrade c", "downgrade c", "stamp a"}; !slices.Equal(got, want) {
			t.Errorf("history %v", got)
		}
		// dry run changes nothing
		dry, err := m.Upgrade(ctx, "heads", retort.DryRun())
		if err != nil || !dry.DryRun || len(dry.Steps) != 2 {
			t.Errorf("dry run %+v %v", dry, err)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
			t.Errorf("dry run changed rows: %v", rows)
		}
	})
}

func TestChecksumRefusalAndRehash(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		specs := linear("a", "b", "c")
		fsys := graphFS(specs...)
		m := db.open(fsys)
		if _, err := m.Upgrade(ctx, "b"); err != nil {
			t.Fatal(err)
		}
		// edit applied revision a
		edited := graphFS(append([]spec{{id: "a", up: "-- reviewed again\n"}}, specs[1:]...)...)
		m2 := db.open(edited)
		_, err := m2.Upgrade(ctx, "head")
		var ee *retort.EditedError
		if !errors.As(err, &ee) || !errors.Is(err, retort.ErrEdited) || len(ee.Revisions) != 1 || ee.Revisions[0].Revision != "a" {
			t.Fatalf("err = %v", err)
		}
		if !strings.Contains(err.Error(), "versions/000_a.sql") || !strings.Contains(err.Error(), "retort rehash") {
			t.Errorf("message: %v", err)
		}
		if _, err := m2.Downgrade(ctx, "base"); !errors.Is(err, retort.ErrEdited) {
			t.Errorf("downgrade err = %v", err)
		}
		if log := db.log(); len(log) != 2 { // a and b from the first upgrade only
			t.Errorf("something ran: %v", log)
		}
		st, err := m2.Status(ctx)
		if err != nil || len(st.Edited) != 1 || st.Edited[0].Path != "versions/000_a.sql" || !slices.Equal(st.Pending, []string{"c"}) {
			t.Errorf("status %+v %v", st, err)
		}
		ids, err := m2.Rehash(ctx)
		if err != nil || !slices.Equal(ids, []string{"a"}) {
			t.Fatalf("rehash %v %v", ids, err)
		}
		if _, err := m2.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(log, []string{"up c"}) {
			t.Errorf("log %v", log)
		}
		// the original file now differs from the rehashed checksum
		if _, err := m.Downgrade(ctx, "base"); !errors.Is(err, retort.ErrEdited) {
			t.Errorf("downgrade with the old file: %v", err)
		}
	})
}

func TestConcurrentUpgradeHeads(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		specs := append(linear("a", "b", "c", "d", "e", "f"), spec{id: "g", parents: "c"}, spec{id: "h", parents: "g"})
		fsys := graphFS(specs...)
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		var waits sync.Map
		dsn := db.DataSource
		if dn == testutil.SQLite {
			dsn = db.Name // no busy_timeout in the DSN: retort must cope
		}
		for i := range n {
			wg.Go(func() {
				h, err := sql.Open(db.DriverName, dsn)
				if err != nil {
					errs[i] = err
					return
				}
				defer h.Close()
				m, err := retort.Open(ctx, h, fsys, retort.WithEvents(func(e retort.Event) {
					if e.Kind == retort.EventLockWait {
						waits.Store(i, e.Text)
					}
				}))
				if err != nil {
					errs[i] = err
					return
				}
				_, errs[i] = m.Upgrade(ctx, "heads")
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("run %d: %v", i, err)
			}
		}
		log := db.log()
		if want := []string{"up a", "up b", "up c", "up d", "up e", "up f", "up g", "up h"}; !slices.Equal(sorted(log), want) {
			t.Errorf("each revision once: got %v", log)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"f", "h"}) {
			t.Errorf("rows %v", rows)
		}
		waits.Range(func(_, v any) bool {
			if !strings.HasPrefix(v.(string), "waiting for the migration lock held by ") {
				t.Errorf("wait event %q", v)
			}
			return true
		})
	})
}

func lockDialect(dn string) dialect.Dialect {
	switch dn {
	case testutil.Postgres:
		return postgres.New()
	case testutil.MySQL:
		return mysql.New()
	}
	return sqlite.New()
}

func TestLockTimeout(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		other, err := sql.Open(db.DriverName, db.DataSource)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		conn, err := other.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		unlock, err := lockDialect(dn).Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var waited string
		m := db.open(graphFS(linear("a")...), retort.WithLockTimeout(300*time.Millisecond),
			retort.WithEvents(func(e retort.Event) {
				if e.Kind == retort.EventLockWait {
					waited = e.Text
				}
			}))
		start := time.Now()
		_, err = m.Upgrade(ctx, "head")
		if !errors.Is(err, retort.ErrLockTimeout) || !strings.Contains(err.Error(), "timed out") {
			t.Fatalf("err = %v", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("waited %s", d)
		}
		if !strings.HasPrefix(waited, "waiting for the migration lock held by ") {
			t.Errorf("wait event %q", waited)
		}
		if err := unlock(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatalf("after release: %v", err)
		}
		// a cancelled wait returns promptly and leaves no lock behind
		unlock, err = lockDialect(dn).Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{})
		if err != nil {
			t.Fatal(err)
		}
		cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		defer cancel()
		if _, err := m.Downgrade(cctx, "base"); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("cancelled: %v", err)
		}
		unlock(ctx)
	})
}

func TestFailureRollsBackWholeRun(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		if dn == testutil.MySQL {
			t.Skip("MySQL/MariaDB DDL cannot roll back: TestPartialFailureAndResolve")
		}
		ctx := context.Background()
		db := newDB(t, dn)
		specs := linear("a", "b", "c")
		specs[2].up = "INSERT INTO missing_table VALUES (1);"
		m := db.open(graphFS(specs...))
		if _, err := m.Upgrade(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		db.log()
		before := db.tables()
		_, err := m.Upgrade(ctx, "head")
		var se *migrate.StmtError
		if !errors.As(err, &se) || se.Revision != "c" || se.Path != "versions/002_c.sql" || se.Line == 0 || !strings.Contains(se.SQL, "missing_table") {
			t.Fatalf("err = %#v", err)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("versions/002_c.sql:%d", se.Line)) || !strings.Contains(err.Error(), "missing_table") {
			t.Errorf("message: %v", err)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
			t.Errorf("rows %v", rows)
		}
		if log := db.log(); len(log) != 0 {
			t.Errorf("log %v", log)
		}
		if got := db.tables(); !slices.Equal(got, before) {
			t.Errorf("tables %v, before %v", got, before)
		}
		// per migration: b stays
		m = db.open(graphFS(specs...), retort.WithTransactionPerMigration(true))
		if _, err := m.Upgrade(ctx, "head"); err == nil {
			t.Fatal("no error")
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"b"}) {
			t.Errorf("rows %v", rows)
		}
		h, _ := m.Applied(ctx)
		if last := h[len(h)-1]; last.Status != "rolled-back" || last.Revision != "c" || last.Success || !strings.Contains(last.Error, "missing_table") {
			t.Errorf("last history entry %+v", last)
		}
	})
}

func TestPartialFailureAndResolve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, action := range []retort.ResolveAction{retort.ResolveApplied, retort.ResolveRolledBack} {
		t.Run(string(action), func(t *testing.T) {
			t.Parallel()
			db := newDB(t, testutil.MySQL)
			specs := linear("a", "b", "c")
			specs[1].up = "INSERT INTO missing_table VALUES (1);\nCREATE TABLE b_extra (id INTEGER);"
			m := db.open(graphFS(specs...))
			_, err := m.Upgrade(ctx, "head")
			var pe *migrate.PartialError
			if !errors.As(err, &pe) || !errors.Is(err, retort.ErrPartial) || pe.Revision != "b" || pe.Statement != 3 || pe.Total != 4 {
				t.Fatalf("err = %v", err)
			}
			for _, want := range []string{"versions/001_b.sql:", "(statement 3 of 4)", "statements 1-2 ran", "retort resolve b --applied", "missing_table"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message lacks %q: %v", want, err)
				}
			}
			if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
				t.Errorf("rows %v", rows)
			}
			// the next run refuses
			_, err = m.Upgrade(ctx, "head")
			if !errors.As(err, &pe) || !pe.Recorded || !strings.Contains(err.Error(), "(statement 3 of 4)") {
				t.Fatalf("second run: %v", err)
			}
			st, err := m.Status(ctx)
			if err != nil || st.Failed == nil || st.Failed.Revision != "b" || st.Failed.Executed != 2 || st.Failed.Total != 4 {
				t.Fatalf("status %+v %v", st, err)
			}
			if _, err := m.Resolve(ctx, "c", action); err == nil {
				t.Error("resolving the wrong revision worked")
			}
			if action == retort.ResolveApplied {
				db.exec("CREATE TABLE b_extra (id INTEGER)")
			} else {
				db.exec("DROP TABLE t_b")
			}
			if _, err := m.Resolve(ctx, "b", action); err != nil {
				t.Fatal(err)
			}
			if _, err := m.Resolve(ctx, "b", action); !errors.Is(err, retort.ErrNothingToResolve) {
				t.Errorf("second resolve: %v", err)
			}
			db.log()
			if action == retort.ResolveApplied {
				if rows := db.rows(); !slices.Equal(rows, []string{"b"}) {
					t.Errorf("rows %v", rows)
				}
				if _, err := m.Upgrade(ctx, "head"); err != nil {
					t.Fatal(err)
				}
				if log := db.log(); !slices.Equal(log, []string{"up c"}) {
					t.Errorf("log %v", log)
				}
			} else {
				if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
					t.Errorf("rows %v", rows)
				}
				fixed := linear("a", "b", "c")
				if _, err := db.open(graphFS(fixed...)).Upgrade(ctx, "head"); err != nil {
					t.Fatal(err)
				}
				if log := db.log(); !slices.Equal(log, []string{"up b", "up c"}) {
					t.Errorf("log %v", log)
				}
			}
		})
	}
}

func TestNoTransactionRevision(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		specs := linear("a", "b", "c")
		specs[1].noTx = true
		if dn == testutil.Postgres {
			specs[1].up = "CREATE INDEX CONCURRENTLY ix_a ON t_a (id);"
		} else {
			specs[1].up = "CREATE INDEX ix_a ON t_a (id);"
		}
		m := db.open(graphFS(specs...))
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(log, []string{"up a", "up b", "up c"}) {
			t.Errorf("log %v", log)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"c"}) {
			t.Errorf("rows %v", rows)
		}
		var buf bytes.Buffer
		if _, err := m.Upgrade(ctx, "heads", retort.SQLTo(&buf)); err != nil {
			t.Fatal(err)
		}
		if dn != testutil.MySQL && !strings.Contains(buf.String(), "-- Running upgrade a -> b\n\nCOMMIT;\n\n") {
			t.Errorf("offline script:\n%s", buf.String())
		}
	})
}

func TestOfflineMatchesOnline(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		specs := append(linear("a", "b", "c"), spec{id: "d", parents: "a", labels: "side"}, spec{id: "m", parents: "c d"})
		switch dn {
		case testutil.Postgres:
			specs[1].up = "CREATE FUNCTION f_b() RETURNS integer AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;"
			specs[1].down = "DROP FUNCTION f_b();"
		case testutil.MySQL:
			specs[1].up = "-- +retort StatementBegin\nCREATE PROCEDURE p_b()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- +retort StatementEnd"
			specs[1].down = "DROP PROCEDURE p_b;"
		default:
			specs[1].up = "CREATE TRIGGER tr_b AFTER INSERT ON t_b BEGIN\n  INSERT INTO runlog (rev) VALUES ('trigger');\nEND;"
		}
		specs[2].up = "INSERT INTO runlog (rev) VALUES ('it''s; -- fine'); -- trailing comment"
		fsys := graphFS(specs...)
		online, offline := newDB(t, dn), newDB(t, dn)
		if _, err := online.open(fsys).Upgrade(ctx, "heads"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := offline.open(fsys).Upgrade(ctx, "heads", retort.SQLTo(&buf)); err != nil {
			t.Fatal(err)
		}
		runClient(t, offline.DB, buf.String())
		if got, want := offline.rows(), online.rows(); !slices.Equal(got, want) {
			t.Errorf("rows offline %v, online %v", got, want)
		}
		if got, want := offline.log(), online.log(); !slices.Equal(got, want) {
			t.Errorf("log offline %v, online %v", got, want)
		}
		skipHistory := func(ts []string) []string {
			return slices.DeleteFunc(ts, func(s string) bool { return s == "retort_history" })
		}
		if got, want := skipHistory(offline.tables()), skipHistory(online.tables()); !slices.Equal(got, want) {
			t.Errorf("tables offline %v, online %v", got, want)
		}
		// ranges: down m:a then up a:m from the offline database's own state
		buf.Reset()
		if _, err := offline.open(fsys).Downgrade(ctx, "m:a", retort.SQLTo(&buf)); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "CREATE TABLE alembic_version") {
			t.Errorf("range script creates the version table:\n%s", buf.String())
		}
		runClient(t, offline.DB, buf.String())
		if got := offline.rows(); !slices.Equal(got, []string{"a"}) {
			t.Errorf("rows after offline downgrade %v", got)
		}
		buf.Reset()
		if _, err := offline.open(fsys).Upgrade(ctx, "a:heads", retort.SQLTo(&buf)); err != nil {
			t.Fatal(err)
		}
		runClient(t, offline.DB, buf.String())
		if got := offline.rows(); !slices.Equal(got, []string{"m"}) {
			t.Errorf("rows after offline upgrade %v", got)
		}
		// and retort continues online from what the script did
		if _, err := offline.open(fsys).Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		if got := offline.rows(); len(got) != 0 {
			t.Errorf("rows %v", got)
		}
	})
}

func TestAlembicRowsContinued(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		// what Alembic leaves behind after `upgrade c` on graph B-like history
		db.exec("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
		for _, tb := range []string{"t_a", "t_b", "t_c1", "t_c2"} {
			db.exec("CREATE TABLE " + tb + " (id INTEGER)")
		}
		db.exec("INSERT INTO alembic_version (version_num) VALUES ('c1')")
		db.exec("INSERT INTO alembic_version (version_num) VALUES ('c2')")
		m := db.open(graphFS(graphs["B"]...))
		res, err := m.Upgrade(ctx, "heads")
		if err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(sorted(log), []string{"up d1", "up d2"}) {
			t.Errorf("log %v", log)
		}
		if !slices.Equal(res.After, []string{"d1", "d2"}) || !slices.Equal(sorted(res.Before), []string{"c1", "c2"}) {
			t.Errorf("result %+v", res)
		}
		if _, err := m.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		if rows := db.rows(); len(rows) != 0 {
			t.Errorf("rows %v", rows)
		}
	})
}

func TestBadStates(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		fsys := graphFS(linear("a", "b")...)

		t.Run("current never creates the table", func(t *testing.T) {
			db := newDB(t, dn)
			m := db.open(fsys)
			rows, err := m.Current(ctx)
			if err != nil || len(rows) != 0 {
				t.Fatalf("%v %v", rows, err)
			}
			if slices.Contains(db.tables(), "alembic_version") {
				t.Error("current created the version table")
			}
			if st, err := m.Status(ctx); err != nil || !slices.Equal(st.Pending, []string{"a", "b"}) {
				t.Errorf("status %+v %v", st, err)
			}
		})
		t.Run("unknown row", func(t *testing.T) {
			db := newDB(t, dn)
			m := db.open(fsys)
			if _, err := m.Upgrade(ctx, "a"); err != nil {
				t.Fatal(err)
			}
			db.exec("UPDATE alembic_version SET version_num = 'zzz'")
			_, err := m.Upgrade(ctx, "head")
			if !errors.Is(err, retort.ErrUnknownRevision) || !strings.Contains(err.Error(), "'zzz'") || !strings.Contains(err.Error(), "stamp --purge") {
				t.Fatalf("err = %v", err)
			}
			st, err := m.Status(ctx)
			if err != nil || !slices.Equal(st.Unknown, []string{"zzz"}) {
				t.Errorf("status %+v %v", st, err)
			}
			if _, err := m.Stamp(ctx, []string{"a"}, retort.StampPurge()); err != nil {
				t.Fatal(err)
			}
			if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
				t.Errorf("rows %v", rows)
			}
		})
		t.Run("wrongly shaped version table", func(t *testing.T) {
			db := newDB(t, dn)
			db.exec("CREATE TABLE alembic_version (id INTEGER, version VARCHAR(32))")
			m := db.open(fsys)
			for _, run := range []func() error{
				func() error { _, err := m.Upgrade(ctx, "head"); return err },
				func() error { _, err := m.Current(ctx); return err },
			} {
				err := run()
				if !errors.Is(err, versiontable.ErrShape) || !strings.Contains(err.Error(), "version_num") {
					t.Errorf("err = %v", err)
				}
			}
		})
		t.Run("targets", func(t *testing.T) {
			db := newDB(t, dn)
			m := db.open(fsys)
			if _, err := m.Upgrade(ctx, "a:b"); err == nil || !strings.Contains(err.Error(), "Range revision not allowed") {
				t.Errorf("range online: %v", err)
			}
			if _, err := m.Downgrade(ctx, "a", retort.SQLTo(&bytes.Buffer{})); err == nil || !strings.Contains(err.Error(), "requires <fromrev>:<torev>") {
				t.Errorf("downgrade --sql: %v", err)
			}
			if _, err := m.Stamp(ctx, []string{"a"}, retort.StampPurge(), retort.SQLTo(&bytes.Buffer{})); err == nil || !strings.Contains(err.Error(), "purge") {
				t.Errorf("stamp --purge --sql: %v", err)
			}
			if _, err := m.Upgrade(ctx, "nope"); err == nil || !strings.Contains(err.Error(), "nope") {
				t.Errorf("unknown target: %v", err)
			}
		})
		t.Run("broken file stops the run before it starts", func(t *testing.T) {
			db := newDB(t, dn)
			specs := linear("a", "b", "c")
			specs[2].up = "INSERT INTO runlog (rev) VALUES ('unterminated);"
			_, err := db.open(graphFS(specs...)).Upgrade(ctx, "head")
			if err == nil || !strings.Contains(err.Error(), "versions/002_c.sql") || !strings.Contains(err.Error(), "nothing was run") {
				t.Fatalf("err = %v", err)
			}
			if log := db.log(); len(log) != 0 {
				t.Errorf("ran %v", log)
			}
			if rows := db.rows(); len(rows) != 0 {
				t.Errorf("rows %v", rows)
			}
		})
		t.Run("ensure_version", func(t *testing.T) {
			db := newDB(t, dn)
			m := db.open(fsys)
			for range 2 {
				if err := m.EnsureVersion(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if !slices.Contains(db.tables(), "alembic_version") {
				t.Error("no version table")
			}
			var buf bytes.Buffer
			if err := m.EnsureVersion(ctx, retort.SQLTo(&buf)); err != nil || !strings.Contains(buf.String(), "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)") {
				t.Errorf("%v\n%s", err, buf.String())
			}
		})
		t.Run("custom tables", func(t *testing.T) {
			db := newDB(t, dn)
			m := db.open(fsys, retort.WithVersionTable("my_versions", ""), retort.WithHistoryTable(""))
			if _, err := m.Upgrade(ctx, "head"); err != nil {
				t.Fatal(err)
			}
			tables := db.tables()
			if !slices.Contains(tables, "my_versions") || slices.Contains(tables, "retort_history") || slices.Contains(tables, "alembic_version") {
				t.Errorf("tables %v", tables)
			}
			if rows := queryStrings(t, db.DB.DB, "SELECT version_num FROM my_versions"); !slices.Equal(rows, []string{"b"}) {
				t.Errorf("rows %v", rows)
			}
		})
	})
}

func TestUnreachableDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, c := range []struct{ driver, dsn string }{
		{"pgx", "postgres://bob:s3cretpw@127.0.0.1:1/x?sslmode=disable&connect_timeout=2"},
		{"mysql", "bob:s3cretpw@tcp(127.0.0.1:1)/x?timeout=2s"},
	} {
		db, err := sql.Open(c.driver, c.dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		m, err := retort.Open(ctx, db, graphFS(linear("a")...))
		if err != nil {
			t.Fatal(err)
		}
		_, err = m.Upgrade(ctx, "head")
		if !errors.Is(err, retort.ErrConnect) || strings.Contains(err.Error(), "s3cretpw") {
			t.Errorf("%s: err = %v", c.driver, err)
		}
	}
}

func TestReadOnlyUser(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		var ro *sql.DB
		var err error
		switch dn {
		case testutil.Postgres:
			sep := "?"
			if strings.Contains(db.DataSource, "?") {
				sep = "&"
			}
			ro, err = sql.Open("pgx", db.DataSource+sep+"default_transaction_read_only=on")
		case testutil.MySQL:
			user := "ro_" + db.Name[len(db.Name)-8:]
			db.exec("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'")
			t.Cleanup(func() { db.DB.DB.Exec("DROP USER '" + user + "'@'%'") })
			db.exec("GRANT SELECT ON " + db.Name + ".* TO '" + user + "'@'%'")
			ro, err = sql.Open("mysql", user+":pw@tcp(127.0.0.1:3306)/"+db.Name)
		default:
			ro, err = sql.Open("sqlite", "file:"+db.Name+"?mode=ro")
		}
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		m, err := retort.Open(ctx, ro, graphFS(linear("a")...))
		if err != nil {
			t.Fatal(err)
		}
		_, err = m.Upgrade(ctx, "head")
		if err == nil {
			t.Fatal("a read-only user upgraded")
		}
		t.Logf("%s: %v", dn, err)
		if rows := queryStrings(t, db.DB.DB, "SELECT 'x'"); len(rows) != 1 {
			t.Fatal("database unusable")
		}
		if slices.Contains(db.tables(), "t_a") {
			t.Error("t_a created")
		}
	})
}

func TestGoMigrations(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		fsys := graphFS(linear("a", "b")...)
		calls := 0
		goRev := retort.GoMigration{ID: "g1", Parents: []string{"b"}, Message: "backfill",
			Up: func(ctx context.Context, ex retort.Execer) error {
				calls++
				_, err := ex.ExecContext(ctx, "INSERT INTO runlog (rev) VALUES ('go up')")
				return err
			},
			Down: func(ctx context.Context, ex retort.Execer) error {
				_, err := ex.ExecContext(ctx, "INSERT INTO runlog (rev) VALUES ('go down')")
				return err
			}}
		m := db.open(fsys, retort.WithGoMigrations(goRev))
		res, err := m.Upgrade(ctx, "heads")
		if err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(log, []string{"up a", "up b", "go up"}) || calls != 1 {
			t.Errorf("log %v", log)
		}
		if len(res.Steps) != 3 || res.Steps[2].Text != "upgrade b -> g1, backfill" {
			t.Errorf("steps %+v", res.Steps)
		}
		if _, err := m.Downgrade(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(log, []string{"go down", "down b"}) {
			t.Errorf("log %v", log)
		}
		var buf bytes.Buffer
		if _, err := m.Upgrade(ctx, "heads", retort.SQLTo(&buf)); err == nil || !strings.Contains(err.Error(), "Go") {
			t.Errorf("offline Go revision: %v", err)
		}
	})
}
