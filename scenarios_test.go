package retort_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// Graphs of the reference's acceptance scenarios.
var graphs = map[string][]spec{
	"L": linear("a", "b", "c", "d", "e"),
	"B": {{id: "a"}, {id: "b", parents: "a"}, {id: "c1", parents: "b", labels: "c1branch"}, {id: "d1", parents: "c1"},
		{id: "c2", parents: "b", labels: "c2branch"}, {id: "d2", parents: "c2"}},
	"M": {{id: "a"}, {id: "b", parents: "a"}, {id: "c1", parents: "b"}, {id: "d1", parents: "c1"},
		{id: "c2", parents: "b", labels: "c2branch"}, {id: "d2", parents: "c2"}, {id: "e", parents: "d1 d2"}, {id: "f", parents: "e"}},
	"D": {{id: "a"}, {id: "b1", parents: "a"}, {id: "b2", parents: "a"}, {id: "c", parents: "b1 b2"}, {id: "d", parents: "c"}},
	"N": {{id: "a1"}, {id: "a2", parents: "a1"}, {id: "n1", labels: "net"}, {id: "n2", parents: "n1", deps: "a2"}},
	"F": {{id: "a1"}, {id: "b1", parents: "a1"}, {id: "a2"}, {id: "b2", parents: "a2"}},
}

type scenario struct {
	id, graph string
	rows      []string // reached by upgrading to each row in turn
	op        string   // "upgrade X", "downgrade X", "stamp X Y"
	steps     []string // runlog entries, "up a" / "down a"
	exact     bool     // steps in exactly this order (else: as a set, in graph order)
	after     []string
	err       string
}

var scenarios = []scenario{
	{id: "S01a", graph: "L", op: "upgrade head", steps: []string{"up a", "up b", "up c", "up d", "up e"}, exact: true, after: []string{"e"}},
	{id: "S01b", graph: "L", rows: []string{"c"}, op: "upgrade e", steps: []string{"up d", "up e"}, exact: true, after: []string{"e"}},
	{id: "S01c", graph: "L", rows: []string{"e"}, op: "upgrade head", after: []string{"e"}},
	{id: "S01d", graph: "L", rows: []string{"c"}, op: "upgrade a", after: []string{"c"}},
	{id: "S02a", graph: "L", rows: []string{"a"}, op: "upgrade +2", steps: []string{"up b", "up c"}, exact: true, after: []string{"c"}},
	{id: "S02b", graph: "L", rows: []string{"a"}, op: "upgrade b+2", steps: []string{"up b", "up c", "up d"}, exact: true, after: []string{"d"}},
	{id: "S02c", graph: "L", op: "upgrade head-1", steps: []string{"up a", "up b", "up c", "up d"}, exact: true, after: []string{"d"}},
	{id: "S02d", graph: "L", rows: []string{"b"}, op: "upgrade -2", err: "Relative revision -2 didn't produce 2 migrations"},
	{id: "S03a", graph: "L", rows: []string{"e"}, op: "downgrade c", steps: []string{"down e", "down d"}, exact: true, after: []string{"c"}},
	{id: "S03b", graph: "L", rows: []string{"c"}, op: "downgrade base", steps: []string{"down c", "down b", "down a"}, exact: true, after: []string{}},
	{id: "S03c", graph: "L", rows: []string{"e"}, op: "downgrade -3", steps: []string{"down e", "down d", "down c"}, exact: true, after: []string{"b"}},
	{id: "S04a", graph: "L", rows: []string{"b"}, op: "downgrade c", err: "Destination c is not a valid downgrade target from current head(s)"},
	{id: "S04b", graph: "L", rows: []string{"a"}, op: "downgrade a", after: []string{"a"}},
	{id: "S05a", graph: "L", rows: []string{"d"}, op: "stamp b", after: []string{"b"}},
	{id: "S05b", graph: "L", op: "stamp heads", after: []string{"e"}},
	{id: "S06a", graph: "B", rows: []string{"a"}, op: "upgrade heads", steps: []string{"up b", "up c2", "up d2", "up c1", "up d1"}, exact: true, after: []string{"d1", "d2"}},
	{id: "S06b", graph: "B", rows: []string{"d1", "d2"}, op: "downgrade a", steps: []string{"down d1", "down c1", "down d2", "down c2", "down b"}, exact: true, after: []string{"a"}},
	{id: "S13a", graph: "M", rows: []string{"b"}, op: "upgrade f", steps: []string{"up c2", "up d2", "up c1", "up d1", "up e", "up f"}, exact: true, after: []string{"f"}},
	{id: "S13b", graph: "M", rows: []string{"f"}, op: "downgrade b", steps: []string{"down f", "down e", "down d1", "down c1", "down d2", "down c2"}, exact: true, after: []string{"b"}},
	{id: "S14a", graph: "M", rows: []string{"e"}, op: "downgrade -1", err: "Ambiguous walk"},
	{id: "S14b", graph: "M", rows: []string{"e"}, op: "downgrade c1", steps: []string{"down e", "down d1"}, after: []string{"c1", "d2"}},
	{id: "S16a", graph: "D", op: "upgrade d", steps: []string{"up a", "up b2", "up b1", "up c", "up d"}, exact: true, after: []string{"d"}},
	{id: "S16b", graph: "D", rows: []string{"d"}, op: "downgrade b1", steps: []string{"down d", "down c"}, exact: true, after: []string{"b1", "b2"}},
	{id: "S17a", graph: "N", op: "upgrade heads", steps: []string{"up a1", "up a2", "up n1", "up n2"}, after: []string{"n2"}},
	{id: "S17b", graph: "N", rows: []string{"n2"}, op: "downgrade a1", steps: []string{"down n2", "down a2"}, after: []string{"a1", "n1"}},
	{id: "S17c", graph: "N", rows: []string{"n2"}, op: "downgrade n1", steps: []string{"down n2"}, after: []string{"a2", "n1"}},
	{id: "S25a", graph: "F", op: "upgrade heads", steps: []string{"up a2", "up b2", "up a1", "up b1"}, after: []string{"b1", "b2"}},
	{id: "S25b", graph: "F", rows: []string{"b1", "b2"}, op: "downgrade a1", steps: []string{"down b1"}, after: []string{"a1", "b2"}},
	{id: "S25c", graph: "F", rows: []string{"b2"}, op: "stamp a1", after: []string{"a1", "b2"}},
}

// TestScenarios runs the reference's graph scenarios for real: every
// revision's SQL logs itself, so the steps that ran and the version rows
// after are both checked.
func TestScenarios(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		for _, sc := range scenarios {
			t.Run(dn+"/"+sc.id, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				db := newDB(t, dn)
				m := db.open(graphFS(graphs[sc.graph]...))
				for _, r := range sc.rows {
					if _, err := m.Upgrade(ctx, r); err != nil {
						t.Fatalf("set up rows: upgrade %s: %v", r, err)
					}
				}
				if got := db.rows(); !slices.Equal(got, sorted(sc.rows)) {
					t.Fatalf("set up rows %v, want %v", got, sc.rows)
				}
				db.log()
				f := strings.Fields(sc.op)
				var err error
				switch f[0] {
				case "upgrade":
					_, err = m.Upgrade(ctx, f[1])
				case "downgrade":
					_, err = m.Downgrade(ctx, f[1])
				case "stamp":
					_, err = m.Stamp(ctx, f[1:])
				}
				if sc.err != "" {
					if err == nil || !strings.Contains(err.Error(), sc.err) {
						t.Fatalf("%s: err = %v, want %q", sc.op, err, sc.err)
					}
					if got := db.rows(); !slices.Equal(got, sorted(sc.rows)) {
						t.Errorf("rows changed by a failed command: %v", got)
					}
					return
				}
				if err != nil {
					t.Fatalf("%s: %v", sc.op, err)
				}
				got := db.log()
				if sc.exact {
					if !slices.Equal(got, sc.steps) && !(len(got) == 0 && len(sc.steps) == 0) {
						t.Errorf("steps %v, want %v", got, sc.steps)
					}
				} else if !slices.Equal(sorted(got), sorted(sc.steps)) {
					t.Errorf("steps %v, want (any valid order) %v", got, sc.steps)
				}
				if rows := db.rows(); !slices.Equal(rows, sorted(sc.after)) {
					t.Errorf("rows %v, want %v", rows, sc.after)
				}
			})
		}
	}
}
