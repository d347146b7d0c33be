package dialect_test

import "database/sql/driver"

var errBad = driver.ErrBadConn
