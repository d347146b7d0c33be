// Command migrations runs retort for Orion with the application's own
// settings: the role Alembic's env.py plays in the Python services.
//
// From examples/orion:
//
//	go run ./migrations upgrade head
//	go run ./migrations revision --autogenerate -m "add publish_records table"
//
// behaves exactly like the retort binary with migrations/retort.toml, except
// that the database URL comes from settings.GetSettings() — DATABASE_URL_SYNC,
// else DATABASE_URL, in SQLAlchemy or Go form, else a local SQLite file.
package main

import (
	"github.com/retortdb/retort/cli"
	"github.com/retortdb/retort/examples/orion/internal/settings"
)

func main() {
	s := settings.GetSettings()
	cli.Main(cli.WithURL(s.MigrationsURL()))
}
