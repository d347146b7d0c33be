// Package testutil gives tests their own real database on each dialect: a
// fresh SQLite file, or a PostgreSQL / MariaDB database with a random name
// created on the test server and dropped when the test ends.
//
// Servers come from RETORT_TEST_POSTGRES_URL and RETORT_TEST_MYSQL_URL
// (defaults: the local servers). An unreachable server skips the test with a
// loud reason, or fails it when CI=true.
//
// It imports internal/dialect and its registry only (names, drivers, and
// the SQL that creates and drops a database), so that every package's tests
// can use it.
package testutil

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql" // database/sql driver "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
)

// Dialect names: internal/dialect's, under the names tests have always
// used.
const (
	SQLite   = dialect.SQLite
	Postgres = dialect.Postgres
	MySQL    = dialect.MySQL
)

// Dialects lists every dialect a dialect-facing test must cover.
func Dialects() []string { return []string{SQLite, Postgres, MySQL} }

// DB is one test's private database.
type DB struct {
	Dialect    string
	Name       string  // database name (SQLite: file path)
	URL        string  // URL in the form users write in retort.toml
	DriverName string  // database/sql driver name
	DataSource string  // database/sql data source
	DB         *sql.DB // open handle, closed at cleanup
}

const (
	defaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	defaultMySQL    = "mysql://root@127.0.0.1:3306/"
)

// PostgresServerURL is the admin URL of the PostgreSQL test server.
func PostgresServerURL() string { return envOr("RETORT_TEST_POSTGRES_URL", defaultPostgres) }

// MySQLServerURL is the admin URL of the MySQL/MariaDB test server.
func MySQLServerURL() string { return envOr("RETORT_TEST_MYSQL_URL", defaultMySQL) }

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// testServer is where a server dialect's test databases are made: test
// environment, not dialect knowledge (what a database is created and dropped
// with comes from the dialect's dialect.ScratchServer).
type testServer struct {
	what     string        // the server, as a skip message names it
	env      string        // RETORT_TEST_<env>_URL sets it
	adminURL func() string // the URL of an admin connection
	// dataSource is the driver's data source for database dbname (""
	// for the admin connection) on the server at u.
	dataSource func(u *url.URL, dbname string) string
	// hostile sets d to read string literals unlike the server's default
	// (NewHostile), returning whether d must be opened again.
	hostile func(t testing.TB, d *DB) bool
}

// testServers are the servers of the dialects whose databases are not files.
func testServers() map[string]testServer {
	return map[string]testServer{
		Postgres: {what: "PostgreSQL", env: "POSTGRES", adminURL: PostgresServerURL,
			dataSource: func(u *url.URL, dbname string) string {
				if dbname == "" {
					return u.String()
				}
				v := *u
				v.Path = "/" + dbname
				return v.String()
			},
			hostile: func(t testing.TB, d *DB) bool {
				exec(t, d.DB, "ALTER DATABASE "+d.Name+" SET standard_conforming_strings = off")
				return true // connections made before the ALTER keep the default
			}},
		MySQL: {what: "MariaDB/MySQL", env: "MYSQL", adminURL: MySQLServerURL, dataSource: MySQLDSN,
			hostile: func(t testing.TB, d *DB) bool {
				mode := url.QueryEscape("'" + HostileMySQLMode + "'")
				d.URL += "?sql_mode=" + mode
				d.DataSource += "&sql_mode=" + mode
				return true
			}},
	}
}

// New makes a fresh database for t on dialect and drops it when t ends.
func New(t testing.TB, name string) *DB {
	t.Helper()
	info, ok := dialect.Info(name)
	if !ok {
		t.Fatalf("testutil: unknown dialect %q", name)
	}
	dbName := "retort_t_" + randHex(6)
	var d *DB
	if info.FileDatabase {
		// An empty file is an empty SQLite database: it exists, as the
		// other dialects' CREATE DATABASE makes theirs exist, so commands
		// that only read (and never create a file) can read it.
		path := filepath.Join(t.TempDir(), dbName+".db")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatalf("create SQLite test database: %v", err)
		}
		d = &DB{Dialect: name, Name: path, URL: "sqlite:///" + path,
			DriverName: info.Driver, DataSource: SQLiteDSN(path)}
	} else {
		d = newOnServer(t, name, info.Driver, dbName)
	}
	db, err := sql.Open(d.DriverName, d.DataSource)
	if err != nil {
		t.Fatalf("open %s test database: %v", name, err)
	}
	t.Cleanup(func() { db.Close() })
	d.DB = db
	return d
}

// newOnServer creates database dbName on dialect name's test server and
// drops it when t ends.
func newOnServer(t testing.TB, name, driver, dbName string) *DB {
	t.Helper()
	srv, ok := testServers()[name]
	if !ok {
		t.Fatalf("testutil: no test server for dialect %q", name)
	}
	d, err := registry.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	scratch, ok := d.(dialect.ScratchServer)
	if !ok {
		t.Fatalf("testutil: dialect %q cannot create databases", name)
	}
	create, drop := scratch.ScratchSQL(dbName)
	admin := mustURL(t, srv.adminURL())
	adminDB := open(t, driver, srv.dataSource(admin, ""), srv.what, srv.env)
	exec(t, adminDB, create)
	u := *admin
	u.Path = "/" + dbName
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := adminDB.ExecContext(ctx, drop); err != nil {
			t.Errorf("drop test database %s: %v", dbName, err)
		}
		adminDB.Close()
	})
	return &DB{Dialect: name, Name: dbName, URL: u.String(), DriverName: driver, DataSource: srv.dataSource(admin, dbName)}
}

// SQLiteDSN is the modernc.org/sqlite data source for a file, with the
// settings retort's tests expect (busy timeout, foreign keys on).
func SQLiteDSN(path string) string {
	return "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
}

// MySQLDSN turns a mysql://user:pass@host:port/ URL into a go-sql-driver DSN.
func MySQLDSN(u *url.URL, dbname string) string {
	user := u.User.Username()
	pass, _ := u.User.Password()
	cred := user
	if pass != "" {
		cred += ":" + pass
	}
	host := u.Host
	if host == "" {
		host = "127.0.0.1:3306"
	}
	return fmt.Sprintf("%s@tcp(%s)/%s?multiStatements=true&interpolateParams=true&parseTime=true", cred, host, dbname)
}

var (
	reachMu sync.Mutex
	reach   = map[string]error{}
)

func open(t testing.TB, driver, dsn, what, env string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err == nil {
		reachMu.Lock()
		prev, seen := reach[dsn]
		reachMu.Unlock()
		if seen {
			err = prev
		} else {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = db.PingContext(ctx)
			cancel()
			reachMu.Lock()
			reach[dsn] = err
			reachMu.Unlock()
		}
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		msg := fmt.Sprintf("%s test server unreachable (%v); start it or set RETORT_TEST_%s_URL", what, err, env)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip("SKIPPING: " + msg)
	}
	return db
}

func exec(t testing.TB, db *sql.DB, q string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("bad test server URL: %v", err)
	}
	if strings.HasPrefix(u.Path, "//") {
		u.Path = u.Path[1:]
	}
	return u
}

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// HostileMySQLMode is the sql_mode NewHostile sets on MySQL/MariaDB: strict,
// and backslashes in string literals mean themselves.
const HostileMySQLMode = "STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES"

// NewHostile is New with the server set to read string literals unlike its
// default, for tests that what retort writes is what the database holds:
// PostgreSQL with standard_conforming_strings off for the test database
// (ALTER DATABASE … SET, so every new connection has it), MySQL/MariaDB with
// sql_mode NO_BACKSLASH_ESCAPES on every connection (a parameter of the
// test's URL and data source). SQLite has no such setting: its database is
// New's.
func NewHostile(t testing.TB, name string) *DB {
	t.Helper()
	d := New(t, name)
	srv, ok := testServers()[name]
	if !ok || !srv.hostile(t, d) {
		return d
	}
	d.DB.Close()
	db, err := sql.Open(d.DriverName, d.DataSource)
	if err != nil {
		t.Fatalf("open %s test database: %v", name, err)
	}
	t.Cleanup(func() { db.Close() })
	d.DB = db
	return d
}

// Strings runs q on db and returns the first column of every row as text
// (NULL as ""), or fails t.
func Strings(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out = append(out, s.String)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// Strings runs q on the test database: the first column of every row.
func (d *DB) Strings(t testing.TB, q string, args ...any) []string {
	t.Helper()
	return Strings(t, d.DB, q, args...)
}
