// Package sqlite is retort's SQLite dialect: quoting, transactional DDL, the
// migration lock, and (in inspect*/render*/types* files) schema introspection
// and rendering.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
)

// Dialect is SQLite.
type Dialect struct{}

// New returns the SQLite dialect.
func New() *Dialect { return &Dialect{} }

var _ dialect.Dialect = (*Dialect)(nil)

// Name implements dialect.Dialect.
func (*Dialect) Name() string { return dialect.SQLite }

// QuoteIdent implements dialect.Dialect.
func (*Dialect) QuoteIdent(name string) string {
	return dialect.QuoteIdentIfNeeded(name, '"', reserved)
}

// QuoteString implements dialect.Dialect.
func (*Dialect) QuoteString(s string) string { return dialect.QuoteStringStd(s) }

// Placeholder implements dialect.Dialect.
func (*Dialect) Placeholder(int) string { return "?" }

// TransactionalDDL implements dialect.Dialect: SQLite rolls DDL back.
func (*Dialect) TransactionalDDL() bool { return true }

// Begin implements dialect.Dialect: IMMEDIATE takes the write lock at once,
// so two writers never deadlock upgrading a read lock.
func (*Dialect) Begin() string { return "BEGIN IMMEDIATE" }

// Lock implements dialect.Dialect. SQLite's own locks last one transaction
// only, while a run may span several (transaction_per_migration,
// no-transaction sections), so the run holds an exclusive advisory lock on a
// file beside the database, "<db>-retort.lock". The operating system drops
// it when the process dies, however it dies. In-memory databases are private
// to their connection and need no lock. The connection also gets a busy
// timeout so the run's own transactions wait for other writers instead of
// failing at once.
func (d *Dialect) Lock(ctx context.Context, conn *sql.Conn, key string, o dialect.LockOptions) (dialect.Unlock, error) {
	if err := d.PrepareConn(ctx, conn); err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	path, err := FilePath(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	if path == "" {
		return func(context.Context) error { return nil }, nil
	}
	lockPath := path + "-retort.lock"
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	try := func(context.Context) (bool, error) { return tryLock(f) }
	holder := func(context.Context) string {
		b, err := os.ReadFile(lockPath)
		if err != nil || len(strings.TrimSpace(string(b))) == 0 {
			return "another process (" + lockPath + ")"
		}
		return strings.TrimSpace(string(b))
	}
	if o.Poll == 0 {
		o.Poll = 50 * time.Millisecond
	}
	if err := dialect.Poll(ctx, lockPath, o, try, holder); err != nil {
		f.Close()
		return nil, err
	}
	host, _ := os.Hostname()
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "process %d on %s since %s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
	}
	return func(context.Context) error {
		f.Truncate(0)
		err := unlock(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("release the migration lock: %w", err)
		}
		return nil
	}, nil
}

// PrepareConn implements dialect.ConnPreparer: a connection without a busy
// timeout gets one of 10s, so it waits for other writers' transactions.
func (*Dialect) PrepareConn(ctx context.Context, conn *sql.Conn) error {
	var busy int64
	if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
		return err
	}
	if busy == 0 {
		if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 10000"); err != nil {
			return err
		}
	}
	return nil
}

var _ dialect.ConnPreparer = (*Dialect)(nil)

// FilePath returns the main database's file path ("" for in-memory).
func FilePath(ctx context.Context, conn *sql.Conn) (string, error) {
	rows, err := conn.QueryContext(ctx, "PRAGMA database_list")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var name string
		var file sql.NullString
		if err := rows.Scan(&seq, &name, &file); err != nil {
			return "", err
		}
		if name == "main" {
			return file.String, rows.Err()
		}
	}
	return "", rows.Err()
}

var reserved = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`abort action add after all alter always analyze and as asc attach autoincrement before
begin between by cascade case cast check collate column commit conflict constraint create cross current current_date
current_time current_timestamp database default deferrable deferred delete desc detach distinct do drop each else end
escape except exclude exclusive exists explain fail filter first following for foreign from full generated glob group
groups having if ignore immediate in index indexed initially inner insert instead intersect into is isnull join key
last left like limit match materialized natural no not nothing notnull null nulls of offset on or order others outer
over partition plan pragma preceding primary query raise range recursive references regexp reindex release rename
replace restrict returning right rollback row rows savepoint select set table temp temporary then ties to transaction
trigger unbounded union unique update using vacuum values view virtual when where window with without`) {
		m[w] = true
	}
	return m
}()
