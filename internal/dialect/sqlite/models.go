package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// This file is what Go struct models (internal/models/gostruct) need to be
// built as SQLite schema IR: retort's and GORM's type mappings and which
// model options SQLite keeps. See internal/dialect/models.go.

// GoColumnType is the type retort maps a Go model field to (docs/models.md).
func (*Dialect) GoColumnType(f dialect.GoField) (string, error) {
	switch f.Kind {
	case "string":
		if f.Size > 0 {
			return fmt.Sprintf("VARCHAR(%d)", f.Size), nil
		}
		return "TEXT", nil
	case "bool":
		return "BOOLEAN", nil
	case "int", "uint":
		return "INTEGER", nil
	case "float":
		if f.Precision > 0 {
			return goDecimal(f), nil
		}
		return "REAL", nil
	case "time", "timestamp":
		return "DATETIME", nil
	case "date":
		return "DATE", nil
	case "timeofday":
		return "TIME", nil
	case "interval":
		return "", fmt.Errorf("interval columns exist only on PostgreSQL: give a type for %s (retort:\"type:interval,%s=…\")", dialect.SQLite, dialect.SQLite)
	case "bytes":
		return "BLOB", nil
	case "uuid":
		return "UUID", nil
	case "json":
		return "TEXT", nil
	case "decimal":
		return goDecimal(f), nil
	case "array":
		return "", fmt.Errorf("array columns exist only on PostgreSQL: give a type for %s (retort:\"type:…,%s=json\")", dialect.SQLite, dialect.SQLite)
	}
	return "", fmt.Errorf("no SQL type for %s on %s: give one with retort:\"type:…\"", f.GoType, dialect.SQLite)
}

func goDecimal(f dialect.GoField) string {
	if f.Precision > 0 {
		return fmt.Sprintf("NUMERIC(%d,%d)", f.Precision, f.Scale)
	}
	return "NUMERIC"
}

// GORMColumn is the column GORM's sqlite dialector writes for f: an
// auto-increment integer is "integer PRIMARY KEY AUTOINCREMENT", the
// table's primary key whatever the model's other keys.
func (*Dialect) GORMColumn(f dialect.GORMField) dialect.GORMColumn {
	if f.DBDataType == dialect.GORMDataTypesJSON && f.Type == "" {
		return dialect.GORMColumn{Type: "JSON"}
	}
	if (f.DataType == "int" || f.DataType == "uint") && f.AutoIncrement {
		return dialect.GORMColumn{Type: "integer", AutoIncrement: true, PrimaryKey: true}
	}
	return dialect.GORMColumn{Type: gormType(f)}
}

func gormType(f dialect.GORMField) string {
	switch f.DataType {
	case "bool":
		return "numeric"
	case "int", "uint":
		return "integer"
	case "float":
		return "real"
	case "string":
		return "text"
	case "time":
		if f.TypeSet {
			return f.Type
		}
		return "datetime"
	case "bytes":
		return "blob"
	}
	return f.DataType
}

// QuoteIdentAlways quotes an identifier whether or not it needs it, as the
// models' CHECK of an enum column names it.
func (*Dialect) QuoteIdentAlways(name string) string { return quoteAlways(name) }

// GORMLiteral quotes a string as GORM's dialector's Explain does: in double
// quotes, doubled inside.
func (*Dialect) GORMLiteral(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// GORMComment is the comment kept for a GORM comment tag (SQLite keeps
// none; the renderer drops it).
func (*Dialect) GORMComment(s string) string { return s }

// EnumColumn is an enum column's type: TEXT, its values held by a CHECK.
func (*Dialect) EnumColumn(string, []string) (typ string, namedType, check bool) {
	return "TEXT", false, true
}

// IdentityStyle implements the models' identity: INTEGER PRIMARY KEY
// AUTOINCREMENT.
func (*Dialect) IdentityStyle() dialect.IdentityStyle { return dialect.IdentityIntegerPrimaryKey }

// ForeignKeysOnlyInline is true: foreign keys exist only in CREATE TABLE,
// and references are checked only when rows change, so a cycle needs no
// ALTER TABLE.
func (*Dialect) ForeignKeysOnlyInline() bool { return true }

// IndexComments is false: SQLite keeps no comments.
func (*Dialect) IndexComments() bool { return false }

// IndexKeyPrefixes is false: index keys have no prefix length.
func (*Dialect) IndexKeyPrefixes() bool { return false }

// IndexClasses is false: there are no FULLTEXT or SPATIAL index classes.
func (*Dialect) IndexClasses() bool { return false }

// IndexAccessMethods is false: model indexes take the default method.
func (*Dialect) IndexAccessMethods() bool { return false }

// PartialIndexes is true: CREATE INDEX … WHERE predicate.
func (*Dialect) PartialIndexes() bool { return true }
