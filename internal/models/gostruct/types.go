package gostruct

import (
	"fmt"
	"strings"
)

// columnType is the SQL type of c on dialect d, for retort-tagged tables.
// The mapping is the table in docs/models.md; keep the two in step.
func columnType(c *Column, d string) (string, error) {
	if s := c.Types[d]; s != "" {
		return s, nil
	}
	if s := c.Types[""]; s != "" {
		return s, nil
	}
	if c.EnumType != "" {
		switch d {
		case Postgres:
			return quote(d, c.EnumType), nil
		case MySQL:
			return "ENUM(" + quoteList(c.Enum) + ")", nil
		default:
			return "TEXT", nil
		}
	}
	pick := func(pg, my, lite string) (string, error) {
		switch d {
		case Postgres:
			return pg, nil
		case MySQL:
			return my, nil
		}
		return lite, nil
	}
	switch c.Kind {
	case "string":
		if c.Size > 0 {
			n := fmt.Sprint(c.Size)
			return pick("varchar("+n+")", "varchar("+n+")", "VARCHAR("+n+")")
		}
		return pick("text", "varchar(255)", "TEXT")
	case "bool":
		return pick("boolean", "boolean", "BOOLEAN")
	case "int":
		switch c.Bits {
		case 8:
			return pick("smallint", "tinyint", "INTEGER")
		case 16:
			return pick("smallint", "smallint", "INTEGER")
		case 32:
			return pick("integer", "int", "INTEGER")
		}
		return pick("bigint", "bigint", "INTEGER")
	case "uint":
		// PostgreSQL has no unsigned types: the next wider signed one holds
		// every value (uint64 stays bigint, see docs/models.md).
		switch c.Bits {
		case 8:
			return pick("smallint", "tinyint unsigned", "INTEGER")
		case 16:
			return pick("integer", "smallint unsigned", "INTEGER")
		case 32:
			return pick("bigint", "int unsigned", "INTEGER")
		}
		return pick("bigint", "bigint unsigned", "INTEGER")
	case "float":
		if c.Precision > 0 {
			return decimalType(c, d), nil
		}
		if c.Bits == 32 {
			return pick("real", "float", "REAL")
		}
		return pick("double precision", "double", "REAL")
	case "time":
		if c.Precision > 0 {
			p := fmt.Sprint(c.Precision)
			return pick("timestamp("+p+") with time zone", "datetime("+p+")", "DATETIME")
		}
		return pick("timestamp with time zone", "datetime(6)", "DATETIME")
	case "timestamp":
		return pick("timestamp without time zone", "datetime(6)", "DATETIME")
	case "date":
		return pick("date", "date", "DATE")
	case "timeofday":
		return pick("time without time zone", "time(6)", "TIME")
	case "interval":
		if d != Postgres {
			return "", fmt.Errorf("interval columns exist only on PostgreSQL: give a type for %s (retort:\"type:interval,%s=…\")", d, d)
		}
		return "interval", nil
	case "bytes":
		if c.Size > 0 {
			n := fmt.Sprint(c.Size)
			return pick("bytea", "varbinary("+n+")", "BLOB")
		}
		return pick("bytea", "longblob", "BLOB")
	case "uuid":
		return pick("uuid", "char(36)", "UUID")
	case "json":
		return pick("jsonb", "json", "TEXT")
	case "decimal":
		return decimalType(c, d), nil
	case "array":
		if d != Postgres {
			return "", fmt.Errorf("array columns exist only on PostgreSQL: give a type for %s (retort:\"type:…,%s=json\")", d, d)
		}
		el := &Column{Kind: c.Elem, Bits: c.Bits}
		s, err := columnType(el, d)
		if err != nil {
			return "", err
		}
		return s + "[]", nil
	}
	return "", fmt.Errorf("no SQL type for %s on %s: give one with retort:\"type:…\"", c.GoType, d)
}

func decimalType(c *Column, d string) string {
	if c.Precision > 0 {
		ps := fmt.Sprintf("%d,%d", c.Precision, c.Scale)
		switch d {
		case Postgres:
			return "numeric(" + ps + ")"
		case MySQL:
			return "decimal(" + ps + ")"
		}
		return "NUMERIC(" + ps + ")"
	}
	switch d {
	case Postgres:
		return "numeric"
	case MySQL:
		// MySQL's bare DECIMAL is DECIMAL(10,0), which drops every fraction.
		return "decimal(65,30)"
	}
	return "NUMERIC"
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = quoteString(v)
	}
	return strings.Join(q, ", ")
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func quote(d, ident string) string {
	if d == MySQL {
		return "`" + strings.ReplaceAll(ident, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}
