package revision

import (
	"slices"
	"testing"
)

// TestPlanDowngradeOne undoes one revision of a branchy graph and leaves
// its sibling branch applied, where `downgrade <parent>` would not.
func TestPlanDowngradeOne(t *testing.T) {
	t.Parallel()
	g, err := New([]*Revision{
		{ID: "a"},
		{ID: "b", Parents: []string{"a"}},
		{ID: "c", Parents: []string{"a"}},
		{ID: "m", Parents: []string{"b", "c"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		rows []string
		id   string
		want []string
		err  bool
	}{
		{rows: []string{"b", "c"}, id: "c", want: []string{"b"}},
		{rows: []string{"b", "c"}, id: "b", want: []string{"c"}},
		{rows: []string{"m"}, id: "m", want: []string{"b", "c"}},
		{rows: []string{"a"}, id: "a", want: []string{}},
		{rows: []string{"m"}, id: "b", err: true}, // m above it is applied
		{rows: []string{"b"}, id: "zz", err: true},
	}
	for _, c := range cases {
		p, err := g.PlanDowngradeOne(c.rows, c.id)
		if c.err {
			if err == nil {
				t.Errorf("%v - %s: no error", c.rows, c.id)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v - %s: %v", c.rows, c.id, err)
			continue
		}
		if len(p.Steps) != 1 || p.Steps[0].Revision.ID != c.id || !slices.Equal(p.After, c.want) {
			t.Errorf("%v - %s: %d steps, after %v; want one step, after %v", c.rows, c.id, len(p.Steps), p.After, c.want)
		}
	}
	// What a parent as target would do: both branches go.
	p, err := g.PlanDowngrade([]string{"b", "c"}, "a")
	if err != nil || len(p.Steps) != 2 {
		t.Fatalf("downgrade a from b,c: %v, %v", p, err)
	}
}
