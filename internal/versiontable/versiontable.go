// Package versiontable owns the SQL of retort's bookkeeping tables, per
// dialect: Alembic's version table (alembic_version: one row per applied
// head, exactly as Alembic writes it) and retort's history table
// (retort_history: one row per executed step, for audit, checksums and
// recovery of runs that failed part-way).
//
// It imports internal/dialect (which database, quoting) and
// internal/dialect/mysql (recognizing a missing table from the server's
// error). It must not import migrate, the façade or anything above them,
// nor schema, models or diff.
package versiontable

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// Querier is what the tables are read and written through: a *sql.Conn, a
// *sql.Tx or a *sql.DB.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Tables names the bookkeeping tables of one migration environment.
type Tables struct {
	D       dialect.Dialect
	Name    string // version table, default "alembic_version"
	Schema  string // "" = the connection's default schema
	History string // history table, "" = off
}

// ErrShape is wrapped by errors about a version or history table whose
// columns are not what retort expects.
var ErrShape = errors.New("wrongly shaped table")

// ShapeError says which table lacks which columns.
type ShapeError struct {
	Table   string
	Missing []string
	Columns []string
	Hint    string
}

func (e *ShapeError) Error() string {
	return fmt.Sprintf("table %s is not shaped as expected: it lacks column(s) %s (it has: %s); %s",
		e.Table, strings.Join(e.Missing, ", "), strings.Join(e.Columns, ", "), e.Hint)
}

func (e *ShapeError) Unwrap() error { return ErrShape }

// ErrRowCount is wrapped when an UPDATE or DELETE of a version row does not
// match exactly one row (someone changed the table behind the run's back).
var ErrRowCount = errors.New("version row mismatch")

// Qualified is the version table's name as written in SQL.
func (t *Tables) Qualified() string { return dialect.Qualified(t.D, t.Schema, t.Name) }

// PKName is the primary key constraint's name, as Alembic names it.
func (t *Tables) PKName() string { return t.Name + "_pkc" }

// CreateSQL is the version table's DDL, in Alembic's layout.
func (t *Tables) CreateSQL() string {
	return "CREATE TABLE " + t.Qualified() + " (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT " +
		t.D.QuoteIdent(t.PKName()) + " PRIMARY KEY (version_num)\n)"
}

// InsertSQL adds row v, as a literal statement for offline scripts.
func (t *Tables) InsertSQL(v string) string { return t.insertSQL(t.D.QuoteString(v)) }

// UpdateSQL moves row from to to, as a literal statement for offline scripts.
func (t *Tables) UpdateSQL(from, to string) string {
	return t.updateSQL(t.D.QuoteString(from), t.D.QuoteString(to))
}

// DeleteSQL removes row v, as a literal statement for offline scripts.
func (t *Tables) DeleteSQL(v string) string { return t.deleteSQL(t.D.QuoteString(v)) }

func (t *Tables) insertSQL(v string) string {
	return "INSERT INTO " + t.Qualified() + " (version_num) VALUES (" + v + ")"
}

func (t *Tables) updateSQL(from, to string) string {
	return "UPDATE " + t.Qualified() + " SET version_num=" + to + " WHERE " + t.Qualified() + ".version_num = " + from
}

func (t *Tables) deleteSQL(v string) string {
	return "DELETE FROM " + t.Qualified() + " WHERE " + t.Qualified() + ".version_num = " + v
}

// Bind collects the bind parameters of one statement, or of a batch of
// statements sent as one text, and writes their placeholders. Every value
// retort writes online travels this way, never inside the SQL text: a
// literal's meaning depends on server settings (PostgreSQL's
// standard_conforming_strings, MySQL's NO_BACKSLASH_ESCAPES sql_mode) that
// a bound value ignores.
type Bind struct {
	Mark func(n int) string // placeholder of the n-th (1-based) parameter
	Args []any
}

// NewBind starts a Bind with the dialect's placeholders.
func (t *Tables) NewBind() *Bind { return &Bind{Mark: t.D.Placeholder} }

// Add appends v and returns its placeholder.
func (b *Bind) Add(v any) string {
	b.Args = append(b.Args, v)
	return b.Mark(len(b.Args))
}

// Op is a version-row operation.
type Op byte

// Version-row operations.
const (
	Insert Op = 'I'
	Update Op = 'U'
	Delete Op = 'D'
)

// Change is one version-row statement.
type Change struct {
	Op       Op
	From, To string
}

// SQL renders c with its revision ids as literals, for offline scripts
// (escaped for the dialect's default settings).
func (t *Tables) SQL(c Change) (string, error) {
	switch c.Op {
	case Insert:
		return t.InsertSQL(c.To), nil
	case Update:
		return t.UpdateSQL(c.From, c.To), nil
	case Delete:
		return t.DeleteSQL(c.From), nil
	default:
		return "", fmt.Errorf("unknown version row operation %q", c.Op)
	}
}

// LiteralNote is the comment an offline script starts with to say which
// server setting its string literals assume: the same text means another
// string under PostgreSQL's standard_conforming_strings=off or MySQL's
// NO_BACKSLASH_ESCAPES sql_mode. "" when literals mean one thing always.
func (t *Tables) LiteralNote() string {
	if b, ok := t.D.(dialect.Bookkeeper); ok {
		return b.LiteralNote()
	}
	return ""
}

// book is the dialect's knowledge of catalogs and column types; every
// registered dialect has it (internal/dialect/registry's test checks).
func (t *Tables) book() (dialect.Bookkeeper, error) {
	b, ok := t.D.(dialect.Bookkeeper)
	if !ok {
		return nil, fmt.Errorf("versiontable: unsupported dialect %q", t.D.Name())
	}
	return b, nil
}

// BoundSQL renders c with placeholders, adding its values to b.
func (t *Tables) BoundSQL(c Change, b *Bind) (string, error) {
	switch c.Op {
	case Insert:
		return t.insertSQL(b.Add(c.To)), nil
	case Update:
		to := b.Add(c.To)
		return t.updateSQL(b.Add(c.From), to), nil
	case Delete:
		return t.deleteSQL(b.Add(c.From)), nil
	default:
		return "", fmt.Errorf("unknown version row operation %q", c.Op)
	}
}

// Apply runs c online, checking that UPDATE and DELETE match one row as
// Alembic does.
func (t *Tables) Apply(ctx context.Context, q Querier, c Change) error {
	b := t.NewBind()
	s, err := t.BoundSQL(c, b)
	if err != nil {
		return err
	}
	res, err := q.ExecContext(ctx, s, b.Args...)
	if err != nil {
		return fmt.Errorf("%s: %w", t.describe(c), err)
	}
	if c.Op == Insert {
		return nil
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", t.describe(c), err)
	}
	if n == 1 {
		return nil
	}
	return &RowCountError{Table: t.Name, Change: c, Found: n}
}

// describe names a version-row change in an error message.
func (t *Tables) describe(c Change) string {
	switch c.Op {
	case Insert:
		return fmt.Sprintf("insert %q into %s", c.To, t.Qualified())
	case Update:
		return fmt.Sprintf("update %q to %q in %s", c.From, c.To, t.Qualified())
	default:
		return fmt.Sprintf("delete %q from %s", c.From, t.Qualified())
	}
}

// CheckedSQL renders c for a batch of statements (MySQL/MariaDB), adding its
// values to b: an UPDATE or DELETE is followed by a statement that fails
// unless it changed exactly one row, so a batch that ends in COMMIT stops
// before it, as Apply's check would. In a multi-statement batch that is
// RowCheckSQL (error 1242); inside a MariaDB compound statement (compound),
// RowCheckCompoundSQL (SQLSTATE 45000).
func (t *Tables) CheckedSQL(c Change, compound bool, b *Bind) (string, error) {
	if b, ok := t.D.(dialect.StatementBatcher); !ok || !b.BatchesStatements() {
		return "", fmt.Errorf("versiontable: CheckedSQL is for dialects that batch statements, not %s", t.D.Name())
	}
	s, err := t.BoundSQL(c, b)
	if err != nil || c.Op == Insert {
		return s, err
	}
	if compound {
		return s + ";\n" + RowCheckCompoundSQL, nil
	}
	return s + ";\n" + RowCheckSQL, nil
}

// RowCheckSQL fails with MySQL error 1242 unless the statement before it
// changed exactly one row.
const RowCheckSQL = "SELECT (SELECT 1 UNION ALL SELECT 1 FROM DUAL WHERE ROW_COUNT() <> 1) AS retort_row_check"

// RowCheckCompoundSQL is RowCheckSQL for the body of a compound statement.
const RowCheckCompoundSQL = "IF ROW_COUNT() <> 1 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'version row mismatch'; END IF"

// RowCountError is Alembic's online row check failing.
type RowCountError struct {
	Table  string
	Change Change
	Found  int64
}

func (e *RowCountError) Error() string {
	if e.Change.Op == Update {
		return fmt.Sprintf("Online migration expected to match one row when updating '%s' to '%s' in '%s'; %d found",
			e.Change.From, e.Change.To, e.Table, e.Found)
	}
	return fmt.Sprintf("Online migration expected to match one row when deleting '%s' in '%s'; %d found",
		e.Change.From, e.Table, e.Found)
}

func (e *RowCountError) Unwrap() error { return ErrRowCount }

// EncodeChanges renders changes compactly for the history table
// ("U:a:b D:c: I::d"; ':' cannot occur in a revision id).
func EncodeChanges(cs []Change) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c.Op) + ":" + c.From + ":" + c.To
	}
	return strings.Join(parts, " ")
}

// DecodeChanges parses EncodeChanges's output.
func DecodeChanges(s string) ([]Change, error) {
	var cs []Change
	for _, f := range strings.Fields(s) {
		p := strings.Split(f, ":")
		if len(p) != 3 || len(p[0]) != 1 {
			return nil, fmt.Errorf("bad recorded version change %q", f)
		}
		cs = append(cs, Change{Op: Op(p[0][0]), From: p[1], To: p[2]})
	}
	return cs, nil
}

// Exists reports whether table name exists in the tables' schema.
func (t *Tables) Exists(ctx context.Context, q Querier, name string) (bool, error) {
	b, err := t.book()
	if err != nil {
		return false, err
	}
	var n int
	query, args := b.TableCountQuery(t.Schema, name)
	if err := q.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		if perr := t.deniedRead(ctx, q, err); perr != nil {
			return false, perr
		}
		return false, fmt.Errorf("look for table %s: %w", name, err)
	}
	if h, ok := t.D.(dialect.HiddenTableCatalog); ok && n == 0 {
		return t.probe(ctx, q, name, h)
	}
	return n > 0, nil
}

// probe tells a missing table from one the catalog hides (MySQL/MariaDB's
// information_schema lists only the tables the user has some privilege
// on, so no row there may mean "no privilege", not "no table"). Selecting
// from the table answers: no such table, or an access-denied error, which
// is reported as such (the server checks privileges first, so without them
// it cannot tell whether the table exists either).
func (t *Tables) probe(ctx context.Context, q Querier, name string, h dialect.HiddenTableCatalog) (bool, error) {
	rows, err := q.QueryContext(ctx, "SELECT 1 FROM "+dialect.Qualified(t.D, t.Schema, name)+" LIMIT 0")
	if err == nil {
		rows.Close()
		return true, nil
	}
	if h.IsNoSuchTable(err) {
		return false, nil
	}
	if perr := t.deniedRead(ctx, q, err); perr != nil {
		return false, perr
	}
	return false, fmt.Errorf("look for table %s: %w", name, err)
}

// Columns lists the columns of table name (lower-cased), in table order.
func (t *Tables) Columns(ctx context.Context, q Querier, name string) ([]string, error) {
	b, err := t.book()
	if err != nil {
		return nil, err
	}
	query, args := b.ColumnsQuery(t.Schema, name)
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read columns of %s: %w", name, err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, strings.ToLower(c))
	}
	return cols, rows.Err()
}

func (t *Tables) checkShape(ctx context.Context, q Querier, name string, want []string, hint string) error {
	cols, err := t.Columns(ctx, q, name)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, c := range cols {
		have[c] = true
	}
	var missing []string
	for _, w := range want {
		if !have[w] {
			missing = append(missing, w)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return &ShapeError{Table: dialect.Qualified(t.D, t.Schema, name), Missing: missing, Columns: cols, Hint: hint}
}

func (t *Tables) versionShapeHint() string {
	return "it is not an Alembic version table; fix or rename it, or configure another version_table"
}

// Rows returns the version rows in the order the database returns them.
// A missing version table means no rows (exists is false); it is never
// created here. A table without a version_num column is a ShapeError.
func (t *Tables) Rows(ctx context.Context, q Querier) (rows []string, exists bool, err error) {
	exists, err = t.Exists(ctx, q, t.Name)
	if err != nil || !exists {
		return nil, exists, err
	}
	r, err := q.QueryContext(ctx, "SELECT version_num FROM "+t.Qualified())
	if err != nil {
		if perr := t.deniedRead(ctx, q, err); perr != nil {
			return nil, true, perr
		}
		if serr := t.checkShape(ctx, q, t.Name, []string{"version_num"}, t.versionShapeHint()); serr != nil {
			return nil, true, serr
		}
		return nil, true, fmt.Errorf("read version table %s: %w", t.Qualified(), err)
	}
	defer r.Close()
	for r.Next() {
		var v sql.NullString
		if err := r.Scan(&v); err != nil {
			return nil, true, fmt.Errorf("read version table %s: %w", t.Qualified(), err)
		}
		if !v.Valid || v.String == "" {
			return nil, true, fmt.Errorf("version table %s holds an empty or NULL version_num; delete that row", t.Qualified())
		}
		rows = append(rows, v.String)
	}
	if err := r.Err(); err != nil {
		return nil, true, fmt.Errorf("read version table %s: %w", t.Qualified(), err)
	}
	return rows, true, nil
}

// Ensure creates the version table unless it exists (and checks its shape
// when it does).
func (t *Tables) Ensure(ctx context.Context, q Querier) (created bool, err error) {
	ok, err := t.Exists(ctx, q, t.Name)
	if err != nil {
		return false, err
	}
	if ok {
		return false, t.checkShape(ctx, q, t.Name, []string{"version_num"}, t.versionShapeHint())
	}
	if _, err := q.ExecContext(ctx, t.CreateSQL()); err != nil {
		return false, fmt.Errorf("create version table %s: %w (the database user needs the right to create tables; "+
			"an owner can create it with the SQL of `retort ensure_version --sql`)", t.Qualified(), err)
	}
	return true, nil
}

// Replace deletes rows gone and inserts rows added, in two statements,
// checking that every row to delete was there.
func (t *Tables) Replace(ctx context.Context, q Querier, gone, added []string) error {
	if len(gone) > 0 {
		b := t.NewBind()
		marks := make([]string, len(gone))
		for i, g := range gone {
			marks[i] = b.Add(g)
		}
		s := "DELETE FROM " + t.Qualified() + " WHERE version_num IN (" + strings.Join(marks, ", ") + ")"
		res, err := q.ExecContext(ctx, s, b.Args...)
		if err != nil {
			return fmt.Errorf("delete %s from %s: %w", strings.Join(gone, ", "), t.Qualified(), err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("delete %s from %s: %w", strings.Join(gone, ", "), t.Qualified(), err)
		} else if n != int64(len(gone)) {
			return fmt.Errorf("version table %s changed during the run: expected to delete %d row(s) (%s), %d found: %w",
				t.Name, len(gone), strings.Join(gone, ", "), n, ErrRowCount)
		}
	}
	if len(added) > 0 {
		b := t.NewBind()
		vals := make([]string, len(added))
		for i, a := range added {
			vals[i] = "(" + b.Add(a) + ")"
		}
		s := "INSERT INTO " + t.Qualified() + " (version_num) VALUES " + strings.Join(vals, ", ")
		if _, err := q.ExecContext(ctx, s, b.Args...); err != nil {
			return fmt.Errorf("insert %s into %s: %w", strings.Join(added, ", "), t.Qualified(), err)
		}
	}
	return nil
}
