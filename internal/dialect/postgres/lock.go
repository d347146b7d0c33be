package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

func lockHash(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte("retort:" + key))
	return int64(h.Sum64())
}

// Lock implements dialect.Dialect with an advisory lock keyed on the version
// table (LockKey), polled with a pg_try_… function so the wait can be
// bounded and reported.
//
// When the pool conn came from is given (o.DB) and may open a second
// connection, the lock is transaction-scoped (pg_try_advisory_xact_lock),
// taken in a transaction of its own on a connection of its own that stays
// open, idle, until Unlock ends it. Nothing of it lives in a session, so it
// holds behind a transaction-mode pooler (PgBouncer), where a client's
// consecutive transactions run on different server connections and a
// session lock would be taken on one of them and leaked there; the open
// transaction pins one server connection, and a killed run's transaction
// ends with its client, releasing the lock. It does not conflict with the
// DDL that conn runs meanwhile: an advisory lock locks no table, and the
// transaction holds no snapshot once the lock is taken (read committed, and
// no portal left open), so even CREATE INDEX CONCURRENTLY, which waits for
// transactions with older snapshots, does not wait for it. Each failed attempt is rolled back, so a waiting run never
// holds a transaction open either.
//
// Without o.DB, or when the pool is limited to one connection (a second one
// would wait for conn forever), the lock is session-level on conn, as
// before: correct on a direct connection or a session-mode pooler only.
func (d *Dialect) Lock(ctx context.Context, conn *sql.Conn, t dialect.Table, o dialect.LockOptions) (dialect.Unlock, error) {
	key, err := d.LockKey(ctx, conn, t)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	k := lockHash(key)
	if o.DB == nil || o.DB.Stats().MaxOpenConnections == 1 {
		return sessionLock(ctx, conn, key, k, o)
	}
	return xactLock(ctx, conn, key, k, o)
}

// sessionLock holds pg_advisory_lock on conn until Unlock; it dies with the
// connection.
func sessionLock(ctx context.Context, conn *sql.Conn, key string, k int64, o dialect.LockOptions) (dialect.Unlock, error) {
	try := func(ctx context.Context) (bool, error) {
		var ok bool
		err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", k).Scan(&ok)
		return ok, err
	}
	if err := dialect.Poll(ctx, key, o, try, holderFunc(conn, k)); err != nil {
		return nil, err
	}
	return func(ctx context.Context) error {
		var ok bool
		if err := conn.QueryRowContext(ctx, "SELECT pg_advisory_unlock($1)", k).Scan(&ok); err != nil {
			return fmt.Errorf("release the migration lock (pg_advisory_unlock): %w; the server releases it when the run's connection closes, which it does now", err)
		}
		return nil
	}, nil
}

// lockSettings turns off, for the lock's transaction only, the server
// timeouts that would end an idle open transaction (and with it the lock)
// while the run goes on; transaction_timeout exists from PostgreSQL 17.
const lockSettings = `SELECT set_config(name, '0', true) FROM pg_catalog.pg_settings
WHERE name IN ('idle_in_transaction_session_timeout', 'transaction_timeout')`

// xactLock holds pg_try_advisory_xact_lock in an open transaction on a
// connection of its own from o.DB (see Lock).
func xactLock(ctx context.Context, conn *sql.Conn, key string, k int64, o dialect.LockOptions) (dialect.Unlock, error) {
	// A pool at its MaxOpenConns waits for a free connection: within the
	// lock timeout, as a wait for the lock would.
	cctx := ctx
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		cctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	lc, err := o.DB.Conn(cctx)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: open a second connection from the pool for it "+
			"(leave the pool room for two, or raise the lock timeout): %w", err)
	}
	var tx *sql.Tx
	var pid int64
	try := func(ctx context.Context) (bool, error) {
		// The transaction outlives ctx when it takes the lock: database/sql
		// would roll it back when ctx ends, and Unlock ends it.
		t, err := lc.BeginTx(context.WithoutCancel(ctx), &sql.TxOptions{Isolation: sql.LevelReadCommitted})
		if err != nil {
			return false, statementPooling(err)
		}
		var ok bool
		if err := t.QueryRowContext(ctx, "SELECT pg_try_advisory_xact_lock($1), pg_backend_pid()", k).Scan(&ok, &pid); err != nil {
			t.Rollback()
			return false, statementPooling(err)
		}
		if !ok {
			// Hold no transaction while waiting: CREATE INDEX CONCURRENTLY
			// in the holder's run would wait for it to end.
			return false, t.Rollback()
		}
		// Without arguments this goes by the simple query protocol (pgx,
		// lib/pq), which drops the unnamed portal the query above left
		// open: that portal keeps its snapshot, and with it an xmin that
		// CREATE INDEX CONCURRENTLY in the run would wait for forever.
		if _, err := t.ExecContext(ctx, lockSettings); err != nil {
			t.Rollback()
			return false, statementPooling(err)
		}
		tx = t
		return true, nil
	}
	if err := dialect.Poll(ctx, key, o, try, holderFunc(conn, k)); err != nil {
		discard(lc)
		return nil, err
	}
	h := &xactHold{tx: tx, pid: pid}
	if o.Held != nil {
		o.Held(h.check)
	}
	return func(ctx context.Context) error {
		err := tx.Rollback() // nothing to keep: ending the transaction releases the lock
		if err != nil {
			// The connection (and with it the lock) may already be gone;
			// never hand it back to the pool in an unknown state.
			discard(lc)
			if h.told {
				return nil // the run stopped on it and said so
			}
			return h.lost(err, "it was lost after the run's last check (before its last commit at the earliest)")
		}
		return lc.Close()
	}, nil
}

// xactHold checks that the lock's transaction is still open. It ends only
// with its backend (pg_terminate_backend, a crash), its connection (a
// network cut, a pooler's idle_transaction_timeout or server restart) or a
// server timeout this run did not turn off: an advisory xact lock cannot
// be released otherwise, so while a statement still runs in the
// transaction the lock is held.
type xactHold struct {
	tx   *sql.Tx
	pid  int64 // the lock's backend, as it was when the lock was taken
	told bool  // check returned a lost lock (or was cancelled): the run knows
}

// check is the run's test before each write: one round trip in the lock's
// transaction. It runs between the run's statements, on the run's
// goroutine, never during one. Without arguments it goes by the simple
// query protocol and leaves no portal, so no snapshot stays behind for
// CREATE INDEX CONCURRENTLY to wait for (see xactLock). A query of
// pg_locks would say the same (the transaction holds the lock until it
// ends) but costs milliseconds, more for each lock the run's own
// transaction holds.
func (h *xactHold) check(ctx context.Context) error {
	if _, err := h.tx.ExecContext(ctx, "SELECT 1"); err != nil {
		if ctx.Err() != nil {
			// The run is being stopped, and a query cancelled part-way
			// may have closed the connection: not a lost lock to report.
			h.told = true
			return ctx.Err()
		}
		h.told = true
		return h.lost(err, "the run stopped before its next write")
	}
	return nil
}

func (h *xactHold) lost(err error, then string) error {
	return &lostError{pid: h.pid, err: err, then: then}
}

// lostError says that the lock's transaction ended under the run; it
// wraps dialect.ErrLockLost with its own words.
type lostError struct {
	pid  int64
	err  error
	then string // what the run did about it
}

func (e *lostError) Error() string {
	return fmt.Sprintf("the migration lock was lost: the transaction holding it (backend pid %d, on a connection of its own) "+
		"ended (%v); the backend was terminated, the connection cut, or a pooler's idle_transaction_timeout closed it, "+
		"and another run may have taken the lock since; %s: check what the database holds (`retort status`) and run the command again",
		e.pid, e.err, e.then)
}

func (e *lostError) Unwrap() error { return dialect.ErrLockLost }

// discard closes c and makes the pool drop its connection.
func discard(c *sql.Conn) {
	c.Raw(func(any) error { return driver.ErrBadConn })
	c.Close()
}

// holderFunc describes the session holding advisory lock k, asked on conn.
func holderFunc(conn *sql.Conn, k int64) func(ctx context.Context) string {
	return func(ctx context.Context) string {
		var pid int64
		var user, addr, app string
		err := conn.QueryRowContext(ctx, `SELECT a.pid, coalesce(a.usename, ''), coalesce(host(a.client_addr), 'local'), coalesce(a.application_name, '')
FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.objsubid = 1
LIMIT 1`, int64(uint64(k)>>32), int64(uint32(k))).Scan(&pid, &user, &addr, &app)
		if err != nil {
			return "another session"
		}
		s := fmt.Sprintf("backend pid %d (%s@%s", pid, user, addr)
		if app != "" {
			s += ", " + app
		}
		return s + ")"
	}
}

// errStatementPooling refuses a pooler that runs every statement on its own
// server connection: no transaction can span statements there.
var errStatementPooling = errors.New("the connection goes through a pooler in statement mode " +
	"(PgBouncer pool_mode = statement), which allows no multi-statement transaction: migrations need transactions " +
	"(and the lock one that stays open); point retort at a transaction- or session-mode pool, or at the server itself; nothing was run")

// statementPooling returns errStatementPooling when err is PgBouncer's
// refusal of a transaction block, err otherwise.
func statementPooling(err error) error {
	if err != nil && strings.Contains(err.Error(), "transaction blocks not allowed in statement pooling mode") {
		return errStatementPooling
	}
	return err
}
