package cli

// The database/sql drivers a URL in retort.toml can name. A program that
// passes its own *sql.DB (Options.DB) still links them; they are small next
// to what a migration tool needs anyway.
import (
	"database/sql"
	"io"
	"log"

	"github.com/go-sql-driver/mysql"   // "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx"
	_ "modernc.org/sqlite"             // "sqlite"
)

// openDB opens a data source. go-sql-driver/mysql logs some connection
// errors itself, by default straight to the process's stderr; its lines go
// to errw instead, the command's stderr, which redacts passwords and which
// a program running the CLI may capture.
func openDB(driverName, dataSource string, errw io.Writer) (*sql.DB, error) {
	if driverName != "mysql" {
		return sql.Open(driverName, dataSource)
	}
	cfg, err := mysql.ParseDSN(dataSource)
	if err != nil {
		return nil, err
	}
	cfg.Logger = log.New(errw, "[mysql] ", log.Ldate|log.Ltime)
	c, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(c), nil
}
