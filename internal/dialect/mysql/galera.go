package mysql

// Galera clusters: GET_LOCK and LOCK TABLES are node-local there, and
// conflicts between nodes surface only when a write set is certified at
// COMMIT. The migration lock is therefore a lease row in a replicated
// InnoDB table next to the version table, taken by a committed INSERT
// (certification lets exactly one of two concurrent INSERTs of one key
// win), renewed in the background on a connection of its own, deleted at
// the end, and taken over only once expired, by a conditional UPDATE that
// commits through certification too. See docs/galera.md.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	mathrand "math/rand/v2"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
)

// LockTables implements dialect.LockTableNamer: the lease table, which
// exists only where a run took the lock on a Galera cluster.
func (*Dialect) LockTables() []string { return []string{LeaseTable} }

// LeaseTable is the lease lock's table, in the version table's database.
const LeaseTable = "retort_lock"

// galera reports whether the server is a node of a Galera cluster:
// wsrep_on with a provider loaded. A server without the variables (MySQL,
// a MariaDB built without wsrep) is not.
func galera(ctx context.Context, q dialect.RowQuerier) (bool, error) {
	var on sql.NullInt64
	var provider sql.NullString
	err := q.QueryRowContext(ctx, "SELECT @@global.wsrep_on, @@global.wsrep_provider").Scan(&on, &provider)
	if err != nil {
		var me *gomysql.MySQLError
		if errors.As(err, &me) && me.Number == 1193 { // ER_UNKNOWN_SYSTEM_VARIABLE
			return false, nil
		}
		return false, fmt.Errorf("ask whether the server is a Galera cluster node (@@wsrep_on): %w", err)
	}
	p := strings.TrimSpace(provider.String)
	return on.Int64 == 1 && p != "" && !strings.EqualFold(p, "none"), nil
}

// CheckCluster implements dialect.ClusterChecker: on a Galera node, DDL in
// total order isolation (TOI, the default) is applied at the same point of
// the replication stream on every node; rolling schema upgrade (RSU)
// applies it on this node only, while the version rows, ordinary writes,
// replicate everywhere and would claim every node migrated.
func (*Dialect) CheckCluster(ctx context.Context, q dialect.RowQuerier, allowNodeLocal bool) (string, error) {
	on, err := galera(ctx, q)
	if err != nil || !on {
		return "", err
	}
	var method string
	if err := q.QueryRowContext(ctx, "SELECT @@session.wsrep_OSU_method").Scan(&method); err != nil {
		return "", fmt.Errorf("ask how the Galera cluster applies DDL (@@wsrep_OSU_method): %w", err)
	}
	method = strings.ToUpper(method)
	lock := "the migration lock is a lease row in " + LeaseTable
	switch method {
	case "TOI":
		return "Galera cluster: DDL runs in total order isolation (wsrep_OSU_method=TOI), applied at the same point on every node; " + lock, nil
	case "RSU":
		if !allowNodeLocal {
			return "", errors.New("the Galera cluster applies DDL as a rolling schema upgrade (wsrep_OSU_method=RSU): " +
				"DDL would be applied on this node only, while the version rows replicate to every node and would say all of them were migrated. " +
				"Set wsrep_OSU_method=TOI (the default: SET GLOBAL wsrep_OSU_method='TOI', or remove it from the URL or server configuration), " +
				"or, if you run the migration on every node yourself, set allow_node_local_ddl = true in retort.toml; nothing was run")
		}
		return "Galera cluster: wsrep_OSU_method=RSU, allowed by allow_node_local_ddl: DDL is applied on this node only (run it on every node yourself); " + lock, nil
	default:
		return fmt.Sprintf("Galera cluster: DDL runs with wsrep_OSU_method=%s; %s", method, lock), nil
	}
}

// lease is a held lease lock.
type lease struct {
	db   *sql.DB
	conn *sql.Conn // the lease's own connection; nil after it broke
	// restore puts conn's wsrep_sync_wait back as it was.
	restore func(context.Context) error
	table   string // qualified LeaseTable
	key     string
	owner   string
	host    string
	pid     int
	dur     time.Duration

	mu      sync.Mutex
	expiry  time.Time     // local time by which the lease surely lapses unless renewed: renewal sent + dur
	lost    error         // wraps ErrLockLost once the lease lapsed or was taken over
	told    bool          // check has returned lost: the run knows
	changed chan struct{} // closed (and replaced) after each renewal attempt
	kick    chan struct{} // asks for a renewal now
	stop    chan struct{} // closed by unlock
	done    chan struct{} // closed when the renewals end
	cancel  context.CancelFunc
}

// leaseLock takes the lease lock key in database db (see the file comment).
// The run's connection conn reads with wsrep_sync_wait's read bit set while
// the lock is held, so its reads of the version and history rows see every
// commit the cluster made before them; unlock puts its setting back.
func (d *Dialect) leaseLock(ctx context.Context, conn *sql.Conn, db, key string, o dialect.LockOptions) (dialect.Unlock, error) {
	if o.DB == nil {
		return nil, errors.New("take the migration lock: on a Galera cluster it is a lease renewed on a connection of its own, and no connection pool was given to take one from")
	}
	if o.DB.Stats().MaxOpenConnections == 1 {
		return nil, errors.New("take the migration lock: on a Galera cluster it is a lease renewed on a second connection, and the connection pool allows only one (SetMaxOpenConns(1)): allow at least two")
	}
	dur := o.Lease
	if dur <= 0 {
		dur = dialect.DefaultLease
	}
	host, _ := os.Hostname()
	l := &lease{db: o.DB, table: d.QuoteIdent(db) + "." + d.QuoteIdent(LeaseTable), key: key,
		owner: randomOwner(), host: host, pid: os.Getpid(), dur: dur,
		changed: make(chan struct{}), kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	if err := l.open(ctx); err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	restore, err := syncReads(ctx, conn)
	if err != nil {
		l.close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	if err := dialect.Poll(ctx, key, o, l.try, l.holder); err != nil {
		l.close(context.WithoutCancel(ctx))
		if rerr := restore(context.WithoutCancel(ctx)); rerr != nil {
			discard(conn)
		}
		return nil, err
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	l.cancel = cancel
	go l.renewals(rctx)
	if o.Held != nil {
		o.Held(l.check)
	}
	return func(ctx context.Context) error {
		err := l.release(ctx)
		if rerr := restore(ctx); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return err
	}, nil
}

func randomOwner() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// open takes the lease's connection, makes its reads wait for the cluster,
// and creates the lease table when it is missing: in total order
// isolation, so that every node has it before a row of it replicates.
func (l *lease) open(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	c, err := l.db.Conn(cctx)
	if err != nil {
		return fmt.Errorf("a second connection for the lease (the pool must allow two): %w", err)
	}
	if l.restore, err = syncReads(ctx, c); err != nil {
		discard(c)
		c.Close()
		return err
	}
	l.conn = c
	// Another run's CREATE below, in total order isolation, aborts a
	// statement that reads the table on any node (1213): read again.
	_, err = retry(ctx, "probe", leaseAttempts, transient, func() error {
		_, err := l.exec(ctx, "SELECT 1 FROM "+l.table+" LIMIT 0")
		return err
	})
	if err == nil {
		return nil
	}
	if !IsNoSuchTable(err) {
		l.close(ctx)
		return fmt.Errorf("read the lease table %s: %w%s", l.table, err, advice(err))
	}
	_, err = retry(ctx, "create", leaseAttempts, transient, func() error {
		_, err := l.exec(ctx, "SET STATEMENT wsrep_OSU_method = 'TOI' FOR CREATE TABLE IF NOT EXISTS "+l.table+` (
    lock_key VARCHAR(64) NOT NULL,
    owner CHAR(32) NOT NULL,
    host VARCHAR(255) NOT NULL,
    pid BIGINT NOT NULL,
    acquired DATETIME(6) NOT NULL,
    expires DATETIME(6) NOT NULL,
    PRIMARY KEY (lock_key)
) ENGINE=InnoDB`)
		return err
	})
	if err != nil {
		l.close(ctx)
		return fmt.Errorf("create the lease table %s: %w%s", l.table, err, advice(err))
	}
	return nil
}

// close gives the lease's connection back with its session as it was, or
// has the pool drop it.
func (l *lease) close(ctx context.Context) {
	if l.conn == nil {
		return
	}
	if err := l.restore(ctx); err != nil {
		discard(l.conn)
	}
	l.conn.Close()
	l.conn = nil
}

// exec runs one autocommit statement on the lease's connection, replacing
// the connection first when an earlier statement broke it.
func (l *lease) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if l.conn == nil {
		c, err := l.db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		restore, err := syncReads(ctx, c)
		if err != nil {
			discard(c)
			c.Close()
			return nil, err
		}
		l.conn, l.restore = c, restore
	}
	res, err := l.conn.ExecContext(ctx, q, args...)
	var me *gomysql.MySQLError
	if err != nil && !errors.As(err, &me) {
		// Not the server's answer: the connection may be gone.
		discard(l.conn)
		l.conn.Close()
		l.conn = nil
	}
	return res, err
}

// Every statement on the lease row is one autocommit transaction, and
// the server can roll any of them back while other transactions use the
// row: InnoDB picks it as a deadlock victim (1213; concurrent INSERTs of
// one key while its row is being deleted, or a DELETE or UPDATE waiting
// for the row between another transaction's shared lock on it and that
// transaction's write), a row lock is not granted in time (1205), or
// Galera aborts it because another node's write set on the row was
// certified first, or because a replicated write or a DDL statement in
// total order isolation (another run's CREATE TABLE IF NOT EXISTS of the
// lease table) needed its locks (1213 too). Such a statement changed
// nothing, so it is run again, whole: acquisition counts it as "not
// acquired yet" and polls on, and the table's creation, renewal and
// release retry it a few times (retry) before they give up. Only a
// statement's answer, never its failure, says whether the lease is held.

// leaseAttempts bounds the attempts at one statement on the lease row.
const leaseAttempts = 8

// retryPause is the first pause between attempts; each next one doubles,
// and each is jittered so that runs aborted together do not meet again.
// Eight attempts take up to about 1.3s.
const retryPause = 10 * time.Millisecond

// transient reports whether err is the server's word that the statement
// was rolled back as a whole and may succeed if run again: a deadlock or
// Galera certification failure or brute-force abort (1213), a lock wait
// timeout or a causal read (wsrep_sync_wait) that timed out (1205), or a
// Galera node that is, for now, not ready for queries (1047).
func transient(err error) bool {
	var me *gomysql.MySQLError
	if !errors.As(err, &me) {
		return false
	}
	switch me.Number {
	case 1213, 1205: // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
		return true
	case 1047: // ER_UNKNOWN_COM_ERROR: "WSREP has not yet prepared node for application use"
		return strings.Contains(me.Message, "WSREP")
	}
	return false
}

// conflict reports whether err says the lease row's key is taken or that
// another run's write of it won the race: a duplicate key, a deadlock or
// certification failure, or a row lock held by a writer on this node.
func conflict(err error) bool {
	var me *gomysql.MySQLError
	if !errors.As(err, &me) {
		return false
	}
	switch me.Number {
	case 1062, 1213, 1205: // ER_DUP_ENTRY, ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
		return true
	}
	return false
}

// retried, when set (by tests), is told of each statement retry runs
// again and why.
var retried atomic.Pointer[func(what string, err error)]

// retry runs f, the statement what, until it succeeds, fails with an
// error again does not accept, has been run attempts times, or ctx ends,
// pausing retryPause, doubled each time and jittered, between runs. It
// returns how many times f ran and its last error (ctx's, naming the last
// one, when ctx ended).
func retry(ctx context.Context, what string, attempts int, again func(error) bool, f func() error) (int, error) {
	return retryUntil(ctx, what, attempts, time.Time{}, again, f)
}

// maxRetryPause caps the doubling pause of retryUntil's attempts past
// attempts.
const maxRetryPause = 250 * time.Millisecond

// retryUntil is retry that, once attempts have run, goes on while the
// time is before until (zero: not at all), its pause capped at
// maxRetryPause.
func retryUntil(ctx context.Context, what string, attempts int, until time.Time, again func(error) bool, f func() error) (int, error) {
	pause := retryPause
	for n := 1; ; n++ {
		err := f()
		if err == nil || !again(err) || n >= attempts && !time.Now().Add(pause).Before(until) {
			return n, err
		}
		if f := retried.Load(); f != nil {
			(*f)(what, err)
		}
		// Between half and all of pause.
		d := pause/2 + time.Duration(mathrand.Int64N(int64(pause/2)+1))
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return n, fmt.Errorf("%w (the last attempt failed: %v)", ctx.Err(), err)
		case <-t.C:
		}
		pause = min(2*pause, maxRetryPause)
	}
}

// advice is what to do about a lease statement's last error, for the end
// of its message: nothing when there is nothing particular to say.
func advice(err error) string {
	if notReady(err) {
		return "; " + notReadyAdvice
	}
	if transient(err) {
		return fmt.Sprintf(" (the server rolled it back %d times in a row while other runs used the lease table: run again)", leaseAttempts)
	}
	return ""
}

// try inserts the lease row, or takes over an expired one. A statement
// the server rolled back (a deadlock, a certification failure, a lock
// wait timeout) leaves the lock not acquired yet: Poll tries again. A node
// not ready for queries is given a few moments.
func (l *lease) try(ctx context.Context) (bool, error) {
	us := l.dur.Microseconds()
	sent := time.Now()
	_, err := retry(ctx, "insert", leaseAttempts, notReady, func() error {
		sent = time.Now()
		_, err := l.exec(ctx, "INSERT INTO "+l.table+" (lock_key, owner, host, pid, acquired, expires) "+
			"VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND)", l.key, l.owner, l.host, l.pid, us)
		return err
	})
	if err == nil {
		l.renewed(sent)
		return true, nil
	}
	if !conflict(err) {
		return false, fmt.Errorf("insert the lease row into %s: %w%s", l.table, err, advice(err))
	}
	var res sql.Result
	_, err = retry(ctx, "takeover", leaseAttempts, notReady, func() error {
		sent = time.Now()
		var err error
		res, err = l.exec(ctx, "UPDATE "+l.table+" SET owner = ?, host = ?, pid = ?, acquired = UTC_TIMESTAMP(6), "+
			"expires = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND WHERE lock_key = ? AND expires < UTC_TIMESTAMP(6)",
			l.owner, l.host, l.pid, us, l.key)
		return err
	})
	if err != nil {
		if conflict(err) {
			return false, nil
		}
		return false, fmt.Errorf("take over the expired lease row in %s: %w%s", l.table, err, advice(err))
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return false, err
	}
	l.renewed(sent)
	return true, nil
}

// nodeAdvice says, after the lock was held, that err is a node not ready
// for queries, else nothing.
func nodeAdvice(err error) string {
	if notReady(err) {
		return "; the Galera node left the cluster's primary component or is not synced with it (SHOW STATUS LIKE 'wsrep_local_state_comment')"
	}
	return ""
}

// notReady reports whether err is a Galera node's refusal of queries
// (1047), which may pass in a moment.
func notReady(err error) bool {
	var me *gomysql.MySQLError
	return errors.As(err, &me) && me.Number == 1047 && strings.Contains(me.Message, "WSREP")
}

// holder describes the lease row's holder for the waiting message.
func (l *lease) holder(ctx context.Context) string {
	if l.conn == nil {
		return "another run"
	}
	var host, acquired string
	var pid int64
	var left float64
	err := l.conn.QueryRowContext(ctx, "SELECT host, pid, DATE_FORMAT(acquired, '%Y-%m-%d %H:%i:%s'), TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), expires) / 1e6 FROM "+
		l.table+" WHERE lock_key = ?", l.key).Scan(&host, &pid, &acquired, &left)
	if err != nil {
		return "another run"
	}
	s := fmt.Sprintf("pid %d on %s since %s UTC", pid, host, acquired)
	if left < 0 {
		return s + fmt.Sprintf(" (its lease expired %.0fs ago; taking it over)", -left)
	}
	return s + fmt.Sprintf(" (lease renewed until %.0fs from now)", left)
}

// renewed records a renewal sent at sent (before the server read its
// clock), so the lease holds until at least sent + dur.
func (l *lease) renewed(sent time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := sent.Add(l.dur); e.After(l.expiry) {
		l.expiry = e
	}
}

// renewals renews the lease every third of its duration (sooner when a
// check asks, and every tenth after a failed attempt) until unlock stops
// it or the lease is lost: taken over (the row is not ours) or lapsed (no
// renewal succeeded before it expired).
func (l *lease) renewals(ctx context.Context) {
	defer close(l.done)
	wait := l.dur / 3
	for {
		t := time.NewTimer(wait)
		select {
		case <-l.stop:
			t.Stop()
			return
		case <-l.kick:
			t.Stop()
		case <-t.C:
		}
		// A renewal the server rolled back (a deadlock, a certification
		// failure) changed nothing and is run again: only its answer
		// that the row is no longer this run's says the lease was taken
		// over.
		l.mu.Lock()
		expiry := l.expiry
		l.mu.Unlock()
		// Once unlock stops the renewals, a rolled-back attempt is not run
		// again: the release deletes the row next.
		again := func(err error) bool {
			select {
			case <-l.stop:
				return false
			default:
			}
			return transient(err) && time.Until(expiry) > 0
		}
		var sent time.Time
		var res sql.Result
		tries, err := retry(ctx, "renew", leaseAttempts, again, func() error {
			sent = time.Now()
			var err error
			res, err = l.exec(ctx, "UPDATE "+l.table+" SET expires = GREATEST(expires + INTERVAL 1 MICROSECOND, "+
				"UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND) WHERE lock_key = ? AND owner = ?", l.dur.Microseconds(), l.key, l.owner)
			return err
		})
		var n int64
		if err == nil {
			n, err = res.RowsAffected()
		}
		if ctx.Err() != nil {
			return
		}
		l.mu.Lock()
		switch {
		case err == nil && n == 1:
			if e := sent.Add(l.dur); e.After(l.expiry) {
				l.expiry = e
			}
			wait = l.dur / 3
		case err == nil:
			l.lost = fmt.Errorf("%w: its lease lapsed: another run took it over (its row in %s is no longer this run's)", dialect.ErrLockLost, l.table)
		case time.Now().After(l.expiry):
			l.lost = fmt.Errorf("%w: its lease could not be renewed before it expired (attempts in its last round: %d; the last failed: %v)%s: "+
				"another run may have taken the lock since, so this run must not write without it",
				dialect.ErrLockLost, tries, err, nodeAdvice(err))
		default:
			wait = l.dur / 10
		}
		lost := l.lost
		close(l.changed)
		l.changed = make(chan struct{})
		l.mu.Unlock()
		if lost != nil {
			return
		}
	}
}

// check is the run's test before each write: the lease holds for at least
// another third of its duration, else a renewal must confirm it first.
func (l *lease) check(ctx context.Context) error {
	for {
		l.mu.Lock()
		lost, expiry, changed := l.lost, l.expiry, l.changed
		l.told = l.told || lost != nil
		l.mu.Unlock()
		if lost != nil {
			return lost
		}
		if time.Until(expiry) > l.dur/3 {
			return nil
		}
		select {
		case <-l.done:
			return fmt.Errorf("%w: the lock was released", dialect.ErrLockLost)
		default:
		}
		select {
		case l.kick <- struct{}{}:
		default:
		}
		select {
		case <-changed:
		case <-l.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release stops the renewals and deletes the lease row. It reports a
// lapse the run's checks did not see, one that may have let another run
// in while this one still wrote: the lease had expired by the time the
// run was done (its last statement outlasted it) and the row is no longer
// this run's. A lapse after that, while the release waits for a renewal
// in flight or for its DELETE, came after the run's last write and is not
// reported: another run taking the lock then takes it from a run that is
// done. A renewal in flight (held up behind a DDL statement in total
// order isolation) is waited for up to the lease's duration.
func (l *lease) release(ctx context.Context) error {
	l.mu.Lock()
	lost, told := l.lost, l.told
	heldToEnd := lost == nil && time.Now().Before(l.expiry)
	l.mu.Unlock()
	close(l.stop)
	select {
	case <-l.done:
	case <-time.After(l.dur):
		l.cancel()
		<-l.done
	}
	l.cancel()
	l.mu.Lock()
	expiry := l.expiry
	l.mu.Unlock()
	if told {
		lost = nil // the run stopped on it and says so
	}
	defer l.close(ctx)
	// A DELETE the server rolled back (a deadlock with other runs'
	// INSERTs and UPDATEs of the row, a certification failure) deleted
	// nothing: run it again, while the lease still holds (past its expiry
	// it lapses by itself and another run may take it).
	var res sql.Result
	tries, err := retryUntil(ctx, "release", leaseAttempts, expiry, transient, func() error {
		var err error
		res, err = l.exec(ctx, "DELETE FROM "+l.table+" WHERE lock_key = ? AND owner = ?", l.key, l.owner)
		return err
	})
	if err != nil {
		return errors.Join(lost, fmt.Errorf("release the migration lock: its lease row in %s could not be deleted (attempts: %d; the last failed: %w)%s. "+
			"The lease is no longer renewed and %s: a run waiting for the lock takes it over then, and nothing needs to be done",
			l.table, tries, err, nodeAdvice(err), lapseIn(time.Until(expiry))))
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 && lost == nil && !told && !heldToEnd {
		lost = fmt.Errorf("%w: its lease expired before the run was done (its last statement outlasted the lease, and no renewal reached the server in time) "+
			"and another run had taken it over by the time this one released it: check that run's work and this one's", dialect.ErrLockLost)
	}
	return lost
}

// lapseIn says when a lease with d left lapses.
func lapseIn(d time.Duration) string {
	if d <= 0 {
		return "has lapsed already"
	}
	return "lapses by itself within " + d.Round(time.Millisecond).String()
}

// syncReads sets wsrep_sync_wait's read bit on conn and returns what puts
// the session's value back.
func syncReads(ctx context.Context, conn *sql.Conn) (func(context.Context) error, error) {
	var prev int64
	if err := conn.QueryRowContext(ctx, "SELECT @@session.wsrep_sync_wait").Scan(&prev); err != nil {
		return nil, fmt.Errorf("read wsrep_sync_wait: %w", err)
	}
	if prev&1 == 1 {
		return func(context.Context) error { return nil }, nil
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("SET SESSION wsrep_sync_wait = %d", prev|1)); err != nil {
		return nil, fmt.Errorf("set wsrep_sync_wait: %w", err)
	}
	return func(ctx context.Context) error {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("SET SESSION wsrep_sync_wait = %d", prev)); err != nil {
			return fmt.Errorf("restore wsrep_sync_wait: %w", err)
		}
		return nil
	}, nil
}

// discard makes database/sql drop conn instead of reusing it.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
}
