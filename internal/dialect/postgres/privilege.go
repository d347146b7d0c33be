package postgres

import (
	"context"
	"errors"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.PrivilegeChecker = (*Dialect)(nil)

// IsPrivilegeError implements dialect.PrivilegeChecker: SQLSTATE 42501
// (insufficient_privilege) from pgx or lib/pq.
func (*Dialect) IsPrivilegeError(err error) bool {
	var s interface{ SQLState() string }
	return errors.As(err, &s) && s.SQLState() == "42501"
}

// Grant implements dialect.PrivilegeChecker.
func (d *Dialect) Grant(privs, table, user string) string {
	if user == "" {
		user = "<user>"
	} else {
		user = d.QuoteIdent(user)
	}
	return "GRANT " + privs + " ON " + table + " TO " + user
}

// CurrentUser implements dialect.PrivilegeChecker.
func (*Dialect) CurrentUser(ctx context.Context, q dialect.RowQuerier) string {
	var u string
	if err := q.QueryRowContext(ctx, "SELECT current_user").Scan(&u); err != nil {
		return ""
	}
	return u
}
