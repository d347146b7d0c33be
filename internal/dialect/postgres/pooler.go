package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.PoolerDetector = (*Dialect)(nil)

// DetectPooler implements dialect.PoolerDetector by comparing server
// backend pids. Without a pooler, or through a session-mode one, two open
// client connections never share a backend and one client connection
// keeps its backend. Through a transaction-mode pooler (PgBouncer, which
// by default hands out the server connection released last) the second
// connection's transaction usually gets the backend conn's statement just
// released, and conn's next statement then gets another one, since that
// transaction still holds the first. Either sign is proof; a busy pooler
// may hide both, which costs only the note: the lock (see Lock) is
// transaction-scoped whether a pooler is seen or not.
//
// A pooler in statement mode refuses the second connection's transaction,
// and with it the run.
func (*Dialect) DetectPooler(ctx context.Context, conn *sql.Conn, db *sql.DB) (string, error) {
	if db == nil || db.Stats().MaxOpenConnections == 1 {
		return "", nil
	}
	pid := func(q dialect.RowQuerier) (int64, error) {
		var p int64
		err := q.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&p)
		return p, statementPooling(err)
	}
	p1, err := pid(conn)
	if err != nil {
		return "", err
	}
	other, err := db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
	if err != nil {
		return "", statementPooling(err)
	}
	defer tx.Rollback()
	p2, err := pid(tx)
	if err != nil {
		return "", err
	}
	p3, err := pid(conn)
	if err != nil {
		return "", err
	}
	var how string
	switch {
	case p1 == p2:
		how = fmt.Sprintf("two client connections were served by one server backend, pid %d", p1)
	case p1 != p3:
		how = fmt.Sprintf("one client connection was served by server backends %d and then %d", p1, p3)
	default:
		return "", nil
	}
	return "connected through a transaction-mode pooler (" + how + "); no session state is relied on, " +
		"and the migration lock is transaction-scoped on a connection of its own", nil
}
