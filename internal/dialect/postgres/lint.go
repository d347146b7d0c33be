package postgres

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.LintAdvisor = (*Dialect)(nil)

// LintRuleSets: internal/lint's PostgreSQL rules (lock and rewrite hazards).
func (*Dialect) LintRuleSets() []string { return []string{"pg"} }

// MaxIdentifierBytes is NAMEDATALEN-1: longer names are silently truncated.
func (*Dialect) MaxIdentifierBytes() int { return 63 }

// SameType compares two types as written after resolving PostgreSQL's
// aliases (int4 = integer, varchar = character varying, …).
func (*Dialect) SameType(a, b string) bool {
	ta, oka := parseLintType(a)
	tb, okb := parseLintType(b)
	return oka && okb && ta.equal(tb)
}

// TypeChange says whether ALTER COLUMN … TYPE rewrites the table and
// whether it narrows, after PostgreSQL's rules: a binary-coercible change
// that only relaxes a length or precision limit keeps the table
// (ATColumnChangeRequiresRewrite), anything else rewrites it.
func (*Dialect) TypeChange(from, to string) dialect.TypeChange {
	f, okf := parseLintType(from)
	t, okt := parseLintType(to)
	if !okf || !okt {
		return dialect.TypeChange{}
	}
	if f.equal(t) {
		return dialect.TypeChange{Known: true}
	}
	if f.array != t.array {
		return dialect.TypeChange{}
	}
	keep := func(narrows bool) dialect.TypeChange { return dialect.TypeChange{Known: true, Narrows: narrows} }
	rewrite := func(narrows bool) dialect.TypeChange {
		return dialect.TypeChange{Known: true, Rewrite: true, Narrows: narrows}
	}
	switch {
	case f.name == "varchar" && t.name == "varchar":
		if t.args == nil || f.args != nil && t.args[0] >= f.args[0] {
			return keep(false)
		}
		return rewrite(true)
	case (f.name == "varchar" || f.name == "text") && t.name == "text",
		f.name == "text" && t.name == "varchar" && t.args == nil:
		return keep(false)
	case (f.name == "varchar" || f.name == "text") && t.name == "varchar":
		return rewrite(true) // a length limit where there was none or a longer one
	case f.name == "char" && (t.name == "text" || t.name == "varchar"):
		return rewrite(t.args != nil && (f.args == nil || t.args[0] < f.args[0]))
	case t.name == "char":
		return rewrite(f.name != "char" || t.args != nil && (f.args == nil || t.args[0] < f.args[0]))
	case f.name == "numeric" && t.name == "numeric":
		if t.args == nil {
			return keep(false)
		}
		if f.args == nil {
			return rewrite(true)
		}
		fp, fs := f.precision()
		tp, ts := t.precision()
		if ts == fs && tp >= fp {
			return keep(false)
		}
		return rewrite(ts < fs || tp-ts < fp-fs)
	case intRank[f.name] > 0 && intRank[t.name] > 0:
		return rewrite(intRank[t.name] < intRank[f.name])
	case intRank[f.name] > 0 && t.name == "numeric":
		if t.args == nil {
			return rewrite(false)
		}
		tp, ts := t.precision()
		return rewrite(tp-ts < intDigits[f.name])
	case intRank[f.name] > 0 && (t.name == "text" || t.name == "varchar" && t.args == nil):
		return rewrite(false)
	case (f.name == "numeric" || f.name == "real" || f.name == "double precision") && intRank[t.name] > 0:
		return rewrite(true)
	case f.name == "real" && t.name == "double precision":
		return rewrite(false)
	case f.name == "double precision" && t.name == "real":
		return rewrite(true)
	case (f.name == "timestamp" || f.name == "timestamptz") && (t.name == "timestamp" || t.name == "timestamptz"):
		if f.name == t.name { // precision change
			return rewrite(t.args != nil && (f.args == nil || t.args[0] < f.args[0]))
		}
		return rewrite(false)
	case (f.name == "timestamp" || f.name == "timestamptz") && (t.name == "date" || t.name == "time" || t.name == "timetz"):
		return rewrite(true)
	case f.name == "date" && (t.name == "timestamp" || t.name == "timestamptz"):
		return rewrite(false)
	case f.name == "cidr" && t.name == "inet":
		return keep(false)
	case f.name == "json" && t.name == "jsonb", f.name == "jsonb" && t.name == "json":
		return rewrite(false)
	case stringTypes[f.name] && (intRank[t.name] > 0 || convertsFromText[t.name]):
		return rewrite(true) // text that does not parse as the new type fails the change
	case f.name == "boolean" && (t.name == "text" || t.name == "varchar" && t.args == nil):
		return rewrite(false)
	case f.name == "uuid" && (t.name == "text" || t.name == "varchar" && (t.args == nil || t.args[0] >= 36)):
		return rewrite(false)
	}
	return dialect.TypeChange{}
}

var stringTypes = map[string]bool{"text": true, "varchar": true, "char": true, "citext": true}

// convertsFromText are types a string converts to only when it parses.
var convertsFromText = map[string]bool{
	"numeric": true, "real": true, "double precision": true, "boolean": true, "date": true, "timestamp": true,
	"timestamptz": true, "time": true, "uuid": true, "json": true, "jsonb": true, "inet": true, "cidr": true, "interval": true,
}

var intRank = map[string]int{"smallint": 1, "integer": 2, "bigint": 3}

// intDigits is how many decimal digits an integer type's values need.
var intDigits = map[string]int{"smallint": 5, "integer": 10, "bigint": 19}

// lintType is a column type as written, aliases resolved.
type lintType struct {
	name  string
	args  []int
	array bool
}

func (t lintType) equal(o lintType) bool {
	if t.name != o.name || t.array != o.array || len(t.args) != len(o.args) {
		return false
	}
	for i := range t.args {
		if t.args[i] != o.args[i] {
			return false
		}
	}
	return true
}

// precision is numeric(p, s)'s p and s (s 0 when not given).
func (t lintType) precision() (int, int) {
	switch len(t.args) {
	case 1:
		return t.args[0], 0
	case 2:
		return t.args[0], t.args[1]
	}
	return 0, 0
}

var lintAliases = map[string]string{
	"int": "integer", "int4": "integer", "integer": "integer", "serial": "integer", "serial4": "integer",
	"int2": "smallint", "smallint": "smallint", "smallserial": "smallint", "serial2": "smallint",
	"int8": "bigint", "bigint": "bigint", "bigserial": "bigint", "serial8": "bigint",
	"varchar": "varchar", "character varying": "varchar", "char varying": "varchar",
	"char": "char", "character": "char", "bpchar": "char",
	"text": "text", "numeric": "numeric", "decimal": "numeric",
	"bool": "boolean", "boolean": "boolean",
	"float8": "double precision", "double precision": "double precision", "float": "double precision",
	"float4": "real", "real": "real",
	"timestamp": "timestamp", "timestamp without time zone": "timestamp",
	"timestamptz": "timestamptz", "timestamp with time zone": "timestamptz",
	"time": "time", "time without time zone": "time", "timetz": "timetz", "time with time zone": "timetz",
	"date": "date", "uuid": "uuid", "json": "json", "jsonb": "jsonb", "bytea": "bytea", "inet": "inet",
	"cidr": "cidr", "interval": "interval", "citext": "citext", "money": "money", "xml": "xml",
}

// parseLintType reads "character varying(50)", "numeric(10,2)",
// "timestamp(3) with time zone", "int[]".
func parseLintType(s string) (lintType, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	var t lintType
	for strings.HasSuffix(s, "[]") {
		t.array = true
		s = strings.TrimSpace(strings.TrimSuffix(s, "[]"))
	}
	if i := strings.LastIndexByte(s, '.'); i >= 0 && !strings.Contains(s[i:], ")") {
		s = s[i+1:] // pg_catalog.int4
	}
	if i := strings.IndexByte(s, '('); i >= 0 {
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return t, false
		}
		for _, a := range strings.Split(s[i+1:i+j], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(a))
			if err != nil {
				return t, false
			}
			t.args = append(t.args, n)
		}
		s = strings.TrimSpace(s[:i] + " " + s[i+j+1:])
	}
	s = strings.Join(strings.Fields(s), " ")
	name, ok := lintAliases[s]
	if !ok {
		return t, false
	}
	t.name = name
	if name == "char" && t.args == nil && s != "bpchar" {
		t.args = []int{1} // char means char(1)
	}
	return t, true
}
