package autogen_test

import (
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/schema"
)

// Partition changes are reported by name, each as its own difference.
func TestDescribePartitions(t *testing.T) {
	t.Parallel()
	p := &schema.Partitioning{By: "RANGE (`id`)", Partitions: []*schema.Partition{{Name: "p0", Values: "LESS THAN (10)"}}}
	tb := &schema.Table{Name: "ev", Partitioning: p}
	got := autogen.Describe(&schema.ModifyTable{From: tb, To: tb, Changes: []schema.TableChange{
		&schema.DropPartition{In: p, Partition: p.Partitions[0]},
		&schema.AddPartition{In: p, Partition: p.Partitions[0]},
		&schema.ModifyPartitioning{From: p},
		&schema.ModifyPartitioning{To: p},
	}})
	want := []autogen.Difference{
		{Op: "remove_partition", Object: "ev.p0", Detail: "removed partition 'p0' on 'ev'"},
		{Op: "add_partition", Object: "ev.p0", Detail: "added partition 'p0' on 'ev'"},
		{Op: "modify_partitioning", Object: "ev", Detail: "changed partitioning of 'ev': remove partitioning"},
		{Op: "modify_partitioning", Object: "ev", Detail: "changed partitioning of 'ev': partition by RANGE (`id`)"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
