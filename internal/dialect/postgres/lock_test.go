package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/testutil"
)

// lockHolder is the backend holding the test database's advisory lock.
func lockHolder(t *testing.T, db *sql.DB) int64 {
	t.Helper()
	var pid int64
	if err := db.QueryRow(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&pid); err != nil {
		t.Fatalf("find the lock's backend: %v", err)
	}
	return pid
}

func terminate(t *testing.T, db *sql.DB, pid int64) {
	t.Helper()
	var ok bool
	if err := db.QueryRow("SELECT pg_terminate_backend($1)", pid).Scan(&ok); err != nil || !ok {
		t.Fatalf("pg_terminate_backend(%d) = %v, %v", pid, ok, err)
	}
}

// The transaction-scoped lock hands the run a check that holds while its
// transaction does, and fails with dialect.ErrLockLost once the lock's
// backend is gone; a loss the check did not report is reported by Unlock,
// one the check did report is not reported twice. The session lock (a pool
// of one connection) dies only with the run's own connection: no check.
func TestLockHeldCheck(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.Postgres)
	ctx := context.Background()
	d := postgres.New()
	table := dialect.Table{Name: "alembic_version"}
	lock := func(t *testing.T, pool *sql.DB) (dialect.Unlock, func(context.Context) error) {
		t.Helper()
		conn, err := pool.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		var check func(context.Context) error
		unlock, err := d.Lock(ctx, conn, table, dialect.LockOptions{DB: pool, Held: func(c func(context.Context) error) { check = c }})
		if err != nil {
			t.Fatal(err)
		}
		return unlock, check
	}

	t.Run("checked", func(t *testing.T) {
		unlock, check := lock(t, db.DB)
		if check == nil {
			t.Fatal("the transaction-scoped lock handed out no check")
		}
		for range 3 {
			if err := check(ctx); err != nil {
				t.Fatalf("check while the lock is held: %v", err)
			}
		}
		pid := lockHolder(t, db.DB)
		terminate(t, db.DB, pid)
		err := check(ctx)
		if !errors.Is(err, dialect.ErrLockLost) {
			t.Fatalf("check after the lock's backend was terminated = %v, want ErrLockLost", err)
		}
		for _, want := range []string{"the migration lock was lost", "terminating connection due to administrator command",
			"the run stopped before its next write", "retort status"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("check's error lacks %q: %v", want, err)
			}
		}
		if err := unlock(ctx); err != nil {
			t.Errorf("unlock after the check reported the loss = %v, want nil (reported once)", err)
		}
	})

	t.Run("unchecked", func(t *testing.T) {
		unlock, _ := lock(t, db.DB)
		terminate(t, db.DB, lockHolder(t, db.DB))
		err := unlock(ctx)
		if !errors.Is(err, dialect.ErrLockLost) || !strings.Contains(err.Error(), "after the run's last check") {
			t.Fatalf("unlock of a lock lost unseen = %v, want ErrLockLost saying when", err)
		}
	})

	t.Run("session lock", func(t *testing.T) {
		one, err := sql.Open(db.DriverName, db.DataSource)
		if err != nil {
			t.Fatal(err)
		}
		defer one.Close()
		one.SetMaxOpenConns(1)
		unlock, check := lock(t, one)
		if check != nil {
			t.Error("a session lock on the run's connection handed out a check")
		}
		if err := unlock(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
