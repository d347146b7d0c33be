package sqlite

import (
	"context"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// What SQLite provides beyond dialect.Dialect; see docs/design.md.
var (
	_ dialect.Required       = (*Dialect)(nil)
	_ dialect.ScratchMemory  = (*Dialect)(nil)
	_ dialect.ScratchBatcher = (*Dialect)(nil)
)

// TableCountQuery reads the schema's sqlite_master.
func (d *Dialect) TableCountQuery(schema, name string) (string, []any) {
	master := "sqlite_master"
	if schema != "" {
		master = d.QuoteIdent(schema) + ".sqlite_master"
	}
	return "SELECT count(*) FROM " + master + " WHERE type = 'table' AND name = ?", []any{name}
}

// ColumnsQuery reads pragma_table_info.
func (*Dialect) ColumnsQuery(schema, name string) (string, []any) {
	if schema != "" {
		return "SELECT name FROM pragma_table_info(?, ?)", []any{name, schema}
	}
	return "SELECT name FROM pragma_table_info(?)", []any{name}
}

// HistoryColumnTypes: INTEGER PRIMARY KEY is the rowid; times are text.
func (*Dialect) HistoryColumnTypes() (id, timestamp, text, boolean string) {
	return "INTEGER PRIMARY KEY", "TEXT", "TEXT", "BOOLEAN"
}

// HistoryTime is text that sorts as time does.
func (*Dialect) HistoryTime(t time.Time) any { return t.Format("2006-01-02 15:04:05.000000") }

// TrueLiteral is 1.
func (*Dialect) TrueLiteral() string { return "1" }

// InsertReturnsID is false: the driver reports LastInsertId.
func (*Dialect) InsertReturnsID() bool { return false }

// LiteralNote is "": a SQLite literal means one thing always.
func (*Dialect) LiteralNote() string { return "" }

// Inspect reads the database's schema (see the package function Inspect).
func (*Dialect) Inspect(ctx context.Context, q schema.Querier, o schema.InspectOptions) (*schema.Schema, error) {
	return Inspect(ctx, q, o)
}

// ServerVersionQuery is sqlite_version(): SQLite has no version().
func (*Dialect) ServerVersionQuery() string { return "SELECT sqlite_version()" }

// ScratchMemory is a named in-memory database of the process, of 1 KiB
// pages: every table and index takes a page of its own at least, and the
// pages of an in-memory database are allocated one by one and freed when
// it closes, so the default 4 KiB pages made a third of the CPU time of
// loading models of many tables.
func (*Dialect) ScratchMemory(name string) (driver, dataSource string) {
	info, _ := dialect.Info(dialect.SQLite)
	return info.Driver, "file:" + name + "?mode=memory&_pragma=foreign_keys(1)&_pragma=page_size(1024)"
}

// BatchDataSource returns ds: the driver's Exec runs every statement of its
// text in turn.
func (*Dialect) BatchDataSource(ds string) (string, error) { return ds, nil }

// Render implements dialect.Renderer with this package's Render.
func (*Dialect) Render(changes []schema.Change) (*schema.Rendered, error) { return Render(changes) }

var _ dialect.SampleTyper = (*Dialect)(nil)

// SampleType follows SQLite's type affinity rules
// (https://sqlite.org/datatype3.html#determination_of_column_affinity),
// refined by the names applications use for dates, booleans, UUIDs and
// JSON, which SQLite stores as text or numbers.
func (*Dialect) SampleType(t schema.Type) dialect.ValueType {
	n := strings.ToLower(t.Name)
	switch {
	case n == "boolean" || n == "bool":
		return dialect.ValueType{Kind: dialect.KindBool}
	case n == "date":
		return dialect.ValueType{Kind: dialect.KindDate}
	case n == "datetime" || strings.HasPrefix(n, "timestamp"):
		return dialect.ValueType{Kind: dialect.KindTimestamp}
	case n == "time":
		return dialect.ValueType{Kind: dialect.KindTime}
	case n == "uuid":
		return dialect.ValueType{Kind: dialect.KindUUID}
	case n == "json" || n == "jsonb":
		return dialect.ValueType{Kind: dialect.KindJSON}
	case strings.Contains(n, "int"):
		bits := 64
		switch {
		case strings.HasPrefix(n, "tinyint"):
			bits = 8
		case strings.HasPrefix(n, "smallint"):
			bits = 16
		}
		return dialect.ValueType{Kind: dialect.KindInt, Bits: bits}
	case strings.Contains(n, "char") || strings.Contains(n, "clob") || strings.Contains(n, "text"):
		return dialect.ValueType{Kind: dialect.KindText}
	case n == "" || strings.Contains(n, "blob"):
		return dialect.ValueType{Kind: dialect.KindBytes}
	case strings.Contains(n, "real") || strings.Contains(n, "floa") || strings.Contains(n, "doub"):
		return dialect.ValueType{Kind: dialect.KindFloat}
	case strings.Contains(n, "numeric") || strings.Contains(n, "decimal"):
		return dialect.ValueType{Kind: dialect.KindDecimal}
	}
	return dialect.ValueType{}
}

// TableDefinition is the normalized definition (Table.Def, Index.Def) of a
// CREATE statement, for callers that write a table's text themselves: the
// Alembic importer keeps SQLAlchemy's layout of each table it translates.
func (*Dialect) TableDefinition(sql string) string { return definition(sql) }

// SQLAlchemyDialect names SQLAlchemy's dialect for this database: the Alembic
// importer writes the DDL its compiler would, and runs Alembic offline
// under it.
func (*Dialect) SQLAlchemyDialect() string { return "sqlite" }
