package gostruct

import (
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// Statement is one DDL statement and the model source it comes from (the
// struct, or the field of a column-level statement), so that a server's
// error can name a file:line.
type Statement struct {
	SQL string
	Pos Pos
}

// DDL renders the model as desired-state statements for dialect ("postgres",
// "mysql" or "sqlite"), in an order the database accepts: PostgreSQL enum
// types, then tables with referenced tables first, each followed by its
// indexes (and, on PostgreSQL, comments), then foreign keys that close a
// cycle as ALTER TABLE … ADD CONSTRAINT (SQLite keeps them inline: it checks
// references only when rows change). Statements carry no trailing semicolon.
func (m *Model) DDL(dialect string) ([]string, error) {
	st, err := m.Statements(dialect)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(st))
	for i, s := range st {
		out[i] = s.SQL
	}
	return out, nil
}

// Statements is DDL with each statement's source position.
func (m *Model) Statements(dialect string) ([]Statement, error) {
	d, err := ddlDialectFor(dialect)
	if err != nil {
		return nil, err
	}
	r := &renderer{d: d}
	var out []Statement
	for _, en := range m.Enums {
		if _, named, _ := d.EnumColumn(en.Name, en.Values); named {
			out = append(out, Statement{fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", r.q(en.Name), quoteList(en.Values)), en.Pos})
		}
	}
	order, deferred := tableOrder(m.Tables)
	if d.ForeignKeysOnlyInline() {
		deferred = nil
	}
	var alters []Statement
	for _, t := range order {
		stmts, late := r.table(t, deferred)
		out = append(out, stmts...)
		alters = append(alters, late...)
	}
	out = append(out, alters...)
	if err := r.e.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// tableOrder sorts tables so that referenced tables come first (by name
// among equals) and returns the foreign keys that point forward because of a
// cycle.
func tableOrder(tables []*Table) ([]*Table, map[*ForeignKey]bool) {
	byName := map[string]*Table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	deps := map[*Table]map[*Table]bool{}
	for _, t := range tables {
		deps[t] = map[*Table]bool{}
		for _, fk := range t.ForeignKeys {
			if rt := byName[fk.RefTable]; rt != nil && rt != t {
				deps[t][rt] = true
			}
		}
	}
	done := map[*Table]bool{}
	var order []*Table
	sorted := append([]*Table(nil), tables...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for len(order) < len(sorted) {
		progressed := false
		for _, t := range sorted {
			if done[t] {
				continue
			}
			ready := true
			for dep := range deps[t] {
				if !done[dep] {
					ready = false
					break
				}
			}
			if ready {
				done[t] = true
				order = append(order, t)
				progressed = true
				break
			}
		}
		if !progressed {
			// A cycle: take the first remaining table by name; its forward
			// references become ALTER TABLE statements.
			for _, t := range sorted {
				if !done[t] {
					done[t] = true
					order = append(order, t)
					break
				}
			}
		}
	}
	deferred := map[*ForeignKey]bool{}
	seen := map[string]bool{}
	for _, t := range order {
		seen[t.Name] = true
		for _, fk := range t.ForeignKeys {
			if fk.RefTable != t.Name && !seen[fk.RefTable] {
				deferred[fk] = true
			}
		}
	}
	return order, deferred
}

type renderer struct {
	d ddlDialect
	e errs
}

func (r *renderer) q(s string) string { return r.d.QuoteIdentAlways(s) }

func (r *renderer) qs(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = r.q(c)
	}
	return strings.Join(q, ", ")
}

// str quotes a comment's string literal.
func (r *renderer) str(s string) string { return r.d.CommentLiteral(s) }

func (r *renderer) table(t *Table, deferred map[*ForeignKey]bool) (stmts, late []Statement) {
	var lines []string
	inlinePK := false
	for _, c := range t.Columns {
		def, pkInType := r.column(t, c)
		inlinePK = inlinePK || pkInType
		lines = append(lines, "  "+def)
	}
	if len(t.PrimaryKey) > 0 && !inlinePK {
		lines = append(lines, "  PRIMARY KEY ("+r.qs(t.PrimaryKey)+")")
	}
	for _, u := range t.Uniques {
		lines = append(lines, "  "+r.named(u.Name)+"UNIQUE ("+r.qs(u.Columns)+")")
	}
	for _, fk := range t.ForeignKeys {
		if deferred[fk] {
			late = append(late, Statement{"ALTER TABLE " + r.q(t.Name) + " ADD " + r.fk(fk), fk.Pos})
			continue
		}
		lines = append(lines, "  "+r.fk(fk))
	}
	for _, ch := range t.Checks {
		lines = append(lines, "  "+r.named(ch.Name)+"CHECK ("+ch.Expr+")")
	}
	for _, c := range t.Columns {
		if c.EnumType == "" || c.Types[r.d.Name()] != "" {
			continue
		}
		if _, _, check := r.d.EnumColumn(c.EnumType, c.Enum); check {
			lines = append(lines, "  CHECK ("+r.q(c.Name)+" IN ("+quoteList(c.Enum)+"))")
		}
	}
	create := "CREATE TABLE " + r.q(t.Name) + " (\n" + strings.Join(lines, ",\n") + "\n)"
	if r.d.InlineComments() && t.Comment != "" {
		create += " COMMENT=" + r.str(t.Comment)
	}
	stmts = append(stmts, Statement{create, t.Pos})
	for _, ix := range t.Indexes {
		if s := r.index(t, ix); s != "" {
			stmts = append(stmts, Statement{s, ix.Pos})
		}
	}
	if r.d.CommentStatements() {
		if t.Comment != "" {
			stmts = append(stmts, Statement{"COMMENT ON TABLE " + r.q(t.Name) + " IS " + r.str(t.Comment), t.Pos})
		}
		for _, c := range t.Columns {
			if c.Comment != "" {
				stmts = append(stmts, Statement{"COMMENT ON COLUMN " + r.q(t.Name) + "." + r.q(c.Name) + " IS " + r.str(c.Comment), c.Pos})
			}
		}
	}
	return stmts, late
}

// named is "CONSTRAINT name " for a named constraint; unnamed ones get the
// server's default name, as they do in hand-written SQL.
func (r *renderer) named(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + r.q(name) + " "
}

func (r *renderer) fk(fk *ForeignKey) string {
	s := r.named(fk.Name) + "FOREIGN KEY (" + r.qs(fk.Columns) + ") REFERENCES " + r.q(fk.RefTable) + " (" + r.qs(fk.RefColumns) + ")"
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	return s
}

// column renders one column definition; pkInType reports a PRIMARY KEY
// written into the column itself (SQLite AUTOINCREMENT).
func (r *renderer) column(t *Table, c *Column) (def string, pkInType bool) {
	if t.Flavor == FlavorGORM {
		return r.gormColumn(c)
	}
	typ, err := columnType(c, r.d)
	if err != nil {
		r.e.add(c.Pos, "field %s: %v", c.Field, err)
		return r.q(c.Name), false
	}
	s := r.q(c.Name) + " " + typ
	if c.Identity {
		switch r.d.IdentityStyle() {
		case dialect.IdentityGenerated:
			s += " GENERATED BY DEFAULT AS IDENTITY"
		case dialect.IdentityKeyAttribute:
			if !isKeyColumn(t, c.Name) {
				r.e.add(c.Pos, "field %s: identity on MySQL needs the column to be the primary key or unique", c.Field)
			}
			s += " AUTO_INCREMENT"
		case dialect.IdentityIntegerPrimaryKey:
			if len(t.PrimaryKey) != 1 || t.PrimaryKey[0] != c.Name {
				r.e.add(c.Pos, "field %s: identity on SQLite needs the column to be the table's only primary key column", c.Field)
				return s, false
			}
			// AUTOINCREMENT is valid only on INTEGER PRIMARY KEY.
			return r.q(c.Name) + " INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL", true
		default:
			r.e.add(c.Pos, "field %s: %s has no identity columns: drop identity, or give a default", c.Field, r.d.Name())
		}
	}
	if !c.Nullable {
		s += " NOT NULL"
	}
	if v := defaultFor(c, r.d.Name()); v != "" {
		s += " DEFAULT " + v
	}
	if r.d.InlineComments() && c.Comment != "" {
		s += " COMMENT " + r.str(c.Comment)
	}
	return s, false
}

func defaultFor(c *Column, d string) string {
	if v, ok := c.Defaults[d]; ok {
		return v
	}
	return c.Defaults[""]
}

func isKeyColumn(t *Table, col string) bool {
	if len(t.PrimaryKey) > 0 && t.PrimaryKey[0] == col {
		return true
	}
	for _, u := range t.Uniques {
		if u.Columns[0] == col {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if len(ix.Parts) > 0 && ix.Parts[0].Column == col {
			return true
		}
	}
	return false
}

func (r *renderer) index(t *Table, ix *Index) string {
	gorm := t.Flavor == FlavorGORM
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		s := r.q(p.Column)
		if p.Expr != "" {
			s = p.Expr
			if r.d.IndexExprsParenthesized() && !strings.HasPrefix(s, "(") {
				s = "(" + s + ")"
			}
		}
		if p.Length > 0 && r.d.IndexKeyPrefixes() {
			s += fmt.Sprintf("(%d)", p.Length)
		}
		if p.Collate != "" {
			s += " COLLATE " + p.Collate
		}
		if p.Desc {
			s += " DESC"
		}
		parts[i] = s
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	switch {
	case ix.Class != "" && r.d.IndexClasses():
		b.WriteString(ix.Class + " ")
	case ix.Unique:
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + r.q(ix.Name) + " ON " + r.q(t.Name))
	method := ix.Method
	if method != "" {
		switch {
		case r.d.IndexAccessMethods():
			b.WriteString(" USING " + method)
		case gorm:
			// GORM creates MySQL and SQLite indexes without their type.
		case method == "btree":
		default:
			r.e.add(ix.Pos, "index %s: method %s exists only on PostgreSQL", ix.Name, method)
		}
	}
	b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	if ix.Where != "" {
		switch {
		case r.d.PartialIndexes():
			b.WriteString(" WHERE " + ix.Where)
		case gorm:
			// GORM's MySQL CREATE TABLE drops the predicate.
		default:
			r.e.add(ix.Pos, "index %s: MySQL has no partial indexes (where:%s)", ix.Name, ix.Where)
		}
	}
	if r.d.InlineComments() && ix.Comment != "" {
		b.WriteString(" COMMENT " + r.str(ix.Comment))
	}
	return b.String()
}
