package registry

import (
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
)

// TestEveryDialectIsComplete: each name in NameInfos has a dialect value,
// the value answers to that name, and it implements what the runner, the
// version table and autogenerate need of every dialect, plus one way to
// make a scratch database for models.
func TestEveryDialectIsComplete(t *testing.T) {
	t.Parallel()
	if got, want := len(dialects()), len(dialect.NameInfos()); got != want {
		t.Errorf("%d dialect values for %d names: each name in dialect.NameInfos needs its line in dialects()", got, want)
	}
	for _, name := range Names() {
		d, err := Lookup(name)
		if err != nil {
			t.Errorf("Lookup(%q): %v", name, err)
			continue
		}
		if d.Name() != name {
			t.Errorf("Lookup(%q).Name() = %q", name, d.Name())
		}
		if _, ok := d.(dialect.Required); !ok {
			t.Errorf("%s does not implement dialect.Required (Dialect, Bookkeeper, Inspector, ServerVersioner)", name)
		}
		_, server := d.(dialect.ScratchServer)
		_, memory := d.(dialect.ScratchMemory)
		if server == memory {
			t.Errorf("%s must implement exactly one of dialect.ScratchServer and dialect.ScratchMemory", name)
		}
		info, ok := dialect.Info(name)
		if !ok || info.Driver == "" || len(info.DriverPackages) == 0 {
			t.Errorf("%s: NameInfo %+v lacks a driver or driver packages", name, info)
		}
		if got, ok := dialect.ForDriverName(info.Driver); !ok || got != name {
			t.Errorf("ForDriverName(%q) = %q, %v; want %q", info.Driver, got, ok, name)
		}
	}
}

// TestLookup: exactly the names and aliases retort has always accepted,
// case and all.
func TestLookup(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"postgres": dialect.Postgres, "postgresql": dialect.Postgres,
		"mysql": dialect.MySQL, "mariadb": dialect.MySQL,
		"sqlite": dialect.SQLite, "sqlite3": dialect.SQLite,
	} {
		d, err := Lookup(name)
		if err != nil || d.Name() != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, d, err, want)
		}
	}
	for _, bad := range []string{"", "pg", "pgx", "Postgres", "MYSQL", "sqlite4", "oracle", " mysql"} {
		d, err := Lookup(bad)
		if err == nil {
			t.Errorf("Lookup(%q) = %v, want an error", bad, d.Name())
			continue
		}
		if want := `unknown dialect "` + bad + `": use postgres, mysql or sqlite`; err.Error() != want {
			t.Errorf("Lookup(%q) error %q, want %q", bad, err, want)
		}
	}
	if got := Names(); !slices.Equal(got, []string{"postgres", "mysql", "sqlite"}) {
		t.Errorf("Names() = %v", got)
	}
}

func TestForDriverPackage(t *testing.T) {
	t.Parallel()
	for pkg, want := range map[string]string{
		"github.com/jackc/pgx/v5/stdlib": dialect.Postgres,
		"github.com/lib/pq":              dialect.Postgres,
		"github.com/go-sql-driver/mysql": dialect.MySQL,
		"modernc.org/sqlite":             dialect.SQLite,
		"github.com/mattn/go-sqlite3":    dialect.SQLite,
	} {
		if got, ok := dialect.ForDriverPackage(pkg); !ok || got != want {
			t.Errorf("ForDriverPackage(%q) = %q, %v; want %s", pkg, got, ok, want)
		}
	}
	if got, ok := dialect.ForDriverPackage("github.com/sijms/go-ora"); ok {
		t.Errorf("ForDriverPackage(go-ora) = %q", got)
	}
}
