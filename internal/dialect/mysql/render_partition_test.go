package mysql

import (
	"testing"

	"github.com/retortdb/retort/internal/dialect/rendertest"
	"github.com/retortdb/retort/schema"
)

// TestRenderPartitionGolden pins the SQL of partitioning changes, both
// ways: adds and drops of RANGE partitions in the middle (split off and
// merged into the next) and at the end, LIST drops, HASH counts, a new
// scheme, partitioning added and removed, and a partitioned CREATE TABLE.
func TestRenderPartitionGolden(t *testing.T) {
	t.Parallel()
	rendertest.Run(t, Render, partitionCases(), *update)
}

func ranged(names ...string) *schema.Partitioning {
	p := &schema.Partitioning{By: "RANGE (`id`)"}
	for i, n := range names {
		v := "LESS THAN MAXVALUE"
		if i < len(names)-1 {
			v = "LESS THAN (" + string(rune('1'+i)) + "0)"
		}
		p.Partitions = append(p.Partitions, &schema.Partition{Name: n, Values: v})
	}
	return p
}

func partitioned(p *schema.Partitioning) func() *schema.Table {
	return func() *schema.Table {
		return &schema.Table{Name: "ev", Columns: []*schema.Column{col("id", "int(11)", false)},
			PrimaryKey: &schema.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}}, Partitioning: p}
	}
}

func partitionCases() []rendertest.Case {
	r3 := ranged("p0", "p1", "pmax")
	list := &schema.Partitioning{By: "LIST COLUMNS(`b`)", Partitions: []*schema.Partition{
		{Name: "ab", Values: "IN ('a','b')", Comment: "first"}, {Name: "c", Values: "IN ('c')"}}}
	hash2 := &schema.Partitioning{By: "HASH (`id`)", Count: 2}
	hash5 := &schema.Partitioning{By: "HASH (`id`)", Count: 5}
	keyed := &schema.Partitioning{By: "KEY (`id`)", Partitions: []*schema.Partition{{Name: "x"}, {Name: "y"}}}
	sub := &schema.Partitioning{By: "RANGE (year(`d`))", SubBy: "KEY (`id`)", Partitions: []*schema.Partition{
		{Name: "old", Values: "LESS THAN (2000)", Subpartitions: []string{"s0", "s1"}},
		{Name: "new", Values: "LESS THAN MAXVALUE", Comment: "it's new", Subpartitions: []string{"s2", "s3"}}}}
	table := partitioned(sub)()
	table.Columns = append(table.Columns, col("d", "date", false))
	return []rendertest.Case{
		{Name: "partition_table", Changes: []schema.Change{&schema.AddTable{Table: table}}},
		{Name: "partition_range", Changes: []schema.Change{modify(partitioned(r3), func(from, to *schema.Table) []schema.TableChange {
			return []schema.TableChange{
				&schema.AddPartition{In: r3, Partition: r3.Partitions[1]},  // split off pmax
				&schema.DropPartition{In: r3, Partition: r3.Partitions[0]}, // merged into p1
				&schema.DropPartition{In: r3, Partition: r3.Partitions[2]}, // the last: its rows go
				&schema.AddPartition{In: r3, Partition: r3.Partitions[2]},  // the last: added
			}
		})}},
		{Name: "partition_list_key", Changes: []schema.Change{modify(partitioned(list), func(from, to *schema.Table) []schema.TableChange {
			return []schema.TableChange{
				&schema.DropPartition{In: list, Partition: list.Partitions[1]},
				&schema.AddPartition{In: keyed, Partition: keyed.Partitions[1]},
			}
		})}},
		{Name: "partition_scheme", Changes: []schema.Change{modify(partitioned(hash2), func(from, to *schema.Table) []schema.TableChange {
			return []schema.TableChange{
				&schema.ModifyPartitioning{From: hash2, To: hash5},
				&schema.ModifyPartitioning{From: hash5, To: r3},
				&schema.ModifyPartitioning{From: r3},
				&schema.ModifyPartitioning{To: list},
			}
		})}},
	}
}
