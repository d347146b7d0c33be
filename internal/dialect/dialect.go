// Package dialect owns what differs between the databases retort supports:
// identifier and literal quoting, placeholders, whether DDL is transactional,
// the migration lock, and how an offline script is written for the
// database's own command-line client. Schema introspection and rendering for
// autogenerate live beside it in the same per-dialect packages.
//
// Dialect is deliberately small; anything only some dialects can do is an
// optional interface found by type assertion (ScriptFormatter).
//
// It also holds the dialect names, with their aliases and drivers
// (names.go, the one definition), and the capability interfaces a dialect
// package implements (capabilities.go; Required is what every dialect must
// have, checked by the registry's test).
//
// It imports schema (capabilities that speak the IR) and internal/sqlsplit
// (the Rules a Lexer gives). It must never import its dialect packages
// (postgres, mysql, sqlite) or their registry, which import it.
package dialect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Dialect is what every database must provide to run migrations.
type Dialect interface {
	// Name is "postgres", "mysql" or "sqlite".
	Name() string
	// QuoteIdent quotes an identifier when it needs quoting (reserved word,
	// upper case, odd characters) and returns it unchanged otherwise, so
	// generated SQL reads like Alembic's.
	QuoteIdent(name string) string
	// QuoteString renders s as a string literal.
	QuoteString(s string) string
	// Placeholder is the n-th (1-based) bind parameter marker.
	Placeholder(n int) string
	// TransactionalDDL reports whether DDL can be rolled back.
	TransactionalDDL() bool
	// Begin is the statement that opens a migration transaction (SQLite takes
	// its write lock up front with BEGIN IMMEDIATE).
	Begin() string
	// Lock takes the migration lock for the version table t on conn and
	// holds it until the returned Unlock is called or the connection dies.
	// The lock is keyed on the table as the server resolves it (the default
	// schema or database filled in, names as the server compares them; on
	// SQLite the database file), never on how a config spells it, so two
	// configs naming one table differently take one lock.
	Lock(ctx context.Context, conn *sql.Conn, t Table, o LockOptions) (Unlock, error)
}

// Table names a table as configured: Schema "" is the connection's default
// schema (PostgreSQL), database (MySQL/MariaDB) or "main" (SQLite).
type Table struct {
	Schema, Name string
}

// ScriptFormatter is implemented by dialects whose command-line client needs
// more than "statement;" to run a statement from an offline script.
type ScriptFormatter interface {
	// ClientStatement renders one statement, terminated, for the client.
	ClientStatement(sql string) string
}

// ConnPreparer is implemented by dialects that adjust a connection before
// retort uses it (SQLite: a busy timeout, so reads made while another
// process migrates wait instead of failing with "database is locked").
type ConnPreparer interface {
	PrepareConn(ctx context.Context, conn *sql.Conn) error
}

// Unlock releases a migration lock. Call it with a context that is not
// cancelled (context.WithoutCancel) so a cancelled run still unlocks. An
// error wraps ErrLockLost when the lock was lost before the run was done;
// any other error says the lock may not be released yet and what ends it:
// the caller warns with it and closes the connection instead of handing it
// back to the pool.
type Unlock func(ctx context.Context) error

// LockOptions tunes Lock.
type LockOptions struct {
	// Timeout bounds the wait; 0 waits until ctx is done.
	Timeout time.Duration
	// Wait is called once, with a description of the holder, when the lock is
	// held by someone else.
	Wait func(holder string)
	// Poll is the interval between attempts (default 200ms).
	Poll time.Duration
	// DB is the pool conn came from. A lock that must outlive conn's
	// transactions on a topology where session state does not (a
	// transaction-mode pooler, a cluster whose named locks are node-local)
	// takes its own connection from it. Nil means only conn may be used.
	DB *sql.DB
	// Lease is how long a lock that lapses unless renewed (a lease row on
	// a Galera cluster) lasts after each renewal; 0 means DefaultLease.
	// The holder renews it in the background every third of it.
	Lease time.Duration
	// Held, when set, is called once by a Lock whose hold can end while
	// the run lasts (a lease; a lock held on a connection other than the
	// run's) with the check the run makes before each write: nil while the
	// lock is surely held; otherwise, after waiting for a renewal in
	// flight, an error wrapping ErrLockLost. A lock that ends only with
	// the run's own connection never calls it.
	Held func(check func(ctx context.Context) error)
}

// DefaultLease is LockOptions.Lease when none is given.
const DefaultLease = 30 * time.Second

// ErrLockTimeout is wrapped by the error Lock returns when Timeout passes.
var ErrLockTimeout = errors.New("timed out waiting for the migration lock")

// ErrLockLost is wrapped by the errors of a lock that lapsed or ended, or
// may have, while the run held it: another run may have taken it over
// since. The wrapping error says how (a lease that lapsed, a lock's
// transaction that ended).
var ErrLockLost = errors.New("the migration lock was lost")

// LockTimeoutError says who held the lock for how long.
type LockTimeoutError struct {
	Key    string
	Holder string
	Waited time.Duration
}

func (e *LockTimeoutError) Error() string {
	h := e.Holder
	if h == "" {
		h = "another run"
	}
	return fmt.Sprintf("timed out after %s waiting for the migration lock on %s held by %s; "+
		"wait for that run to finish or raise the lock timeout", e.Waited.Round(time.Millisecond), e.Key, h)
}

func (e *LockTimeoutError) Unwrap() error { return ErrLockTimeout }

// Poll runs a lock acquisition loop shared by the dialects: try until it
// succeeds, ctx ends, or o.Timeout passes; describe the holder once.
func Poll(ctx context.Context, key string, o LockOptions,
	try func(ctx context.Context) (bool, error), holder func(ctx context.Context) string) error {
	start := time.Now()
	poll := o.Poll
	if poll <= 0 {
		poll = 200 * time.Millisecond
	}
	told := false
	who := ""
	for {
		ok, err := try(ctx)
		if err != nil {
			return fmt.Errorf("take the migration lock: %w", err)
		}
		if ok {
			return nil
		}
		if !told {
			told = true
			if holder != nil {
				who = holder(ctx)
			}
			if o.Wait != nil {
				o.Wait(who)
			}
		}
		waited := time.Since(start)
		if o.Timeout > 0 && waited >= o.Timeout {
			return &LockTimeoutError{Key: key, Holder: who, Waited: waited}
		}
		d := poll
		if o.Timeout > 0 && o.Timeout-waited < d {
			d = o.Timeout - waited
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("waiting for the migration lock on %s: %w", key, ctx.Err())
		case <-t.C:
		}
	}
}

// QuoteIdentIfNeeded leaves plain lower-case identifiers that are not in
// reserved alone and wraps everything else in q (doubling q inside).
func QuoteIdentIfNeeded(name string, q byte, reserved map[string]bool) string {
	plain := name != ""
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9') || (i > 0 && c == '$') {
			continue
		}
		plain = false
		break
	}
	if plain && !reserved[name] {
		return name
	}
	qs := string(q)
	return qs + strings.ReplaceAll(name, qs, qs+qs) + qs
}

// QuoteStringStd renders a standard SQL string literal, quotes doubled.
func QuoteStringStd(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Terminate appends term (";") to a statement for a command-line client, on
// its own line when the statement's last line holds a "--" comment (or, with
// hash, a "#" comment) that would swallow it.
func Terminate(stmt, term string, hash bool) string {
	stmt = strings.TrimRight(stmt, " \t\r\n")
	last := stmt
	if i := strings.LastIndexByte(stmt, '\n'); i >= 0 {
		last = stmt[i+1:]
	}
	if strings.Contains(last, "--") || (hash && strings.Contains(last, "#")) {
		return stmt + "\n" + term
	}
	return stmt + term
}

// Qualified joins schema and name, quoting each with d.
func Qualified(d Dialect, schema, name string) string {
	if schema == "" {
		return d.QuoteIdent(name)
	}
	return d.QuoteIdent(schema) + "." + d.QuoteIdent(name)
}

// PrivilegeChecker is implemented by dialects that can tell an error caused
// by a missing privilege (or a read-only database) from other errors, so it
// is reported as such instead of as a missing or misshapen table.
type PrivilegeChecker interface {
	// IsPrivilegeError reports whether err says the user may not do what
	// was asked.
	IsPrivilegeError(err error) bool
	// Grant renders the statement an administrator runs to give user the
	// privileges privs on table (qualified and quoted); "" when the
	// database has no grants (SQLite: the fix is the file's permissions).
	Grant(privs, table, user string) string
	// CurrentUser names the connection's user as Grant wants it ("" when
	// unknown).
	CurrentUser(ctx context.Context, q RowQuerier) string
}

// RowQuerier runs a query returning one row: a *sql.Conn, *sql.Tx or *sql.DB.
type RowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ForeignKeyPauser is implemented by dialects whose foreign key enforcement
// can only be switched off outside a transaction (SQLite, where
// PRAGMA foreign_keys is a no-op inside one), while a table rebuild needs it
// off and must still run in a transaction to be undone when it fails. A
// revision asks for it with a statement PausesForeignKeys recognizes; the
// runner then opens the transaction that holds the revision with
// enforcement off, checks every step of it with ForeignKeyCheck before the
// step ends, and restores the connection when the transaction ends.
type ForeignKeyPauser interface {
	// PausesForeignKeys reports whether a revision statement asks for
	// foreign keys off during its step (SQLite: PRAGMA foreign_keys = OFF).
	PausesForeignKeys(sql string) bool
	// PauseForeignKeys switches enforcement off on conn, which is outside
	// any transaction. checked says enforcement was on, so steps must pass
	// ForeignKeyCheck; restore puts conn's settings back as they were.
	PauseForeignKeys(ctx context.Context, conn *sql.Conn) (restore func(context.Context) error, checked bool, err error)
	// ForeignKeyCheck returns an error naming the rows that break a
	// foreign key, nil when none does.
	ForeignKeyCheck(ctx context.Context, conn *sql.Conn) error
	// OfflineForeignKeyPause is the same for an offline script: statements
	// before the transaction's BEGIN (off), before its COMMIT (stop the
	// transaction when a row breaks a foreign key) and after it (on).
	OfflineForeignKeyPause() (off, check, on []string)
}
