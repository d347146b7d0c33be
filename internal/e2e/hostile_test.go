package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/testutil"
)

// TestHostileServerSettings runs the binary against servers that read
// string literals unlike their default (PostgreSQL's
// standard_conforming_strings=off on the database, MariaDB's
// NO_BACKSLASH_ESCAPES sql_mode in the URL): file names and statements
// holding backslashes, quotes, dollar quotes and non-ASCII text are
// recorded byte for byte, and `--sql` says which setting its literals
// assume.
func TestHostileServerSettings(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			db := testutil.NewHostile(t, dn)
			p := &project{t: t, dir: t.TempDir(), db: db}
			if err := os.MkdirAll(filepath.Join(p.dir, "versions"), 0o755); err != nil {
				t.Fatal(err)
			}
			p.toml = filepath.Join(p.dir, "retort.toml")
			// One transaction per revision, so that a1 stays when b2 fails
			// on PostgreSQL and SQLite too.
			write(t, p.toml, fmt.Sprintf("script_location = \".\"\nurl = %q\ntransaction_per_migration = true\n", db.URL))
			a1 := `a1_it's \ $$ "ü".sql`
			write(t, filepath.Join(p.dir, "versions", a1),
				revFile("a1", "", "", "CREATE TABLE a (id INTEGER PRIMARY KEY);"))
			bad := `INSERT INTO no_such_table VALUES ('it''s \ $$ ü')`
			b2 := `b2_\'.sql`
			write(t, filepath.Join(p.dir, "versions", b2), revFile("b2", "a1", "", bad+";"))

			r := p.run("upgrade", "head")
			if r.err == nil {
				t.Fatalf("upgrade succeeded:\n%s", r.stderr)
			}
			if want := "versions/" + b2 + ":7"; !strings.Contains(r.stderr, want) {
				t.Errorf("failure lacks %q:\n%s", want, r.stderr)
			}
			if got := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(got, []string{"a1"}) {
				t.Errorf("version rows %q", got)
			}
			if got := p.query("SELECT path FROM retort_history ORDER BY id"); !slices.Equal(got,
				[]string{"versions/" + a1, "versions/" + b2}) {
				t.Errorf("history paths %q", got)
			}
			if got := p.query("SELECT failed_sql FROM retort_history ORDER BY id"); !slices.Equal(got, []string{"", bad}) {
				t.Errorf("history failed_sql %q", got)
			}
			// Nothing of b2 ran: on MariaDB too it needs no resolve, and a
			// fixed file applies.
			if got := p.query("SELECT status FROM retort_history ORDER BY id"); !slices.Equal(got, []string{"done", "rolled-back"}) {
				t.Errorf("history statuses %q", got)
			}
			write(t, filepath.Join(p.dir, "versions", b2), revFile("b2", "a1", "", "CREATE TABLE b (id INTEGER);"))
			p.mustRun("upgrade", "head")
			if got := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(got, []string{"b2"}) {
				t.Errorf("version rows %q", got)
			}

			r = p.mustRun("upgrade", "--sql", "base:head")
			note := map[string]string{
				testutil.Postgres: "-- string literals assume standard_conforming_strings=on (the default)\n",
				testutil.MySQL:    "-- string literals assume sql_mode without NO_BACKSLASH_ESCAPES (the default)\n",
			}[dn]
			if !strings.HasPrefix(r.stdout, note) {
				t.Errorf("--sql does not start with %q:\n%s", note, r.stdout)
			}
			if dn == testutil.MySQL {
				// The setting reaches retort's own connections: the URL's
				// sql_mode passes through to the driver.
				dsn, err := config.ParseURL(db.URL)
				if err != nil {
					t.Fatal(err)
				}
				h, err := sql.Open(dsn.DriverName, dsn.DataSource)
				if err != nil {
					t.Fatal(err)
				}
				defer h.Close()
				var mode string
				if err := h.QueryRowContext(context.Background(), "SELECT @@SESSION.sql_mode").Scan(&mode); err != nil ||
					!strings.Contains(mode, "NO_BACKSLASH_ESCAPES") || !strings.Contains(dsn.DataSource, "interpolateParams=true") {
					t.Errorf("retort's connection: sql_mode %q (%v), data source %s", mode, err, dsn.DataSource)
				}
			}
		})
	}
}
