package mysql

import (
	"database/sql"
	"io"
	"log"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.LogOpener = (*Dialect)(nil)

// OpenLogged implements dialect.LogOpener: go-sql-driver/mysql logs some
// connection errors itself; its lines go to w.
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
	return sql.OpenDB(c), nil
}
