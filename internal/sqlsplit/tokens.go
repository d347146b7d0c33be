package sqlsplit

import "strings"

// TokenKind is the kind of a Token.
type TokenKind uint8

const (
	// Word is a bare word: a keyword or an unquoted identifier (it may hold
	// '$', as PostgreSQL and MySQL allow).
	Word TokenKind = iota + 1
	// Number is a bare word opening with a digit: 12, 1e5, 0x1F. A '.' is
	// punctuation, as the splitter reads it: 1.5 is three tokens.
	Number
	// QuotedIdent is a "…" (unless the rules make it a string) or `…` name.
	QuotedIdent
	// String is '…', "…" under Backslash rules, E'…' under EStrings rules,
	// or $tag$…$tag$ under DollarQuotes rules.
	String
	// Punct is any other single character, ';' included.
	Punct
	// Comment is -- … or # … to the end of its line (the newline not
	// included), or /* … */, executable comments and hints included.
	Comment
)

// TokenFlag marks what a careful reader of a token may need to refuse.
type TokenFlag uint8

const (
	// Unterminated: the quote or /* comment is never closed; the token runs
	// to the end of the text.
	Unterminated TokenFlag = 1 << iota
	// Backslashed: a string read with backslash escapes (Backslash rules,
	// or E'…') that holds a backslash.
	Backslashed
	// Executable: an optimizer hint /*+ … */, or under ExecutableComments
	// MySQL's /*! … */ or MariaDB's /*M! … */: SQL the server reads, which
	// the splitter keeps as part of its statement.
	Executable
	// NestedComment: a /* comment holding another "/*", which dialects
	// that nest comments and those that do not end in different places.
	NestedComment
)

// Token is one lexical token of a statement.
type Token struct {
	Kind TokenKind
	// Text is a word or number as written; a quoted identifier's or
	// string's body with a doubled quote read as one (backslash escapes are
	// kept as written); a comment as written.
	Text   string
	Raw    string // the token as written
	Offset int    // Raw's byte offset in the statement
	Flags  TokenFlag
}

// Has reports whether t carries flag f.
func (t Token) Has(f TokenFlag) bool { return t.Flags&f != 0 }

// Is reports whether t is the bare word w, in any case.
func (t Token) Is(w string) bool { return t.Kind == Word && strings.EqualFold(t.Text, w) }

// IsPunct reports whether t is the punctuation character p.
func (t Token) IsPunct(p string) bool { return t.Kind == Punct && t.Text == p }

// Tokens reads one statement as the splitter reads it under r: the same
// quotes, comments, dollar quotes and bare words. White space is dropped;
// comments are kept, so that a caller can refuse them. It never fails:
// what the splitter would refuse as unterminated is a token flagged
// Unterminated that runs to the end of the text.
func Tokens(stmt string, r Rules) []Token {
	var out []Token
	s := stmt
	add := func(kind TokenKind, start, end int, text string, flags TokenFlag) {
		out = append(out, Token{Kind: kind, Text: text, Raw: s[start:end], Offset: start, Flags: flags})
	}
	// quoted adds the quoted text whose quote opens at s[q] (the token
	// itself starting at start) and returns its end.
	quoted := func(kind TokenKind, start, q int, backslash bool) int {
		end, closed := SkipQuoted(s, q, backslash)
		var flags TokenFlag
		if !closed {
			flags |= Unterminated
		}
		bodyEnd := end
		if closed {
			bodyEnd--
		}
		body := unquoteBody(s[q+1:bodyEnd], s[q], backslash)
		if backslash && strings.IndexByte(s[q+1:bodyEnd], '\\') >= 0 {
			flags |= Backslashed
		}
		add(kind, start, end, body, flags)
		return end
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-', c == '#' && r.HashComments:
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
			add(Comment, i, end, s[i:end], 0)
			i = end
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end, closed := commentEnd(s, i, r.NestedComments)
			var flags TokenFlag
			if !closed {
				end = len(s)
				flags |= Unterminated
			}
			if strings.HasPrefix(s[i:], "/*+") || r.ExecutableComments &&
				(strings.HasPrefix(s[i:], "/*!") || strings.HasPrefix(s[i:], "/*M!")) {
				flags |= Executable
			}
			if strings.Contains(s[i+2:end], "/*") {
				flags |= NestedComment
			}
			add(Comment, i, end, s[i:end], flags)
			i = end
		case c == '\'':
			i = quoted(String, i, i, r.Backslash)
		case c == '"':
			kind := QuotedIdent
			if r.Backslash {
				kind = String
			}
			i = quoted(kind, i, i, r.Backslash)
		case c == '`':
			i = quoted(QuotedIdent, i, i, false)
		case c == '$' && r.DollarQuotes:
			tag := DollarTag(s[i:])
			if tag == "" {
				add(Punct, i, i+1, "$", 0)
				i++
				break
			}
			body := i + len(tag)
			n := strings.Index(s[body:], tag)
			if n < 0 {
				add(String, i, len(s), s[body:], Unterminated)
				i = len(s)
				break
			}
			add(String, i, body+n+len(tag), s[body:body+n], 0)
			i = body + n + len(tag)
		case IsIdentChar(c):
			end := i + 1
			for end < len(s) && IsIdentChar(s[end]) {
				end++
			}
			if word := s[i:end]; (word == "E" || word == "e") && end < len(s) && s[end] == '\'' && r.EStrings {
				i = quoted(String, i, end, true)
				break
			}
			kind := Word
			if '0' <= c && c <= '9' {
				kind = Number
			}
			add(kind, i, end, s[i:end], 0)
			i = end
		default:
			add(Punct, i, i+1, s[i:i+1], 0)
			i++
		}
	}
	return out
}

// unquoteBody reads a quoted body: a doubled quote q is one, and with
// backslash a backslash and the byte after it are kept as written.
func unquoteBody(body string, q byte, backslash bool) string {
	if strings.IndexByte(body, q) < 0 {
		return body
	}
	var b strings.Builder
	for j := 0; j < len(body); j++ {
		c := body[j]
		switch {
		case c == '\\' && backslash && j+1 < len(body):
			b.WriteByte(c)
			b.WriteByte(body[j+1])
			j++
		case c == q && j+1 < len(body) && body[j+1] == q:
			b.WriteByte(q)
			j++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
