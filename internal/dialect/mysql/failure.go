package mysql

import (
	"errors"
	"strings"

	driver "github.com/go-sql-driver/mysql"
)

// refusedBeforeRunning are server errors raised while a statement is
// parsed, resolved or checked for rights, before it changes anything.
var refusedBeforeRunning = map[uint16]bool{
	1044: true, // ER_DBACCESS_DENIED_ERROR
	1045: true, // ER_ACCESS_DENIED_ERROR
	1046: true, // ER_NO_DB_ERROR
	1049: true, // ER_BAD_DB_ERROR
	1050: true, // ER_TABLE_EXISTS_ERROR
	1051: true, // ER_BAD_TABLE_ERROR
	1054: true, // ER_BAD_FIELD_ERROR
	1060: true, // ER_DUP_FIELDNAME
	1061: true, // ER_DUP_KEYNAME
	1064: true, // ER_PARSE_ERROR
	1091: true, // ER_CANT_DROP_FIELD_OR_KEY
	1142: true, // ER_TABLEACCESS_DENIED_ERROR
	1143: true, // ER_COLUMNACCESS_DENIED_ERROR
	1146: true, // ER_NO_SUCH_TABLE
	1149: true, // ER_SYNTAX_ERROR
	1227: true, // ER_SPECIFIC_ACCESS_DENIED_ERROR
	1305: true, // ER_SP_DOES_NOT_EXIST
	1304: true, // ER_SP_ALREADY_EXISTS
	1359: true, // ER_TRG_ALREADY_EXISTS
	1360: true, // ER_TRG_DOES_NOT_EXIST
}

// FailedWithoutEffect reports whether statement sql, which failed with err,
// left the database as it was: the server refused it before running it
// (a syntax error, an unknown or existing object, missing rights), or it is
// DDL on one object, which MySQL 8 and MariaDB 10.6+ apply atomically (and
// older servers undo when a table copy fails). A statement that reached the
// server's executor otherwise may have changed rows of a
// non-transactional table, and DROP or RENAME of several objects may have
// done part of its list (MariaDB drops the tables that exist): those are
// not taken as without effect. An error that is not the server's answer
// (a lost connection, a cancelled context) never is.
func (*Dialect) FailedWithoutEffect(sql string, err error) bool {
	var me *driver.MySQLError
	if !errors.As(err, &me) {
		return false
	}
	f := strings.Fields(strings.ToUpper(sql))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "CREATE", "ALTER", "TRUNCATE":
		return true
	case "DROP", "RENAME":
		// "DROP TABLE a, missing" fails with 1051 after dropping a.
		return !strings.Contains(sql, ",")
	}
	return refusedBeforeRunning[me.Number]
}
