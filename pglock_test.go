package retort_test

import (
	"context"
	"database/sql"
	"slices"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

// lockSeen is what a Go revision saw of the migration lock while it ran.
type lockSeen struct {
	runPID, holderPID int64
	holderState       string
	locks             int
}

// lockSpy is a Go revision that records, from its own transaction and from
// an outside connection, which backend holds the run's advisory lock.
func lockSpy(t *testing.T, outside *sql.DB, seen *lockSeen) retort.GoMigration {
	return retort.GoMigration{ID: "spy", Message: "spy",
		Up: func(ctx context.Context, db retort.Execer) error {
			if err := db.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&seen.runPID); err != nil {
				return err
			}
			err := outside.QueryRowContext(ctx, `SELECT count(*) OVER (), l.pid, a.state
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`).
				Scan(&seen.locks, &seen.holderPID, &seen.holderState)
			if err != nil {
				t.Errorf("read the advisory lock: %v", err)
			}
			return nil
		},
		Down: func(context.Context, retort.Execer) error { return nil },
	}
}

// On PostgreSQL the migration lock is held by a transaction left open on a
// connection of its own, never by the run's session, so that it holds
// behind a transaction-mode pooler (docs/poolers.md); it is gone when the
// run ends.
func TestPostgresLockIsTransactionScopedOnItsOwnConnection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	d := newDB(t, testutil.Postgres)
	var seen lockSeen
	m, err := retort.Open(ctx, d.DB.DB, nil, retort.WithGoMigrations(lockSpy(t, d.DB.DB, &seen)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Upgrade(ctx, "head"); err != nil {
		t.Fatal(err)
	}
	if seen.locks != 1 || seen.holderPID == 0 {
		t.Fatalf("during the run %d advisory locks were held (holder pid %d), want 1", seen.locks, seen.holderPID)
	}
	if seen.holderPID == seen.runPID {
		t.Errorf("the lock is held by the run's own backend %d: a session lock, which a transaction pooler leaks", seen.runPID)
	}
	if seen.holderState != "idle in transaction" {
		t.Errorf("the lock's backend is %q, want idle in transaction (a transaction-scoped lock held open)", seen.holderState)
	}
	if rows := d.rows(); !slices.Equal(rows, []string{"spy"}) {
		t.Errorf("rows = %v, want [spy]", rows)
	}
	if n := queryStrings(t, d.DB.DB, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"+
		" AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"); !slices.Equal(n, []string{"0"}) {
		t.Errorf("%v advisory locks left after the run", n)
	}
}

// A pool limited to one connection cannot give the lock a second one: the
// lock is then a session lock on the run's connection, and the run neither
// waits forever for a connection nor fails.
func TestPostgresLockOnOneConnectionPool(t *testing.T) {
	t.Parallel()
	d := newDB(t, testutil.Postgres)
	db, err := sql.Open(d.DriverName, d.DataSource)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var seen lockSeen
	m, err := retort.Open(context.Background(), db, nil, retort.WithGoMigrations(lockSpy(t, d.DB.DB, &seen)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := m.Upgrade(ctx, "head"); err != nil {
		t.Fatal(err)
	}
	if seen.locks != 1 || seen.holderPID != seen.runPID {
		t.Errorf("with one connection the lock must be the run's session lock: %d locks, holder %d, run %d", seen.locks, seen.holderPID, seen.runPID)
	}
	if rows := d.rows(); !slices.Equal(rows, []string{"spy"}) {
		t.Errorf("rows = %v, want [spy]", rows)
	}
}
