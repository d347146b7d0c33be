package diff

import "github.com/retortdb/retort/schema"

// rebuiltTables returns the tables on both sides that cannot be altered
// into the desired ones and are dropped and created again: PostgreSQL
// cannot change a table's partition key, and a table that becomes a
// partition of another (or stops being one) changes what retort lists of
// it (a partition's columns are its parent's). A partition of a rebuilt
// table is rebuilt with it. A partition whose bound alone changes is
// detached and attached again instead (a table option change).
func rebuiltTables(from map[tableKey]*schema.Table, to []*schema.Table) map[tableKey]bool {
	rebuilt := map[tableKey]bool{}
	for _, t := range to {
		if f := from[keyOf(t)]; f != nil && partitioningChanged(f, t) {
			rebuilt[keyOf(t)] = true
		}
	}
	for grown := true; grown; {
		grown = false
		for _, t := range to {
			k := keyOf(t)
			if from[k] == nil || rebuilt[k] || t.PartitionOf == nil {
				continue
			}
			if rebuilt[tableKey{t.PartitionOf.Schema, t.PartitionOf.Table}] {
				rebuilt[k] = true
				grown = true
			}
		}
	}
	return rebuilt
}

// partitioningChanged reports whether f and t differ in their partition
// key or in the table they are a partition of.
func partitioningChanged(f, t *schema.Table) bool {
	if f.PartitionBy != t.PartitionBy {
		return true
	}
	fp, tp := f.PartitionOf, t.PartitionOf
	if (fp == nil) != (tp == nil) {
		return true
	}
	return fp != nil && (fp.Schema != tp.Schema || fp.Table != tp.Table)
}

// withPartitionOf is a copy of t that is a partition as p says (nil: a
// table of its own).
func withPartitionOf(t *schema.Table, p *schema.PartitionOf) *schema.Table {
	c := cloneTable(t)
	c.PartitionOf = p
	return c
}

// moveBounds returns, for the kept partitions whose bound changes, the
// steps that detach them from their parent (run early, with the partitions
// that go) and attach them again with their new bound (run before the
// tables change, while their columns still match the parent's), and
// records in state what each holds after.
func moveBounds(plans []*tablePlan, state map[tableKey]*schema.Table) (detach, attach []schema.Change) {
	for _, p := range plans {
		if !boundChanged(p.from, p.to) {
			continue
		}
		cur := state[p.key()]
		alone := withPartitionOf(cur, nil)
		back := withPartitionOf(cur, p.to.PartitionOf)
		detach = append(detach, &schema.ModifyTable{From: cur, To: alone, Changes: []schema.TableChange{&schema.ModifyTableOptions{From: cur, To: alone}}})
		attach = append(attach, &schema.ModifyTable{From: alone, To: back, Changes: []schema.TableChange{&schema.ModifyTableOptions{From: alone, To: back}}})
		state[p.key()] = back
	}
	return detach, attach
}

// partitionDrops takes out of drops the partitions that go while their
// parent stays (or is rebuilt), to be dropped before new partitions are
// created (a new one may take the bound of one that goes) and before a
// rebuilt parent is dropped.
func partitionDrops(drops []schema.Change, from, to map[tableKey]*schema.Table) (rest, parts []schema.Change) {
	// early: gone partitions of a parent on both sides, and their own
	// partitions, to a fixed point.
	early := map[tableKey]bool{}
	for grown := true; grown; {
		grown = false
		for k, t := range from {
			if early[k] || to[k] != nil || t.PartitionOf == nil {
				continue
			}
			pk := tableKey{t.PartitionOf.Schema, t.PartitionOf.Table}
			if early[pk] || to[pk] != nil && from[pk] != nil {
				early[k], grown = true, true
			}
		}
	}
	for _, c := range drops {
		if dt, ok := c.(*schema.DropTable); ok && early[keyOf(dt.Table)] {
			parts = append(parts, c)
			continue
		}
		rest = append(rest, c)
	}
	return rest, parts
}

// boundChanged reports whether a partition kept under the same parent
// changes its bound.
func boundChanged(f, t *schema.Table) bool {
	return f.PartitionOf != nil && t.PartitionOf != nil && f.PartitionOf.Bound != t.PartitionOf.Bound
}

// partitionsOfAltered takes out of created the new partitions of kept
// tables that change (and their own partitions): they are created after
// their parent's changes, so that they start with its final columns and a
// check or index of theirs may read a column the parent gains.
func partitionsOfAltered(created []schema.Change, plans []*tablePlan) (early, late []schema.Change) {
	altered := map[tableKey]bool{}
	for _, p := range plans {
		if len(p.main) > 0 {
			altered[p.key()] = true
		}
	}
	for _, c := range created {
		if a, ok := c.(*schema.AddTable); ok && a.Table.PartitionOf != nil && altered[tableKey{a.Table.PartitionOf.Schema, a.Table.PartitionOf.Table}] {
			altered[keyOf(a.Table)] = true // its partitions follow it
			late = append(late, c)
			continue
		}
		early = append(early, c)
	}
	return early, late
}
