// Package sqlite is retort's SQLite dialect: quoting, transactional DDL, the
// migration lock, pausing foreign keys around table rebuilds (fkpause.go),
// and (in inspect*/render*/types* files) schema introspection and rendering.
//
// It imports internal/dialect (the interfaces it implements, the shared lock
// loop) and schema (the IR it inspects into and renders from). It must not
// import another dialect, diff, models, migrate, versiontable or anything
// above them.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
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
// no-transaction sections, which must run outside any transaction), so
// SQLite alone cannot hold a lock for a whole run. The run holds an
// operating-system lock tied to the database file itself instead, so every
// path that reaches the file (symlinks, relative paths, file: URIs) takes
// the same lock and the operating system drops it when the process dies,
// however it dies:
//
//   - on Linux, an open-file-description lock on one byte of the database
//     file that SQLite never locks: no second file (the descriptor is kept
//     for the next run, never closed, as closing any descriptor of the file
//     would drop SQLite's own locks held by the process);
//   - on other Unix systems, flock on "<database file>-retort.lock" beside
//     the real file, opened without following a symlink, never truncated,
//     read-only when the user cannot write it, and removed when the run
//     ends.
//
// In-memory databases are private to their connection and need no lock.
// The connection also gets a busy timeout so the run's own transactions wait
// for other writers instead of failing at once.
func (d *Dialect) Lock(ctx context.Context, conn *sql.Conn, t dialect.Table, o dialect.LockOptions) (dialect.Unlock, error) {
	if err := d.PrepareConn(ctx, conn); err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	path, err := d.LockKey(ctx, conn, t)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	if path == "" {
		return func(context.Context) error { return nil }, nil
	}
	l, err := newFileLock(path)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	try := func(context.Context) (bool, error) { return l.try() }
	holder := func(context.Context) string { return l.holder() }
	if o.Poll == 0 {
		o.Poll = 50 * time.Millisecond
	}
	if err := dialect.Poll(ctx, path, o, try, holder); err != nil {
		l.close()
		return nil, err
	}
	return func(context.Context) error {
		if err := l.release(); err != nil {
			return fmt.Errorf("release the migration lock: %w", err)
		}
		return nil
	}, nil
}

// LockKey returns the real path of the file that holds the version table t
// (the main database, or the attached database t.Schema names): absolute,
// symlinks resolved, so that every spelling of one database gives one key.
// It is "" for in-memory and temporary databases.
func (*Dialect) LockKey(ctx context.Context, conn *sql.Conn, t dialect.Table) (string, error) {
	schema := t.Schema
	if schema == "" {
		schema = "main"
	}
	path, err := schemaFile(ctx, conn, schema)
	if err != nil || path == "" {
		return "", err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	return path, nil
}

// fileLock is a whole-run lock on a database file; try is called until it
// succeeds, then release (or close, when giving up).
type fileLock interface {
	try() (bool, error)
	holder() string
	release() error
	close()
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
	return schemaFile(ctx, conn, "main")
}

// schemaFile returns the file path of the database schema names ("" for
// in-memory; an error when no database of that name is attached).
func schemaFile(ctx context.Context, conn *sql.Conn, schema string) (string, error) {
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
		if strings.EqualFold(name, schema) {
			return file.String, rows.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no database named %q is attached (version_table_schema names an attached database, or is unset for \"main\")", schema)
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
