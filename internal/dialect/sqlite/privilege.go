package sqlite

import (
	"context"
	"errors"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.PrivilegeChecker = (*Dialect)(nil)

// sqliteReadonly is SQLITE_READONLY; extended codes keep it in the low byte.
const sqliteReadonly = 8

// IsPrivilegeError implements dialect.PrivilegeChecker: a write to a
// database opened read-only (mode=ro, or a file the user may not write).
func (*Dialect) IsPrivilegeError(err error) bool {
	var c interface{ Code() int }
	return errors.As(err, &c) && c.Code()&0xff == sqliteReadonly
}

// Grant implements dialect.PrivilegeChecker: SQLite has no grants.
func (*Dialect) Grant(string, string, string) string { return "" }

// CurrentUser implements dialect.PrivilegeChecker.
func (*Dialect) CurrentUser(context.Context, dialect.RowQuerier) string {
	return ""
}
