package revision

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// blankVariants are targets that name nothing: empty, whitespace of every
// kind, and blank on one side of '@' or ':'. Alembic reads several of them
// as base.
var blankVariants = []string{
	"", " ", "\t", "\n", "\r\n", "  \t ", "\u00a0", "\u2003", "\v\f",
	"@", " @ ", "abranch@", "abranch@ ", "@head", " @-1", "@base",
	":", " : ", ":head", "base:", "\t:c", "c:\t", "abranch@:c", "a:abranch@",
}

// Every entry point that takes a target refuses a blank one with
// ErrBlankTarget, from any state; none treats it as base.
func TestBlankTargetsAreRefused(t *testing.T) {
	t.Parallel()
	g := mustGraph(t, "LB")
	for _, sym := range blankVariants {
		for _, rows := range [][]string{nil, {"c"}, {"c", "f"}} {
			checkBlankRefused(t, g, sym, rows)
		}
	}
	if _, err := g.PlanStamp([]string{"c"}, nil, false); !errors.Is(err, ErrBlankTarget) {
		t.Errorf("PlanStamp with no target: %v, want ErrBlankTarget", err)
	}
	if _, err := g.PlanStamp([]string{"c"}, []string{"head", " "}, false); !errors.Is(err, ErrBlankTarget) {
		t.Errorf("PlanStamp with one blank target among others: %v, want ErrBlankTarget", err)
	}
}

func checkBlankRefused(t *testing.T, g *Graph, sym string, rows []string) {
	t.Helper()
	if err := CheckTarget(sym); !errors.Is(err, ErrBlankTarget) {
		t.Errorf("CheckTarget(%q) = %v, want ErrBlankTarget", sym, err)
	}
	if rs, err := g.Resolve(sym); !errors.Is(err, ErrBlankTarget) {
		t.Errorf("Resolve(%q) = %v, %v; want ErrBlankTarget", sym, ids(rs), err)
	}
	for name, plan := range map[string]func() (*Plan, error){
		"upgrade":     func() (*Plan, error) { return g.PlanUpgrade(rows, sym) },
		"downgrade":   func() (*Plan, error) { return g.PlanDowngrade(rows, sym) },
		"stamp":       func() (*Plan, error) { return g.PlanStamp(rows, []string{sym}, false) },
		"stamp purge": func() (*Plan, error) { return g.PlanStamp(rows, []string{sym}, true) },
	} {
		p, err := plan()
		if !errors.Is(err, ErrBlankTarget) {
			t.Errorf("%s %q from %v: plan %v, error %v; want ErrBlankTarget", name, sym, rows, p, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "name") || strings.ContainsRune(msg, utf8.RuneError) {
			t.Errorf("%s %q: message %q does not say what to name", name, sym, msg)
		}
	}
}

// The messages say which part is blank and what to write instead.
func TestBlankTargetMessages(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ target, want string }{
		{"", `empty target "": name the revision explicitly`},
		{" \t", `empty target " \t"`},
		{"abranch@", `target "abranch@" names no revision after '@': write e.g. abranch@head or abranch@base`},
		{"@-1", `target "@-1" names no branch before '@'`},
		{":head", `range ":head" has an empty start: name it, e.g. base:head`},
		{"base: ", `range "base: " has an empty end`},
		{"base:abranch@", `target "base:abranch@" names no revision after '@': write e.g. abranch@head`},
	} {
		err := CheckTarget(c.target)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckTarget(%q) = %v, want %q", c.target, err, c.want)
		}
	}
	for _, ok := range []string{"head", " head ", "abranch@head", "-1", "abranch@-1", "base:head", "c+1", "current"} {
		if err := CheckTarget(ok); err != nil {
			t.Errorf("CheckTarget(%q) = %v, want nil", ok, err)
		}
	}
	// history -r keeps its documented empty sides.
	for _, ok := range []string{":", ":head", "base:", "-3:"} {
		if err := CheckRangeSides(ok); err != nil {
			t.Errorf("CheckRangeSides(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"", " ", "abranch@:", ":@head"} {
		if err := CheckRangeSides(bad); !errors.Is(err, ErrBlankTarget) {
			t.Errorf("CheckRangeSides(%q) = %v, want ErrBlankTarget", bad, err)
		}
	}
}

// FuzzBlankTarget builds blank targets from arbitrary whitespace and the
// grammar's separators: every one is refused by every entry point.
func FuzzBlankTarget(f *testing.F) {
	for _, s := range blankVariants {
		f.Add(s, uint8(0))
	}
	g, err := New(spec(graphs["LB"]...))
	if err != nil {
		f.Fatal(err)
	}
	states := [][]string{nil, {"c"}, {"b", "e"}}
	f.Fuzz(func(t *testing.T, s string, st uint8) {
		// Keep only whitespace and the separators, so every input is blank
		// in some part; then place it in each position of the grammar.
		var b strings.Builder
		for _, r := range s {
			if r == '@' || r == ':' || strings.TrimSpace(string(r)) == "" && utf8.ValidRune(r) {
				b.WriteRune(r)
			}
		}
		ws := b.String()
		blank := strings.Map(func(r rune) rune {
			if r == '@' || r == ':' {
				return -1
			}
			return r
		}, ws)
		rows := states[int(st)%len(states)]
		for _, sym := range []string{ws, blank, "abranch@" + blank, blank + "@head", blank + ":head", "base:" + blank} {
			checkBlankRefused(t, g, sym, rows)
		}
	})
}

// Relative targets that cannot work say what went wrong and what to write,
// keeping Alembic's text in front.
func TestRelativeErrorsSayWhatToDo(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		graph, op string
		rows      []string
		target    string
		want      []string
		is        error
	}{
		{"L", "upgrade", []string{"b"}, "-2", []string{"Relative revision -2 didn't produce 2 migrations: upgrade takes +N (N steps up), not -2; to go down, run `retort downgrade -2`"}, ErrRelative},
		{"B", "upgrade", []string{"b"}, "c2branch@-1", []string{"upgrade takes c2branch@+N (N steps up), not c2branch@-1", "`retort downgrade c2branch@-1`"}, ErrRelative},
		{"L", "downgrade", []string{"b"}, "+2", []string{"Relative revision +2 didn't produce 2 migrations: downgrade takes -N (N steps down), not +2; to go up, run `retort upgrade +2`"}, ErrRelative},
		{"L", "upgrade", []string{"b"}, "+0", []string{"Relative revision +0 moves no step: upgrade takes +N with N of 1 or more"}, ErrRelative},
		{"L", "downgrade", []string{"b"}, "-0", []string{"Relative revision -0 moves no step: downgrade takes -N with N of 1 or more"}, ErrRelative},
		{"M", "downgrade", []string{"e"}, "-1", []string{"Ambiguous walk: a step down from merge point e has 2 parents to choose from ('d1', 'd2'); name the revision to go to instead, e.g. d1"}, ErrAmbiguousWalk},
		{"M", "downgrade", []string{"f"}, "-2", []string{"Ambiguous walk: a step down from merge point e"}, ErrAmbiguousWalk},
		{"B", "upgrade", []string{"b"}, "+1", []string{"Ambiguous walk: a step up from branch point b has 2 children to choose from ('c1', 'c2'); name the branch, e.g. c1branch@+1, or the revision to go to, e.g. c1"}, ErrAmbiguousWalk},
		{"S25", "upgrade", nil, "+1", []string{"Ambiguous walk: a step up from base has 2 bases to choose from ('a1', 'a2')"}, ErrAmbiguousWalk},
	} {
		g := mustGraph(t, c.graph)
		var err error
		if c.op == "upgrade" {
			_, err = g.PlanUpgrade(c.rows, c.target)
		} else {
			_, err = g.PlanDowngrade(c.rows, c.target)
		}
		if !errors.Is(err, c.is) {
			t.Errorf("%s %s from %v: %v, want %v", c.op, c.target, c.rows, err, c.is)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s %s from %v:\n  %v\nwant it to contain\n  %s", c.op, c.target, c.rows, err, w)
			}
		}
	}
	// The suggested fixes work.
	g := mustGraph(t, "B")
	if p, err := g.PlanUpgrade([]string{"b"}, "c1branch@+1"); err != nil || len(p.Steps) != 1 {
		t.Errorf("c1branch@+1 from b: %v", err)
	}
	if p, err := mustGraph(t, "M").PlanDowngrade([]string{"e"}, "d1"); err != nil || len(p.Steps) != 1 {
		t.Errorf("downgrade d1 from e: %v", err)
	}
}

// An unknown target suggests the nearest known name; nothing when nothing
// is near.
func TestUnknownTargetSuggestsNearest(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		graph, sym, want string
	}{
		{"LB", "haed", "; did you mean head?"},
		{"LB", "hed", "; did you mean head?"},
		{"LB", "HEAD", "; did you mean head?"},
		{"LB", "haeds", "; did you mean heads?"},
		{"LB", "bsae", "; did you mean base?"},
		{"LB", "somelongernaem", "; did you mean somelongername?"},
		{"LB", "ebrnch", "; did you mean ebranch?"},
		{"LB", "abrnch@head", "No such branch: 'abrnch'; did you mean abranch?"},
		{"S23", "abc124", "; did you mean abc123def456 or abc123fff000?"},
		{"S23", "9f8e7d6c5b4b", "; did you mean 9f8e7d6c5b4a?"},
		{"LB", "zzzzzz", ""},
		{"LB", "qq", ""},
	} {
		_, err := mustGraph(t, c.graph).Resolve(c.sym)
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("Resolve(%q) = %v, want ErrNotFound", c.sym, err)
			continue
		}
		msg := err.Error()
		if c.want == "" {
			if strings.Contains(msg, "did you mean") {
				t.Errorf("Resolve(%q): %s\nwant no suggestion", c.sym, msg)
			}
			continue
		}
		if !strings.HasSuffix(msg, c.want) {
			t.Errorf("Resolve(%q): %s\nwant it to end with %q", c.sym, msg, c.want)
		}
	}
	// The plans carry the suggestion too.
	if _, err := mustGraph(t, "L").PlanDowngrade([]string{"c"}, "baes"); err == nil || !strings.Contains(err.Error(), "did you mean base?") {
		t.Errorf("downgrade baes: %v", err)
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"head", "head", 0}, {"haed", "head", 1}, {"hed", "head", 1}, {"heads", "head", 1},
		{"bsae", "base", 1}, {"kitten", "sitting", 3}, {"ca", "abc", 3}, {"héad", "head", 1},
	} {
		if got := editDistance(c.a, c.b, 10); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
		if got := editDistance(c.b, c.a, 10); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d (symmetry)", c.b, c.a, got, c.d)
		}
	}
	if got := editDistance("aaaaaaaa", "bbbbbbbb", 2); got <= 2 {
		t.Errorf("bounded distance = %d, want > 2", got)
	}
}
