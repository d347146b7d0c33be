package lint

import "strings"

// actKind is a kind of ALTER TABLE action.
type actKind int

const (
	aOther actKind = iota
	aAddColumn
	aDropColumn
	aAlterType      // ALTER COLUMN … TYPE; MySQL's MODIFY / CHANGE with a type
	aSetNotNull     // ALTER COLUMN … SET NOT NULL
	aDropNotNull    // ALTER COLUMN … DROP NOT NULL
	aSetDefault     // ALTER COLUMN … SET DEFAULT / DROP DEFAULT
	aAddConstraint  // ADD [CONSTRAINT n] PRIMARY KEY | UNIQUE | FOREIGN KEY | CHECK | EXCLUDE; MySQL ADD INDEX
	aDropConstraint // DROP CONSTRAINT; MySQL DROP INDEX / FOREIGN KEY
	aDropPrimaryKey // MySQL DROP PRIMARY KEY
	aValidate       // VALIDATE CONSTRAINT
	aRenameColumn
	aRenameTable
	aRenameOther // RENAME CONSTRAINT / INDEX
	aAlgorithm   // MySQL ALGORITHM = x
	aLock        // MySQL LOCK = x
	aConvert     // MySQL CONVERT TO CHARACTER SET
	aEngine      // MySQL ENGINE = / FORCE
	aSetOption   // SET (…), OWNER…: harmless for the rules
	aRewrite     // SET LOGGED / UNLOGGED / TABLESPACE: PostgreSQL rewrites the table
)

// action is one ALTER TABLE action.
type action struct {
	kind       actKind
	col        column // ADD COLUMN, MODIFY / CHANGE
	colName    string
	newName    string
	typ        string // ALTER COLUMN TYPE
	using      bool
	usingConst string // USING <a literal or NULL>: every row gets it
	con        constraint
	value      string // ALGORITHM / LOCK
	cascade    bool
	ifExists   bool
	modifyFull bool // MySQL MODIFY / CHANGE: the whole definition is restated
}

// alterType reads ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w'].
func (p *parser) alterType(s *stmt) {
	name := p.qualifiedName()
	if !p.words("add", "value") {
		return
	}
	s.kind = kAlterTypeAddValue
	s.enumType = name
	p.words("if", "not", "exists")
	if t := p.peek(); t.kind == tString {
		s.enumValue = t.text
		p.i++
	}
	s.enumPlaced = p.words("before") || p.words("after")
}

// alterTable reads ALTER TABLE … after TABLE.
func (p *parser) alterTable(s *stmt) {
	s.kind = kAlterTable
	s.ifExists = p.words("if", "exists")
	p.words("only")
	s.table = p.qualifiedName()
	p.punct("*")
	// Actions split at top-level commas.
	var items [][]token
	var cur []token
	depth := 0
	for !p.done() {
		t := p.ts[p.i]
		p.i++
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
		case t.punct(",") && depth == 0:
			items = append(items, cur)
			cur = nil
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		items = append(items, cur)
	}
	for _, item := range items {
		a := (&parser{ts: item}).action()
		if a.kind == aAddConstraint && a.con.name != "" {
			s.names = append(s.names, nameAt{"constraint", a.con.name})
		}
		if a.kind == aAddColumn {
			s.names = append(s.names, nameAt{"column", a.col.name})
		}
		if a.kind == aRenameColumn || a.kind == aRenameTable {
			s.names = append(s.names, nameAt{"name", a.newName})
		}
		s.actions = append(s.actions, a)
	}
}

// action reads one ALTER TABLE action.
func (p *parser) action() action {
	var a action
	// Partition maintenance (MySQL's ADD / DROP / TRUNCATE / REORGANIZE
	// PARTITION): not a column, and not read here.
	if t := p.peekAt(1); (t.is("partition") || t.is("partitions")) && !p.peek().is("alter") {
		a.kind = aOther
		if p.peek().is("drop") || p.peek().is("truncate") {
			a.value = strings.ToLower(p.peek().text) + " partition"
			p.i += 2
			a.colName = p.qualifiedName()
		}
		return a
	}
	switch {
	case p.words("add"):
		if p.peek().is("column") {
			p.i++
		} else if isConstraintStart(p) {
			a.kind = aAddConstraint
			a.con = p.tableConstraint()
			return a
		}
		p.words("if", "not", "exists")
		a.kind = aAddColumn
		if p.peek().punct("(") { // MySQL: ADD (a int, b int)
			a.kind = aOther
			return a
		}
		a.col = p.columnDef()
	case p.words("drop"):
		switch {
		case p.words("constraint"):
			a.kind = aDropConstraint
			a.ifExists = p.words("if", "exists")
			a.con.name = p.qualifiedName()
		case p.words("primary", "key"):
			a.kind = aDropPrimaryKey
		case p.words("foreign", "key"), p.words("index"), p.words("key"), p.words("check"):
			a.kind = aDropConstraint
			a.con.name = p.qualifiedName()
		default:
			p.words("column")
			a.kind = aDropColumn
			a.ifExists = p.words("if", "exists")
			a.colName = p.qualifiedName()
		}
		a.cascade = p.has("cascade")
	case p.words("alter"):
		if p.words("constraint") || p.words("index") || p.words("check") {
			a.kind = aOther
			return a
		}
		p.words("column")
		a.colName = p.qualifiedName()
		switch {
		case p.words("type"), p.words("set", "data", "type"):
			a.kind = aAlterType
			a.typ = p.typeText()
			a.using = p.has("using")
			if a.using {
				a.usingConst = p.usingConstant()
			}
		case p.words("set", "not", "null"):
			a.kind = aSetNotNull
		case p.words("drop", "not", "null"):
			a.kind = aDropNotNull
		case p.words("set", "default"), p.words("drop", "default"):
			a.kind = aSetDefault
		default:
			a.kind = aSetOption
		}
	case p.words("modify"):
		p.words("column")
		a.kind = aAlterType
		a.modifyFull = true
		a.col = p.columnDef()
		a.colName, a.typ = a.col.name, a.col.typ
	case p.words("change"):
		p.words("column")
		a.kind = aAlterType
		a.modifyFull = true
		a.colName = p.qualifiedName()
		a.col = p.columnDef()
		a.newName, a.typ = a.col.name, a.col.typ
	case p.words("validate", "constraint"):
		a.kind = aValidate
		a.con.name = p.qualifiedName()
	case p.words("rename"):
		switch {
		case p.words("constraint"), p.words("index"), p.words("key"):
			a.kind = aRenameOther
		case p.words("to"), p.words("as"):
			a.kind = aRenameTable
			a.newName = p.qualifiedName()
		default:
			p.words("column")
			a.kind = aRenameColumn
			a.colName = p.qualifiedName()
			p.words("to")
			a.newName = p.qualifiedName()
			if a.newName == "" { // MySQL: RENAME new_name
				a.kind, a.newName, a.colName = aRenameTable, a.colName, ""
			}
		}
	case p.words("algorithm"):
		p.punct("=")
		a.kind = aAlgorithm
		a.value = strings.ToLower(p.peek().text)
	case p.words("lock"):
		p.punct("=")
		a.kind = aLock
		a.value = strings.ToLower(p.peek().text)
	case p.words("convert", "to"):
		a.kind = aConvert
		p.words("character", "set")
		p.words("charset")
		a.value = strings.ToLower(p.peek().text)
	case p.words("engine"), p.words("force"):
		a.kind = aEngine
	case p.words("set", "logged"), p.words("set", "unlogged"), p.words("set", "tablespace"):
		a.kind = aRewrite
	case p.words("set"), p.words("owner"), p.words("reset"), p.words("enable"), p.words("disable"),
		p.words("cluster"), p.words("replica"), p.words("inherit"), p.words("no"), p.words("comment"),
		p.words("auto_increment"), p.words("default"), p.words("character"), p.words("collate"),
		p.words("attach"), p.words("detach"), p.words("of"), p.words("not"), p.words("force"):
		a.kind = aSetOption
	}
	return a
}

// usingConstant returns the USING expression of ALTER COLUMN … TYPE when it
// is a literal or NULL (no column in it), "" otherwise.
func (p *parser) usingConstant() string {
	for k := p.i; k < len(p.ts); k++ {
		if !p.ts[k].is("using") {
			continue
		}
		expr := p.ts[k+1:]
		// A cast of a literal is still a literal: 0::int, CAST(NULL AS int).
		for _, t := range expr {
			if t.kind == tIdent {
				return ""
			}
			if t.kind == tWord && !t.is("null") && !t.is("true") && !t.is("false") && !t.is("cast") && !t.is("as") && !isTypeWord(t.text) {
				return ""
			}
		}
		return joinRaw(expr)
	}
	return ""
}

// isTypeWord reports whether w is a type name a cast in a USING may name.
func isTypeWord(w string) bool {
	switch strings.ToLower(w) {
	case "int", "integer", "bigint", "smallint", "text", "varchar", "numeric", "decimal", "boolean", "bool",
		"date", "timestamp", "timestamptz", "uuid", "jsonb", "json", "real", "double", "precision", "character", "varying":
		return true
	}
	return false
}
