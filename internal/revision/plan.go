package revision

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// PlanUpgrade plans `upgrade target` from the version rows current.
//
// The revisions that run are ancestors*(target) ∪ target minus
// ancestors*(current) ∪ current, following parents and dependencies, in
// Alembic's order. A target older than the current rows is a silent no-op.
// A "start:end" target (offline mode) plans from start instead of current.
func (g *Graph) PlanUpgrade(current []string, target string) (*Plan, error) {
	if err := CheckTarget(target); err != nil {
		return nil, err
	}
	q := g.newQuery()
	current, target, rows, err := g.planStart(q, current, target)
	if err != nil {
		return nil, err
	}
	if t, ok := parseRelative(target); ok && t.sym == "" && t.n <= 0 {
		return nil, wrongDirection("upgrade", t)
	}
	targets, err := g.parseUpgradeTarget(q, g.ids(rows), target, true)
	if err != nil {
		return nil, upgradeErr(target, err)
	}
	required, err := g.ancestorsChecked(q, targets, &g.areach, true)
	if err != nil {
		return nil, err
	}
	have, err := g.ancestorsChecked(q, rows, &g.areach, true)
	if err != nil {
		return nil, err
	}
	var needs []int32
	for i, r := range required {
		if r && !have[i] {
			needs = append(needs, int32(i))
		}
	}
	order := g.toposort(q, needs, targets, true)
	slices.Reverse(order)
	st := g.newRowState(q, rows)
	p := &Plan{Direction: Up, Before: slices.Clone(current), Steps: make([]Step, len(order))}
	// Step fields are carved from shared backing arrays: one allocation
	// per kind instead of several per step.
	nparents := 0
	for _, r := range order {
		nparents += len(g.nodes[r].parents)
	}
	idBack := make([]string, 0, nparents+len(order))
	chBack := make([]RowChange, 0, len(order)+len(order)/4+4)
	for k, r := range order {
		from := len(idBack)
		for _, pr := range g.nodes[r].parents {
			idBack = append(idBack, g.revs[pr].ID)
		}
		idBack = append(idBack, g.revs[r].ID)
		c := len(chBack)
		chBack = st.upgrade(chBack, r)
		p.Steps[k] = Step{
			Direction: Up, Revision: g.revs[r],
			From:    idBack[from : len(idBack)-1 : len(idBack)-1],
			To:      idBack[len(idBack)-1 : len(idBack) : len(idBack)],
			Changes: chBack[c:len(chBack):len(chBack)],
		}
		if len(p.Steps[k].From) == 0 {
			p.Steps[k].From = nil
		}
	}
	p.After = st.sorted()
	return p, nil
}

func upgradeErr(target string, err error) error {
	if mh, ok := err.(*MultipleHeadsError); ok && mh.Argument != target && !mh.stamp {
		return &MultipleHeadsError{Argument: target, Heads: mh.Heads}
	}
	return err
}

// planStart prepares an upgrade or downgrade plan: a "start:end" target
// (offline mode) plans from start instead of current (CheckTarget has made
// sure neither side is blank); it returns the rows to plan from, the target
// and the rows' indices.
func (g *Graph) planStart(q *query, current []string, target string) ([]string, string, []int32, error) {
	target = strings.TrimSpace(target)
	if start, end, isRange := SplitRange(target); isRange {
		var err error
		if current, err = g.startRows(q, start); err != nil {
			return nil, "", nil, err
		}
		target = end
	}
	rows, err := g.rows(current)
	if err != nil {
		return nil, "", nil, err
	}
	return current, target, rows, nil
}

// startRows resolves the start of an offline range: base → no rows.
// Alembic accepts only one revision here; several (e.g. "heads") are fine.
func (g *Graph) startRows(q *query, start string) ([]string, error) {
	if start == "base" {
		return nil, nil
	}
	rs, err := g.resolveSymbol(q, start, true)
	if err != nil {
		return nil, err
	}
	return g.ids(rs), nil
}

// parseUpgradeTarget mirrors Alembic's _parse_upgrade_target. cur holds the
// current rows or, for history, the lower-bound symbol.
func (g *Graph) parseUpgradeTarget(q *query, cur []string, target string, strict bool) ([]int32, error) {
	t, ok := parseRelative(target)
	if !ok {
		return g.getRevisions(q, target)
	}
	var r int32
	if t.n > 0 && t.sym == "" {
		var starts []int32
		curRevs, err := g.getRevisionsList(q, cur)
		if err != nil {
			return nil, err
		}
		if t.branch != "" {
			if starts, err = g.filterForLineage(q, curRevs, t.branch, false); err != nil {
				return nil, err
			}
			if len(starts) == 0 {
				// The branch is not current: start from its newest
				// applied ancestor.
				anc := g.closureOf(q, curRevs, &g.areach)
				active, err := g.filterForLineage(q, anc, t.branch, false)
				if err != nil {
					return nil, err
				}
				below := make(map[int32]bool)
				for _, a := range active {
					for _, d := range g.nodes[a].down {
						below[d] = true
					}
				}
				for _, a := range active {
					if !below[a] {
						starts = append(starts, a)
					}
				}
			}
		} else {
			starts = curRevs
		}
		if len(starts) == 0 {
			starts = []int32{none}
		}
		if len(starts) > 1 {
			return nil, errAmbiguousUpgrade()
		}
		var walked bool
		if r, walked, err = g.walk(q, starts[0], t.n, t.branch, strict); err != nil {
			return nil, err
		}
		if !walked {
			return nil, relativeErr(t.rel, t.n)
		}
	} else {
		if t.sym == "" {
			return nil, relativeErr(fmt.Sprint(t.n), t.n)
		}
		start, branch := t.sym, t.branch
		if t.n <= 0 && t.branch != "" {
			start, branch = t.branch+"@"+t.sym, ""
		}
		s, err := g.getRevision(q, start)
		if err != nil {
			return nil, err
		}
		var walked bool
		if r, walked, err = g.walk(q, s, t.n, branch, strict); err != nil {
			return nil, err
		}
		if !walked {
			return nil, errWalkedTooFar()
		}
	}
	if isBase(r) {
		return nil, nil
	}
	return []int32{r}, nil
}

// getRevisionsList resolves each symbol with getRevisions.
func (g *Graph) getRevisionsList(q *query, syms []string) ([]int32, error) {
	var out []int32
	for _, s := range syms {
		rs, err := g.getRevisions(q, s)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// closureOf lists targets and all their ancestors (load order).
func (g *Graph) closureOf(q *query, targets []int32, ri *reachIndex) []int32 {
	mark, _ := g.ancestorsChecked(q, targets, ri, false)
	var out []int32
	for i, m := range mark {
		if m {
			out = append(out, int32(i))
		}
	}
	return out
}

// ancestorsChecked marks targets and their ancestors. With check, a target
// that has another target among its ancestors is an error (Alembic's
// "overlaps" check), reported for the first such target in order.
func (g *Graph) ancestorsChecked(q *query, targets []int32, ri *reachIndex, check bool) ([]bool, error) {
	mark := make([]bool, len(g.nodes))
	isTarget := make(map[int32]bool, len(targets))
	for _, t := range targets {
		isTarget[t] = true
	}
	var stack []int32
	for _, t := range targets {
		var overlaps []int32
		stack = append(stack[:0], t)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if check && x != t && isTarget[x] && !slices.Contains(overlaps, x) {
				overlaps = append(overlaps, x)
			}
			if mark[x] {
				continue
			}
			mark[x] = true
			stack = append(stack, ri.parents(&g.nodes[x])...)
		}
		if len(overlaps) > 0 {
			return nil, errorf(ErrOverlap, "Requested revision %s overlaps with other requested revisions %s",
				g.revs[t].ID, strings.Join(g.ids(overlaps), ", "))
		}
	}
	return mark, nil
}

// descendantsChecked marks targets and their versioned descendants, with the
// same overlap check.
func (g *Graph) descendantsChecked(targets []int32) ([]bool, error) {
	mark := make([]bool, len(g.nodes))
	isTarget := make(map[int32]bool, len(targets))
	for _, t := range targets {
		isTarget[t] = true
	}
	var stack []int32
	for _, t := range targets {
		var overlaps []int32
		stack = append(stack[:0], t)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if x != t && isTarget[x] && !slices.Contains(overlaps, x) {
				overlaps = append(overlaps, x)
			}
			if mark[x] {
				continue
			}
			mark[x] = true
			stack = append(stack, g.nodes[x].children...)
		}
		if len(overlaps) > 0 {
			return nil, errorf(ErrOverlap, "Requested revision %s overlaps with other requested revisions %s",
				g.revs[t].ID, strings.Join(g.ids(overlaps), ", "))
		}
	}
	return mark, nil
}

// PlanDowngrade plans `downgrade target` from the version rows current (in the
// order the database returned them: `downgrade -1` with several rows uses the
// first, with a warning).
//
// The revisions that run are the descendants (by parents and dependencies)
// of the target's children that are applied, newest first; `label@target`
// keeps only the children on that branch. A "start:end" target (offline
// mode) plans from start instead of current.
func (g *Graph) PlanDowngrade(current []string, target string) (*Plan, error) {
	if err := CheckTarget(target); err != nil {
		return nil, err
	}
	q := g.newQuery()
	current, target, rows, err := g.planStart(q, current, target)
	if err != nil {
		return nil, err
	}
	if t, ok := parseRelative(target); ok && t.sym == "" && t.n >= 0 {
		return nil, wrongDirection("downgrade", t)
	}
	p := &Plan{Direction: Down, Before: slices.Clone(current)}
	branch, tgt, warn, err := g.parseDowngradeTarget(q, current, rows, target, true)
	if err != nil {
		return nil, upgradeErr(target, err)
	}
	if warn != "" {
		p.Warnings = append(p.Warnings, warn)
	}
	var roots []int32
	if isBase(tgt) {
		roots = g.bases
	} else {
		roots = g.nodes[tgt].children
	}
	if branch != "" && len(roots) > 1 {
		b, err := g.resolveBranch(q, branch)
		if err != nil {
			return nil, err
		}
		var kept []int32
		for _, r := range roots {
			if q.reaches(&g.vreach, b, r) {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			return nil, errorf(ErrInvalidTarget, "Not a valid downgrade target from current heads")
		}
		roots = kept
	}
	active, err := g.ancestorsChecked(q, rows, &g.areach, false)
	if err != nil {
		return nil, err
	}
	// Descendants of roots (children by either edge) that are applied.
	var drop []int32
	seen := make([]bool, len(g.nodes))
	stack := slices.Clone(roots)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if active[x] {
			drop = append(drop, x)
		}
		stack = append(stack, g.nodes[x].allChildren...)
	}
	if !isBase(tgt) && len(drop) == 0 && !slices.Contains(rows, tgt) {
		return nil, errorf(ErrInvalidTarget, "Destination %s is not a valid downgrade target from current head(s)", target)
	}
	order := g.toposort(q, drop, rows, true)
	st := g.newRowState(q, rows)
	p.Steps = make([]Step, len(order))
	nparents := 0
	for _, r := range order {
		nparents += len(g.nodes[r].parents)
	}
	idBack := make([]string, 0, nparents+len(order))
	chBack := make([]RowChange, 0, len(order)+len(order)/4+4)
	for k, r := range order {
		c := len(chBack)
		var err error
		if chBack, err = st.downgrade(chBack, r); err != nil {
			return nil, err
		}
		from := len(idBack)
		idBack = append(idBack, g.revs[r].ID)
		for _, pr := range g.nodes[r].parents {
			idBack = append(idBack, g.revs[pr].ID)
		}
		p.Steps[k] = Step{
			Direction: Down, Revision: g.revs[r],
			From:    idBack[from : from+1 : from+1],
			To:      idBack[from+1 : len(idBack) : len(idBack)],
			Changes: chBack[c:len(chBack):len(chBack)],
		}
		if len(p.Steps[k].To) == 0 {
			p.Steps[k].To = nil
		}
	}
	p.After = st.sorted()
	return p, nil
}

// parseDowngradeTarget mirrors Alembic's _parse_downgrade_target. It returns
// the branch restriction, the target (none for base) and a warning.
func (g *Graph) parseDowngradeTarget(q *query, current []string, rows []int32, target string, strict bool) (string, int32, string, error) {
	t, ok := parseRelative(target)
	if !ok {
		branch, sym := "", target
		if at := strings.LastIndexByte(target, '@'); at >= 0 {
			branch, sym = target[:at], target[at+1:]
		}
		r, err := g.getRevision(q, sym)
		if err == nil && branch != "" {
			_, err = g.resolveBranch(q, branch)
		}
		return branch, r, "", err
	}
	if t.n >= 0 {
		if t.sym == "" {
			return "", none, "", relativeErr(t.rel, t.n)
		}
		s, err := g.getRevision(q, t.sym)
		if err != nil {
			return "", none, "", err
		}
		r, walked, err := g.walk(q, s, t.n, t.branch, strict)
		if err != nil {
			return "", none, "", err
		}
		if !walked {
			return "", none, "", errWalkedTooFar()
		}
		return t.branch, r, "", nil
	}
	sym, branch, warn := t.sym, t.branch, ""
	relative := sym == ""
	if relative {
		if branch != "" {
			list, err := g.filterForLineage(q, rows, branch, false)
			if err != nil {
				return "", none, "", err
			}
			if len(list) == 0 {
				all := g.allCurrent(q, rows)
				if list, err = g.filterForLineage(q, all, branch, false); err != nil {
					return "", none, "", err
				}
			}
			switch len(list) {
			case 0:
				return "", none, "", errorf(ErrRelative, "Relative revision %s didn't produce %d migrations: no current revision is on branch '%s'", t.rel, abs(t.n), branch)
			case 1:
			default:
				return "", none, "", errorf(ErrRelative, "Relative revision %s is ambiguous: current revisions %s are all on branch '%s'", t.rel, strings.Join(g.ids(list), ", "), branch)
			}
			sym = g.revs[list[0]].ID
		} else {
			if len(current) == 0 {
				return "", none, "", relativeErr(t.rel, t.n)
			}
			if len(rows) > 1 {
				warn = "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release."
			}
			sym = current[0]
			branch = sym
		}
	}
	start := sym
	if branch != "" {
		start = branch + "@" + sym
	}
	s, err := g.getRevision(q, start)
	if err != nil {
		return "", none, "", err
	}
	r, walked, err := g.walk(q, s, t.n, "", strict)
	if err != nil {
		return "", none, "", err
	}
	if !walked {
		if relative {
			return "", none, "", relativeErr(t.rel, t.n)
		}
		return "", none, "", errWalkedTooFar()
	}
	return branch, r, warn, nil
}

// allCurrent is Alembic's _get_all_current: the rows plus revisions they
// imply that have no versioned child among them (effective heads).
func (g *Graph) allCurrent(q *query, rows []int32) []int32 {
	mark, _ := g.ancestorsChecked(q, rows, &g.areach, false)
	var out []int32
	for i, m := range mark {
		if !m {
			continue
		}
		top := true
		for _, c := range g.nodes[i].children {
			if mark[c] {
				top = false
				break
			}
		}
		if top {
			out = append(out, int32(i))
		}
	}
	return out
}

// CurrentHeads returns the revisions to show for `current`: the given version
// rows plus effective heads implied by their dependencies, load order.
func (g *Graph) CurrentHeads(rows []string) ([]*Revision, error) {
	rs, err := g.rows(rows)
	if err != nil {
		return nil, err
	}
	return g.list(g.allCurrent(g.newQuery(), rs)), nil
}

// PlanStamp plans `stamp targets…` from the rows current; purge starts from no rows.
//
// Each target moves the rows on its lineage (parents and dependencies) to
// itself in one step, or is inserted as a new branch; base deletes the rows
// of the lineage. "start:end" targets (offline mode) start from start.
func (g *Graph) PlanStamp(current []string, targets []string, purge bool) (*Plan, error) {
	if len(targets) == 0 {
		return nil, errorf(ErrBlankTarget, "stamp needs at least one target; name base to remove every version row")
	}
	for _, t := range targets {
		if err := CheckTarget(t); err != nil {
			return nil, err
		}
	}
	q := g.newQuery()
	if purge {
		current = nil
	}
	var dests []string
	startSet := false
	for _, t := range targets {
		t = strings.TrimSpace(t)
		if start, end, isRange := SplitRange(t); isRange {
			rows, err := g.startRows(q, start)
			if err != nil {
				return nil, err
			}
			if startSet && !slices.Equal(rows, current) {
				return nil, errorf(ErrRange, "Stamp operation with --sql only supports a single starting revision at a time")
			}
			current, startSet, t = rows, true, end
		}
		dests = append(dests, t)
	}
	rows, err := g.rows(current)
	if err != nil {
		return nil, err
	}
	p := &Plan{Direction: StampDir, Before: slices.Clone(current)}
	st := g.newRowState(q, rows)
	stampErr := func(err error) error {
		if mh, ok := err.(*MultipleHeadsError); ok {
			return &MultipleHeadsError{Argument: mh.Argument, Heads: mh.Heads, stamp: true}
		}
		return err
	}
	// Rows related to any target, computed once from the starting rows.
	var filtered []int32
	for _, d := range dests {
		f, err := g.filterForLineage(q, rows, d, true)
		if err != nil {
			return nil, stampErr(err)
		}
		for _, r := range f {
			if !slices.Contains(filtered, r) {
				filtered = append(filtered, r)
			}
		}
	}
	var resolved []int32
	for _, d := range dests {
		rs, err := g.getRevisions(q, d)
		if err != nil {
			return nil, stampErr(err)
		}
		resolved = append(resolved, rs...)
	}
	if len(resolved) == 0 {
		for _, h := range filtered {
			p.Steps = append(p.Steps, Step{Direction: StampDir, From: []string{g.revs[h].ID}, Changes: st.stampDelete(h)})
		}
		p.After = st.sorted()
		return p, nil
	}
	for _, d := range resolved {
		if slices.Contains(filtered, d) {
			continue
		}
		var below, above bool // some filtered row is a descendant / ancestor of d
		for _, h := range filtered {
			if q.reaches(&g.areach, h, d) {
				below = true
			}
			if q.reaches(&g.areach, d, h) {
				above = true
			}
		}
		step := Step{Direction: StampDir, Revision: g.revs[d], To: []string{g.revs[d].ID}}
		switch {
		case below || above:
			step.From = g.ids(filtered)
			step.Changes = st.stampMove(filtered, d, !below)
		default:
			step.Changes = st.stampMove(nil, d, true)
		}
		p.Steps = append(p.Steps, step)
	}
	p.After = st.sorted()
	return p, nil
}

// rowState replays Alembic's HeadMaintainer over the set of version rows.
type rowState struct {
	g    *Graph
	q    *query
	in   []bool
	rows []int32
}

func (g *Graph) newRowState(q *query, rows []int32) *rowState {
	st := &rowState{g: g, q: q, in: make([]bool, len(g.nodes))}
	for _, r := range rows {
		st.add(r)
	}
	return st
}

func (st *rowState) add(r int32) {
	if !st.in[r] {
		st.in[r] = true
		st.rows = append(st.rows, r)
	}
}

func (st *rowState) remove(r int32) {
	if st.in[r] {
		st.in[r] = false
		i := slices.Index(st.rows, r)
		st.rows = append(st.rows[:i], st.rows[i+1:]...)
	}
}

func (st *rowState) id(r int32) string { return st.g.revs[r].ID }

func (st *rowState) insert(r int32) RowChange {
	st.add(r)
	return RowChange{Op: Insert, To: st.id(r)}
}

func (st *rowState) del(r int32) RowChange {
	st.remove(r)
	return RowChange{Op: Delete, From: st.id(r)}
}

func (st *rowState) update(from, to int32) RowChange {
	st.remove(from)
	st.add(to)
	return RowChange{Op: Update, From: st.id(from), To: st.id(to)}
}

func (st *rowState) sorted() []string {
	out := st.g.ids(st.rows)
	sort.Strings(out)
	if out == nil {
		out = []string{}
	}
	return out
}

// impliedByOthers reports whether x is an ancestor of a row other than skip.
func (st *rowState) impliedByOthers(x int32, skip []int32) bool {
	for _, o := range st.rows {
		if slices.Contains(skip, o) {
			continue
		}
		if st.q.reaches(&st.g.areach, o, x) {
			return true
		}
	}
	return false
}

// upgrade applies an upgrade step of r, appending its row changes to ch:
// INSERT for a new branch, DELETE+UPDATE for a merge of several rows, else
// UPDATE parent → r.
func (st *rowState) upgrade(ch []RowChange, r int32) []RowChange {
	down := st.g.nodes[r].down
	var buf [8]int32
	present := buf[:0]
	for _, d := range down {
		if st.in[d] {
			present = append(present, d)
		}
	}
	switch {
	case len(present) == 0:
		return append(ch, st.insert(r))
	case len(present) > 1:
		var fbuf [8]int32
		from := fbuf[:0]
		for _, d := range present {
			if !st.impliedByOthers(d, down) {
				from = append(from, d)
			}
		}
		if len(from) == 0 {
			from = present
		}
		for _, d := range from[:len(from)-1] {
			ch = append(ch, st.del(d))
		}
		return append(ch, st.update(from[len(from)-1], r))
	}
	return append(ch, st.update(present[0], r))
}

// downgrade applies a downgrade step of r: DELETE when nothing below r needs
// a row of its own (a root, or parents implied by other rows), an unmerge
// (INSERT the extra parents, UPDATE r → first parent) for several parents,
// else UPDATE r → parent.
func (st *rowState) downgrade(ch []RowChange, r int32) ([]RowChange, error) {
	if !st.in[r] {
		return ch, fmt.Errorf("downgrade %s: revision is not a current version row (rows: %s); the version table is inconsistent with the revision graph",
			st.id(r), strings.Join(st.g.ids(st.rows), ", "))
	}
	// The parents that need rows of their own: not implied by another row,
	// and not an ancestor of another parent. (Alembic applies the second
	// rule only when r is the sole row and otherwise leaves a redundant row
	// that its next upgrade rejects as overlapping.)
	down := st.g.nodes[r].down
	var buf [8]int32
	to := buf[:0]
	for _, d := range down {
		if len(st.rows) > 1 && st.impliedByOthers(d, []int32{r}) {
			continue
		}
		implied := false
		for _, e := range down {
			if e != d && st.q.reaches(&st.g.areach, e, d) {
				implied = true
				break
			}
		}
		if !implied {
			to = append(to, d)
		}
	}
	if len(to) == 0 {
		return append(ch, st.del(r)), nil
	}
	for _, d := range to[1:] {
		if !st.in[d] {
			ch = append(ch, st.insert(d))
		}
	}
	return append(ch, st.update(r, to[0])), nil
}

// stampDelete removes a row (stamp to base).
func (st *rowState) stampDelete(h int32) []RowChange {
	if !st.in[h] {
		return nil
	}
	return []RowChange{st.del(h)}
}

// stampMove moves the rows from to dest in one step like Alembic's StampStep:
// several rows merge (DELETE all but the last, UPDATE the last), one row is
// updated, none (or, upward, rows already gone) inserts dest. Rows that
// earlier targets of the same stamp already moved are skipped instead of
// failing.
func (st *rowState) stampMove(from []int32, dest int32, up bool) []RowChange {
	var live []int32
	for _, f := range from {
		if st.in[f] {
			live = append(live, f)
		}
	}
	if up && (len(from) == 0 || len(live) < len(from)) || len(live) == 0 {
		if st.in[dest] {
			return nil
		}
		return []RowChange{st.insert(dest)}
	}
	var ch []RowChange
	for _, f := range live[:len(live)-1] {
		ch = append(ch, st.del(f))
	}
	last := live[len(live)-1]
	if st.in[dest] {
		return append(ch, st.del(last))
	}
	return append(ch, st.update(last, dest))
}
