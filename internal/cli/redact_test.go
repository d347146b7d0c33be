package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/term"
	"github.com/retortdb/retort/internal/testutil"
)

// Passwords for the leak tests. Each is built of distinctive four-character
// runs, so that not only the whole password but every fragment of it can be
// looked for in the output (a raw "@" once sent half a password to the
// server as a host name, and messages showed it).
var leakPasswords = map[string]string{
	"plain":   "Kx7qVb9wZt4m",
	"at":      "Kx7q@Vb9w/Zt4m",
	"special": "Kx7q:Vb9w?Zt4m#Jr2p%Hn5c",
	"spaces":  `Kx7q Vb9w'Zt4m"Jr2p`,
	"encoded": url.QueryEscape("Kx7q@Vb9w/Zt4m:Jr2p% Hn5c"),
	"allsort": `Kx7q@/:?#% '"Vb9w`,
}

var alnumRun = regexp.MustCompile(`[A-Za-z0-9]{4,}`)

// leakTokens are what must not appear: the password as written and
// percent-decoded, and each of its runs of four letters or digits.
func leakTokens(pw string) []string {
	toks := []string{pw}
	if d, err := url.PathUnescape(pw); err == nil && d != pw {
		toks = append(toks, d)
	}
	for _, tok := range toks[:len(toks):len(toks)] {
		toks = append(toks, alnumRun.FindAllString(tok, -1)...)
	}
	return toks
}

// runCtx is run with a deadline: no command may hang on an unreachable host.
func runCtx(t *testing.T, o Options, args ...string) runOut {
	t.Helper()
	if o.IO == nil {
		o.IO, _, _, _ = term.Test()
	}
	if o.Getenv == nil {
		o.Getenv = func(string) (string, bool) { return "", false }
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	code := Run(ctx, args, o)
	return runOut{code, o.IO.Out.(*bytes.Buffer).String(), o.IO.Err.(*bytes.Buffer).String()}
}

// leakCommands are run for every URL: they read the database, print it as
// JSON, write an offline script and run online.
var leakCommands = [][]string{
	{"current", "-v"},
	{"status", "--json"},
	{"upgrade", "head", "--sql"},
	{"upgrade", "head"},
	{"history", "-v", "-i"},
}

// leakForm is a connection string with a password in it; %[1]s is the
// password as the form writes it, %[2]s a temporary directory.
type leakForm struct {
	form  string
	names string // what a failure message must name (a host, a database)
	ok    bool   // the URL opens a database (SQLite)
	quote func(string) string
}

func rawPW(s string) string   { return s }
func queryPW(s string) string { return url.QueryEscape(s) }
func libpqPW(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
func userPW(s string) string { return strings.TrimPrefix(url.UserPassword("", s).String(), ":") }
func encodedPW(s string) bool {
	return strings.Contains(s, "%") && !strings.ContainsAny(s, "@/:?# '\"")
}
func sqlitePath(dir string) string { return filepath.ToSlash(dir) }

// leakForms lists every shape of URL a password can hide in.
func leakForms() []leakForm {
	var forms []leakForm
	for _, scheme := range []string{"postgresql", "postgres", "pgx", "postgresql+psycopg2", "postgresql+asyncpg",
		"postgresql+psycopg", "POSTGRESQL", "mysql", "mysql+pymysql", "mysql+mysqldb", "mysql+mysqlconnector",
		"mysql+aiomysql", "mariadb", "mariadb+mariadbconnector"} {
		forms = append(forms, leakForm{scheme + "://app:%[1]s@127.0.0.1:1/shop", "127.0.0.1", false, rawPW})
	}
	return append(forms,
		leakForm{"postgresql://app:%[1]s@retort-no-such-host.invalid/shop", "retort-no-such-host.invalid", false, userPW},
		leakForm{"mysql://app:%[1]s@retort-no-such-host.invalid/shop", "retort-no-such-host.invalid", false, userPW},
		leakForm{"postgresql://app:%[1]s@127.0.0.1:1,127.0.0.1:2/shop", "127.0.0.1", false, userPW},
		leakForm{"postgresql://app:%[1]s@/shop?host=/retort-no-such-dir", "shop", false, userPW},
		leakForm{"postgresql://app:%[1]s@127.0.0.1:1/shop?application_name=me@host&connect_timeout=2", "127.0.0.1", false, userPW},
		leakForm{"  postgresql://app:%[1]s@127.0.0.1:1/shop  ", "127.0.0.1", false, userPW},
		leakForm{"postgresql:/app:%[1]s@127.0.0.1:1/shop", "127.0.0.1", false, userPW},
		leakForm{"postgres:%[1]s@127.0.0.1:1/shop", "127.0.0.1", false, userPW},
		leakForm{"mysql:/app:%[1]s@127.0.0.1:1/shop", "127.0.0.1", false, userPW},
		leakForm{"app:%[1]s@tcp(127.0.0.1:1)/shop", "127.0.0.1", false, rawPW},
		leakForm{"host=127.0.0.1 port=1 user=app password=%[1]s dbname=shop", "127.0.0.1", false, libpqPW},
		leakForm{"postgresql://app@127.0.0.1:1/shop?password=%[1]s", "127.0.0.1", false, queryPW},
		leakForm{"postgresql://app@127.0.0.1:1/shop?sslpassword=%[1]s&sslmode=disable", "127.0.0.1", false, queryPW},
		leakForm{"mysql://app@127.0.0.1:1/shop?password=%[1]s", "127.0.0.1", false, queryPW},
		leakForm{"oracle://app:%[1]s@127.0.0.1/shop", "127.0.0.1", false, userPW},
		leakForm{"postgresql+bad-driver://app:%[1]s@127.0.0.1/shop", "127.0.0.1", false, userPW},
		leakForm{"postgresql://app:%[1]s@127.0.0.1:notaport/shop", "127.0.0.1", false, userPW},
		leakForm{"mysql://app:%[1]s@127.0.0.1:99999/shop", "127.0.0.1", false, userPW},
		leakForm{"postgresql://app:%[1]s@127.0.0.1:1/shop?sslmode=bogus", "127.0.0.1", false, userPW},
		leakForm{"mysql://app:%[1]s@127.0.0.1/shop?ssl_ca=/etc/ca.pem", "127.0.0.1", false, userPW},
		leakForm{"mysql://app:%[1]s@127.0.0.1:1/shop?parseTime=perhaps", "127.0.0.1", false, userPW},
		leakForm{"file:%[2]s/app.db?_auth_pass=%[1]s", "app.db", true, queryPW},
		leakForm{"sqlite:///%[2]s/app.db?password=%[1]s", "app.db", true, queryPW},
		leakForm{"sqlite+pysqlite:///%[2]s/app.db?_auth_pass=%[1]s&_auth_user=app", "app.db", true, queryPW},
		leakForm{"sqlite://app:%[1]s@/app.db", "sqlite", false, userPW},
	)
}

// checkNoLeak fails t if s holds any of toks.
func checkNoLeak(t *testing.T, what, s string, toks []string) {
	t.Helper()
	for _, tok := range toks {
		if strings.Contains(s, tok) {
			t.Errorf("%s shows %q:\n%s", what, tok, s)
			return
		}
	}
}

// No password, whole or in part, in any output of any command, for any of
// 40 URL forms × 6 passwords against unreachable or invalid hosts; every
// failure still exits non-zero and names what it could not reach.
func TestNoPasswordInAnyOutput(t *testing.T) {
	t.Parallel()
	cfg := writeProject(t, "sqlite://")
	n := 0
	for _, f := range leakForms() {
		for name, pw := range leakPasswords {
			written := pw
			if !encodedPW(pw) {
				written = f.quote(pw)
			}
			n++
			t.Run(fmt.Sprintf("%s/%s", strings.TrimSpace(f.form), name), func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				raw := fmt.Sprintf(f.form, written, sqlitePath(dir))
				toks := leakTokens(pw)
				if written != pw {
					toks = append(toks, written)
				}
				if f.ok { // read-only commands never create a SQLite file: make it
					if err := os.WriteFile(filepath.Join(dir, "app.db"), nil, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				for _, args := range leakCommands {
					got := runCtx(t, Options{}, append([]string{"-c", cfg, "--url=" + raw}, args...)...)
					what := fmt.Sprintf("retort %s with %q (exit %d)", strings.Join(args, " "), raw, got.code)
					checkNoLeak(t, what, got.out+got.err, toks)
					offline := args[len(args)-1] == "--sql"
					switch {
					case got.code == ExitOK && !f.ok && !offline:
						t.Errorf("%s succeeded against a database it cannot reach", what)
					case got.code != ExitOK && f.ok:
						t.Errorf("%s failed: %s", what, got.err)
					case got.code != ExitOK && !strings.Contains(got.err, "FAILED:"):
						t.Errorf("%s: no FAILED line: %q", what, got.err)
					case got.code != ExitOK && !strings.Contains(got.err, f.names) && !strings.Contains(got.err, "***"):
						t.Errorf("%s: the message names neither %q nor the masked password: %q", what, f.names, got.err)
					}
				}
				if f.ok {
					db, err := sql.Open("sqlite", filepath.Join(dir, "app.db"))
					if err != nil {
						t.Fatal(err)
					}
					defer db.Close()
					checkTables(t, db, toks, "b2")
				}
			})
		}
	}
	if n < 100 {
		t.Errorf("only %d URL variants", n)
	}
}

// checkTables fails t if the version or history table holds a token, or
// the version table is not at want.
func checkTables(t *testing.T, db *sql.DB, toks []string, want string) {
	t.Helper()
	for _, table := range []string{"alembic_version", "retort_history"} {
		text := tableText(t, db, table)
		checkNoLeak(t, table, text, toks)
		if table == "alembic_version" && strings.TrimSpace(text) != want {
			t.Errorf("alembic_version holds %q, want %q", text, want)
		}
	}
}

// tableText is every row of table, one line each.
func tableText(t *testing.T, db *sql.DB, table string) string {
	t.Helper()
	rows, err := db.Query("SELECT * FROM " + table)
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("read %s: %v", table, err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteString(v.String)
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	return b.String()
}

// The real servers, with users whose passwords are the test passwords:
// runs that succeed, runs whose revision fails (the error lands in a
// history row), and the servers' own refusals (wrong password, unknown
// user or database, TLS refused) show no password.
func TestNoPasswordRealServers(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		for name, pw := range leakPasswords {
			if encodedPW(pw) {
				pw, _ = url.QueryUnescape(pw)
			}
			t.Run(dialect+"/"+name, func(t *testing.T) {
				t.Parallel()
				user, good, refusals := passwordUser(t, dialect, pw)
				toks := leakTokens(pw)
				toks = append(toks, userPW(pw), queryPW(pw))
				cfg := writeProject(t, "sqlite://")
				for _, args := range leakCommands {
					got := runCtx(t, Options{}, append([]string{"-c", cfg, "--url=" + good}, args...)...)
					checkNoLeak(t, fmt.Sprintf("retort %q (exit %d)", args, got.code), got.out+got.err, toks)
					if got.code != ExitOK {
						t.Fatalf("retort %q with %s's password: exit %d: %s", args, user.name, got.code, got.err)
					}
				}
				// A revision that fails: its error is kept in a history row.
				bad := filepath.Join(filepath.Dir(cfg), "versions", "c3.sql")
				if err := os.WriteFile(bad, []byte("-- three\n--\n-- Revision ID: c3\n-- Revises: b2\n\n"+
					"-- +retort upgrade\nSELECT * FROM retort_no_such_table;\n-- +retort downgrade\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				got := runCtx(t, Options{}, "-c", cfg, "--url="+good, "upgrade", "head")
				checkNoLeak(t, "failed upgrade", got.out+got.err, toks)
				if got.code != ExitFailure || !strings.Contains(got.err, "retort_no_such_table") {
					t.Errorf("failing revision: exit %d: %s", got.code, got.err)
				}
				checkTables(t, user.db.DB, toks, "b2")
				// The password as typed, not percent-encoded: it connects
				// where the URL can be read one way only, else it is refused
				// before anything of it reaches the server.
				if enc := userPW(pw); dialect != testutil.SQLite && enc != pw {
					raw := strings.Replace(good, ":"+enc+"@", ":"+pw+"@", 1)
					got := runCtx(t, Options{}, "-c", cfg, "--url="+raw, "current", "-v")
					checkNoLeak(t, fmt.Sprintf("current -v with the raw password (exit %d)", got.code), got.out+got.err, toks)
					if got.code != ExitOK && !strings.Contains(got.err, "cannot be parsed: percent-encode") {
						t.Errorf("current -v with the raw password: exit %d: %s", got.code, got.err)
					}
				}
				for _, u := range refusals {
					for _, args := range leakCommands {
						got := runCtx(t, Options{}, append([]string{"-c", cfg, "--url=" + u.url}, args...)...)
						what := fmt.Sprintf("retort %q refused by the server (exit %d)", args, got.code)
						checkNoLeak(t, what, got.out+got.err, toks)
						if args[len(args)-1] == "--sql" {
							continue
						}
						if got.code != ExitFailure || !strings.Contains(got.err, u.says) {
							t.Errorf("%s: want exit 1 and %q: %s", what, u.says, got.err)
						}
					}
				}
			})
		}
	}
}

type pwUser struct {
	name string
	db   *testutil.DB
}

type refusal struct{ url, says string }

// passwordUser creates a user whose password is pw owning a fresh database
// and returns a URL that connects as it, and URLs the server refuses.
func passwordUser(t *testing.T, dialect, pw string) (pwUser, string, []refusal) {
	t.Helper()
	enc := userPW(pw)
	switch dialect {
	case testutil.SQLite:
		db := testutil.New(t, dialect)
		good := "sqlite:///" + filepath.ToSlash(db.Name) + "?password=" + queryPW(pw)
		return pwUser{"sqlite", db}, good, nil
	case testutil.Postgres:
		name := "retort_pw_" + strings.ToLower(randomSuffix())
		admin := adminDB(t, "pgx", testutil.PostgresServerURL())
		mustExec(t, admin, "CREATE ROLE "+name+" LOGIN PASSWORD '"+strings.ReplaceAll(pw, "'", "''")+"'")
		t.Cleanup(func() { mustExec(t, admin, "DROP ROLE IF EXISTS "+name) })
		db := testutil.New(t, dialect) // dropped before the role: cleanups run last first
		mustExec(t, admin, "ALTER DATABASE "+db.Name+" OWNER TO "+name)
		host := "127.0.0.1:5432"
		if u, err := url.Parse(testutil.PostgresServerURL()); err == nil && u.Host != "" {
			host = u.Host
		}
		good := "postgresql+psycopg2://" + name + ":" + enc + "@" + host + "/" + db.Name + "?sslmode=disable"
		return pwUser{name, db}, good, []refusal{
			{"postgresql://" + name + "x:" + enc + "@" + host + "/" + db.Name + "?sslmode=disable", "does not exist"},
			{"postgresql://" + name + ":" + enc + "@" + host + "/" + db.Name + "x?sslmode=disable", "does not exist"},
			{"postgres://" + name + ":" + enc + "@" + host + "/" + db.Name + "?sslmode=verify-full&sslrootcert=/retort-no-such-ca.pem", db.Name},
		}
	default:
		name := "retort_pw_" + strings.ToLower(randomSuffix())
		server := testutil.MySQLServerURL()
		su, err := url.Parse(server)
		if err != nil {
			t.Fatal(err)
		}
		admin := adminDB(t, "mysql", testutil.MySQLDSN(su, ""))
		lit := "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(pw) + "'"
		mustExec(t, admin, "CREATE USER '"+name+"'@'%' IDENTIFIED BY "+lit)
		t.Cleanup(func() { mustExec(t, admin, "DROP USER IF EXISTS '"+name+"'@'%'") })
		db := testutil.New(t, dialect)
		mustExec(t, admin, "GRANT ALL ON `"+db.Name+"`.* TO '"+name+"'@'%'")
		host := su.Host
		if host == "" {
			host = "127.0.0.1:3306"
		}
		good := "mysql+pymysql://" + name + ":" + enc + "@" + host + "/" + db.Name
		wrong := userPW(pw + "Wq8z")
		return pwUser{name, db}, good, []refusal{
			{"mysql://" + name + ":" + wrong + "@" + host + "/" + db.Name, "Access denied"},
			{"mariadb://" + name + ":" + enc + "@" + host + "/" + db.Name + "x", "Access denied"},
			{"mysql://" + name + "x:" + enc + "@" + host + "/" + db.Name, "Access denied"},
		}
	}
}

func adminDB(t *testing.T, driver, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if os.Getenv("CI") == "true" {
			t.Fatalf("test server unreachable: %v", err)
		}
		t.Skipf("SKIPPING: test server unreachable: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustExec(t *testing.T, db *sql.DB, q string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// fuzzForms are the fuzz target's URL shapes: %[1]s the password, %[2]s
// the user, %[3]s what follows, %[4]s a temporary directory. Hosts are
// unreachable at once, or the SQLite file opens (and upgrade runs).
var fuzzForms = []string{
	"postgresql://%[2]s:%[1]s@127.0.0.1:1/db%[3]s",
	"postgresql+asyncpg://%[2]s:%[1]s@127.0.0.1:1%[3]s",
	"mysql+pymysql://%[2]s:%[1]s@127.0.0.1:1/db%[3]s",
	"mariadb://%[2]s:%[1]s@127.0.0.1:1%[3]s",
	"postgresql:/%[2]s:%[1]s@127.0.0.1:1/db%[3]s",
	"postgres:%[1]s@127.0.0.1:1/x%[3]s",
	"%[2]s:%[1]s@tcp(127.0.0.1:1)/db%[3]s",
	"host=127.0.0.1 port=1 user=%[2]s password=%[1]s dbname=d%[3]s",
	"postgresql://%[2]s@127.0.0.1:1/db?password=%[1]s%[3]s",
	"sqlite:///%[4]s/app.db?password=%[1]s%[3]s",
	"file:%[4]s/app.db?_auth_pass=%[1]s%[3]s",
	"oracle://%[2]s:%[1]s@127.0.0.1/db%[3]s",
}

// FuzzNoPasswordInOutput: for any URL holding a password-like token, no
// output of current, status --json, upgrade --sql or upgrade, and no row of
// the version or history table, holds the token.
func FuzzNoPasswordInOutput(f *testing.F) {
	for i := range fuzzForms {
		for _, pw := range leakPasswords {
			f.Add(uint8(i), "app", pw, "")
		}
		f.Add(uint8(i), "app", "S3cretTok", "?sslmode=bogus")
		f.Add(uint8(i), "app", "S3cretTok", "&x=%zz")
		f.Add(uint8(i), "app", "S3cretTok", "@h/db")
	}
	f.Fuzz(func(t *testing.T, form uint8, user, pw, tail string) {
		shape := fuzzForms[int(form)%len(fuzzForms)]
		if len(pw) < 6 || !utf8.ValidString(pw) || strings.TrimSpace(pw) != pw ||
			strings.ContainsAny(pw, "\x00\r\n") || strings.ContainsAny(user, ":@/?#") || strings.ContainsFunc(user, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) ||
			strings.ContainsAny(tail, "\x00\r\n") || strings.Contains(user+tail+shape, pw) {
			t.Skip()
		}
		cfg := writeProject(t, "sqlite://")
		outputs := func(pw string) string {
			dir := t.TempDir()
			raw := fmt.Sprintf(shape, pw, user, tail, sqlitePath(dir))
			var all strings.Builder
			for _, args := range leakCommands[:4] {
				got := runCtx(t, Options{}, append([]string{"-c", cfg, "--url=" + raw}, args...)...)
				all.WriteString(got.out + got.err)
			}
			if db, err := sql.Open("sqlite", filepath.Join(dir, "app.db")); err == nil {
				if rows, err := db.Query("SELECT name FROM sqlite_master WHERE name IN ('alembic_version', 'retort_history')"); err == nil {
					var tables []string
					for rows.Next() {
						var n string
						_ = rows.Scan(&n)
						tables = append(tables, n)
					}
					rows.Close()
					for _, tb := range tables {
						all.WriteString(tableText(t, db, tb))
					}
				}
				db.Close()
			}
			return all.String()
		}
		// A token the output holds anyway (a word of a message, the
		// host) is no password-like token.
		if strings.Contains(outputs(strings.Repeat("N", len(pw))), pw) {
			t.Skip()
		}
		if out := outputs(pw); strings.Contains(out, pw) {
			t.Errorf("password %q of %q shown:\n%s", pw, fmt.Sprintf(shape, pw, user, tail, "DIR"), out)
		}
	})
}

// go-sql-driver/mysql's own log lines reach the command's stderr (redacted,
// capturable), not the process's.
func TestMySQLDriverLogIsCaptured(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() { // a server that hangs up at once
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	cfg := writeProject(t, "sqlite://")
	got := runCtx(t, Options{}, "-c", cfg, "--url=mysql://app:Kx7qVb9wZt4m@"+ln.Addr().String()+"/shop", "current")
	if got.code != ExitFailure || !strings.Contains(got.err, "[mysql] ") || !strings.Contains(got.err, "mysql://app:***@") {
		t.Errorf("exit %d, stderr %q: want the driver's log line and a FAILED line", got.code, got.err)
	}
	checkNoLeak(t, "stderr", got.err, []string{"Kx7qVb9wZt4m"})
}

// Redaction hides passwords, not paths or messages that merely hold an "@"
// or a ":".
func TestRedactionKeepsWhatIsNoPassword(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "me@work:2")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	u := "sqlite:///" + filepath.ToSlash(dir) + "/app.db"
	cfg := writeProject(t, u)
	if got := runCtx(t, Options{}, "-c", cfg, "upgrade", "head"); got.code != ExitOK {
		t.Fatalf("upgrade: exit %d: %s", got.code, got.err)
	}
	got := runCtx(t, Options{}, "-c", cfg, "current", "-v")
	if want := "Current revision(s) for " + u + ":\n"; got.code != ExitOK || !strings.HasPrefix(got.out, want) {
		t.Errorf("current -v: exit %d, stdout %q, want it to start %q", got.code, got.out, want)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(empty, "retort.toml"), []byte("url = \""+u+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got = runCtx(t, Options{}, "-c", filepath.Join(empty, "retort.toml"), "upgrade", "head")
	if want := filepath.Join(empty, "versions"); got.code != ExitFailure || !strings.Contains(got.err, want) {
		t.Errorf("upgrade without versions: exit %d, stderr %q lacks %q", got.code, got.err, want)
	}
}

// A driver's error that quotes a URL is kept in the history row with the
// password masked, on every dialect.
func TestHistoryErrorIsRedacted(t *testing.T) {
	t.Parallel()
	const secret = "Kx7qVb9wZt4m"
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, dialect)
			cfg := writeProject(t, db.URL)
			if got := runCtx(t, Options{}, "-c", cfg, "upgrade", "b2"); got.code != ExitOK {
				t.Fatalf("upgrade b2: exit %d: %s", got.code, got.err)
			}
			bad := filepath.Join(filepath.Dir(cfg), "versions", "c3.sql")
			if err := os.WriteFile(bad, []byte("-- three\n--\n-- Revision ID: c3\n-- Revises: b2\n\n"+
				"-- +retort upgrade\nSELECT * FROM \"postgres://app:"+secret+"@db.example/shop\";\n-- +retort downgrade\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got := runCtx(t, Options{}, "-c", cfg, "upgrade", "head")
			if got.code != ExitFailure {
				t.Fatalf("upgrade head: exit %d, want 1: %s", got.code, got.err)
			}
			checkNoLeak(t, "stderr", got.err, []string{secret})
			var errs []string
			rows, err := db.DB.Query("SELECT error FROM retort_history WHERE revision = 'c3'")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var e sql.NullString
				if err := rows.Scan(&e); err != nil {
					t.Fatal(err)
				}
				errs = append(errs, e.String)
			}
			if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), "postgres://app:***@db.example") {
				t.Errorf("history rows of c3 hold errors %q, want the URL with its password masked", errs)
			}
			checkNoLeak(t, "history error", strings.Join(errs, "\n"), []string{secret})
			if v := tableText(t, db.DB, "alembic_version"); strings.TrimSpace(v) != "b2" {
				t.Errorf("alembic_version holds %q, want b2", v)
			}
		})
	}
}
