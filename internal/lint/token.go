package lint

import (
	"strings"
)

// tokKind is the kind of a token.
type tokKind int

const (
	tWord   tokKind = iota + 1 // unquoted identifier or keyword
	tIdent                     // "quoted" or `quoted` identifier
	tString                    // '…', E'…', $tag$…$tag$
	tNumber                    // 12, 1.5
	tPunct                     // ( ) , ; . = :: and any other single character
)

// token is one lexical token of a statement.
type token struct {
	kind tokKind
	text string // a word as written; an identifier unquoted; a string's body
	raw  string // as written
}

// is reports whether t is the keyword w (any case).
func (t token) is(w string) bool { return t.kind == tWord && strings.EqualFold(t.text, w) }

// punct reports whether t is the punctuation p.
func (t token) punct(p string) bool { return t.kind == tPunct && t.text == p }

// name is t as an identifier: an unquoted word folds to lower case (as
// PostgreSQL folds it, and MySQL and SQLite compare it), a quoted one is kept.
func (t token) name() string {
	if t.kind == tWord {
		return strings.ToLower(t.text)
	}
	return t.text
}

// tokenize splits a statement into tokens, dropping white space and
// comments. It never fails: an unterminated quote or comment ends at the end
// of the text.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-', c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			i = skipComment(s, i)
		case c == '\'':
			j, body := quoted(s, i, '\'', false)
			out = append(out, token{kind: tString, text: body, raw: s[i:j]})
			i = j
		case (c == 'e' || c == 'E' || c == 'n' || c == 'N' || c == 'x' || c == 'X' || c == 'b' || c == 'B') && i+1 < len(s) && s[i+1] == '\'':
			j, body := quoted(s, i+1, '\'', c == 'e' || c == 'E')
			out = append(out, token{kind: tString, text: body, raw: s[i:j]})
			i = j
		case c == '"' || c == '`':
			j, body := quoted(s, i, c, false)
			out = append(out, token{kind: tIdent, text: body, raw: s[i:j]})
			i = j
		case c == '[' && bracketName(s[i:]) != "": // SQLite accepts [name]
			name := bracketName(s[i:])
			out = append(out, token{kind: tIdent, text: name, raw: s[i : i+len(name)+2]})
			i += len(name) + 2
		case c == '$':
			if tag := dollarTag(s[i:]); tag != "" {
				end := strings.Index(s[i+len(tag):], tag)
				j := len(s)
				body := s[i+len(tag):]
				if end >= 0 {
					body = s[i+len(tag) : i+len(tag)+end]
					j = i + len(tag) + end + len(tag)
				}
				out = append(out, token{kind: tString, text: body, raw: s[i:j]})
				i = j
				continue
			}
			out = append(out, token{kind: tPunct, text: "$", raw: "$"})
			i++
		case isDigit(c):
			j := i
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == 'e' || s[j] == 'E') {
				j++
			}
			out = append(out, token{kind: tNumber, text: s[i:j], raw: s[i:j]})
			i = j
		case isWordStart(c):
			j := i
			for j < len(s) && isWordChar(s[j]) {
				j++
			}
			out = append(out, token{kind: tWord, text: s[i:j], raw: s[i:j]})
			i = j
		case c == ':' && i+1 < len(s) && s[i+1] == ':':
			out = append(out, token{kind: tPunct, text: "::", raw: "::"})
			i += 2
		default:
			out = append(out, token{kind: tPunct, text: s[i : i+1], raw: s[i : i+1]})
			i++
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
func isWordChar(c byte) bool { return isWordStart(c) || isDigit(c) || c == '$' }

// skipComment returns the offset after the /* … */ comment at i (nested, as
// PostgreSQL reads them; the end of the text if it is not closed).
func skipComment(s string, i int) int {
	depth := 0
	for i < len(s) {
		switch {
		case s[i] == '/' && i+1 < len(s) && s[i+1] == '*':
			depth++
			i += 2
		case s[i] == '*' && i+1 < len(s) && s[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return i
}

// quoted reads the quoted text starting at s[i] == q, a doubled quote
// standing for one (and a backslash escaping the next character when
// backslash: PostgreSQL's E'…'). It returns the offset after the closing
// quote and the body.
func quoted(s string, i int, q byte, backslash bool) (int, string) {
	var b strings.Builder
	j := i + 1
	for j < len(s) {
		c := s[j]
		switch {
		case c == q && j+1 < len(s) && s[j+1] == q:
			b.WriteByte(q)
			j += 2
		case c == q:
			return j + 1, b.String()
		case c == '\\' && backslash && j+1 < len(s):
			b.WriteByte(c)
			b.WriteByte(s[j+1])
			j += 2
		default:
			b.WriteByte(c)
			j++
		}
	}
	return j, b.String()
}

// dollarTag returns the $tag$ that s starts with, "" when none.
func dollarTag(s string) string {
	if len(s) < 2 || s[0] != '$' {
		return ""
	}
	for j := 1; j < len(s); j++ {
		c := s[j]
		if c == '$' {
			return s[:j+1]
		}
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || j > 1 && isDigit(c)) {
			return ""
		}
	}
	return ""
}

// bracketName returns the name of a SQLite [name] identifier at the start
// of s, "" when s starts no such name (PostgreSQL's int[] and a[1]).
func bracketName(s string) string {
	j := strings.IndexByte(s, ']')
	if j <= 1 {
		return ""
	}
	name := s[1:j]
	if strings.ContainsAny(name, "[\n") {
		return ""
	}
	for k := 0; k < len(name); k++ {
		if !isDigit(name[k]) && name[k] != ':' && name[k] != ' ' {
			return name
		}
	}
	return ""
}
