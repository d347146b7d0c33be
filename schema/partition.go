package schema

import (
	"fmt"
	"strings"
)

// Partitioning is a MySQL/MariaDB table's PARTITION BY clause, as the
// server prints it in SHOW CREATE TABLE, normalised.
type Partitioning struct {
	// By is the method and its expression or columns: "RANGE (`id`)",
	// "LIST COLUMNS(`a`,`b`)", "LINEAR HASH (year(`d`))", "KEY ()".
	By string `json:"by"`
	// Count is the number of partitions when they are not listed by name
	// (HASH or KEY with PARTITIONS n); 0 when Partitions lists them.
	Count int `json:"count,omitempty"`
	// SubBy is the SUBPARTITION BY clause ("" = none), SubCount its
	// SUBPARTITIONS n when the subpartitions are not listed by name.
	SubBy    string `json:"sub_by,omitempty"`
	SubCount int    `json:"sub_count,omitempty"`
	// Partitions are the listed partitions, in order.
	Partitions []*Partition `json:"partitions,omitempty"`
}

// Partition is one listed partition.
type Partition struct {
	Name string `json:"name"`
	// Values is the bound as the server prints it: "LESS THAN (10)",
	// "LESS THAN MAXVALUE", "IN (NULL,1,2)"; "" for HASH and KEY.
	Values  string `json:"values,omitempty"`
	Comment string `json:"comment,omitempty"`
	// Subpartitions are the names of the listed subpartitions.
	Subpartitions []string `json:"subpartitions,omitempty"`
}

// Method is the partitioning method without its expression: "RANGE",
// "LIST COLUMNS", "LINEAR KEY".
func (p *Partitioning) Method() string {
	m, _, _ := strings.Cut(p.By, "(")
	return strings.TrimSpace(m)
}

// Index is the position of the partition named name, or -1.
func (p *Partitioning) Index(name string) int {
	for i, x := range p.Partitions {
		if x.Name == name {
			return i
		}
	}
	return -1
}

// AddPartition adds one partition to a partitioned table whose method and
// expression do not change. In is the table's partitioning once the
// partition is there: a RANGE partition that is not the last is split off
// the one that follows it in In.
type AddPartition struct {
	In        *Partitioning
	Partition *Partition
}

// DropPartition removes one partition; In is the table's partitioning
// while the partition is still there. A RANGE partition that is not the
// last is merged into the next one (its rows are kept); any other drops the
// rows it holds.
type DropPartition struct {
	In        *Partitioning
	Partition *Partition
}

// ModifyPartitioning changes how a table is partitioned: From nil
// partitions it, To nil removes the partitioning, otherwise the table is
// partitioned anew (or, when only the number of HASH/KEY partitions
// changes, partitions are added or coalesced).
type ModifyPartitioning struct{ From, To *Partitioning }

func (*AddPartition) change()       {}
func (*DropPartition) change()      {}
func (*ModifyPartitioning) change() {}

func (*AddPartition) tableChange()       {}
func (*DropPartition) tableChange()      {}
func (*ModifyPartitioning) tableChange() {}

// Reverse of adding a partition drops it from the same partitioning.
func (c *AddPartition) Reverse() Change { return &DropPartition{In: c.In, Partition: c.Partition} }

// Reverse of dropping a partition adds it back.
func (c *DropPartition) Reverse() Change { return &AddPartition{In: c.In, Partition: c.Partition} }

// Reverse swaps the partitionings.
func (c *ModifyPartitioning) Reverse() Change { return &ModifyPartitioning{From: c.To, To: c.From} }

func (c *AddPartition) String() string  { return fmt.Sprintf("add partition %q", c.Partition.Name) }
func (c *DropPartition) String() string { return fmt.Sprintf("drop partition %q", c.Partition.Name) }
func (c *ModifyPartitioning) String() string {
	switch {
	case c.From == nil:
		return "partition by " + c.To.By
	case c.To == nil:
		return "remove partitioning"
	}
	return fmt.Sprintf("partitioning %s → %s", c.From.By, c.To.By)
}
