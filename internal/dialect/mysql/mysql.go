// Package mysql is retort's MySQL/MariaDB dialect: quoting, non-transactional
// DDL, the GET_LOCK migration lock, DELIMITER handling for offline scripts,
// and (in inspect*/render*/types* files) schema introspection and rendering.
//
// It imports internal/dialect (the interfaces it implements, the shared lock
// loop) and schema (the IR it inspects into and renders from). It must not
// import another dialect, diff, models, migrate, versiontable or anything
// above them.
package mysql

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// Dialect is MySQL and MariaDB.
type Dialect struct{}

// New returns the MySQL/MariaDB dialect.
func New() *Dialect { return &Dialect{} }

var (
	_ dialect.Dialect         = (*Dialect)(nil)
	_ dialect.ScriptFormatter = (*Dialect)(nil)
)

// Name implements dialect.Dialect.
func (*Dialect) Name() string { return dialect.MySQL }

// QuoteIdent implements dialect.Dialect.
func (*Dialect) QuoteIdent(name string) string {
	return dialect.QuoteIdentIfNeeded(name, '`', reserved)
}

// QuoteString implements dialect.Dialect. Backslashes are escaped too, as the
// default sql_mode treats them as escape characters.
func (*Dialect) QuoteString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", "''", "\x00", `\0`).Replace(s) + "'"
}

// Placeholder implements dialect.Dialect.
func (*Dialect) Placeholder(int) string { return "?" }

// TransactionalDDL implements dialect.Dialect: MySQL and MariaDB commit DDL
// implicitly.
func (*Dialect) TransactionalDDL() bool { return false }

// Begin implements dialect.Dialect.
func (*Dialect) Begin() string { return "BEGIN" }

// ClientStatement implements dialect.ScriptFormatter: a statement that holds
// ';' (a procedure or trigger body) is wrapped in DELIMITER lines so the
// mariadb/mysql client sends it whole.
func (*Dialect) ClientStatement(stmt string) string {
	if !strings.Contains(stmt, ";") {
		return dialect.Terminate(stmt, ";", true)
	}
	delim := "$$"
	for _, d := range []string{"$$", "//", ";;", "$$$"} {
		if !strings.Contains(stmt, d) {
			delim = d
			break
		}
	}
	return "DELIMITER " + delim + "\n" + dialect.Terminate(stmt, " "+delim, true) + "\nDELIMITER ;"
}

// LockName is the GET_LOCK name for table in database db. Locks are
// server-wide, so the database is part of the name; MySQL caps names at 64
// characters, and a name that would be longer or ambiguous (a '.' inside
// db) is hashed.
func LockName(db, table string) string {
	name := "retort." + db + "." + table
	if len(name) > 64 || strings.Contains(db, ".") {
		sum := sha256.Sum256([]byte(strconv.Itoa(len(db)) + ":" + db + table))
		name = "retort." + hex.EncodeToString(sum[:])[:40]
	}
	return name
}

// LockKey returns the GET_LOCK name for the version table t as the server
// resolves it: the configured schema or else DATABASE(), and the table
// name, both lower-cased when lower_case_table_names makes the server
// compare them without case.
func (*Dialect) LockKey(ctx context.Context, conn *sql.Conn, t dialect.Table) (string, error) {
	db, name, err := lockTable(ctx, conn, t)
	if err != nil {
		return "", err
	}
	return LockName(db, name), nil
}

// lockTable is the version table t's database and name as the server
// compares them.
func lockTable(ctx context.Context, conn *sql.Conn, t dialect.Table) (db, name string, err error) {
	var d sql.NullString
	var lower int
	if err := conn.QueryRowContext(ctx, "SELECT COALESCE(NULLIF(?, ''), DATABASE()), @@lower_case_table_names",
		t.Schema).Scan(&d, &lower); err != nil {
		return "", "", err
	}
	if !d.Valid {
		return "", "", fmt.Errorf("no database selected: name one in the URL or set version_table_schema")
	}
	db, name = d.String, t.Name
	if lower != 0 {
		db, name = strings.ToLower(db), strings.ToLower(name)
	}
	return db, name, nil
}

// Lock implements dialect.Dialect. On a Galera cluster, where GET_LOCK is
// node-local, the lock is a lease row (galera.go); elsewhere it is
// GET_LOCK, released by RELEASE_LOCK or when the session ends.
func (d *Dialect) Lock(ctx context.Context, conn *sql.Conn, t dialect.Table, o dialect.LockOptions) (dialect.Unlock, error) {
	db, table, err := lockTable(ctx, conn, t)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	name := LockName(db, table)
	cluster, err := galera(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("take the migration lock: %w", err)
	}
	if cluster {
		return d.leaseLock(ctx, conn, db, name, o)
	}
	return d.getLock(ctx, conn, name, o)
}

// getLock takes the GET_LOCK lock name on conn.
func (d *Dialect) getLock(ctx context.Context, conn *sql.Conn, name string, o dialect.LockOptions) (dialect.Unlock, error) {
	try := func(ctx context.Context) (bool, error) {
		var got sql.NullInt64
		if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 0)", name).Scan(&got); err != nil {
			return false, err
		}
		if !got.Valid {
			return false, fmt.Errorf("GET_LOCK(%q) returned NULL", name)
		}
		return got.Int64 == 1, nil
	}
	holder := func(ctx context.Context) string {
		var id sql.NullInt64
		if err := conn.QueryRowContext(ctx, "SELECT IS_USED_LOCK(?)", name).Scan(&id); err != nil || !id.Valid {
			return "another session"
		}
		var user, host string
		err := conn.QueryRowContext(ctx,
			"SELECT COALESCE(USER, ''), COALESCE(HOST, '') FROM information_schema.PROCESSLIST WHERE ID = ?", id.Int64).Scan(&user, &host)
		if err != nil {
			return fmt.Sprintf("connection %d", id.Int64)
		}
		return fmt.Sprintf("connection %d (%s@%s)", id.Int64, user, host)
	}
	if err := dialect.Poll(ctx, name, o, try, holder); err != nil {
		return nil, err
	}
	return func(ctx context.Context) error {
		var r sql.NullInt64
		if err := conn.QueryRowContext(ctx, "SELECT RELEASE_LOCK(?)", name).Scan(&r); err != nil {
			return fmt.Errorf("release the migration lock (RELEASE_LOCK): %w; the server releases it when the run's connection closes, which it does now", err)
		}
		return nil
	}, nil
}

// reserved holds the MySQL/MariaDB reserved words most likely to be used as
// names; anything else unusual is quoted by shape.
var reserved = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`accessible add all alter analyze and as asc asensitive before between bigint binary blob
both by call cascade case change char character check collate column condition constraint continue convert create
cross current_date current_time current_timestamp current_user cursor database databases day_hour day_microsecond
day_minute day_second dec decimal declare default delayed delete desc describe deterministic distinct distinctrow div
double drop dual each else elseif enclosed escaped except exists exit explain false fetch float float4 float8 for force
foreign from fulltext general generated get grant group having high_priority hour_microsecond hour_minute hour_second
if ignore in index infile inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into
is iterate join key keys kill leading leave left like limit linear lines load localtime localtimestamp lock long
longblob longtext loop low_priority match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond
minute_second mod modifies natural not no_write_to_binlog null numeric of on optimize option optionally or order out
outer outfile over partition precision primary procedure purge range read reads real recursive references regexp
release rename repeat replace require resignal restrict return revoke right rlike row rows schema schemas
second_microsecond select sensitive separator set show signal smallint spatial specific sql sqlexception sqlstate
sqlwarning sql_big_result sql_calc_found_rows sql_small_result ssl starting stored straight_join table terminated then
tinyblob tinyint tinytext to trailing trigger true undo union unique unlock unsigned update usage use using utc_date
utc_time utc_timestamp values varbinary varchar varcharacter varying virtual when where while window with write xor
year_month zerofill`) {
		m[w] = true
	}
	return m
}()
