package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// showCreate returns the CREATE statement SHOW CREATE kind name prints.
func (in *inspector) showCreate(ctx context.Context, kind, name string) (string, error) {
	key := kind + " " + name
	if def, ok := in.created[key]; ok {
		return def, nil
	}
	rows, err := in.db.QueryContext(ctx, "SHOW CREATE "+kind+" "+quote(name))
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	vals := make([]any, len(cols))
	out := make([]sql.NullString, len(cols))
	for i := range vals {
		vals[i] = &out[i]
	}
	def := ""
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return "", err
		}
		for i, c := range cols {
			if strings.HasPrefix(c, "Create ") || strings.HasPrefix(c, "SQL Original Statement") || c == "Statement" {
				def = out[i].String
				break
			}
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if def == "" {
		return "", fmt.Errorf("SHOW CREATE %s %s returned no statement (missing privilege?)", kind, name)
	}
	if in.created == nil {
		in.created = map[string]string{}
	}
	in.created[key] = def
	return def, nil
}
