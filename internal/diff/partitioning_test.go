package diff_test

import (
	"testing"

	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

func parts(by string, names ...string) *schema.Partitioning {
	p := &schema.Partitioning{By: by}
	for _, n := range names {
		p.Partitions = append(p.Partitions, &schema.Partition{Name: n, Values: "v " + n})
	}
	return p
}

func withParts(p *schema.Partitioning, cols ...string) *schema.Schema {
	t := table("t")
	for _, c := range cols {
		t.Columns = append(t.Columns, col(c, "int"))
	}
	t.Partitioning = p
	return &schema.Schema{Tables: []*schema.Table{t}}
}

// TestPartitioning pins which partitioning changes a diff makes and in
// what order: partitions come and go one by one only where the server can
// add and drop them so; anything else partitions the table anew, after the
// columns it needs, or before the columns it reads change.
func TestPartitioning(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		from, to *schema.Schema
		want     string
	}{
		{"unchanged", withParts(parts("RANGE (`id`)", "a", "b")), withParts(parts("RANGE (`id`)", "a", "b")), ""},
		{"partitioned", withParts(nil), withParts(parts("HASH (`id`)", "a")), `modify table "t": partition by HASH (` + "`id`" + `)`},
		{"removed", withParts(parts("HASH (`id`)", "a")), withParts(nil), `modify table "t": remove partitioning`},
		{
			"range: drops in order, adds from the last",
			withParts(parts("RANGE (`id`)", "a", "b", "c")), withParts(parts("RANGE (`id`)", "a", "x", "c", "y", "z")),
			`modify table "t": drop partition "b"; add partition "z"; add partition "y"; add partition "x"`,
		},
		{
			"list: a partition added before a kept one repartitions",
			withParts(parts("LIST (`id`)", "a", "b")), withParts(parts("LIST (`id`)", "x", "a", "b")),
			`modify table "t": partitioning LIST (` + "`id`" + `) → LIST (` + "`id`" + `)`,
		},
		{
			"key: dropped from the end",
			withParts(parts("KEY (`id`)", "a", "b", "c")), withParts(parts("KEY (`id`)", "a")),
			`modify table "t": drop partition "b"; drop partition "c"`,
		},
		{
			"new bound repartitions",
			withParts(parts("RANGE (`id`)", "a")), withParts(&schema.Partitioning{By: "RANGE (`id`)", Partitions: []*schema.Partition{{Name: "a", Values: "w"}}}),
			`modify table "t": partitioning RANGE (` + "`id`" + `) → RANGE (` + "`id`" + `)`,
		},
		{
			"a column it reads is dropped: removed first, partitioned last",
			withParts(parts("HASH (`k`)", "a"), "k"), withParts(parts("HASH (`id`)", "a")),
			`modify table "t": remove partitioning; drop column "k"; partition by HASH (` + "`id`" + `)`,
		},
		{
			"by a new column: after it",
			withParts(nil), withParts(parts("HASH (`k`)", "a"), "k"),
			`modify table "t": add column "k"; partition by HASH (` + "`k`" + `)`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, err := diff.Diff(c.from, c.to, diff.Options{ColumnOrder: diff.ColumnOrderMoved})
			if err != nil {
				t.Fatal(err)
			}
			if d := describe(got); d != c.want {
				t.Errorf("got\n%s\nwant\n%s", d, c.want)
			}
		})
	}
}
