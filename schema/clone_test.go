package schema

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestTableClone: a clone equals its table, and changing anything the clone
// holds, down to a key's column list, leaves the table as it was.
func TestTableClone(t *testing.T) {
	t.Parallel()
	orig := &Table{
		Name: "t",
		Columns: []*Column{{Name: "a", Type: Type{SQL: "enum('x')", Values: []string{"x"}},
			Identity: &Identity{}, Sequence: &Sequence{Name: "s"}, Generated: &Generated{Expr: "1"}}},
		PrimaryKey:   &PrimaryKey{Columns: []string{"a"}},
		Uniques:      []*Unique{{Name: "u", Columns: []string{"a"}}},
		Indexes:      []*Index{{Name: "i", Parts: []IndexPart{{Column: "a"}}, Include: []string{"a"}}},
		ForeignKeys:  []*ForeignKey{{Name: "f", Columns: []string{"a"}, RefTable: "r", RefColumns: []string{"id"}}},
		Checks:       []*Check{{Name: "c", Expr: "a > 0"}},
		Exclusions:   []*Exclusion{{Name: "e", Def: "EXCLUDE (a WITH =)"}},
		PartitionOf:  &PartitionOf{Table: "p", Bound: "DEFAULT"},
		Partitioning: &Partitioning{By: "RANGE (a)", Partitions: []*Partition{{Name: "p0", Subpartitions: []string{"s0"}}}},
	}
	before, _ := json.Marshal(orig)
	c := orig.Clone()
	if !reflect.DeepEqual(c, orig) {
		t.Fatal("the clone differs from its table")
	}
	col := c.Columns[0]
	col.Name, col.Type.Values[0], col.Identity.Always, col.Sequence.Name, col.Generated.Expr = "b", "y", true, "s2", "2"
	c.PrimaryKey.Columns[0] = "b"
	c.Uniques[0].Columns[0] = "b"
	c.Indexes[0].Parts[0].Column, c.Indexes[0].Include[0] = "b", "b"
	c.ForeignKeys[0].Columns[0], c.ForeignKeys[0].RefColumns[0] = "b", "b"
	c.Checks[0].Expr = "b > 0"
	c.Exclusions[0].Def = "x"
	c.PartitionOf.Bound = "x"
	c.Partitioning.Partitions[0].Name, c.Partitioning.Partitions[0].Subpartitions[0] = "x", "x"
	after, _ := json.Marshal(orig)
	if string(before) != string(after) || orig.Columns[0].Type.Values[0] != "x" || orig.Indexes[0].Include[0] != "a" {
		t.Fatalf("changing the clone changed the table:\n%s\n%s", before, after)
	}
	if (&Table{Name: "x"}).Clone().Uniques != nil {
		t.Error("a nil list became empty")
	}
}
