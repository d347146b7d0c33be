package script

import (
	"fmt"
	"strings"
)

// Statement is one SQL statement of a section, without the trailing ';'.
type Statement struct {
	SQL  string
	Line int // 1-based line in the file where the statement starts
}

// Split splits SQL text into statements; firstLine is the file line of text's
// first line. Right about quotes, "double quoted" and `backtick` identifiers,
// $tag$ dollar quoting, -- and /* */ comments, BEGIN … END bodies, and the
// "-- +retort StatementBegin" / "-- +retort StatementEnd" block markers.
// BEGIN … END bodies are those of CREATE FUNCTION/PROCEDURE/TRIGGER/EVENT
// and MariaDB's compound statement BEGIN NOT ATOMIC … END.
//
// A statement's SQL runs from its first token to its last one: comments
// before it and between its end and the ';' are dropped, comments inside it
// are kept; fragments holding only comments yield no statement. CRLF line
// endings are read as LF. Errors are *Error with Line set (Path empty).
//
// Annotation lines are found line by line before any SQL is read, as in a
// revision file. Section markers and "-- +retort no-transaction" belong to
// revision files (Parse) and are an error here.
func Split(text string, firstLine int) ([]Statement, error) {
	items, err := scanBody(stripCR(text), firstLine)
	if err != nil {
		return nil, err
	}
	var out []Statement
	for _, it := range items {
		if it.annot != 0 {
			return nil, &Error{Line: it.line, Msg: fmt.Sprintf(
				"%s belongs in a revision file, not in a single section's SQL", it.annot)}
		}
		out = append(out, it.stmt)
	}
	return out, nil
}

// stripCR drops the carriage returns that end lines ("\r\n", also
// "\r\r\n"), so that splitting the result again changes nothing.
func stripCR(s string) string {
	if !strings.Contains(s, "\r\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			j := i
			for j < len(s) && s[j] == '\r' {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				i = j - 1
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// annotKind is a "-- +retort <name>" annotation.
type annotKind int

const (
	annotUpgrade annotKind = iota + 1
	annotDowngrade
	annotNoTransaction
	annotStatementBegin
	annotStatementEnd
	annotEmpty
)

func (k annotKind) String() string {
	switch k {
	case annotUpgrade:
		return "-- +retort upgrade"
	case annotDowngrade:
		return "-- +retort downgrade"
	case annotNoTransaction:
		return "-- +retort no-transaction"
	case annotStatementBegin:
		return "-- +retort StatementBegin"
	case annotStatementEnd:
		return "-- +retort StatementEnd"
	case annotEmpty:
		return "-- +retort empty"
	}
	return fmt.Sprintf("annotation(%d)", int(k))
}

// parseAnnotation reads the text after "+retort" (case-insensitive names).
func parseAnnotation(name string) (annotKind, bool) {
	switch strings.ToLower(name) {
	case "upgrade":
		return annotUpgrade, true
	case "downgrade":
		return annotDowngrade, true
	case "no-transaction":
		return annotNoTransaction, true
	case "statementbegin":
		return annotStatementBegin, true
	case "statementend":
		return annotStatementEnd, true
	case "empty":
		return annotEmpty, true
	}
	return 0, false
}

const knownAnnotations = "upgrade, downgrade, no-transaction, empty, StatementBegin, StatementEnd"

// annotationText reports whether comment (the text after "--") is a
// "+retort …" annotation and returns what follows "+retort".
func annotationText(comment string) (rest string, ok bool) {
	c := strings.TrimSpace(comment)
	const tag = "+retort"
	if len(c) < len(tag) || !strings.EqualFold(c[:len(tag)], tag) {
		return "", false
	}
	return c[len(tag):], true
}

// item is what the body scanner yields: a statement or an annotation line.
type item struct {
	annot     annotKind // 0: stmt holds a statement
	stmt      Statement
	line      int // annotation line
	lineStart int // byte offsets of the annotation line, end includes its '\n'
	lineEnd   int
	mysql     bool // the statement was lexed with MySQL's rules
	block     bool // the statement is a StatementBegin … StatementEnd block
}

// scanBody splits text into statements and annotation lines.
//
// Annotations are found line by line first, whatever the SQL around them
// (a line whose text starts with "-- +retort" is always an annotation), so
// that readers without a SQL lexer cut a file into sections exactly as
// retort does, and an unterminated quote cannot swallow a marker. The SQL
// between annotation lines is then lexed piece by piece (lexSegment).
func scanBody(text string, firstLine int) ([]item, error) {
	var items []item
	segStart, segLine := 0, firstLine
	block, blockLine := false, 0
	flush := func(end int) error {
		its, err := lexSegment(text[segStart:end], segLine, block)
		for i := range its {
			its[i].block = block
		}
		items = append(items, its...)
		return err
	}
	line := firstLine
	for off := 0; off < len(text); line++ {
		lineEnd, next := len(text), len(text)
		if nl := strings.IndexByte(text[off:], '\n'); nl >= 0 {
			lineEnd, next = off+nl, off+nl+1
		}
		kind, isAnnot, err := annotationLine(text[off:lineEnd], line)
		if err != nil {
			return nil, err
		}
		if !isAnnot {
			off = next
			continue
		}
		switch {
		case kind == annotStatementBegin && block:
			return nil, &Error{Line: line, Msg: fmt.Sprintf("%s inside the block opened at line %d; close that one with %s first",
				kind, blockLine, annotStatementEnd)}
		case kind == annotStatementEnd && !block:
			return nil, &Error{Line: line, Msg: fmt.Sprintf("%s without a %s before it", kind, annotStatementBegin)}
		case kind != annotStatementEnd && block:
			return nil, &Error{Line: line, Msg: fmt.Sprintf("%s inside the %s block opened at line %d; close it with %s first",
				kind, annotStatementBegin, blockLine, annotStatementEnd)}
		}
		if err := flush(off); err != nil {
			return nil, err
		}
		switch kind {
		case annotStatementBegin:
			block, blockLine = true, line
		case annotStatementEnd:
			block = false
		default:
			items = append(items, item{annot: kind, line: line, lineStart: off, lineEnd: next})
		}
		segStart, segLine = next, line+1
		off = next
	}
	if block {
		return nil, &Error{Line: blockLine, Msg: fmt.Sprintf("%s has no matching %s", annotStatementBegin, annotStatementEnd)}
	}
	if err := flush(len(text)); err != nil {
		return nil, err
	}
	return items, nil
}

// annotationLine reports whether line is a "-- +retort" annotation line and
// which one; an unknown name is an error.
func annotationLine(line string, n int) (annotKind, bool, error) {
	t := strings.TrimLeft(line, " \t\r\v\f")
	if !strings.HasPrefix(t, "--") {
		return 0, false, nil
	}
	rest, ok := annotationText(t[2:])
	if !ok {
		return 0, false, nil
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, false, &Error{Line: n, Msg: fmt.Sprintf("unknown annotation %q; known: %s", "-- +retort"+rest, knownAnnotations)}
	}
	name := strings.TrimSpace(rest)
	kind, ok := parseAnnotation(name)
	switch {
	case ok:
		return kind, true, nil
	case name == "":
		return 0, false, &Error{Line: n, Msg: fmt.Sprintf("annotation %q names nothing; known: %s", "-- +retort", knownAnnotations)}
	}
	return 0, false, &Error{Line: n, Msg: fmt.Sprintf("unknown annotation %q; known: %s", "-- +retort "+name, knownAnnotations)}
}

// lexSegment splits SQL without annotation lines into statements; in a
// StatementBegin block (block) it is one statement. It lexes with standard
// SQL rules (a backslash is an ordinary character inside '…', as in
// PostgreSQL and SQLite); if that leaves a string or comment unterminated
// and MySQL's rules (backslash escapes in '…' and "…", # comments, no nested
// comments) read the text cleanly, those win.
func lexSegment(text string, firstLine int, block bool) ([]item, error) {
	items, _, err := lexMode(text, firstLine, block)
	return items, err
}

// lexMode is lexSegment that also reports whether MySQL's rules were used.
func lexMode(text string, firstLine int, block bool) (items []item, mysql bool, err error) {
	l := lexer{src: text, line: firstLine, block: block}
	err = l.run()
	if err == nil {
		return l.items, false, nil
	}
	if l.unterminated {
		m := lexer{src: text, line: firstLine, block: block, mysql: true}
		if m.run() == nil {
			for i := range m.items {
				m.items[i].mysql = true
			}
			return m.items, true, nil
		}
	}
	return nil, false, err
}

type tokKind int

const (
	tkWord   tokKind = iota // bare word: keyword, identifier or number
	tkQuoted                // string, quoted identifier, dollar-quoted text, /*! … */
	tkPunct                 // any other single character
	tkSemi                  // ';'
)

// routine detection: where a statement is in "CREATE [OR REPLACE]
// [DEFINER = user] [TEMP] TRIGGER|PROCEDURE|FUNCTION|EVENT".
type routineState int

const (
	rsStart routineState = iota
	rsAfterCreate
	rsDefinerEq
	rsDefinerUser
	rsDefinerAfterUser
	rsDefinerHost
	rsDefinerParen
	rsRoutine
	rsOther
	rsCompoundBegin // "BEGIN" opening a statement: MariaDB's BEGIN NOT ATOMIC?
	rsCompoundNot
)

// opener is a compound statement opened in a routine body.
type opener struct {
	kind string // BEGIN, CASE, IF, WHILE, LOOP, REPEAT or FOR
	line int
}

type lexer struct {
	src   string
	mysql bool
	pos   int
	line  int
	items []item

	unterminated bool // the error is an unterminated quote or comment

	// current statement
	first       int // offset of its first token; -1: none yet
	firstLine   int
	lastNonSemi int // end of its last token other than ';'
	routine     routineState
	openers     []opener // open compound statements of a routine body
	prevKind    tokKind  // the body's previous token
	prevWord    string
	pendBegin   bool
	pendEnd     bool
	pendLine    int

	block bool // the text is a StatementBegin … StatementEnd block: one statement
}

func (l *lexer) errorf(line int, format string, args ...any) error {
	return &Error{Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) unterminatedf(line int, format string, args ...any) error {
	l.unterminated = true
	return l.errorf(line, format, args...)
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || ('0' <= c && c <= '9') || c == '$'
}

// advance moves to offset to, counting the newlines passed.
func (l *lexer) advance(to int) {
	l.line += strings.Count(l.src[l.pos:to], "\n")
	l.pos = to
}

// atLineStart reports whether only blanks precede offset i on its line.
func (l *lexer) atLineStart(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch l.src[j] {
		case '\n':
			return true
		case ' ', '\t', '\v', '\f', '\r':
		default:
			return false
		}
	}
	return true
}

func (l *lexer) resetStatement() {
	l.first = -1
	l.lastNonSemi = -1
	l.routine = rsStart
	l.openers = l.openers[:0]
	l.prevKind, l.prevWord = tkPunct, ""
	l.pendBegin, l.pendEnd = false, false
}

func (l *lexer) run() error {
	l.resetStatement()
	src := l.src
	for l.pos < len(src) {
		c := src[l.pos]
		start, line := l.pos, l.line
		switch {
		case c == '\n':
			l.line++
			l.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			l.pos++
		case c == '-' && l.pos+1 < len(src) && src[l.pos+1] == '-':
			end := strings.IndexByte(src[l.pos:], '\n')
			if end < 0 {
				end = len(src)
			} else {
				end += l.pos
			}
			// Annotation lines were cut out before lexing; one here follows SQL.
			if comment := src[l.pos+2 : end]; !l.atLineStart(l.pos) {
				if _, ok := annotationText(comment); ok {
					return l.errorf(line, "annotation %q must be on a line of its own", "--"+comment)
				}
			}
			l.pos = end
		case c == '#' && l.mysql:
			end := strings.IndexByte(src[l.pos:], '\n')
			if end < 0 {
				l.pos = len(src)
			} else {
				l.pos += end
			}
		case c == '/' && l.pos+1 < len(src) && src[l.pos+1] == '*':
			end, ok := l.blockComment()
			if !ok {
				return l.unterminatedf(line, "unterminated /* comment: add the closing */")
			}
			hint := l.pos+2 < len(src) && (src[l.pos+2] == '!' || src[l.pos+2] == '+') ||
				strings.HasPrefix(src[l.pos:], "/*M!") // MariaDB's executable comment
			l.advance(end)
			if hint { // MySQL executable comment or optimizer hint: it is SQL
				if err := l.token(tkQuoted, start, end, line, ""); err != nil {
					return err
				}
			}
		case c == '\'':
			if err := l.quoted('\'', l.mysql, "string"); err != nil {
				return err
			}
			if err := l.token(tkQuoted, start, l.pos, line, ""); err != nil {
				return err
			}
		case c == '"':
			what := "quoted identifier"
			if l.mysql {
				what = "string"
			}
			if err := l.quoted('"', l.mysql, what); err != nil {
				return err
			}
			if err := l.token(tkQuoted, start, l.pos, line, ""); err != nil {
				return err
			}
		case c == '`':
			if err := l.quoted('`', false, "quoted identifier"); err != nil {
				return err
			}
			if err := l.token(tkQuoted, start, l.pos, line, ""); err != nil {
				return err
			}
		case c == '$':
			tag := dollarTag(src[l.pos:])
			if tag == "" {
				l.pos++
				if err := l.token(tkPunct, start, l.pos, line, "$"); err != nil {
					return err
				}
				break
			}
			end := strings.Index(src[l.pos+len(tag):], tag)
			if end < 0 {
				return l.errorf(line, "unterminated dollar-quoted string: %s opened here is never closed", tag)
			}
			l.advance(l.pos + len(tag) + end + len(tag))
			if err := l.token(tkQuoted, start, l.pos, line, ""); err != nil {
				return err
			}
		case isIdentChar(c):
			end := l.pos + 1
			for end < len(src) && isIdentChar(src[end]) {
				end++
			}
			word := src[l.pos:end]
			if (word == "E" || word == "e") && end < len(src) && src[end] == '\'' && !l.mysql {
				l.pos = end
				if err := l.quoted('\'', true, "string"); err != nil {
					return err
				}
				if err := l.token(tkQuoted, start, l.pos, line, ""); err != nil {
					return err
				}
				break
			}
			l.pos = end
			if err := l.token(tkWord, start, end, line, word); err != nil {
				return err
			}
		case c == ';':
			l.pos++
			if err := l.semicolon(start, line); err != nil {
				return err
			}
		default:
			l.pos++
			if err := l.token(tkPunct, start, l.pos, line, src[start:l.pos]); err != nil {
				return err
			}
		}
	}
	return l.endStatement()
}

// dollarTag returns the $tag$ or $$ opening s, or "".
func dollarTag(s string) string {
	i := 1
	if i < len(s) && isIdentStart(s[i]) {
		i++
		for i < len(s) && isIdentChar(s[i]) && s[i] != '$' {
			i++
		}
	}
	if i < len(s) && s[i] == '$' {
		return s[:i+1]
	}
	return ""
}

// blockComment returns the end of the /* comment at l.pos. Standard SQL (and
// PostgreSQL) nest comments; MySQL does not.
func (l *lexer) blockComment() (int, bool) {
	src := l.src
	depth := 0
	for i := l.pos; i+1 < len(src); {
		switch {
		case src[i] == '/' && src[i+1] == '*':
			if depth == 0 || !l.mysql {
				depth++
			}
			i += 2
		case src[i] == '*' && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i, true
			}
		default:
			i++
		}
	}
	return 0, false
}

// quoted consumes the quoted text opening at l.pos (a doubled quote is an
// escaped quote; backslash escapes too when asked).
func (l *lexer) quoted(q byte, backslash bool, what string) error {
	src, line := l.src, l.line
	for i := l.pos + 1; i < len(src); i++ {
		switch src[i] {
		case '\\':
			if backslash {
				i++
			}
		case q:
			if i+1 < len(src) && src[i+1] == q {
				i++
				continue
			}
			l.advance(i + 1)
			return nil
		}
	}
	return l.unterminatedf(line, "unterminated %s: the %c opened here is never closed", what, q)
}

// token records a token of the current statement.
func (l *lexer) token(kind tokKind, start, end, line int, word string) error {
	if l.first < 0 {
		l.first, l.firstLine, l.lastNonSemi = start, line, start
		if kind == tkWord && strings.EqualFold(word, "DELIMITER") {
			return l.errorf(line, "DELIMITER is a command of the mysql client, not SQL: remove it "+
				"(BEGIN … END bodies of CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT stay whole without it), "+
				"or wrap the statement in %s / %s", annotStatementBegin, annotStatementEnd)
		}
	}
	if kind != tkSemi {
		l.lastNonSemi = end
	}
	if l.block {
		return nil
	}
	if l.routine != rsRoutine {
		l.detectRoutine(kind, word, line)
		return nil
	}
	l.bodyToken(kind, word, line)
	return nil
}

func (l *lexer) semicolon(start, line int) error {
	if l.block {
		if l.first >= 0 {
			return l.token(tkSemi, start, start+1, line, ";")
		}
		return nil
	}
	if l.routine == rsRoutine {
		l.bodyToken(tkSemi, ";", line)
		if len(l.openers) > 0 {
			return nil // inside BEGIN … END
		}
	}
	return l.endStatement()
}

func oneOf(word string, set ...string) bool {
	for _, s := range set {
		if strings.EqualFold(word, s) {
			return true
		}
	}
	return false
}

func (l *lexer) detectRoutine(kind tokKind, word string, line int) {
	switch l.routine {
	case rsStart:
		switch {
		case kind == tkWord && strings.EqualFold(word, "CREATE"):
			l.routine = rsAfterCreate
		case kind == tkWord && strings.EqualFold(word, "BEGIN"):
			l.routine = rsCompoundBegin
		default:
			l.routine = rsOther
		}
	case rsCompoundBegin:
		l.routine = rsOther
		if kind == tkWord && strings.EqualFold(word, "NOT") {
			l.routine = rsCompoundNot
		}
	case rsCompoundNot:
		l.routine = rsOther
		if kind == tkWord && strings.EqualFold(word, "ATOMIC") {
			// MariaDB's compound statement outside a stored program: its
			// body is a routine body, already inside the BEGIN.
			l.routine = rsRoutine
			l.open("BEGIN", line)
			l.prevKind, l.prevWord = kind, word
		}
	case rsAfterCreate:
		switch {
		case kind != tkWord:
			l.routine = rsOther
		case oneOf(word, "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"):
			l.routine = rsRoutine
		case oneOf(word, "OR", "REPLACE", "TEMP", "TEMPORARY", "AGGREGATE", "CONSTRAINT",
			"EDITIONABLE", "NONEDITIONABLE"):
		case strings.EqualFold(word, "DEFINER"):
			l.routine = rsDefinerEq
		default:
			l.routine = rsOther
		}
	case rsDefinerEq:
		l.routine = rsOther
		if kind == tkPunct && word == "=" {
			l.routine = rsDefinerUser
		}
	case rsDefinerUser:
		l.routine = rsOther
		if kind == tkWord || kind == tkQuoted {
			l.routine = rsDefinerAfterUser
		}
	case rsDefinerAfterUser:
		switch {
		case kind == tkPunct && word == "@":
			l.routine = rsDefinerHost
		case kind == tkPunct && word == "(":
			l.routine = rsDefinerParen
		default:
			l.routine = rsAfterCreate
			l.detectRoutine(kind, word, line)
		}
	case rsDefinerHost:
		l.routine = rsOther
		if kind == tkWord || kind == tkQuoted {
			l.routine = rsAfterCreate
		}
	case rsDefinerParen:
		l.routine = rsOther
		if kind == tkPunct && word == ")" {
			l.routine = rsAfterCreate
		}
	}
}

// bodyToken tracks the compound statements of a routine body — BEGIN …
// END, CASE … END [CASE], and IF, WHILE, LOOP, REPEAT and FOR … END <kind>
// where a statement starts — so that a ';' inside the body does not end the
// statement. BEGIN followed by ';', TRANSACTION or WORK starts a
// transaction, not a body.
//
// The openers are kept on a stack and an END closes the nearest opener of
// its kind (END IF the nearest IF, a bare END the nearest BEGIN or CASE), so
// that an opener missed or wrongly seen cannot unbalance the rest.
func (l *lexer) bodyToken(kind tokKind, word string, line int) {
	prevKind, prevWord := l.prevKind, l.prevWord
	l.prevKind, l.prevWord = kind, word
	afterParen := prevKind == tkPunct && prevWord == ")" // the body after "p()"; "(…) FOR UPDATE" is no loop
	stmtStart := prevKind == tkSemi || afterParen || prevKind == tkPunct && prevWord == ":" ||
		prevKind == tkWord && oneOf(prevWord, "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "ROW", "ATOMIC")
	if l.pendBegin {
		l.pendBegin = false
		if !(kind == tkSemi || kind == tkWord && oneOf(word, "TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")) {
			l.open("BEGIN", l.pendLine)
		}
	}
	if l.pendEnd {
		l.pendEnd = false
		if kind == tkWord && oneOf(word, "IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE") {
			// END IF, END LOOP, …: the word closes a statement, it opens
			// none, and no statement starts after it.
			l.close(strings.ToUpper(word))
			l.prevWord = ""
			return
		}
		l.close("")
	}
	if kind != tkWord {
		return
	}
	switch {
	case strings.EqualFold(word, "BEGIN"):
		l.pendBegin, l.pendLine = true, line
	case strings.EqualFold(word, "CASE"):
		l.open("CASE", line)
	case strings.EqualFold(word, "END"):
		l.pendEnd = true
	case stmtStart && oneOf(word, "IF", "WHILE", "LOOP", "REPEAT"),
		stmtStart && !afterParen && strings.EqualFold(word, "FOR"):
		l.open(strings.ToUpper(word), line)
	}
}

// open pushes a compound statement opener.
func (l *lexer) open(kind string, line int) {
	l.openers = append(l.openers, opener{kind, line})
}

// close pops the nearest opener of kind ("" : the nearest BEGIN or CASE),
// with everything opened after it; without one it does nothing.
func (l *lexer) close(kind string) {
	for i := len(l.openers) - 1; i >= 0; i-- {
		k := l.openers[i].kind
		if k == kind || kind == "" && (k == "BEGIN" || k == "CASE") {
			l.openers = l.openers[:i]
			return
		}
	}
}

// endStatement emits the current statement, if it has any SQL.
func (l *lexer) endStatement() error {
	if l.routine == rsRoutine {
		if l.pendBegin {
			l.pendBegin = false
			l.open("BEGIN", l.pendLine)
		}
		if l.pendEnd {
			l.pendEnd = false
			l.close("")
		}
		if len(l.openers) > 0 {
			o := l.openers[0]
			return l.errorf(o.line, "the %s opened here has no matching END before the statement ends; "+
				"add the END, or wrap the whole statement in %s / %s", o.kind, annotStatementBegin, annotStatementEnd)
		}
	}
	if l.first >= 0 && l.lastNonSemi > l.first {
		l.items = append(l.items, item{stmt: Statement{SQL: l.src[l.first:l.lastNonSemi], Line: l.firstLine}})
	}
	l.resetStatement()
	return nil
}
