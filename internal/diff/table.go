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
	cons = append(cons, primaryKey(f, t, cols), uniques(f, t, cols, d.o), indexes(f, t, cols, d.o), checks(f, t, cols, d.o), exclusions(f, t, cols))
	fks := foreignKeys(f, t, cols, d.o)
	if !d.o.InlineForeignKeysOnly {
		// Steps of their own, in the dropForeignKeys and addForeignKeys phases.
		p.dropFKs, p.addFKs = fks.gone, fks.fresh
	}
	cons = append(cons, fks.constraintChanges)

	partFirst, partLast := partitioning(f, t, cols)
	dropCons := partFirst
	var renames, addCons, comments []schema.TableChange
	for _, c := range cons {
		dropCons = append(dropCons, c.drops...)
		renames = append(renames, c.renames...)
		addCons = append(addCons, c.adds...)
		comments = append(comments, c.comments...)
	}
	for _, group := range [][]schema.TableChange{
		dropCons, renames, cols.adds, cols.modifies, cols.addGenerated, cols.drops, addCons, comments, d.tableAttributes(f, t, cols), partLast,
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
	// regenerated are the columns that become generated, stop being
	// generated or change between STORED and VIRTUAL: a dialect may have
	// to build them again (in one direction or the other), so what reads
	// them is dropped and added again too.
	regenerated map[string]bool
}

// touches reports whether a constraint on cols, or reading exprs, relies on
// a recreated column.
func (c *columnChanges) touches(cols []string, exprs ...string) bool {
	for _, col := range cols {
		if c.recreated[col] || c.regenerated[col] {
			return true
		}
	}
	for _, e := range exprs {
		for col := range c.recreated {
			if mentions(e, col) {
				return true
			}
		}
		for col := range c.regenerated {
			if mentions(e, col) {
				return true
			}
		}
	}
	return false
}

// columns compares the columns of one table.
func (d *differ) columns(f, t *schema.Table) *columnChanges {
	c := &columnChanges{recreated: map[string]bool{}, regenerated: map[string]bool{}}
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
			if ch.Is(schema.ChangeGenerated) && !d.o.RebuildsTables && regenerates(fc, tc) {
				c.regenerated[tc.Name] = true
			}
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

// regenerates reports whether a column becomes generated, stops being
// generated, or changes between STORED and VIRTUAL.
func regenerates(f, t *schema.Column) bool {
	if (f.Generated == nil) != (t.Generated == nil) {
		return true
	}
	return f.Generated != nil && f.Generated.Stored != t.Generated.Stored
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
	// comments change the comment of constraints kept or renamed (an
	// added one carries its comment).
	comments []schema.TableChange
}

// primaryKey compares the primary keys.
func primaryKey(f, t *schema.Table, cols *columnChanges) constraintChanges {
	var c constraintChanges
	switch fp, tp := f.PrimaryKey, t.PrimaryKey; {
	case fp == nil && tp == nil:
	case fp != nil && tp != nil && equalStrings(fp.Columns, tp.Columns) && fp.StorageParams == tp.StorageParams && !cols.touches(fp.Columns):
		if fp.Name != tp.Name {
			c.renames = append(c.renames, &schema.RenameConstraint{Kind: "primary key", From: fp.Name, To: tp.Name})
		}
		if fp.Comment != tp.Comment {
			c.comments = append(c.comments, &schema.ModifyConstraintComment{Kind: "primary key", Name: tp.Name, From: fp.Comment, To: tp.Comment})
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
func uniques(f, t *schema.Table, cols *columnChanges, o Options) constraintChanges {
	return keyedKind[*schema.Unique]{
		key:        uniqueKey,
		fold:       func(k string) string { return o.foldKey(NameConstraint, k) },
		equal:      uniqueEqual,
		comment:    func(u *schema.Unique) (string, string) { return u.Name, u.Comment },
		kind:       "unique",
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
func indexes(f, t *schema.Table, cols *columnChanges, o Options) constraintChanges {
	return keyedKind[*schema.Index]{
		key:   func(x *schema.Index) string { return x.Name },
		fold:  func(k string) string { return o.foldKey(NameIndex, k) },
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
func checks(f, t *schema.Table, cols *columnChanges, o Options) constraintChanges {
	return keyedKind[*schema.Check]{
		key:        checkKey,
		fold:       func(k string) string { return o.foldKey(NameConstraint, k) },
		equal:      checkEqual,
		comment:    func(ck *schema.Check) (string, string) { return ck.Name, ck.Comment },
		kind:       "check",
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

// exclusions compares the exclusion constraints; one that only changes
// its name is renamed.
func exclusions(f, t *schema.Table, cols *columnChanges) constraintChanges {
	return keyedKind[*schema.Exclusion]{
		key:     func(x *schema.Exclusion) string { return x.Name },
		equal:   func(a, b *schema.Exclusion) bool { return a.Def == b.Def },
		comment: func(x *schema.Exclusion) (string, string) { return x.Name, x.Comment },
		kind:    "exclusion",
		touched: func(x *schema.Exclusion) bool { return cols.touches(nil, x.Def) },
		find: func(list []*schema.Exclusion, g *schema.Exclusion) int {
			for i, x := range list {
				if x.Def == g.Def {
					return i
				}
			}
			return -1
		},
		rename: func(from, to *schema.Exclusion) schema.TableChange {
			return &schema.RenameConstraint{Kind: "exclusion", From: from.Name, To: to.Name}
		},
		drop: func(x *schema.Exclusion) schema.TableChange { return &schema.DropExclusion{Exclusion: x} },
		add:  func(x *schema.Exclusion) schema.TableChange { return &schema.AddExclusion{Exclusion: x} },
	}.compare(f.Exclusions, t.Exclusions)
}

// keyedKind is how one kind of table object (unique, index, check) is
// compared: matched by key; changed, or reading a column that changes, it
// goes and comes again; gone and come with only its name changed, it is
// renamed.
type keyedKind[T any] struct {
	key func(T) string
	// fold is the key as the server compares it (nil: exactly); two
	// objects whose keys differ only so are the same object, renamed when
	// the spelling changes.
	fold    func(string) string
	equal   func(from, to T) bool
	touched func(T) bool // reads a column that changes
	// renameFrom and renameTo say which objects may be renamed (nil: all).
	renameFrom, renameTo func(T) bool
	find                 func(fresh []T, gone T) int // the one gone renamed to, or -1
	// comment returns a constraint's name and comment (nil: no comments);
	// kind names the constraint kind in a comment change.
	comment   func(T) (name, comment string)
	kind      string
	rename    func(from, to T) schema.TableChange
	drop, add func(T) schema.TableChange
}

func (k keyedKind[T]) compare(from, to []T) constraintChanges {
	var c constraintChanges
	fkey := func(x T) string {
		if k.fold == nil {
			return k.key(x)
		}
		return k.fold(k.key(x))
	}
	fm, tm := map[string]T{}, map[string]T{}
	for _, x := range from {
		fm[fkey(x)] = x
	}
	for _, x := range to {
		tm[fkey(x)] = x
	}
	var gone, fresh []T
	for _, x := range from {
		tx, ok := tm[fkey(x)]
		switch {
		case !ok || !k.equal(x, tx) || k.touched(x):
			gone = append(gone, x)
		case k.key(x) != k.key(tx):
			// The same object but for the case of its name.
			if k.rename != nil && (k.renameFrom == nil || k.renameFrom(x)) && (k.renameTo == nil || k.renameTo(tx)) {
				c.renames = append(c.renames, k.rename(x, tx))
			} else {
				c.drops = append(c.drops, k.drop(x))
				c.adds = append(c.adds, k.add(tx))
			}
		}
	}
	for _, x := range to {
		if fx, ok := fm[fkey(x)]; !ok || !k.equal(fx, x) || k.touched(x) {
			fresh = append(fresh, x)
		}
	}
	for _, g := range gone {
		if _, kept := tm[fkey(g)]; !kept && !k.touched(g) && (k.renameFrom == nil || k.renameFrom(g)) {
			if i := k.find(fresh, g); i >= 0 && (k.renameTo == nil || k.renameTo(fresh[i])) {
				if _, had := fm[fkey(fresh[i])]; !had {
					c.renames = append(c.renames, k.rename(g, fresh[i]))
					c.comments = append(c.comments, k.commentChange(g, fresh[i])...)
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
	for _, x := range to {
		if fx, ok := fm[k.key(x)]; ok && k.equal(fx, x) && !k.touched(x) {
			c.comments = append(c.comments, k.commentChange(fx, x)...)
		}
	}
	return c
}

// commentChange is the change of a kept constraint's comment, if any.
func (k keyedKind[T]) commentChange(from, to T) []schema.TableChange {
	if k.comment == nil {
		return nil
	}
	_, fc := k.comment(from)
	name, tc := k.comment(to)
	if fc == tc || name == "" {
		return nil
	}
	return []schema.TableChange{&schema.ModifyConstraintComment{Kind: k.kind, Name: name, From: fc, To: tc}}
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
func foreignKeys(f, t *schema.Table, cols *columnChanges, o Options) foreignKeyChanges {
	inlineOnly := o.InlineForeignKeysOnly
	var c foreignKeyChanges
	key := func(fk *schema.ForeignKey) string { return o.foldKey(NameConstraint, fkKey(fk)) }
	fm, tm := map[string]*schema.ForeignKey{}, map[string]*schema.ForeignKey{}
	for _, fk := range f.ForeignKeys {
		fm[key(fk)] = fk
	}
	for _, fk := range t.ForeignKeys {
		tm[key(fk)] = fk
	}
	for _, fk := range f.ForeignKeys {
		if tf := tm[key(fk)]; tf == nil || !fkEqual(fk, tf) || cols.touches(fk.Columns) {
			c.gone = append(c.gone, fk)
		} else if tf.Name != fk.Name && !inlineOnly {
			// The same key but for the case of its name.
			c.renames = append(c.renames, &schema.RenameConstraint{Kind: "foreign key", From: fk.Name, To: tf.Name})
		} else if tf.Name != fk.Name {
			c.gone = append(c.gone, fk)
		}
	}
	for _, fk := range t.ForeignKeys {
		if ff := fm[key(fk)]; ff == nil || !fkEqual(ff, fk) || cols.touches(fk.Columns) || (inlineOnly && ff.Name != fk.Name) {
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
	for _, fk := range t.ForeignKeys {
		if ff := fm[fkKey(fk)]; ff != nil && fkEqual(ff, fk) && !cols.touches(fk.Columns) && ff.Comment != fk.Comment && fk.Name != "" {
			c.comments = append(c.comments, &schema.ModifyConstraintComment{Kind: "foreign key", Name: fk.Name, From: ff.Comment, To: fk.Comment})
		}
	}
	var renamed []*schema.ForeignKey
	for _, g := range c.gone {
		if g.Name != "" && tm[key(g)] == nil && !cols.touches(g.Columns) {
			if i := findFK(c.fresh, g); i >= 0 && c.fresh[i].Name != "" && fm[key(c.fresh[i])] == nil {
				c.renames = append(c.renames, &schema.RenameConstraint{Kind: "foreign key", From: g.Name, To: c.fresh[i].Name})
				if g.Comment != c.fresh[i].Comment {
					c.comments = append(c.comments, &schema.ModifyConstraintComment{Kind: "foreign key", Name: c.fresh[i].Name, From: g.Comment, To: c.fresh[i].Comment})
				}
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
	if boundChanged(f, t) {
		// The bound moves in steps of their own (see moveBounds).
		f = withPartitionOf(f, t.PartitionOf)
	}
	if f.Collation != t.Collation || f.Engine != t.Engine || f.Options != t.Options || f.WithoutRowID != t.WithoutRowID || f.Strict != t.Strict || f.Def != t.Def ||
		f.StorageParams != t.StorageParams || f.RowSecurity != t.RowSecurity || f.ForceRowSecurity != t.ForceRowSecurity ||
		d.respelled[keyOf(t)] != nil {
		out = append(out, &schema.ModifyTableOptions{From: f, To: t})
	}
	// An order change alone still needs a rebuild; with column changes the
	// table is rebuilt (in the new order) anyway.
	if d.o.ColumnOrder == ColumnOrderRebuilt && len(cols.adds)+len(cols.drops)+len(cols.modifies) == 0 && !sameOrder(f, t) && f.Def == t.Def {
		out = append(out, &schema.ModifyTableOptions{From: f, To: t})
	}
	return out
}
