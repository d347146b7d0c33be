package diff

import (
	"reflect"
	"strings"

	"github.com/retortdb/retort/schema"
)

// partitioning compares how a MySQL/MariaDB table is partitioned. It
// returns the changes that run first in the table's step (removing the
// partitioning, so that a column or key it reads may change) and those
// that run last (partitioning anew once the columns and keys it needs are
// there, adding and dropping partitions).
//
// Partitions added to or dropped from an unchanged scheme are changes of
// their own: drops in their order, then adds from the last to the first,
// so that a RANGE partition added before another is split off one that
// already exists (and a downgrade, the reverse, drops in order and adds
// from the last). Anything else repartitions the table as a whole.
func partitioning(f, t *schema.Table, cols *columnChanges) (first, last []schema.TableChange) {
	fp, tp := f.Partitioning, t.Partitioning
	switch {
	case fp == nil && tp == nil:
		return nil, nil
	case fp == nil:
		return nil, []schema.TableChange{&schema.ModifyPartitioning{To: tp}}
	case tp == nil:
		return []schema.TableChange{&schema.ModifyPartitioning{From: fp}}, nil
	}
	if partitionReadsChanged(fp, cols) {
		return []schema.TableChange{&schema.ModifyPartitioning{From: fp}}, []schema.TableChange{&schema.ModifyPartitioning{To: tp}}
	}
	if reflect.DeepEqual(fp, tp) {
		return nil, nil
	}
	whole := []schema.TableChange{&schema.ModifyPartitioning{From: fp, To: tp}}
	if fp.By != tp.By || fp.SubBy != tp.SubBy || fp.SubCount != tp.SubCount || (fp.Count == 0) != (tp.Count == 0) || fp.Count != 0 {
		// A new scheme, or a new number of HASH/KEY partitions (rendered
		// as adding or coalescing partitions).
		return nil, whole
	}
	kept := map[string]bool{}
	for _, x := range fp.Partitions {
		if i := tp.Index(x.Name); i >= 0 {
			if !reflect.DeepEqual(x, tp.Partitions[i]) {
				return nil, whole // a new bound or comment
			}
			kept[x.Name] = true
		}
	}
	if !keptInPlace(fp, tp, kept) {
		return nil, whole
	}
	for _, x := range fp.Partitions {
		if !kept[x.Name] {
			last = append(last, &schema.DropPartition{In: fp, Partition: x})
		}
	}
	for i := len(tp.Partitions) - 1; i >= 0; i-- {
		if x := tp.Partitions[i]; !kept[x.Name] {
			last = append(last, &schema.AddPartition{In: tp, Partition: x})
		}
	}
	return nil, last
}

// keptInPlace reports whether the kept partitions can stay as they are
// while others come and go one by one: in the same order on both sides,
// and, except for RANGE (where a partition is split off or merged into its
// neighbour), first on both sides, since a partition is only ever added
// after the others and HASH/KEY partitions are only ever coalesced from
// the end.
func keptInPlace(fp, tp *schema.Partitioning, kept map[string]bool) bool {
	var a, b []string
	for _, x := range fp.Partitions {
		if kept[x.Name] {
			a = append(a, x.Name)
		}
	}
	for _, x := range tp.Partitions {
		if kept[x.Name] {
			b = append(b, x.Name)
		}
	}
	if !equalStrings(a, b) {
		return false
	}
	if strings.HasPrefix(fp.Method(), "RANGE") {
		return true
	}
	prefix := func(ps []*schema.Partition) bool {
		for i, x := range ps {
			if kept[x.Name] != (i < len(a)) {
				return false
			}
		}
		return true
	}
	return prefix(fp.Partitions) && prefix(tp.Partitions)
}

// partitionReadsChanged reports whether p reads a column that is dropped,
// recreated or changes type: the server refuses those changes under a
// partitioning that reads the column.
func partitionReadsChanged(p *schema.Partitioning, cols *columnChanges) bool {
	changed := map[string]bool{}
	for c := range cols.recreated {
		changed[c] = true
	}
	for _, ch := range cols.drops {
		changed[ch.(*schema.DropColumn).Column.Name] = true
	}
	for _, ch := range cols.modifies {
		if m := ch.(*schema.ModifyColumn); m.Change&(schema.ChangeType|schema.ChangeCollation|schema.ChangeGenerated) != 0 {
			changed[m.To.Name] = true
		}
	}
	return readsAny(p.By+" "+p.SubBy, changed)
}
