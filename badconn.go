package retort

import "database/sql/driver"

var errBadConn = driver.ErrBadConn
