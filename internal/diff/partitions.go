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
