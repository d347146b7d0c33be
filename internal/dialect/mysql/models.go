package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// This file is what Go struct models (internal/models/gostruct) need to be
// built as MySQL/MariaDB schema IR: retort's and GORM's type mappings and
// which model options MySQL keeps. See internal/dialect/models.go.

// GoColumnType is the type retort maps a Go model field to (docs/models.md).
func (*Dialect) GoColumnType(f dialect.GoField) (string, error) {
	switch f.Kind {
	case "string":
		if f.Size > 0 {
			return fmt.Sprintf("varchar(%d)", f.Size), nil
		}
		return "varchar(255)", nil
	case "bool":
		return "boolean", nil
	case "int":
		switch f.Bits {
		case 8:
			return "tinyint", nil
		case 16:
			return "smallint", nil
		case 32:
			return "int", nil
		}
		return "bigint", nil
	case "uint":
		switch f.Bits {
		case 8:
			return "tinyint unsigned", nil
		case 16:
			return "smallint unsigned", nil
		case 32:
			return "int unsigned", nil
		}
		return "bigint unsigned", nil
	case "float":
		if f.Precision > 0 {
			return goDecimal(f), nil
		}
		if f.Bits == 32 {
			return "float", nil
		}
		return "double", nil
	case "time":
		if f.Precision > 0 {
			return fmt.Sprintf("datetime(%d)", f.Precision), nil
		}
		return "datetime(6)", nil
	case "timestamp":
		return "datetime(6)", nil
	case "date":
		return "date", nil
	case "timeofday":
		return "time(6)", nil
	case "interval":
		return "", fmt.Errorf("interval columns exist only on PostgreSQL: give a type for %s (retort:\"type:interval,%s=…\")", dialect.MySQL, dialect.MySQL)
	case "bytes":
		if f.Size > 0 {
			return fmt.Sprintf("varbinary(%d)", f.Size), nil
		}
		return "longblob", nil
	case "uuid":
		return "char(36)", nil
	case "json":
		return "json", nil
	case "decimal":
		return goDecimal(f), nil
	case "array":
		return "", fmt.Errorf("array columns exist only on PostgreSQL: give a type for %s (retort:\"type:…,%s=json\")", dialect.MySQL, dialect.MySQL)
	}
	return "", fmt.Errorf("no SQL type for %s on %s: give one with retort:\"type:…\"", f.GoType, dialect.MySQL)
}

func goDecimal(f dialect.GoField) string {
	if f.Precision > 0 {
		return fmt.Sprintf("decimal(%d,%d)", f.Precision, f.Scale)
	}
	// A bare DECIMAL is DECIMAL(10,0), which drops every fraction.
	return "decimal(65,30)"
}

// GORMColumn is the column GORM's mysql dialector writes for f. The
// dialector writes a nullable DATETIME as "datetime(3) NULL": NULL is
// DATETIME's default, so the column is the same without it.
func (*Dialect) GORMColumn(f dialect.GORMField) dialect.GORMColumn {
	if f.DBDataType == dialect.GORMDataTypesJSON && f.Type == "" {
		return dialect.GORMColumn{Type: "JSON"}
	}
	typ := gormType(f)
	switch f.DataType {
	case "int", "uint":
		return dialect.GORMColumn{Type: typ, AutoIncrement: f.AutoIncrement}
	case "bool", "float", "string", "time", "bytes":
		return dialect.GORMColumn{Type: typ}
	}
	// A type given by a tag: auto-increment unless it says so itself.
	return dialect.GORMColumn{Type: typ, AutoIncrement: f.AutoIncrement && !strings.Contains(strings.ToLower(typ), " auto_increment")}
}

func gormType(f dialect.GORMField) string {
	switch f.DataType {
	case "bool":
		return "boolean"
	case "int", "uint":
		var typ string
		switch {
		case f.Size <= 8:
			typ = "tinyint"
		case f.Size <= 16:
			typ = "smallint"
		case f.Size <= 24:
			typ = "mediumint"
		case f.Size <= 32:
			typ = "int"
		default:
			typ = "bigint"
		}
		if f.DataType == "uint" {
			typ += " unsigned"
		}
		return typ
	case "float":
		if f.Precision > 0 {
			return fmt.Sprintf("decimal(%d, %d)", f.Precision, f.Scale)
		}
		if f.Size <= 32 {
			return "float"
		}
		return "double"
	case "string":
		size := f.Size
		if size == 0 && (f.PrimaryKey || f.HasDefault || f.Indexed) {
			size = 191
		}
		switch {
		case size >= 65536 && size <= 1<<24:
			return "mediumtext"
		case size > 1<<24 || size <= 0:
			return "longtext"
		}
		return fmt.Sprintf("varchar(%d)", size)
	case "time":
		precision := f.Precision
		if precision == 0 && !f.PrecisionSet {
			precision = 3
		}
		p := ""
		if precision > 0 {
			p = fmt.Sprintf("(%d)", precision)
		}
		return "datetime" + p
	case "bytes":
		switch {
		case f.Size > 0 && f.Size < 65536:
			return fmt.Sprintf("varbinary(%d)", f.Size)
		case f.Size >= 65536 && f.Size <= 1<<24:
			return "mediumblob"
		}
		return "longblob"
	}
	return f.DataType
}

// QuoteIdentAlways quotes an identifier whether or not it needs it.
func (*Dialect) QuoteIdentAlways(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// GORMLiteral quotes a string as GORM's dialector's Explain does: quotes
// doubled, backslashes left alone.
func (*Dialect) GORMLiteral(s string) string { return dialect.QuoteStringStd(s) }

// GORMComment is the comment the server keeps for a GORM comment tag: the
// dialector writes the tag's text with backslashes left alone, which the
// server (in the default sql_mode) reads as escapes.
func (*Dialect) GORMComment(s string) string { return unescapeBackslashes(s) }

// unescapeBackslashes reads s as the body of a string literal does when
// backslashes are escapes (MySQL's table of special character escapes).
func unescapeBackslashes(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case '0':
			b.WriteByte(0)
		case 'b':
			b.WriteByte('\b')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'Z':
			b.WriteByte(26)
		case '%', '_':
			b.WriteByte('\\')
			b.WriteByte(s[i])
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// EnumColumn is an enum column's type: ENUM(…) inline.
func (*Dialect) EnumColumn(_ string, values []string) (typ string, namedType, check bool) {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = dialect.QuoteStringStd(v)
	}
	return "ENUM(" + strings.Join(q, ", ") + ")", false, false
}

// IdentityStyle implements the models' identity: AUTO_INCREMENT, on the
// first column of a key.
func (*Dialect) IdentityStyle() dialect.IdentityStyle { return dialect.IdentityKeyAttribute }

// ForeignKeysOnlyInline is false: a foreign key that closes a cycle is added
// by ALTER TABLE after both tables exist.
func (*Dialect) ForeignKeysOnlyInline() bool { return false }

// IndexComments is true: an index has a COMMENT clause.
func (*Dialect) IndexComments() bool { return true }

// IndexKeyPrefixes is true: an index key may index a prefix, col(10).
func (*Dialect) IndexKeyPrefixes() bool { return true }

// IndexClasses is true: FULLTEXT and SPATIAL indexes.
func (*Dialect) IndexClasses() bool { return true }

// IndexAccessMethods is false: model indexes take the default method.
func (*Dialect) IndexAccessMethods() bool { return false }

// PartialIndexes is false: there is no CREATE INDEX … WHERE.
func (*Dialect) PartialIndexes() bool { return false }
