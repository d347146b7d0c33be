package mysql

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/schema"
)

// parseType splits a COLUMN_TYPE spelling ("int(10) unsigned",
// "decimal(10,2)", "enum('a','b')") into the parts of schema.Type.
func parseType(s string) schema.Type {
	t := schema.Type{SQL: s}
	base := s
	base = strings.TrimSuffix(base, " zerofill")
	if strings.HasSuffix(base, " unsigned") {
		t.Unsigned = true
		base = strings.TrimSuffix(base, " unsigned")
	}
	if i := strings.IndexByte(base, '('); i >= 0 && strings.HasSuffix(base, ")") {
		args := base[i+1 : len(base)-1]
		t.Name = strings.ToLower(base[:i])
		switch t.Name {
		case "enum", "set":
			t.Values = splitValues(args)
		case "decimal", "numeric", "float", "double":
			p, sc, _ := strings.Cut(args, ",")
			t.Precision, _ = strconv.Atoi(p)
			t.Scale, _ = strconv.Atoi(sc)
		case "datetime", "timestamp", "time":
			t.Precision, _ = strconv.Atoi(args)
		default:
			t.Length, _ = strconv.Atoi(args)
		}
		return t
	}
	t.Name = strings.ToLower(base)
	return t
}

func splitValues(args string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		if args[i] != '\'' {
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(args); j++ {
			if args[j] == '\'' {
				if j+1 < len(args) && args[j+1] == '\'' {
					b.WriteByte('\'')
					j++
					continue
				}
				break
			}
			b.WriteByte(args[j])
		}
		out = append(out, b.String())
		i = j
	}
	return out
}

// quote quotes an identifier with backticks, as SHOW CREATE TABLE does.
func quote(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

func qualify(ns, name string) string {
	if ns == "" {
		return quote(name)
	}
	return quote(ns) + "." + quote(name)
}

// literal renders a string literal with MySQL's escapes.
func literal(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "'", "''")
	return "'" + r.Replace(s) + "'"
}

// literalDefault reports whether a default as MariaDB reports it can be
// written after DEFAULT without parentheses.
func literalDefault(d string) bool {
	if d == "" {
		return true
	}
	if d[0] == '\'' || strings.EqualFold(d, "NULL") || strings.EqualFold(d, "TRUE") || strings.EqualFold(d, "FALSE") {
		return true
	}
	if _, err := strconv.ParseFloat(d, 64); err == nil {
		return true
	}
	l := strings.ToLower(d)
	for _, f := range []string{"current_timestamp", "localtime", "localtimestamp", "now("} {
		if strings.HasPrefix(l, f) {
			return true
		}
	}
	if strings.HasPrefix(d, "b'") || strings.HasPrefix(d, "x'") || strings.HasPrefix(d, "0x") {
		return true
	}
	return false
}

// widens reports whether every value of from fits in to unchanged.
func widens(from, to schema.Type) bool {
	if to.Unsigned && !from.Unsigned {
		return false
	}
	rank := map[string]int{"tinyint": 1, "smallint": 2, "mediumint": 3, "int": 4, "integer": 4, "bigint": 5}
	if rank[from.Name] > 0 && rank[to.Name] > 0 {
		if from.Unsigned && !to.Unsigned {
			return rank[to.Name] > rank[from.Name]
		}
		return rank[to.Name] >= rank[from.Name]
	}
	switch from.Name {
	case "varchar", "char":
		return (to.Name == "varchar" && to.Length >= from.Length) || to.Name == "text" && from.Length <= 16383 || to.Name == "mediumtext" || to.Name == "longtext"
	case "decimal":
		return to.Name == "decimal" && to.Scale >= from.Scale && to.Precision-to.Scale >= from.Precision-from.Scale
	case "text":
		return to.Name == "mediumtext" || to.Name == "longtext"
	case "enum", "set":
		if to.Name != from.Name {
			return false
		}
		i := 0
		for _, v := range to.Values {
			if i < len(from.Values) && from.Values[i] == v {
				i++
			}
		}
		return i == len(from.Values)
	case "datetime", "timestamp", "time":
		return to.Name == from.Name && to.Precision >= from.Precision
	}
	return false
}
