package revision

import (
	"slices"
	"sort"
)

// propagateLabels applies Alembic's branch-label propagation
// (RevisionMap._add_branches):
//
//   - a label applies to its revision and every versioned descendant;
//   - when the labelled revision's descendants form a simple chain up to a
//     head, Alembic then walks down from that head and labels every revision
//     until the first real branch point (more than one child, counting
//     dependents) or merge point. Every revision on that walk ends with the
//     labels of the head.
//
// The walks from different heads are disjoint, so the whole pass is linear.
func (g *Graph) propagateLabels() {
	if len(g.byLabel) == 0 {
		return
	}
	order := make([]int32, len(g.nodes))
	for i, p := range g.topoPos {
		order[p] = int32(i)
	}
	for _, i := range order {
		n := &g.nodes[i]
		var acc []string // may alias a parent's slice; label slices are never mutated
		for _, p := range n.parents {
			pl := g.nodes[p].labels
			switch {
			case len(pl) == 0:
			case acc == nil:
				acc = pl
			default:
				acc = unionSorted(acc, pl)
			}
		}
		if len(n.rev.BranchLabels) > 0 {
			own := slices.Clone(n.rev.BranchLabels)
			sort.Strings(own)
			own = slices.Compact(own)
			acc = unionSorted(acc, own)
		}
		n.labels = acc
	}
	for _, t := range g.heads {
		var region []int32
		labelled := false
		x := t
		for {
			n := &g.nodes[x]
			if len(n.allChildren) > 1 || len(n.parents) > 1 {
				break
			}
			region = append(region, x)
			if len(n.rev.BranchLabels) > 0 {
				labelled = true
			}
			if len(n.parents) == 0 {
				break
			}
			x = n.parents[0]
		}
		if !labelled {
			continue
		}
		top := g.nodes[t].labels
		for _, x := range region {
			g.nodes[x].labels = top
		}
	}
}

// unionSorted merges two sorted, duplicate-free slices into a new one.
func unionSorted(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
