package diff_test

import "github.com/retortdb/retort/schema"

// handPairs are schema pairs written by hand for what the mined round-trip
// cases leave out. Each call builds fresh values.
var handPairs = map[string]func() pair{
	// An extension moved to another schema is dropped and added again.
	"extension_moved": func() pair {
		return pair{
			From: &schema.Schema{Namespaces: []string{"ext"}, Extensions: []*schema.Extension{{Name: "citext"}}},
			To:   &schema.Schema{Namespaces: []string{"ext"}, Extensions: []*schema.Extension{{Name: "citext", Schema: "ext"}}},
		}
	},
	// A recreated enum moves the index and check that read its column out
	// of the way, also when they are renamed at the same time.
	"enum_recreated_renamed_dependents": func() pair {
		mk := func(values []string, ix, ck string) *schema.Schema {
			return &schema.Schema{
				Enums: []*schema.Enum{{Name: "state", Values: values}},
				Tables: []*schema.Table{{Name: "page",
					Columns: []*schema.Column{
						{Name: "id", Type: schema.Type{SQL: "integer", Name: "integer"}},
						{Name: "st", Type: schema.Type{SQL: "state", Name: "state"}},
						{Name: "n", Type: schema.Type{SQL: "integer", Name: "integer"}},
					},
					Indexes: []*schema.Index{
						{Name: ix, Parts: []schema.IndexPart{{Column: "id"}}, Where: "st = 'live'::state"},
						{Name: ix + "_n", Parts: []schema.IndexPart{{Column: "n"}}},
					},
					Checks: []*schema.Check{
						{Name: ck, Expr: "st <> 'draft'::state"},
						{Name: ck + "_n", Expr: "n > 0"},
					},
				}},
				Views: []*schema.View{{Name: "live_pages", Def: "SELECT id FROM page WHERE st = 'live'", DependsOn: []string{"page"}}},
			}
		}
		return pair{
			From: mk([]string{"draft", "live", "dead"}, "page_live", "page_st"),
			To:   mk([]string{"draft", "live"}, "page_live_ix", "page_st_ck"),
		}
	},
	// A generated column whose expression changes and reads a column whose
	// type changes is dropped and added again around the change.
	"generated_modified_reads_retyped": func() pair {
		mk := func(typ, expr string) *schema.Schema {
			return &schema.Schema{Tables: []*schema.Table{{Name: "t",
				Columns: []*schema.Column{
					{Name: "a", Type: schema.Type{SQL: typ, Name: typ}},
					{Name: "b", Type: schema.Type{SQL: "bigint", Name: "bigint"}, Generated: &schema.Generated{Expr: expr, Stored: true}},
				},
			}}}
		}
		return pair{From: mk("integer", "a * 2"), To: mk("bigint", "a * 3")}
	},
	// Objects: a function a table default uses, the trigger that executes
	// it, a view and a materialized view reading the table; the function's
	// body changes (in place where the dialect replaces functions) and the
	// table gains a column (a rebuild where the dialect rebuilds tables).
	"objects_function_trigger_views": func() pair {
		mk := func(body string, cols ...string) *schema.Schema {
			t := &schema.Table{Name: "t"}
			for _, c := range cols {
				t.Columns = append(t.Columns, &schema.Column{Name: c, Type: schema.Type{SQL: "integer", Name: "integer"}, Default: "next_id()"})
			}
			return &schema.Schema{
				Tables: []*schema.Table{t},
				Views:  []*schema.View{{Name: "v", Def: "SELECT id FROM t", DependsOn: []string{"t", "m"}}},
				Objects: []*schema.Object{
					{Kind: "function", Name: "next_id()", Def: body, SQL: body},
					{Kind: "function", Name: "stamp()", Def: "stamp", SQL: "stamp"},
					{Kind: "trigger", Name: "t_stamp", Table: "t", Def: "tr", SQL: "tr", DependsOn: []string{"stamp()"}},
					{Kind: "materialized view", Name: "m", Def: "SELECT count(*) FROM t", SQL: "m", DependsOn: []string{"t"}},
				},
			}
		}
		return pair{From: mk("one", "id"), To: mk("two", "id", "n")}
	},
}
