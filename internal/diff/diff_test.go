package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

func col(name, typ string) *schema.Column {
	return &schema.Column{Name: name, Type: schema.Type{SQL: typ, Name: typ}, Nullable: true}
}

func table(name string, fks ...*schema.ForeignKey) *schema.Table {
	return &schema.Table{Name: name, Columns: []*schema.Column{col("id", "integer"), col("ref", "integer")},
		PrimaryKey: &schema.PrimaryKey{Name: name + "_pkey", Columns: []string{"id"}}, ForeignKeys: fks}
}

func fk(name, ref string) *schema.ForeignKey {
	return &schema.ForeignKey{Name: name, Columns: []string{"ref"}, RefTable: ref, RefColumns: []string{"id"}}
}

func describe(cs []schema.Change) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return strings.Join(out, "\n")
}

func TestOrder(t *testing.T) {
	t.Parallel()
	empty := &schema.Schema{}
	cases := []struct {
		name     string
		from, to *schema.Schema
		o        diff.Options
		want     string
	}{
		{
			name: "referenced tables first",
			from: empty,
			to:   &schema.Schema{Tables: []*schema.Table{table("c", fk("c_b", "b")), table("b", fk("b_a", "a")), table("a")}},
			want: `add table "a"` + "\n" + `add table "b"` + "\n" + `add table "c"`,
		},
		{
			name: "cycle through a separate foreign key",
			from: empty,
			to:   &schema.Schema{Tables: []*schema.Table{table("x", fk("x_y", "y")), table("y", fk("y_x", "x"))}},
			want: `add table "y"` + "\n" + `add table "x"` + "\n" + `modify table "y": add foreign key "y_x" (ref) → x(id)`,
		},
		{
			name: "cycle inline for SQLite",
			from: empty,
			to:   &schema.Schema{Tables: []*schema.Table{table("x", fk("x_y", "y")), table("y", fk("y_x", "x"))}},
			o:    diff.Options{InlineForeignKeysOnly: true, RebuildsTables: true, ColumnOrder: diff.ColumnOrderRebuilt},
			want: `add table "y"` + "\n" + `add table "x"`,
		},
		{
			name: "dependents dropped first",
			from: &schema.Schema{Tables: []*schema.Table{table("a"), table("b", fk("b_a", "a"))}},
			to:   empty,
			want: `drop table "b"` + "\n" + `drop table "a"`,
		},
		{
			name: "enum values added in place",
			from: &schema.Schema{Enums: []*schema.Enum{{Name: "mood", Values: []string{"a", "c"}}}},
			to:   &schema.Schema{Enums: []*schema.Enum{{Name: "mood", Values: []string{"a", "b", "c"}}}},
			want: `modify enum type "mood" values (a, c) → (a, b, c)`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := diff.Diff(tc.from, tc.to, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if describe(got) != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", describe(got), tc.want)
			}
			// The reverse undoes it: diffing the other way gives the same
			// kinds of change in mirror order.
			back, err := diff.Diff(tc.to, tc.from, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if len(back) != len(schema.Reverse(got)) {
				t.Fatalf("reverse diff has %d changes, reversed upgrade %d", len(back), len(got))
			}
			if again, _ := diff.Diff(tc.to, tc.to, tc.o); len(again) != 0 {
				t.Fatalf("a schema differs from itself: %s", describe(again))
			}
		})
	}
}

func TestEnumRecreateWhenNewValueUsed(t *testing.T) {
	t.Parallel()
	from := &schema.Schema{Enums: []*schema.Enum{{Name: "mood", Values: []string{"a"}}},
		Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "m", Type: schema.Type{SQL: "mood", Name: "mood"}, Default: "'a'::mood"}}}}}
	to := &schema.Schema{Enums: []*schema.Enum{{Name: "mood", Values: []string{"a", "b"}}},
		Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "m", Type: schema.Type{SQL: "mood", Name: "mood"}, Default: "'b'::mood"}}}}}
	got, err := diff.Diff(from, to, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	me, ok := got[0].(*schema.ModifyEnum)
	if !ok || !me.Recreate || len(me.Users) != 1 {
		t.Fatalf("got %s, want a recreated enum with one user", describe(got))
	}
}

func TestEnumRecreateMovesDependents(t *testing.T) {
	t.Parallel()
	col := func() *schema.Column {
		return &schema.Column{Name: "st", Type: schema.Type{SQL: "state", Name: "state"}}
	}
	table := func(checks []*schema.Check) *schema.Table {
		return &schema.Table{Name: "page", Columns: []*schema.Column{col(), {Name: "id", Type: schema.Type{SQL: "integer"}}},
			Checks: checks,
			Indexes: []*schema.Index{
				{Name: "page_live", Parts: []schema.IndexPart{{Column: "id"}}, Where: "st = 'live'::state"},
				{Name: "page_id", Parts: []schema.IndexPart{{Column: "id"}}, Where: "id > 0"},
			}}
	}
	from := &schema.Schema{Enums: []*schema.Enum{{Name: "state", Values: []string{"draft", "live", "dead"}}},
		Tables: []*schema.Table{table([]*schema.Check{{Name: "page_st_check", Expr: "st <> 'dead'::state"}})}}
	to := &schema.Schema{Enums: []*schema.Enum{{Name: "state", Values: []string{"draft", "live"}}},
		Tables: []*schema.Table{table(nil)}}
	got, err := diff.Diff(from, to, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `modify table "page": drop check constraint "page_st_check"; drop index "page_live"
modify enum type "state" values (draft, live, dead) → (draft, live)
modify table "page": add index "page_live"`
	if d := describe(got); d != want {
		t.Fatalf("got:\n%s\nwant:\n%s", d, want)
	}
	// The downgrade adds "dead" back and uses it in the check it restores:
	// the type must be recreated, not extended in the same transaction.
	back, err := diff.Diff(to, from, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range back {
		if me, ok := c.(*schema.ModifyEnum); ok && !me.Recreate {
			t.Fatalf("the downgrade extends the enum in place: %s", describe(back))
		}
	}
}

func TestEnumNewValueInArrayDefault(t *testing.T) {
	t.Parallel()
	mk := func(vals []string, def string) *schema.Schema {
		return &schema.Schema{Enums: []*schema.Enum{{Name: "color", Values: vals}},
			Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "c", Type: schema.Type{SQL: "color[]", Name: "color", Array: 1}, Default: def}}}}}
	}
	got, err := diff.Diff(mk([]string{"red"}, "'{red}'::color[]"), mk([]string{"red", "dark blue"}, `'{red,"dark blue"}'::color[]`), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if me, ok := got[0].(*schema.ModifyEnum); !ok || !me.Recreate {
		t.Fatalf("got %s, want the enum recreated", describe(got))
	}
}
