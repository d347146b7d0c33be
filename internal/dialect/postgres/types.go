package postgres

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/schema"
)

// parseType splits a format_type() spelling into the parts of schema.Type.
func parseType(s string) schema.Type {
	t := schema.Type{SQL: s}
	base := s
	for strings.HasSuffix(base, "[]") {
		t.Array++
		base = strings.TrimSuffix(base, "[]")
	}
	if i := strings.IndexByte(base, '('); i >= 0 {
		if j := strings.IndexByte(base[i:], ')'); j > 0 {
			args := strings.Split(base[i+1:i+j], ",")
			rest := strings.TrimSpace(base[i+j+1:])
			name := strings.TrimSpace(base[:i])
			if rest != "" {
				name += " " + rest
			}
			base = name
			n, _ := strconv.Atoi(strings.TrimSpace(args[0]))
			switch {
			case strings.HasPrefix(base, "numeric") || strings.HasPrefix(base, "decimal"):
				t.Precision = n
				if len(args) > 1 {
					t.Scale, _ = strconv.Atoi(strings.TrimSpace(args[1]))
				}
			case strings.HasPrefix(base, "time") || strings.HasPrefix(base, "interval"):
				t.Precision = n
			default:
				t.Length = n
			}
		}
	}
	t.Name = base
	return t
}

// typeCategory groups types between which PostgreSQL has an implicit or
// assignment cast, so ALTER COLUMN … TYPE works without USING.
func typeCategory(name string) string {
	switch name {
	case "smallint", "integer", "bigint", "numeric", "real", "double precision":
		return "number"
	case "text", "character varying", "character", `"char"`, "name", "citext":
		return "string"
	case "date", "timestamp without time zone", "timestamp with time zone":
		return "datetime"
	case "time without time zone", "time with time zone", "interval":
		return "time"
	case "bit", "bit varying":
		return "bit"
	case "json", "jsonb":
		return "json"
	case "inet", "cidr":
		return "net"
	}
	return "other:" + name
}

// needsUsing reports whether changing a column from one type to another
// needs an explicit USING cast.
func needsUsing(from, to schema.Type) bool {
	if from.Array != to.Array {
		return true
	}
	cf, ct := typeCategory(from.Name), typeCategory(to.Name)
	if cf == ct {
		return cf == "json" && from.Name != to.Name && to.Name == "json"
	}
	if ct == "string" {
		return false // every type has an assignment cast to text types
	}
	return true
}

// typeMax is the largest value of an integer type, for sequence defaults.
func typeMax(typ string) int64 {
	switch typ {
	case "smallint":
		return 32767
	case "integer":
		return 2147483647
	}
	return 9223372036854775807
}

// keywordList holds PostgreSQL's reserved key words (and those that
// cannot be column names), which must be quoted as identifiers.
const keywordList = ` all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation
column concurrently constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp
current_user default deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in
initially inner intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset
on only or order outer overlaps placing primary references returning right select session_user similar some symmetric system_user table tablesample
then to trailing true union unique user using variadic verbose when where window with
between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int integer interval least
national nchar none normalize nullif numeric out overlay position precision real row setof smallint substring time timestamp treat trim
values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable `

// keywords is keywordList as a set, built once and only read: quote runs
// for every name a renderer writes.
var keywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(keywordList) {
		m[w] = true
	}
	return m
}()

func isKeyword(w string) bool { return keywords[w] }

// quote quotes an identifier when it needs quoting.
func quote(name string) string {
	plain := name != ""
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9') {
			continue
		}
		plain = false
		break
	}
	if plain && !isKeyword(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// qualify quotes schema.name.
func qualify(ns, name string) string {
	if ns == "" {
		return quote(name)
	}
	return quote(ns) + "." + quote(name)
}

// literal renders a string literal.
func literal(s string) string {
	if strings.Contains(s, `\`) {
		return "E'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", "''") + "'"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// widens reports whether every value of from fits in to unchanged, so a
// type change needs no review.
func widens(from, to schema.Type) bool {
	if from.Array != to.Array {
		return false
	}
	rank := map[string]int{"smallint": 1, "integer": 2, "bigint": 3}
	if rank[from.Name] > 0 && rank[to.Name] > 0 {
		return rank[to.Name] >= rank[from.Name]
	}
	if rank[from.Name] > 0 && to.Name == "numeric" && to.Precision == 0 {
		return true
	}
	switch from.Name {
	case "character varying":
		return to.Name == "text" || to.Name == "character varying" && (to.Length == 0 || from.Length > 0 && to.Length >= from.Length)
	case "character":
		return to.Name == "text"
	case "numeric":
		if to.Name != "numeric" {
			return false
		}
		if to.Precision == 0 {
			return true
		}
		return from.Precision > 0 && to.Scale >= from.Scale && to.Precision-to.Scale >= from.Precision-from.Scale
	case "real":
		return to.Name == "double precision"
	}
	return false
}
