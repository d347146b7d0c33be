package diff_test

import (
	"testing"

	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// TestConstraintRenamesNeverCollide: tables that swap names swap their
// key and index names too (PostgreSQL's implicit names follow the
// table); every rename, upgrade and downgrade, goes to a name nothing
// holds at that point.
func TestConstraintRenamesNeverCollide(t *testing.T) {
	t.Parallel()
	tbl := func(name, pk, ix string) *schema.Table {
		return &schema.Table{Name: name,
			Columns:    []*schema.Column{{Name: "id", Type: schema.Type{SQL: "integer", Name: "integer"}}, {Name: "v", Type: schema.Type{SQL: "integer", Name: "integer"}}},
			PrimaryKey: &schema.PrimaryKey{Name: pk, Columns: []string{"id"}},
			Indexes:    []*schema.Index{{Name: ix, Parts: []schema.IndexPart{{Column: "v"}}}},
		}
	}
	from := &schema.Schema{Tables: []*schema.Table{tbl("a", "a_pkey", "a_v"), tbl("b", "b_pkey", "b_v"), tbl("c", "c_pkey", "c_v")}}
	// a→b, b→c, c→a: a cycle of three, keys and indexes following.
	to := &schema.Schema{Tables: []*schema.Table{tbl("b", "b_pkey", "b_v"), tbl("c", "c_pkey", "c_v"), tbl("a", "a_pkey", "a_v")}}
	renames := []diff.Rename{{Table: "a", To: "b"}, {Table: "b", To: "c"}, {Table: "c", To: "a"}}
	changes, err := diff.DiffRenamed(from, to, postgres.New().DiffOptions(), renames)
	if err != nil {
		t.Fatal(err)
	}
	walk := func(what string, changes []schema.Change) {
		held := map[string]bool{"a_pkey": true, "b_pkey": true, "c_pkey": true, "a_v": true, "b_v": true, "c_v": true}
		n := 0
		for _, c := range changes {
			mt, ok := c.(*schema.ModifyTable)
			if !ok {
				continue
			}
			for _, tc := range mt.Changes {
				var f, to string
				switch r := tc.(type) {
				case *schema.RenameConstraint:
					f, to = r.From, r.To
				case *schema.RenameIndex:
					f, to = r.From.Name, r.To.Name
				default:
					t.Errorf("%s: %s is not a rename", what, tc)
					continue
				}
				if !held[f] || held[to] {
					t.Errorf("%s: rename %s → %s (held: %v)", what, f, to, held)
				}
				delete(held, f)
				held[to] = true
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no constraint renames in %v", what, changes)
		}
	}
	walk("upgrade", changes)
	walk("downgrade", schema.Reverse(changes))
}
