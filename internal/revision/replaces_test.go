package revision

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestReplaces(t *testing.T) {
	t.Parallel()
	g, err := New([]*Revision{
		{ID: "a"},
		{ID: "sq", Parents: []string{"a"}, Replaces: []string{"b", "c", "d"}},
		{ID: "e", Parents: []string{"sq"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := g.MapRows([]string{"d"}); err != nil || !slices.Equal(got, []string{"sq"}) {
		t.Errorf("MapRows(d) = %v, %v; want [sq]", got, err)
	}
	if got, err := g.MapRows([]string{"e", "zz"}); err != nil || !slices.Equal(got, []string{"e", "zz"}) {
		t.Errorf("MapRows(e, zz) = %v, %v; want them unchanged", got, err)
	}
	var fe *FoldedError
	if _, err := g.MapRows([]string{"c"}); !errors.As(err, &fe) || fe.Squash != "sq" || fe.End != "d" || !errors.Is(err, ErrInsideSquash) {
		t.Errorf("MapRows(c) = %v, want a FoldedError", err)
	}
	if rs, err := g.Resolve("d"); err != nil || len(rs) != 1 || rs[0].ID != "sq" {
		t.Errorf("Resolve(d) = %v, %v; want sq", rs, err)
	}
	if _, err := g.Resolve("b"); !errors.Is(err, ErrInsideSquash) {
		t.Errorf("Resolve(b) = %v, want ErrInsideSquash", err)
	}
	// Rows at the end of the stretch plan on from the squashed revision.
	p, err := g.PlanUpgrade([]string{"sq"}, "heads")
	if err != nil || len(p.Steps) != 1 || p.Steps[0].Revision.ID != "e" {
		t.Errorf("PlanUpgrade from sq: %v, %v", p, err)
	}
	if _, err := g.PlanStamp(nil, []string{"c"}, false); !errors.Is(err, ErrInsideSquash) {
		t.Errorf("PlanStamp(c) = %v, want ErrInsideSquash", err)
	}
}

func TestReplacesErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		revs []*Revision
		want string
	}{
		{"still present", []*Revision{{ID: "a"}, {ID: "b", Parents: []string{"a"}}, {ID: "sq", Replaces: []string{"b"}}},
			"sq replaces b, which is still present"},
		{"twice", []*Revision{{ID: "s1", Replaces: []string{"x"}}, {ID: "s2", Replaces: []string{"x"}}},
			"x is replaced by both s1 and s2"},
	} {
		if _, err := New(c.revs); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
