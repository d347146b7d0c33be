package lint

import (
	"strings"
)

// kind is what a statement does, as far as the rules care.
type kind int

const (
	kOther kind = iota
	kCreateTable
	kAlterTable
	kCreateIndex
	kDropIndex
	kDropTable
	kTruncate
	kDelete
	kSet
	kAlterTypeAddValue
	kRenameTables // MySQL's RENAME TABLE a TO b[, c TO d]
	kDropDatabase
	kDropSchema
	kReindex
	kPragma
	kVacuum       // VACUUM [FULL] [t]
	kCluster      // CLUSTER [t]
	kInsert       // INSERT INTO t [(cols)] SELECT … FROM source
	kUpdate       // UPDATE t SET c = v, … [WHERE …]
	kRenameIndex  // ALTER INDEX a RENAME TO b: tables holds (a, b)
	kDropObject   // DROP TYPE / DOMAIN / FUNCTION / SEQUENCE / EXTENSION / VIEW …
	kCreateObject // CREATE TYPE / DOMAIN / SEQUENCE / [MATERIALIZED] VIEW / FUNCTION / PROCEDURE (not OR REPLACE, not IF NOT EXISTS)
)

// stmt is one classified statement.
type stmt struct {
	kind  kind
	sql   string
	line  int
	table string // the table it works on (create/alter/index/delete), name only
	// tables: DROP TABLE and TRUNCATE's list; RENAME TABLE's pairs (from, to).
	tables       []string
	index        string
	ifExists     bool
	cascade      bool
	concurrently bool
	full         bool // VACUUM FULL
	fulltext     bool // CREATE FULLTEXT / SPATIAL INDEX (MySQL)
	unique       bool
	temporary    bool
	asSelect     bool
	hasWhere     bool
	columns      []column     // CREATE TABLE's columns
	constraints  []constraint // CREATE TABLE's table constraints
	actions      []action     // ALTER TABLE's actions
	indexCols    []string     // CREATE INDEX's plain column names
	setLocal     bool         // SET LOCAL
	setName      string       // SET name; PRAGMA name
	setValue     string
	enumType     string // ALTER TYPE … ADD VALUE
	enumValue    string
	enumPlaced   bool // BEFORE or AFTER given
	names        []nameAt
	charset      string    // CREATE TABLE's default character set (MySQL)
	source       string    // INSERT … SELECT's (and CREATE TABLE … AS SELECT's) first FROM table
	sets         []setItem // UPDATE's SET list
	object       string    // DROP <object>'s kind: "type", "domain", …
}

// nameAt is an identifier a statement gives to a new object.
type nameAt struct {
	what, name string
}

// column is a column definition.
type column struct {
	name       string
	typ        string // as written, lower case, single spaces: "character varying(50)"
	notNull    bool
	primaryKey bool
	unique     bool
	hasDefault bool
	defaultSQL string
	generated  bool // GENERATED … AS (…) STORED / VIRTUAL, or MySQL's AS (…)
	identity   bool // GENERATED … AS IDENTITY, AUTO_INCREMENT
	references string
	check      bool
	position   bool   // MySQL's FIRST / AFTER
	charset    string // MySQL's CHARACTER SET / CHARSET
}

// conKind is a kind of table constraint.
type conKind int

const (
	cOther conKind = iota
	cPrimaryKey
	cUnique
	cForeignKey
	cCheck
	cExclude
	cIndex // MySQL's ADD INDEX / KEY
)

// constraint is a table constraint.
type constraint struct {
	kind       conKind
	name       string
	notValid   bool
	usingIndex bool
	indexName  string // USING INDEX name
	columns    []string
	references string
	checkSQL   string
	fulltext   bool // MySQL's FULLTEXT or SPATIAL index (built with writes blocked)
}

// classify reads a statement. The classifier must never take lint down: a
// statement it cannot read (a panic in parse, which the fuzz test hunts) is
// one it does not report on.
func classify(sql string, line int) (s *stmt) {
	defer func() {
		if r := recover(); r != nil {
			s = &stmt{sql: sql, line: line}
		}
	}()
	return parse(sql, line)
}

// parse reads a statement into a stmt.
func parse(sql string, line int) *stmt {
	s := &stmt{sql: sql, line: line}
	ts := tokenize(sql)
	p := &parser{ts: ts}
	switch {
	case p.words("create"):
		p.createStmt(s)
	case p.words("alter", "table"):
		p.alterTable(s)
	case p.words("alter", "index"):
		p.words("if", "exists")
		from := p.qualifiedName()
		if p.words("rename", "to") {
			s.kind = kRenameIndex
			s.tables = []string{from, p.qualifiedName()}
		}
	case p.words("alter", "type"):
		p.alterType(s)
	case p.words("drop", "table"):
		s.kind = kDropTable
		s.ifExists = p.words("if", "exists")
		s.tables = p.nameList()
		s.cascade = p.has("cascade")
	case p.words("drop", "index"):
		s.kind = kDropIndex
		s.concurrently = p.words("concurrently")
		s.ifExists = p.words("if", "exists")
		s.index = p.qualifiedName()
		if p.words("on") { // MySQL: DROP INDEX i ON t
			s.table = p.qualifiedName()
		}
		s.cascade = p.has("cascade")
	case p.words("drop", "database"), p.words("drop", "schema"):
		s.kind = kDropSchema
		if strings.EqualFold(ts[1].text, "database") {
			s.kind = kDropDatabase
		}
		s.ifExists = p.words("if", "exists")
		s.tables = p.nameList()
		s.cascade = p.has("cascade")
	case p.words("truncate"):
		s.kind = kTruncate
		p.words("table")
		p.words("only")
		s.tables = p.nameList()
		s.cascade = p.has("cascade")
	case p.words("delete"):
		s.kind = kDelete
		p.words("from")
		p.words("only")
		s.table = p.qualifiedName()
		s.hasWhere = p.whereFilters()
	case p.words("update"):
		s.kind = kUpdate
		p.words("only")
		s.table = p.qualifiedName()
		if p.words("set") {
			s.sets = p.setList()
		}
		s.hasWhere = p.whereFilters()
	case p.words("set"):
		s.kind = kSet
		if s.setLocal = p.words("local"); !s.setLocal {
			p.words("session")
		}
		s.setName = p.qualifiedName()
		if p.punct("=") || p.words("to") {
			s.setValue = p.rest()
		}
	case p.words("pragma"):
		s.kind = kPragma
		s.setName = p.qualifiedName()
		if p.punct("=") || p.punct("(") {
			s.setValue = strings.Trim(p.rest(), "()' ")
		}
	case p.words("rename", "table"):
		s.kind = kRenameTables
		for !p.done() {
			from := p.qualifiedName()
			if !p.words("to") {
				break
			}
			s.tables = append(s.tables, from, p.qualifiedName())
			if !p.punct(",") {
				break
			}
		}
	case p.words("insert"):
		p.words("ignore")
		if !p.words("into") {
			break
		}
		s.kind = kInsert
		s.table = p.qualifiedName()
		if p.peek().punct("(") {
			for _, g := range p.group() {
				if len(g) == 1 && (g[0].kind == tWord || g[0].kind == tIdent) {
					s.indexCols = append(s.indexCols, g[0].name())
				} else {
					s.indexCols = nil
					break
				}
			}
		}
		if p.words("select") {
			depth := 0
			for !p.done() {
				t := p.ts[p.i]
				p.i++
				switch {
				case t.punct("("):
					depth++
				case t.punct(")"):
					depth--
				case depth == 0 && t.is("from"):
					s.source = p.qualifiedName()
					p.i = len(p.ts)
				}
			}
		}
	case p.words("drop", "materialized"):
		p.i-- // "view" next: read as DROP VIEW
		p.ts[p.i] = token{kind: tWord, text: "drop", raw: "drop"}
		fallthrough
	case p.peek().is("drop") && (p.peekAt(1).is("type") || p.peekAt(1).is("domain") || p.peekAt(1).is("function") ||
		p.peekAt(1).is("sequence") || p.peekAt(1).is("extension") || p.peekAt(1).is("view") || p.peekAt(1).is("procedure")):
		p.i++
		s.kind = kDropObject
		s.object = strings.ToLower(p.peek().text)
		p.i++
		s.ifExists = p.words("if", "exists")
		s.tables = p.nameList()
		s.cascade = p.has("cascade")
	case p.words("reindex"):
		s.kind = kReindex
		p.skipParens()
		if p.words("table") || p.words("index") {
			s.concurrently = p.words("concurrently")
			s.table = p.qualifiedName()
		} else {
			for !p.done() && !p.peek().is("concurrently") {
				p.i++
			}
			s.concurrently = p.words("concurrently")
		}
	case p.words("vacuum"):
		s.kind = kVacuum
		for !p.done() {
			t := p.peek()
			if t.is("full") {
				s.full = true
			}
			if (t.kind == tWord || t.kind == tIdent) && !t.is("full") && !t.is("freeze") && !t.is("verbose") && !t.is("analyze") && !t.is("true") && !t.is("false") && !t.is("on") && !t.is("off") {
				s.table = t.name()
			}
			p.i++
		}
	case p.words("cluster"):
		s.kind = kCluster
		p.words("verbose")
		s.table = p.qualifiedName()
	}
	return s
}

// parser walks a statement's tokens.
type parser struct {
	ts []token
	i  int
}

func (p *parser) done() bool { return p.i >= len(p.ts) }

func (p *parser) peek() token {
	if p.done() {
		return token{}
	}
	return p.ts[p.i]
}

func (p *parser) peekAt(n int) token {
	if p.i+n >= len(p.ts) {
		return token{}
	}
	return p.ts[p.i+n]
}

// words consumes the keywords ws if they come next, all of them.
func (p *parser) words(ws ...string) bool {
	for k, w := range ws {
		if !p.peekAt(k).is(w) {
			return false
		}
	}
	p.i += len(ws)
	return true
}

// punct consumes the punctuation c if it comes next.
func (p *parser) punct(c string) bool {
	if p.peek().punct(c) {
		p.i++
		return true
	}
	return false
}

// has reports whether keyword w appears among the remaining tokens, outside
// parentheses.
func (p *parser) has(w string) bool {
	depth := 0
	for _, t := range p.ts[p.i:] {
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
		case depth == 0 && t.is(w):
			return true
		}
	}
	return false
}

// qualifiedName reads schema.name (or name) and returns name.
func (p *parser) qualifiedName() string {
	n := ""
	for !p.done() {
		t := p.peek()
		if t.kind != tWord && t.kind != tIdent {
			break
		}
		n = t.name()
		p.i++
		if !p.punct(".") {
			break
		}
	}
	return n
}

// nameList reads a, b.c, d and returns the names.
func (p *parser) nameList() []string {
	var out []string
	for !p.done() {
		n := p.qualifiedName()
		if n == "" {
			break
		}
		out = append(out, n)
		if !p.punct(",") {
			break
		}
	}
	return out
}

// skipParens skips a parenthesized group if one comes next.
func (p *parser) skipParens() {
	if !p.peek().punct("(") {
		return
	}
	depth := 0
	for !p.done() {
		t := p.ts[p.i]
		p.i++
		if t.punct("(") {
			depth++
		} else if t.punct(")") {
			depth--
			if depth == 0 {
				return
			}
		}
	}
}

// rest is the remaining tokens' text joined by spaces.
func (p *parser) rest() string {
	var parts []string
	for _, t := range p.ts[p.i:] {
		parts = append(parts, t.raw)
	}
	p.i = len(p.ts)
	return strings.Join(parts, " ")
}

// createStmt reads CREATE … after CREATE.
func (p *parser) createStmt(s *stmt) {
	orReplace := p.words("or", "replace")
	for {
		switch {
		case p.words("temporary"), p.words("temp"):
			s.temporary = true
			continue
		case p.words("global"), p.words("local"), p.words("unlogged"):
			continue
		}
		break
	}
	switch {
	case p.words("table"):
		p.createTable(s)
	case p.peek().is("unique") || p.peek().is("index") || p.peek().is("fulltext") || p.peek().is("spatial"):
		s.kind = kCreateIndex
		s.unique = p.words("unique")
		s.fulltext = p.words("fulltext") || p.words("spatial")
		p.words("index")
		s.concurrently = p.words("concurrently")
		p.words("if", "not", "exists")
		if !p.peek().is("on") {
			s.index = p.qualifiedName()
			if s.index != "" {
				s.names = append(s.names, nameAt{"index", s.index})
			}
		}
		if p.words("on") {
			p.words("only")
			s.table = p.qualifiedName()
		}
		if p.words("using") {
			p.i++
		}
		if p.peek().punct("(") {
			for _, g := range p.group() {
				if len(g) == 1 && (g[0].kind == tWord || g[0].kind == tIdent) {
					s.indexCols = append(s.indexCols, g[0].name())
				}
			}
		}
		s.hasWhere = p.has("where")
	case p.peek().is("type") || p.peek().is("domain") || p.peek().is("sequence") || p.peek().is("view") ||
		p.peek().is("materialized") || p.peek().is("function") || p.peek().is("procedure"):
		// An object lint tracks by name only, for the reverse check: a
		// downgrade that leaves a type behind breaks the next upgrade.
		p.words("materialized")
		s.object = strings.ToLower(p.peek().text)
		p.i++
		ifNotExists := p.words("if", "not", "exists")
		if n := p.qualifiedName(); n != "" {
			s.names = append(s.names, nameAt{s.object, n})
			if !orReplace && !ifNotExists && !s.temporary {
				s.kind = kCreateObject
				s.tables = []string{n}
			}
		}
	}
}

// group reads a parenthesized list and returns its items split at
// top-level commas.
func (p *parser) group() [][]token {
	if !p.punct("(") {
		return nil
	}
	var items [][]token
	var cur []token
	depth := 1
	for !p.done() {
		t := p.ts[p.i]
		p.i++
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
			if depth == 0 {
				if len(cur) > 0 {
					items = append(items, cur)
				}
				return items
			}
		case t.punct(",") && depth == 1:
			items = append(items, cur)
			cur = nil
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		items = append(items, cur)
	}
	return items
}

// createTable reads CREATE TABLE after TABLE.
func (p *parser) createTable(s *stmt) {
	s.kind = kCreateTable
	p.words("if", "not", "exists")
	s.table = p.qualifiedName()
	s.names = append(s.names, nameAt{"table", s.table})
	if p.words("as") || p.peek().is("like") || p.words("partition", "of") {
		s.asSelect = true
		s.source = p.selectSource()
		return
	}
	for _, item := range p.group() {
		q := &parser{ts: item}
		if isConstraintStart(q) {
			c := q.tableConstraint()
			if c.name != "" {
				s.names = append(s.names, nameAt{"constraint", c.name})
			}
			s.constraints = append(s.constraints, c)
			continue
		}
		if q.peek().is("like") {
			s.asSelect = true // copies another table's columns: not known here
			continue
		}
		c := q.columnDef()
		if c.name != "" {
			s.names = append(s.names, nameAt{"column", c.name})
			s.columns = append(s.columns, c)
		}
	}
	for !p.done() {
		switch {
		case p.words("as"):
			s.asSelect = true
		case p.words("character", "set"), p.words("charset"):
			p.punct("=")
			s.charset = strings.ToLower(p.peek().text)
		default:
			p.i++
		}
	}
}

// isConstraintStart reports whether a table element starts a table
// constraint (or a MySQL index definition) rather than a column.
func isConstraintStart(q *parser) bool {
	t := q.peek()
	if t.kind != tWord {
		return false
	}
	switch strings.ToLower(t.text) {
	case "constraint", "check", "exclude", "foreign", "fulltext", "spatial":
		return true
	case "primary":
		return q.peekAt(1).is("key")
	case "unique":
		n := q.peekAt(1)
		return n.punct("(") || n.is("key") || n.is("index") || n.is("nulls") || n.is("using") || n.kind == tWord || n.kind == tIdent
	case "index", "key":
		return true
	}
	return false
}

// tableConstraint reads [CONSTRAINT name] PRIMARY KEY (…) | UNIQUE (…) |
// FOREIGN KEY (…) REFERENCES t | CHECK (…) | EXCLUDE …, and MySQL's
// [UNIQUE] INDEX|KEY [name] (…).
func (p *parser) tableConstraint() constraint {
	var c constraint
	if p.words("constraint") {
		c.name = p.qualifiedName()
	}
	switch {
	case p.words("primary", "key"):
		c.kind = cPrimaryKey
	case p.words("unique"):
		c.kind = cUnique
		if p.words("index") || p.words("key") {
			if !p.peek().punct("(") && !p.peek().is("using") {
				c.name = p.qualifiedName()
			}
		}
		p.words("nulls", "not", "distinct")
		p.words("nulls", "distinct")
	case p.words("foreign", "key"):
		c.kind = cForeignKey
	case p.words("check"):
		c.kind = cCheck
		start := p.i
		p.skipParens()
		c.checkSQL = joinRaw(p.ts[start:p.i])
	case p.words("exclude"):
		c.kind = cExclude
	case p.peek().is("index") || p.peek().is("key") || p.peek().is("fulltext") || p.peek().is("spatial"):
		c.fulltext = p.words("fulltext") || p.words("spatial")
		c.kind = cIndex
		if !p.words("index") {
			p.words("key")
		}
		if !p.peek().punct("(") && !p.peek().is("using") {
			c.name = p.qualifiedName()
		}
	}
	if p.words("using", "index") {
		c.usingIndex = true
		c.indexName = p.qualifiedName()
	}
	if p.peek().punct("(") {
		for _, g := range p.group() {
			if len(g) > 0 && (g[0].kind == tWord || g[0].kind == tIdent) {
				c.columns = append(c.columns, g[0].name())
			}
		}
	}
	if p.words("references") {
		c.references = p.qualifiedName()
	}
	if p.has("not") {
		for k := p.i; k+1 < len(p.ts); k++ {
			if p.ts[k].is("not") && p.ts[k+1].is("valid") {
				c.notValid = true
			}
		}
	}
	if p.has("using") {
		for k := p.i; k+1 < len(p.ts); k++ {
			if p.ts[k].is("using") && p.ts[k+1].is("index") && (k+2 >= len(p.ts) || !p.ts[k+2].is("tablespace")) {
				c.usingIndex = true
			}
		}
	}
	p.i = len(p.ts)
	return c
}

// constraintWords end a column's type.
var constraintWords = map[string]bool{
	"not": true, "null": true, "default": true, "primary": true, "unique": true, "references": true,
	"check": true, "constraint": true, "generated": true, "collate": true, "auto_increment": true,
	"autoincrement": true, "comment": true, "on": true, "as": true, "first": true, "after": true,
	"invisible": true, "visible": true, "storage": true, "compression": true, "identity": true,
	"column_format": true, "srid": true, "key": true, "using": true, "charset": true,
}

// columnDef reads name type [constraints…].
func (p *parser) columnDef() column {
	var c column
	t := p.peek()
	if t.kind != tWord && t.kind != tIdent {
		return c
	}
	c.name = t.name()
	p.i++
	c.typ = p.typeText()
	for !p.done() {
		switch {
		case p.words("not", "null"):
			c.notNull = true
		case p.words("null"):
		case p.words("primary", "key"):
			c.primaryKey = true
			c.notNull = true
		case p.words("unique"):
			c.unique = true
			p.words("key")
		case p.words("default"):
			c.hasDefault = true
			start := p.i
			p.skipExpr()
			c.defaultSQL = joinRaw(p.ts[start:p.i])
		case p.words("generated"):
			p.words("always")
			p.words("by", "default")
			if p.words("as", "identity") {
				c.identity = true
				p.skipParens()
			} else if p.words("as") {
				c.generated = true
				p.skipParens()
				if p.words("virtual") {
					c.generated = false // computed on read: no rewrite
				} else {
					p.words("stored")
				}
			}
		case p.words("as"): // MySQL generated column
			p.skipParens()
			c.generated = !p.words("virtual")
			p.words("stored")
		case p.words("auto_increment"), p.words("autoincrement"):
			c.identity = true
		case p.words("references"):
			c.references = p.qualifiedName()
			p.skipParens()
		case p.words("check"):
			c.check = true
			p.skipParens()
		case p.words("character", "set"), p.words("charset"):
			c.charset = strings.ToLower(p.peek().text)
			p.i++
		case p.words("first"):
			c.position = true
		case p.words("after"):
			c.position = true
			p.qualifiedName()
		default:
			p.i++
		}
	}
	return c
}

// skipExpr skips an expression up to the next column constraint keyword at
// depth 0.
func (p *parser) skipExpr() {
	depth := 0
	for !p.done() {
		t := p.peek()
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
		case depth == 0 && t.kind == tWord && constraintWords[strings.ToLower(t.text)] && !t.is("null"):
			return
		case depth == 0 && t.punct(","):
			return
		}
		p.i++
	}
}

// typeText reads a column type as written, normalized: lower case, single
// spaces, no space before '(' or around ',' inside it.
func (p *parser) typeText() string {
	var b strings.Builder
	depth := 0
	for !p.done() {
		t := p.peek()
		if depth == 0 {
			if t.kind == tWord && constraintWords[strings.ToLower(t.text)] {
				break
			}
			if t.is("character") && p.peekAt(1).is("set") {
				break // MySQL: varchar(10) CHARACTER SET utf8mb4
			}
			if t.punct(",") || t.punct(";") {
				break
			}
			if t.kind == tString {
				break
			}
		}
		switch {
		case t.punct("("):
			depth++
			b.WriteString("(")
		case t.punct(")"):
			depth--
			b.WriteString(")")
		case t.punct(","):
			b.WriteString(",")
		case t.punct("[") || t.punct("]") || t.punct("."):
			b.WriteString(t.text)
		default:
			s := b.String()
			if s != "" && !strings.HasSuffix(s, "(") && !strings.HasSuffix(s, ",") && !strings.HasSuffix(s, ".") {
				b.WriteString(" ")
			}
			b.WriteString(strings.ToLower(t.raw))
		}
		p.i++
	}
	return strings.TrimSpace(b.String())
}

func joinRaw(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.raw
	}
	return strings.Join(parts, " ")
}

// setItem is one "column = value" of an UPDATE; constant: the value is a
// literal or NULL (every row gets the same value, whatever it held).
type setItem struct {
	column   string
	constant bool
	value    string
}

// setList reads UPDATE's SET list up to FROM / WHERE / RETURNING.
func (p *parser) setList() []setItem {
	var out []setItem
	for !p.done() {
		if p.peek().is("where") || p.peek().is("from") || p.peek().is("returning") {
			break
		}
		t := p.peek()
		if t.kind != tWord && t.kind != tIdent {
			p.i++
			continue
		}
		item := setItem{column: t.name()}
		p.i++
		for p.punct(".") { // t.c
			item.column = p.peek().name()
			p.i++
		}
		if !p.punct("=") {
			break
		}
		start := p.i
		depth := 0
		for !p.done() {
			t := p.peek()
			if depth == 0 && (t.punct(",") || t.is("where") || t.is("from") || t.is("returning")) {
				break
			}
			if t.punct("(") {
				depth++
			} else if t.punct(")") {
				depth--
			}
			p.i++
		}
		val := p.ts[start:p.i]
		item.value = joinRaw(val)
		item.constant = len(val) == 1 && (val[0].kind == tString || val[0].kind == tNumber || val[0].is("null") || val[0].is("true") || val[0].is("false")) ||
			len(val) == 2 && val[0].punct("-") && val[1].kind == tNumber
		out = append(out, item)
		p.punct(",")
	}
	return out
}

// whereFilters reports whether the rest of the statement has a WHERE that
// can leave a row out: not "WHERE true", "WHERE 1 = 1", "WHERE 1".
func (p *parser) whereFilters() bool {
	depth := 0
	for k := p.i; k < len(p.ts); k++ {
		t := p.ts[k]
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
		case depth == 0 && t.is("where"):
			rest := p.ts[k+1:]
			if len(rest) > 0 && rest[len(rest)-1].punct(";") {
				rest = rest[:len(rest)-1]
			}
			switch {
			case len(rest) == 1 && (rest[0].is("true") || rest[0].text == "1"):
				return false
			case len(rest) == 3 && rest[1].punct("=") && rest[0].raw == rest[2].raw && rest[0].kind != tWord && rest[0].kind != tIdent:
				return false
			}
			return true
		}
	}
	return false
}

// selectSource returns the first table a SELECT's FROM names in the rest
// of the statement, "" when none.
func (p *parser) selectSource() string {
	depth := 0
	for k := p.i; k < len(p.ts); k++ {
		t := p.ts[k]
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
		case depth <= 1 && t.is("from"):
			q := &parser{ts: p.ts, i: k + 1}
			return q.qualifiedName()
		}
	}
	return ""
}

// ChangesSchema reports whether sql is a schema statement (CREATE, ALTER,
// DROP, RENAME, COMMENT ON): one whose effect an inspected schema shows.
// Anything else (INSERT, UPDATE, DELETE, TRUNCATE, SET, CALL, …) acts on
// data or the session, which a schema difference cannot reproduce:
// `retort squash` quotes those statements verbatim.
func ChangesSchema(sql string) bool {
	ts := tokenize(sql)
	if len(ts) == 0 {
		return false
	}
	for _, w := range [...]string{"create", "alter", "drop", "rename", "comment"} {
		if ts[0].is(w) {
			return true
		}
	}
	return false
}
