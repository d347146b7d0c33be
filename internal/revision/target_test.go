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
