package revision

import (
	"flag"
	"maps"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// spec builds revisions from compact entries "id:parent,parent deps=x,y labels=l".
func spec(entries ...string) []*Revision {
	var out []*Revision
	for _, e := range entries {
		fields := strings.Fields(e)
		id, parents, _ := strings.Cut(fields[0], ":")
		r := &Revision{ID: id, Message: "msg " + id, Doc: "msg " + id, Path: "versions/" + id + ".sql"}
		if parents != "" {
			r.Parents = strings.Split(parents, ",")
		}
		for _, f := range fields[1:] {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "deps":
				r.DependsOn = strings.Split(v, ",")
			case "labels":
				r.BranchLabels = strings.Split(v, ",")
			default:
				panic("bad spec field " + f)
			}
		}
		out = append(out, r)
	}
	return out
}

var graphs = map[string][]string{
	"L":   {"a:", "b:a", "c:b", "d:c", "e:d"},
	"B":   {"a:", "b:a", "c1:b labels=c1branch", "d1:c1", "c2:b labels=c2branch", "d2:c2"},
	"M":   {"a:", "b:a", "c1:b", "d1:c1", "c2:b labels=c2branch", "d2:c2", "e:d1,d2", "f:e"},
	"D":   {"a:", "b1:a", "b2:a", "c:b1,b2", "d:c"},
	"N":   {"a1:", "a2:a1", "n1: labels=net", "n2:n1 deps=a2"},
	"LB":  {"a: labels=abranch", "b:a", "somelongername:b", "c:somelongername", "d:", "e:d labels=ebranch", "someothername:e", "f:someothername"},
	"S18": {"a1:", "b1: deps=a1", "bmerge:a1,b1"},
	"S20": {"base1: labels=b_1", "a1a:base1", "a1b:base1", "b1a:a1a", "b1b:a1b deps=a3",
		"base2: labels=b_2", "a2:base2", "b2:a2", "c2:b2 deps=a3", "d2:c2",
		"base3: labels=b_3", "a3:base3", "b3:a3"},
	"S21": {"a1:", "a2:a1", "a3:a2", "b1:a3", "b2:a3", "cb1:b1", "cb2:b2", "db1:cb1", "db2:cb2",
		"e1b1:db1", "fe1b1:e1b1", "e2b1:db1", "e2b2:db2", "merge:e2b1,e2b2"},
	"S23":  {"abc123def456: labels=abranch", "abc123fff000:abc123def456", "9f8e7d6c5b4a:abc123fff000"},
	"S25":  {"a1:", "b1:a1", "a2:", "b2:a2"},
	"S19a": {"a1:", "a2:a1", "b1:", "b2:b1 deps=a2", "b3:b2", "a3:a2 deps=b1"},
	"S19b": {"a1:", "a2:a1", "a3:a2", "b1:", "b2:b1 deps=a3", "b3:b2", "b4:b3 deps=a3"},
	"S19c": {"a1:", "a2:a1 deps=a1"},
}

func mustGraph(t testing.TB, name string) *Graph {
	t.Helper()
	g, err := New(spec(graphs[name]...))
	if err != nil {
		t.Fatalf("graph %s: %v", name, err)
	}
	return g
}

func stepIDs(p *Plan) []string {
	var out []string
	for _, s := range p.Steps {
		switch s.Direction {
		case Up:
			out = append(out, "up "+s.Revision.ID)
		case Down:
			out = append(out, "down "+s.Revision.ID)
		default:
			out = append(out, "stamp "+strings.Join(s.From, ",")+"->"+strings.Join(s.To, ","))
		}
	}
	return out
}

func sqlOf(p *Plan) []string {
	var out []string
	for _, s := range p.Steps {
		for _, c := range s.Changes {
			out = append(out, c.String())
		}
	}
	return out
}

// replay applies the plan's row changes to a set, failing on changes that
// would not match exactly one row (as the online runner checks).
func replay(t testing.TB, before []string, p *Plan) []string {
	t.Helper()
	set := map[string]bool{}
	for _, r := range before {
		set[r] = true
	}
	for _, s := range p.Steps {
		for _, c := range s.Changes {
			switch c.Op {
			case Insert:
				if set[c.To] {
					t.Fatalf("INSERT %s: row exists (%v)", c.To, p.Before)
				}
				set[c.To] = true
			case Update:
				if !set[c.From] || set[c.To] {
					t.Fatalf("UPDATE %s->%s on %v", c.From, c.To, set)
				}
				delete(set, c.From)
				set[c.To] = true
			case Delete:
				if !set[c.From] {
					t.Fatalf("DELETE %s: no such row in %v", c.From, set)
				}
				delete(set, c.From)
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func ids(rs []*Revision) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}
