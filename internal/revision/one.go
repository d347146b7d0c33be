package revision

import "fmt"

// PlanDowngradeOne plans undoing revision id alone: `retort test`'s step
// down in the stairway, where a target ("-1", a parent) could take sibling
// branches down with it. id must be applied (an ancestor of a row) with no
// applied revision above it, which makes it a version row.
func (g *Graph) PlanDowngradeOne(current []string, id string) (*Plan, error) {
	r, ok := g.idx(id)
	if !ok {
		return nil, fmt.Errorf("downgrade %s: no such revision", id)
	}
	rows, err := g.rows(current)
	if err != nil {
		return nil, err
	}
	q := g.newQuery()
	active, err := g.ancestorsChecked(q, rows, &g.areach, false)
	if err != nil {
		return nil, err
	}
	for _, c := range g.nodes[r].allChildren {
		if active[c] {
			return nil, fmt.Errorf("downgrade %s alone: revision %s above it is applied", id, g.revs[c].ID)
		}
	}
	st := g.newRowState(q, rows)
	ch, err := st.downgrade(nil, r)
	if err != nil {
		return nil, err
	}
	step := Step{Direction: Down, Revision: g.revs[r], From: []string{id}, Changes: ch}
	for _, pr := range g.nodes[r].parents {
		step.To = append(step.To, g.revs[pr].ID)
	}
	return &Plan{Direction: Down, Before: append([]string(nil), current...), Steps: []Step{step}, After: st.sorted()}, nil
}
