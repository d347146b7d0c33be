package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
)

var (
	// ErrNoURL is returned when no database URL is configured.
	ErrNoURL = errors.New("no database URL: set url in retort.toml, RETORT_DATABASE_URL, or pass --url")
	// ErrUnsupportedScheme is matched by errors for a URL of an unknown kind.
	ErrUnsupportedScheme = errors.New("unsupported database URL")
)

// acceptedSchemes is shown when a URL's scheme is not recognised.
const acceptedSchemes = "postgresql://, postgres://, pgx://, postgresql+DRIVER:// (asyncpg, psycopg2, psycopg, …), " +
	"mysql://, mysql+DRIVER:// (pymysql, mysqldb, mysqlconnector, aiomysql, …), mariadb://, mariadb+DRIVER://, " +
	"sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (in memory), sqlite+DRIVER:// (pysqlite, aiosqlite), file:path.db"

// DSN is a normalized database URL.
type DSN struct {
	Dialect    string // dialect.Postgres, dialect.MySQL or dialect.SQLite
	DriverName string // database/sql driver: dialect.NameInfo's Driver
	DataSource string // what sql.Open takes
	Database   string // database name (or file path for SQLite; ":memory:" for memory)
	Redacted   string // the URL as the user wrote it, password replaced by "***"
	// Memory is true for an in-memory SQLite database. Every connection to
	// it sees a database of its own, so a *sql.DB over it must be limited
	// to one connection (db.SetMaxOpenConns(1)).
	Memory bool
}

// String is the redacted URL, so that printing a DSN never shows a password.
func (d *DSN) String() string { return d.Redacted }

// ParseURL normalizes postgresql+asyncpg://, postgresql+psycopg2://,
// postgresql://, postgres://, mysql+pymysql://, mysql+mysqldb://, mysql://,
// mariadb://, sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory)
// with their query parameters. Errors never contain the password.
//
// User names and passwords are percent-decoded as SQLAlchemy does; a raw
// "@", ":" or "/" in a password is tolerated where the URL stays
// unambiguous. Query parameters that only Python drivers understand are
// translated (asyncpg's ssl=require becomes sslmode=require, pymysql's
// unix_socket becomes a unix(…) address) or dropped (async_fallback).
func ParseURL(raw string) (*DSN, error) {
	d, err := parseURL(raw)
	if err != nil {
		// Every message below shows the URL redacted already; this catches
		// what else could quote it (a driver's DSN error, a scheme that is
		// really userinfo, a query value).
		return nil, NewRedactor(raw).Error(err)
	}
	return d, nil
}

func parseURL(raw string) (*DSN, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil, ErrNoURL
	}
	red := redactURL(s)
	if hasPrefixFold(s, "file:") {
		return sqliteFileDSN(s, s[len("file:"):], nil, red)
	}
	i := strings.Index(s, "://")
	if i <= 0 {
		hint := ""
		if strings.HasSuffix(s, ".db") || strings.HasSuffix(s, ".sqlite") || strings.HasSuffix(s, ".sqlite3") {
			p := s
			for _, scheme := range fileSchemes() { // sqlite:app.db, a scheme without "//"
				if hasPrefixFold(p, scheme+":") {
					p = p[len(scheme)+1:]
				}
			}
			hint = fmt.Sprintf(" (for a SQLite file write sqlite:///%s)", p)
		}
		return nil, fmt.Errorf("%w %q: not a URL%s; accepted forms: %s", ErrUnsupportedScheme, red, hint, acceptedSchemes)
	}
	scheme := strings.ToLower(s[:i])
	base, driver, _ := strings.Cut(scheme, "+")
	if driver != "" && !isDriverName(driver) {
		return nil, fmt.Errorf("%w %q: bad driver name %q; accepted forms: %s", ErrUnsupportedScheme, red, driver, acceptedSchemes)
	}
	name, known := dialect.Canonical(base)
	if !known && driver == "" {
		name, known = dialect.ForDriverName(base) // pgx://, named for its Go driver
	}
	var form urlForm
	if known {
		form = urlForms()[name]
	}
	if form.file != nil {
		return form.file(s[i+3:], red)
	}
	u, ok := splitURL(s)
	if !ok {
		return nil, fmt.Errorf("database URL %q cannot be parsed: percent-encode special characters in the user name and password (@ as %%40, : as %%3A, / as %%2F, %% as %%25)", red)
	}
	if form.server != nil {
		return form.server(u, red)
	}
	return nil, fmt.Errorf("%w %q: unknown scheme %q; accepted forms: %s", ErrUnsupportedScheme, red, s[:i], acceptedSchemes)
}

// urlForm parses the URLs of one dialect: those naming a file from what
// follows "://", those naming a server's database split as SQLAlchemy does.
type urlForm struct {
	file   func(rest, red string) (*DSN, error)
	server func(u rawURL, red string) (*DSN, error)
}

// urlForms are the URL parsers by dialect name (a literal per call: no
// package state).
func urlForms() map[string]urlForm {
	return map[string]urlForm{
		dialect.Postgres: {server: postgresDSN},
		dialect.MySQL:    {server: mysqlDSNFrom},
		dialect.SQLite:   {file: sqliteURLDSN},
	}
}

// fileSchemes are the URL schemes (names and aliases) of dialects whose
// URLs name a file.
func fileSchemes() []string {
	var s []string
	for _, n := range dialect.NameInfos() {
		if n.FileDatabase {
			s = append(s, n.Name)
			s = append(s, n.Aliases...)
		}
	}
	return s
}

// driverName is the database/sql driver retort opens dialect name with.
func driverName(name string) string {
	info, _ := dialect.Info(name)
	return info.Driver
}

func isDriverName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// rawURL is a URL split the way SQLAlchemy's make_url splits it, tolerant of
// raw special characters in the password.
type rawURL struct {
	user, password string // percent-decoded
	hasUser        bool
	hasPassword    bool
	pwStart, pwEnd int    // byte span of the password in the original
	host           string // host[:port] as written; may be empty or a list
	path           string // after the host's "/", undecoded, without query
	query          []param
	queryErr       error
}

type param struct{ key, value string }

// splitURL splits scheme://[user[:password]@]host[:port][/path][?query].
// The userinfo ends at the first "@" after which the host part (up to "/"
// or "?") holds no further "@"; so a raw "@" in a password works, and so do
// raw ":" "/" and "?", as SQLAlchemy allows.
func splitURL(s string) (rawURL, bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return rawURL{}, false
	}
	var u rawURL
	off := i + 3
	rest := s[off:]
	at := -1
	for j := 0; j < len(rest); j++ {
		if rest[j] != '@' {
			continue
		}
		ui := rest[:j]
		user := ui
		if c := strings.IndexByte(ui, ':'); c >= 0 {
			user = ui[:c]
		}
		if strings.ContainsAny(user, "/?#") {
			break // not userinfo: a path or query holds this "@"
		}
		hostPart := rest[j+1:]
		if k := strings.IndexAny(hostPart, "/?"); k >= 0 {
			hostPart = hostPart[:k]
		}
		if !strings.Contains(hostPart, "@") {
			at = j
			break
		}
	}
	if at < 0 && strings.Contains(rest, "@") {
		// An "@" that is neither userinfo nor clearly elsewhere: only
		// acceptable after the host, in a path or query.
		k := strings.IndexAny(rest, "/?")
		if k < 0 || strings.IndexByte(rest, '@') < k {
			return rawURL{}, false
		}
	}
	if at >= 0 && strings.Contains(rest[:at], ":") && atOutsideQueryValues(rest[at+1:]) {
		// user:pw@x/y@h/db: the password may be "pw" (database "y@h/db")
		// or "pw@x/y" (host h). Guessing wrong would send part of the
		// password to the server as a host or database name, which error
		// messages then show. An "@" in a query value (application_name=
		// me@host) is no such doubt.
		return rawURL{}, false
	}
	if at >= 0 {
		ui := rest[:at]
		u.hasUser = true
		name, pw, hasPW := strings.Cut(ui, ":")
		u.user = unquote(name)
		if hasPW {
			u.hasPassword = true
			u.password = unquote(pw)
			u.pwStart = off + len(name) + 1
			u.pwEnd = off + at
		}
		rest = rest[at+1:]
	}
	k := strings.IndexAny(rest, "/?")
	if k < 0 {
		u.host = rest
		return u, validHost(u.host)
	}
	u.host = rest[:k]
	rest = rest[k:]
	rawQuery := rest[1:]
	if rest[0] == '/' {
		u.path, rawQuery, _ = strings.Cut(rest[1:], "?")
	}
	u.query, u.queryErr = parseQuery(rawQuery)
	return u, validHost(u.host)
}

// atOutsideQueryValues reports whether s (what follows the userinfo)
// holds an "@" in its host, path or a query parameter's name.
func atOutsideQueryValues(s string) bool {
	head, query, _ := strings.Cut(s, "?")
	if strings.Contains(head, "@") {
		return true
	}
	for _, kv := range strings.Split(query, "&") {
		if k, _, _ := strings.Cut(kv, "="); strings.Contains(k, "@") {
			return true
		}
	}
	return false
}

func validHost(h string) bool {
	return !strings.ContainsAny(h, " \t\r\n@/?#\"'")
}

// parseQuery splits a query keeping the order of its parameters.
func parseQuery(q string) ([]param, error) {
	var ps []param
	for _, kv := range strings.Split(q, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("query parameter %q: bad percent-encoding", k)
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			return nil, fmt.Errorf("query parameter %s: bad percent-encoding in its value", dk)
		}
		ps = append(ps, param{dk, dv})
	}
	return ps, nil
}

func encodeQuery(ps []param) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(p.key))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(p.value))
	}
	return b.String()
}

// unquote decodes %XX escapes, leaving a "%" that starts no valid escape as
// it is (Python's urllib.parse.unquote does the same).
func unquote(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func takeParam(ps []param, key string) (string, bool, []param) {
	found, val := false, ""
	out := ps[:0:0]
	for _, p := range ps {
		if strings.EqualFold(p.key, key) {
			found, val = true, p.value
			continue
		}
		out = append(out, p)
	}
	return val, found, out
}

func hasParam(ps []param, key string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.key, key) {
			return true
		}
	}
	return false
}

// PostgreSQL.

// postgresDropped are SQLAlchemy/asyncpg options with no meaning to pgx.
var postgresDropped = []string{"async_fallback", "prepared_statement_cache_size", "prepared_statement_name_func", "client_encoding"}

var sslModes = map[string]string{
	"disable": "disable", "false": "disable", "allow": "allow", "prefer": "prefer",
	"require": "require", "true": "require", "verify-ca": "verify-ca", "verify-full": "verify-full",
}

// postgresDSN normalizes a PostgreSQL URL for pgx. Unless the URL says
// otherwise it sets default_query_exec_mode=exec: pgx's default caches a
// named prepared statement per query on the connection, which breaks
// behind a transaction-mode pooler such as PgBouncer (the next transaction
// may run on another server connection, where the statement is missing
// or, prepared by another client, already exists: SQLSTATE 26000 or
// 42P05). exec sends each query with the unnamed statement in one round
// trip, as the cache does for a query it has seen; a migration runs most
// queries once, so the cache saved nothing (bench/run measures both).
// simple_protocol would work too but refuses standard_conforming_strings
// off.
func postgresDSN(u rawURL, red string) (*DSN, error) {
	if u.queryErr != nil {
		return nil, fmt.Errorf("database URL %q: %v", red, u.queryErr)
	}
	ps := u.query
	for _, k := range postgresDropped {
		_, _, ps = takeParam(ps, k)
	}
	if v, ok, rest := takeParam(ps, "ssl"); ok {
		ps = rest
		mode, known := sslModes[strings.ToLower(v)]
		if !known {
			return nil, fmt.Errorf("database URL %q: ssl=%s is not understood; use sslmode=disable|allow|prefer|require|verify-ca|verify-full", red, v)
		}
		if !hasParam(ps, "sslmode") {
			ps = append(ps, param{"sslmode", mode})
		}
	}
	for _, p := range ps {
		if strings.EqualFold(p.key, "sslmode") {
			if _, known := sslModes[p.value]; !known || p.value == "true" || p.value == "false" {
				return nil, fmt.Errorf("database URL %q: sslmode=%s is not valid; use disable, allow, prefer, require, verify-ca or verify-full", red, p.value)
			}
		}
	}
	if !hasParam(ps, "default_query_exec_mode") {
		ps = append(ps, param{"default_query_exec_mode", "exec"})
	}
	var b strings.Builder
	b.WriteString("postgres://")
	if u.hasUser {
		if u.hasPassword {
			b.WriteString(url.UserPassword(u.user, u.password).String())
		} else {
			b.WriteString(url.User(u.user).String())
		}
		b.WriteByte('@')
	}
	b.WriteString(u.host)
	db := unquote(u.path)
	b.WriteByte('/')
	b.WriteString(url.PathEscape(db))
	if len(ps) > 0 {
		b.WriteByte('?')
		b.WriteString(encodeQuery(ps))
	}
	return &DSN{Dialect: dialect.Postgres, DriverName: driverName(dialect.Postgres), DataSource: b.String(), Database: db, Redacted: red}, nil
}

// MySQL and MariaDB.

// mysqlDropped are Python-driver options with no go-sql-driver counterpart
// whose absence changes nothing for migrations. autocommit is dropped because
// go-sql-driver would send it as SET autocommit=…, breaking transactions.
var mysqlDropped = []string{"async_fallback", "use_unicode", "binary_prefix", "client_flag", "program_name", "defer_connect", "autocommit"}

// mysqlUnsupported need files or objects that a DSN cannot carry.
var mysqlUnsupported = []string{"ssl_ca", "ssl_cert", "ssl_key", "ssl_capath", "ssl_cipher", "ssl_check_hostname", "ssl_verify_cert", "ssl_verify_identity"}

var mysqlSSLModes = map[string]string{
	"disabled": "false", "preferred": "preferred", "required": "skip-verify",
	"verify_ca": "true", "verify_identity": "true", "true": "true", "false": "false",
}

func mysqlDSNFrom(u rawURL, red string) (*DSN, error) {
	if u.queryErr != nil {
		return nil, fmt.Errorf("database URL %q: %v", red, u.queryErr)
	}
	if strings.Contains(u.user, ":") {
		return nil, fmt.Errorf("database URL %q: a MySQL user name cannot contain \":\"", red)
	}
	ps := u.query
	for _, k := range mysqlDropped {
		_, _, ps = takeParam(ps, k)
	}
	for _, k := range mysqlUnsupported {
		if hasParam(ps, k) {
			return nil, fmt.Errorf("database URL %q: parameter %s is not supported; use tls=true (system CAs), tls=skip-verify or tls=preferred, or configure TLS in a Go main", red, k)
		}
	}
	netw, addr := "tcp", u.host
	if sock, ok, rest := takeParam(ps, "unix_socket"); ok {
		ps = rest
		netw, addr = "unix", sock
	} else {
		if strings.Contains(addr, ",") {
			return nil, fmt.Errorf("database URL %q: MySQL takes one host, not a list", red)
		}
		host, port := addr, "3306"
		if h, p, err := net.SplitHostPort(addr); err == nil {
			host, port = h, p
		} else {
			host = strings.TrimSuffix(strings.TrimPrefix(addr, "["), "]")
		}
		if host == "" {
			host = "127.0.0.1"
		}
		if port == "" {
			port = "3306"
		}
		if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return nil, fmt.Errorf("database URL %q: port %q is not a valid port number", red, port)
		}
		addr = net.JoinHostPort(host, port)
	}
	renames := []struct{ from, to string }{{"connect_timeout", "timeout"}, {"read_timeout", "readTimeout"}, {"write_timeout", "writeTimeout"}}
	for _, r := range renames {
		if v, ok, rest := takeParam(ps, r.from); ok {
			ps = rest
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				v += "s" // Python drivers count seconds; Go wants a duration
			}
			ps = append(ps, param{r.to, v})
		}
	}
	for _, k := range []string{"ssl_mode", "ssl-mode", "ssl"} {
		if v, ok, rest := takeParam(ps, k); ok {
			ps = rest
			tls, known := mysqlSSLModes[strings.ToLower(v)]
			if !known {
				return nil, fmt.Errorf("database URL %q: %s=%s is not understood; use ssl_mode=DISABLED|PREFERRED|REQUIRED|VERIFY_CA|VERIFY_IDENTITY or tls=…", red, k, v)
			}
			if !hasParam(ps, "tls") {
				ps = append(ps, param{"tls", tls})
			}
		}
	}
	if !hasParam(ps, "parseTime") {
		ps = append(ps, param{"parseTime", "true"})
	}
	if !hasParam(ps, "multiStatements") {
		ps = append(ps, param{"multiStatements", "true"})
	}
	// retort binds every value it writes; interpolated by the driver (which
	// escapes for the session's sql_mode), they can share a round trip.
	if !hasParam(ps, "interpolateParams") {
		ps = append(ps, param{"interpolateParams", "true"})
	}
	db := unquote(u.path)
	if strings.Contains(db, "/") {
		return nil, fmt.Errorf("database URL %q: database name %q contains \"/\"", red, db)
	}
	var b strings.Builder
	if u.hasUser {
		b.WriteString(u.user)
		if u.password != "" {
			b.WriteByte(':')
			b.WriteString(u.password)
		}
		b.WriteByte('@')
	}
	fmt.Fprintf(&b, "%s(%s)/%s?%s", netw, addr, url.PathEscape(db), encodeQuery(ps))
	dsn := b.String()
	if _, err := mysql.ParseDSN(dsn); err != nil {
		return nil, fmt.Errorf("database URL %q: %s", red, NewRedactor(dsn).Redact(err.Error()))
	}
	return &DSN{Dialect: dialect.MySQL, DriverName: driverName(dialect.MySQL), DataSource: dsn, Database: db, Redacted: red}, nil
}

// SQLite.

// sqliteDropped are Python sqlite3.connect arguments.
var sqliteDropped = []string{"check_same_thread", "uri", "isolation_level", "detect_types", "cached_statements", "factory", "async_fallback"}

// sqliteURLDSN handles what follows "sqlite://" or "sqlite+driver://".
func sqliteURLDSN(rest, red string) (*DSN, error) {
	if rest == "" {
		return sqliteDSN(":memory:", "", nil, red)
	}
	if rest[0] != '/' {
		return nil, fmt.Errorf("database URL %q: a SQLite URL has no host; write sqlite:///relative/path.db (three slashes) or sqlite:////absolute/path.db (four)", red)
	}
	path, rawQuery, _ := strings.Cut(rest[1:], "?")
	ps, err := parseQuery(rawQuery)
	if err != nil {
		return nil, fmt.Errorf("database URL %q: %v", red, err)
	}
	if hasPrefixFold(path, "file:") { // SQLAlchemy's uri=true form
		return sqliteFileDSN(path, path[len("file:"):], ps, red)
	}
	if path == "" {
		path = ":memory:"
	}
	return sqliteDSN(path, escapeSQLitePath(path), ps, red)
}

// sqliteFileDSN handles a SQLite URI filename: "file:" + body.
func sqliteFileDSN(orig, body string, extra []param, red string) (*DSN, error) {
	path, rawQuery, _ := strings.Cut(body, "?")
	ps, err := parseQuery(rawQuery)
	if err != nil {
		return nil, fmt.Errorf("database URL %q: %v", red, err)
	}
	ps = append(ps, extra...)
	if strings.HasPrefix(path, "//") { // file://[localhost]/path
		auth, p, _ := strings.Cut(path[2:], "/")
		if auth != "" && !strings.EqualFold(auth, "localhost") {
			return nil, fmt.Errorf("database URL %q: a SQLite file URI cannot name a host (%q)", red, auth)
		}
		path = "/" + p
	}
	if path == "" {
		return nil, fmt.Errorf("database URL %q: no file name after \"file:\"", red)
	}
	return sqliteDSN(unquote(path), path, ps, red)
}

// sqliteDSN builds modernc.org/sqlite's data source: a URI filename with a
// busy timeout and foreign keys on, unless the URL says otherwise.
func sqliteDSN(path, escaped string, ps []param, red string) (*DSN, error) {
	for _, k := range sqliteDropped {
		_, _, ps = takeParam(ps, k)
	}
	busy := "10000"
	if v, ok, rest := takeParam(ps, "timeout"); ok { // Python: seconds to wait for a lock
		ps = rest
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 {
			return nil, fmt.Errorf("database URL %q: timeout=%s is not a number of seconds", red, v)
		}
		busy = strconv.FormatInt(int64(f*1000), 10)
	}
	var own []param
	if !hasPragma(ps, "busy_timeout") {
		own = append(own, param{"_pragma", "busy_timeout(" + busy + ")"})
	}
	if !hasPragma(ps, "foreign_keys") {
		own = append(own, param{"_pragma", "foreign_keys(1)"})
	}
	ps = append(own, ps...)
	memory := path == ":memory:" || hasParamValue(ps, "mode", "memory")
	if path == ":memory:" {
		escaped = ":memory:"
	}
	ds := "file:" + escaped
	if len(ps) > 0 {
		ds += "?" + encodeSQLiteQuery(ps)
	}
	return &DSN{Dialect: dialect.SQLite, DriverName: driverName(dialect.SQLite), DataSource: ds, Database: path, Redacted: red, Memory: memory}, nil
}

func hasPragma(ps []param, name string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.key, "_pragma") && hasPrefixFold(strings.TrimSpace(p.value), name) {
			return true
		}
	}
	return false
}

func hasParamValue(ps []param, key, value string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.key, key) && strings.EqualFold(p.value, value) {
			return true
		}
	}
	return false
}

// encodeSQLiteQuery keeps "(" and ")" readable in _pragma values (SQLite's
// URI parser and the driver's both accept them unescaped) and writes a space
// as %20, since SQLite does not read "+" as a space.
func encodeSQLiteQuery(ps []param) string {
	q := encodeQuery(ps)
	return strings.NewReplacer("%28", "(", "%29", ")", "+", "%20").Replace(q)
}

// escapeSQLitePath escapes what a SQLite URI filename would read as syntax.
func escapeSQLitePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
}
