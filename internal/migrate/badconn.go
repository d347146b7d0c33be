package migrate

import "database/sql/driver"

var errBadConn = driver.ErrBadConn
