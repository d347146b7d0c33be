package gostruct

import (
	"fmt"
	"strings"
)

// GORM dialectors' DataTypeOf and FullDataTypeOf.

// gormColumn renders a GORM column as the dialector's FullDataTypeOf would.
func (r *renderer) gormColumn(t *Table, c *Column) (string, bool) {
	f := c.gorm
	typ := gormDataTypeOf(f, r.d)
	pkInType := strings.Contains(strings.ToUpper(typ), "PRIMARY KEY")
	s := r.q(c.Name) + " " + typ
	if f.notNull {
		s += " NOT NULL"
	}
	if f.hasDefault && (f.defValue != "" || f.defString) {
		v := f.defValue
		if f.defString {
			v = gormQuote(r.d, v)
		}
		s += " DEFAULT " + v
	}
	if r.d == MySQL && f.hasComment {
		s += " COMMENT " + gormQuote(r.d, f.comment)
	}
	return s, pkInType
}

// gormQuote quotes a string the way the dialector's Explain does: single
// quotes doubled (SQLite: double quotes), backslashes left alone.
func gormQuote(d, s string) string {
	q := "'"
	if d == SQLite {
		q = `"`
	}
	return q + strings.ReplaceAll(s, q, q+q) + q
}

func gormDataTypeOf(f *gormField, d string) string {
	if t := f.g.gormDB[d]; t != "" && f.settings["TYPE"] == "" {
		return t
	}
	switch d {
	case Postgres:
		return gormPostgresType(f)
	case MySQL:
		return gormMySQLType(f)
	}
	return gormSQLiteType(f)
}

func gormIntSize(f *gormField, typ string) int {
	size := f.size
	if typ == "uint" {
		size++
	}
	return size
}

func gormPostgresType(f *gormField) string {
	intType := func(typ string) string {
		switch size := gormIntSize(f, typ); {
		case size <= 16:
			return "smallint"
		case size <= 32:
			return "integer"
		}
		return "bigint"
	}
	serial := map[string]string{"smallint": "smallserial", "integer": "serial", "bigint": "bigserial"}
	switch f.dataType {
	case "bool":
		return "boolean"
	case "int", "uint":
		it := intType(f.dataType)
		if f.autoInc {
			return serial[it]
		}
		return it
	case "float":
		if f.precision > 0 {
			if f.scale > 0 {
				return fmt.Sprintf("numeric(%d, %d)", f.precision, f.scale)
			}
			return fmt.Sprintf("numeric(%d)", f.precision)
		}
		return "decimal"
	case "string":
		if f.size > 0 && f.size <= 10485760 {
			return fmt.Sprintf("varchar(%d)", f.size)
		}
		return "text"
	case "time":
		if f.precision > 0 {
			return fmt.Sprintf("timestamptz(%d)", f.precision)
		}
		return "timestamptz"
	case "bytes":
		return "bytea"
	}
	typ := f.dataType
	if f.autoInc && !strings.Contains(strings.ToLower(typ), "serial") {
		return serial[intType(f.gormType)]
	}
	return typ
}

func gormMySQLType(f *gormField) string {
	switch f.dataType {
	case "bool":
		return "boolean"
	case "int", "uint":
		var typ string
		switch {
		case f.size <= 8:
			typ = "tinyint"
		case f.size <= 16:
			typ = "smallint"
		case f.size <= 24:
			typ = "mediumint"
		case f.size <= 32:
			typ = "int"
		default:
			typ = "bigint"
		}
		if f.dataType == "uint" {
			typ += " unsigned"
		}
		if f.autoInc {
			typ += " AUTO_INCREMENT"
		}
		return typ
	case "float":
		if f.precision > 0 {
			return fmt.Sprintf("decimal(%d, %d)", f.precision, f.scale)
		}
		if f.size <= 32 {
			return "float"
		}
		return "double"
	case "string":
		size := f.size
		if size == 0 {
			hasIndex := f.settings["INDEX"] != "" || f.settings["UNIQUE"] != ""
			if f.primaryKey || f.hasDefault || hasIndex {
				size = 191
			}
		}
		switch {
		case size >= 65536 && size <= 1<<24:
			return "mediumtext"
		case size > 1<<24 || size <= 0:
			return "longtext"
		}
		return fmt.Sprintf("varchar(%d)", size)
	case "time":
		precision := f.precision
		if precision == 0 && f.settings["PRECISION"] == "" {
			precision = 3
		}
		p := ""
		if precision > 0 {
			p = fmt.Sprintf("(%d)", precision)
		}
		if f.notNull || f.primaryKey {
			return "datetime" + p
		}
		return "datetime" + p + " NULL"
	case "bytes":
		switch {
		case f.size > 0 && f.size < 65536:
			return fmt.Sprintf("varbinary(%d)", f.size)
		case f.size >= 65536 && f.size <= 1<<24:
			return "mediumblob"
		}
		return "longblob"
	}
	typ := f.dataType
	if f.autoInc && !strings.Contains(strings.ToLower(typ), " auto_increment") {
		typ += " AUTO_INCREMENT"
	}
	return typ
}

func gormSQLiteType(f *gormField) string {
	switch f.dataType {
	case "bool":
		return "numeric"
	case "int", "uint":
		if f.autoInc {
			return "integer PRIMARY KEY AUTOINCREMENT"
		}
		return "integer"
	case "float":
		return "real"
	case "string":
		return "text"
	case "time":
		if v, ok := f.settings["TYPE"]; ok {
			return v
		}
		return "datetime"
	case "bytes":
		return "blob"
	}
	return f.dataType
}
