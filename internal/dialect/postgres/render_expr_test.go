package postgres

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestArrayCasts(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		// The server's print of "s IN ('a', 'b')" on a varchar column.
		{"(s::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[]))",
			"(s::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::character varying[]::text[]))"},
		// Quotes, commas and brackets inside literals.
		{"s::text = ANY (ARRAY['a, ]b'::character varying, 'it''s'::character varying]::text[])",
			"s::text = ANY (ARRAY['a, ]b'::character varying, 'it''s'::character varying]::character varying[]::text[])"},
		// Two arrays, and a type with a modifier.
		{"x = ANY (ARRAY['1'::numeric(5,2)]::text[]) OR y = ANY (ARRAY['q'::\"Kind\"]::text[])",
			"x = ANY (ARRAY['1'::numeric(5,2)]::numeric(5,2)[]::text[]) OR y = ANY (ARRAY['q'::\"Kind\"]::\"Kind\"[]::text[])"},
		// Left alone: no cast of the whole array, elements already of the
		// target type, mixed element types, non-literal elements, literals.
		{"t = ANY (ARRAY['a'::text, 'b'::text])", "t = ANY (ARRAY['a'::text, 'b'::text])"},
		{"ARRAY['a'::text]::text[]", "ARRAY['a'::text]::text[]"},
		{"ARRAY['a'::text, 'b'::bpchar]::text[]", "ARRAY['a'::text, 'b'::bpchar]::text[]"},
		{"ARRAY[a, b]::text[]", "ARRAY[a, b]::text[]"},
		{"'ARRAY[''x''::character varying]::text[]'", "'ARRAY[''x''::character varying]::text[]'"},
		{"MYARRAY['a'::character varying]::text[]", "MYARRAY['a'::character varying]::text[]"},
	}
	for _, c := range cases {
		if got := arrayCasts(c.in); got != c.want {
			t.Errorf("arrayCasts(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestReparsed(t *testing.T) {
	t.Parallel()
	in := "(state::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[]))"
	tbl := func(typ string) *schema.Table {
		return &schema.Table{Name: "job",
			Columns: []*schema.Column{{Name: "state", Type: schema.Type{SQL: typ}}, {Name: "other", Type: schema.Type{SQL: "text"}}},
			Checks:  []*schema.Check{{Name: "job_state_check", Expr: in}, {Name: "job_other_check", Expr: "(other <> ''::text)"}},
			Indexes: []*schema.Index{{Name: "job_a", Parts: []schema.IndexPart{{Column: "other"}}, Where: "other = ANY (ARRAY['x'::character varying]::text[])"}}}
	}
	from, to := tbl("character varying(10)"), tbl("character varying(20)")
	m := &schema.ModifyTable{From: from, To: to, Changes: []schema.TableChange{
		&schema.ModifyColumn{From: from.Columns[0], To: to.Columns[0], Change: schema.ChangeType}}}
	before, after := reparsed(m)
	if len(before) != 1 || len(after) != 1 {
		t.Fatalf("got %v / %v, want the state check dropped and added around the change", before, after)
	}
	if d, ok := before[0].(*schema.DropCheck); !ok || d.Check.Name != "job_state_check" {
		t.Fatalf("before = %v", before)
	}
	// No type change, nothing to move.
	m.Changes = []schema.TableChange{&schema.ModifyColumn{From: from.Columns[0], To: to.Columns[0], Change: schema.ChangeNull}}
	if before, after := reparsed(m); len(before)+len(after) != 0 {
		t.Fatalf("got %v / %v without a type change", before, after)
	}
}
