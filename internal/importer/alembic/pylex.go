package alembic

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the tokenizer of the Python subset Alembic revision scripts
// are written in. It is not a Python implementation: it knows the lexical
// rules (strings with their prefixes, numbers, names, operators, comments,
// line joining inside brackets and after a backslash, indentation) well
// enough that a script the parser cannot translate is still split into
// statements with their lines, so that it can be quoted for a person.

type tokKind int

const (
	tEOF tokKind = iota
	tName
	tNumber
	tString
	tOp
	tNewline
	tIndent
	tDedent
)

type token struct {
	kind tokKind
	text string // as written (strings: the decoded value)
	line int
	// fstring marks an f-string (Python logic); bytes a b'' literal.
	fstring, bytes bool
}

func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of file"
	case tNewline:
		return "end of line"
	case tIndent:
		return "indent"
	case tDedent:
		return "dedent"
	case tString:
		return fmt.Sprintf("string %q", t.text)
	}
	return fmt.Sprintf("%q", t.text)
}

// lexError is a tokenizing failure at a line.
type lexError struct {
	line int
	msg  string
}

func (e *lexError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// lex splits src into tokens. It never panics; on a malformed file it
// returns an error naming the line.
func lex(src string) ([]token, error) {
	l := &lexer{src: src, line: 1, indents: []int{0}, atLineStart: true}
	for {
		done, err := l.next()
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
	}
	return l.toks, nil
}

type lexer struct {
	src         string
	pos         int
	line        int
	depth       int // open brackets
	indents     []int
	atLineStart bool
	toks        []token
}

func (l *lexer) emit(k tokKind, text string) {
	l.toks = append(l.toks, token{kind: k, text: text, line: l.line})
}

func (l *lexer) fail(format string, a ...any) error {
	return &lexError{line: l.line, msg: fmt.Sprintf(format, a...)}
}

// next reads one token (or indentation change); done at the end.
func (l *lexer) next() (bool, error) {
	if l.atLineStart && l.depth == 0 {
		if err := l.indentation(); err != nil {
			return false, err
		}
		if l.pos >= len(l.src) {
			return l.finish(), nil
		}
	}
	l.atLineStart = false // a line continued inside brackets
	if l.pos >= len(l.src) {
		return l.finish(), nil
	}
	c := l.src[l.pos]
	switch {
	case c == ' ' || c == '\t' || c == '\f':
		l.pos++
	case c == '#':
		for l.pos < len(l.src) && l.src[l.pos] != '\n' {
			l.pos++
		}
	case c == '\\' && l.pos+1 < len(l.src) && (l.src[l.pos+1] == '\n' || l.src[l.pos+1] == '\r'):
		l.pos += 2
		if l.src[l.pos-1] == '\r' && l.pos < len(l.src) && l.src[l.pos] == '\n' {
			l.pos++
		}
		l.line++
	case c == '\n' || c == '\r':
		l.pos++
		if c == '\r' && l.pos < len(l.src) && l.src[l.pos] == '\n' {
			l.pos++
		}
		if l.depth == 0 && len(l.toks) > 0 && l.toks[len(l.toks)-1].kind != tNewline &&
			l.toks[len(l.toks)-1].kind != tIndent && l.toks[len(l.toks)-1].kind != tDedent {
			l.emit(tNewline, "")
		}
		l.line++
		l.atLineStart = true
	case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(l.src) && l.src[l.pos+1] >= '0' && l.src[l.pos+1] <= '9':
		l.number()
	case isNameStart(l.src[l.pos:]):
		start := l.pos
		for l.pos < len(l.src) {
			r, n := utf8.DecodeRuneInString(l.src[l.pos:])
			if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				break
			}
			l.pos += n
		}
		word := l.src[start:l.pos]
		if l.pos < len(l.src) && (l.src[l.pos] == '\'' || l.src[l.pos] == '"') && isStringPrefix(word) {
			return false, l.str(strings.ToLower(word))
		}
		l.emit(tName, word)
	case c == '\'' || c == '"':
		return false, l.str("")
	default:
		return false, l.op()
	}
	return false, nil
}

func (l *lexer) finish() bool {
	if len(l.toks) > 0 && l.toks[len(l.toks)-1].kind != tNewline && l.toks[len(l.toks)-1].kind != tDedent {
		l.emit(tNewline, "")
	}
	for len(l.indents) > 1 {
		l.indents = l.indents[:len(l.indents)-1]
		l.emit(tDedent, "")
	}
	l.emit(tEOF, "")
	return true
}

// indentation measures a logical line's indentation, skipping blank and
// comment-only lines, and emits INDENT/DEDENT tokens.
func (l *lexer) indentation() error {
	for {
		col := 0
		p := l.pos
		for p < len(l.src) && (l.src[p] == ' ' || l.src[p] == '\t' || l.src[p] == '\f') {
			if l.src[p] == '\t' {
				col = (col/8 + 1) * 8
			} else {
				col++
			}
			p++
		}
		if p >= len(l.src) {
			l.pos = p
			return nil
		}
		if l.src[p] == '#' || l.src[p] == '\n' || l.src[p] == '\r' {
			for p < len(l.src) && l.src[p] != '\n' {
				p++
			}
			if p < len(l.src) {
				p++
			}
			l.line++
			l.pos = p
			continue
		}
		l.pos = p
		l.atLineStart = false
		top := l.indents[len(l.indents)-1]
		switch {
		case col > top:
			l.indents = append(l.indents, col)
			l.emit(tIndent, "")
		case col < top:
			for len(l.indents) > 1 && col < l.indents[len(l.indents)-1] {
				l.indents = l.indents[:len(l.indents)-1]
				l.emit(tDedent, "")
			}
			if col != l.indents[len(l.indents)-1] {
				return l.fail("the indentation does not match any outer level")
			}
		}
		return nil
	}
}

func isNameStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || unicode.IsLetter(r)
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

func (l *lexer) number() {
	start := l.pos
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' {
			l.pos++
			continue
		}
		if (c == '+' || c == '-') && (l.src[l.pos-1] == 'e' || l.src[l.pos-1] == 'E') && !strings.HasPrefix(strings.ToLower(l.src[start:]), "0x") {
			l.pos++
			continue
		}
		break
	}
	l.emit(tNumber, l.src[start:l.pos])
}

var threeCharOps = []string{"**=", "//=", ">>=", "<<=", "..."}
var twoCharOps = []string{"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="}

func (l *lexer) op() error {
	rest := l.src[l.pos:]
	for _, group := range [][]string{threeCharOps, twoCharOps} {
		for _, o := range group {
			if strings.HasPrefix(rest, o) {
				l.pos += len(o)
				l.emit(tOp, o)
				return nil
			}
		}
	}
	c := rest[0]
	switch c {
	case '(', '[', '{':
		l.depth++
	case ')', ']', '}':
		if l.depth == 0 {
			return l.fail("%q closes nothing", string(c))
		}
		l.depth--
	}
	if strings.IndexByte("()[]{},:.;=+-*/%@&|^~<>!", c) < 0 {
		r, _ := utf8.DecodeRuneInString(rest)
		return l.fail("unexpected character %q", r)
	}
	l.pos++
	l.emit(tOp, string(c))
	return nil
}

// str reads a string literal whose prefix (lower case) was just read.
func (l *lexer) str(prefix string) error {
	raw := strings.Contains(prefix, "r")
	q := l.src[l.pos]
	triple := strings.HasPrefix(l.src[l.pos:], strings.Repeat(string(q), 3))
	startLine := l.line
	if triple {
		l.pos += 3
	} else {
		l.pos++
	}
	var b strings.Builder
	for {
		if l.pos >= len(l.src) {
			l.line = startLine
			return l.fail("a string that never ends")
		}
		c := l.src[l.pos]
		if triple && strings.HasPrefix(l.src[l.pos:], strings.Repeat(string(q), 3)) {
			l.pos += 3
			break
		}
		if !triple && c == q {
			l.pos++
			break
		}
		if !triple && (c == '\n' || c == '\r') {
			return l.fail("a string that never ends on its line")
		}
		if c == '\n' {
			l.line++
		}
		if c == '\\' && l.pos+1 < len(l.src) {
			n := l.src[l.pos+1]
			if n == '\n' {
				l.line++
			}
			if raw {
				b.WriteByte(c)
				b.WriteByte(n)
				l.pos += 2
				continue
			}
			l.pos += 2
			l.escape(&b, n)
			continue
		}
		b.WriteByte(c)
		l.pos++
	}
	l.toks = append(l.toks, token{kind: tString, text: b.String(), line: startLine,
		fstring: strings.Contains(prefix, "f"), bytes: strings.Contains(prefix, "b")})
	return nil
}

// escape writes the value of the escape sequence \n (its first character
// read) to b; \x, \u and octal escapes are read on.
func (l *lexer) escape(b *strings.Builder, n byte) {
	switch n {
	case '\n':
	case '\\', '\'', '"':
		b.WriteByte(n)
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'r':
		b.WriteByte('\r')
	case 'a':
		b.WriteByte('\a')
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'v':
		b.WriteByte('\v')
	case 'x', 'u', 'U':
		size := map[byte]int{'x': 2, 'u': 4, 'U': 8}[n]
		if l.pos+size <= len(l.src) {
			var v rune
			ok := true
			for _, h := range l.src[l.pos : l.pos+size] {
				d := strings.IndexRune("0123456789abcdef", unicode.ToLower(h))
				if d < 0 {
					ok = false
					break
				}
				v = v*16 + rune(d)
			}
			if ok {
				l.pos += size
				b.WriteRune(v)
				return
			}
		}
		b.WriteByte('\\')
		b.WriteByte(n)
	default:
		if n >= '0' && n <= '7' {
			v := int(n - '0')
			for i := 0; i < 2 && l.pos < len(l.src) && l.src[l.pos] >= '0' && l.src[l.pos] <= '7'; i++ {
				v = v*8 + int(l.src[l.pos]-'0')
				l.pos++
			}
			b.WriteRune(rune(v))
			return
		}
		b.WriteByte('\\')
		b.WriteByte(n)
	}
}
