package revision

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Markers used where Alembic passes None or the string "base".
const (
	none    int32 = -1 // no revision: walking up from here starts at the bases
	baseSym int32 = -2 // "base" reached by walking down past a root
)

func isBase(i int32) bool { return i < 0 }

// relTarget is a parsed relative target: [branch@][symbol](+|-)N.
type relTarget struct {
	branch string
	sym    string
	n      int
	rel    string // the signed number as written
}

// parseRelative recognises Alembic's relative grammar
// `(?:(.+?)@)?(\w+)?((?:\+|-)\d+)`, but only as a whole-string match.
func parseRelative(s string) (relTarget, bool) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || i == 0 || (s[i-1] != '+' && s[i-1] != '-') {
		return relTarget{}, false
	}
	sign := i - 1
	n, err := strconv.Atoi(s[sign:])
	if err != nil {
		return relTarget{}, false
	}
	t := relTarget{n: n, rel: s[sign:]}
	rest := s[:sign]
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		t.branch, rest = rest[:at], rest[at+1:]
		if t.branch == "" {
			return relTarget{}, false
		}
	}
	for _, c := range rest {
		if !(c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c)) {
			return relTarget{}, false
		}
	}
	t.sym = rest
	return t, true
}

// SplitRange splits "start:end" (either side may be empty). ok is false when
// s holds no ':'.
func SplitRange(s string) (start, end string, ok bool) {
	start, end, ok = strings.Cut(s, ":")
	return strings.TrimSpace(start), strings.TrimSpace(end), ok
}

// resolveNumber mirrors Alembic's _resolve_revision_number: it expands the
// symbols heads/head/base (optionally branch-qualified) and otherwise passes
// the identifier through for revisionForIdent.
func (g *Graph) resolveNumber(q *query, sym string) (ids []string, branch string, err error) {
	if b, rest, ok := strings.Cut(sym, "@"); ok {
		branch, sym = b, rest
	}
	if branch != "" && (sym == "heads" || sym == "head") {
		if _, err := g.resolveBranch(q, branch); err != nil {
			return nil, branch, err
		}
	}
	switch sym {
	case "heads":
		if branch != "" {
			hs, err := g.filterForLineage(q, g.heads, branch, false)
			return g.ids(hs), branch, err
		}
		return g.ids(g.realHeads), branch, nil
	case "head":
		h, err := g.currentHead(q, branch)
		if err != nil || isBase(h) {
			return nil, branch, err
		}
		return []string{g.revs[h].ID}, branch, nil
	case "base", "":
		return nil, branch, nil
	}
	return []string{sym}, branch, nil
}

// currentHead is the single (versioned) head, optionally within a branch.
func (g *Graph) currentHead(q *query, branch string) (int32, error) {
	hs := g.heads
	if branch != "" {
		var err error
		if hs, err = g.filterForLineage(q, hs, branch, false); err != nil {
			return none, err
		}
	}
	if len(hs) > 1 {
		arg := "head"
		if branch != "" {
			arg = branch + "@head"
		}
		return none, &MultipleHeadsError{Argument: arg, Heads: g.ids(hs)}
	}
	if len(hs) == 0 {
		return none, nil
	}
	return hs[0], nil
}

// filterForLineage keeps the targets related (ancestor or descendant) to
// what checkAgainst names (Alembic's filter_for_lineage).
func (g *Graph) filterForLineage(q *query, targets []int32, checkAgainst string, withDeps bool) ([]int32, error) {
	ids, branch, err := g.resolveNumber(q, checkAgainst)
	if err != nil {
		return nil, err
	}
	var shares []int32
	if branch != "" {
		ids = append([]string{branch}, ids...)
	}
	for _, id := range ids {
		r, err := g.revisionForIdent(q, id, "")
		if err != nil {
			return nil, err
		}
		if !isBase(r) {
			shares = append(shares, r)
		}
	}
	if len(ids) == 0 {
		return targets, nil
	}
	ri := &g.vreach
	if withDeps {
		ri = &g.areach
	}
	var out []int32
	for _, t := range targets {
		for _, s := range shares {
			if q.sharesLineage(ri, t, s) {
				out = append(out, t)
				break
			}
		}
	}
	return out, nil
}

// lookupKey finds an exact id or branch label.
func (g *Graph) lookupKey(k string) (int32, bool) {
	if i, ok := g.byID[k]; ok {
		return i, true
	}
	if rp, ok := g.replaced[k]; ok && rp.last {
		return rp.by, true
	}
	i, ok := g.byLabel[k]
	return i, ok
}

// prefixMatches returns the distinct revisions whose id or label (longer than
// three characters, as in Alembic) starts with p, load order.
func (g *Graph) prefixMatches(p string) []int32 {
	keys := g.sortedKeys()
	lo := sort.Search(len(keys), func(i int) bool { return keys[i].key >= p })
	var out []int32
	for k := lo; k < len(keys) && strings.HasPrefix(keys[k].key, p); k++ {
		if len(keys[k].key) > 3 && !slices.Contains(out, keys[k].idx) {
			out = append(out, keys[k].idx)
		}
	}
	slices.Sort(out)
	return out
}

// resolveBranch finds the revision a branch qualifier names: a label, an id,
// or a unique prefix of either.
func (g *Graph) resolveBranch(q *query, b string) (int32, error) {
	if i, ok := g.lookupKey(b); ok {
		return i, nil
	}
	i, err := g.revisionForIdent(q, b, "")
	if err != nil {
		return none, &ResolveError{Symbol: b, Detail: "No such branch: '" + b + "'",
			suggest: func() []string { return g.nearest(b, true) }}
	}
	return i, nil
}

// revisionForIdent mirrors Alembic's _revision_for_ident: exact key, else
// unique prefix (within the branch's lineage when one is given), then the
// branch membership check. id "" means base.
func (g *Graph) revisionForIdent(q *query, id, branch string) (int32, error) {
	br := none
	if branch != "" {
		var err error
		if br, err = g.resolveBranch(q, branch); err != nil {
			return none, err
		}
	}
	if id == "" {
		return none, nil
	}
	r, ok := g.lookupKey(id)
	if !ok {
		cands := g.prefixMatches(id)
		if !isBase(br) {
			kept := cands[:0:0]
			for _, c := range cands {
				if q.sharesLineage(&g.vreach, c, br) {
					kept = append(kept, c)
				}
			}
			cands = kept
		}
		switch len(cands) {
		case 0:
			if err := g.foldedErr(id); err != nil {
				return none, err
			}
			d := "No such revision or branch '" + id + "'"
			if len(id) < 4 {
				d += "; please ensure at least four characters are present for partial revision identifier matches"
			}
			return none, &ResolveError{Symbol: id, Detail: d, suggest: func() []string { return g.nearest(id, false) }}
		case 1:
			r = cands[0]
		default:
			ids := g.ids(cands)
			return none, &ResolveError{Symbol: id, Candidates: ids,
				Detail: "Multiple revisions start with '" + id + "': " + quoteList(ids, 10)}
		}
	}
	if !isBase(br) && !q.sharesLineage(&g.vreach, r, br) {
		return none, &ResolveError{Symbol: id, Detail: "Revision " + g.revs[r].ID + " is not a member of branch '" + branch + "'"}
	}
	return r, nil
}

// getRevision resolves a symbol that must name at most one revision
// (Alembic's get_revision). Base yields none.
func (g *Graph) getRevision(q *query, sym string) (int32, error) {
	ids, branch, err := g.resolveNumber(q, sym)
	if err != nil {
		return none, err
	}
	if len(ids) > 1 {
		hs := make([]int32, 0, len(ids))
		for _, id := range ids {
			hs = append(hs, g.byID[id])
		}
		return none, &MultipleHeadsError{Argument: sym, Heads: g.ids(hs)}
	}
	id := ""
	if len(ids) == 1 {
		id = ids[0]
	}
	return g.revisionForIdent(q, id, branch)
}

// getRevisions resolves a symbol to any number of revisions (Alembic's
// get_revisions): heads, label@heads, ids, prefixes, labels, and "-N" /
// "label@-N" walking down from the real heads.
func (g *Graph) getRevisions(q *query, sym string) ([]int32, error) {
	ids, branch, err := g.resolveNumber(q, sym)
	if err != nil {
		return nil, err
	}
	if len(ids) == 1 {
		if n, err := strconv.Atoi(ids[0]); err == nil && n < 0 {
			return g.walkFromHeads(q, branch, n, ids[0])
		}
	}
	var out []int32
	for _, id := range ids {
		r, err := g.revisionForIdent(q, id, branch)
		if err != nil {
			return nil, err
		}
		if !isBase(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// walkFromHeads walks n (< 0) steps down from every real head, keeping only
// heads carrying the label when branch is given (or related to the revision
// it names, when it is not a label).
func (g *Graph) walkFromHeads(q *query, branch string, n int, rel string) ([]int32, error) {
	heads := g.realHeads
	if branch != "" {
		var kept []int32
		if _, isLabel := g.byLabel[branch]; isLabel {
			for _, h := range heads {
				if slices.Contains(g.nodes[h].labels, branch) {
					kept = append(kept, h)
				}
			}
		} else {
			var err error
			if kept, err = g.filterForLineage(q, heads, branch, false); err != nil {
				return nil, err
			}
		}
		heads = kept
	}
	var out []int32
	for _, h := range heads {
		r, ok, err := g.walk(q, h, n, "", true)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, relativeErr(rel, n)
		}
		if !isBase(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// walk mirrors Alembic's _walk: steps > 0 goes to versioned children (from
// none: the bases), filtered by branch lineage; steps < 0 goes to parents, a
// root stepping down to baseSym. More than one candidate is ErrAmbiguousWalk.
// Running off the graph returns ok=false when strict, else stops where it is.
func (g *Graph) walk(q *query, start int32, steps int, branch string, strict bool) (int32, bool, error) {
	cur := start
	if steps < 0 && cur == none {
		cur = baseSym
	}
	for range abs(steps) {
		var cands []int32
		if steps > 0 {
			if isBase(cur) {
				cands = g.bases
			} else {
				cands = g.nodes[cur].children
			}
			if branch != "" && len(cands) > 0 {
				var err error
				if cands, err = g.filterForLineage(q, cands, branch, false); err != nil {
					return none, false, err
				}
			}
		} else if cur != baseSym {
			if cands = g.nodes[cur].parents; len(cands) == 0 {
				cands = []int32{baseSym}
			}
		}
		if len(cands) == 0 {
			if strict {
				return none, false, nil
			}
			return cur, true, nil
		}
		if len(cands) > 1 {
			return none, false, g.ambiguousWalk(cur, cands, steps > 0)
		}
		cur = cands[0]
	}
	return cur, true, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Resolve resolves one target symbol (no ranges) to revisions with Alembic's
// get_revisions semantics: "base" → empty (a blank symbol is an error,
// never base: see CheckTarget); heads; head (error if several);
// ids; unique prefixes of ids and labels; labels; label@head|heads|base|id;
// relative ±N forms. Errors list candidates for an ambiguous prefix.
//
// Beyond Alembic's get_revisions (which knows only "-N" and "label@-N"),
// "+N"/"label@+N" walk up from base, and "sym±N"/"label@sym±N" walk from
// sym. A walk that lands on base yields no revision.
func (g *Graph) Resolve(symbol string) ([]*Revision, error) {
	if err := CheckTarget(symbol); err != nil {
		return nil, err
	}
	if err := g.checkFoldedSymbol(symbol); err != nil {
		return nil, err
	}
	q := g.newQuery()
	rs, err := g.resolveSymbol(q, strings.TrimSpace(symbol), true)
	if err != nil {
		return nil, err
	}
	return g.list(rs), nil
}

func (g *Graph) resolveSymbol(q *query, symbol string, strict bool) ([]int32, error) {
	if _, _, isRange := SplitRange(symbol); isRange {
		return nil, errorf(ErrRange, "Range revision not allowed here: '%s'", symbol)
	}
	t, ok := parseRelative(symbol)
	if !ok || (t.sym == "" && t.n < 0) {
		return g.getRevisions(q, symbol)
	}
	var r int32
	var walked bool
	var err error
	switch {
	case t.sym == "":
		r, walked, err = g.walk(q, none, t.n, t.branch, strict)
		if err == nil && !walked {
			err = relativeErr(t.rel, t.n)
		}
	default:
		start := t.sym
		if t.branch != "" && t.n < 0 {
			start = t.branch + "@" + t.sym
		}
		var s int32
		if s, err = g.getRevision(q, start); err != nil {
			return nil, err
		}
		branch := ""
		if t.n > 0 {
			branch = t.branch
		}
		r, walked, err = g.walk(q, s, t.n, branch, strict)
		if err == nil && !walked {
			err = errWalkedTooFar()
		}
	}
	if err != nil {
		return nil, err
	}
	if isBase(r) {
		return nil, nil
	}
	return []int32{r}, nil
}

// rows resolves version-table rows: every row must be an exact id.
func (g *Graph) rows(current []string) ([]int32, error) {
	out := make([]int32, 0, len(current))
	for _, id := range current {
		i, ok := g.byID[id]
		if !ok {
			return nil, &UnknownRowError{ID: id}
		}
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out, nil
}
