package versiontable

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
)

// exec runs one of this package's own statements. On MySQL/MariaDB the
// arguments are rendered as literals first: go-sql-driver otherwise prepares,
// executes and closes a statement (three round trips) for every call, and
// bookkeeping runs after every statement of a migration there. Strings are
// written as hex literals, which mean the same under every sql_mode.
func (t *Tables) exec(ctx context.Context, q Querier, query string, args ...any) (sql.Result, error) {
	if t.D.Name() != dialect.MySQL || len(args) == 0 {
		return q.ExecContext(ctx, query, args...)
	}
	s, err := literalSQL(query, args...)
	if err != nil {
		return nil, err
	}
	return q.ExecContext(ctx, s)
}

// literalSQL replaces each '?' of query (which holds no other '?') by the
// MySQL literal of the matching argument.
func literalSQL(query string, args ...any) (string, error) {
	var b strings.Builder
	i := 0
	for _, part := range strings.SplitAfter(query, "?") {
		if !strings.HasSuffix(part, "?") {
			b.WriteString(part)
			continue
		}
		b.WriteString(part[:len(part)-1])
		if i >= len(args) {
			return "", fmt.Errorf("versiontable: too few arguments for %q", query)
		}
		lit, err := mysqlLiteral(args[i])
		if err != nil {
			return "", err
		}
		b.WriteString(lit)
		i++
	}
	if i != len(args) {
		return "", fmt.Errorf("versiontable: too many arguments for %q", query)
	}
	return b.String(), nil
}

func mysqlLiteral(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		if x == "" {
			return "''", nil
		}
		return "X'" + hex.EncodeToString([]byte(strings.ToValidUTF8(x, "\uFFFD"))) + "'", nil
	case bool:
		if x {
			return "1", nil
		}
		return "0", nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case time.Time:
		return "'" + x.UTC().Format("2006-01-02 15:04:05.000000") + "'", nil
	}
	return "", fmt.Errorf("versiontable: cannot render %T as a literal", v)
}
