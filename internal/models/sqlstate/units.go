package sqlstate

import (
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// A unit is one table of the models with the statements that only shape
// it: its CREATE TABLE and the CREATE INDEX … ON it, ALTER TABLE it … and
// COMMENT ON it that follow. Loading the models unit by unit lets the cache
// (cache.go) keep each table's inspected result apart, so that a change to
// one table runs only that table (and what it references) again.
//
// Classification must be certain: a statement that is not one of these
// shapes, names a qualified or unknown table, or could reach another object
// in a way not listed as a reference (RENAME, INHERITS, LIKE, PARTITION, a
// SELECT, …) makes classify fail, and the models are then loaded whole.
type unit struct {
	name  string   // the table's name, folded to lower case
	stmts []int    // indexes into the models' statements, in order
	refs  []string // units this one references (foreign-key targets), folded
	// idents are the words and quoted names of its statements, folded.
	idents map[string]bool
}

// token is one lexical token of a statement: a word (kw true when it was
// not quoted), a quoted identifier, or a single punctuation character.
// Strings and comments are dropped.
type token struct {
	text   string
	quoted bool
}

func (t token) is(kw string) bool { return !t.quoted && strings.EqualFold(t.text, kw) }

// tokens reads one statement with the dialect's rules (sqlsplit.Tokens):
// words, numbers, quoted names and punctuation; strings and comments are
// dropped. ok is false when the text holds something classify does not read
// with certainty: a backslash, MySQL's executable comments or a hint, a
// nested or unterminated comment or quote, an E'…' string, a dollar quote
// or any other word or token opening with '$'.
func tokens(s string, r sqlsplit.Rules) (out []token, ok bool) {
	if strings.ContainsRune(s, '\\') {
		return nil, false
	}
	for _, t := range sqlsplit.Tokens(s, r) {
		if t.Has(sqlsplit.Unterminated) || t.Raw[0] == '$' {
			return nil, false
		}
		switch t.Kind {
		case sqlsplit.Comment:
			if t.Has(sqlsplit.Executable|sqlsplit.NestedComment) ||
				strings.HasPrefix(t.Raw, "/*!") || strings.HasPrefix(t.Raw, "/*M!") {
				return nil, false
			}
		case sqlsplit.String:
			if t.Raw[0] == 'E' || t.Raw[0] == 'e' {
				return nil, false
			}
		case sqlsplit.QuotedIdent:
			out = append(out, token{text: t.Text, quoted: true})
		default: // a word, a number or punctuation
			out = append(out, token{text: t.Text})
		}
	}
	return out, true
}

func isWord(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// name reads an unqualified object name at ts[i]: its folded form, or ok
// false for a qualified name, a keyword-looking punctuation or the end.
func name(ts []token, i int) (string, bool) {
	if i >= len(ts) {
		return "", false
	}
	t := ts[i]
	if !t.quoted && !isWord(t.text[0]) {
		return "", false
	}
	if i+1 < len(ts) && !ts[i+1].quoted && ts[i+1].text == "." {
		return "", false
	}
	return strings.ToLower(t.text), true
}

// forbidden are words that let a statement reach past its own table in a
// way the units cannot follow: a statement holding one is not classified.
var forbidden = map[string]bool{
	"inherits": true, "like": true, "partition": true, "select": true, "execute": true, "of": true,
	// Names read from strings: a sequence or relation named in a string
	// is a reference the lexer cannot see.
	"nextval": true, "currval": true, "setval": true, "lastval": true,
	"regclass": true, "regtype": true, "regproc": true, "regprocedure": true,
	"regoper": true, "regoperator": true, "regnamespace": true, "regrole": true,
	"regconfig": true, "regdictionary": true, "regcollation": true,
}

// alterForbidden are the ALTER TABLE actions that change a table's
// identity or tie it to other objects.
var alterForbidden = map[string]bool{
	"rename": true, "attach": true, "detach": true, "inherit": true, "owner": true,
	"schema": true, "tablespace": true,
}

// classify groups the models' statements into units. ok is false when any
// statement cannot be classified with certainty.
func classify(texts []string, r sqlsplit.Rules) (units []*unit, ok bool) {
	byName := map[string]*unit{}
	var targets []string
	for i, text := range texts {
		ts, ok := tokens(text, r)
		if !ok || len(ts) < 3 {
			return nil, false
		}
		tables := 0
		for _, t := range ts {
			w := strings.ToLower(t.text)
			if !t.quoted && (forbidden[w] || strings.HasPrefix(w, "pg_") || strings.HasPrefix(w, "to_reg")) {
				return nil, false
			}
			if t.is("table") {
				tables++
			}
		}
		if tables > 1 {
			return nil, false
		}
		var table string
		switch {
		case ts[0].is("create") && ts[1].is("table"):
			j := 2
			if j+2 < len(ts) && ts[j].is("if") && ts[j+1].is("not") && ts[j+2].is("exists") {
				j += 3
			}
			n, ok := name(ts, j)
			if !ok || j+1 >= len(ts) || ts[j+1].quoted || ts[j+1].text != "(" {
				return nil, false
			}
			if byName[n] != nil {
				return nil, false // two definitions of one name (or of two names one case apart)
			}
			u := &unit{name: n, idents: map[string]bool{}}
			byName[n] = u
			units = append(units, u)
			table = n
		case ts[0].is("create") && (ts[1].is("index") || ts[2].is("index") && (ts[1].is("unique") || ts[1].is("fulltext") || ts[1].is("spatial"))):
			// The table is the name after the first ON at depth 0.
			depth, j := 0, -1
			for k, t := range ts {
				if !t.quoted && t.text == "(" {
					depth++
				} else if !t.quoted && t.text == ")" {
					depth--
				} else if depth == 0 && t.is("on") {
					j = k + 1
					break
				}
			}
			if j < 0 {
				return nil, false
			}
			if j < len(ts) && ts[j].is("only") {
				j++
			}
			n, ok := name(ts, j)
			if !ok {
				return nil, false
			}
			table = n
		case ts[0].is("alter") && ts[1].is("table"):
			for _, t := range ts {
				if !t.quoted && alterForbidden[strings.ToLower(t.text)] {
					return nil, false
				}
			}
			j := 2
			if j+1 < len(ts) && ts[j].is("if") && ts[j+1].is("exists") {
				j += 2
			}
			if j < len(ts) && ts[j].is("only") {
				j++
			}
			n, ok := name(ts, j)
			if !ok {
				return nil, false
			}
			table = n
		case ts[0].is("comment") && ts[1].is("on") && len(ts) >= 4:
			switch {
			case ts[2].is("table"):
				n, ok := name(ts, 3)
				if !ok {
					return nil, false
				}
				table = n
			case ts[2].is("column"):
				// COMMENT ON COLUMN table.column: exactly two parts.
				if len(ts) < 7 || ts[4].quoted || ts[4].text != "." || ts[6].quoted || ts[6].text == "." {
					return nil, false
				}
				n, ok := name(ts, 3)
				if ok || n != "" {
					return nil, false
				}
				if !ts[3].quoted && !isWord(ts[3].text[0]) {
					return nil, false
				}
				table = strings.ToLower(ts[3].text)
			default:
				return nil, false
			}
		default:
			return nil, false
		}
		u := byName[table]
		if u == nil {
			return nil, false // a table not defined before: load whole
		}
		u.stmts = append(u.stmts, i)
		for k, t := range ts {
			if t.quoted || isWord(t.text[0]) {
				u.idents[strings.ToLower(t.text)] = true
			}
			if t.is("references") {
				n, ok := name(ts, k+1)
				if !ok {
					return nil, false // qualified
				}
				targets = append(targets, n)
			}
		}
	}
	for _, n := range targets {
		if byName[n] == nil {
			return nil, false // a foreign key to a table outside the models
		}
	}
	// A unit references every other unit whose name it holds as a word: a
	// foreign key's target, and on PostgreSQL a table's row type used as
	// a column type. More than the true references only costs time.
	for _, u := range units {
		for id := range u.idents {
			if id != u.name && byName[id] != nil {
				u.refs = append(u.refs, id)
			}
		}
		sort.Strings(u.refs)
	}
	return units, len(units) > 0
}
