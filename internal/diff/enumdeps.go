package diff

import (
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/schema"
)

// enumDependents moves out of the way the checks and indexes whose
// expressions read a column of an enum type that is recreated: PostgreSQL
// rewrites such expressions (a literal 'x'::mood) when the column changes
// type and fails with "operator does not exist: mood = mood__old", and a
// literal of a removed value cannot be parsed at all. They are dropped
// before the type changes (with the foreign keys, in the dropForeignKeys
// phase) and the desired ones added with the table's other changes
// afterwards. The downgrade, the same list reversed, does the mirror image.
func enumDependents(p *tablePlan, enumCols map[string]bool) {
	if len(enumCols) == 0 {
		return
	}
	var pats []*regexp.Regexp
	for c := range enumCols {
		pats = append(pats, regexp.MustCompile(`(^|[^A-Za-z0-9_$"])(`+regexp.QuoteMeta(c)+`|"`+regexp.QuoteMeta(c)+`")($|[^A-Za-z0-9_$"])`))
	}
	reads := func(exprs ...string) bool {
		for _, e := range exprs {
			for _, re := range pats {
				if e != "" && re.MatchString(e) {
					return true
				}
			}
		}
		return false
	}
	indexReads := func(x *schema.Index) bool {
		if reads(x.Where) {
			return true
		}
		for _, part := range x.Parts {
			if reads(part.Expr) {
				return true
			}
		}
		return false
	}
	fromChecks, toChecks := map[string]bool{}, map[string]bool{}
	fromIdx, toIdx := map[string]bool{}, map[string]bool{}
	var drops, adds []schema.TableChange
	for _, c := range p.from.Checks {
		if reads(c.Expr) {
			fromChecks[c.Name] = true
			drops = append(drops, &schema.DropCheck{Check: c})
		}
	}
	for _, x := range p.from.Indexes {
		if indexReads(x) {
			fromIdx[x.Name] = true
			drops = append(drops, &schema.DropIndex{Index: x})
		}
	}
	for _, c := range p.to.Checks {
		if reads(c.Expr) {
			toChecks[c.Name] = true
			adds = append(adds, &schema.AddCheck{Check: c})
		}
	}
	for _, x := range p.to.Indexes {
		if indexReads(x) {
			toIdx[x.Name] = true
			adds = append(adds, &schema.AddIndex{Index: x})
		}
	}
	if len(drops) == 0 && len(adds) == 0 {
		return
	}
	var main, extraDrops []schema.TableChange
	for _, ch := range p.main {
		switch c := ch.(type) {
		case *schema.DropCheck:
			if fromChecks[c.Check.Name] {
				continue
			}
		case *schema.AddCheck:
			if toChecks[c.Check.Name] {
				continue
			}
		case *schema.DropIndex:
			if fromIdx[c.Index.Name] {
				continue
			}
		case *schema.AddIndex:
			if toIdx[c.Index.Name] {
				continue
			}
		case *schema.RenameIndex:
			if fromIdx[c.From.Name] || toIdx[c.To.Name] {
				if !fromIdx[c.From.Name] {
					extraDrops = append(extraDrops, &schema.DropIndex{Index: c.From})
				}
				if !toIdx[c.To.Name] {
					adds = append(adds, &schema.AddIndex{Index: c.To})
				}
				continue
			}
		case *schema.RenameConstraint:
			if c.Kind == "check" && (fromChecks[c.From] || toChecks[c.To]) {
				if !fromChecks[c.From] {
					extraDrops = append(extraDrops, &schema.DropCheck{Check: checkNamed(p.from, c.From)})
				}
				if !toChecks[c.To] {
					adds = append(adds, &schema.AddCheck{Check: checkNamed(p.to, c.To)})
				}
				continue
			}
		}
		main = append(main, ch)
	}
	p.early = drops
	p.main = append(append(extraDrops, main...), adds...)
}

func checkNamed(t *schema.Table, name string) *schema.Check {
	for _, c := range t.Checks {
		if c.Name == name {
			return c
		}
	}
	return &schema.Check{Name: name}
}

// enumUsers lists the columns of s whose type is e or an array of it.
func enumUsers(s *schema.Schema, e *schema.Enum) []schema.EnumUser {
	var out []schema.EnumUser
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if typeNames(c.Type, e) {
				out = append(out, schema.EnumUser{Table: t, Column: c})
			}
		}
	}
	return out
}

// typeNames reports whether type t names enum e.
func typeNames(t schema.Type, e *schema.Enum) bool {
	name := unquote(t.Name)
	if name == "" {
		name = unquote(strings.TrimRight(t.SQL, "[]"))
	}
	return name == e.Name || (e.Schema != "" && name == e.Schema+"."+e.Name)
}

func unquote(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			parts[i] = strings.ReplaceAll(p[1:len(p)-1], `""`, `"`)
		}
	}
	return strings.Join(parts, ".")
}

// isSubsequence reports whether a's values appear in b in the same order.
func isSubsequence(a, b []string) bool {
	i := 0
	for _, v := range b {
		if i < len(a) && a[i] == v {
			i++
		}
	}
	return i == len(a)
}

// arrayLiteral matches a PostgreSQL array literal ('{a,"b c"}').
var arrayLiteral = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`'\{(?:[^']|'')*\}'`) })

// inArrayLiteral reports whether text holds an array literal ('{a,"b c"}')
// with the element v.
func inArrayLiteral(text, v string) bool {
	for _, lit := range arrayLiteral().FindAllString(text, -1) {
		inner := strings.ReplaceAll(lit[2:len(lit)-2], "''", "'")
		for _, e := range strings.Split(inner, ",") {
			e = strings.TrimSpace(e)
			if len(e) >= 2 && e[0] == '"' && e[len(e)-1] == '"' {
				e = strings.ReplaceAll(strings.ReplaceAll(e[1:len(e)-1], `\"`, `"`), `\\`, `\`)
			}
			if e == v {
				return true
			}
		}
	}
	return false
}

// usesNewValues reports whether something in s names a value that to adds
// to from (a default, a check, an index predicate, a view).
func usesNewValues(s *schema.Schema, from, to *schema.Enum) bool {
	var texts []string
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			texts = append(texts, c.Default)
			if c.Generated != nil {
				texts = append(texts, c.Generated.Expr)
			}
		}
		for _, c := range t.Checks {
			texts = append(texts, c.Expr)
		}
		for _, x := range t.Indexes {
			texts = append(texts, x.Where)
			for _, p := range x.Parts {
				texts = append(texts, p.Expr)
			}
		}
	}
	for _, v := range s.Views {
		texts = append(texts, v.Def)
	}
	for _, v := range minus(to.Values, from.Values) {
		lit := "'" + strings.ReplaceAll(v, "'", "''") + "'"
		for _, t := range texts {
			if strings.Contains(t, lit) || inArrayLiteral(t, v) {
				return true
			}
		}
	}
	return false
}
