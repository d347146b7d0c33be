package mysql

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.LintAdvisor = (*Dialect)(nil)

// LintRuleSets: internal/lint's MySQL/MariaDB rules (implicit commits,
// ALTERs that copy the table).
func (*Dialect) LintRuleSets() []string { return []string{"mysql"} }

// MaxIdentifierBytes: table, column and index names are refused past 64
// characters (64 bytes for the ASCII names migrations use).
func (*Dialect) MaxIdentifierBytes() int { return 64 }

// SameType compares types after MySQL's aliases and display widths
// (int(11) = int = integer, bool = tinyint(1)).
func (*Dialect) SameType(a, b string) bool {
	ta, oka := parseLintType(a)
	tb, okb := parseLintType(b)
	return oka && okb && ta.equal(tb)
}

// TypeChange follows InnoDB's online DDL table: widening a VARCHAR within
// the same length-prefix size (up to 255 bytes, or from 256 up) is
// in place; so are adding ENUM members at the end; every other type change
// copies the table (ALGORITHM=COPY).
func (*Dialect) TypeChange(from, to string) dialect.TypeChange {
	f, okf := parseLintType(from)
	t, okt := parseLintType(to)
	if !okf || !okt {
		return dialect.TypeChange{}
	}
	if f.equal(t) {
		return dialect.TypeChange{Known: true}
	}
	copyTable := func(narrows bool) dialect.TypeChange {
		return dialect.TypeChange{Known: true, Rewrite: true, Narrows: narrows}
	}
	switch {
	case f.name == "varchar" && t.name == "varchar" && len(f.args) == 1 && len(t.args) == 1:
		fn, tn := f.args[0], t.args[0]
		if tn < fn {
			return copyTable(true)
		}
		if f.charset != t.charset {
			return copyTable(false)
		}
		// The length prefix grows from one byte to two past 255 bytes; a
		// character set the DDL does not name is counted one byte a
		// character (the least that can be said without the server).
		per := charsetBytes[f.charset]
		if per == 0 {
			per = 1
		}
		if (fn*per <= 255) == (tn*per <= 255) {
			return dialect.TypeChange{Known: true}
		}
		return copyTable(false)
	case f.name == "enum" && t.name == "enum":
		if len(t.members) >= len(f.members) && strings.Join(t.members[:len(f.members)], ",") == strings.Join(f.members, ",") {
			return dialect.TypeChange{Known: true}
		}
		return copyTable(true)
	case intBytes[f.name] > 0 && intBytes[t.name] > 0:
		return copyTable(intBytes[t.name] < intBytes[f.name] || f.unsigned != t.unsigned)
	case textBytes[f.name] > 0 && textBytes[t.name] > 0:
		return copyTable(textBytes[t.name] < textBytes[f.name])
	case textBytes[f.name] > 0 && (t.name == "varchar" || t.name == "char"):
		return copyTable(true)
	case (f.name == "varchar" || f.name == "char") && textBytes[t.name] > 0:
		return copyTable(false)
	case f.name == "decimal" && t.name == "decimal" && len(f.args) == 2 && len(t.args) == 2:
		return copyTable(t.args[1] < f.args[1] || t.args[0]-t.args[1] < f.args[0]-f.args[1])
	case (f.name == "decimal" || f.name == "double" || f.name == "float") && intBytes[t.name] > 0:
		return copyTable(true)
	case f.name == "double" && t.name == "float":
		return copyTable(true)
	case (f.name == "datetime" || f.name == "timestamp") && (t.name == "date" || t.name == "time"):
		return copyTable(true)
	case (f.name == "varchar" || f.name == "char" || textBytes[f.name] > 0) &&
		(intBytes[t.name] > 0 || t.name == "decimal" || t.name == "double" || t.name == "float" ||
			t.name == "date" || t.name == "datetime" || t.name == "timestamp" || t.name == "time" || t.name == "json" || t.name == "enum"):
		return copyTable(true) // strings that do not parse fail the change, or become 0 / NULL
	}
	return copyTable(false)
}

// charsetBytes is the most bytes a character takes in a character set.
var charsetBytes = map[string]int{
	"utf8mb4": 4, "utf8": 3, "utf8mb3": 3, "utf16": 4, "utf16le": 4, "utf32": 4, "ucs2": 2,
	"latin1": 1, "ascii": 1, "binary": 1, "latin2": 1, "cp1250": 1, "cp1251": 1, "cp1252": 1,
	"big5": 2, "gbk": 2, "gb2312": 2, "sjis": 2, "ujis": 3, "euckr": 2, "gb18030": 4,
}

var intBytes = map[string]int{"tinyint": 1, "smallint": 2, "mediumint": 3, "int": 4, "bigint": 8}
var textBytes = map[string]int{"tinytext": 1, "text": 2, "mediumtext": 3, "longtext": 4}

type lintType struct {
	charset  string
	name     string
	args     []int
	members  []string
	unsigned bool
}

func (t lintType) equal(o lintType) bool {
	if t.charset != o.charset && t.charset != "" && o.charset != "" {
		return false
	}
	if t.name != o.name || t.unsigned != o.unsigned || strings.Join(t.members, ",") != strings.Join(o.members, ",") {
		return false
	}
	if intBytes[t.name] > 0 {
		return true // display width means nothing
	}
	if len(t.args) != len(o.args) {
		return false
	}
	for i := range t.args {
		if t.args[i] != o.args[i] {
			return false
		}
	}
	return true
}

var lintAliases = map[string]string{
	"int": "int", "integer": "int", "tinyint": "tinyint", "smallint": "smallint", "mediumint": "mediumint",
	"bigint": "bigint", "bool": "tinyint", "boolean": "tinyint",
	"varchar": "varchar", "character varying": "varchar", "char": "char", "character": "char",
	"text": "text", "tinytext": "tinytext", "mediumtext": "mediumtext", "longtext": "longtext",
	"decimal": "decimal", "numeric": "decimal", "dec": "decimal", "fixed": "decimal",
	"double": "double", "double precision": "double", "real": "double", "float": "float",
	"datetime": "datetime", "timestamp": "timestamp", "date": "date", "time": "time", "year": "year",
	"json": "json", "blob": "blob", "binary": "binary", "varbinary": "varbinary", "enum": "enum",
}

func parseLintType(s string) (lintType, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	var t lintType
	if i := strings.Index(s, " charset "); i >= 0 {
		t.charset = strings.TrimSpace(s[i+len(" charset "):])
		s = strings.TrimSpace(s[:i])
	}
	if strings.HasSuffix(s, " unsigned") || strings.Contains(s, " unsigned ") {
		t.unsigned = true
		s = strings.Replace(s, " unsigned", "", 1)
	}
	s = strings.Replace(s, " zerofill", "", 1)
	if i := strings.IndexByte(s, '('); i >= 0 {
		j := strings.LastIndexByte(s, ')')
		if j < i {
			return t, false
		}
		inner := s[i+1 : j]
		head := strings.TrimSpace(s[:i])
		if head == "enum" || head == "set" {
			for _, m := range strings.Split(inner, ",") {
				t.members = append(t.members, strings.TrimSpace(m))
			}
		} else {
			for _, a := range strings.Split(inner, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(a))
				if err != nil {
					return t, false
				}
				t.args = append(t.args, n)
			}
		}
		s = strings.TrimSpace(head + " " + s[j+1:])
	}
	s = strings.Join(strings.Fields(s), " ")
	name, ok := lintAliases[s]
	if !ok {
		return t, false
	}
	t.name = name
	if s == "bool" || s == "boolean" {
		t.args = []int{1}
	}
	return t, true
}
