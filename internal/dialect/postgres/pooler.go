package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// DetectPooler implements dialect.PoolerDetector by comparing server
// backend pids. Without a pooler, or through a session-mode one, two open
// client connections never share a backend. Through a transaction-mode
// pooler (PgBouncer, which by default hands out the server connection
// released last) a second connection's transaction usually gets the
// backend that conn's statement just released: proof of such a pooler. A
// busy pooler may hide it, which costs only the note: the lock (see Lock)
// is transaction-scoped whether a pooler is seen or not.
//
// While the second connection's transaction is open nothing else is asked
// of the pooler: holding one server connection while waiting for another
// deadlocks a small pool once several runs do it at once.
//
// A pooler in statement mode refuses the second connection's transaction,
// and with it the run.
func (*Dialect) DetectPooler(ctx context.Context, conn *sql.Conn, db *sql.DB) (string, error) {
	if db == nil || db.Stats().MaxOpenConnections == 1 {
		return "", nil
	}
	var p1, p2 int64
	if err := conn.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&p1); err != nil {
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
	err = tx.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&p2)
	tx.Rollback()
	if err != nil {
		return "", statementPooling(err)
	}
	if p1 != p2 {
		return "", nil
	}
	return fmt.Sprintf("connected through a transaction-mode pooler (two client connections were served by one server backend, pid %d); "+
		"no session state is relied on, and the migration lock is transaction-scoped on a connection of its own", p1), nil
}

// SessionState implements dialect.PoolerDetector: SET without LOCAL (other
// than SET TRANSACTION and SET CONSTRAINTS, which last one transaction),
// SET SESSION …, a temporary table that outlives its transaction, LISTEN
// and PREPARE.
func (*Dialect) SessionState(sql string) (string, bool) {
	w := strings.Fields(strings.ToUpper(sql))
	word := func(i int) string {
		if i < len(w) {
			return strings.TrimRight(w[i], ";")
		}
		return ""
	}
	switch word(0) {
	case "SET":
		switch word(1) {
		case "LOCAL", "TRANSACTION", "CONSTRAINTS", "":
			return "", false
		case "SESSION":
			return "SET SESSION " + strings.ToLower(word(2)), true
		}
		name, _, _ := strings.Cut(strings.Fields(sql)[1], "=")
		return "SET " + name, true
	case "CREATE":
		i := 1
		if word(i) == "GLOBAL" || word(i) == "LOCAL" {
			i++
		}
		if (word(i) == "TEMP" || word(i) == "TEMPORARY") && !strings.Contains(strings.Join(w, " "), "ON COMMIT DROP") {
			return "CREATE TEMPORARY " + word(i+1), true
		}
	case "LISTEN", "PREPARE":
		return word(0), true
	}
	return "", false
}
