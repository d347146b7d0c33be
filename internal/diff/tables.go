package diff

import "github.com/retortdb/retort/schema"

// tablePlan is the work for one table that exists on both sides.
type tablePlan struct {
	from, to *schema.Table
	// dropFKs are dropped in the dropForeignKeys phase, addFKs added in the
	// addForeignKeys phase.
	dropFKs, addFKs []*schema.ForeignKey
	// early are dropped with dropFKs (see enumDependents).
	early []schema.TableChange
	// main are the table's changes in the alterTables phase.
	main []schema.TableChange
}

func (p *tablePlan) key() tableKey { return keyOf(p.to) }

// tables fills the phases that create, change and drop tables and their
// foreign keys, and returns the tables (by qualified name) that change in
// a way the views reading them must be redone for.
func (d *differ) tables(ph *phases, enums enumPlan) (map[string]bool, error) {
	fromTables := map[tableKey]*schema.Table{}
	for _, t := range d.from.Tables {
		fromTables[keyOf(t)] = t
	}
	toTables := map[tableKey]*schema.Table{}
	for _, t := range d.to.Tables {
		toTables[keyOf(t)] = t
	}
	rebuilt := rebuiltTables(fromTables, d.to.Tables)
	d.rebuilt = map[string]bool{}
	for k := range rebuilt {
		d.rebuilt[schema.QualifiedName(k.ns, k.name)] = true
	}
	var plans []*tablePlan // tables on both sides, in the desired order
	for _, t := range d.to.Tables {
		f := fromTables[keyOf(t)]
		if f == nil || rebuilt[keyOf(t)] {
			continue
		}
		p, err := d.planTable(f, t)
		if err != nil {
			return nil, err
		}
		enumDependents(p, enums.recreatedColumns(f))
		plans = append(plans, p)
	}
	if !d.o.InlineForeignKeysOnly {
		touchForeignKeys(plans, rebuilt)
	}
	var newTables, goneTables, rebuiltFrom []*schema.Table
	for _, t := range d.to.Tables {
		if fromTables[keyOf(t)] == nil || rebuilt[keyOf(t)] {
			newTables = append(newTables, t)
		}
	}
	for _, t := range d.from.Tables {
		switch {
		case toTables[keyOf(t)] == nil:
			goneTables = append(goneTables, t)
		case rebuilt[keyOf(t)]:
			rebuiltFrom = append(rebuiltFrom, t)
		}
	}

	// Each step of a kept table goes from the state the previous one left.
	state := map[tableKey]*schema.Table{}
	for _, p := range plans {
		state[p.key()] = p.from
	}
	ph.dropForeignKeys = dropForeignKeys(plans, state)
	// Tables whose keys and column types stay as they are can be referenced
	// by a new table's inline foreign keys.
	unchanged := map[tableKey]map[string]bool{}
	for _, p := range plans {
		if cols, ok := keysStable(p); ok {
			unchanged[p.key()] = cols
		}
	}
	created, createdFKs := d.createTables(newTables, unchanged)
	// Tables dropped are the mirror image: computed as the creation of
	// to→from, reversed.
	gone, goneFKs := d.createTables(goneTables, unchanged)
	created, late := partitionsOfAltered(created, plans)
	ph.createTables = created
	detach, attach := moveBounds(plans, state)
	ph.alterTables = append(append(attach, orderConstraintRenames(d.alterTables(plans, state))...), late...)
	ph.addForeignKeys = append(addForeignKeys(plans, state), createdFKs...)
	ph.dropForeignKeys = append(ph.dropForeignKeys, schema.Reverse(goneFKs)...)
	ph.dropTables = schema.Reverse(gone)
	redone, redoneFKs := d.createTables(rebuiltFrom, unchanged)
	ph.dropRebuilt = append(schema.Reverse(redoneFKs), schema.Reverse(redone)...)
	// Partitions that go from a parent that stays, and partitions whose
	// bound moves, leave before new partitions come and bounds move, so
	// that no two bounds overlap on the way.
	var goneParts []schema.Change
	ph.dropTables, goneParts = partitionDrops(ph.dropTables, fromTables, toTables)
	ph.dropRebuilt = append(append(goneParts, detach...), ph.dropRebuilt...)

	return d.affectedTables(plans, append(goneTables, rebuiltFrom...), enums), nil
}

// affectedTables returns the tables (by qualified name) whose changes the
// views reading them must be dropped and created again around: tables that
// change or go, and the users of an enum type rebuilt under them.
func (d *differ) affectedTables(plans []*tablePlan, gone []*schema.Table, enums enumPlan) map[string]bool {
	affected := map[string]bool{}
	for _, p := range plans {
		if len(p.main) > 0 || len(p.addFKs) > 0 || len(p.dropFKs) > 0 {
			affected[schema.QualifiedName(p.to.Schema, p.to.Name)] = true
		}
	}
	for _, t := range gone {
		affected[schema.QualifiedName(t.Schema, t.Name)] = true
	}
	for q, full := range enums.recreated {
		if !full {
			continue
		}
		for _, u := range enumUsers(d.from, enums.from[q]) {
			affected[schema.QualifiedName(u.Table.Schema, u.Table.Name)] = true
		}
	}
	return affected
}

// dropForeignKeys returns, per kept table, the step that drops the foreign
// keys that change or rely on something that changes, and the checks and
// indexes enumDependents moved out of the way, and records in state what
// the table holds after it.
func dropForeignKeys(plans []*tablePlan, state map[tableKey]*schema.Table) []schema.Change {
	var out []schema.Change
	for _, p := range plans {
		if len(p.dropFKs) == 0 && len(p.early) == 0 {
			continue
		}
		next := cloneTable(p.from)
		next.ForeignKeys = fkMinus(next.ForeignKeys, p.dropFKs)
		mt := &schema.ModifyTable{From: p.from, To: next}
		for _, fk := range p.dropFKs {
			mt.Changes = append(mt.Changes, &schema.DropForeignKey{ForeignKey: fk})
		}
		for _, ch := range p.early {
			switch c := ch.(type) {
			case *schema.DropCheck:
				next.Checks = checkMinus(next.Checks, c.Check.Name)
			case *schema.DropIndex:
				next.Indexes = indexMinus(next.Indexes, c.Index.Name)
			}
		}
		mt.Changes = append(mt.Changes, p.early...)
		out = append(out, mt)
		state[p.key()] = next
	}
	return out
}

// alterTables returns, per kept table, the step that makes its changes,
// up to the foreign keys added afterwards.
func (d *differ) alterTables(plans []*tablePlan, state map[tableKey]*schema.Table) []schema.Change {
	var out []schema.Change
	for _, p := range plans {
		if len(p.main) == 0 {
			continue
		}
		next := cloneTable(p.to)
		next.ForeignKeys = fkMinus(next.ForeignKeys, p.addFKs)
		from := state[p.key()]
		if d.o.RebuildsTables {
			// The rebuild creates the desired table as it is.
			next = p.to
			if orig := d.respelled[p.key()]; orig != nil {
				from = orig
			}
		}
		out = append(out, &schema.ModifyTable{From: from, To: next, Changes: p.main})
		state[p.key()] = next
	}
	return out
}

// addForeignKeys returns, per kept table, the step that adds its new and
// changed foreign keys.
func addForeignKeys(plans []*tablePlan, state map[tableKey]*schema.Table) []schema.Change {
	var out []schema.Change
	for _, p := range plans {
		if len(p.addFKs) == 0 {
			continue
		}
		mt := &schema.ModifyTable{From: state[p.key()], To: p.to}
		for _, fk := range p.addFKs {
			mt.Changes = append(mt.Changes, &schema.AddForeignKey{ForeignKey: fk})
		}
		out = append(out, mt)
	}
	return out
}

// createTables orders tables so that referenced ones come first and returns
// the AddTable changes and, for foreign keys that cannot be inline (they
// close a cycle, or point at a table that is not ready), the ModifyTable
// changes that add them afterwards.
func (d *differ) createTables(tables []*schema.Table, unchanged map[tableKey]map[string]bool) (creates, fks []schema.Change) {
	byKey := map[tableKey]*schema.Table{}
	for _, t := range tables {
		byKey[keyOf(t)] = t
	}
	done := map[tableKey]bool{}
	visiting := map[tableKey]bool{}
	var order []*schema.Table
	var visit func(t *schema.Table)
	visit = func(t *schema.Table) {
		k := keyOf(t)
		if done[k] || visiting[k] {
			return
		}
		visiting[k] = true
		if p := t.PartitionOf; p != nil {
			if pt := byKey[tableKey{p.Schema, p.Table}]; pt != nil {
				visit(pt)
			}
		}
		for _, fk := range t.ForeignKeys {
			if rt := byKey[tableKey{fk.RefSchema, fk.RefTable}]; rt != nil {
				visit(rt)
			}
		}
		visiting[k] = false
		done[k] = true
		order = append(order, t)
	}
	for _, t := range tables {
		visit(t)
	}
	created := map[tableKey]bool{}
	for _, t := range order {
		k := keyOf(t)
		var later []*schema.ForeignKey
		if !d.o.InlineForeignKeysOnly {
			for _, fk := range t.ForeignKeys {
				rk := tableKey{fk.RefSchema, fk.RefTable}
				if rk == k || created[rk] || (byKey[rk] == nil && stableFor(unchanged, rk, fk.RefColumns)) {
					continue
				}
				later = append(later, fk)
			}
		}
		created[k] = true
		if len(later) == 0 {
			creates = append(creates, &schema.AddTable{Table: t})
			continue
		}
		first := cloneTable(t)
		first.ForeignKeys = fkMinus(first.ForeignKeys, later)
		creates = append(creates, &schema.AddTable{Table: first})
		mt := &schema.ModifyTable{From: first, To: t}
		for _, fk := range later {
			mt.Changes = append(mt.Changes, &schema.AddForeignKey{ForeignKey: fk})
		}
		fks = append(fks, mt)
	}
	return creates, fks
}

// stableFor reports whether table k keeps the key made of cols as it is.
func stableFor(unchanged map[tableKey]map[string]bool, k tableKey, cols []string) bool {
	changed, ok := unchanged[k]
	if !ok {
		return false
	}
	for _, c := range cols {
		if changed[c] {
			return false
		}
	}
	return true
}

// keysStable reports whether a table's plan leaves its keys alone, so a
// foreign key created early may reference it, and which columns change type.
func keysStable(p *tablePlan) (map[string]bool, bool) {
	changed := map[string]bool{}
	for _, c := range p.main {
		switch c := c.(type) {
		case *schema.DropPrimaryKey, *schema.AddPrimaryKey, *schema.DropUnique, *schema.AddUnique:
			return nil, false
		case *schema.AddIndex:
			if c.Index.Unique {
				return nil, false
			}
		case *schema.DropIndex:
			if c.Index.Unique {
				return nil, false
			}
		case *schema.ModifyColumn:
			if c.Change&(schema.ChangeType|schema.ChangeCollation) != 0 {
				changed[c.To.Name] = true
			}
		}
	}
	return changed, true
}

// touchForeignKeys moves foreign keys that must be dropped and added again
// because something they rely on changes: a column type on either side, or
// a key of the referenced table.
func touchForeignKeys(plans []*tablePlan, rebuilt map[tableKey]bool) {
	typeChanged := map[tableKey]map[string]bool{}
	keyDropped := map[tableKey]bool{}
	for k := range rebuilt {
		keyDropped[k] = true
	}
	for _, p := range plans {
		k := p.key()
		for _, c := range p.main {
			switch c := c.(type) {
			case *schema.ModifyColumn:
				if c.Change&(schema.ChangeType|schema.ChangeCollation) != 0 {
					if typeChanged[k] == nil {
						typeChanged[k] = map[string]bool{}
					}
					typeChanged[k][c.To.Name] = true
				}
			case *schema.DropColumn:
				if typeChanged[k] == nil {
					typeChanged[k] = map[string]bool{}
				}
				typeChanged[k][c.Column.Name] = true
			case *schema.DropPrimaryKey, *schema.DropUnique:
				keyDropped[k] = true
			case *schema.DropIndex:
				if c.Index.Unique {
					keyDropped[k] = true
				}
			}
		}
	}
	for _, p := range plans {
		k := p.key()
		for _, fk := range p.from.ForeignKeys {
			if containsFK(p.dropFKs, fk) {
				continue
			}
			tf := findFKByKey(p.to.ForeignKeys, fk)
			if tf == nil || containsFK(p.addFKs, tf) {
				continue
			}
			rk := tableKey{fk.RefSchema, fk.RefTable}
			touched := keyDropped[rk]
			for _, c := range fk.Columns {
				if typeChanged[k][c] {
					touched = true
				}
			}
			for _, c := range fk.RefColumns {
				if typeChanged[rk][c] {
					touched = true
				}
			}
			if touched {
				p.dropFKs = append(p.dropFKs, fk)
				p.addFKs = append(p.addFKs, tf)
			}
		}
	}
}

func containsFK(list []*schema.ForeignKey, fk *schema.ForeignKey) bool {
	for _, x := range list {
		if x == fk {
			return true
		}
	}
	return false
}

func findFKByKey(list []*schema.ForeignKey, fk *schema.ForeignKey) *schema.ForeignKey {
	for _, x := range list {
		if fkKey(x) == fkKey(fk) {
			return x
		}
	}
	return nil
}
