package mysql

import (
	"context"
	"errors"
	"strings"

	driver "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.PrivilegeChecker = (*Dialect)(nil)

// privilegeErrors are the server errors that mean "not allowed": access
// denied to a database (1044), to the server (1045), to a table (1142), a
// column (1143) or a routine (1370), and a missing global privilege (1227).
var privilegeErrors = map[uint16]bool{1044: true, 1045: true, 1142: true, 1143: true, 1227: true, 1370: true}

// IsPrivilegeError implements dialect.PrivilegeChecker.
func (*Dialect) IsPrivilegeError(err error) bool {
	var me *driver.MySQLError
	return errors.As(err, &me) && privilegeErrors[me.Number]
}

// IsNoSuchTable reports whether err is ER_NO_SUCH_TABLE (1146).
func IsNoSuchTable(err error) bool {
	var me *driver.MySQLError
	return errors.As(err, &me) && me.Number == 1146
}

// Grant implements dialect.PrivilegeChecker; user is CURRENT_USER()'s
// "name@host".
func (*Dialect) Grant(privs, table, user string) string {
	account := "<user>"
	if name, host, ok := strings.Cut(user, "@"); ok {
		account = "'" + strings.ReplaceAll(name, "'", "''") + "'@'" + strings.ReplaceAll(host, "'", "''") + "'"
	}
	return "GRANT " + privs + " ON " + table + " TO " + account
}

// CurrentUser implements dialect.PrivilegeChecker: the account the server
// matched (CURRENT_USER(), "name@host").
func (*Dialect) CurrentUser(ctx context.Context, q dialect.RowQuerier) string {
	var u string
	if err := q.QueryRowContext(ctx, "SELECT CURRENT_USER()").Scan(&u); err != nil {
		return ""
	}
	return u
}
