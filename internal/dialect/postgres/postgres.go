// Package postgres is retort's PostgreSQL dialect: quoting, transactional
// DDL, the advisory migration lock, and (in inspect*/render*/types* files)
// schema introspection and rendering.
//
// It imports internal/dialect (the interfaces it implements, the shared lock
// loop) and schema (the IR it inspects into and renders from). It must not
// import another dialect, diff, models, migrate, versiontable or anything
// above them.
package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/retortdb/retort/internal/dialect"
)

// Dialect is PostgreSQL.
type Dialect struct{}

// New returns the PostgreSQL dialect.
func New() *Dialect { return &Dialect{} }

var _ dialect.Dialect = (*Dialect)(nil)

// Name implements dialect.Dialect.
func (*Dialect) Name() string { return dialect.Postgres }

// QuoteIdent implements dialect.Dialect.
func (*Dialect) QuoteIdent(name string) string {
	return dialect.QuoteIdentIfNeeded(name, '"', reserved)
}

// QuoteString implements dialect.Dialect. standard_conforming_strings is on
// by default since PostgreSQL 9.1, so backslashes are literal.
func (*Dialect) QuoteString(s string) string { return dialect.QuoteStringStd(s) }

// Placeholder implements dialect.Dialect.
func (*Dialect) Placeholder(n int) string { return "$" + strconv.Itoa(n) }

// TransactionalDDL implements dialect.Dialect.
func (*Dialect) TransactionalDDL() bool { return true }

// Begin implements dialect.Dialect.
func (*Dialect) Begin() string { return "BEGIN" }

// LockKey derives the advisory lock key from the version table as the
// server resolves it: the configured schema, or current_schema() (where an
// unqualified version table is found and created) when none is configured,
// and the table name, which retort always quotes as written. Runs on
// different version tables of one database do not block each other;
// advisory locks are per database already.
//
// The key is the qualified name, each part quoted as needed (so it is
// unambiguous and, for plain names, what earlier versions derived from an
// explicit version_table_schema).
func (d *Dialect) LockKey(ctx context.Context, conn *sql.Conn, t dialect.Table) (string, error) {
	var schema sql.NullString
	if err := conn.QueryRowContext(ctx, "SELECT coalesce(nullif($1, ''), current_schema())", t.Schema).Scan(&schema); err != nil {
		return "", err
	}
	if !schema.Valid {
		return "", fmt.Errorf("no schema for %s: search_path names no existing schema; "+
			"create one, fix search_path, or set version_table_schema", d.QuoteIdent(t.Name))
	}
	return d.QuoteIdent(schema.String) + "." + d.QuoteIdent(t.Name), nil
}

// reserved holds PostgreSQL's reserved key words (those that cannot be
// column or table names without quotes).
var reserved = map[string]bool{
	"all": true, "analyse": true, "analyze": true, "and": true, "any": true, "array": true, "as": true,
	"asc": true, "asymmetric": true, "authorization": true, "binary": true, "both": true, "case": true,
	"cast": true, "check": true, "collate": true, "collation": true, "column": true, "concurrently": true,
	"constraint": true, "create": true, "cross": true, "current_catalog": true, "current_date": true,
	"current_role": true, "current_schema": true, "current_time": true, "current_timestamp": true,
	"current_user": true, "default": true, "deferrable": true, "desc": true, "distinct": true, "do": true,
	"else": true, "end": true, "except": true, "false": true, "fetch": true, "for": true, "foreign": true,
	"freeze": true, "from": true, "full": true, "grant": true, "group": true, "having": true, "ilike": true,
	"in": true, "initially": true, "inner": true, "intersect": true, "into": true, "is": true, "isnull": true,
	"join": true, "lateral": true, "leading": true, "left": true, "like": true, "limit": true,
	"localtime": true, "localtimestamp": true, "natural": true, "not": true, "notnull": true, "null": true,
	"offset": true, "on": true, "only": true, "or": true, "order": true, "outer": true, "overlaps": true,
	"placing": true, "primary": true, "references": true, "returning": true, "right": true, "select": true,
	"session_user": true, "similar": true, "some": true, "symmetric": true, "system_user": true, "table": true,
	"tablesample": true, "then": true, "to": true, "trailing": true, "true": true, "union": true,
	"unique": true, "user": true, "using": true, "variadic": true, "verbose": true, "when": true,
	"where": true, "window": true, "with": true,
}
