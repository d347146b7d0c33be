package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/<name>, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// n builds a drawNode whose text is its id.
func n(id string, parents ...string) drawNode { return drawNode{id: id, parents: parents, text: id} }

func TestDrawLanes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		nodes []drawNode
	}{
		{"linear", []drawNode{n("c", "b"), n("b", "a"), n("a")}},
		{"two_heads", []drawNode{n("ae10", "1975"), n("27c6", "1975"), n("1975")}},
		{"diamond", []drawNode{n("d", "c"), n("c", "b1", "b2"), n("b1", "a"), n("b2", "a"), n("a")}},
		{"merged_branches", []drawNode{n("f", "e"), n("e", "d1", "d2"), n("d1", "c1"), n("c1", "b"),
			n("d2", "c2"), n("c2", "b"), n("b", "a"), n("a")}},
		{"forest", []drawNode{n("b2", "a2"), n("b1", "a1"), n("a1"), n("a2")}},
		{"three_way_merge", []drawNode{n("m", "x", "y", "z"), n("x", "a"), n("y", "a"), n("z", "a"), n("a")}},
		{"join_across_lane", []drawNode{n("x", "a"), n("y", "q"), n("z", "a"), n("q"), n("a")}},
		{"range_cut", []drawNode{n("c", "b"), n("b", "a")}},
	}
	var all strings.Builder
	for _, tt := range tests {
		lines := drawLanes(tt.nodes)
		all.WriteString("== " + tt.name + "\n" + strings.Join(lines, "\n") + "\n")
		// Every node is drawn exactly once, in order.
		var seen []string
		for _, l := range lines {
			if i := strings.IndexByte(l, '*'); i >= 0 {
				seen = append(seen, strings.TrimSpace(l[strings.LastIndexAny(l, "*|/\\_")+1:]))
			}
		}
		if len(seen) != len(tt.nodes) {
			t.Errorf("%s: drew %d nodes, want %d:\n%s", tt.name, len(seen), len(tt.nodes), strings.Join(lines, "\n"))
			continue
		}
		for i, nd := range tt.nodes {
			if seen[i] != nd.id {
				t.Errorf("%s: row %d is %q, want %q", tt.name, i, seen[i], nd.id)
			}
		}
	}
	golden(t, "graphdraw.golden", all.String())
}
