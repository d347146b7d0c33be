package gostruct

import (
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Schema is the model as dialect's schema IR: the tables with their
// columns, keys, indexes, checks and comments, and the enum types
// (PostgreSQL). It is the desired state as the models write it, before a
// server normalizes it: column types and defaults are SQL text as the tags
// or the type mapping spell them, and constraints the models leave unnamed
// have no name. Problems that show only for this dialect (a type it cannot
// hold, an identity it cannot express) come back as an ErrorList.
func (m *Model) Schema(dialect string) (*schema.Schema, error) {
	d, err := modelDialectFor(dialect)
	if err != nil {
		return nil, err
	}
	b := &irBuilder{d: d}
	s := b.schema(m)
	if err := b.e.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// irBuilder turns a Model into one dialect's IR, collecting errors.
type irBuilder struct {
	d modelDialect
	e errs
}

// schema builds every table; Tables[i] and Enums come in the model's order
// so that each IR object has the model object (and position) of the same
// index.
func (b *irBuilder) schema(m *Model) *schema.Schema {
	s := &schema.Schema{}
	for _, en := range m.Enums {
		if _, named, _ := b.d.EnumColumn(en.Name, en.Values); named {
			s.Enums = append(s.Enums, &schema.Enum{Name: en.Name, Values: append([]string(nil), en.Values...)})
		}
	}
	for _, t := range m.Tables {
		s.Tables = append(s.Tables, b.table(t))
	}
	return s
}

// table builds one table. Indexes[i] and ForeignKeys[i] are t's of the same
// index.
func (b *irBuilder) table(t *Table) *schema.Table {
	out := &schema.Table{Name: t.Name, Comment: t.Comment}
	var pk []string
	pkInType := false
	for _, c := range t.Columns {
		col, inType, isPK := b.column(t, c)
		out.Columns = append(out.Columns, col)
		pkInType = pkInType || inType
		if isPK && pk == nil {
			pk = []string{c.Name}
		}
	}
	switch {
	case pk != nil:
		// The dialect's auto-increment makes its column the key.
		out.PrimaryKey = &schema.PrimaryKey{Columns: pk}
	case pkInType:
		// A type tag that says PRIMARY KEY itself: GORM then writes no
		// PRIMARY KEY clause, and the column holds the key.
	case len(t.PrimaryKey) > 0:
		out.PrimaryKey = &schema.PrimaryKey{Columns: append([]string(nil), t.PrimaryKey...)}
	}
	for _, u := range t.Uniques {
		out.Uniques = append(out.Uniques, &schema.Unique{Name: u.Name, Columns: append([]string(nil), u.Columns...)})
	}
	for _, fk := range t.ForeignKeys {
		out.ForeignKeys = append(out.ForeignKeys, &schema.ForeignKey{Name: fk.Name, Columns: append([]string(nil), fk.Columns...),
			RefTable: fk.RefTable, RefColumns: append([]string(nil), fk.RefColumns...), OnDelete: fk.OnDelete, OnUpdate: fk.OnUpdate})
	}
	for _, ch := range t.Checks {
		out.Checks = append(out.Checks, &schema.Check{Name: ch.Name, Expr: ch.Expr})
	}
	for _, c := range t.Columns {
		if c.EnumType == "" || c.Types[b.d.Name()] != "" {
			continue
		}
		if _, _, check := b.d.EnumColumn(c.EnumType, c.Enum); check {
			out.Checks = append(out.Checks, &schema.Check{Expr: b.d.QuoteIdentAlways(c.Name) + " IN (" + quoteList(c.Enum) + ")"})
		}
	}
	for _, ix := range t.Indexes {
		out.Indexes = append(out.Indexes, b.index(t, ix))
	}
	return out
}

// column builds one column. pkInType reports a type that declares the
// primary key itself; isPK a column the dialect's auto-increment makes the
// table's primary key (SQLite's INTEGER PRIMARY KEY AUTOINCREMENT).
func (b *irBuilder) column(t *Table, c *Column) (col *schema.Column, pkInType, isPK bool) {
	if t.Flavor == FlavorGORM {
		return b.gormColumn(c)
	}
	col = &schema.Column{Name: c.Name, Nullable: c.Nullable, Default: defaultFor(c, b.d.Name()), Comment: c.Comment}
	typ, err := columnType(c, b.d)
	if err != nil {
		b.e.add(c.Pos, "field %s: %v", c.Field, err)
		return col, false, false
	}
	col.Type.SQL = typ
	if !c.Identity {
		return col, false, false
	}
	switch b.d.IdentityStyle() {
	case dialect.IdentityGenerated:
		col.Identity = &schema.Identity{}
	case dialect.IdentityKeyAttribute:
		if !isKeyColumn(t, c.Name) {
			b.e.add(c.Pos, "field %s: identity on MySQL needs the column to be the primary key or unique", c.Field)
		}
		col.AutoIncrement = true
	case dialect.IdentityIntegerPrimaryKey:
		if len(t.PrimaryKey) != 1 || t.PrimaryKey[0] != c.Name {
			b.e.add(c.Pos, "field %s: identity on SQLite needs the column to be the table's only primary key column", c.Field)
			return col, false, false
		}
		// AUTOINCREMENT is valid only on INTEGER PRIMARY KEY: the type is
		// retort's integer whatever the field's, and takes no default.
		integer, err := b.d.GoColumnType(dialect.GoField{Kind: "int", Bits: 64})
		if err != nil {
			b.e.add(c.Pos, "field %s: %v", c.Field, err)
		}
		col.Type.SQL, col.Nullable, col.Default, col.AutoIncrement = integer, false, "", true
	default:
		b.e.add(c.Pos, "field %s: %s has no identity columns: drop identity, or give a default", c.Field, b.d.Name())
	}
	return col, false, false
}

// gormColumn builds a GORM column as the dialector's FullDataTypeOf writes
// it: NOT NULL only for a not null tag (a key column is one anyway, except
// on SQLite, where GORM leaves it nullable too).
func (b *irBuilder) gormColumn(c *Column) (col *schema.Column, pkInType, isPK bool) {
	f := c.gorm
	gc := gormColumnOf(f, b.d)
	col = &schema.Column{Name: c.Name, Type: schema.Type{SQL: gc.Type}, Nullable: !f.notNull, AutoIncrement: gc.AutoIncrement}
	if f.hasDefault && (f.defValue != "" || f.defString) {
		col.Default = f.defValue
		if f.defString {
			col.Default = b.d.GORMLiteral(f.defValue)
		}
	}
	if f.hasComment {
		col.Comment = b.d.GORMComment(f.comment)
	}
	return col, strings.Contains(strings.ToUpper(gc.Type), "PRIMARY KEY"), gc.PrimaryKey
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

// index builds one index with the options the dialect keeps. GORM's
// dialectors drop a method or predicate their database lacks; retort's tags
// asking for one are an error there.
func (b *irBuilder) index(t *Table, ix *Index) *schema.Index {
	gorm := t.Flavor == FlavorGORM
	out := &schema.Index{Name: ix.Name, Unique: ix.Unique}
	for _, p := range ix.Parts {
		part := schema.IndexPart{Column: p.Column, Expr: p.Expr, Desc: p.Desc, Collation: p.Collate}
		if p.Expr != "" {
			part.Column = ""
		}
		if p.Length > 0 && b.d.IndexKeyPrefixes() {
			part.Prefix = p.Length
		}
		out.Parts = append(out.Parts, part)
	}
	if ix.Class != "" && b.d.IndexClasses() {
		out.Method, out.Unique = ix.Class, false
	}
	if m := ix.Method; m != "" {
		switch {
		case b.d.IndexAccessMethods():
			out.Method = m
		case gorm, m == "btree":
		default:
			b.e.add(ix.Pos, "index %s: method %s exists only on PostgreSQL", ix.Name, m)
		}
	}
	if ix.Where != "" {
		switch {
		case b.d.PartialIndexes():
			out.Where = ix.Where
		case gorm:
		default:
			b.e.add(ix.Pos, "index %s: MySQL has no partial indexes (where:%s)", ix.Name, ix.Where)
		}
	}
	if b.d.IndexComments() {
		out.Comment = ix.Comment
	}
	return out
}
