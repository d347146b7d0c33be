package retort

import (
	"testing"

	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/schema"
)

// TestHintRenameChain: hints for a chain of column renames (b from a, c
// from b) are both renames although the database still has b (renamed
// away itself); a swap (a from b, b from a) stays ambiguous with a rename
// that shipped and is ignored with a notice; a hint whose new name the
// database has, not renamed away, shipped.
func TestHintRenameChain(t *testing.T) {
	t.Parallel()
	tbl := func(cols ...string) *schema.Schema {
		tb := &schema.Table{Name: "t"}
		for _, c := range cols {
			tb.Columns = append(tb.Columns, &schema.Column{Name: c, Type: schema.Type{SQL: "integer"}})
		}
		return &schema.Schema{Tables: []*schema.Table{tb}}
	}
	hint := func(col, from string) sqlstate.Hint {
		return sqlstate.Hint{Table: "t", Column: col, From: from, Where: "schema.sql:1"}
	}
	for _, c := range []struct {
		name             string
		current, desired *schema.Schema
		hints            []sqlstate.Hint
		want             []diff.Rename
		notices          int
	}{
		{"chain", tbl("a", "b"), tbl("b", "c"), []sqlstate.Hint{hint("b", "a"), hint("c", "b")},
			[]diff.Rename{{Table: "t", Column: "a", To: "b"}, {Table: "t", Column: "b", To: "c"}}, 0},
		{"swap", tbl("a", "b"), tbl("b", "a"), []sqlstate.Hint{hint("b", "a"), hint("a", "b")}, nil, 2},
		{"shipped", tbl("b", "x"), tbl("b", "x"), []sqlstate.Hint{hint("b", "a")}, nil, 1},
	} {
		got, notices := hintRenames(c.hints, c.current, c.desired, nil)
		if len(got) != len(c.want) || len(notices) != c.notices {
			t.Errorf("%s: %v %q, want %v and %d notices", c.name, got, notices, c.want, c.notices)
			continue
		}
		for _, w := range c.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%s: %v lacks %v", c.name, got, w)
			}
		}
	}
}
