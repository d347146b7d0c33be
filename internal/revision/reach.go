package revision

// Reachability ("is u an ancestor of v?") without quadratic memory.
//
// Every revision with exactly one parent hangs under that parent in a
// forest F; nodes with zero or several parents are roots of F. Pre/post
// numbers of a depth-first walk of F answer "u is an F-ancestor of v" in
// O(1). A general query walks only between F-roots: anc(v) is the F-path
// from v to its root r plus anc(parents(r)). Linear histories and plain
// branches are one F-tree, so queries cost O(merge points visited), and a
// topological position prunes everything newer than u.

type reachIndex struct {
	parents func(*node) []int32
	root    []int32
	pre     []int32
	post    []int32
}

func buildReach(g *Graph, parents func(*node) []int32) reachIndex {
	n := len(g.nodes)
	ri := reachIndex{parents: parents, root: make([]int32, n), pre: make([]int32, n), post: make([]int32, n)}
	// F-children lists in CSR form.
	count := make([]int32, n+1)
	for i := range g.nodes {
		if ps := parents(&g.nodes[i]); len(ps) == 1 {
			count[ps[0]+1]++
		}
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	kids := make([]int32, count[n])
	fill := make([]int32, n)
	copy(fill, count[:n])
	for i := range g.nodes {
		if ps := parents(&g.nodes[i]); len(ps) == 1 {
			kids[fill[ps[0]]] = int32(i)
			fill[ps[0]]++
		}
	}
	clock := int32(0)
	type frame struct{ v, k int32 }
	stack := make([]frame, 0, min(n, 1<<16)) // as deep as the longest chain: a linear history is one
	for r := range g.nodes {
		if len(parents(&g.nodes[r])) == 1 {
			continue
		}
		ri.root[r] = int32(r)
		ri.pre[r] = clock
		clock++
		stack = append(stack[:0], frame{int32(r), count[r]})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.k < count[f.v+1] {
				c := kids[f.k]
				f.k++
				ri.root[c] = int32(r)
				ri.pre[c] = clock
				clock++
				stack = append(stack, frame{c, count[c]})
				continue
			}
			ri.post[f.v] = clock
			stack = stack[:len(stack)-1]
		}
	}
	return ri
}

// query holds per-call scratch space so that a Graph stays immutable.
type query struct {
	g     *Graph
	mark  []uint32
	gen   uint32
	stack []int32
}

func (g *Graph) newQuery() *query { return &query{g: g} }

func (q *query) next() uint32 {
	if q.mark == nil {
		q.mark = make([]uint32, len(q.g.nodes))
	}
	q.gen++
	if q.gen == 0 {
		clear(q.mark)
		q.gen = 1
	}
	return q.gen
}

// reaches reports whether u is v or an ancestor of v in the index's edges.
func (q *query) reaches(ri *reachIndex, v, u int32) bool {
	if u == v {
		return true
	}
	g := q.g
	if g.topoPos[u] > g.topoPos[v] {
		return false
	}
	gen := q.next()
	stack := append(q.stack[:0], v)
	defer func() { q.stack = stack[:0] }()
	pu, qu := ri.pre[u], ri.post[u]
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if pu <= ri.pre[x] && ri.pre[x] < qu {
			return true
		}
		r := ri.root[x]
		if q.mark[r] == gen {
			continue
		}
		q.mark[r] = gen
		for _, p := range ri.parents(&g.nodes[r]) {
			if g.topoPos[p] >= g.topoPos[u] {
				stack = append(stack, p)
			}
		}
	}
	return false
}

// sharesLineage reports whether a and b are related: one is an ancestor (or
// the same) of the other.
func (q *query) sharesLineage(ri *reachIndex, a, b int32) bool {
	return q.reaches(ri, a, b) || q.reaches(ri, b, a)
}
