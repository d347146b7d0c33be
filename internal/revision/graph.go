package revision

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Graph is an immutable, validated revision graph. It is safe for concurrent
// use: queries allocate their own scratch space.
//
// Edges run child → parent. "Versioned" edges come from Parents
// (down_revision); dependency edges from DependsOn. Like Alembic, a
// dependency already declared by a versioned ancestor is dropped from the
// "normalized" edge set used for ordering and row bookkeeping; reachability
// is the same either way.
type Graph struct {
	revs  []*Revision
	nodes []node
	byID  map[string]int32
	// keys maps every id and branch label to its revision (Alembic's
	// revision map), sorted by key for prefix lookups; built on first use.
	keys     []mapKey
	keysOnce sync.Once
	byLabel  map[string]int32
	// replaced maps the ids squashed revisions fold (Replaces:) to them.
	replaced map[string]replacement

	heads     []int32 // no versioned children, load order
	realHeads []int32 // no children at all, load order
	bases     []int32 // no parents, load order

	topoPos []int32 // position in a topological order (parents first), all edges
	vreach  reachIndex
	areach  reachIndex
}

type node struct {
	rev         *Revision
	parents     []int32 // versioned parents, as written (deduplicated)
	deps        []int32 // resolved depends_on, as written (deduplicated)
	down        []int32 // normalized: parents + deps not declared by a versioned ancestor
	normDeps    bool    // down holds at least one dependency
	allDown     []int32 // parents + deps
	children    []int32 // versioned children, load order
	allChildren []int32 // children by either edge, load order
	labels      []string
}

type mapKey struct {
	key string
	idx int32
}

// New validates revs (given in load order: sorted file names per version
// location) and builds the graph. Errors: duplicate id (naming both paths),
// missing parent or dependency, cycle (listing it), self-loop, illegal
// characters in an id, a branch label used twice. Every error wraps
// ErrInvalidGraph and is a *GraphError; several problems of the same phase are
// reported together.
func New(revs []*Revision) (*Graph, error) {
	g := &Graph{revs: revs, nodes: make([]node, len(revs)), byID: make(map[string]int32, len(revs)), byLabel: map[string]int32{}}
	var errs []error
	// Phase 1: each revision on its own, as Alembic's Revision constructor.
	for i, r := range revs {
		if r == nil {
			errs = append(errs, &GraphError{Kind: ErrInvalidID, Msg: fmt.Sprintf("revision #%d is nil", i)})
			continue
		}
		g.nodes[i].rev = r
		switch {
		case slices.Contains(r.Parents, r.ID):
			errs = append(errs, &GraphError{Kind: ErrCycle, Revisions: []string{r.ID},
				Msg: fmt.Sprintf("Self-loop is detected in revisions (%s)%s", r.ID, inFile(r))})
		case slices.Contains(r.DependsOn, r.ID):
			errs = append(errs, &GraphError{Kind: ErrCycle, Revisions: []string{r.ID},
				Msg: fmt.Sprintf("Dependency self-loop is detected in revisions (%s)%s", r.ID, inFile(r))})
		}
		if err := ValidateID(r.ID); err != nil {
			errs = append(errs, &GraphError{Kind: ErrInvalidID, Revisions: []string{r.ID}, Msg: prefixPath(r, err.Error())})
		}
		for _, l := range [...]struct {
			what  string
			items []string
		}{{"parent", r.Parents}, {"dependency", r.DependsOn}, {"branch label", r.BranchLabels}} {
			if d, ok := firstDuplicate(l.items); ok {
				errs = append(errs, &GraphError{Kind: ErrInvalidID, Revisions: []string{r.ID},
					Msg: prefixPath(r, fmt.Sprintf("revision %s lists %s %s twice; list it once", r.ID, l.what, d))})
			}
		}
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	// Phase 2: ids and labels.
	for i, r := range revs {
		if j, dup := g.byID[r.ID]; dup {
			o := revs[j]
			errs = append(errs, &GraphError{Kind: ErrDuplicateID, Revisions: []string{r.ID},
				Msg: fmt.Sprintf("Revision %s is present more than once (%s and %s); give one of them a new revision id",
					r.ID, describePath(o), describePath(r))})
			continue
		}
		g.byID[r.ID] = int32(i)
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	if errs = g.buildReplaced(); len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	for i, r := range revs {
		for _, l := range r.BranchLabels {
			if j, ok := g.byLabel[l]; ok {
				errs = append(errs, &GraphError{Kind: ErrDuplicateLabel, Revisions: []string{revs[j].ID, r.ID},
					Msg: fmt.Sprintf("Branch name '%s' in revision %s already used by revision %s", l, r.ID, revs[j].ID)})
				continue
			}
			if j, ok := g.byID[l]; ok {
				errs = append(errs, &GraphError{Kind: ErrDuplicateLabel, Revisions: []string{revs[j].ID, r.ID},
					Msg: fmt.Sprintf("Branch name '%s' in revision %s already used by revision %s", l, r.ID, revs[j].ID)})
				continue
			}
			if l == "" || strings.ContainsAny(l, "@:") {
				errs = append(errs, &GraphError{Kind: ErrInvalidID, Revisions: []string{r.ID},
					Msg: prefixPath(r, fmt.Sprintf("Branch name '%s' in revision %s is not allowed: labels must be non-empty and contain neither '@' nor ':'", l, r.ID))})
				continue
			}
			g.byLabel[l] = int32(i)
		}
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}

	// Phase 3: edges. Edge lists share one backing array per kind.
	edges := 0
	for _, r := range revs {
		edges += len(r.Parents) + len(r.DependsOn)
	}
	arena := make([]int32, 0, 2*edges)
	for i := range g.nodes {
		n := &g.nodes[i]
		r := n.rev
		for _, p := range r.Parents {
			j, ok := g.byID[p]
			if !ok {
				errs = append(errs, &GraphError{Kind: ErrMissingRevision, Revisions: []string{p, r.ID},
					Msg: fmt.Sprintf("Revision %s referenced from %s is not present; fix the Revises: line of %s or restore the missing revision",
						p, describeRev(r), describePath(r))})
				continue
			}
			if !slices.Contains(n.parents, j) {
				arena = append(arena, j)
				n.parents = arena[len(arena)-len(n.parents)-1 : len(arena) : len(arena)]
			}
		}
		for _, d := range r.DependsOn {
			j, detail, ok := g.lookupDependency(d)
			if !ok {
				errs = append(errs, &GraphError{Kind: ErrMissingRevision, Revisions: []string{d, r.ID},
					Msg: fmt.Sprintf("Revision %s (depends_on) referenced from %s is not present%s; fix the Depends On: line of %s",
						d, describeRev(r), detail, describePath(r))})
				continue
			}
			if int(j) == i {
				errs = append(errs, &GraphError{Kind: ErrCycle, Revisions: []string{r.ID},
					Msg: fmt.Sprintf("Dependency self-loop is detected in revisions (%s)%s", r.ID, inFile(r))})
				continue
			}
			if !slices.Contains(n.deps, j) {
				n.deps = append(n.deps, j)
			}
		}
		n.allDown = n.parents
		if len(n.deps) > 0 {
			n.allDown = dedupe(append(slices.Clone(n.parents), n.deps...))
		}
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	g.fillChildren(func(n *node) []int32 { return n.parents }, func(n *node) *[]int32 { return &n.children })
	g.fillChildren(func(n *node) []int32 { return n.allDown }, func(n *node) *[]int32 { return &n.allChildren })
	for i := range g.nodes {
		n := &g.nodes[i]
		if len(n.children) == 0 {
			g.heads = append(g.heads, int32(i))
		}
		if len(n.allChildren) == 0 {
			g.realHeads = append(g.realHeads, int32(i))
		}
		if len(n.parents) == 0 {
			g.bases = append(g.bases, int32(i))
		}
	}
	if err := g.checkCycles(); err != nil {
		return nil, err
	}
	g.vreach = buildReach(g, func(n *node) []int32 { return n.parents })
	g.normalize()
	g.areach = buildReach(g, func(n *node) []int32 { return n.down })
	g.propagateLabels()
	return g, nil
}

// fillChildren inverts an edge list into per-node child lists (load order)
// carved from one backing array.
func (g *Graph) fillChildren(down func(*node) []int32, kids func(*node) *[]int32) {
	count := make([]int32, len(g.nodes))
	total := 0
	for i := range g.nodes {
		for _, p := range down(&g.nodes[i]) {
			count[p]++
			total++
		}
	}
	backing := make([]int32, total)
	off := 0
	for i := range g.nodes {
		c := int(count[i])
		*kids(&g.nodes[i]) = backing[off : off : off+c]
		off += c
	}
	for i := range g.nodes {
		for _, p := range down(&g.nodes[i]) {
			k := kids(&g.nodes[p])
			*k = append(*k, int32(i))
		}
	}
}

func joinErrs(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

func dedupe(s []int32) []int32 {
	out := s[:0]
	for _, v := range s {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func describeRev(r *Revision) string {
	if r.Path == "" {
		return r.ID
	}
	return r.ID + " (" + r.Path + ")"
}

func describePath(r *Revision) string {
	if r.Path == "" {
		return "revision " + r.ID
	}
	return r.Path
}

func inFile(r *Revision) string {
	if r.Path == "" {
		return ""
	}
	return " in " + r.Path
}

func prefixPath(r *Revision, msg string) string {
	if r.Path == "" {
		return msg
	}
	return r.Path + ": " + msg
}

// sortedKeys returns every id and label with its revision, sorted by key.
func (g *Graph) sortedKeys() []mapKey {
	g.keysOnce.Do(func() {
		keys := make([]mapKey, 0, len(g.revs)+len(g.byLabel))
		for i, r := range g.revs {
			keys = append(keys, mapKey{r.ID, int32(i)})
		}
		for l, i := range g.byLabel {
			keys = append(keys, mapKey{l, i})
		}
		slices.SortFunc(keys, func(a, b mapKey) int { return strings.Compare(a.key, b.key) })
		g.keys = keys
	})
	return g.keys
}

// lookupDependency resolves a depends_on entry: an exact id, a branch label,
// or (beyond Alembic, which only accepts the first two) a unique id prefix.
func (g *Graph) lookupDependency(d string) (int32, string, bool) {
	if j, ok := g.lookupKey(d); ok {
		return j, "", true
	}
	cands := g.prefixMatches(d)
	switch len(cands) {
	case 1:
		return cands[0], "", true
	case 0:
		return 0, "", false
	}
	return 0, " (ambiguous prefix: " + quoteList(g.ids(cands), 10) + ")", false
}

// firstDuplicate returns the first item of items that appears twice.
func firstDuplicate(items []string) (string, bool) {
	for i, x := range items {
		if slices.Contains(items[:i], x) {
			return x, true
		}
	}
	return "", false
}

// MaxIDLength is the longest revision id, in characters: the width of
// alembic_version.version_num (VARCHAR(32)), which every id is written to.
const MaxIDLength = 32

// ValidateID reports an error if id cannot name a revision: empty; longer
// than MaxIDLength characters; holding any of "@-+:" (they mean something in
// targets), a path separator ("/" or "\\"), whitespace or an invisible
// character (control, format, unassigned); containing ".." or starting with
// "." (an id is part of a file name, and names starting with "." are not
// loaded). "Character(s) '-' not allowed in revision identifier 'ab-cd'".
// The symbols head, heads, base and current are rejected too: they could
// never be addressed.
func ValidateID(id string) error {
	if id == "" {
		return &planError{kind: ErrInvalidID, msg: "Revision identifier must not be empty"}
	}
	var bad []string
	n := 0
	for _, c := range id {
		n++
		if c > ' ' && c < 0x7f && !strings.ContainsRune(idReserved, c) {
			continue // fast path: printable ASCII
		}
		if strings.ContainsRune(idReserved, c) || unicode.IsSpace(c) || !unicode.IsPrint(c) {
			s := string(c)
			if !unicode.IsPrint(c) || c >= 0x80 && unicode.IsSpace(c) {
				s = fmt.Sprintf("U+%04X", c)
			}
			if !slices.Contains(bad, s) {
				bad = append(bad, s)
			}
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return &planError{kind: ErrInvalidID, msg: fmt.Sprintf("Character(s) '%s' not allowed in revision identifier %s "+
			"(an id holds no whitespace, invisible characters, path separators '/' '\\' or any of '@-+:')",
			strings.Join(bad, ", "), showID(id))}
	}
	if n > MaxIDLength {
		return &planError{kind: ErrInvalidID, msg: fmt.Sprintf("Revision identifier %s is %d characters long; "+
			"the version table (alembic_version.version_num) holds at most %d: choose a shorter id", showID(id), n, MaxIDLength)}
	}
	switch {
	case strings.Contains(id, ".."):
		return &planError{kind: ErrInvalidID, msg: fmt.Sprintf("Revision identifier %s contains \"..\"; "+
			"an id is part of the revision's file name: choose another id", showID(id))}
	case id[0] == '.':
		return &planError{kind: ErrInvalidID, msg: fmt.Sprintf("Revision identifier %s starts with \".\"; "+
			"files whose names start with \".\" are not loaded: choose another id", showID(id))}
	}
	switch id {
	case "head", "heads", "base", "current":
		return &planError{kind: ErrInvalidID, msg: fmt.Sprintf("Revision identifier '%s' is reserved (it names a symbol in revision targets); choose another id", id)}
	}
	return nil
}

// idReserved are the printable characters an id may not hold.
const idReserved = "@-+:/\\"

// showID quotes id for a message: 'id', or Go-quoted when it holds
// characters a terminal would not show as themselves; cut after 64
// characters.
func showID(id string) string {
	if utf8.RuneCountInString(id) > 64 {
		r := []rune(id)
		id = string(r[:64]) + "…"
	}
	for _, c := range id {
		if !unicode.IsPrint(c) || c >= 0x80 && unicode.IsSpace(c) {
			return strconv.QuoteToASCII(id)
		}
	}
	return "'" + id + "'"
}

// checkCycles finds cycles by topological sorting (Kahn) and reports them
// with Alembic's text and revision list where Alembic's own detection would
// fire, or with the revisions on cycles otherwise. It also records topoPos.
func (g *Graph) checkCycles() error {
	n := len(g.nodes)
	if _, ok := g.kahn(func(nd *node) []int32 { return nd.parents }, func(nd *node) []int32 { return nd.children }); !ok {
		return g.cycleError("Cycle", func(nd *node) []int32 { return nd.parents }, func(nd *node) []int32 { return nd.children },
			g.heads, g.bases)
	}
	order, ok := g.kahn(func(nd *node) []int32 { return nd.allDown }, func(nd *node) []int32 { return nd.allChildren })
	if !ok {
		var realBases []int32
		for _, b := range g.bases {
			if len(g.nodes[b].rev.DependsOn) == 0 {
				realBases = append(realBases, b)
			}
		}
		return g.cycleError("Dependency cycle", func(nd *node) []int32 { return nd.allDown }, func(nd *node) []int32 { return nd.allChildren },
			g.realHeads, realBases)
	}
	g.topoPos = make([]int32, n)
	for pos, i := range order {
		g.topoPos[i] = int32(pos)
	}
	return nil
}

// kahn returns a topological order (parents first) over the given edges;
// up must be the inverse of down.
func (g *Graph) kahn(down, up func(*node) []int32) ([]int32, bool) {
	n := len(g.nodes)
	indeg := make([]int32, n) // number of parents not yet placed
	order := make([]int32, 0, n)
	for i := range g.nodes {
		indeg[i] = int32(len(down(&g.nodes[i])))
		if indeg[i] == 0 {
			order = append(order, int32(i))
		}
	}
	for k := 0; k < len(order); k++ {
		for _, c := range up(&g.nodes[order[k]]) {
			indeg[c]--
			if indeg[c] == 0 {
				order = append(order, c)
			}
		}
	}
	return order, len(order) == n
}

func (g *Graph) cycleError(kind string, down, up func(*node) []int32, heads, bases []int32) error {
	var ids []string
	if len(heads) == 0 || len(bases) == 0 {
		for _, nd := range g.nodes {
			ids = append(ids, nd.rev.ID)
		}
	} else {
		fromHeads := g.closure(heads, down)
		fromBases := g.closure(bases, up)
		for i, nd := range g.nodes {
			if !fromHeads[i] || !fromBases[i] {
				ids = append(ids, nd.rev.ID)
			}
		}
		if len(ids) == 0 {
			// Alembic's check misses cycles reachable from both ends; name
			// the revisions that sit on a cycle.
			ids = g.onCycles(down)
		}
		sort.Strings(ids)
	}
	return &GraphError{Kind: ErrCycle, Revisions: ids,
		Msg: fmt.Sprintf("%s is detected in revisions (%s)", kind, strings.Join(ids, ", "))}
}

func (g *Graph) closure(start []int32, next func(*node) []int32) []bool {
	seen := make([]bool, len(g.nodes))
	stack := slices.Clone(start)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, next(&g.nodes[x])...)
	}
	return seen
}

// onCycles returns the ids of revisions in a strongly connected component
// of more than one node (Tarjan, iterative).
func (g *Graph) onCycles(down func(*node) []int32) []string {
	n := len(g.nodes)
	index := make([]int32, n)
	low := make([]int32, n)
	on := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int32
	var out []string
	next := int32(0)
	type frame struct{ v, i int32 }
	for s := range n {
		if index[s] >= 0 {
			continue
		}
		call := []frame{{int32(s), 0}}
		index[s], low[s] = next, next
		next++
		stack = append(stack, int32(s))
		on[s] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			edges := down(&g.nodes[f.v])
			if int(f.i) < len(edges) {
				w := edges[f.i]
				f.i++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					on[w] = true
					call = append(call, frame{w, 0})
				} else if on[w] && index[w] < low[f.v] {
					low[f.v] = index[w]
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 && low[v] < low[call[len(call)-1].v] {
				low[call[len(call)-1].v] = low[v]
			}
			if low[v] == index[v] {
				var comp []int32
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					on[w] = false
					comp = append(comp, w)
					if w == v {
						break
					}
				}
				if len(comp) > 1 {
					for _, w := range comp {
						out = append(out, g.nodes[w].rev.ID)
					}
				}
			}
		}
	}
	return out
}

// normalize computes each revision's normalized down revisions: its parents
// plus the dependencies that no proper versioned ancestor also declares
// (Alembic's _normalize_depends_on).
func (g *Graph) normalize() {
	q := g.newQuery()
	for i := range g.nodes {
		n := &g.nodes[i]
		n.down = n.parents
		if len(n.deps) == 0 {
			continue
		}
		var keep []int32
		for _, d := range n.deps {
			if !g.depDeclaredAbove(q, int32(i), d) {
				keep = append(keep, d)
			}
		}
		if len(keep) > 0 {
			n.normDeps = true
			n.down = dedupe(append(slices.Clone(n.parents), keep...))
		}
	}
}

// depDeclaredAbove reports whether a proper versioned ancestor of i also lists
// d among its dependencies.
func (g *Graph) depDeclaredAbove(q *query, i, d int32) bool {
	for _, u := range g.nodes[d].allChildren {
		if u == i || !slices.Contains(g.nodes[u].deps, d) {
			continue
		}
		if q.reaches(&g.vreach, i, u) {
			return true
		}
	}
	return false
}

// Revisions returns every revision in load order.
func (g *Graph) Revisions() []*Revision { return g.revs }

// Get returns the revision with exactly this id, or nil.
func (g *Graph) Get(id string) *Revision {
	if i, ok := g.byID[id]; ok {
		return g.revs[i]
	}
	return nil
}

func (g *Graph) idx(id string) (int32, bool) {
	i, ok := g.byID[id]
	return i, ok
}

func (g *Graph) list(idx []int32) []*Revision {
	if len(idx) == 0 {
		return nil
	}
	out := make([]*Revision, len(idx))
	for k, i := range idx {
		out[k] = g.revs[i]
	}
	return out
}

func (g *Graph) ids(idx []int32) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = g.revs[i].ID
	}
	return out
}

// Heads returns all heads by down_revision (real and effective), load order.
func (g *Graph) Heads() []*Revision { return g.list(g.heads) }

// RealHeads returns heads that nothing depends on: what the `heads` symbol means.
func (g *Graph) RealHeads() []*Revision { return g.list(g.realHeads) }

// Bases returns revisions with no parents, load order.
func (g *Graph) Bases() []*Revision { return g.list(g.bases) }

// BranchPoints returns revisions with more than one child, load order.
func (g *Graph) BranchPoints() []*Revision {
	var out []int32
	for i := range g.nodes {
		if len(g.nodes[i].children) > 1 {
			out = append(out, int32(i))
		}
	}
	return g.list(out)
}

// MergePoints returns revisions with more than one parent, load order.
func (g *Graph) MergePoints() []*Revision {
	var out []int32
	for i := range g.nodes {
		if len(g.nodes[i].parents) > 1 {
			out = append(out, int32(i))
		}
	}
	return g.list(out)
}

// Children returns the versioned children of id, load order.
func (g *Graph) Children(id string) []*Revision {
	if i, ok := g.idx(id); ok {
		return g.list(g.nodes[i].children)
	}
	return nil
}

// Parents returns the versioned parents of id as written.
func (g *Graph) Parents(id string) []*Revision {
	if i, ok := g.idx(id); ok {
		return g.list(g.nodes[i].parents)
	}
	return nil
}

// Dependents returns revisions whose depends_on resolves to id, load order.
func (g *Graph) Dependents(id string) []*Revision {
	i, ok := g.idx(id)
	if !ok {
		return nil
	}
	var out []int32
	for _, c := range g.nodes[i].allChildren {
		if slices.Contains(g.nodes[c].deps, i) {
			out = append(out, c)
		}
	}
	return g.list(out)
}

// Dependencies returns the resolved depends_on revisions of id.
func (g *Graph) Dependencies(id string) []*Revision {
	if i, ok := g.idx(id); ok {
		return g.list(g.nodes[i].deps)
	}
	return nil
}

// NormalizedDependencies returns the dependencies of id that no versioned
// ancestor of id already declares (the ones that order and bookkeeping use).
func (g *Graph) NormalizedDependencies(id string) []*Revision {
	i, ok := g.idx(id)
	if !ok {
		return nil
	}
	n := &g.nodes[i]
	return g.list(n.down[len(n.parents):])
}

// IsHead reports a head by down_revision only (Alembic's verbose "(head)").
func (g *Graph) IsHead(id string) bool {
	i, ok := g.idx(id)
	return ok && len(g.nodes[i].children) == 0
}

// IsRealHead: head and nothing depends on it.
func (g *Graph) IsRealHead(id string) bool {
	i, ok := g.idx(id)
	return ok && len(g.nodes[i].allChildren) == 0
}

// IsEffectiveHead: head by down_revision but something depends on it.
func (g *Graph) IsEffectiveHead(id string) bool {
	i, ok := g.idx(id)
	return ok && len(g.nodes[i].children) == 0 && len(g.nodes[i].allChildren) > 0
}

// IsBranchPoint: more than one versioned child.
func (g *Graph) IsBranchPoint(id string) bool {
	i, ok := g.idx(id)
	return ok && len(g.nodes[i].children) > 1
}

// IsMergePoint: more than one parent.
func (g *Graph) IsMergePoint(id string) bool {
	i, ok := g.idx(id)
	return ok && len(g.nodes[i].parents) > 1
}

// Labels returns the branch labels that apply to id after Alembic's propagation
// (its own, descendants', and ancestors' back to the previous branch/merge point).
func (g *Graph) Labels(id string) []string {
	if i, ok := g.idx(id); ok {
		return slices.Clone(g.nodes[i].labels)
	}
	return nil
}

// IsAncestor reports whether anc is id or an ancestor of id, following
// parents and dependencies.
func (g *Graph) IsAncestor(anc, id string) bool {
	a, ok1 := g.idx(anc)
	b, ok2 := g.idx(id)
	return ok1 && ok2 && g.newQuery().reaches(&g.areach, b, a)
}

func quoteList(ids []string, max int) string {
	var b strings.Builder
	for k, id := range ids {
		if k == max {
			fmt.Fprintf(&b, ", … (%d more)", len(ids)-max)
			break
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString("'" + id + "'")
	}
	return b.String()
}
