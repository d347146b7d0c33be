package mysql

import (
	"context"
	"database/sql"
	"net/url"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// What MySQL/MariaDB provides beyond dialect.Dialect; see docs/design.md.
var (
	_ dialect.Required           = (*Dialect)(nil)
	_ dialect.ScratchServer      = (*Dialect)(nil)
	_ dialect.ScratchBatcher     = (*Dialect)(nil)
	_ dialect.HiddenTableCatalog = (*Dialect)(nil)
	_ dialect.GrantSchemaNamer   = (*Dialect)(nil)
	_ dialect.StatementBatcher   = (*Dialect)(nil)
	_ dialect.DMLTransactor      = (*Dialect)(nil) // dml.go
	_ dialect.ClusterChecker     = (*Dialect)(nil) // galera.go
	_ dialect.LockTableNamer     = (*Dialect)(nil) // galera.go
	_ dialect.TableIndexNamer    = (*Dialect)(nil)
)

// IndexNamesPerTable: an index name is unique within its table only, and
// one the server chooses (a foreign key's column, "name_2") comes from the
// table alone. Foreign key and (on MySQL) check constraint names are
// database-wide.
func (*Dialect) IndexNamesPerTable() bool { return true }

// TableCountQuery reads information_schema, which hides tables the user
// has no privilege on (hence HiddenTableCatalog).
func (*Dialect) TableCountQuery(schema, name string) (string, []any) {
	return `SELECT COUNT(*) FROM information_schema.TABLES
WHERE TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE()) AND TABLE_NAME = ?`, []any{schema, name}
}

// ColumnsQuery reads information_schema.COLUMNS.
func (*Dialect) ColumnsQuery(schema, name string) (string, []any) {
	return `SELECT COLUMN_NAME FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE()) AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`, []any{schema, name}
}

// HistoryColumnTypes: AUTO_INCREMENT and microsecond DATETIMEs.
func (*Dialect) HistoryColumnTypes() (id, timestamp, text, boolean string) {
	return "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY", "DATETIME(6)", "TEXT", "BOOLEAN"
}

// HistoryTime is the DATETIME(6) text, so no driver option changes it.
func (*Dialect) HistoryTime(t time.Time) any { return t.Format("2006-01-02 15:04:05.000000") }

// TrueLiteral is 1: BOOLEAN is TINYINT(1).
func (*Dialect) TrueLiteral() string { return "1" }

// InsertReturnsID is false: the driver reports LastInsertId.
func (*Dialect) InsertReturnsID() bool { return false }

// LiteralNote names NO_BACKSLASH_ESCAPES, under which a backslash in a
// literal is an ordinary character.
func (*Dialect) LiteralNote() string {
	return "-- string literals assume sql_mode without NO_BACKSLASH_ESCAPES (the default)"
}

// IsNoSuchTable is the package function IsNoSuchTable.
func (*Dialect) IsNoSuchTable(err error) bool { return IsNoSuchTable(err) }

// GrantSchema names the connection's current database: a grant without a
// database applies to the administrator's current one.
func (*Dialect) GrantSchema(ctx context.Context, q dialect.RowQuerier) string {
	var db sql.NullString
	if q.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&db) == nil && db.Valid {
		return db.String
	}
	return ""
}

// BatchesStatements is true: the runner probes for multiStatements and
// MariaDB's compound statements.
func (*Dialect) BatchesStatements() bool { return true }

// Inspect reads the database's schema (see the package function Inspect).
func (*Dialect) Inspect(ctx context.Context, q schema.Querier, o schema.InspectOptions) (*schema.Schema, error) {
	return Inspect(ctx, q, o)
}

// ServerVersionQuery is version(), which says MariaDB when it is.
func (*Dialect) ServerVersionQuery() string { return "SELECT version()" }

// ScratchSQL creates the scratch database in utf8mb4 whatever the server's
// default, so models compare as they would in a database made for them.
func (*Dialect) ScratchSQL(name string) (create, drop string) {
	return "CREATE DATABASE " + name + " CHARACTER SET utf8mb4", "DROP DATABASE IF EXISTS " + name
}

// ScratchDataSource points a go-sql-driver/mysql DSN at database name, one
// statement per call.
func (*Dialect) ScratchDataSource(ds, name string) (string, error) {
	cfg, err := gomysql.ParseDSN(ds)
	if err != nil {
		return "", err
	}
	cfg.DBName = name
	cfg.MultiStatements = false
	return cfg.FormatDSN(), nil
}

// BatchDataSource is the scratch DSN ds with multiStatements on: the
// server runs a batch of model statements sent in one call.
func (*Dialect) BatchDataSource(ds string) (string, error) {
	cfg, err := gomysql.ParseDSN(ds)
	if err != nil {
		return "", err
	}
	cfg.MultiStatements = true
	return cfg.FormatDSN(), nil
}

// ServerAddress names the DSN's network address and user:
// "mysql://app@db1:3306" over TCP, "mysql://app@unix(/run/mysqld/mysqld.sock)"
// over a socket.
func (*Dialect) ServerAddress(ds string) (string, error) {
	cfg, err := gomysql.ParseDSN(ds)
	if err != nil {
		return "", err
	}
	addr := cfg.Addr
	if cfg.Net != "tcp" {
		addr = cfg.Net + "(" + cfg.Addr + ")"
	}
	return "mysql://" + url.User(cfg.User).String() + "@" + addr, nil
}

// Render implements dialect.Renderer with this package's Render.
func (*Dialect) Render(changes []schema.Change) (*schema.Rendered, error) { return Render(changes) }

var _ dialect.SampleTyper = (*Dialect)(nil)

// SampleType reads information_schema's column types; ENUM and SET take
// their values from schema.Type.Values, BIT, YEAR and spatial types are
// left unknown.
func (*Dialect) SampleType(t schema.Type) dialect.ValueType {
	switch t.Name {
	case "tinyint":
		if t.Length == 1 {
			return dialect.ValueType{Kind: dialect.KindBool}
		}
		return dialect.ValueType{Kind: dialect.KindInt, Bits: 8}
	case "bool", "boolean":
		return dialect.ValueType{Kind: dialect.KindBool}
	case "smallint":
		return dialect.ValueType{Kind: dialect.KindInt, Bits: 16}
	case "mediumint":
		return dialect.ValueType{Kind: dialect.KindInt, Bits: 24}
	case "int", "integer":
		return dialect.ValueType{Kind: dialect.KindInt, Bits: 32}
	case "bigint":
		return dialect.ValueType{Kind: dialect.KindInt, Bits: 64}
	case "float", "double", "real", "double precision":
		return dialect.ValueType{Kind: dialect.KindFloat}
	case "decimal", "numeric", "dec", "fixed":
		return dialect.ValueType{Kind: dialect.KindDecimal}
	case "char", "varchar", "tinytext", "text", "mediumtext", "longtext":
		return dialect.ValueType{Kind: dialect.KindText}
	case "date":
		return dialect.ValueType{Kind: dialect.KindDate}
	case "time":
		return dialect.ValueType{Kind: dialect.KindTime}
	case "datetime", "timestamp":
		return dialect.ValueType{Kind: dialect.KindTimestamp}
	case "json":
		return dialect.ValueType{Kind: dialect.KindJSON}
	case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob":
		return dialect.ValueType{Kind: dialect.KindBytes}
	case "year":
		return dialect.ValueType{Kind: dialect.KindLiteral, Literal: "2020"}
	}
	return dialect.ValueType{}
}

// SQLAlchemyDialect names SQLAlchemy's dialect for this database: the Alembic
// importer writes the DDL its compiler would, and runs Alembic offline
// under it.
func (*Dialect) SQLAlchemyDialect() string { return "mysql" }
