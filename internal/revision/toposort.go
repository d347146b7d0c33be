package revision

import "sort"

// toposort orders todo newest first exactly like Alembic's
// RevisionMap._topological_sort: a list of branch tips ("frontier"),
// seeded with heads ∩ todo in load order, is walked depth-first; a tip that
// is still an ancestor of another tip yields to the first such tip in list
// order, so every branch ending at a branch point is finished before the
// walk continues below it.
//
// Alembic recomputes ancestor sets for this test. Here "an unemitted member
// of todo still has the candidate as a parent" is counted instead, which is
// the same test whenever todo is convex (every path between two members
// stays inside todo: true for upgrade and downgrade sets). For other sets
// (history with a lower bound and dependencies) convex is false and the
// reachability index answers it. Either way a blocked candidate consults the
// index only to find which tip to switch to.
func (g *Graph) toposort(q *query, todo []int32, heads []int32, convex bool) []int32 {
	n := len(g.nodes)
	if len(todo) == 0 {
		return nil
	}
	in := make([]bool, n)       // member of todo, not yet emitted
	pending := make([]int32, n) // unemitted members that list this one in down
	front := make([]bool, n)
	for _, t := range todo {
		in[t] = true
	}
	for _, t := range todo {
		for _, p := range g.nodes[t].down {
			if in[p] {
				pending[p]++
			}
		}
	}
	var frontier []int32
	for _, h := range heads {
		if h >= 0 && in[h] && !front[h] {
			front[h] = true
			frontier = append(frontier, h)
		}
	}
	sort.Slice(frontier, func(a, b int) bool { return frontier[a] < frontier[b] })
	out := make([]int32, 0, len(todo))
	left := len(todo)
	idx := 0
	var add []int32
	for left > 0 {
		if len(frontier) == 0 {
			// Members unreachable from the given heads (Alembic would stop
			// with an assertion): continue from the newest of them.
			for _, t := range todo {
				if in[t] && pending[t] == 0 && !front[t] {
					front[t] = true
					frontier = append(frontier, t)
				}
			}
			sort.Slice(frontier, func(a, b int) bool { return frontier[a] < frontier[b] })
			idx = 0
		}
		c := frontier[idx]
		blocked := pending[c] > 0
		if !blocked && !convex {
			for j, h := range frontier {
				if j != idx && q.reaches(&g.areach, h, c) {
					blocked = true
					break
				}
			}
		}
		if blocked {
			jump := -1
			for j, h := range frontier {
				if j != idx && q.reaches(&g.areach, h, c) {
					jump = j
					break
				}
			}
			if jump >= 0 {
				idx = jump
				continue
			}
			// The members above c are not reachable from any tip: add
			// those without pending children and go on with them.
			g.seedAbove(q, c, in, pending, front, &frontier)
			idx = len(frontier) - 1
			continue
		}
		out = append(out, c)
		in[c] = false
		left--
		front[c] = false
		add = add[:0]
		for _, p := range g.nodes[c].down {
			if in[p] {
				pending[p]--
				if !front[p] {
					add = append(add, p)
				}
			}
		}
		if len(add) == 0 {
			frontier = append(frontier[:idx], frontier[idx+1:]...)
			idx = max(idx-1, 0)
			continue
		}
		frontier[idx] = add[0]
		front[add[0]] = true
		for _, p := range add[1:] {
			front[p] = true
			frontier = append(frontier, p)
		}
	}
	return out
}

// seedAbove appends to the frontier the unemitted todo members above c that
// have no pending children themselves.
func (g *Graph) seedAbove(q *query, c int32, in []bool, pending []int32, front []bool, frontier *[]int32) {
	gen := q.next()
	stack := []int32{c}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, k := range g.nodes[x].allChildren {
			if !in[k] || q.mark[k] == gen {
				continue
			}
			q.mark[k] = gen
			if pending[k] == 0 && !front[k] {
				front[k] = true
				*frontier = append(*frontier, k)
			}
			stack = append(stack, k)
		}
	}
}
