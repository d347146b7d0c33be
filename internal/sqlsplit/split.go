package sqlsplit

import (
	"fmt"
	"strconv"
	"strings"
)

// Statement is one SQL statement, without the trailing ';'.
type Statement struct {
	SQL  string
	Line int // 1-based line in the file where the statement starts
}

// Error is text the splitter cannot read, at a line of the file.
type Error struct {
	Line int // 1-based
	Msg  string
}

func (e *Error) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Msg }

// Scan splits the SQL of a revision file's body into statements and
// annotation lines; firstLine is the file line of text's first line.
//
// Every line whose text starts with "-- +retort" is an annotation: an
// unknown name is an error, StatementBegin … StatementEnd make the SQL
// between them one statement, and the others (section markers,
// no-transaction, empty) are returned as items for the caller to read.
// Annotations are found line by line before any SQL is read, so an
// unterminated quote cannot swallow a marker and readers without a SQL lexer
// cut a file into sections exactly as retort does.
//
// Line endings are not normalized: a '\r' is white space between tokens
// and a character inside them.
func Scan(text string, firstLine int, r Rules) ([]Item, error) {
	return scanBody(text, firstLine, r, false)
}

// Split splits a plain SQL file (a desired-state model file) into
// statements; firstLine is the file line of text's first line. Only the
// "-- +retort StatementBegin" / "-- +retort StatementEnd" lines are
// annotations here; other "-- +retort" lines are comments, as they always
// were in model files.
func Split(text string, firstLine int, r Rules) ([]Statement, error) {
	items, err := scanBody(text, firstLine, r, true)
	if err != nil {
		return nil, err
	}
	var out []Statement
	for _, it := range items {
		out = append(out, it.Statement)
	}
	return out, nil
}

// Lex splits SQL that holds no annotation lines (the text of a
// StatementBegin block, say) into statements.
func Lex(text string, firstLine int, r Rules) ([]Item, error) {
	return lexSegment(text, firstLine, false, r, false)
}

// Annotation is a "-- +retort <name>" annotation line.
type Annotation int

// The annotations of retort's SQL files; docs/file-format.md describes them.
const (
	Upgrade Annotation = iota + 1
	Downgrade
	NoTransaction
	StatementBegin
	StatementEnd
	Empty
	// Manual opens a block that a person must still replace with SQL
	// (left by retort import): a section holding one does not run.
	Manual
)

func (k Annotation) String() string {
	switch k {
	case Upgrade:
		return "-- +retort upgrade"
	case Downgrade:
		return "-- +retort downgrade"
	case NoTransaction:
		return "-- +retort no-transaction"
	case StatementBegin:
		return "-- +retort StatementBegin"
	case StatementEnd:
		return "-- +retort StatementEnd"
	case Empty:
		return "-- +retort empty"
	case Manual:
		return "-- +retort manual"
	}
	return fmt.Sprintf("annotation(%d)", int(k))
}

// parseAnnotation reads the text after "+retort" (case-insensitive names).
func parseAnnotation(name string) (Annotation, bool) {
	switch strings.ToLower(name) {
	case "upgrade":
		return Upgrade, true
	case "downgrade":
		return Downgrade, true
	case "no-transaction":
		return NoTransaction, true
	case "statementbegin":
		return StatementBegin, true
	case "statementend":
		return StatementEnd, true
	case "empty":
		return Empty, true
	case "manual":
		return Manual, true
	}
	return 0, false
}

const knownAnnotations = "upgrade, downgrade, no-transaction, empty, manual, StatementBegin, StatementEnd"

// AnnotationText reports whether comment (the text after "--") is a
// "+retort …" annotation and returns what follows "+retort".
func AnnotationText(comment string) (rest string, ok bool) {
	c := strings.TrimSpace(comment)
	const tag = "+retort"
	if len(c) < len(tag) || !strings.EqualFold(c[:len(tag)], tag) {
		return "", false
	}
	return c[len(tag):], true
}

// Item is what Scan yields: a statement or an annotation line.
type Item struct {
	Annotation Annotation // 0: Statement holds a statement
	Statement  Statement
	Line       int // annotation line
	LineStart  int // byte offsets of the annotation line, end includes its '\n'
	LineEnd    int
	Rules      Rules // the rules the statement was lexed with: those given, or their Fallback
	Block      bool  // the statement is a StatementBegin … StatementEnd block
}

// scanBody splits text into statements and annotation lines.
//
// Annotations are found line by line first, whatever the SQL around them
// (a line whose text starts with "-- +retort" is always an annotation), so
// that readers without a SQL lexer cut a file into sections exactly as
// retort does, and an unterminated quote cannot swallow a marker. The SQL
// between annotation lines is then lexed piece by piece (lexSegment).
//
// In a plain SQL file (plain) only StatementBegin and StatementEnd lines are
// annotations; any other "-- +retort" line, even one Scan would refuse, is
// a comment.
func scanBody(text string, firstLine int, r Rules, plain bool) ([]Item, error) {
	var items []Item
	segStart, segLine := 0, firstLine
	block, blockLine := false, 0
	flush := func(end int) error {
		its, err := lexSegment(text[segStart:end], segLine, block, r, plain)
		for i := range its {
			its[i].Block = block
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
		if plain && (err != nil || kind != StatementBegin && kind != StatementEnd) {
			isAnnot, err = false, nil
		}
		if err != nil {
			return nil, err
		}
		if !isAnnot {
			off = next
			continue
		}
		switch {
		case kind == StatementBegin && block:
			return nil, &Error{Line: line, Msg: fmt.Sprintf("%s inside the block opened at line %d; close that one with %s first",
				kind, blockLine, StatementEnd)}
		case kind == StatementEnd && !block:
			return nil, &Error{Line: line, Msg: fmt.Sprintf("%s without a %s before it", kind, StatementBegin)}
		case kind != StatementEnd && block:
			return nil, &Error{Line: line, Msg: fmt.Sprintf("%s inside the %s block opened at line %d; close it with %s first",
				kind, StatementBegin, blockLine, StatementEnd)}
		}
		if err := flush(off); err != nil {
			return nil, err
		}
		switch kind {
		case StatementBegin:
			block, blockLine = true, line
		case StatementEnd:
			block = false
		default:
			items = append(items, Item{Annotation: kind, Line: line, LineStart: off, LineEnd: next})
		}
		segStart, segLine = next, line+1
		off = next
	}
	if block {
		return nil, &Error{Line: blockLine, Msg: fmt.Sprintf("%s has no matching %s", StatementBegin, StatementEnd)}
	}
	if err := flush(len(text)); err != nil {
		return nil, err
	}
	return items, nil
}

// annotationLine reports whether line is a "-- +retort" annotation line and
// which one; an unknown name is an error.
func annotationLine(line string, n int) (Annotation, bool, error) {
	t := strings.TrimLeft(line, " \t\r\v\f")
	if !strings.HasPrefix(t, "--") {
		return 0, false, nil
	}
	rest, ok := AnnotationText(t[2:])
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
// StatementBegin block (block) it is one statement. It lexes with r; if that
// leaves a string or comment unterminated and r.Fallback reads the text
// cleanly, the fallback wins (AllDialects: standard SQL first, where a
// backslash is an ordinary character inside '…', then MySQL's rules).
func lexSegment(text string, firstLine int, block bool, r Rules, plain bool) ([]Item, error) {
	l := lexer{src: text, line: firstLine, block: block, r: r, plain: plain}
	err := l.run()
	if err == nil {
		return l.items, nil
	}
	if l.unterminated && r.Fallback != nil {
		m := lexer{src: text, line: firstLine, block: block, r: *r.Fallback, plain: plain}
		if m.run() == nil {
			return m.items, nil
		}
	}
	return nil, err
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
	r     Rules
	plain bool // a plain SQL file: only block markers are annotations
	pos   int
	line  int
	items []Item

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

// isAnnotation reports whether comment (the text after "--") is one that
// would be an annotation on a line of its own.
func (l *lexer) isAnnotation(comment string) bool {
	if !l.plain {
		_, ok := AnnotationText(comment)
		return ok
	}
	kind, ok, _ := annotationLine("--"+comment, 0)
	return ok && (kind == StatementBegin || kind == StatementEnd)
}

func (l *lexer) unterminatedf(line int, format string, args ...any) error {
	l.unterminated = true
	return l.errorf(line, format, args...)
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// IsIdentChar reports whether c may continue a bare word: a keyword,
// identifier or number ('$' included, as PostgreSQL and MySQL allow).
func IsIdentChar(c byte) bool {
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
				if l.isAnnotation(comment) {
					return l.errorf(line, "annotation %q must be on a line of its own", "--"+comment)
				}
			}
			l.pos = end
		case c == '#' && l.r.HashComments:
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
			// An optimizer hint /*+ … */, or with ExecutableComments MySQL's
			// /*! … */ and MariaDB's /*M! … */.
			hint := strings.HasPrefix(src[l.pos:], "/*+") || l.r.ExecutableComments &&
				(strings.HasPrefix(src[l.pos:], "/*!") || strings.HasPrefix(src[l.pos:], "/*M!"))
			l.advance(end)
			if hint { // MySQL executable comment or optimizer hint: it is SQL
				if err := l.token(tkQuoted, start, end, line, ""); err != nil {
					return err
				}
			}
		case c == '\'':
			if err := l.quoted('\'', l.r.Backslash, "string"); err != nil {
				return err
			}
			if err := l.token(tkQuoted, start, l.pos, line, ""); err != nil {
				return err
			}
		case c == '"':
			what := "quoted identifier"
			if l.r.Backslash {
				what = "string"
			}
			if err := l.quoted('"', l.r.Backslash, what); err != nil {
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
		case c == '$' && l.r.DollarQuotes:
			tag := DollarTag(src[l.pos:])
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
		case IsIdentChar(c):
			end := l.pos + 1
			for end < len(src) && IsIdentChar(src[end]) {
				end++
			}
			word := src[l.pos:end]
			if (word == "E" || word == "e") && end < len(src) && src[end] == '\'' && l.r.EStrings {
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

// DollarTag returns the $tag$ or $$ opening s, or "".
func DollarTag(s string) string {
	i := 1
	if i < len(s) && isIdentStart(s[i]) {
		i++
		for i < len(s) && IsIdentChar(s[i]) && s[i] != '$' {
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
	return commentEnd(l.src, l.pos, l.r.NestedComments)
}

// commentEnd returns the offset just after the /* comment opening at
// src[i], nested when nested is set, and false when it is never closed.
func commentEnd(src string, i int, nested bool) (int, bool) {
	depth := 0
	for i+1 < len(src) {
		switch {
		case src[i] == '/' && src[i+1] == '*':
			if depth == 0 || nested {
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
	line := l.line
	end, closed := SkipQuoted(l.src, l.pos, backslash)
	if !closed {
		return l.unterminatedf(line, "unterminated %s: the %c opened here is never closed", what, q)
	}
	l.advance(end)
	return nil
}

// SkipQuoted returns the offset just after the quoted text that opens at
// src[i] (its quote character; a doubled quote is an escaped quote, and a
// backslash escapes the next byte when backslash is set), and whether the
// quote is closed; an unclosed quote runs to len(src).
func SkipQuoted(src string, i int, backslash bool) (end int, closed bool) {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if backslash {
				j++
			}
		case q:
			if j+1 < len(src) && src[j+1] == q {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return len(src), false
}

// token records a token of the current statement.
func (l *lexer) token(kind tokKind, start, end, line int, word string) error {
	if l.first < 0 {
		l.first, l.firstLine, l.lastNonSemi = start, line, start
		if kind == tkWord && l.r.Delimiter && strings.EqualFold(word, "DELIMITER") {
			return l.errorf(line, "DELIMITER is a command of the mysql client, not SQL: remove it "+
				"(BEGIN … END bodies of CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT stay whole without it), "+
				"or wrap the statement in %s / %s", StatementBegin, StatementEnd)
		}
	}
	if kind != tkSemi {
		l.lastNonSemi = end
	}
	if l.block || !l.r.Bodies {
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
		case kind == tkWord && l.r.Compound && strings.EqualFold(word, "BEGIN"):
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
	case !l.r.Compound:
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
				"add the END, or wrap the whole statement in %s / %s", o.kind, StatementBegin, StatementEnd)
		}
	}
	if l.first >= 0 && l.lastNonSemi > l.first {
		l.items = append(l.items, Item{Statement: Statement{SQL: l.src[l.first:l.lastNonSemi], Line: l.firstLine}, Rules: l.r})
	}
	l.resetStatement()
	return nil
}
