package config

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"   // also the database/sql driver "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

const pragmas = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"

func TestParseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		dialect    string
		dataSource string
		database   string
		redacted   string // "" = same as in
		memory     bool
	}{
		// PostgreSQL, every spelling.
		{in: "postgresql://app:secret@db.example.com:5432/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:secret@db.example.com:5432/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@db.example.com:5432/shop"},
		{in: "postgres://app@localhost/shop?sslmode=disable",
			dialect: dialect.Postgres, dataSource: "postgres://app@localhost/shop?sslmode=disable&default_query_exec_mode=exec", database: "shop"},
		{in: "pgx://app:secret@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:secret@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "pgx://app:***@localhost/shop"},
		{in: "postgresql+asyncpg://app:secret@localhost:5432/shop?ssl=require&async_fallback=true",
			dialect: dialect.Postgres, dataSource: "postgres://app:secret@localhost:5432/shop?sslmode=require&default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql+asyncpg://app:***@localhost:5432/shop?ssl=require&async_fallback=true"},
		{in: "postgresql+asyncpg://app@localhost/shop?ssl=true&prepared_statement_cache_size=0",
			dialect: dialect.Postgres, dataSource: "postgres://app@localhost/shop?sslmode=require&default_query_exec_mode=exec", database: "shop"},
		{in: "postgresql+asyncpg://app@localhost/shop?ssl=disable&sslmode=verify-full",
			dialect: dialect.Postgres, dataSource: "postgres://app@localhost/shop?sslmode=verify-full&default_query_exec_mode=exec", database: "shop"},
		{in: "postgresql+psycopg2://app:secret@localhost/shop?sslmode=prefer&application_name=api&connect_timeout=5",
			dialect: dialect.Postgres, dataSource: "postgres://app:secret@localhost/shop?sslmode=prefer&application_name=api&connect_timeout=5&default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql+psycopg2://app:***@localhost/shop?sslmode=prefer&application_name=api&connect_timeout=5"},
		{in: "postgresql+psycopg://app:secret@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:secret@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql+psycopg://app:***@localhost/shop"},
		{in: "POSTGRESQL://app@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app@localhost/shop?default_query_exec_mode=exec", database: "shop"},
		// Unix socket via host=, no host in the authority (psycopg2 style).
		{in: "postgresql+psycopg2://app@/shop?host=/var/run/postgresql",
			dialect: dialect.Postgres, dataSource: "postgres://app@/shop?host=%2Fvar%2Frun%2Fpostgresql&default_query_exec_mode=exec", database: "shop"},
		// Several hosts (libpq failover).
		{in: "postgresql://app@h1:5432,h2:5433/shop?target_session_attrs=read-write",
			dialect: dialect.Postgres, dataSource: "postgres://app@h1:5432,h2:5433/shop?target_session_attrs=read-write&default_query_exec_mode=exec", database: "shop"},
		{in: "postgresql://[::1]:5432/shop",
			dialect: dialect.Postgres, dataSource: "postgres://[::1]:5432/shop?default_query_exec_mode=exec", database: "shop"},
		{in: "postgresql://localhost",
			dialect: dialect.Postgres, dataSource: "postgres://localhost/?default_query_exec_mode=exec", database: ""},
		// Passwords: percent-encoded as SQLAlchemy requires…
		{in: "postgresql://app:p%40ss%3Aw%2Frd%25x@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:p%40ss%3Aw%2Frd%25x@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@localhost/shop"},
		// …or raw where unambiguous.
		{in: "postgresql://app:p@ss@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:p%40ss@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@localhost/shop"},
		{in: "postgresql://app:a/b?c:d@localhost:5433/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:a%2Fb%3Fc%3Ad@localhost:5433/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@localhost:5433/shop"},
		{in: "postgresql://app:100%@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:100%25@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@localhost/shop"},
		{in: "postgresql://app:@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@localhost/shop"},
		{in: "postgresql://us%20er:pw@localhost/my%20db",
			dialect: dialect.Postgres, dataSource: "postgres://us%20er:pw@localhost/my%20db?default_query_exec_mode=exec", database: "my db",
			redacted: "postgresql://us%20er:***@localhost/my%20db"},
		// An "@" in the query is not userinfo.
		{in: "postgresql://localhost/shop?application_name=me@host",
			dialect: dialect.Postgres, dataSource: "postgres://localhost/shop?application_name=me%40host&default_query_exec_mode=exec", database: "shop"},
		// password in the query is hidden too.
		{in: "postgresql://app@localhost/shop?password=secret&sslmode=disable",
			dialect: dialect.Postgres, dataSource: "postgres://app@localhost/shop?password=secret&sslmode=disable&default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app@localhost/shop?password=***&sslmode=disable"},
		// pgx's query mode: exec unless the URL names one (a transaction
		// pooler breaks pgx's default, cached prepared statements).
		{in: "postgresql://app@localhost/shop?default_query_exec_mode=cache_describe",
			dialect: dialect.Postgres, dataSource: "postgres://app@localhost/shop?default_query_exec_mode=cache_describe", database: "shop"},

		// MySQL and MariaDB.
		{in: "mysql://root@127.0.0.1:3306/shop",
			dialect: dialect.MySQL, dataSource: "root@tcp(127.0.0.1:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop"},
		{in: "mysql+pymysql://app:secret@db.example.com/shop?charset=utf8mb4",
			dialect: dialect.MySQL, dataSource: "app:secret@tcp(db.example.com:3306)/shop?charset=utf8mb4&parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql+pymysql://app:***@db.example.com/shop?charset=utf8mb4"},
		{in: "mysql+mysqldb://app:secret@localhost:3307/shop",
			dialect: dialect.MySQL, dataSource: "app:secret@tcp(localhost:3307)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql+mysqldb://app:***@localhost:3307/shop"},
		{in: "mysql+mysqlconnector://app:secret@localhost/shop",
			dialect: dialect.MySQL, dataSource: "app:secret@tcp(localhost:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql+mysqlconnector://app:***@localhost/shop"},
		{in: "mysql+aiomysql://app:secret@localhost/shop?connect_timeout=10&read_timeout=30",
			dialect: dialect.MySQL, dataSource: "app:secret@tcp(localhost:3306)/shop?timeout=10s&readTimeout=30s&parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql+aiomysql://app:***@localhost/shop?connect_timeout=10&read_timeout=30"},
		{in: "mariadb://app:secret@localhost/shop",
			dialect: dialect.MySQL, dataSource: "app:secret@tcp(localhost:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mariadb://app:***@localhost/shop"},
		{in: "mariadb+mariadbconnector://app@localhost/shop",
			dialect: dialect.MySQL, dataSource: "app@tcp(localhost:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop"},
		{in: "mysql://app@[::1]/shop",
			dialect: dialect.MySQL, dataSource: "app@tcp([::1]:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop"},
		{in: "mysql://app@/shop",
			dialect: dialect.MySQL, dataSource: "app@tcp(127.0.0.1:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop"},
		{in: "mysql://root@127.0.0.1:3306/",
			dialect: dialect.MySQL, dataSource: "root@tcp(127.0.0.1:3306)/?parseTime=true&multiStatements=true&interpolateParams=true", database: ""},
		{in: "mysql+pymysql://app:secret@localhost/shop?unix_socket=/var/run/mysqld/mysqld.sock",
			dialect: dialect.MySQL, dataSource: "app:secret@unix(/var/run/mysqld/mysqld.sock)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql+pymysql://app:***@localhost/shop?unix_socket=/var/run/mysqld/mysqld.sock"},
		{in: "mysql://app:secret@localhost/shop?ssl_mode=REQUIRED&autocommit=true",
			dialect: dialect.MySQL, dataSource: "app:secret@tcp(localhost:3306)/shop?tls=skip-verify&parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql://app:***@localhost/shop?ssl_mode=REQUIRED&autocommit=true"},
		{in: "mysql://app@localhost/shop?parseTime=false&multiStatements=false&loc=Local",
			dialect: dialect.MySQL, dataSource: "app@tcp(localhost:3306)/shop?parseTime=false&multiStatements=false&loc=Local&interpolateParams=true", database: "shop"},
		// Raw and encoded special characters in a MySQL password.
		{in: "mysql://app:p%40s%3As%2Fw%25@localhost/shop",
			dialect: dialect.MySQL, dataSource: "app:p@s:s/w%@tcp(localhost:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql://app:***@localhost/shop"},
		{in: "mysql://app:p@ss:w@localhost/shop",
			dialect: dialect.MySQL, dataSource: "app:p@ss:w@tcp(localhost:3306)/shop?parseTime=true&multiStatements=true&interpolateParams=true", database: "shop",
			redacted: "mysql://app:***@localhost/shop"},

		// SQLite.
		{in: "sqlite:///app.db", dialect: dialect.SQLite, dataSource: "file:app.db?" + pragmas, database: "app.db"},
		{in: "sqlite:///data/app.db", dialect: dialect.SQLite, dataSource: "file:data/app.db?" + pragmas, database: "data/app.db"},
		{in: "sqlite:////var/lib/app.db", dialect: dialect.SQLite, dataSource: "file:/var/lib/app.db?" + pragmas, database: "/var/lib/app.db"},
		{in: "sqlite://", dialect: dialect.SQLite, dataSource: "file::memory:?" + pragmas, database: ":memory:", memory: true},
		{in: "sqlite:///:memory:", dialect: dialect.SQLite, dataSource: "file::memory:?" + pragmas, database: ":memory:", memory: true},
		{in: "sqlite+pysqlite:///:memory:", dialect: dialect.SQLite, dataSource: "file::memory:?" + pragmas, database: ":memory:", memory: true},
		{in: "sqlite+aiosqlite:///app.db", dialect: dialect.SQLite, dataSource: "file:app.db?" + pragmas, database: "app.db"},
		{in: "sqlite+aiosqlite:////tmp/app.db?timeout=2.5&check_same_thread=false",
			dialect: dialect.SQLite, dataSource: "file:/tmp/app.db?_pragma=busy_timeout(2500)&_pragma=foreign_keys(1)", database: "/tmp/app.db"},
		{in: "sqlite:///app.db?mode=ro&_pragma=foreign_keys(0)",
			dialect: dialect.SQLite, dataSource: "file:app.db?_pragma=busy_timeout(10000)&mode=ro&_pragma=foreign_keys(0)", database: "app.db"},
		{in: "sqlite:///file:app.db?mode=ro&uri=true",
			dialect: dialect.SQLite, dataSource: "file:app.db?" + pragmas + "&mode=ro", database: "app.db"},
		{in: "sqlite:////tmp/odd%name?.db",
			dialect: dialect.SQLite, dataSource: "file:/tmp/odd%25name?" + pragmas + "&.db=", database: "/tmp/odd%name"},
		{in: "sqlite:////tmp/a b#c.db",
			dialect: dialect.SQLite, dataSource: "file:/tmp/a b%23c.db?" + pragmas, database: "/tmp/a b#c.db"},
		{in: "file:app.db", dialect: dialect.SQLite, dataSource: "file:app.db?" + pragmas, database: "app.db"},
		{in: "file:/var/lib/app.db?mode=ro", dialect: dialect.SQLite, dataSource: "file:/var/lib/app.db?" + pragmas + "&mode=ro", database: "/var/lib/app.db"},
		{in: "file:///var/lib/app.db", dialect: dialect.SQLite, dataSource: "file:/var/lib/app.db?" + pragmas, database: "/var/lib/app.db"},
		{in: "file:my%20app.db", dialect: dialect.SQLite, dataSource: "file:my%20app.db?" + pragmas, database: "my app.db"},
		{in: "file::memory:?cache=shared", dialect: dialect.SQLite, dataSource: "file::memory:?" + pragmas + "&cache=shared", database: ":memory:", memory: true},
		{in: "file:mem1?mode=memory&cache=shared", dialect: dialect.SQLite, dataSource: "file:mem1?" + pragmas + "&mode=memory&cache=shared", database: "mem1", memory: true},
		// A password with a space is hidden whole.
		{in: "postgresql://app:se cret@localhost/shop",
			dialect: dialect.Postgres, dataSource: "postgres://app:se%20cret@localhost/shop?default_query_exec_mode=exec", database: "shop",
			redacted: "postgresql://app:***@localhost/shop"},
		{in: "  sqlite:///app.db\n", dialect: dialect.SQLite, dataSource: "file:app.db?" + pragmas, database: "app.db", redacted: "sqlite:///app.db"},
	}
	drivers := map[string]string{dialect.Postgres: "pgx", dialect.MySQL: "mysql", dialect.SQLite: "sqlite"}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			d, err := ParseURL(tt.in)
			if err != nil {
				t.Fatalf("ParseURL: %v", err)
			}
			want := &DSN{Dialect: tt.dialect, DriverName: drivers[tt.dialect], DataSource: tt.dataSource,
				Database: tt.database, Redacted: tt.redacted, Memory: tt.memory}
			if want.Redacted == "" {
				want.Redacted = tt.in
			}
			if *d != *want {
				t.Errorf("ParseURL(%q)\n got %+v\nwant %+v", tt.in, *d, *want)
			}
			if strings.Contains(tt.in, "secret") && strings.Contains(d.Redacted+d.String(), "secret") {
				t.Errorf("Redacted %q shows the password", d.Redacted)
			}
			if d.String() != d.Redacted {
				t.Errorf("String() = %q, want the redacted URL", d.String())
			}
		})
	}
}

// The go-sql-driver DSN that ParseURL builds must mean what the URL meant.
func TestParseURLMySQLRoundTrip(t *testing.T) {
	t.Parallel()
	for _, pw := range []string{"plain", "p@ss", "a:b", "a/b", "100%", "x)y(z", "?#&=", "sp ace"} {
		raw := "mysql://app:" + url.PathEscape(pw) + "@localhost/shop"
		if strings.Contains(pw, ":") {
			raw = "mysql://app:" + strings.ReplaceAll(url.PathEscape(pw), ":", "%3A") + "@localhost/shop"
		}
		d, err := ParseURL(raw)
		if err != nil {
			t.Fatalf("ParseURL(%q): %v", raw, err)
		}
		cfg, err := mysql.ParseDSN(d.DataSource)
		if err != nil {
			t.Fatalf("%q: driver rejects %q: %v", raw, d.DataSource, err)
		}
		if cfg.User != "app" || cfg.Passwd != pw || cfg.DBName != "shop" || cfg.Addr != "localhost:3306" {
			t.Errorf("%q: driver reads user=%q password=%q db=%q addr=%q", raw, cfg.User, cfg.Passwd, cfg.DBName, cfg.Addr)
		}
	}
}

func TestParseURLPostgresRoundTrip(t *testing.T) {
	t.Parallel()
	for _, pw := range []string{"plain", "p@ss", "a:b", "a/b", "100%", "?#&=", "sp ace", "ünï"} {
		raw := "postgresql+asyncpg://app:" + url.QueryEscape(pw) + "@localhost/shop"
		raw = strings.ReplaceAll(raw, "+", "%20") // QueryEscape's space
		raw = strings.Replace(raw, "postgresql%20asyncpg", "postgresql+asyncpg", 1)
		d, err := ParseURL(raw)
		if err != nil {
			t.Fatalf("ParseURL(%q): %v", raw, err)
		}
		u, err := url.Parse(d.DataSource)
		if err != nil {
			t.Fatalf("%q: DataSource %q is not a URL: %v", raw, d.DataSource, err)
		}
		got, _ := u.User.Password()
		if got != pw || u.User.Username() != "app" || u.Host != "localhost" || u.Path != "/shop" {
			t.Errorf("%q: pgx reads user=%q password=%q host=%q path=%q", raw, u.User.Username(), got, u.Host, u.Path)
		}
		if strings.Contains(d.Redacted, url.QueryEscape(pw)) && pw != "plain" {
			t.Errorf("Redacted %q shows the password", d.Redacted)
		}
	}
}

func TestParseURLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // substring of the error
		is   error
	}{
		{"", "no database URL", ErrNoURL},
		{"   ", "no database URL", ErrNoURL},
		{"oracle://scott:s3cretpw@db/orcl", "unknown scheme \"oracle\"", ErrUnsupportedScheme},
		{"mssql+pyodbc://sa:s3cretpw@db/x", "unknown scheme", ErrUnsupportedScheme},
		{"pgx+foo://u:s3cretpw@h/db", "unknown scheme", ErrUnsupportedScheme},
		{"postgresql+as-yncpg://u:s3cretpw@h/db", "bad driver name", ErrUnsupportedScheme},
		{"app.db", "write sqlite:///app.db", ErrUnsupportedScheme},
		{"/var/app.db", "write sqlite:////var/app.db", ErrUnsupportedScheme},
		{"localhost:5432", "not a URL", ErrUnsupportedScheme},
		{"sqlite://app.db", "three slashes", nil},
		{"sqlite:///app.db?timeout=soon", "timeout=soon", nil},
		{"file://server/share/app.db", "cannot name a host", nil},
		{"file:", "no file name", nil},
		{"postgresql://u:s3cretpw@h/db?ssl=maybe", "ssl=maybe", nil},
		{"postgresql://u:s3cretpw@h/db?sslmode=on", "sslmode=on is not valid", nil},
		{"postgresql://u:s3cretpw@h/db?x=%zz", "bad percent-encoding", nil},
		{"postgresql://u:s3cretpw@my host/db", "cannot be parsed", nil},
		// Read two ways: password "s3cretpw" or "s3cretpw@ss/word".
		{"postgresql://u:s3cretpw@ss/word@h/db", "cannot be parsed", nil},
		{"mysql://u:s3cretpw@ss?x@h/db", "cannot be parsed", nil},
		{"postgresql:/u:s3cretpw@h/db", "not a URL", ErrUnsupportedScheme},
		{"postgres:s3cretpw@h/x", "not a URL", ErrUnsupportedScheme},
		{"u:s3cretpw@h://db", "unknown scheme", ErrUnsupportedScheme},
		{"mysql://u:s3cretpw@h/db?ssl_ca=/etc/ca.pem", "ssl_ca is not supported", nil},
		{"mysql://u:s3cretpw@h/db?ssl_mode=sometimes", "ssl_mode=sometimes", nil},
		{"mysql://u:s3cretpw@h:port/db", "port \"port\" is not a valid port", nil},
		{"mysql://u:s3cretpw@h:99999/db", "port \"99999\"", nil},
		{"mysql://u:s3cretpw@h1,h2/db", "one host", nil},
		{"mysql://u%3Ax:s3cretpw@h/db", "cannot contain \":\"", nil},
		{"mysql://u:s3cretpw@h/a%2Fb", "contains \"/\"", nil},
		{"mysql://u:s3cretpw@h/db?parseTime=perhaps", "parseTime", nil},
	}
	var golden strings.Builder
	for _, tt := range tests {
		_, err := ParseURL(tt.in)
		if err == nil {
			t.Errorf("ParseURL(%q) succeeded, want an error containing %q", tt.in, tt.want)
			continue
		}
		fmt.Fprintf(&golden, "%s\n\t%v\n", tt.in, err)
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseURL(%q) = %v, want it to contain %q", tt.in, err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("ParseURL(%q) = %v, want errors.Is %v", tt.in, err, tt.is)
		}
		if strings.Contains(err.Error(), "s3cretpw") {
			t.Errorf("ParseURL(%q) error shows the password: %v", tt.in, err)
		}
	}
	checkGolden(t, "url_errors.golden", golden.String())
}

func TestRedact(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{"no secrets here", "no secrets here"},
		{"postgres://u:pw@h/db", "postgres://u:***@h/db"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"sqlite:////tmp/x.db", "sqlite:////tmp/x.db"},
		{`dial "postgresql+asyncpg://app:p@ss@h:5432/db" failed`, `dial "postgresql+asyncpg://app:***@h:5432/db" failed`},
		{"a mysql://r:x/y@h/db and pgx://s:z@h2/d2.", "a mysql://r:***@h/db and pgx://s:***@h2/d2."},
		{"host=h user=u password=hunter2 dbname=d", "host=h user=u password=*** dbname=d"},
		{"host=h password='hun ter2' dbname=d", "host=h password=*** dbname=d"},
		{"sslpassword=k3y", "sslpassword=***"},
		{"PASSWORD = hunter2", "PASSWORD = ***"},
		{"postgres://h/db?password=hunter2&sslmode=disable", "postgres://h/db?password=***&sslmode=disable"},
		{"Error opening root:hunter2@tcp(127.0.0.1:3306)/db?parseTime=true", "Error opening root:***@tcp(127.0.0.1:3306)/db?parseTime=true"},
		{"u:p@ss@unix(/tmp/mysql.sock)/db", "u:***@unix(/tmp/mysql.sock)/db"},
		{"password authentication failed for user \"app\"", "password authentication failed for user \"app\""},
		{"x://u:hun ter2@h", "x://u:***@h"},
		{"x://u:hun ter2@h and y://v:w@z", "x://u:***@h and y://v:***@z"},
		{"root:hun ter2@tcp(h)/db", "root:***@tcp(h)/db"},
		// Ambiguous: more is hidden, never less.
		{"postgres://u:hunter2@h:5432/db?app=a@b", "postgres://u:***@h:5432/db?app=a@b"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// Every URL form that has a password: the password never survives Redact,
// ParseURL's Redacted, or any ParseURL error.
func TestPasswordNeverShown(t *testing.T) {
	t.Parallel()
	const pw = "Zq7_secret"
	forms := []string{
		"postgresql://app:%s@h/db", "postgres://app:%s@h/db", "pgx://app:%s@h/db",
		"postgresql+asyncpg://app:%s@h/db?ssl=require", "postgresql+psycopg2://app:%s@h/db",
		"postgresql+psycopg://app:%s@h/db", "mysql://app:%s@h/db", "mysql+pymysql://app:%s@h/db",
		"mysql+mysqldb://app:%s@h/db", "mysql+mysqlconnector://app:%s@h/db", "mysql+aiomysql://app:%s@h/db",
		"mariadb://app:%s@h/db", "mariadb+mariadbconnector://app:%s@h/db",
		"postgresql://app:%s@h/db?sslmode=bogus", "mysql://app:%s@h/db?tls=bogus",
		"mysql://app:%s@h:x/db", "oracle://app:%s@h/db", "postgresql://app:%s@h/db?password=%[1]s",
		"postgresql://app:%s@@h@/db", "postgresql://app:%s x@h/db", "mysql://app:x %s@h/db",
	}
	for _, f := range forms {
		for _, p := range []string{pw, pw + "@x", pw + "/x", pw + ":x", pw + "%zz"} {
			raw := fmt.Sprintf(f, p)
			if got := Redact(raw); strings.Contains(got, pw) {
				t.Errorf("Redact(%q) = %q", raw, got)
			}
			d, err := ParseURL(raw)
			if err != nil {
				if strings.Contains(err.Error(), pw) {
					t.Errorf("ParseURL(%q) error shows the password: %v", raw, err)
				}
				continue
			}
			if strings.Contains(d.Redacted, pw) {
				t.Errorf("ParseURL(%q).Redacted = %q", raw, d.Redacted)
			}
			if got := Redact(d.DataSource); strings.Contains(got, pw) {
				t.Errorf("Redact(DataSource %q) = %q", d.DataSource, got)
			}
		}
	}
}

// A URL as testutil hands it out parses into something that connects.
func TestParseURLConnects(t *testing.T) {
	t.Parallel()
	for _, dl := range testutil.Dialects() {
		t.Run(dl, func(t *testing.T) {
			t.Parallel()
			tdb := testutil.New(t, dl)
			d, err := ParseURL(tdb.URL)
			if err != nil {
				t.Fatalf("ParseURL(%q): %v", tdb.URL, err)
			}
			if d.Dialect != dl || d.DriverName != tdb.DriverName {
				t.Errorf("dialect, driver = %s, %s; want %s, %s", d.Dialect, d.DriverName, dl, tdb.DriverName)
			}
			if d.Database != tdb.Name {
				t.Errorf("Database = %q, want %q", d.Database, tdb.Name)
			}
			db := ping(t, d)
			// The connection reaches the test's own database.
			if dl != dialect.SQLite {
				q := map[string]string{dialect.Postgres: "SELECT current_database()", dialect.MySQL: "SELECT DATABASE()"}[dl]
				var name string
				if err := db.QueryRow(q).Scan(&name); err != nil {
					t.Fatal(err)
				}
				if name != tdb.Name {
					t.Errorf("connected to %q, want %q", name, tdb.Name)
				}
			}
			// The same URL in SQLAlchemy's async spelling reaches it too.
			alt := map[string]string{dialect.Postgres: "postgresql+asyncpg", dialect.MySQL: "mysql+aiomysql", dialect.SQLite: "sqlite+aiosqlite"}[dl]
			scheme, rest, _ := strings.Cut(tdb.URL, "://")
			if dl == dialect.Postgres {
				rest = strings.Replace(rest, "sslmode=", "ssl=", 1)
			}
			d2, err := ParseURL(alt + "://" + rest)
			if err != nil {
				t.Fatalf("ParseURL(%s form of %s URL): %v", alt, scheme, err)
			}
			ping(t, d2)
		})
	}
}

func ping(t *testing.T, d *DSN) *sql.DB {
	t.Helper()
	db, err := sql.Open(d.DriverName, d.DataSource)
	if err != nil {
		t.Fatalf("sql.Open(%s, %s): %v", d.DriverName, Redact(d.DataSource), err)
	}
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("ping %s: %v", d.Redacted, err)
	}
	return db
}

// A password full of URL syntax, percent-encoded in the URL, authenticates
// against a real server.
func TestParseURLPasswordConnectsMySQL(t *testing.T) {
	t.Parallel()
	tdb := testutil.New(t, dialect.MySQL)
	const pw = "p@s:s/w%r?d#1"
	user := "rt_" + tdb.Name[len("retort_t_"):]
	for _, q := range []string{
		fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY '%s'", user, pw),
		fmt.Sprintf("GRANT ALL ON `%s`.* TO '%s'@'%%'", tdb.Name, user),
	} {
		if _, err := tdb.DB.Exec(q); err != nil {
			t.Fatalf("%s: %v", Redact(q), err)
		}
	}
	t.Cleanup(func() { tdb.DB.Exec(fmt.Sprintf("DROP USER '%s'@'%%'", user)) })
	server, err := url.Parse(testutil.MySQLServerURL())
	if err != nil {
		t.Fatal(err)
	}
	raw := fmt.Sprintf("mysql+pymysql://%s:%s@%s/%s", user, url.QueryEscape(pw), server.Host, tdb.Name)
	d, err := ParseURL(raw)
	if err != nil {
		t.Fatalf("ParseURL: %v", err)
	}
	if strings.Contains(d.Redacted, url.QueryEscape(pw)) {
		t.Errorf("Redacted shows the password: %s", d.Redacted)
	}
	ping(t, d)

	// And a wrong password fails, with an error that can be shown.
	bad, err := ParseURL(strings.Replace(raw, url.QueryEscape(pw), "wrong%40pw", 1))
	if err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open(bad.DriverName, bad.DataSource)
	defer db.Close()
	if err := db.Ping(); err == nil {
		t.Error("wrong password connected")
	}
}

// SQLite file names that need escaping in a URI open the file they name.
func TestParseURLSQLiteFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"plain.db", "with space.db", "per%cent.db", "hash#.db", "ünï.db"} {
		path := filepath.Join(dir, name)
		d, err := ParseURL("sqlite:///" + path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		db := ping(t, d)
		if _, err := db.Exec("CREATE TABLE t (x INTEGER)"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: DataSource %q did not create the file: %v", name, d.DataSource, err)
		}
		var fk int
		if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("%s: foreign_keys = %d, %v; want 1", name, fk, err)
		}
	}
	// Read-only mode is passed through.
	d, err := ParseURL("sqlite:///" + filepath.Join(dir, "plain.db") + "?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	db := ping(t, d)
	if _, err := db.Exec("CREATE TABLE u (x INTEGER)"); err == nil {
		t.Error("mode=ro database accepted a write")
	}
	// Memory: one connection keeps what it was given.
	m, err := ParseURL("sqlite://")
	if err != nil {
		t.Fatal(err)
	}
	mdb := ping(t, m)
	mdb.SetMaxOpenConns(1)
	if _, err := mdb.Exec("CREATE TABLE m (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if _, err := mdb.Exec("INSERT INTO m VALUES (1)"); err != nil {
		t.Fatal(err)
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test -update to accept):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}
