// Package config owns retort.toml: loading, ${VAR} / ${VAR:-default}
// expansion, defaults, flag and environment overrides, and database URL
// normalization (SQLAlchemy-style URLs to Go driver DSNs) with redaction.
//
// It must not import any other retort package.
package config

// THIS FILE IS A CONTRACT STUB. The config-package owner replaces every body
// (and may move things to other files) but keeps these names and signatures.

import "errors"

var errTODO = errors.New("config: not implemented yet")

// Config is a loaded, expanded and defaulted retort.toml. Paths are absolute.
type Config struct {
	Path                      string            // the file read ("" when none)
	Dir                       string            // its directory (or the working directory)
	ScriptLocation            string            // folder holding versions/ (default: Dir)
	URL                       string            // database URL after expansion and overrides
	DevURL                    string            // scratch database for autogenerate (optional)
	Models                    []string          // autogenerate targets, absolute
	VersionTable              string            // default "alembic_version"
	VersionTableSchema        string            // optional
	HistoryTable              string            // default "retort_history"; "" when history_table = false
	FileTemplate              string            // default "%(rev)s_%(slug)s"
	TruncateSlugLength        int               // default 40
	Timezone                  string            // IANA name; "" = local time
	VersionLocations          []string          // absolute dirs; default [ScriptLocation/versions]
	RecursiveVersionLocations bool              //
	TransactionPerMigration   bool              //
	X                         map[string]string // -x key=value
}

// Overrides are what flags and the environment say, applied after the file.
type Overrides struct {
	URL string            // --url; wins over RETORT_DATABASE_URL, which wins over the file
	X   map[string]string // -x
}

// Find returns the config path to use: explicit if given, else
// "migrations/retort.toml", else "retort.toml" in the working directory; ""
// when none exists (callers decide whether that is an error).
func Find(explicit string) (string, error) { return "", errTODO }

// Load reads path (may be "" for pure defaults in the working directory),
// expands ${VAR} with getenv, applies defaults and overrides.
// TOML errors carry line and column; an unset ${VAR} without default is an error
// naming the key.
func Load(path string, getenv func(string) (string, bool), o Overrides) (*Config, error) {
	return nil, errTODO
}

// Expand replaces ${VAR} and ${VAR:-default}; "$$" is a literal "$".
func Expand(s string, getenv func(string) (string, bool)) (string, error) { return "", errTODO }

// DSN is a normalized database URL.
type DSN struct {
	Dialect    string // "postgres", "mysql" or "sqlite"
	DriverName string // database/sql driver: "pgx", "mysql" or "sqlite"
	DataSource string // what sql.Open takes
	Database   string // database name (or file path for SQLite; ":memory:" for memory)
	Redacted   string // the URL as the user wrote it, password replaced by "***"
}

// ParseURL normalizes postgresql+asyncpg://, postgresql+psycopg2://,
// postgresql://, postgres://, mysql+pymysql://, mysql+mysqldb://, mysql://,
// mariadb://, sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory)
// with their query parameters. Errors never contain the password.
func ParseURL(raw string) (*DSN, error) { return nil, errTODO }

// Redact replaces any password in a URL (or in free text containing it) by "***".
func Redact(raw string) string { return raw }
