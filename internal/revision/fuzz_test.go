package revision

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// FuzzResolve feeds arbitrary target text to every entry point that parses
// targets: none may panic, and a successful plan must replay to its After.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"head", "heads", "base", "", "-1", "+2", "abranch@head", "ebranch@-2", "e@d",
		"some", "so", "b+2", "head-1", "base+1", "abranch@base+2", "x@y@z", "a:b", "current", "@", "@-1",
		"ebranch@+1", "-0", "+99999999999999999999", "ebranch@sos", "a\x00b", "héad", "c-1x", "haed", "ebrnch@head", " ", "\t"} {
		f.Add(s, uint8(0))
	}
	g, err := New(spec(append(graphs["LB"], "m:c,f", "n:m deps=someothername labels=nbranch")...))
	if err != nil {
		f.Fatal(err)
	}
	states := [][]string{nil, {"c"}, {"b", "e"}, {"n"}, {"someothername"}, {"zz"}}
	f.Fuzz(func(t *testing.T, sym string, st uint8) {
		rows := states[int(st)%len(states)]
		if _, err := g.Resolve(sym); err != nil {
			// A suggestion is always a name the graph knows.
			var re *ResolveError
			if errors.As(err, &re) {
				for _, s := range re.Suggestions() {
					_, label := g.byLabel[s]
					if !label && g.Get(s) == nil && s != "head" && s != "heads" && s != "base" {
						t.Fatalf("Resolve(%q) suggests unknown name %q", sym, s)
					}
				}
			}
			if strings.TrimSpace(sym) == "" && !errors.Is(err, ErrBlankTarget) {
				t.Fatalf("Resolve(%q): %v, want ErrBlankTarget", sym, err)
			}
		} else if strings.TrimSpace(sym) == "" {
			t.Fatalf("Resolve(%q) succeeded on a blank target", sym)
		}
		_, _ = g.History(sym, rows)
		_, _ = g.History(sym+":", rows)
		_, _ = g.History(":"+sym, rows)
		for i, plan := range []func() (*Plan, error){
			func() (*Plan, error) { return g.PlanUpgrade(rows, sym) },
			func() (*Plan, error) { return g.PlanDowngrade(rows, sym) },
			func() (*Plan, error) { return g.PlanStamp(rows, []string{sym}, false) },
			func() (*Plan, error) { return g.PlanStamp(rows, []string{sym, "c"}, true) },
		} {
			p, err := plan()
			if err != nil {
				if err.Error() == "" {
					t.Fatalf("empty error message for %q", sym)
				}
				continue
			}
			if strings.Contains(sym, ":") {
				continue // offline ranges start from their own rows
			}
			before := rows
			if i == 3 {
				before = nil // purge
			}
			if got := replay(t, before, p); !slices.Equal(got, p.After) {
				t.Fatalf("%q from %v: replay %v != After %v", sym, rows, got, p.After)
			}
		}
	})
}

// FuzzNew decodes bytes into a small graph (possibly invalid: missing
// parents, cycles, bad ids, duplicate labels). New must never panic, and a
// graph it accepts must support every query and plan.
func FuzzNew(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3})
	f.Add([]byte{1, 0, 0, 2, 1, 5, 3, 2, 9})
	f.Add([]byte{0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87})
	f.Add([]byte{0, 0, 0xff, 0x80, 0x41, 0x42})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			data = data[:64]
		}
		var revs []*Revision
		for i := 0; i+1 < len(data); i += 2 {
			a, b := data[i], data[i+1]
			n := len(revs)
			r := &Revision{ID: fmt.Sprintf("r%d", n), Message: "m"}
			if a&0x80 != 0 {
				r.ID = "r-" + r.ID // illegal id
			}
			switch a & 3 {
			case 1:
				r.Parents = []string{fmt.Sprintf("r%d", int(b)%(n+2))} // may point forward or to itself
			case 2:
				r.Parents = []string{fmt.Sprintf("r%d", int(b&0xf)%(n+1)), fmt.Sprintf("r%d", int(b>>4)%(n+1))}
			case 3:
				r.Parents = []string{fmt.Sprintf("r%d", int(b)%(n+1))}
				r.DependsOn = []string{fmt.Sprintf("r%d", int(b>>3)%(n+3))}
			}
			if a&0x40 != 0 {
				r.BranchLabels = []string{fmt.Sprintf("l%d", b&3)}
			}
			if a&0x20 != 0 && n > 0 {
				r.DependsOn = append(r.DependsOn, fmt.Sprintf("l%d", b&1))
			}
			revs = append(revs, r)
		}
		g, err := New(revs)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		up, err := g.PlanUpgrade(nil, "heads")
		if err != nil {
			t.Fatalf("upgrade heads: %v", err)
		}
		if got := replay(t, nil, up); fmt.Sprint(got) != fmt.Sprint(up.After) {
			t.Fatalf("replay %v != %v", got, up.After)
		}
		down, err := g.PlanDowngrade(up.After, "base")
		if err != nil {
			t.Fatalf("downgrade base: %v", err)
		}
		if len(down.After) != 0 {
			t.Fatalf("downgrade base left %v", down.After)
		}
		hist, err := g.History("", nil)
		if err != nil || len(hist) != len(revs) {
			t.Fatalf("history: %d of %d, %v", len(hist), len(revs), err)
		}
		for _, r := range revs {
			_ = g.HistoryLine(r, true)
			_ = g.VerboseBlock(r, true)
			_ = g.BranchesBlock(r, true)
			_, _ = g.Resolve(r.ID + "@-1")
			_, _ = g.PlanStamp(up.After, []string{r.ID, "base"}, false)
			_, _ = g.PlanDowngrade(up.After, r.ID)
			_, _ = g.PlanUpgrade([]string{r.ID}, "+1")
		}
	})
}
