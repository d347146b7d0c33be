package cli

// The database/sql drivers a URL in retort.toml can name. A program that
// passes its own *sql.DB (Options.DB) still links them; they are small next
// to what a migration tool needs anyway.
import (
	"database/sql"
	"io"

	_ "github.com/go-sql-driver/mysql" // "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx"
	_ "modernc.org/sqlite"             // "sqlite"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
)

// openDB opens the database dsn names. A dialect whose driver logs lines
// of its own (dialect.LogOpener) sends them to errw, the command's stderr,
// which redacts passwords and which a program running the CLI may capture.
func openDB(dsn *config.DSN, errw io.Writer) (*sql.DB, error) {
	if d, err := registry.Lookup(dsn.Dialect); err == nil {
		if lo, ok := d.(dialect.LogOpener); ok {
			return lo.OpenLogged(dsn.DataSource, errw)
		}
	}
	return sql.Open(dsn.DriverName, dsn.DataSource)
}
