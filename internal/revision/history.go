package revision

import (
	"errors"
	"slices"
	"strings"
)

// History returns revisions newest first for `history -r START:END` (rangeSpec
// may be "" for everything). current holds the version rows, needed only when
// the range names "current".
//
// An empty START means base, an empty END heads; both ends are inclusive.
// START may be relative ("-N": N below the heads) and END too ("+N": N above
// START); walks past either end of the graph stop there. Unlike Alembic,
// ":current" on an empty database lists nothing.
func (g *Graph) History(rangeSpec string, current []string) ([]*Revision, error) {
	q := g.newQuery()
	lower, upper := "", ""
	if strings.TrimSpace(rangeSpec) != "" {
		var ok bool
		lower, upper, ok = SplitRange(strings.TrimSpace(rangeSpec))
		if !ok || strings.Contains(upper, ":") {
			return nil, errorf(ErrRange, "History range requires [start]:[end], [start]:, or :[end]")
		}
	}
	if lower == "" {
		lower = "base"
	}
	if upper == "" {
		upper = "heads"
	}
	var rows []int32
	if lower == "current" || upper == "current" {
		var err error
		if rows, err = g.rows(current); err != nil {
			return nil, err
		}
		if upper == "current" && len(rows) == 0 {
			return nil, nil
		}
	}
	order, err := g.history(q, lower, upper, rows)
	if err != nil {
		var mh *MultipleHeadsError
		if errors.As(err, &mh) {
			return nil, &MultipleHeadsError{Argument: upper, Heads: mh.Heads}
		}
		var ov *planError
		if errors.As(err, &ov) && ov.kind == errNotAncestor {
			return nil, errorf(ErrRange, "Requested range %s:%s does not refer to ancestor/descendant revisions along the same branch", lower, upper)
		}
		return nil, err
	}
	return g.list(order), nil
}

var errNotAncestor = errors.New("not an ancestor")

// history mirrors Alembic's iterate_revisions(upper, lower, inclusive=True,
// implicit_base=False, assert_relative_length=False).
func (g *Graph) history(q *query, lower, upper string, rows []int32) ([]int32, error) {
	var cur []string // what Alembic passes as "current revisions" for upper
	if lower == "current" {
		cur = g.ids(rows)
	} else {
		cur = []string{lower}
	}
	var targets []int32
	var err error
	if upper == "current" {
		targets = slices.Clone(rows)
	} else if targets, err = g.parseUpgradeTarget(q, cur, upper, false); err != nil {
		return nil, err
	}
	// "branch@…" as lower bound keeps the targets on that branch.
	if lower != "current" {
		if b, _, ok := strings.Cut(lower, "@"); ok && b != "" {
			if targets, err = g.targetsOnBranch(q, targets, b); err != nil {
				return nil, err
			}
		}
	}
	required, err := g.ancestorsChecked(q, targets, &g.areach, true)
	if err != nil {
		return nil, err
	}
	var low []int32
	switch t, rel := parseRelative(lower); {
	case lower == "current":
		low = rows
	case rel && t.sym == "" && t.n < 0:
		low, err = g.getRevisions(q, lower)
		if errors.Is(err, ErrRelative) {
			// Walked off the graph: clamp, relative to the upper end.
			var r int32
			_, r, _, err = g.parseDowngradeTarget(q, g.ids(targets), targets, lower, false)
			low = nil
			if err == nil && !isBase(r) {
				low = []int32{r}
			}
		}
	case rel:
		low, err = g.resolveSymbol(q, lower, false)
	default:
		low, err = g.getRevisions(q, lower)
	}
	if err != nil {
		return nil, err
	}
	for _, l := range low {
		if !required[l] {
			return nil, &planError{kind: errNotAncestor, msg: "Revision " + g.revs[l].ID + " is not an ancestor of revision " + upper}
		}
	}
	have, err := g.ancestorsChecked(q, low, &g.areach, true)
	if err != nil {
		return nil, err
	}
	var needs []int32
	inNeeds := make([]bool, len(g.nodes))
	for i, r := range required {
		if r && !have[i] {
			inNeeds[i] = true
		}
	}
	for _, l := range low {
		inNeeds[l] = true
	}
	if len(low) > 0 {
		desc, err := g.descendantsChecked(low)
		if err != nil {
			return nil, err
		}
		for i := range inNeeds {
			inNeeds[i] = inNeeds[i] && desc[i]
		}
	}
	for i, in := range inNeeds {
		if in {
			needs = append(needs, int32(i))
		}
	}
	convex := len(low) == 0 || !g.hasDeps()
	return g.toposort(q, needs, targets, convex), nil
}

func (g *Graph) hasDeps() bool {
	for i := range g.nodes {
		if len(g.nodes[i].deps) > 0 {
			return true
		}
	}
	return false
}

// targetsOnBranch keeps targets carrying label b; when b names a revision
// rather than a label, its single label stands in (or, lacking exactly one,
// its lineage).
func (g *Graph) targetsOnBranch(q *query, targets []int32, b string) ([]int32, error) {
	r, err := g.getRevision(q, b)
	if err != nil {
		return nil, err
	}
	label := b
	if !isBase(r) && g.revs[r].ID == b {
		if ls := g.nodes[r].labels; len(ls) == 1 {
			label = ls[0]
		} else {
			var out []int32
			for _, t := range targets {
				if q.sharesLineage(&g.vreach, t, r) {
					out = append(out, t)
				}
			}
			return out, nil
		}
	}
	var out []int32
	for _, t := range targets {
		if slices.Contains(g.nodes[t].labels, label) {
			out = append(out, t)
		}
	}
	return out, nil
}
