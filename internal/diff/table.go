package diff

import (
	"github.com/retortdb/retort/schema"
)

// planTable compares one table on both sides. Inside the table's step the
// changes run in this order: constraints and indexes that go or change are
// dropped first, so nothing they hold is in the way; renames next, while the
// names they start from still exist; then added and recreated columns,
// changed columns, generated columns that read the changed ones, and dropped
// columns (a constraint may still read a column dropped later); then the
// constraints and indexes that are new or changed, once their columns
// exist; last the table's comment, options and triggers.
func (d *differ) planTable(f, t *schema.Table) (*tablePlan, error) {
	p := &tablePlan{from: f, to: t}
	cols := d.columns(f, t)
	var cons []constraintChanges
	cons = append(cons, primaryKey(f, t, cols), uniques(f, t, cols), indexes(f, t, cols), checks(f, t, cols))
	fks := foreignKeys(f, t, cols, d.o.InlineForeignKeysOnly)
	if !d.o.InlineForeignKeysOnly {
		// Steps of their own, in the dropForeignKeys and addForeignKeys phases.
		p.dropFKs, p.addFKs = fks.gone, fks.fresh
	}
	cons = append(cons, fks.constraintChanges)

	partFirst, partLast := partitioning(f, t, cols)
	dropCons := partFirst
	var renames, addCons []schema.TableChange
	for _, c := range cons {
		dropCons = append(dropCons, c.drops...)
		renames = append(renames, c.renames...)
		addCons = append(addCons, c.adds...)
	}
	for _, group := range [][]schema.TableChange{
		dropCons, renames, cols.adds, cols.modifies, cols.addGenerated, cols.drops, addCons, d.tableAttributes(f, t, cols), partLast,
	} {
		p.main = append(p.main, group...)
	}
	return p, nil
}

// columnChanges are the column changes of one table.
type columnChanges struct {
	adds, modifies, drops []schema.TableChange
	// addGenerated are generated columns added after the columns they
	// read change.
	addGenerated []schema.TableChange
	// recreated are the columns dropped and added again: what reads them
	// (constraints, indexes) is dropped and added again too.
	recreated map[string]bool
}

// touches reports whether a constraint on cols, or reading exprs, relies on
// a recreated column.
func (c *columnChanges) touches(cols []string, exprs ...string) bool {
	for _, col := range cols {
		if c.recreated[col] {
			return true
		}
	}
	for _, e := range exprs {
		for col := range c.recreated {
			if mentions(e, col) {
				return true
			}
		}
	}
	return false
}

// columns compares the columns of one table.
func (d *differ) columns(f, t *schema.Table) *columnChanges {
	c := &columnChanges{recreated: map[string]bool{}}
	for _, tc := range t.Columns {
		fc := f.Column(tc.Name)
		if fc == nil {
			if tc.Generated != nil {
				c.addGenerated = append(c.addGenerated, &schema.AddColumn{Column: tc})
				continue
			}
			c.adds = append(c.adds, &schema.AddColumn{Column: tc})
			continue
		}
		if d.o.RecreateColumn != nil && !columnsEqual(fc, tc) && d.o.RecreateColumn(fc, tc) {
			c.recreated[tc.Name] = true
			c.drops = append(c.drops, &schema.DropColumn{Column: fc})
			c.adds = append(c.adds, &schema.AddColumn{Column: tc})
			continue
		}
		if ch := columnChange(fc, tc); ch != 0 {
			c.modifies = append(c.modifies, &schema.ModifyColumn{From: fc, To: tc, Change: ch})
		}
	}
	for _, fc := range f.Columns {
		if t.Column(fc.Name) == nil {
			c.drops = append(c.drops, &schema.DropColumn{Column: fc})
		}
	}
	if !d.o.RebuildsTables {
		c.recreateGenerated(f, t)
	}
	if d.o.ColumnOrder == ColumnOrderMoved && !sameCommonOrder(f, t) {
		c.moveColumns(f, t)
	}
	// Dropped columns go after added ones in the list the table runs, but
	// recreated columns must be dropped before they are added again.
	if len(c.recreated) > 0 {
		var first, rest []schema.TableChange
		for _, ch := range c.drops {
			if c.recreated[ch.(*schema.DropColumn).Column.Name] {
				first = append(first, ch)
			} else {
				rest = append(rest, ch)
			}
		}
		c.adds = append(first, c.adds...)
		c.drops = rest
	}
	return c
}

// recreateGenerated drops and adds again, around the change, a generated
// column that reads a column whose type changes: databases refuse to alter
// a column a generation expression uses.
func (c *columnChanges) recreateGenerated(f, t *schema.Table) {
	retyped := map[string]bool{}
	for _, ch := range c.modifies {
		if m := ch.(*schema.ModifyColumn); m.Change&(schema.ChangeType|schema.ChangeCollation) != 0 {
			retyped[m.To.Name] = true
		}
	}
	var kept []schema.TableChange
	for _, ch := range c.modifies {
		m := ch.(*schema.ModifyColumn)
		if m.From.Generated != nil && m.To.Generated != nil && !c.recreated[m.To.Name] && readsAny(m.From.Generated.Expr, retyped) {
			c.recreated[m.To.Name] = true
			c.drops = append(c.drops, &schema.DropColumn{Column: m.From})
			c.addGenerated = append(c.addGenerated, &schema.AddColumn{Column: m.To})
			continue
		}
		kept = append(kept, ch)
	}
	c.modifies = kept
	for _, tc := range t.Columns {
		fc := f.Column(tc.Name)
		if fc != nil && fc.Generated != nil && tc.Generated != nil && columnsEqual(fc, tc) && readsAny(fc.Generated.Expr, retyped) {
			c.recreated[tc.Name] = true
			c.drops = append(c.drops, &schema.DropColumn{Column: fc})
			c.addGenerated = append(c.addGenerated, &schema.AddColumn{Column: tc})
		}
	}
}

// moveColumns gives every kept column, in the new order, a position change
// after its predecessor.
func (c *columnChanges) moveColumns(f, t *schema.Table) {
	mod := map[string]*schema.ModifyColumn{}
	for _, ch := range c.modifies {
		mod[ch.(*schema.ModifyColumn).To.Name] = ch.(*schema.ModifyColumn)
	}
	c.modifies = nil
	for _, tc := range t.Columns {
		fc := f.Column(tc.Name)
		if fc == nil || c.recreated[tc.Name] {
			continue
		}
		m := mod[tc.Name]
		if m == nil {
			m = &schema.ModifyColumn{From: fc, To: tc}
		}
		m.Change |= schema.ChangePosition
		c.modifies = append(c.modifies, m)
	}
}

// constraintChanges are the changes of one kind of constraint (or of the
// indexes) of one table.
type constraintChanges struct {
	drops, renames, adds []schema.TableChange
}

// primaryKey compares the primary keys.
func primaryKey(f, t *schema.Table, cols *columnChanges) constraintChanges {
	var c constraintChanges
	switch fp, tp := f.PrimaryKey, t.PrimaryKey; {
	case fp == nil && tp == nil:
	case fp != nil && tp != nil && equalStrings(fp.Columns, tp.Columns) && !cols.touches(fp.Columns):
		if fp.Name != tp.Name {
			c.renames = append(c.renames, &schema.RenameConstraint{Kind: "primary key", From: fp.Name, To: tp.Name})
		}
	default:
		if fp != nil {
			c.drops = append(c.drops, &schema.DropPrimaryKey{PrimaryKey: fp})
		}
		if tp != nil {
			c.adds = append(c.adds, &schema.AddPrimaryKey{PrimaryKey: tp})
		}
	}
	return c
}

// uniques compares the unique constraints; one that only changes its name
// is renamed.
func uniques(f, t *schema.Table, cols *columnChanges) constraintChanges {
	return keyedKind[*schema.Unique]{
		key:        uniqueKey,
		equal:      uniqueEqual,
		touched:    func(u *schema.Unique) bool { return cols.touches(u.Columns) },
		renameFrom: func(u *schema.Unique) bool { return u.Name != "" },
		renameTo:   func(u *schema.Unique) bool { return u.Name != "" },
		find:       findUnique,
		rename: func(from, to *schema.Unique) schema.TableChange {
			return &schema.RenameConstraint{Kind: "unique", From: from.Name, To: to.Name}
		},
		drop: func(u *schema.Unique) schema.TableChange { return &schema.DropUnique{Unique: u} },
		add:  func(u *schema.Unique) schema.TableChange { return &schema.AddUnique{Unique: u} },
	}.compare(f.Uniques, t.Uniques)
}

// indexes compares the indexes; one that only changes its name is renamed.
func indexes(f, t *schema.Table, cols *columnChanges) constraintChanges {
	return keyedKind[*schema.Index]{
		key:   func(x *schema.Index) string { return x.Name },
		equal: indexEqual,
		touched: func(x *schema.Index) bool {
			var names, exprs []string
			for _, p := range x.Parts {
				names = append(names, p.Column)
				exprs = append(exprs, p.Expr)
			}
			names = append(names, x.Include...)
			return cols.touches(names, append(exprs, x.Where)...)
		},
		find:   findIndex,
		rename: func(from, to *schema.Index) schema.TableChange { return &schema.RenameIndex{From: from, To: to} },
		drop:   func(x *schema.Index) schema.TableChange { return &schema.DropIndex{Index: x} },
		add:    func(x *schema.Index) schema.TableChange { return &schema.AddIndex{Index: x} },
	}.compare(f.Indexes, t.Indexes)
}

// checks compares the check constraints; a named table check that only
// changes its name is renamed.
func checks(f, t *schema.Table, cols *columnChanges) constraintChanges {
	return keyedKind[*schema.Check]{
		key:        checkKey,
		equal:      func(a, b *schema.Check) bool { return *a == *b },
		touched:    func(ck *schema.Check) bool { return cols.touches(nil, ck.Expr) },
		renameFrom: func(ck *schema.Check) bool { return ck.Name != "" && ck.Column == "" },
		renameTo:   func(ck *schema.Check) bool { return ck.Name != "" },
		find:       findCheck,
		rename: func(from, to *schema.Check) schema.TableChange {
			return &schema.RenameConstraint{Kind: "check", From: from.Name, To: to.Name}
		},
		drop: func(ck *schema.Check) schema.TableChange { return &schema.DropCheck{Check: ck} },
		add:  func(ck *schema.Check) schema.TableChange { return &schema.AddCheck{Check: ck} },
	}.compare(f.Checks, t.Checks)
}

// keyedKind is how one kind of table object (unique, index, check) is
// compared: matched by key; changed, or reading a column that changes, it
// goes and comes again; gone and come with only its name changed, it is
// renamed.
type keyedKind[T any] struct {
	key     func(T) string
	equal   func(from, to T) bool
	touched func(T) bool // reads a column that changes
	// renameFrom and renameTo say which objects may be renamed (nil: all).
	renameFrom, renameTo func(T) bool
	find                 func(fresh []T, gone T) int // the one gone renamed to, or -1
	rename               func(from, to T) schema.TableChange
	drop, add            func(T) schema.TableChange
}

func (k keyedKind[T]) compare(from, to []T) constraintChanges {
	var c constraintChanges
	fm, tm := map[string]T{}, map[string]T{}
	for _, x := range from {
		fm[k.key(x)] = x
	}
	for _, x := range to {
		tm[k.key(x)] = x
	}
	var gone, fresh []T
	for _, x := range from {
		if tx, ok := tm[k.key(x)]; !ok || !k.equal(x, tx) || k.touched(x) {
			gone = append(gone, x)
		}
	}
	for _, x := range to {
		if fx, ok := fm[k.key(x)]; !ok || !k.equal(fx, x) || k.touched(x) {
			fresh = append(fresh, x)
		}
	}
	for _, g := range gone {
		if _, kept := tm[k.key(g)]; !kept && !k.touched(g) && (k.renameFrom == nil || k.renameFrom(g)) {
			if i := k.find(fresh, g); i >= 0 && (k.renameTo == nil || k.renameTo(fresh[i])) {
				if _, had := fm[k.key(fresh[i])]; !had {
					c.renames = append(c.renames, k.rename(g, fresh[i]))
					fresh = append(fresh[:i], fresh[i+1:]...)
					continue
				}
			}
		}
		c.drops = append(c.drops, k.drop(g))
	}
	for _, x := range fresh {
		c.adds = append(c.adds, k.add(x))
	}
	return c
}

// foreignKeyChanges are the foreign keys of one table that go (gone) and
// come (fresh), apart from those renamed. Where foreign keys are only
// inline, they are also table changes (drops, adds) like other constraints.
type foreignKeyChanges struct {
	constraintChanges
	gone, fresh []*schema.ForeignKey
}

// foreignKeys compares the foreign keys. A named one that only changes its
// name is renamed, except where foreign keys are only inline (inlineOnly):
// there they are dropped and added with the table, which is rebuilt anyway.
func foreignKeys(f, t *schema.Table, cols *columnChanges, inlineOnly bool) foreignKeyChanges {
	var c foreignKeyChanges
	fm, tm := map[string]*schema.ForeignKey{}, map[string]*schema.ForeignKey{}
	for _, fk := range f.ForeignKeys {
		fm[fkKey(fk)] = fk
	}
	for _, fk := range t.ForeignKeys {
		tm[fkKey(fk)] = fk
	}
	for _, fk := range f.ForeignKeys {
		if tf := tm[fkKey(fk)]; tf == nil || !fkEqual(fk, tf) || cols.touches(fk.Columns) {
			c.gone = append(c.gone, fk)
		}
	}
	for _, fk := range t.ForeignKeys {
		if ff := fm[fkKey(fk)]; ff == nil || !fkEqual(ff, fk) || cols.touches(fk.Columns) {
			c.fresh = append(c.fresh, fk)
		}
	}
	if inlineOnly {
		for _, fk := range c.gone {
			c.drops = append(c.drops, &schema.DropForeignKey{ForeignKey: fk})
		}
		for _, fk := range c.fresh {
			c.adds = append(c.adds, &schema.AddForeignKey{ForeignKey: fk})
		}
		return c
	}
	var renamed []*schema.ForeignKey
	for _, g := range c.gone {
		if g.Name != "" && tm[fkKey(g)] == nil && !cols.touches(g.Columns) {
			if i := findFK(c.fresh, g); i >= 0 && c.fresh[i].Name != "" && fm[fkKey(c.fresh[i])] == nil {
				c.renames = append(c.renames, &schema.RenameConstraint{Kind: "foreign key", From: g.Name, To: c.fresh[i].Name})
				renamed = append(renamed, g)
				c.fresh = append(c.fresh[:i], c.fresh[i+1:]...)
				continue
			}
		}
	}
	c.gone = fkMinus(c.gone, renamed)
	return c
}

// tableAttributes compares what a table has beside its columns and
// constraints: its comment, its options and (where the table is rebuilt to
// reorder them) the order of its columns. Its triggers are objects of their
// own (objects.go).
func (d *differ) tableAttributes(f, t *schema.Table, cols *columnChanges) []schema.TableChange {
	var out []schema.TableChange
	if f.Comment != t.Comment {
		out = append(out, &schema.ModifyTableComment{From: f.Comment, To: t.Comment})
	}
	if f.Collation != t.Collation || f.Engine != t.Engine || f.Options != t.Options || f.WithoutRowID != t.WithoutRowID || f.Strict != t.Strict || f.Def != t.Def {
		out = append(out, &schema.ModifyTableOptions{From: f, To: t})
	}
	// An order change alone still needs a rebuild; with column changes the
	// table is rebuilt (in the new order) anyway.
	if d.o.ColumnOrder == ColumnOrderRebuilt && len(cols.adds)+len(cols.drops)+len(cols.modifies) == 0 && !sameOrder(f, t) && f.Def == t.Def {
		out = append(out, &schema.ModifyTableOptions{From: f, To: t})
	}
	return out
}
