// Package diff compares two schemas (schema IR) and returns the ordered,
// dependency-aware changes that turn one into the other: referenced tables
// before referencing ones, dependents dropped first, foreign keys that close
// a cycle added by a separate step, views dropped before and recreated after
// the tables they read change. The downgrade is schema.Reverse of the result.
// The order of the steps is the phases type (diff.go); each kind of object
// has its own function that says only what changes.
//
// It knows no SQL dialect: the few places where dialects differ are Options.
// It imports only the public schema package; it must not import the dialect
// packages, models or anything that touches a database.
package diff

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Options are the dialect hooks of a diff, each named for what the
// dialect can or cannot do. A dialect supplies its own (see
// internal/autogen); the zero value is a database that alters everything in
// place, keeps foreign keys as separate constraints and ignores column order.
type Options struct {
	// InlineForeignKeysOnly is set for dialects whose foreign keys exist
	// only inside CREATE TABLE (SQLite): they are compared as changes of
	// their table and never split into steps of their own, not even to
	// break a cycle between new tables.
	InlineForeignKeysOnly bool
	// RebuildsTables is set for dialects that change a table's columns by
	// building a new table and copying the rows (SQLite). A step then goes
	// to the desired table as it is, and a generated column is rebuilt
	// with the table instead of being dropped and added around a change to
	// a column it reads.
	RebuildsTables bool
	// ColumnOrder says whether the order of a table's columns is compared,
	// and how a new order is made.
	ColumnOrder ColumnOrder
	// RecreateColumn reports that a column cannot be altered from one
	// definition to the other and must be dropped and added again.
	RecreateColumn func(from, to *schema.Column) bool
	// ReplaceObject reports that the dialect changes object from into to
	// in place (CREATE OR REPLACE, a new comment): a ReplaceObject change.
	// When nil or false, the object is dropped and created again, and so is
	// everything that depends on it.
	ReplaceObject func(from, to *schema.Object) bool
}

// ColumnOrder is how a dialect keeps the order of a table's columns.
type ColumnOrder int

const (
	// ColumnOrderIgnored: the order is not compared (PostgreSQL cannot
	// place a column).
	ColumnOrderIgnored ColumnOrder = iota
	// ColumnOrderMoved: a column can be moved in place (MySQL's AFTER), so
	// every kept column whose place changes gets a position change.
	ColumnOrderMoved
	// ColumnOrderRebuilt: a new order needs the table rebuilt, so an order
	// change alone is still a change of the table's definition (SQLite).
	ColumnOrderRebuilt
)

// Diff returns the changes that turn from into to.
func Diff(from, to *schema.Schema, o Options) ([]schema.Change, error) {
	d := &differ{from: from, to: to, o: o}
	return d.run()
}

// phases are the steps of a diff, in the order they run. This is the one
// place that orders them; each kind of object only says what changes.
type phases struct {
	// 1. Views and late objects (attached to or reading tables and views:
	// triggers, materialized views, policies; see objects.go) go first: a
	// view holds on to the tables, columns and types it reads, so every
	// view or late object that reads something about to change, or that
	// changes itself, is dropped (dependents first) before anything else
	// happens and created again in step 9.
	dropViews []schema.Change
	// 1b. Declared renames of tables and columns (DiffRenamed): every
	// later step names tables and columns by their new names.
	renames []schema.Change
	// 2. Foreign keys that change or rely on something that changes, and
	// all foreign keys of tables about to be dropped, so that no key, column
	// or table they hold is still held when it changes. Checks and indexes
	// that read a column of an enum type being recreated go here too (see
	// enumDependents): they must be gone before the type changes in step 3.
	dropForeignKeys []schema.Change
	// 2b. Early objects (functions, procedures, domains: what tables may
	// use) that are created again, because they change in a way the
	// dialect cannot replace in place or an enum type they use is
	// recreated: dropped before the types change.
	redoEarlyObjects []schema.Change
	// 3. Schemas, extensions, enum types and sequences, in that order
	// (an extension lives in a schema, a column needs its type and its
	// sequence), then the early objects in dependency order: everything a
	// table may use exists before tables change.
	createObjects      []schema.Change
	createEarlyObjects []schema.Change
	// 4. New tables, referenced ones first, with the foreign keys they can
	// carry inline.
	createTables []schema.Change
	// 5. Changes inside existing tables: columns, keys, indexes, checks,
	// comments and options (see tableChanges for their order).
	alterTables []schema.Change
	// 6. Foreign keys added last, when every table and key they reference
	// exists: changed ones of existing tables, then those that close a
	// cycle between new tables.
	addForeignKeys []schema.Change
	// 7. Dropped tables, the mirror image of creating them: tables that
	// reference others go first.
	dropTables []schema.Change
	// 8. Early objects, sequences, enum types, extensions and schemas no
	// longer wanted, the reverse of step 3, once no table uses them.
	dropEarlyObjects []schema.Change
	dropObjects      []schema.Change
	// 9. Views and late objects created again, and new ones, each after
	// what it reads or is attached to.
	addViews []schema.Change
}

func (p *phases) ordered() []schema.Change {
	var out []schema.Change
	for _, step := range [][]schema.Change{
		p.dropViews, p.renames, p.dropForeignKeys, p.redoEarlyObjects, p.createObjects, p.createEarlyObjects,
		p.createTables, p.alterTables, p.addForeignKeys, p.dropTables, p.dropEarlyObjects, p.dropObjects, p.addViews,
	} {
		out = append(out, step...)
	}
	return out
}

type tableKey struct{ ns, name string }

func keyOf(t *schema.Table) tableKey { return tableKey{t.Schema, t.Name} }

type differ struct {
	from, to *schema.Schema
	o        Options
	// renames are the declared renames, already applied to from;
	// renamedTables the current names of the tables they touch, whose
	// views are redone.
	renames       []schema.Change
	renamedTables []string
	// preRename maps an object of from, renamed with its table, to the
	// object as the database has it (see renameObjects).
	preRename map[*schema.Object]*schema.Object
}

func (d *differ) run() ([]schema.Change, error) {
	var p phases
	addNS, dropNS := d.namespaces()
	addExt, dropExt := d.extensions()
	enums := d.enums()
	addSeq, dropSeq := d.sequences()
	p.createObjects = concat(addNS, addExt, enums.changes, addSeq)
	p.dropObjects = concat(dropSeq, enums.drops, dropExt, dropNS)

	affected, err := d.tables(&p, enums)
	if err != nil {
		return nil, err
	}
	p.renames = d.renames
	for _, q := range d.renamedTables {
		affected[q] = true
	}
	recreated := map[string]bool{}
	for q, full := range enums.recreated {
		if full {
			recreated[q] = true
		}
	}
	d.readers(&p, affected, recreated)
	return p.ordered(), nil
}

func concat(lists ...[]schema.Change) []schema.Change {
	var out []schema.Change
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// namespaces returns the (PostgreSQL) schemas to add and to drop.
func (d *differ) namespaces() (adds, drops []schema.Change) {
	for _, n := range minus(d.to.Namespaces, d.from.Namespaces) {
		adds = append(adds, &schema.AddNamespace{Name: n})
	}
	for _, n := range minus(d.from.Namespaces, d.to.Namespaces) {
		drops = append(drops, &schema.DropNamespace{Name: n})
	}
	return adds, drops
}

// extensions returns the extensions to add (a changed one is dropped and
// added again) and to drop.
func (d *differ) extensions() (adds, drops []schema.Change) {
	fromExt := map[string]*schema.Extension{}
	for _, e := range d.from.Extensions {
		fromExt[e.Name] = e
	}
	toExt := map[string]*schema.Extension{}
	for _, e := range d.to.Extensions {
		toExt[e.Name] = e
		switch f := fromExt[e.Name]; {
		case f == nil:
			adds = append(adds, &schema.AddExtension{Extension: e})
		case *f != *e:
			adds = append(adds, &schema.DropExtension{Extension: f}, &schema.AddExtension{Extension: e})
		}
	}
	for _, e := range d.from.Extensions {
		if toExt[e.Name] == nil {
			drops = append(drops, &schema.DropExtension{Extension: e})
		}
	}
	return adds, drops
}

// enumPlan is what changes in the enum types.
type enumPlan struct {
	// changes add and modify enums; drops drop them.
	changes, drops []schema.Change
	// from are the current enums by qualified name.
	from map[string]*schema.Enum
	// recreated holds the enums whose values change other than by adding
	// values in place; true when the type is rebuilt under its columns, so
	// what reads those columns must step aside (see enumDependents).
	recreated map[string]bool
}

// enums compares the enum types.
func (d *differ) enums() enumPlan {
	p := enumPlan{from: map[string]*schema.Enum{}, recreated: map[string]bool{}}
	for _, e := range d.from.Enums {
		p.from[schema.QualifiedName(e.Schema, e.Name)] = e
	}
	toEnums := map[string]*schema.Enum{}
	for _, e := range d.to.Enums {
		q := schema.QualifiedName(e.Schema, e.Name)
		toEnums[q] = e
		f := p.from[q]
		switch {
		case f == nil:
			p.changes = append(p.changes, &schema.AddEnum{Enum: e})
		case !equalStrings(f.Values, e.Values) || f.Comment != e.Comment:
			me := &schema.ModifyEnum{From: f, To: e, Users: enumUsers(d.from, f)}
			if !equalStrings(f.Values, e.Values) {
				// Either direction may use values it adds (the downgrade
				// adds back the values the upgrade removes).
				me.Recreate = usesNewValues(d.to, f, e) || usesNewValues(d.from, e, f)
				p.recreated[q] = me.Recreate || !isSubsequence(f.Values, e.Values)
			}
			p.changes = append(p.changes, me)
		}
	}
	for _, e := range d.from.Enums {
		if toEnums[schema.QualifiedName(e.Schema, e.Name)] == nil {
			p.drops = append(p.drops, &schema.DropEnum{Enum: e})
		}
	}
	return p
}

// recreatedColumns returns the columns of table f whose enum type is
// rebuilt under them.
func (p enumPlan) recreatedColumns(f *schema.Table) map[string]bool {
	cols := map[string]bool{}
	for q, full := range p.recreated {
		for _, c := range f.Columns {
			if full && typeNames(c.Type, p.from[q]) {
				cols[c.Name] = true
			}
		}
	}
	return cols
}

// sequences compares the standalone sequences.
func (d *differ) sequences() (changes, drops []schema.Change) {
	fromSeqs := map[string]*schema.Sequence{}
	for _, s := range d.from.Sequences {
		fromSeqs[schema.QualifiedName(s.Schema, s.Name)] = s
	}
	toSeqs := map[string]bool{}
	for _, s := range d.to.Sequences {
		q := schema.QualifiedName(s.Schema, s.Name)
		toSeqs[q] = true
		f := fromSeqs[q]
		switch {
		case f == nil:
			changes = append(changes, &schema.AddSequence{Sequence: s})
		case *f != *s:
			changes = append(changes, &schema.ModifySequence{From: f, To: s})
		}
	}
	for _, s := range d.from.Sequences {
		if !toSeqs[schema.QualifiedName(s.Schema, s.Name)] {
			drops = append(drops, &schema.DropSequence{Sequence: s})
		}
	}
	return changes, drops
}

// Unmanaged returns an error naming the objects of s that retort does not
// manage, or nil.
func Unmanaged(s *schema.Schema) error {
	if len(s.Unmanaged) == 0 {
		return nil
	}
	names := make([]string, len(s.Unmanaged))
	for i, u := range s.Unmanaged {
		names[i] = u.String()
	}
	return fmt.Errorf("retort does not manage %s yet; remove it from the models or exclude it by name", strings.Join(names, ", "))
}
