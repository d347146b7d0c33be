package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// TenantSchemas lists the schemas of the database, leaving out PostgreSQL's
// own (pg_catalog, pg_toast, information_schema and the pg_temp ones).
func (*Dialect) TenantSchemas(ctx context.Context, q schema.Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT nspname FROM pg_catalog.pg_namespace
WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY nspname`)
	if err != nil {
		return nil, fmt.Errorf("list schemas: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("list schemas: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list schemas: %w", err)
	}
	return out, nil
}

// CurrentSchema is current_schema(): the first schema of the search path
// that exists.
func (*Dialect) CurrentSchema(ctx context.Context, q dialect.RowQuerier) (string, error) {
	var s sql.NullString
	if err := q.QueryRowContext(ctx, "SELECT current_schema()").Scan(&s); err != nil {
		return "", err
	}
	return s.String, nil
}

// SchemaDataSource sets search_path as a run-time parameter of the
// connection (pgx sends an unknown URL parameter in the startup message),
// so each connection starts with it: no SET statement is involved. The
// name is quoted, so any schema name means itself.
func (d *Dialect) SchemaDataSource(ds, name string) (string, error) {
	path := d.QuoteIdent(name)
	if !strings.HasPrefix(ds, "postgres://") && !strings.HasPrefix(ds, "postgresql://") {
		// key=value form: single-quote the value, escaping ' and \.
		v := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(path)
		return ds + " search_path='" + v + "'", nil
	}
	u, err := url.Parse(ds)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", path)
	u.RawQuery = q.Encode()
	return u.String(), nil
}
