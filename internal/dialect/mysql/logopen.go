package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.LogOpener = (*Dialect)(nil)

// OpenLogged implements dialect.LogOpener: go-sql-driver/mysql logs some
// connection errors itself; its lines go to w.
//
// The pool it opens is the command's own, so a session setting cannot leak
// to anyone else's work: on a Galera node each connection reads with
// wsrep_sync_wait's read bit set, so that `current`, `status` and the first
// look of an `upgrade` see every commit the cluster made before them, on
// whichever node they run (a run holding the lock does so on any pool:
// galera.go).
func (*Dialect) OpenLogged(dataSource string, w io.Writer) (*sql.DB, error) {
	cfg, err := gomysql.ParseDSN(dataSource)
	if err != nil {
		return nil, err
	}
	cfg.Logger = log.New(w, "[mysql] ", log.Ldate|log.Ltime)
	c, err := gomysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(syncingConnector{c}), nil
}

// syncingConnector sets wsrep_sync_wait's read bit on each new connection
// to a Galera node.
type syncingConnector struct{ driver.Connector }

func (s syncingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := s.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	if err := syncWaitReads(ctx, conn); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// syncWaitReads sets the read bit of wsrep_sync_wait on conn when the
// server is a Galera node; elsewhere it does nothing.
func syncWaitReads(ctx context.Context, conn driver.Conn) error {
	q, ok := conn.(driver.QueryerContext)
	e, eok := conn.(driver.ExecerContext)
	if !ok || !eok {
		return nil
	}
	rows, err := q.QueryContext(ctx, "SELECT @@global.wsrep_on, @@global.wsrep_provider, @@session.wsrep_sync_wait", nil)
	if err != nil {
		var me *gomysql.MySQLError
		if errors.As(err, &me) && me.Number == 1193 { // no wsrep variables: not Galera
			return nil
		}
		return err
	}
	vals := make([]driver.Value, 3)
	err = rows.Next(vals)
	rows.Close()
	if err != nil {
		return err
	}
	provider := strings.TrimSpace(text(vals[1]))
	if number(vals[0]) != 1 || provider == "" || strings.EqualFold(provider, "none") {
		return nil
	}
	if err := nodeReady(ctx, q); err != nil {
		return err
	}
	wait := number(vals[2])
	if wait&1 == 1 {
		return nil
	}
	_, err = e.ExecContext(ctx, fmt.Sprintf("SET SESSION wsrep_sync_wait = %d", wait|1), nil)
	return err
}

// NotReadyError is a Galera node that is not ready for queries: not part
// of the primary component, or not synced with it. The server would refuse
// every query that reads a table with error 1047 ("WSREP has not yet
// prepared node for application use"); retort says so when it connects.
type NotReadyError struct {
	State, Cluster string // wsrep_local_state_comment, wsrep_cluster_status
}

func (e *NotReadyError) Error() string {
	return fmt.Sprintf("the Galera node is not ready for queries (wsrep_ready = OFF, wsrep_local_state_comment = %s, wsrep_cluster_status = %s)",
		orUnknown(e.State), orUnknown(e.Cluster))
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// nodeReady returns a NotReadyError when the Galera node conn is on
// does not accept queries. SHOW STATUS is answered even then.
func nodeReady(ctx context.Context, q driver.QueryerContext) error {
	rows, err := q.QueryContext(ctx, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_status')", nil)
	if err != nil {
		return err
	}
	defer rows.Close()
	status := map[string]string{}
	vals := make([]driver.Value, 2)
	for rows.Next(vals) == nil {
		status[strings.ToLower(text(vals[0]))] = text(vals[1])
	}
	if r, ok := status["wsrep_ready"]; !ok || strings.EqualFold(r, "ON") {
		return nil
	}
	return &NotReadyError{State: status["wsrep_local_state_comment"], Cluster: status["wsrep_cluster_status"]}
}

func text(v driver.Value) string {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case string:
		return x
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func number(v driver.Value) int64 {
	if x, ok := v.(int64); ok {
		return x
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(text(v)), 10, 64)
	return n
}
