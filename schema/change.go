package schema

import (
	"fmt"
	"strings"
)

// Change is one typed difference between two schemas. The set of changes is
// sealed: only this package defines them, so a switch over Change with a
// default that returns an error can never drop a kind silently.
type Change interface {
	// Reverse returns the change that undoes this one.
	Reverse() Change
	// String describes the change for people ("add column users.email").
	String() string
	change()
}

// TableChange is a change inside one table, carried by ModifyTable.
type TableChange interface {
	Change
	tableChange()
}

// AddNamespace creates a (PostgreSQL) schema.
type AddNamespace struct{ Name string }

// DropNamespace drops a (PostgreSQL) schema.
type DropNamespace struct{ Name string }

// AddExtension installs a PostgreSQL extension.
type AddExtension struct{ Extension *Extension }

// DropExtension removes a PostgreSQL extension.
type DropExtension struct{ Extension *Extension }

// AddEnum creates an enum type.
type AddEnum struct{ Enum *Enum }

// DropEnum drops an enum type.
type DropEnum struct{ Enum *Enum }

// ModifyEnum changes an enum's values or comment. When To only adds values
// to From (keeping the order), a renderer adds them in place; otherwise it
// recreates the type and converts the columns Users lists.
type ModifyEnum struct {
	From, To *Enum
	// Users are the columns of the schema the change applies to whose type
	// is this enum (or an array of it), as "table.column" with schema.
	Users []EnumUser
	// Recreate asks for the type to be recreated even though values are
	// only added: the new values are used in the same migration, which
	// PostgreSQL refuses for values added by ALTER TYPE … ADD VALUE.
	Recreate bool
}

// EnumUser is a column whose type is an enum.
type EnumUser struct {
	Table  *Table
	Column *Column
}

// AddSequence creates a standalone sequence.
type AddSequence struct{ Sequence *Sequence }

// DropSequence drops a standalone sequence.
type DropSequence struct{ Sequence *Sequence }

// ModifySequence alters a standalone sequence's options.
type ModifySequence struct{ From, To *Sequence }

// AddTable creates a table with its columns, keys, checks, indexes and
// foreign keys (minus those a later ModifyTable adds to break a cycle).
type AddTable struct{ Table *Table }

// DropTable drops a table.
type DropTable struct{ Table *Table }

// ModifyTable changes one table from From to To through Changes. From and
// To are the whole table before and after, so a renderer that must rebuild
// the table (SQLite) has everything it needs.
type ModifyTable struct {
	From, To *Table
	Changes  []TableChange
}

// AddView creates a view.
type AddView struct{ View *View }

// DropView drops a view.
type DropView struct{ View *View }

// AddColumn adds a column; its position is its place in the table's To.
type AddColumn struct{ Column *Column }

// DropColumn drops a column.
type DropColumn struct{ Column *Column }

// ModifyColumn changes a column's type, nullability, default, identity,
// generation, collation or comment.
type ModifyColumn struct {
	From, To *Column
	Change   ColumnChange
}

// ColumnChange says which properties of a column differ.
type ColumnChange uint

// Column properties a ModifyColumn may change.
const (
	ChangeType ColumnChange = 1 << iota
	ChangeNull
	ChangeDefault
	ChangeIdentity
	ChangeSequence
	ChangeGenerated
	ChangeCollation
	ChangeComment
	ChangeAutoIncrement
	ChangeOnUpdate
	// ChangePosition moves a column (dialects that keep column order).
	ChangePosition
)

// Is reports whether every bit of k is in c.
func (c ColumnChange) Is(k ColumnChange) bool { return c&k == k }

// AddPrimaryKey adds a primary key.
type AddPrimaryKey struct{ PrimaryKey *PrimaryKey }

// DropPrimaryKey drops a primary key.
type DropPrimaryKey struct{ PrimaryKey *PrimaryKey }

// AddUnique adds a UNIQUE constraint.
type AddUnique struct{ Unique *Unique }

// DropUnique drops a UNIQUE constraint.
type DropUnique struct{ Unique *Unique }

// AddIndex creates an index.
type AddIndex struct{ Index *Index }

// DropIndex drops an index.
type DropIndex struct{ Index *Index }

// RenameIndex renames an index whose definition is unchanged.
type RenameIndex struct{ From, To *Index }

// AddForeignKey adds a foreign key.
type AddForeignKey struct{ ForeignKey *ForeignKey }

// DropForeignKey drops a foreign key.
type DropForeignKey struct{ ForeignKey *ForeignKey }

// AddCheck adds a CHECK constraint.
type AddCheck struct{ Check *Check }

// DropCheck drops a CHECK constraint.
type DropCheck struct{ Check *Check }

// RenameConstraint renames a constraint whose definition is unchanged.
type RenameConstraint struct {
	Kind     string // "primary key", "unique", "foreign key", "check"
	From, To string
}

// ModifyTableComment changes a table's comment.
type ModifyTableComment struct{ From, To string }

// ModifyTableOptions changes table options (MySQL collation and engine).
type ModifyTableOptions struct{ From, To *Table }

func (*AddNamespace) change()       {}
func (*DropNamespace) change()      {}
func (*AddExtension) change()       {}
func (*DropExtension) change()      {}
func (*AddEnum) change()            {}
func (*DropEnum) change()           {}
func (*ModifyEnum) change()         {}
func (*AddSequence) change()        {}
func (*DropSequence) change()       {}
func (*ModifySequence) change()     {}
func (*AddTable) change()           {}
func (*DropTable) change()          {}
func (*ModifyTable) change()        {}
func (*AddView) change()            {}
func (*DropView) change()           {}
func (*AddColumn) change()          {}
func (*DropColumn) change()         {}
func (*ModifyColumn) change()       {}
func (*AddPrimaryKey) change()      {}
func (*DropPrimaryKey) change()     {}
func (*AddUnique) change()          {}
func (*DropUnique) change()         {}
func (*AddIndex) change()           {}
func (*DropIndex) change()          {}
func (*RenameIndex) change()        {}
func (*AddForeignKey) change()      {}
func (*DropForeignKey) change()     {}
func (*AddCheck) change()           {}
func (*DropCheck) change()          {}
func (*RenameConstraint) change()   {}
func (*ModifyTableComment) change() {}
func (*ModifyTableOptions) change() {}

func (*AddColumn) tableChange()          {}
func (*DropColumn) tableChange()         {}
func (*ModifyColumn) tableChange()       {}
func (*AddPrimaryKey) tableChange()      {}
func (*DropPrimaryKey) tableChange()     {}
func (*AddUnique) tableChange()          {}
func (*DropUnique) tableChange()         {}
func (*AddIndex) tableChange()           {}
func (*DropIndex) tableChange()          {}
func (*RenameIndex) tableChange()        {}
func (*AddForeignKey) tableChange()      {}
func (*DropForeignKey) tableChange()     {}
func (*AddCheck) tableChange()           {}
func (*DropCheck) tableChange()          {}
func (*RenameConstraint) tableChange()   {}
func (*ModifyTableComment) tableChange() {}
func (*ModifyTableOptions) tableChange() {}

// Reverse implementations.

func (c *AddNamespace) Reverse() Change   { return &DropNamespace{Name: c.Name} }
func (c *DropNamespace) Reverse() Change  { return &AddNamespace{Name: c.Name} }
func (c *AddExtension) Reverse() Change   { return &DropExtension{Extension: c.Extension} }
func (c *DropExtension) Reverse() Change  { return &AddExtension{Extension: c.Extension} }
func (c *AddEnum) Reverse() Change        { return &DropEnum{Enum: c.Enum} }
func (c *DropEnum) Reverse() Change       { return &AddEnum{Enum: c.Enum} }
func (c *AddSequence) Reverse() Change    { return &DropSequence{Sequence: c.Sequence} }
func (c *DropSequence) Reverse() Change   { return &AddSequence{Sequence: c.Sequence} }
func (c *ModifySequence) Reverse() Change { return &ModifySequence{From: c.To, To: c.From} }
func (c *AddTable) Reverse() Change       { return &DropTable{Table: c.Table} }
func (c *DropTable) Reverse() Change      { return &AddTable{Table: c.Table} }
func (c *AddView) Reverse() Change        { return &DropView{View: c.View} }
func (c *DropView) Reverse() Change       { return &AddView{View: c.View} }
func (c *AddColumn) Reverse() Change      { return &DropColumn{Column: c.Column} }
func (c *DropColumn) Reverse() Change     { return &AddColumn{Column: c.Column} }
func (c *ModifyColumn) Reverse() Change {
	return &ModifyColumn{From: c.To, To: c.From, Change: c.Change}
}
func (c *AddPrimaryKey) Reverse() Change  { return &DropPrimaryKey{PrimaryKey: c.PrimaryKey} }
func (c *DropPrimaryKey) Reverse() Change { return &AddPrimaryKey{PrimaryKey: c.PrimaryKey} }
func (c *AddUnique) Reverse() Change      { return &DropUnique{Unique: c.Unique} }
func (c *DropUnique) Reverse() Change     { return &AddUnique{Unique: c.Unique} }
func (c *AddIndex) Reverse() Change       { return &DropIndex{Index: c.Index} }
func (c *DropIndex) Reverse() Change      { return &AddIndex{Index: c.Index} }
func (c *RenameIndex) Reverse() Change    { return &RenameIndex{From: c.To, To: c.From} }
func (c *AddForeignKey) Reverse() Change  { return &DropForeignKey{ForeignKey: c.ForeignKey} }
func (c *DropForeignKey) Reverse() Change { return &AddForeignKey{ForeignKey: c.ForeignKey} }
func (c *AddCheck) Reverse() Change       { return &DropCheck{Check: c.Check} }
func (c *DropCheck) Reverse() Change      { return &AddCheck{Check: c.Check} }
func (c *RenameConstraint) Reverse() Change {
	return &RenameConstraint{Kind: c.Kind, From: c.To, To: c.From}
}
func (c *ModifyTableComment) Reverse() Change { return &ModifyTableComment{From: c.To, To: c.From} }
func (c *ModifyTableOptions) Reverse() Change { return &ModifyTableOptions{From: c.To, To: c.From} }

// Reverse of ModifyEnum swaps From and To; Users stay (they are the columns
// whose type names the enum, in either state).
func (c *ModifyEnum) Reverse() Change {
	return &ModifyEnum{From: c.To, To: c.From, Users: c.Users, Recreate: c.Recreate}
}

// Reverse of ModifyTable swaps the states and reverses the inner changes in
// the opposite order.
func (c *ModifyTable) Reverse() Change {
	r := &ModifyTable{From: c.To, To: c.From, Changes: make([]TableChange, len(c.Changes))}
	for i, tc := range c.Changes {
		r.Changes[len(c.Changes)-1-i] = tc.Reverse().(TableChange)
	}
	return r
}

// Reverse returns the changes that undo changes, in the order to run them.
func Reverse(changes []Change) []Change {
	out := make([]Change, len(changes))
	for i, c := range changes {
		out[len(changes)-1-i] = c.Reverse()
	}
	return out
}

// String implementations.

func (c *AddNamespace) String() string  { return fmt.Sprintf("add schema %q", c.Name) }
func (c *DropNamespace) String() string { return fmt.Sprintf("drop schema %q", c.Name) }
func (c *AddExtension) String() string  { return fmt.Sprintf("add extension %q", c.Extension.Name) }
func (c *DropExtension) String() string { return fmt.Sprintf("drop extension %q", c.Extension.Name) }
func (c *AddEnum) String() string {
	return fmt.Sprintf("add enum type %q (%s)", QualifiedName(c.Enum.Schema, c.Enum.Name), strings.Join(c.Enum.Values, ", "))
}
func (c *DropEnum) String() string {
	return fmt.Sprintf("drop enum type %q", QualifiedName(c.Enum.Schema, c.Enum.Name))
}
func (c *ModifyEnum) String() string {
	return fmt.Sprintf("modify enum type %q values (%s) → (%s)", QualifiedName(c.To.Schema, c.To.Name),
		strings.Join(c.From.Values, ", "), strings.Join(c.To.Values, ", "))
}
func (c *AddSequence) String() string {
	return fmt.Sprintf("add sequence %q", QualifiedName(c.Sequence.Schema, c.Sequence.Name))
}
func (c *DropSequence) String() string {
	return fmt.Sprintf("drop sequence %q", QualifiedName(c.Sequence.Schema, c.Sequence.Name))
}
func (c *ModifySequence) String() string {
	return fmt.Sprintf("modify sequence %q", QualifiedName(c.To.Schema, c.To.Name))
}
func (c *AddTable) String() string {
	return fmt.Sprintf("add table %q", QualifiedName(c.Table.Schema, c.Table.Name))
}
func (c *DropTable) String() string {
	return fmt.Sprintf("drop table %q", QualifiedName(c.Table.Schema, c.Table.Name))
}
func (c *ModifyTable) String() string {
	parts := make([]string, len(c.Changes))
	for i, tc := range c.Changes {
		parts[i] = tc.String()
	}
	return fmt.Sprintf("modify table %q: %s", QualifiedName(c.To.Schema, c.To.Name), strings.Join(parts, "; "))
}
func (c *AddView) String() string {
	return fmt.Sprintf("add view %q", QualifiedName(c.View.Schema, c.View.Name))
}
func (c *DropView) String() string {
	return fmt.Sprintf("drop view %q", QualifiedName(c.View.Schema, c.View.Name))
}
func (c *AddColumn) String() string  { return fmt.Sprintf("add column %q", c.Column.Name) }
func (c *DropColumn) String() string { return fmt.Sprintf("drop column %q", c.Column.Name) }
func (c *ModifyColumn) String() string {
	var what []string
	f, t := c.From, c.To
	if c.Change.Is(ChangeType) {
		what = append(what, fmt.Sprintf("type %s → %s", f.Type.SQL, t.Type.SQL))
	}
	if c.Change.Is(ChangeNull) {
		if t.Nullable {
			what = append(what, "drop NOT NULL")
		} else {
			what = append(what, "set NOT NULL")
		}
	}
	if c.Change.Is(ChangeDefault) {
		what = append(what, fmt.Sprintf("default %s → %s", orNone(f.Default), orNone(t.Default)))
	}
	if c.Change.Is(ChangeIdentity) {
		what = append(what, "identity")
	}
	if c.Change.Is(ChangeSequence) {
		what = append(what, "owned sequence")
	}
	if c.Change.Is(ChangeGenerated) {
		what = append(what, "generation expression")
	}
	if c.Change.Is(ChangeCollation) {
		what = append(what, fmt.Sprintf("collation %s → %s", orNone(f.Collation), orNone(t.Collation)))
	}
	if c.Change.Is(ChangeComment) {
		what = append(what, "comment")
	}
	if c.Change.Is(ChangeAutoIncrement) {
		what = append(what, "auto-increment")
	}
	if c.Change.Is(ChangeOnUpdate) {
		what = append(what, "on update")
	}
	if c.Change.Is(ChangePosition) {
		what = append(what, "position")
	}
	return fmt.Sprintf("modify column %q: %s", t.Name, strings.Join(what, ", "))
}
func (c *AddPrimaryKey) String() string {
	return fmt.Sprintf("add primary key (%s)", strings.Join(c.PrimaryKey.Columns, ", "))
}
func (c *DropPrimaryKey) String() string {
	return fmt.Sprintf("drop primary key (%s)", strings.Join(c.PrimaryKey.Columns, ", "))
}
func (c *AddUnique) String() string {
	return fmt.Sprintf("add unique constraint %q (%s)", c.Unique.Name, strings.Join(c.Unique.Columns, ", "))
}
func (c *DropUnique) String() string {
	return fmt.Sprintf("drop unique constraint %q", c.Unique.Name)
}
func (c *AddIndex) String() string  { return fmt.Sprintf("add index %q", c.Index.Name) }
func (c *DropIndex) String() string { return fmt.Sprintf("drop index %q", c.Index.Name) }
func (c *RenameIndex) String() string {
	return fmt.Sprintf("rename index %q to %q", c.From.Name, c.To.Name)
}
func (c *AddForeignKey) String() string {
	return fmt.Sprintf("add foreign key %q (%s) → %s(%s)", c.ForeignKey.Name, strings.Join(c.ForeignKey.Columns, ", "),
		QualifiedName(c.ForeignKey.RefSchema, c.ForeignKey.RefTable), strings.Join(c.ForeignKey.RefColumns, ", "))
}
func (c *DropForeignKey) String() string {
	return fmt.Sprintf("drop foreign key %q (%s)", c.ForeignKey.Name, strings.Join(c.ForeignKey.Columns, ", "))
}
func (c *AddCheck) String() string  { return fmt.Sprintf("add check constraint %q", c.Check.Name) }
func (c *DropCheck) String() string { return fmt.Sprintf("drop check constraint %q", c.Check.Name) }
func (c *RenameConstraint) String() string {
	return fmt.Sprintf("rename %s constraint %q to %q", c.Kind, c.From, c.To)
}
func (c *ModifyTableComment) String() string {
	return fmt.Sprintf("table comment %s → %s", orNone(quoteOrEmpty(c.From)), orNone(quoteOrEmpty(c.To)))
}
func (c *ModifyTableOptions) String() string {
	var what []string
	if c.From.Collation != c.To.Collation {
		what = append(what, fmt.Sprintf("collation %s → %s", orNone(c.From.Collation), orNone(c.To.Collation)))
	}
	if c.From.Engine != c.To.Engine {
		what = append(what, fmt.Sprintf("engine %s → %s", orNone(c.From.Engine), orNone(c.To.Engine)))
	}
	if c.From.WithoutRowID != c.To.WithoutRowID || c.From.Strict != c.To.Strict {
		what = append(what, "WITHOUT ROWID / STRICT")
	}
	if c.From.Options != c.To.Options {
		what = append(what, fmt.Sprintf("options %s → %s", orNone(c.From.Options), orNone(c.To.Options)))
	}
	if len(what) == 0 {
		return "table definition"
	}
	return "table options: " + strings.Join(what, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func quoteOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("%q", s)
}

// RenameTable renames a table in place (its rows, keys and indexes follow).
type RenameTable struct {
	Schema   string
	From, To string
}

// RenameColumn renames a column of table Table (named as it is when the
// change runs) in place: its values, and the keys, indexes and checks that
// use it, follow.
type RenameColumn struct {
	Schema, Table string
	From, To      string
}

func (*RenameTable) change()  {}
func (*RenameColumn) change() {}

// Reverse of a rename renames back.
func (c *RenameTable) Reverse() Change { return &RenameTable{Schema: c.Schema, From: c.To, To: c.From} }

// Reverse of a rename renames back.
func (c *RenameColumn) Reverse() Change {
	return &RenameColumn{Schema: c.Schema, Table: c.Table, From: c.To, To: c.From}
}

func (c *RenameTable) String() string {
	return fmt.Sprintf("rename table %q to %q", QualifiedName(c.Schema, c.From), QualifiedName(c.Schema, c.To))
}

func (c *RenameColumn) String() string {
	return fmt.Sprintf("rename column %q to %q", QualifiedName(c.Schema, c.Table)+"."+c.From, c.To)
}

// RenameSequence renames a standalone or owned sequence in place (its value
// is kept): the owned sequence of a column whose table or column is
// renamed takes the name the models give it.
type RenameSequence struct {
	Schema   string
	From, To string
}

func (*RenameSequence) change() {}

// Reverse of a rename renames back.
func (c *RenameSequence) Reverse() Change {
	return &RenameSequence{Schema: c.Schema, From: c.To, To: c.From}
}

func (c *RenameSequence) String() string {
	return fmt.Sprintf("rename sequence %q to %q", QualifiedName(c.Schema, c.From), QualifiedName(c.Schema, c.To))
}
