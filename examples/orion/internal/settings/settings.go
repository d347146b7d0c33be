// Package settings reads Orion's configuration from the environment, the
// way the Python services' CommonSettings does.
//
// Python needed two URLs for one database: DATABASE_URL for the async app
// driver (postgresql+asyncpg://…) and DATABASE_URL_SYNC for Alembic
// (postgresql+psycopg2://…). Go's drivers serve both, so one URL is enough:
// DATABASE_URL_SYNC is still honoured for the migrations when it is set, and
// both are accepted in their SQLAlchemy form (retort normalizes them).
package settings

import "os"

// DefaultDatabaseURL is used when DATABASE_URL is not set: a SQLite file in
// the working directory, so the example runs with nothing installed.
const DefaultDatabaseURL = "sqlite:///orion.db"

// Settings is Orion's configuration.
type Settings struct {
	// DatabaseURL is the application's database (DATABASE_URL).
	DatabaseURL string
	// DatabaseURLSync is the migrations' database (DATABASE_URL_SYNC),
	// DatabaseURL when unset.
	DatabaseURLSync string
}

// GetSettings reads the settings from the process environment.
func GetSettings() Settings { return FromEnv(os.Getenv) }

// FromEnv reads the settings through getenv (os.Getenv, or a map in tests).
func FromEnv(getenv func(string) string) Settings {
	s := Settings{DatabaseURL: getenv("DATABASE_URL"), DatabaseURLSync: getenv("DATABASE_URL_SYNC")}
	if s.DatabaseURL == "" {
		s.DatabaseURL = s.DatabaseURLSync
	}
	if s.DatabaseURL == "" {
		s.DatabaseURL = DefaultDatabaseURL
	}
	if s.DatabaseURLSync == "" {
		s.DatabaseURLSync = s.DatabaseURL
	}
	return s
}

// MigrationsURL is the URL migrations run against (settings.database_url_sync
// in the Python services' env.py).
func (s Settings) MigrationsURL() string { return s.DatabaseURLSync }
