package cli

// The database/sql drivers a URL in retort.toml can name. A program that
// passes its own *sql.DB (Options.DB) still links them; they are small next
// to what a migration tool needs anyway.
import (
	_ "github.com/go-sql-driver/mysql" // "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx"
	_ "modernc.org/sqlite"             // "sqlite"
)
