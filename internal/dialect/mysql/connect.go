package mysql

import (
	"errors"
	"strings"

	driver "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.ConnectAdvisor = (*Dialect)(nil)

// ConnectAdvice implements dialect.ConnectAdvisor from the server's error
// number.
func (*Dialect) ConnectAdvice(err error) (string, bool) {
	var nr *NotReadyError
	var me *driver.MySQLError
	switch {
	case errors.As(err, &nr):
		return notReadyAdvice, true
	case !errors.As(err, &me):
		return "", false
	}
	switch me.Number {
	case 1045, 1698: // ER_ACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR
		return "the server refused the user name or password: check them in the URL", true
	case 1044: // ER_DBACCESS_DENIED_ERROR
		return "the user has no rights on this database: an administrator runs GRANT ALL ON `<database>`.* TO <user>", true
	case 1049: // ER_BAD_DB_ERROR
		return "the database does not exist: create it (CREATE DATABASE …) or fix its name in the URL", true
	case 1040, 1203: // ER_CON_COUNT_ERROR, ER_TOO_MANY_USER_CONNECTIONS
		return "the server has no free connections: retry later, or raise max_connections", true
	case 1047: // ER_UNKNOWN_COM_ERROR, which a Galera node not ready for queries answers
		if strings.Contains(me.Message, "WSREP") {
			return notReadyAdvice, true
		}
	}
	return "", false
}

const notReadyAdvice = "the Galera node is not part of the cluster's primary component or not synced with it (\"WSREP has not yet prepared node for application use\"): " +
	"point retort at a synced node, or wait until this one is (SHOW STATUS LIKE 'wsrep_local_state_comment' says Synced); nothing was run"
