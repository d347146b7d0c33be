// Package autogen turns the difference between a database and its models
// into a revision's upgrade and downgrade SQL: the diff's changes rendered
// for the dialect, the downgrade derived by reversing them, and "-- REVIEW:"
// notes on risky or destructive steps. Check reports the same differences
// for people (text) and machines (JSON).
//
// It imports schema, diff, models and the dialect packages; it prints nothing.
package autogen

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// Dialect names.
const (
	Postgres = "postgres"
	MySQL    = "mysql"
	SQLite   = "sqlite"
)

// Inspect reads the schema of the database behind db (a *sql.DB or
// *sql.Conn) for dialect. Pass the version and history table names in
// o.Skip so they are never part of a diff.
func Inspect(ctx context.Context, db schema.Querier, dialect string, o schema.InspectOptions) (*schema.Schema, error) {
	switch dialect {
	case Postgres:
		return postgres.Inspect(ctx, db, o)
	case MySQL:
		return mysql.Inspect(ctx, db, o)
	case SQLite:
		return sqlite.Inspect(ctx, db, o)
	}
	return nil, unknownDialect(dialect)
}

func unknownDialect(d string) error {
	return fmt.Errorf("unknown dialect %q: use postgres, mysql or sqlite", d)
}

// Diff returns the changes that turn current into desired on dialect.
func Diff(current, desired *schema.Schema, dialect string) ([]schema.Change, error) {
	var o diff.Options
	switch dialect {
	case Postgres:
		o.RecreateColumn = postgres.RecreateColumn
	case MySQL:
		o.ColumnOrder = diff.ColumnOrderMoved
	case SQLite:
		o.InlineForeignKeysOnly = true
		o.RebuildsTables = true
		o.ColumnOrder = diff.ColumnOrderRebuilt
	default:
		return nil, unknownDialect(dialect)
	}
	return diff.Diff(current, desired, o)
}

// Render returns the dialect's SQL for changes.
func Render(changes []schema.Change, dialect string) (*schema.Rendered, error) {
	switch dialect {
	case Postgres:
		return postgres.Render(changes)
	case MySQL:
		return mysql.Render(changes)
	case SQLite:
		return sqlite.Render(changes)
	}
	return nil, unknownDialect(dialect)
}

// Generate diffs current against desired and returns the upgrade and
// downgrade SQL text of a revision (empty strings when nothing differs),
// and the changes the upgrade makes.
func Generate(ctx context.Context, current, desired *schema.Schema, dialect string) (up, down string, changes []schema.Change, err error) {
	if err := ctx.Err(); err != nil {
		return "", "", nil, err
	}
	changes, err = Diff(current, desired, dialect)
	if err != nil {
		return "", "", nil, fmt.Errorf("autogenerate: %w", err)
	}
	if len(changes) == 0 {
		return "", "", nil, nil
	}
	ru, err := Render(changes, dialect)
	if err != nil {
		return "", "", nil, fmt.Errorf("autogenerate upgrade: %w", err)
	}
	rd, err := Render(schema.Reverse(changes), dialect)
	if err != nil {
		return "", "", nil, fmt.Errorf("autogenerate downgrade: %w", err)
	}
	return Text(ru), Text(rd), changes, nil
}

// Text renders statements as a revision section: each statement ends with
// ";", "-- REVIEW: why" lines above those a human should look at (one per
// line of the statement's review), and
// "-- +retort StatementBegin/End" around statements with inner semicolons.
func Text(r *schema.Rendered) string {
	var b strings.Builder
	if r.NoTransaction {
		b.WriteString("-- +retort no-transaction\n")
	}
	for i, st := range r.Statements {
		if i > 0 {
			b.WriteString("\n")
		}
		if st.Comment != "" {
			for _, l := range strings.Split(st.Comment, "\n") {
				b.WriteString("-- " + l + "\n")
			}
		}
		if st.Review != "" {
			for _, l := range strings.Split(st.Review, "\n") {
				b.WriteString("-- REVIEW: " + l + "\n")
			}
		}
		sql := strings.TrimRight(strings.TrimSpace(st.SQL), ";")
		block := strings.Contains(sql, ";")
		if block {
			b.WriteString("-- +retort StatementBegin\n")
		}
		b.WriteString(sql + ";\n")
		if block {
			b.WriteString("-- +retort StatementEnd\n")
		}
	}
	return b.String()
}
