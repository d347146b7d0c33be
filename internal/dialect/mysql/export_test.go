package mysql

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/internal/dialect"
)

// LeaseLock takes the lease lock key in database db on any server, a
// Galera node or not, so the lease can be tested on a single server.
func (d *Dialect) LeaseLock(ctx context.Context, conn *sql.Conn, db, key string, o dialect.LockOptions) (dialect.Unlock, error) {
	return d.leaseLock(ctx, conn, db, key, o)
}

// OnRetry has f told of each lease statement run again, and why, until
// the returned function is called.
func OnRetry(f func(what string, err error)) (restore func()) {
	retried.Store(&f)
	return func() { retried.Store(nil) }
}
