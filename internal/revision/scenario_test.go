package revision

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// Scenarios of the Alembic reference §8 (verified against Alembic 1.19.2).
// Step order is checked exactly everywhere: the planner reproduces
// Alembic's topological order, not only a valid one.

type opCase struct {
	id    string
	graph string
	rows  []string
	op    string
	steps []string // nil: not checked
	sql   []string // nil: not checked
	after []string // nil: not checked
	err   string
	is    error
	warn  string
}

const multiHead = "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"

var opCases = []opCase{
	// S01
	{id: "S01", graph: "L", op: "upgrade head", steps: []string{"up a", "up b", "up c", "up d", "up e"},
		sql: []string{"INSERT a", "UPDATE a->b", "UPDATE b->c", "UPDATE c->d", "UPDATE d->e"}, after: []string{"e"}},
	{id: "S01", graph: "L", rows: []string{"c"}, op: "upgrade e", steps: []string{"up d", "up e"}, after: []string{"e"}},
	{id: "S01", graph: "L", rows: []string{"e"}, op: "upgrade head", steps: []string{}, after: []string{"e"}},
	{id: "S01", graph: "L", rows: []string{"c"}, op: "upgrade a", steps: []string{}, after: []string{"c"}},
	// S02
	{id: "S02", graph: "L", rows: []string{"a"}, op: "upgrade +2", steps: []string{"up b", "up c"}, after: []string{"c"}},
	{id: "S02", graph: "L", rows: []string{"a"}, op: "upgrade b+2", steps: []string{"up b", "up c", "up d"}, after: []string{"d"}},
	{id: "S02", graph: "L", rows: []string{"a"}, op: "upgrade d-2", steps: []string{"up b"}, after: []string{"b"}},
	{id: "S02", graph: "L", op: "upgrade +1", steps: []string{"up a"}, after: []string{"a"}},
	{id: "S02", graph: "L", op: "upgrade base+1", steps: []string{"up a"}, after: []string{"a"}},
	{id: "S02", graph: "L", op: "upgrade head-1", steps: []string{"up a", "up b", "up c", "up d"}, after: []string{"d"}},
	{id: "S02", graph: "L", rows: []string{"b"}, op: "upgrade -2", err: "Relative revision -2 didn't produce 2 migrations", is: ErrRelative},
	{id: "S02", graph: "L", rows: []string{"b"}, op: "upgrade +5", err: "Relative revision +5 didn't produce 5 migrations", is: ErrRelative},
	{id: "S02+", graph: "L", rows: []string{"b"}, op: "upgrade c+5", err: "Walked too far", is: ErrWalkedTooFar},
	{id: "S02+", graph: "L", rows: []string{"b"}, op: "upgrade a-1", steps: []string{}, after: []string{"b"}},
	// S03
	{id: "S03", graph: "L", rows: []string{"e"}, op: "downgrade c", steps: []string{"down e", "down d"}, after: []string{"c"}},
	{id: "S03", graph: "L", rows: []string{"c"}, op: "downgrade base", steps: []string{"down c", "down b", "down a"},
		sql: []string{"UPDATE c->b", "UPDATE b->a", "DELETE a"}, after: []string{}},
	{id: "S03", graph: "L", rows: []string{"c"}, op: "downgrade -1", steps: []string{"down c"}, after: []string{"b"}},
	{id: "S03", graph: "L", rows: []string{"e"}, op: "downgrade -3", steps: []string{"down e", "down d", "down c"}, after: []string{"b"}},
	{id: "S03", graph: "L", rows: []string{"d"}, op: "downgrade a+2", steps: []string{"down d"}, after: []string{"c"}},
	{id: "S03", graph: "L", rows: []string{"d"}, op: "downgrade c-2", steps: []string{"down d", "down c", "down b"}, after: []string{"a"}},
	{id: "S03", graph: "L", rows: []string{"e"}, op: "downgrade head-2", steps: []string{"down e", "down d"}, after: []string{"c"}},
	// S04
	{id: "S04", graph: "L", rows: []string{"b"}, op: "downgrade -5", err: "Relative revision -5 didn't produce 5 migrations", is: ErrRelative},
	{id: "S04", graph: "L", rows: []string{"b"}, op: "downgrade +2", err: "Relative revision +2 didn't produce 2 migrations", is: ErrRelative},
	{id: "S04", graph: "L", op: "downgrade -1", err: "Relative revision -1 didn't produce 1 migrations", is: ErrRelative},
	{id: "S04", graph: "L", rows: []string{"b"}, op: "downgrade c", err: "Destination c is not a valid downgrade target from current head(s)", is: ErrInvalidTarget},
	{id: "S04", graph: "L", op: "downgrade b", err: "Destination b is not a valid downgrade target from current head(s)", is: ErrInvalidTarget},
	{id: "S04", graph: "L", rows: []string{"a"}, op: "downgrade a", steps: []string{}, after: []string{"a"}},
	{id: "S04", graph: "L", rows: []string{"e"}, op: "downgrade e", steps: []string{}, after: []string{"e"}},
	{id: "S04", graph: "L", rows: []string{"e"}, op: "downgrade a+10", err: "Walked too far", is: ErrWalkedTooFar},
	{id: "S04", graph: "L", op: "downgrade base", steps: []string{}, after: []string{}},
	// S05
	{id: "S05", graph: "L", rows: []string{"d"}, op: "stamp base", sql: []string{"DELETE d"}, after: []string{}},
	{id: "S05", graph: "L", rows: []string{"d"}, op: "stamp b", sql: []string{"UPDATE d->b"}, after: []string{"b"}},
	{id: "S05", graph: "L", rows: []string{"b"}, op: "stamp d", sql: []string{"UPDATE b->d"}, after: []string{"d"}},
	{id: "S05", graph: "L", op: "stamp heads", sql: []string{"INSERT e"}, after: []string{"e"}},
	// S06
	{id: "S06", graph: "B", rows: []string{"a"}, op: "upgrade heads", steps: []string{"up b", "up c2", "up d2", "up c1", "up d1"},
		sql: []string{"UPDATE a->b", "UPDATE b->c2", "UPDATE c2->d2", "INSERT c1", "UPDATE c1->d1"}, after: []string{"d1", "d2"}},
	{id: "S06", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade a", steps: []string{"down d1", "down c1", "down d2", "down c2", "down b"},
		sql: []string{"UPDATE d1->c1", "DELETE c1", "UPDATE d2->c2", "UPDATE c2->b", "UPDATE b->a"}, after: []string{"a"}},
	{id: "S06", graph: "B", rows: []string{"b"}, op: "upgrade d1", steps: []string{"up c1", "up d1"}, after: []string{"d1"}},
	// S07
	{id: "S07", graph: "B", op: "upgrade head", err: multiHead, is: ErrMultipleHeads},
	{id: "S07", graph: "B", rows: []string{"d1", "c2"}, op: "stamp head", err: "Multiple heads are present; please specify a single target revision", is: ErrMultipleHeads},
	{id: "S07", graph: "B", op: "upgrade heads", after: []string{"d1", "d2"}},
	{id: "S07", graph: "B", op: "upgrade c2branch@heads", steps: []string{"up a", "up b", "up c2", "up d2"}, after: []string{"d2"}},
	{id: "S07", graph: "B", rows: []string{"c2"}, op: "upgrade c1branch@head", steps: []string{"up c1", "up d1"},
		sql: []string{"INSERT c1", "UPDATE c1->d1"}, after: []string{"c2", "d1"}},
	// S08
	{id: "S08", graph: "B", rows: []string{"b"}, op: "upgrade c2branch@head-1", steps: []string{"up c2"}, after: []string{"c2"}},
	{id: "S08", graph: "B", rows: []string{"d2", "d1"}, op: "downgrade c2branch@base+2", steps: []string{"down d2", "down c2"},
		sql: []string{"UPDATE d2->c2", "DELETE c2"}, after: []string{"d1"}},
	{id: "S08", graph: "B", rows: []string{"d2", "d1"}, op: "downgrade c2branch@base+3", steps: []string{"down d2"}, after: []string{"c2", "d1"}},
	{id: "S08", graph: "B", rows: []string{"d2", "d1"}, op: "downgrade base+2", steps: []string{"down d1", "down c1", "down d2", "down c2"}, after: []string{"b"}},
	{id: "S08", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade c1branch@head-1", steps: []string{"down d1"}, after: []string{"c1", "d2"}},
	// S09
	{id: "S09", graph: "B", rows: []string{"d2", "d1"}, op: "downgrade -1", warn: "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.",
		steps: []string{"down d2"}, after: []string{"c2", "d1"}},
	{id: "S09", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade -1", warn: "downgrade -1 from multiple heads is ambiguous", steps: []string{"down d1"}, after: []string{"c1", "d2"}},
	{id: "S09", graph: "B", rows: []string{"c2", "d1"}, op: "downgrade -1", warn: "downgrade -1 from multiple heads", steps: []string{"down c2"}, sql: []string{"DELETE c2"}, after: []string{"d1"}},
	{id: "S09", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade c1branch@-1", steps: []string{"down d1"}, after: []string{"c1", "d2"}},
	// S10
	{id: "S10", graph: "B", rows: []string{"c1", "c2"}, op: "upgrade +1", err: "Ambiguous upgrade from multiple current revisions", is: ErrAmbiguousUpgrade},
	{id: "S10", graph: "B", rows: []string{"c1"}, op: "upgrade c2branch@+1", steps: []string{"up c2"}, sql: []string{"INSERT c2"}, after: []string{"c1", "c2"}},
	{id: "S10", graph: "B", rows: []string{"c1", "c2"}, op: "upgrade c2branch@+1", steps: []string{"up d2"}, sql: []string{"UPDATE c2->d2"}, after: []string{"c1", "d2"}},
	// S11
	{id: "S11", graph: "B", rows: []string{"c1", "d2"}, op: "downgrade c1branch@b", steps: []string{"down c1"}, sql: []string{"DELETE c1"}, after: []string{"d2"}},
	{id: "S11", graph: "B", rows: []string{"c1", "d2"}, op: "downgrade c2branch@b", steps: []string{"down d2", "down c2"}, after: []string{"c1"}},
	{id: "S11", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade c2@b", steps: []string{"down d2", "down c2"}, after: []string{"d1"}},
	{id: "S11", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade d1@b", steps: []string{"down d1", "down c1"}, after: []string{"d2"}},
	{id: "S11", graph: "B", rows: []string{"d1", "c2"}, op: "downgrade c2", steps: []string{}, after: []string{"c2", "d1"}},
	// S12
	{id: "S12", graph: "B", rows: []string{"d1", "c2"}, op: "stamp b", steps: []string{"stamp d1,c2->b"}, sql: []string{"DELETE d1", "UPDATE c2->b"}, after: []string{"b"}},
	{id: "S12", graph: "B", rows: []string{"d1", "c2"}, op: "stamp c1branch@base", sql: []string{"DELETE d1"}, after: []string{"c2"}},
	{id: "S12", graph: "B", rows: []string{"d1", "c2"}, op: "stamp c2branch@head", sql: []string{"UPDATE c2->d2"}, after: []string{"d1", "d2"}},
	{id: "S12", graph: "B", rows: []string{"b"}, op: "stamp heads", after: []string{"d1", "d2"}},
	{id: "S12", graph: "B", op: "stamp d1 d2", sql: []string{"INSERT d1", "INSERT d2"}, after: []string{"d1", "d2"}},
	// S13
	{id: "S13", graph: "M", rows: []string{"b"}, op: "upgrade f", steps: []string{"up c2", "up d2", "up c1", "up d1", "up e", "up f"},
		sql: []string{"UPDATE b->c2", "UPDATE c2->d2", "INSERT c1", "UPDATE c1->d1", "DELETE d1", "UPDATE d2->e", "UPDATE e->f"}, after: []string{"f"}},
	{id: "S13", graph: "M", rows: []string{"f"}, op: "downgrade b", steps: []string{"down f", "down e", "down d1", "down c1", "down d2", "down c2"}, after: []string{"b"}},
	// S14
	{id: "S14", graph: "M", rows: []string{"e"}, op: "downgrade -1", err: "Ambiguous walk", is: ErrAmbiguousWalk},
	{id: "S14", graph: "M", rows: []string{"f"}, op: "downgrade -1", steps: []string{"down f"}, after: []string{"e"}},
	{id: "S14", graph: "M", rows: []string{"e"}, op: "downgrade d1", steps: []string{"down e"}, after: []string{"d1", "d2"}},
	{id: "S14", graph: "M", rows: []string{"e"}, op: "downgrade c1", steps: []string{"down e", "down d1"}, after: []string{"c1", "d2"}},
	{id: "S14", graph: "M", rows: []string{"d1"}, op: "upgrade e", steps: []string{"up c2", "up d2", "up e"},
		sql: []string{"INSERT c2", "UPDATE c2->d2", "DELETE d1", "UPDATE d2->e"}, after: []string{"e"}},
	// S15
	{id: "S15", graph: "M", rows: []string{"e"}, op: "stamp c2", sql: []string{"UPDATE e->c2"}, after: []string{"c2"}},
	{id: "S15", graph: "M", rows: []string{"e"}, op: "stamp a", sql: []string{"UPDATE e->a"}, after: []string{"a"}},
	{id: "S15", graph: "M", rows: []string{"c2"}, op: "stamp e", sql: []string{"UPDATE c2->e"}, after: []string{"e"}},
	{id: "S15", graph: "M", rows: []string{"d1", "c2"}, op: "stamp e", sql: []string{"DELETE d1", "UPDATE c2->e"}, after: []string{"e"}},
	{id: "S15", graph: "M", rows: []string{"d1", "c2"}, op: "stamp c2branch@head", sql: []string{"DELETE d1", "UPDATE c2->f"}, after: []string{"f"}},
	{id: "S15", graph: "M", rows: []string{"b"}, op: "stamp e", sql: []string{"UPDATE b->e"}, after: []string{"e"}},
	// S16
	{id: "S16", graph: "D", op: "upgrade d", steps: []string{"up a", "up b2", "up b1", "up c", "up d"},
		sql: []string{"INSERT a", "UPDATE a->b2", "INSERT b1", "DELETE b1", "UPDATE b2->c", "UPDATE c->d"}, after: []string{"d"}},
	{id: "S16", graph: "D", rows: []string{"d"}, op: "downgrade b1", steps: []string{"down d", "down c"}, after: []string{"b1", "b2"}},
	// S17
	{id: "S17", graph: "N", op: "upgrade heads", steps: []string{"up a1", "up a2", "up n1", "up n2"},
		sql: []string{"INSERT a1", "UPDATE a1->a2", "INSERT n1", "DELETE n1", "UPDATE a2->n2"}, after: []string{"n2"}},
	{id: "S17", graph: "N", rows: []string{"n1"}, op: "upgrade n2", steps: []string{"up a1", "up a2", "up n2"}, after: []string{"n2"}},
	{id: "S17", graph: "N", rows: []string{"n2"}, op: "downgrade n1", steps: []string{"down n2"}, sql: []string{"INSERT a2", "UPDATE n2->n1"}, after: []string{"a2", "n1"}},
	{id: "S17", graph: "N", rows: []string{"n2"}, op: "downgrade net@base", steps: []string{"down n2", "down n1"}, after: []string{"a2"}},
	{id: "S17", graph: "N", rows: []string{"n2"}, op: "downgrade a1", steps: []string{"down n2", "down a2"}, after: []string{"a1", "n1"}},
	{id: "S17", graph: "N", rows: []string{"n2"}, op: "upgrade a2", steps: []string{}, after: []string{"n2"}},
	{id: "S17+", graph: "N", op: "upgrade net@head", steps: []string{"up a1", "up a2", "up n1", "up n2"}, after: []string{"n2"}},
	// S18
	{id: "S18", graph: "S18", rows: []string{"a1"}, op: "upgrade b1", sql: []string{"UPDATE a1->b1"}, after: []string{"b1"}},
	{id: "S18", graph: "S18", rows: []string{"b1"}, op: "upgrade bmerge", sql: []string{"UPDATE b1->bmerge"}, after: []string{"bmerge"}},
	{id: "S18", graph: "S18", rows: []string{"bmerge"}, op: "downgrade a1", steps: []string{"down bmerge"}, after: []string{"b1"}},
	{id: "S18", graph: "S18", rows: []string{"bmerge"}, op: "downgrade b1", steps: []string{"down bmerge"}, after: []string{"b1"}},
	// S19
	{id: "S19", graph: "S19a", rows: []string{"a3", "b2"}, op: "downgrade b1", steps: []string{"down b2"}, sql: []string{"DELETE b2"}, after: []string{"a3"}},
	{id: "S19", graph: "S19b", rows: []string{"b4"}, op: "downgrade b3", steps: []string{"down b4"}, after: []string{"b3"}},
	{id: "S19", graph: "S19c", op: "upgrade a2", steps: []string{"up a1", "up a2"}, after: []string{"a2"}},
	// S20
	{id: "S20", graph: "S20", rows: []string{"b1a", "b1b", "d2", "b3"}, op: "downgrade b_3@base", after: []string{"a1b", "b1a", "b2"}},
	// S21
	{id: "S21", graph: "S21", rows: []string{"db1"}, op: "upgrade heads",
		sql:   []string{"INSERT b2", "UPDATE b2->cb2", "UPDATE cb2->db2", "UPDATE db2->e2b2", "UPDATE db1->e2b1", "DELETE e2b1", "UPDATE e2b2->merge", "INSERT e1b1", "UPDATE e1b1->fe1b1"},
		after: []string{"fe1b1", "merge"}},
	// S25
	{id: "S25", graph: "S25", op: "upgrade heads", steps: []string{"up a2", "up b2", "up a1", "up b1"}, after: []string{"b1", "b2"}},
	{id: "S25", graph: "S25", op: "upgrade +1", err: "Ambiguous walk", is: ErrAmbiguousWalk},
	{id: "S25", graph: "S25", rows: []string{"b2"}, op: "upgrade b1", sql: []string{"INSERT a1", "UPDATE a1->b1"}, after: []string{"b1", "b2"}},
	{id: "S25", graph: "S25", rows: []string{"b1", "b2"}, op: "downgrade a1", steps: []string{"down b1"}, after: []string{"a1", "b2"}},
	{id: "S25", graph: "S25", op: "stamp heads", sql: []string{"INSERT b1", "INSERT b2"}, after: []string{"b1", "b2"}},
	{id: "S25", graph: "S25", rows: []string{"b2"}, op: "stamp a1", sql: []string{"INSERT a1"}, after: []string{"a1", "b2"}},
	{id: "S25", graph: "S25", rows: []string{"b1", "b2"}, op: "stamp heads", steps: []string{}, after: []string{"b1", "b2"}},
	// Unknown rows.
	{id: "rows", graph: "L", rows: []string{"zzz"}, op: "upgrade head", err: "Can't locate revision identified by 'zzz'", is: ErrUnknownRow},
	{id: "rows", graph: "L", rows: []string{"zzz"}, op: "downgrade base", err: "retort stamp --purge", is: ErrUnknownRow},
	{id: "rows", graph: "L", rows: []string{"zzz"}, op: "stamp --purge b", sql: []string{"INSERT b"}, after: []string{"b"}},
	{id: "rows", graph: "L", rows: []string{"c", "b"}, op: "upgrade head", err: "Requested revision c overlaps with other requested revisions b", is: ErrOverlap},
	// Targets that name nothing.
	{id: "resolve", graph: "L", op: "upgrade zzzz", err: "Can't locate revision identified by 'zzzz': No such revision or branch 'zzzz'", is: ErrNotFound},
	{id: "resolve", graph: "B", op: "upgrade x@head", err: "No such branch: 'x'", is: ErrNotFound},
	// Offline ranges.
	{id: "range", graph: "L", op: "upgrade b:d", steps: []string{"up c", "up d"}, after: []string{"d"}},
	{id: "range", graph: "L", op: "downgrade d:b", steps: []string{"down d", "down c"}, after: []string{"b"}},
	{id: "range", graph: "L", op: "stamp base:c", sql: []string{"INSERT c"}, after: []string{"c"}},
}

func runOp(g *Graph, rows []string, op string) (*Plan, error) {
	f := strings.Fields(op)
	switch f[0] {
	case "upgrade":
		return g.PlanUpgrade(rows, f[1])
	case "downgrade":
		return g.PlanDowngrade(rows, f[1])
	case "stamp":
		purge := false
		if f[1] == "--purge" {
			purge, f = true, f[1:]
		}
		return g.PlanStamp(rows, f[1:], purge)
	}
	panic("bad op " + op)
}

func TestScenarios(t *testing.T) {
	t.Parallel()
	for _, c := range opCases {
		t.Run(c.id+"/"+c.graph+"/"+strings.Join(c.rows, ",")+"/"+c.op, func(t *testing.T) {
			t.Parallel()
			g := mustGraph(t, c.graph)
			p, err := runOp(g, c.rows, c.op)
			if c.err != "" {
				if err == nil {
					t.Fatalf("want error %q, got plan %v", c.err, stepIDs(p))
				}
				if !strings.Contains(err.Error(), c.err) {
					t.Errorf("error %q, want %q", err, c.err)
				}
				if c.is != nil && !errors.Is(err, c.is) {
					t.Errorf("error %v does not match %v", err, c.is)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.steps != nil && !slices.Equal(stepIDs(p), c.steps) {
				t.Errorf("steps %v, want %v", stepIDs(p), c.steps)
			}
			if c.sql != nil && !slices.Equal(sqlOf(p), c.sql) {
				t.Errorf("sql %v, want %v", sqlOf(p), c.sql)
			}
			if c.after != nil && !slices.Equal(p.After, c.after) {
				t.Errorf("after %v, want %v", p.After, c.after)
			}
			before := c.rows
			if strings.Contains(c.op, "--purge") {
				before = nil
			}
			if f := strings.Fields(c.op); strings.Contains(f[len(f)-1], ":") {
				before = nil
				if s, _, _ := SplitRange(f[len(f)-1]); s != "base" {
					before = []string{s}
				}
			}
			if got := replay(t, before, p); !slices.Equal(got, p.After) {
				t.Errorf("replayed rows %v, plan.After %v", got, p.After)
			}
			switch {
			case c.warn == "" && len(p.Warnings) > 0:
				t.Errorf("unexpected warnings %q", p.Warnings)
			case c.warn != "" && (len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], c.warn)):
				t.Errorf("warnings %q, want %q", p.Warnings, c.warn)
			}
		})
	}
}

// Resolution (S22, S23) and symbol errors.
func TestResolve(t *testing.T) {
	t.Parallel()
	cases := []struct {
		graph, sym string
		want       []string
		err        string
		is         error
	}{
		{graph: "LB", sym: "head", err: "Multiple head revisions are present for given argument 'head'", is: ErrMultipleHeads},
		{graph: "LB", sym: "heads", want: []string{"c", "f"}},
		{graph: "LB", sym: "base", want: []string{}},
		{graph: "LB", sym: "", err: "empty target", is: ErrBlankTarget}, // Alembic: base
		{graph: "LB", sym: "abranch@head", want: []string{"c"}},
		{graph: "LB", sym: "ebranch@head", want: []string{"f"}},
		{graph: "LB", sym: "abranch@heads", want: []string{"c"}},
		{graph: "LB", sym: "abranch@base", want: []string{}},
		{graph: "LB", sym: "ebranch@d", want: []string{"d"}},
		{graph: "LB", sym: "ebranch@ebranch", want: []string{"e"}},
		{graph: "LB", sym: "abranch", want: []string{"a"}},
		{graph: "LB", sym: "ebranch@some", want: []string{"someothername"}},
		{graph: "LB", sym: "abranch@some", want: []string{"somelongername"}},
		{graph: "LB", sym: "e@d", want: []string{"d"}},
		{graph: "LB", sym: "someoth@d", want: []string{"d"}},
		{graph: "LB", sym: "ebranch@-1", want: []string{"someothername"}},
		{graph: "LB", sym: "ebranch@-2", want: []string{"e"}},
		{graph: "LB", sym: "-1", want: []string{"somelongername", "someothername"}},
		{graph: "LB", sym: "ebranch@b", err: "Revision b is not a member of branch 'ebranch'", is: ErrNotFound},
		{graph: "LB", sym: "x@d", err: "No such branch: 'x'", is: ErrNotFound},
		{graph: "LB", sym: "ebranch@sos", err: "No such revision or branch 'sos'; please ensure at least four characters are present for partial revision identifier matches", is: ErrNotFound},
		{graph: "LB", sym: "abranch@qprstuv", err: "No such revision or branch 'qprstuv'", is: ErrNotFound},
		{graph: "LB", sym: "some", err: "Multiple revisions start with 'some': 'somelongername', 'someothername'", is: ErrNotFound},
		{graph: "LB", sym: "a:b", err: "Range revision not allowed", is: ErrRange},
		{graph: "S23", sym: "abc123d", want: []string{"abc123def456"}},
		{graph: "S23", sym: "9", want: []string{"9f8e7d6c5b4a"}},
		{graph: "S23", sym: "abra", want: []string{"abc123def456"}},
		{graph: "S23", sym: "abranch@9", want: []string{"9f8e7d6c5b4a"}},
		{graph: "S23", sym: "abc123fff000@head", want: []string{"9f8e7d6c5b4a"}},
		{graph: "S23", sym: "abc1", err: "Can't locate revision identified by 'abc1': Multiple revisions start with 'abc1': 'abc123def456', 'abc123fff000'", is: ErrNotFound},
		{graph: "S23", sym: "zzzz", err: "Can't locate revision identified by 'zzzz': No such revision or branch 'zzzz'", is: ErrNotFound},
		{graph: "N", sym: "heads", want: []string{"n2"}},
		{graph: "N", sym: "head", err: "Multiple head revisions", is: ErrMultipleHeads},
		{graph: "N", sym: "net@head", want: []string{"n2"}},
		// Relative forms beyond Alembic's get_revisions.
		{graph: "L", sym: "+2", want: []string{"b"}},
		{graph: "L", sym: "b+2", want: []string{"d"}},
		{graph: "L", sym: "head-1", want: []string{"d"}},
		{graph: "L", sym: "a-1", want: []string{}},
		{graph: "L", sym: "-5", want: []string{}},
		{graph: "L", sym: "-6", err: "Relative revision -6 didn't produce 6 migrations", is: ErrRelative},
		{graph: "L", sym: "c+9", err: "Walked too far", is: ErrWalkedTooFar},
		{graph: "B", sym: "b+1", err: "Ambiguous walk", is: ErrAmbiguousWalk},
		{graph: "B", sym: "c2branch@b+1", want: []string{"c2"}},
		{graph: "M", sym: "e-1", err: "Ambiguous walk", is: ErrAmbiguousWalk},
	}
	for _, c := range cases {
		t.Run(c.graph+"/"+c.sym, func(t *testing.T) {
			t.Parallel()
			g := mustGraph(t, c.graph)
			rs, err := g.Resolve(c.sym)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("Resolve(%q) = %v, %v; want error %q", c.sym, ids(rs), err, c.err)
				}
				if !errors.Is(err, c.is) {
					t.Errorf("error %v is not %v", err, c.is)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(rs), c.want) {
				t.Errorf("Resolve(%q) = %v, want %v", c.sym, ids(rs), c.want)
			}
		})
	}
}

// History ranges (S16, S20, S21, S22 iterate cases and the history command).
func TestHistory(t *testing.T) {
	t.Parallel()
	cases := []struct {
		graph, rng string
		rows       []string
		want       []string
		err        string
	}{
		{graph: "D", rng: "a:d", want: []string{"d", "c", "b1", "b2", "a"}},
		{graph: "D", rng: "", want: []string{"d", "c", "b1", "b2", "a"}},
		{graph: "S21", rng: "a1:merge", want: []string{"merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"}},
		{graph: "S21", rng: "b1:merge", want: []string{"merge", "e2b1", "db1", "cb1", "b1"}},
		{graph: "LB", rng: "ebranch@base:heads", want: []string{"f", "someothername", "e", "d"}},
		{graph: "LB", rng: "ebranch@-2:heads", want: []string{"f", "someothername", "e"}},
		{graph: "LB", rng: "base:ebranch@+2", want: []string{"e", "d"}},
		{graph: "S20", rng: "base:b_2@head", want: []string{"d2", "c2", "b2", "a2", "base2", "a3", "base3"}},
		{graph: "S20", rng: "d2:b2", err: "Requested range d2:b2 does not refer to ancestor/descendant revisions along the same branch"},
		{graph: "L", rng: "c", err: "History range requires [start]:[end], [start]:, or :[end]"},
		{graph: "L", rng: "-2:", want: []string{"e", "d", "c"}},
		{graph: "L", rng: "-9:", want: []string{"e", "d", "c", "b", "a"}},
		{graph: "L", rng: "b:+2", want: []string{"d", "c", "b"}},
		{graph: "L", rng: "b:+9", want: []string{"e", "d", "c", "b"}},
		{graph: "L", rng: ":current", rows: []string{"c"}, want: []string{"c", "b", "a"}},
		{graph: "L", rng: "current:", rows: []string{"c"}, want: []string{"e", "d", "c"}},
		{graph: "L", rng: ":current", want: []string{}},
		{graph: "L", rng: "current:", want: []string{"e", "d", "c", "b", "a"}},
		{graph: "N", rng: "", want: []string{"n2", "n1", "a2", "a1"}},
	}
	for _, c := range cases {
		t.Run(c.graph+"/"+c.rng, func(t *testing.T) {
			t.Parallel()
			g := mustGraph(t, c.graph)
			rs, err := g.History(c.rng, c.rows)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("History(%q) = %v, %v; want error %q", c.rng, ids(rs), err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(rs), c.want) {
				t.Errorf("History(%q) = %v, want %v", c.rng, ids(rs), c.want)
			}
		})
	}
}

// S20/S24 and graph queries.
func TestGraphQueries(t *testing.T) {
	t.Parallel()
	g := mustGraph(t, "S20")
	if got := ids(g.RealHeads()); !slices.Equal(got, []string{"b1a", "b1b", "d2", "b3"}) {
		t.Errorf("real heads %v", got)
	}
	n := mustGraph(t, "N")
	if got := ids(n.Heads()); !slices.Equal(got, []string{"a2", "n2"}) {
		t.Errorf("heads %v", got)
	}
	if !n.IsEffectiveHead("a2") || n.IsRealHead("a2") || !n.IsRealHead("n2") || n.IsEffectiveHead("n2") {
		t.Error("effective/real head flags wrong")
	}
	if got := ids(n.Dependents("a2")); !slices.Equal(got, []string{"n2"}) {
		t.Errorf("dependents %v", got)
	}
	if got := ids(n.Dependencies("n2")); !slices.Equal(got, []string{"a2"}) {
		t.Errorf("dependencies %v", got)
	}
	cur, err := n.CurrentHeads([]string{"n2"})
	if err != nil || !slices.Equal(ids(cur), []string{"a2", "n2"}) {
		t.Errorf("current heads %v %v", ids(cur), err)
	}
	b := mustGraph(t, "B")
	if got := ids(b.BranchPoints()); !slices.Equal(got, []string{"b"}) {
		t.Errorf("branch points %v", got)
	}
	if got := ids(b.Children("b")); !slices.Equal(got, []string{"c1", "c2"}) {
		t.Errorf("children %v", got)
	}
	if got := ids(b.Bases()); !slices.Equal(got, []string{"a"}) {
		t.Errorf("bases %v", got)
	}
	m := mustGraph(t, "M")
	if !m.IsMergePoint("e") || m.IsMergePoint("f") || !m.IsBranchPoint("b") {
		t.Error("merge/branch point flags wrong")
	}
	// Normalization: b4's dependency on a3 is already declared by b2.
	s := mustGraph(t, "S19b")
	if got := ids(s.NormalizedDependencies("b4")); len(got) != 0 {
		t.Errorf("normalized deps of b4 %v", got)
	}
	if got := ids(s.NormalizedDependencies("b2")); !slices.Equal(got, []string{"a3"}) {
		t.Errorf("normalized deps of b2 %v", got)
	}
	// No false loop on substring ids (S24).
	u, err := New(spec("user_foo:", "user:user_foo deps=user_foo"))
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := u.History("", nil); !slices.Equal(ids(h), []string{"user", "user_foo"}) {
		t.Errorf("history %v", ids(h))
	}
}

func TestLabels(t *testing.T) {
	t.Parallel()
	cases := []struct {
		graph, id string
		want      []string
	}{
		{"B", "b", nil}, {"B", "c1", []string{"c1branch"}}, {"B", "d1", []string{"c1branch"}}, {"B", "d2", []string{"c2branch"}},
		{"M", "c2", []string{"c2branch"}}, {"M", "e", []string{"c2branch"}}, {"M", "f", []string{"c2branch"}}, {"M", "d1", nil},
		{"LB", "a", []string{"abranch"}}, {"LB", "c", []string{"abranch"}}, {"LB", "d", []string{"ebranch"}}, {"LB", "f", []string{"ebranch"}},
		{"N", "n2", []string{"net"}}, {"N", "a2", nil},
		{"S20", "a1a", []string{"b_1"}}, {"S20", "d2", []string{"b_2"}}, {"S20", "b3", []string{"b_3"}},
	}
	for _, c := range cases {
		g := mustGraph(t, c.graph)
		if got := g.Labels(c.id); !slices.Equal(got, c.want) {
			t.Errorf("%s: labels(%s) = %v, want %v", c.graph, c.id, got, c.want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		revs  []*Revision
		err   string
		is    error
		paths []string
	}{
		{"cycle", spec("a:c", "b:a", "c:b"), "Cycle is detected in revisions (a, b, c)", ErrCycle, nil},
		{"cycle-tail", spec("a:c", "b:a", "c:b", "d:c", "e:d"), "Cycle is detected in revisions (a, b, c, d, e)", ErrCycle, nil},
		{"cycle-hidden", spec("a:", "b:a,c", "c:b", "d:c"), "Cycle is detected in revisions (b, c)", ErrCycle, nil},
		{"self-loop", spec("a:a"), "Self-loop is detected in revisions (a)", ErrCycle, nil},
		{"dep-self-loop", spec("a: deps=a"), "Dependency self-loop is detected in revisions (a)", ErrCycle, nil},
		{"dep-self-loop-label", spec("a: labels=x deps=x"), "Dependency self-loop is detected in revisions (a)", ErrCycle, nil},
		{"dep-cycle", spec("a: deps=c", "b:a", "c:b"), "Dependency cycle is detected in revisions (a, b, c)", ErrCycle, nil},
		{"label-twice", spec("a: labels=x", "b:a labels=x"), "Branch name 'x' in revision b already used by revision a", ErrDuplicateLabel, nil},
		{"label-is-id", spec("a:", "b:a labels=a"), "Branch name 'a' in revision b already used by revision a", ErrDuplicateLabel, nil},
		{"bad-id", spec("a-b:"), "Character(s) '-' not allowed in revision identifier 'a-b'", ErrInvalidID, []string{"versions/a-b.sql"}},
		{"bad-id-many", spec("a@b+c:"), "Character(s) '+, @' not allowed in revision identifier 'a@b+c'", ErrInvalidID, nil},
		{"reserved", spec("heads:"), "Revision identifier 'heads' is reserved", ErrInvalidID, nil},
		{"missing-parent", spec("a:", "c:b"), "Revision b referenced from c (versions/c.sql) is not present", ErrMissingRevision, []string{"versions/c.sql"}},
		{"missing-dep", spec("a:", "c:a deps=zz"), "Revision zz (depends_on) referenced from c (versions/c.sql) is not present", ErrMissingRevision, nil},
		{"parent-twice", spec("b0:", "a:b0,b0"), "versions/a.sql: revision a lists parent b0 twice; list it once", ErrInvalidID, nil},
		{"dep-twice", spec("b0:", "c0:", "a:b0 deps=c0,c0"), "revision a lists dependency c0 twice", ErrInvalidID, nil},
		{"label-twice-in-one", spec("a: labels=x,x"), "revision a lists branch label x twice", ErrInvalidID, nil},
		{"long-id", spec("a123456789012345678901234567890123:"), "is 34 characters long", ErrInvalidID, nil},
		{"slash-id", spec("sub/dir:"), "Character(s) '/' not allowed in revision identifier 'sub/dir'", ErrInvalidID, nil},
		{"duplicate", []*Revision{{ID: "a", Path: "v/1_a.sql"}, {ID: "a", Path: "v/2_a.sql"}}, "Revision a is present more than once (v/1_a.sql and v/2_a.sql)", ErrDuplicateID, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(c.revs)
			if err == nil {
				t.Fatalf("want error %q", c.err)
			}
			if !strings.Contains(err.Error(), c.err) {
				t.Errorf("error %q, want %q", err, c.err)
			}
			if !errors.Is(err, c.is) || !errors.Is(err, ErrInvalidGraph) {
				t.Errorf("error %v is not %v / ErrInvalidGraph", err, c.is)
			}
			for _, p := range c.paths {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not name %s", err, p)
				}
			}
		})
	}
	if err := ValidateID("a:b"); err == nil || !strings.HasPrefix(err.Error(), "Character(s) ':' not allowed in revision identifier 'a:b' (") {
		t.Errorf("ValidateID(a:b) = %v", err)
	}
	if err := ValidateID("1f3a9c2b7d4e"); err != nil {
		t.Errorf("ValidateID = %v", err)
	}
}

func TestStepString(t *testing.T) {
	t.Parallel()
	g := mustGraph(t, "M")
	up, err := g.PlanUpgrade(nil, "f")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range up.Steps {
		got = append(got, s.String())
	}
	want := []string{"upgrade  -> a, msg a", "upgrade a -> b, msg b", "upgrade b -> c2, msg c2", "upgrade c2 -> d2, msg d2",
		"upgrade b -> c1, msg c1", "upgrade c1 -> d1, msg d1", "upgrade d1, d2 -> e, msg e", "upgrade e -> f, msg f"}
	if !slices.Equal(got, want) {
		t.Errorf("upgrade lines\n%q\nwant\n%q", got, want)
	}
	down, err := g.PlanDowngrade([]string{"f"}, "c1")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, s := range down.Steps {
		got = append(got, s.String())
	}
	want = []string{"downgrade f -> e, msg f", "downgrade e -> d1, d2, msg e", "downgrade d1 -> c1, msg d1"}
	if !slices.Equal(got, want) {
		t.Errorf("downgrade lines %q, want %q", got, want)
	}
	st, err := g.PlanStamp([]string{"d1", "c2"}, []string{"e"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if s := st.Steps[0].String(); s != "stamp_revision d1, c2 -> e" {
		t.Errorf("stamp line %q", s)
	}
	base, err := g.PlanDowngrade([]string{"a"}, "base")
	if err != nil {
		t.Fatal(err)
	}
	if s := base.Steps[0].String(); s != "downgrade a -> , msg a" {
		t.Errorf("base line %q", s)
	}
	sb, err := g.PlanStamp([]string{"a"}, []string{"base"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if s := sb.Steps[0].String(); s != "stamp_revision a -> " {
		t.Errorf("stamp base line %q", s)
	}
}

func TestEmptyGraph(t *testing.T) {
	t.Parallel()
	g, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if h, err := g.History("", nil); err != nil || len(h) != 0 {
		t.Errorf("history %v %v", ids(h), err)
	}
	for _, op := range []string{"upgrade heads", "upgrade head", "downgrade base", "stamp heads", "stamp base"} {
		p, err := runOp(g, nil, op)
		if err != nil || len(p.Steps) != 0 || len(p.After) != 0 {
			t.Errorf("%s: %v %v", op, p, err)
		}
	}
	if _, err := g.PlanUpgrade(nil, "+1"); !errors.Is(err, ErrRelative) {
		t.Errorf("upgrade +1 on empty graph: %v", err)
	}
	if _, err := New([]*Revision{nil}); !errors.Is(err, ErrInvalidGraph) {
		t.Errorf("nil revision: %v", err)
	}
}

// Several problems of one phase are reported together.
func TestNewReportsAllMissing(t *testing.T) {
	t.Parallel()
	_, err := New(spec("a:x", "b:y"))
	if err == nil || !strings.Contains(err.Error(), "Revision x referenced from a") || !strings.Contains(err.Error(), "Revision y referenced from b") {
		t.Fatalf("error %v", err)
	}
	var ge *GraphError
	if !errors.As(err, &ge) || !errors.Is(err, ErrMissingRevision) {
		t.Errorf("error %v is not a *GraphError / ErrMissingRevision", err)
	}
}

// TestValidateID covers the class of ids that cannot name a revision: each
// would break addressing it, storing it in alembic_version.version_num
// (VARCHAR(32)) or writing its file.
func TestValidateID(t *testing.T) {
	t.Parallel()
	ok := []string{"1f3a9c2b7d4e", "a", "ae1027a6acf", "a_b", "a.b", "x.y.z", "Ünïcødé", "12345678901234567890123456789012",
		strings.Repeat("é", 32), "a'b", "a%b", "a$b", "a*b"}
	for _, id := range ok {
		if err := ValidateID(id); err != nil {
			t.Errorf("ValidateID(%q) = %v", id, err)
		}
	}
	bad := []struct{ id, want string }{
		{"", "must not be empty"},
		{"123456789012345678901234567890123", "is 33 characters long"},
		{strings.Repeat("a", 53), "is 53 characters long; the version table (alembic_version.version_num) holds at most 32"},
		{strings.Repeat("é", 33), "is 33 characters long"},
		{"sub/dir", "Character(s) '/' not allowed in revision identifier 'sub/dir'"},
		{`sub\dir`, `Character(s) '\' not allowed`},
		{"/abs", "'/'"},
		{"..", `contains ".."`},
		{"a..b", `contains ".."`},
		{"../x", "'/'"},
		{".hidden", `starts with "."`},
		{"a b", "Character(s) ' ' not allowed"},
		{"a\tb", "'U+0009'"},
		{"a\nb", "'U+000A'"},
		{"a\x00b", `'U+0000' not allowed in revision identifier "a\x00b"`},
		{"a\x1bb", "'U+001B'"},
		{"a\u00a0b", "'U+00A0'"},
		{"a\u200bb", "'U+200B'"},
		{"a\u202eb", "'U+202E'"},
		{"a\ufeffb", "'U+FEFF'"},
		{"a\u2028b", "'U+2028'"},
		{"a-b", "'-'"}, {"a@b", "'@'"}, {"a+b", "'+'"}, {"a:b", "':'"},
		{"head", "reserved"}, {"heads", "reserved"}, {"base", "reserved"}, {"current", "reserved"},
	}
	for _, c := range bad {
		err := ValidateID(c.id)
		if err == nil {
			t.Errorf("ValidateID(%q) = nil, want an error", c.id)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInvalidID) {
			t.Errorf("ValidateID(%q) = %v, want %q", c.id, err, c.want)
		}
		if strings.ContainsFunc(err.Error(), func(r rune) bool { return r < ' ' || r == 0x7f }) {
			t.Errorf("ValidateID(%q) message holds a control character: %q", c.id, err)
		}
	}
	if err := ValidateID(strings.Repeat("x", 10000)); err == nil || len(err.Error()) > 300 {
		t.Errorf("a huge id gives %d bytes of message", len(err.Error()))
	}
}
