package dialect_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/testutil"
)

type lockKeyer interface {
	LockKey(ctx context.Context, conn *sql.Conn, t dialect.Table) (string, error)
}

func conn(t *testing.T, driver, dsn string) *sql.Conn {
	t.Helper()
	h, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	c, err := h.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestLockKeySpellings: every way a config can name one version table gives
// one lock key, and really excludes; another table gives another key.
func TestLockKeySpellings(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, dn)
			d := dialectFor(dn)
			type spelling struct {
				what string
				c    *sql.Conn
				tbl  dialect.Table
			}
			base := conn(t, db.DriverName, db.DataSource)
			same := []spelling{{"default schema", base, dialect.Table{Name: "alembic_version"}}}
			var differ []spelling
			switch dn {
			case testutil.Postgres:
				same = append(same, spelling{"schema spelled out", base, dialect.Table{Schema: "public", Name: "alembic_version"}})
				// the current schema follows search_path
				if _, err := db.DB.Exec("CREATE SCHEMA app"); err != nil {
					t.Fatal(err)
				}
				app := conn(t, db.DriverName, db.DataSource)
				if _, err := app.ExecContext(ctx, "SET search_path = app, public"); err != nil {
					t.Fatal(err)
				}
				differ = append(differ,
					spelling{"search_path = app", app, dialect.Table{Name: "alembic_version"}},
					spelling{"upper-case table (quoted: another table)", base, dialect.Table{Name: "Alembic_Version"}})
				same = append(same, spelling{"app schema spelled out", app, dialect.Table{Schema: "public", Name: "alembic_version"}})
			case testutil.MySQL:
				same = append(same, spelling{"database spelled out", base, dialect.Table{Schema: db.Name, Name: "alembic_version"}})
				var lower int
				if err := db.DB.QueryRow("SELECT @@lower_case_table_names").Scan(&lower); err != nil {
					t.Fatal(err)
				}
				upper := spelling{"database and table in upper case", base, dialect.Table{Schema: strings.ToUpper(db.Name), Name: "ALEMBIC_VERSION"}}
				if lower != 0 {
					same = append(same, upper)
				} else {
					differ = append(differ, upper)
				}
				noDB := conn(t, db.DriverName, strings.Replace(db.DataSource, "/"+db.Name+"?", "/?", 1))
				same = append(same, spelling{"no default database, schema named", noDB, dialect.Table{Schema: db.Name, Name: "alembic_version"}})
			case testutil.SQLite:
				dir := filepath.Dir(db.Name)
				link := filepath.Join(t.TempDir(), "link")
				if err := os.Symlink(dir, link); err != nil {
					t.Fatal(err)
				}
				fileLink := filepath.Join(t.TempDir(), "app.db")
				if err := os.Symlink(db.Name, fileLink); err != nil {
					t.Fatal(err)
				}
				wd, _ := os.Getwd()
				rel, err := filepath.Rel(wd, db.Name)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range []struct{ what, dsn string }{
					{"symlinked directory and ./", "file:" + link + "/./" + filepath.Base(db.Name)},
					{"symlink to the file", fileLink},
					{"relative path", rel},
					{"file: URI with parameters", "file:" + db.Name + "?_pragma=busy_timeout(1)&cache=private"},
					{"doubled slashes", strings.Replace(db.Name, "/", "//", 1)},
				} {
					same = append(same, spelling{s.what, conn(t, "sqlite", s.dsn), dialect.Table{Name: "alembic_version"}})
				}
				same = append(same, spelling{"main spelled out", base, dialect.Table{Schema: "main", Name: "alembic_version"}},
					spelling{"MAIN", base, dialect.Table{Schema: "MAIN", Name: "alembic_version"}})
			}
			k := d.(lockKeyer)
			want, err := k.LockKey(ctx, base, same[0].tbl)
			if err != nil || want == "" {
				t.Fatalf("LockKey: %q, %v", want, err)
			}
			for _, s := range same[1:] {
				if got, err := k.LockKey(ctx, s.c, s.tbl); err != nil || got != want {
					t.Errorf("%s: key %q (%v), want %q", s.what, got, err, want)
				}
			}
			for _, s := range differ {
				if got, err := k.LockKey(ctx, s.c, s.tbl); err != nil || got == want {
					t.Errorf("%s: key %q (%v), want a key other than %q", s.what, got, err, want)
				}
			}
			// The keys are not only equal: each spelling waits for a lock
			// taken through the first.
			unlock, err := d.Lock(ctx, base, same[0].tbl, dialect.LockOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer unlock(ctx)
			for _, s := range same[1:] {
				if s.c == base {
					continue
				}
				_, err := d.Lock(ctx, s.c, s.tbl, dialect.LockOptions{Timeout: 100 * time.Millisecond, Poll: 20 * time.Millisecond})
				if !errors.Is(err, dialect.ErrLockTimeout) {
					t.Errorf("%s: Lock while held = %v, want a timeout", s.what, err)
				}
			}
		})
	}
}

// TestGrant: the grant suggested for a missing privilege quotes the user as
// each server needs.
func TestGrant(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		d          dialect.Dialect
		user, want string
	}{
		{postgresD, "app", "GRANT SELECT ON alembic_version TO app"},
		{postgresD, "App User", `GRANT SELECT ON alembic_version TO "App User"`},
		{postgresD, "", "GRANT SELECT ON alembic_version TO <user>"},
		{mysqlD, "app@%", "GRANT SELECT ON alembic_version TO 'app'@'%'"},
		{mysqlD, "o'neil@10.0.0.%", "GRANT SELECT ON alembic_version TO 'o''neil'@'10.0.0.%'"},
		{mysqlD, "", "GRANT SELECT ON alembic_version TO <user>"},
		{sqliteD, "", ""},
	} {
		pc, ok := c.d.(dialect.PrivilegeChecker)
		if !ok {
			t.Fatalf("%s is no PrivilegeChecker", c.d.Name())
		}
		if got := pc.Grant("SELECT", "alembic_version", c.user); got != c.want {
			t.Errorf("%s Grant(%q) = %q, want %q", c.d.Name(), c.user, got, c.want)
		}
		if pc.IsPrivilegeError(errors.New("permission denied")) || pc.IsPrivilegeError(nil) {
			t.Errorf("%s: a plain error taken for a privilege error", c.d.Name())
		}
	}
}

var (
	postgresD = dialectFor(testutil.Postgres)
	mysqlD    = dialectFor(testutil.MySQL)
	sqliteD   = dialectFor(testutil.SQLite)
)

// FuzzLockName: a GET_LOCK name fits MySQL's 64 characters and two
// different (database, table) pairs never share one (barring a SHA-256
// collision), whatever the names hold: dots, quotes, long names.
func FuzzLockName(f *testing.F) {
	for _, s := range [][4]string{
		{"app", "alembic_version", "app", "alembic_version2"},
		{"a", "b.c", "a.b", "c"},
		{"app", "alembic_version", "APP", "alembic_version"},
		{strings.Repeat("d", 60), "v", strings.Repeat("d", 60), "w"},
		{"", "x", "x", ""},
		{"retort", "x", "retort.x", ""},
		{strings.Repeat("a", 60) + "\x00b", "c", strings.Repeat("a", 60), "b\x00c"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, db1, t1, db2, t2 string) {
		n1, n2 := mysql.LockName(db1, t1), mysql.LockName(db2, t2)
		if len(n1) > 64 || len(n2) > 64 {
			t.Fatalf("names over 64 characters: %q %q", n1, n2)
		}
		if (db1 != db2 || t1 != t2) && n1 == n2 {
			t.Fatalf("(%q, %q) and (%q, %q) share the lock %q", db1, t1, db2, t2, n1)
		}
	})
}
