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
	var plans []*tablePlan // tables on both sides, in the desired order
	for _, t := range d.to.Tables {
		f := fromTables[keyOf(t)]
		if f == nil {
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
		touchForeignKeys(plans)
	}
	var newTables, goneTables []*schema.Table
	for _, t := range d.to.Tables {
		if fromTables[keyOf(t)] == nil {
			newTables = append(newTables, t)
		}
	}
	for _, t := range d.from.Tables {
		if toTables[keyOf(t)] == nil {
			goneTables = append(goneTables, t)
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
	ph.createTables = created
	ph.alterTables = d.alterTables(plans, state)
	ph.addForeignKeys = append(addForeignKeys(plans, state), createdFKs...)
	ph.dropForeignKeys = append(ph.dropForeignKeys, schema.Reverse(goneFKs)...)
	ph.dropTables = schema.Reverse(gone)

	affected := map[string]bool{}
	for _, p := range plans {
		if len(p.main) > 0 || len(p.addFKs) > 0 || len(p.dropFKs) > 0 {
			affected[schema.QualifiedName(p.to.Schema, p.to.Name)] = true
		}
	}
	for _, t := range goneTables {
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
	return affected, nil
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
		if d.o.RebuildsTables {
			// The rebuild creates the desired table as it is.
			next = p.to
		}
		out = append(out, &schema.ModifyTable{From: state[p.key()], To: next, Changes: p.main})
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
