package alembic

import (
	"fmt"
	"strings"
)

// This file parses the tokens of a revision script into statements and
// expressions of the subset Alembic scripts use: assignments, function
// definitions, with blocks, calls with keyword arguments, literals, names
// and attributes. A statement outside it is kept as an "other" statement
// with its lines and the reason, never guessed at.

type expr interface{ pos() int }

type (
	eName struct {
		line int
		Name string
	}
	eAttr struct {
		line int
		X    expr
		Name string
	}
	eCall struct {
		line int
		Fn   expr
		Args []expr
		Kw   []kwarg
		// Star is set when *args or **kwargs is passed.
		Star bool
	}
	eStr struct {
		line  int
		Value string
		F, B  bool
	}
	eNum struct {
		line int
		Text string
	}
	eConst struct { // True, False, None
		line int
		Name string
	}
	eList struct {
		line  int
		Items []expr
		Tuple bool
	}
	eDict struct {
		line         int
		Keys, Values []expr
	}
	eUnary struct {
		line int
		Op   string
		X    expr
	}
	// eCompare is one comparison a == b, a != b, a in b, a not in b.
	eCompare struct {
		line int
		Op   string
		L, R expr
	}
	// eOther is an expression the translator never reads (an operator,
	// a subscript, a lambda …): What says which.
	eOther struct {
		line int
		What string
	}
)

type kwarg struct {
	Name  string
	Value expr
}

func (e *eName) pos() int    { return e.line }
func (e *eAttr) pos() int    { return e.line }
func (e *eCall) pos() int    { return e.line }
func (e *eStr) pos() int     { return e.line }
func (e *eNum) pos() int     { return e.line }
func (e *eConst) pos() int   { return e.line }
func (e *eList) pos() int    { return e.line }
func (e *eDict) pos() int    { return e.line }
func (e *eUnary) pos() int   { return e.line }
func (e *eOther) pos() int   { return e.line }
func (e *eCompare) pos() int { return e.line }

type stmtKind int

const (
	sExpr stmtKind = iota
	sAssign
	sDef
	sWith
	sPass
	sImport
	sOther
	sIf
)

type stmt struct {
	kind          stmtKind
	line, endLine int
	expr          expr       // sExpr: the expression; sAssign: the value; sWith: the context
	target        string     // sAssign: the name; sWith: the as-name; sDef: the function name
	body          []stmt     // sDef, sWith
	reason        string     // sOther: why it is not read
	params        bool       // sDef: the function takes parameters
	branches      []ifBranch // sIf: if, elif … and else (cond nil) in order
}

// ifBranch is one clause of an if statement.
type ifBranch struct {
	cond expr
	body []stmt
}

// parseError is a statement the parser cannot read.
type parseError struct {
	line int
	msg  string
}

func (e *parseError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

type parser struct {
	toks []token
	p    int
}

// parseModule parses a whole script. A lexical error fails it; a statement
// the parser cannot read becomes an sOther statement.
func parseModule(src string) ([]stmt, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	return p.block(false), nil
}

func (p *parser) peek() token {
	if p.p >= len(p.toks) {
		return token{kind: tEOF}
	}
	return p.toks[p.p]
}

func (p *parser) take() token {
	t := p.peek()
	if p.p < len(p.toks) {
		p.p++
	}
	return t
}

func (p *parser) isOp(s string) bool {
	t := p.peek()
	return t.kind == tOp && t.text == s
}

func (p *parser) isName(s string) bool {
	t := p.peek()
	return t.kind == tName && t.text == s
}

func (p *parser) expectOp(s string) error {
	t := p.take()
	if t.kind != tOp || t.text != s {
		return &parseError{t.line, fmt.Sprintf("expected %q, found %s", s, t)}
	}
	return nil
}

// block parses statements until the end of the file or, when nested, the
// DEDENT that closes the block.
func (p *parser) block(nested bool) []stmt {
	var out []stmt
	for {
		t := p.peek()
		switch t.kind {
		case tEOF:
			return out
		case tDedent:
			p.take()
			if nested {
				return out
			}
			continue
		case tNewline, tIndent:
			p.take()
			continue
		}
		out = append(out, p.statement())
	}
}

// statement parses one statement; one it cannot read is skipped to its
// end (with its block) and returned as sOther.
func (p *parser) statement() stmt {
	start := p.p
	line := p.peek().line
	s, err := p.simpleOrCompound()
	if err != nil {
		p.p = start
		reason := "Python the importer does not read"
		if pe, ok := err.(*parseError); ok {
			reason = pe.msg
		}
		s = stmt{kind: sOther, line: line, reason: reason}
		p.skipStatement()
	}
	s.line = line
	s.endLine = p.lastLine(start)
	return s
}

// lastLine is the last line the tokens from start up to the parser's
// position cover.
func (p *parser) lastLine(start int) int {
	last := 0
	for i := start; i < p.p && i < len(p.toks); i++ {
		if p.toks[i].kind != tDedent && p.toks[i].kind != tIndent && p.toks[i].line > last {
			last = p.toks[i].line
		}
	}
	return last
}

// skipStatement moves past the current logical line and, when it opens a
// block, the block.
func (p *parser) skipStatement() {
	for {
		t := p.take()
		switch t.kind {
		case tEOF:
			return
		case tNewline:
			if p.peek().kind == tIndent {
				p.take()
				depth := 1
				for depth > 0 {
					t := p.take()
					switch t.kind {
					case tIndent:
						depth++
					case tDedent:
						depth--
					case tEOF:
						return
					}
				}
			}
			return
		}
	}
}

func (p *parser) simpleOrCompound() (stmt, error) {
	t := p.peek()
	if t.kind == tOp && t.text == "@" {
		return stmt{}, &parseError{t.line, "a decorator"}
	}
	if t.kind == tName {
		switch t.text {
		case "def":
			return p.def()
		case "async":
			return stmt{}, &parseError{t.line, "async code"}
		case "with":
			return p.with()
		case "pass":
			p.take()
			return stmt{kind: sPass}, p.endOfLine()
		case "import", "from":
			for p.peek().kind != tNewline && p.peek().kind != tEOF {
				p.take()
			}
			return stmt{kind: sImport}, p.endOfLine()
		case "if":
			return p.ifStmt()
		case "for", "while", "try", "class", "return", "raise", "del", "global", "nonlocal",
			"assert", "yield", "break", "continue", "elif", "else", "except", "finally", "lambda", "match":
			return stmt{}, &parseError{t.line, "a Python " + t.text + " statement"}
		}
	}
	// An assignment "name = value" or "name: annotation = value", or an
	// expression statement.
	if t.kind == tName && p.p+1 < len(p.toks) {
		n := p.toks[p.p+1]
		if n.kind == tOp && (n.text == "=" || n.text == ":") {
			p.take()
			p.take()
			if n.text == ":" {
				if _, err := p.expression(); err != nil {
					return stmt{}, err
				}
				if !p.isOp("=") {
					return stmt{kind: sAssign, target: t.text, expr: &eConst{t.line, "None"}}, p.endOfLine()
				}
				p.take()
			}
			v, err := p.exprList()
			if err != nil {
				return stmt{}, err
			}
			return stmt{kind: sAssign, target: t.text, expr: v}, p.endOfLine()
		}
	}
	e, err := p.exprList()
	if err != nil {
		return stmt{}, err
	}
	if at, ok := e.(*eAttr); ok && p.isOp("=") && dotted(at) != "" {
		// An attribute set: enum_type.create_type = False.
		p.take()
		v, err := p.exprList()
		if err != nil {
			return stmt{}, err
		}
		return stmt{kind: sAssign, target: dotted(at), expr: v}, p.endOfLine()
	}
	if p.peek().kind == tOp && p.peek().text != ";" {
		return stmt{}, &parseError{p.peek().line, "an assignment or operator statement"}
	}
	return stmt{kind: sExpr, expr: e}, p.endOfLine()
}

func (p *parser) endOfLine() error {
	if p.isOp(";") {
		return &parseError{p.peek().line, "several statements on one line"}
	}
	t := p.take()
	if t.kind != tNewline && t.kind != tEOF {
		return &parseError{t.line, fmt.Sprintf("expected the end of the line, found %s", t)}
	}
	return nil
}

func (p *parser) def() (stmt, error) {
	p.take()
	name := p.take()
	if name.kind != tName {
		return stmt{}, &parseError{name.line, "a def without a name"}
	}
	if err := p.expectOp("("); err != nil {
		return stmt{}, err
	}
	params := !p.isOp(")")
	depth := 1
	for depth > 0 {
		t := p.take()
		switch {
		case t.kind == tEOF:
			return stmt{}, &parseError{t.line, "a def that never ends"}
		case t.kind == tOp && t.text == "(":
			depth++
		case t.kind == tOp && t.text == ")":
			depth--
		}
	}
	if p.isOp("->") {
		p.take()
		if _, err := p.expression(); err != nil {
			return stmt{}, err
		}
	}
	body, err := p.suite()
	if err != nil {
		return stmt{}, err
	}
	return stmt{kind: sDef, target: name.text, body: body, params: params}, nil
}

// ifStmt reads if/elif/else with their blocks.
func (p *parser) ifStmt() (stmt, error) {
	s := stmt{kind: sIf}
	for {
		kw := p.take() // if, elif or else
		var cond expr
		if kw.text != "else" {
			c, err := p.expression()
			if err != nil {
				return stmt{}, err
			}
			cond = c
		}
		body, err := p.suite()
		if err != nil {
			return stmt{}, err
		}
		s.branches = append(s.branches, ifBranch{cond: cond, body: body})
		if kw.text == "else" || !(p.isName("elif") || p.isName("else")) {
			return s, nil
		}
	}
}

func (p *parser) with() (stmt, error) {
	p.take()
	ctx, err := p.expression()
	if err != nil {
		return stmt{}, err
	}
	as := ""
	if p.isName("as") {
		p.take()
		t := p.take()
		if t.kind != tName {
			return stmt{}, &parseError{t.line, "a with … as target that is not a name"}
		}
		as = t.text
	}
	if p.isOp(",") {
		return stmt{}, &parseError{p.peek().line, "a with statement of several contexts"}
	}
	body, err := p.suite()
	if err != nil {
		return stmt{}, err
	}
	return stmt{kind: sWith, expr: ctx, target: as, body: body}, nil
}

// suite reads ":" and an indented block (or one simple statement on the
// same line).
func (p *parser) suite() ([]stmt, error) {
	if err := p.expectOp(":"); err != nil {
		return nil, err
	}
	if p.peek().kind != tNewline {
		s := p.statement()
		return []stmt{s}, nil
	}
	p.take()
	if p.peek().kind != tIndent {
		return nil, &parseError{p.peek().line, "a block that is not indented"}
	}
	p.take()
	return p.block(true), nil
}

// exprList is an expression or a bare tuple "a, b".
func (p *parser) exprList() (expr, error) {
	first, err := p.expression()
	if err != nil {
		return nil, err
	}
	if !p.isOp(",") {
		return first, nil
	}
	items := []expr{first}
	for p.isOp(",") {
		p.take()
		if p.peek().kind == tNewline || p.isOp("=") || p.peek().kind == tEOF {
			break
		}
		e, err := p.expression()
		if err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	return &eList{line: first.pos(), Items: items, Tuple: true}, nil
}

// binaryOps are read (so that a script with them still parses) but become
// eOther.
var binaryOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "//": true, "%": true, "**": true,
	"|": true, "&": true, "^": true, "<<": true, ">>": true, "==": true, "!=": true, "<": true, ">": true,
	"<=": true, ">=": true, "@": true}

func (p *parser) expression() (expr, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		isBin := t.kind == tOp && binaryOps[t.text] ||
			t.kind == tName && (t.text == "and" || t.text == "or" || t.text == "in" || t.text == "is" || t.text == "not" || t.text == "if")
		if !isBin {
			return left, nil
		}
		p.take()
		if t.kind == tName && t.text == "if" {
			if _, err := p.expression(); err != nil {
				return nil, err
			}
			if !p.isName("else") {
				return nil, &parseError{t.line, "a conditional expression without else"}
			}
			p.take()
		}
		op := t.text
		if t.kind == tName && (t.text == "is" || t.text == "not") && (p.isName("not") || p.isName("in")) {
			op += " " + p.take().text
		}
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		_, chained := left.(*eCompare)
		if _, other := left.(*eOther); !other && !chained && (op == "==" || op == "!=" || op == "in" || op == "not in") {
			left = &eCompare{line: t.line, Op: op, L: left, R: right}
			continue
		}
		left = &eOther{line: t.line, What: "the operator " + op}
	}
}

func (p *parser) unary() (expr, error) {
	t := p.peek()
	if t.kind == tOp && (t.text == "-" || t.text == "+" || t.text == "~") || t.kind == tName && t.text == "not" {
		p.take()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &eUnary{line: t.line, Op: t.text, X: x}, nil
	}
	if t.kind == tName && (t.text == "lambda" || t.text == "await" || t.text == "yield") {
		return nil, &parseError{t.line, "a Python " + t.text}
	}
	return p.postfix()
}

func (p *parser) postfix() (expr, error) {
	x, err := p.atom()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		switch {
		case t.kind == tOp && t.text == ".":
			p.take()
			n := p.take()
			if n.kind != tName {
				return nil, &parseError{n.line, "an attribute that is not a name"}
			}
			x = &eAttr{line: t.line, X: x, Name: n.text}
		case t.kind == tOp && t.text == "(":
			p.take()
			c, err := p.callArgs(x, t.line)
			if err != nil {
				return nil, err
			}
			x = c
		case t.kind == tOp && t.text == "[":
			p.take()
			if err := p.skipUntil("]"); err != nil {
				return nil, err
			}
			x = &eOther{line: t.line, What: "a subscript"}
		default:
			return x, nil
		}
	}
}

// skipUntil skips to the bracket closing the one just read.
func (p *parser) skipUntil(closer string) error {
	depth := 1
	for depth > 0 {
		t := p.take()
		switch {
		case t.kind == tEOF:
			return &parseError{t.line, "a bracket that never closes"}
		case t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{"):
			depth++
		case t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}"):
			depth--
		}
	}
	return nil
}

func (p *parser) callArgs(fn expr, line int) (*eCall, error) {
	c := &eCall{line: line, Fn: fn}
	for !p.isOp(")") {
		if p.isOp("*") || p.isOp("**") {
			p.take()
			if _, err := p.expression(); err != nil {
				return nil, err
			}
			c.Star = true
		} else if t := p.peek(); t.kind == tName && p.p+1 < len(p.toks) && p.toks[p.p+1].kind == tOp && p.toks[p.p+1].text == "=" {
			p.take()
			p.take()
			v, err := p.expression()
			if err != nil {
				return nil, err
			}
			c.Kw = append(c.Kw, kwarg{Name: t.text, Value: v})
		} else {
			v, err := p.expression()
			if err != nil {
				return nil, err
			}
			if p.isName("for") {
				return nil, &parseError{p.peek().line, "a generator expression"}
			}
			c.Args = append(c.Args, v)
		}
		if p.isOp(",") {
			p.take()
			continue
		}
		if !p.isOp(")") {
			return nil, &parseError{p.peek().line, fmt.Sprintf("expected \",\" or \")\" in a call, found %s", p.peek())}
		}
	}
	p.take()
	return c, nil
}

func (p *parser) atom() (expr, error) {
	t := p.take()
	switch t.kind {
	case tName:
		switch t.text {
		case "True", "False", "None":
			return &eConst{t.line, t.text}, nil
		}
		return &eName{t.line, t.text}, nil
	case tNumber:
		return &eNum{t.line, t.text}, nil
	case tString:
		s := &eStr{line: t.line, Value: t.text, F: t.fstring, B: t.bytes}
		// Adjacent literals concatenate.
		for p.peek().kind == tString {
			n := p.take()
			s.Value += n.text
			s.F = s.F || n.fstring
			s.B = s.B || n.bytes
		}
		return s, nil
	case tOp:
		switch t.text {
		case "(":
			return p.sequence(t.line, ")", true)
		case "[":
			return p.sequence(t.line, "]", false)
		case "{":
			return p.dict(t.line)
		}
	}
	return nil, &parseError{t.line, fmt.Sprintf("unexpected %s", t)}
}

// sequence reads a parenthesized expression, tuple or list after its
// opening bracket.
func (p *parser) sequence(line int, closer string, paren bool) (expr, error) {
	l := &eList{line: line, Tuple: paren}
	comma := false
	for !p.isOp(closer) {
		e, err := p.expression()
		if err != nil {
			return nil, err
		}
		if p.isName("for") {
			return nil, &parseError{p.peek().line, "a comprehension"}
		}
		l.Items = append(l.Items, e)
		if p.isOp(",") {
			p.take()
			comma = true
			continue
		}
		if !p.isOp(closer) {
			return nil, &parseError{p.peek().line, fmt.Sprintf("expected \",\" or %q, found %s", closer, p.peek())}
		}
	}
	p.take()
	if paren && len(l.Items) == 1 && !comma {
		return l.Items[0], nil
	}
	return l, nil
}

func (p *parser) dict(line int) (expr, error) {
	d := &eDict{line: line}
	for !p.isOp("}") {
		if p.isOp("**") {
			return nil, &parseError{p.peek().line, "a dict unpacking"}
		}
		k, err := p.expression()
		if err != nil {
			return nil, err
		}
		if !p.isOp(":") {
			return nil, &parseError{p.peek().line, "a set or a dict entry without a value"}
		}
		p.take()
		v, err := p.expression()
		if err != nil {
			return nil, err
		}
		if p.isName("for") {
			return nil, &parseError{p.peek().line, "a comprehension"}
		}
		d.Keys = append(d.Keys, k)
		d.Values = append(d.Values, v)
		if p.isOp(",") {
			p.take()
			continue
		}
		if !p.isOp("}") {
			return nil, &parseError{p.peek().line, fmt.Sprintf("expected \",\" or \"}\", found %s", p.peek())}
		}
	}
	p.take()
	return d, nil
}

// dotted is an attribute chain as text ("sa.Column", "op.f"), "" when x is
// not one.
func dotted(x expr) string {
	switch x := x.(type) {
	case *eName:
		return x.Name
	case *eAttr:
		if s := dotted(x.X); s != "" {
			return s + "." + x.Name
		}
	}
	return ""
}

// sourceLines returns lines from..to (1-based, inclusive) of src, trailing
// blank lines dropped.
func sourceLines(src string, from, to int) string {
	lines := strings.Split(src, "\n")
	if from < 1 {
		from = 1
	}
	if to > len(lines) {
		to = len(lines)
	}
	if from > to {
		return ""
	}
	return strings.TrimRight(strings.Join(lines[from-1:to], "\n"), " \t\r\n")
}
