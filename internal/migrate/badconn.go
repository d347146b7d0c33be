package migrate

import (
	"database/sql"
	"database/sql/driver"
)

var errBadConn = driver.ErrBadConn

// Discard makes database/sql close conn instead of reusing it in an
// unknown state (a lock that could not be released dies with it).
func Discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return errBadConn })
}
