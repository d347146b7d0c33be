package mysql_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/testutil"
)

// The lease lock on a single server, where InnoDB alone decides who gets
// the row: twenty runs take it at once, again and again, with short
// leases, some holding it long enough to renew, while other transactions
// lock the row and then write it (as a replicated write does on a Galera
// node) and so make the lease's own statements deadlock victims. The
// server's rollbacks are retried: every run takes and releases the lock,
// no two hold it at once, every check while held passes, and no row is
// left. The test asserts that releases did meet deadlocks, so it cannot
// pass without exercising their retries.
func TestLeaseUnderContention(t *testing.T) {
	db := testutil.New(t, testutil.MySQL)
	db.DB.SetMaxOpenConns(100)
	ctx := context.Background()
	const key = "retort_test_lease"
	table := "`" + db.Name + "`.`" + mysql.LeaseTable + "`"

	var mu sync.Mutex
	retries := map[string]int{}
	defer mysql.OnRetry(func(what string, err error) {
		var me *gomysql.MySQLError
		if !errors.As(err, &me) || (me.Number != 1213 && me.Number != 1205) {
			t.Errorf("%s retried on %v", what, err)
		}
		mu.Lock()
		retries[what]++
		mu.Unlock()
	})()

	// A dead run's expired row: the first run takes it over.
	take := func(ctx context.Context) (dialect.Unlock, func(context.Context) error, error) {
		conn, err := db.DB.Conn(ctx)
		if err != nil {
			return nil, nil, err
		}
		var check func(context.Context) error
		unlock, err := mysql.New().LeaseLock(ctx, conn, db.Name, key, dialect.LockOptions{
			// A lease well above the holds: under a loaded machine a renewal
			// may come late, and a lapse would be a true "lock lost".
			DB: db.DB, Lease: 3 * time.Second, Poll: 2 * time.Millisecond,
			Held: func(c func(context.Context) error) { check = c },
		})
		if err != nil {
			conn.Close()
			return nil, nil, err
		}
		return func(ctx context.Context) error {
			defer conn.Close()
			return unlock(ctx)
		}, check, nil
	}
	unlock, _, err := take(ctx) // creates the table
	if err != nil {
		t.Fatal(err)
	}
	if err := unlock(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DB.Exec("INSERT INTO "+table+" VALUES (?, 'dead', 'gone', 1, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, UTC_TIMESTAMP(6) - INTERVAL 1 SECOND)", key); err != nil {
		t.Fatal(err)
	}

	// Disturbers: a shared lock on the row, then a write of it that
	// changes nothing; against a DELETE or UPDATE of the lease waiting
	// between the two, InnoDB finds a deadlock and rolls one back.
	const disturbers = 2
	stop := make(chan struct{})
	var disturbed, deadlocks atomic.Int64
	var dwg sync.WaitGroup
	for range disturbers {
		dwg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				time.Sleep(10 * time.Millisecond)
				err := disturb(ctx, db.DB, table, key)
				disturbed.Add(1)
				var me *gomysql.MySQLError
				switch {
				case err == nil:
				case errors.As(err, &me) && (me.Number == 1213 || me.Number == 1205):
					deadlocks.Add(1)
				default:
					t.Errorf("disturber: %v", err)
					return
				}
			}
		})
	}

	const runs, rounds = 20, 4
	var holders, most, taken atomic.Int64
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() {
			for r := range rounds {
				unlock, check, err := take(ctx)
				if err != nil {
					t.Errorf("run %d round %d: %v", i, r, err)
					return
				}
				taken.Add(1)
				h := holders.Add(1)
				for {
					m := most.Load()
					if h <= m || most.CompareAndSwap(m, h) {
						break
					}
				}
				// Every fifth hold outlasts a renewal or two.
				hold := 3 * time.Millisecond
				if (i+r)%5 == 0 {
					hold = 500 * time.Millisecond
				}
				for end := time.Now().Add(hold); time.Now().Before(end); time.Sleep(25 * time.Millisecond) {
					if err := check(ctx); err != nil {
						t.Errorf("run %d round %d: check while held: %v", i, r, err)
						break
					}
				}
				holders.Add(-1)
				if err := unlock(ctx); err != nil {
					t.Errorf("run %d round %d: unlock: %v", i, r, err)
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	dwg.Wait()

	if got := taken.Load(); got != runs*rounds {
		t.Errorf("the lock was taken %d times, want %d", got, runs*rounds)
	}
	if most.Load() != 1 {
		t.Errorf("%d runs held the lock at once, want 1", most.Load())
	}
	if rows := db.Strings(t, "SELECT owner FROM "+table); len(rows) != 0 {
		t.Errorf("lease rows left: %v", rows)
	}
	mu.Lock()
	defer mu.Unlock()
	t.Logf("%d disturbing transactions, %d of them rolled back; lease statements retried: %v", disturbed.Load(), deadlocks.Load(), retries)
	// Eighty releases each meet a disturber now and then; the renewals,
	// fewer, may not (TestLeaseRetriesDeadlockVictims makes sure of them).
	if retries["release"] == 0 {
		t.Errorf("no release met a deadlock (retried: %v): the test did not exercise their retries", retries)
	}
}

// disturb locks the lease row key in share mode and then writes it,
// unchanged, in one transaction.
func disturb(ctx context.Context, db *sql.DB, table, key string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE lock_key = ? LOCK IN SHARE MODE", key).Scan(&n); err != nil {
		return err
	}
	time.Sleep(time.Millisecond)
	if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET expires = expires WHERE lock_key = ?", key); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// A renewal and a release that InnoDB picks as deadlock victims (another
// transaction holds a shared lock on the lease row, the lease's statement
// waits for it, and that transaction then writes the row) were rolled
// back and changed nothing: they are run again, the lease stays held
// after the renewal, and the release deletes the row.
func TestLeaseRetriesDeadlockVictims(t *testing.T) {
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	const key = "retort_test_victims"
	d := mysql.New()
	table := d.QuoteIdent(db.Name) + "." + d.QuoteIdent(mysql.LeaseTable)

	var mu sync.Mutex
	retries := map[string]int{}
	defer mysql.OnRetry(func(what string, err error) {
		mu.Lock()
		retries[what]++
		mu.Unlock()
	})()
	count := func(what string) int {
		mu.Lock()
		defer mu.Unlock()
		return retries[what]
	}

	// deadlock locks the row in share mode, waits until a statement
	// starting with prefix waits for it, then writes the row: one of the
	// two is rolled back.
	deadlock := func(prefix string, start func()) {
		t.Helper()
		tx, err := db.DB.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback() //nolint:errcheck
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE lock_key = ? LOCK IN SHARE MODE", key).Scan(&n); err != nil || n != 1 {
			t.Fatalf("lock the lease row: %d rows, %v", n, err)
		}
		start()
		waitFor(t, db.DB, prefix, 50) // blocked: still at it after 50ms
		_, err = tx.ExecContext(ctx, "UPDATE "+table+" SET expires = expires WHERE lock_key = ?", key)
		var me *gomysql.MySQLError
		if errors.As(err, &me) && me.Number == 1213 {
			return // this transaction was the victim
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}

	take := func() (dialect.Unlock, func(context.Context) error, *sql.Conn) {
		t.Helper()
		conn, err := db.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var check func(context.Context) error
		unlock, err := d.LeaseLock(ctx, conn, db.Name, key, dialect.LockOptions{
			DB: db.DB, Lease: time.Second, Held: func(c func(context.Context) error) { check = c }})
		if err != nil {
			t.Fatal(err)
		}
		return unlock, check, conn
	}

	// Renewals, every third of the lease.
	unlock, check, conn := take()
	for i := 0; count("renew") == 0; i++ {
		if i == 10 {
			t.Fatal("no renewal was the deadlock's victim in ten deadlocks")
		}
		deadlock("UPDATE "+table+" SET expires = GREATEST", func() {})
		if err := check(ctx); err != nil {
			t.Fatalf("check after a renewal met a deadlock: %v", err)
		}
	}
	// Past the lease's first duration: only renewals kept it.
	time.Sleep(1200 * time.Millisecond)
	if err := check(ctx); err != nil {
		t.Fatalf("check after a renewal was rolled back: %v", err)
	}
	if err := unlock(ctx); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	// Releases.
	for i := 0; count("release") == 0; i++ {
		if i == 10 {
			t.Fatal("no release was the deadlock's victim in ten deadlocks")
		}
		unlock, _, conn := take()
		done := make(chan error, 1)
		deadlock("DELETE FROM "+table, func() { go func() { done <- unlock(ctx) }() })
		if err := <-done; err != nil {
			t.Fatalf("release that was a deadlock's victim: %v", err)
		}
		conn.Close()
		if rows := db.Strings(t, "SELECT owner FROM "+table); len(rows) != 0 {
			t.Fatalf("lease rows left after the release: %v", rows)
		}
	}
}

// What the release reports depends on when the lease lapsed. A lapse
// while the release waits for its DELETE came after the run's last write:
// another run taking the lock then took it from a run that was done, and
// unlock reports nothing. A lapse before the run was done (its last
// statement outlasted the lease while no renewal got through) may have
// let another run in while this one still wrote, and unlock reports the
// lost lock. In both cases another transaction holds the lease row's lock
// (as a stalled cluster or a slow writer would) and, once the lease has
// expired, takes the row over as a waiting run would.
func TestLeaseReleaseReportsOnlyLapsesBeforeTheEnd(t *testing.T) {
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	d := mysql.New()
	table := d.QuoteIdent(db.Name) + "." + d.QuoteIdent(mysql.LeaseTable)
	const lease = time.Second

	take := func(key string) (dialect.Unlock, *sql.Conn, time.Time) {
		t.Helper()
		conn, err := db.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		start := time.Now()
		unlock, err := d.LeaseLock(ctx, conn, db.Name, key, dialect.LockOptions{DB: db.DB, Lease: lease})
		if err != nil {
			t.Fatal(err)
		}
		return unlock, conn, start
	}
	// block takes the lease row's lock in a transaction of its own;
	// takeOver then, once the lease has expired, makes the row another
	// run's and commits.
	block := func(key string) (takeOver func()) {
		t.Helper()
		tx, err := db.DB.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tx.Rollback() }) //nolint:errcheck
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE lock_key = ? FOR UPDATE", key).Scan(&n); err != nil || n != 1 {
			t.Fatalf("lock the lease row: %d rows, %v", n, err)
		}
		return func() {
			t.Helper()
			res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET owner = 'another', expires = UTC_TIMESTAMP(6) + INTERVAL 1 MINUTE "+
				"WHERE lock_key = ? AND expires < UTC_TIMESTAMP(6)", key)
			if err != nil {
				t.Fatal(err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				t.Fatal("the lease had not expired when it was taken over")
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	// expired waits until the lease taken at start has expired, by the
	// server's clock and the row's last committed renewal (a plain read,
	// which the row's lock does not hold up).
	expired := func(start time.Time, key string) {
		t.Helper()
		time.Sleep(time.Until(start.Add(lease)))
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			var done bool
			if err := db.DB.QueryRowContext(ctx, "SELECT expires < UTC_TIMESTAMP(6) FROM "+table+" WHERE lock_key = ?", key).Scan(&done); err != nil {
				t.Fatal(err)
			}
			if done {
				return
			}
			if time.Now().After(deadline) {
				t.Fatal("the lease did not expire")
			}
		}
	}
	owner := func(key string) string {
		t.Helper()
		rows := db.Strings(t, "SELECT owner FROM "+table+" WHERE lock_key = '"+key+"'")
		if len(rows) != 1 {
			t.Fatalf("lease rows for %s: %v", key, rows)
		}
		return rows[0]
	}

	t.Run("lapse during the release", func(t *testing.T) {
		unlock, _, start := take("after")
		takeOver := block("after")
		done := make(chan error, 1)
		go func() { done <- unlock(ctx) }() // the run is done, the lease fresh
		waitFor(t, db.DB, "DELETE FROM "+table, 0)
		expired(start, "after")
		takeOver()
		if err := <-done; err != nil {
			t.Fatalf("unlock after a lapse that came once the run was done: %v", err)
		}
		if got := owner("after"); got != "another" {
			t.Errorf("the lease row's owner is %q, want the run that took it over", got)
		}
	})

	t.Run("lapse before the end", func(t *testing.T) {
		unlock, _, start := take("before")
		takeOver := block("before")
		waitFor(t, db.DB, "UPDATE "+table+" SET expires", 0) // the first renewal, held up
		// The run's last statement outlasts the lease.
		expired(start, "before")
		done := make(chan error, 1)
		go func() { done <- unlock(ctx) }()
		time.Sleep(100 * time.Millisecond)
		takeOver()
		err := <-done
		if !errors.Is(err, dialect.ErrLockLost) || !strings.Contains(err.Error(), "taken it over") {
			t.Fatalf("unlock after a lapse before the run was done: %v, want the lost lock reported", err)
		}
		if got := owner("before"); got != "another" {
			t.Errorf("the lease row's owner is %q, want the run that took it over", got)
		}
	})
}

// waitFor waits up to five seconds until a statement starting with prefix
// has been running for more than ms milliseconds on the server (waiting
// for a row lock, in these tests).
func waitFor(t *testing.T, db *sql.DB, prefix string, ms int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM information_schema.processlist WHERE command = 'Query' AND info LIKE ? AND time_ms > ?",
			prefix+"%", ms).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q waited for the row lock", prefix)
		}
	}
}
