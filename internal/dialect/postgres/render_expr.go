package postgres

import (
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/schema"
)

// elemCastRe matches an array element that is one string literal cast to a
// type: 'new'::character varying, 'a b'::"Kind", '1'::numeric(10,2).
var elemCastRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^'(?:[^']|'')*'::((?:[A-Za-z_][A-Za-z0-9_ ]*|"(?:[^"]|"")+")(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|"(?:[^"]|"")+"))?(?:\(\d+(?:,\s*\d+)?\))?)$`)
})

// arrayCasts rewrites "ARRAY['a'::T, 'b'::T]::U[]" in an expression the
// server printed as "ARRAY['a'::T, 'b'::T]::T[]::U[]". PostgreSQL prints an
// array of T cast as a whole to U[] that way (as for "col IN ('a', 'b')" on
// a varchar column), but parsing the printed text pushes the cast into the
// elements ("ARRAY['a'::T::U, …]"), a different expression that the
// catalog then shows differently. Casting to the elements' own array type
// first keeps the expression the server stored.
func arrayCasts(s string) string {
	if !strings.Contains(s, "]::") {
		return s
	}
	var inserts []int
	var types []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'', '"':
			i = skipQuoted(s, i)
			continue
		}
		if !strings.HasPrefix(s[i:], "ARRAY[") || (i > 0 && isIdentChar(s[i-1])) {
			continue
		}
		open := i + len("ARRAY")
		end := matchBracket(s, open)
		if end < 0 || !strings.HasPrefix(s[end+1:], "::") {
			continue
		}
		elems := splitTop(s[open+1 : end])
		typ := ""
		for _, e := range elems {
			m := elemCastRe().FindStringSubmatch(strings.TrimSpace(e))
			if m == nil || (typ != "" && m[1] != typ) {
				typ = ""
				break
			}
			typ = m[1]
		}
		if typ == "" || strings.HasPrefix(s[end+1:], "::"+typ+"[]") {
			continue
		}
		inserts = append(inserts, end+1)
		types = append(types, "::"+typ+"[]")
	}
	if len(inserts) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for k, at := range inserts {
		b.WriteString(s[last:at])
		b.WriteString(types[k])
		last = at
	}
	b.WriteString(s[last:])
	return b.String()
}

func isIdentChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// skipQuoted returns the index of the quote closing the literal or
// identifier opened at s[i] (doubled quotes stay inside), or len(s)-1.
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] != q {
			continue
		}
		if j+1 < len(s) && s[j+1] == q {
			j++
			continue
		}
		return j
	}
	return len(s) - 1
}

// matchBracket returns the index of the "]" closing the "[" at s[open],
// or -1.
func matchBracket(s string, open int) int {
	depth := 0
	for j := open; j < len(s); j++ {
		switch s[j] {
		case '\'', '"':
			j = skipQuoted(s, j)
		case '[', '(':
			depth++
		case ']', ')':
			depth--
			if depth == 0 {
				if s[j] != ']' {
					return -1
				}
				return j
			}
		}
	}
	return -1
}

// splitTop splits s at the commas outside brackets, parentheses and quotes.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '\'', '"':
			j = skipQuoted(s, j)
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:j])
				start = j + 1
			}
		}
	}
	return append(out, s[start:])
}

// reparsed returns the checks and indexes of m to drop before its changes
// and add after them: those that read a column whose type changes and whose
// text holds an array cast arrayCasts rewrites. PostgreSQL rebuilds such
// dependents from their printed text when the column changes type, which
// turns "ARRAY['a'::T]::U[]" into "ARRAY['a'::T::U]", a different stored
// expression; recreating them from the rewritten text keeps the original.
func reparsed(m *schema.ModifyTable) (before, after []schema.TableChange) {
	var pats []*regexp.Regexp
	dropped := map[string]bool{}
	for _, c := range m.Changes {
		switch c := c.(type) {
		case *schema.ModifyColumn:
			if c.Change.Is(schema.ChangeType) {
				n := regexp.QuoteMeta(c.From.Name)
				pats = append(pats, regexp.MustCompile(`(^|[^A-Za-z0-9_$"])(`+n+`|"`+n+`")($|[^A-Za-z0-9_$"])`))
			}
		case *schema.DropCheck:
			dropped["c:"+c.Check.Name] = true
		case *schema.DropIndex:
			dropped["i:"+c.Index.Name] = true
		case *schema.RenameIndex:
			dropped["i:"+c.From.Name] = true
		case *schema.RenameConstraint:
			dropped["c:"+c.From] = true
		}
	}
	if len(pats) == 0 {
		return nil, nil
	}
	affected := func(exprs ...string) bool {
		for _, e := range exprs {
			if e == "" || arrayCasts(e) == e {
				continue
			}
			for _, re := range pats {
				if re.MatchString(e) {
					return true
				}
			}
		}
		return false
	}
	for _, c := range m.From.Checks {
		if dropped["c:"+c.Name] || !affected(c.Expr) {
			continue
		}
		for _, tc := range m.To.Checks {
			if tc.Name == c.Name {
				before = append(before, &schema.DropCheck{Check: c})
				after = append(after, &schema.AddCheck{Check: tc})
			}
		}
	}
	for _, x := range m.From.Indexes {
		exprs := []string{x.Where}
		for _, p := range x.Parts {
			exprs = append(exprs, p.Expr)
		}
		if dropped["i:"+x.Name] || !affected(exprs...) {
			continue
		}
		for _, tx := range m.To.Indexes {
			if tx.Name == x.Name {
				before = append(before, &schema.DropIndex{Index: x})
				after = append(after, &schema.AddIndex{Index: tx})
			}
		}
	}
	return before, after
}
