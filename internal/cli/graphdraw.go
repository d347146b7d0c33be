package cli

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/revision"
)

// drawHistory renders revs (newest first, children before parents) as text
// lanes the way `git log --graph` does: "*" marks a revision, "|" a lane
// waiting for an older revision, "\" a merge point opening lanes for its
// other parents, "/" lanes joining at a branch point (or shifting left when
// a lane ends). Dependencies (depends_on) are not drawn as lanes; the line
// text shows them.
func drawHistory(g *revision.Graph, revs []*revision.Revision, current map[string]bool) []string {
	nodes := make([]drawNode, len(revs))
	for i, r := range revs {
		nodes[i] = drawNode{
			id:      r.ID,
			parents: r.Parents,
			text: shortLine(g, r, lineOpts{
				branches: true, tree: true, doc: true, current: current[r.ID],
			}) + depsSuffix(r),
		}
	}
	return drawLanes(nodes)
}

func depsSuffix(r *revision.Revision) string {
	if len(r.DependsOn) == 0 {
		return ""
	}
	return " (depends on " + strings.Join(r.DependsOn, ", ") + ")"
}

// drawNode is one row of the drawing.
type drawNode struct {
	id      string
	parents []string
	text    string
}

// drawLanes lays nodes (children before parents) out in lanes. Parents that
// are not among nodes (outside a -r range) do not get a lane.
func drawLanes(nodes []drawNode) []string {
	shown := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		shown[n.id] = true
	}
	var out []string
	var lanes []string // lanes[i] = id the lane waits for
	for _, n := range nodes {
		col := slices.Index(lanes, n.id)
		if col < 0 {
			lanes = append(lanes, n.id)
			col = len(lanes) - 1
		}
		// Other lanes waiting for n (n is a branch point) join its lane,
		// rightmost first, each into the nearest lane on its left that also
		// waits for n, one line each.
		for j := lastIndexOf(lanes, n.id); j > col; j = lastIndexOf(lanes, n.id) {
			into := lastIndexOf(lanes[:j], n.id)
			out = append(out, joinLine(len(lanes), into, j))
			lanes = append(lanes[:j], lanes[j+1:]...)
		}
		out = append(out, strings.TrimRight(nodeLine(len(lanes), col)+" "+n.text, " "))

		var parents []string
		for _, p := range n.parents {
			if shown[p] {
				parents = append(parents, p)
			}
		}
		switch len(parents) {
		case 0:
			// The lane ends; lanes to its right shift left.
			if col < len(lanes)-1 {
				out = append(out, endLine(len(lanes), col))
			}
			lanes = append(lanes[:col], lanes[col+1:]...)
		case 1:
			lanes[col] = parents[0]
		default:
			extra := parents[1:]
			out = append(out, mergeLine(len(lanes), col, len(extra)))
			rest := append([]string{}, lanes[col+1:]...)
			lanes = append(append(lanes[:col:col], parents...), rest...)
		}
	}
	return out
}

// canvas is one drawing line: lane k sits at column 2k, the gaps between
// lanes carry the diagonals.
type canvas []byte

func newCanvas(width int) canvas {
	c := make(canvas, width)
	for i := range c {
		c[i] = ' '
	}
	return c
}

func (c canvas) set(i int, b byte) canvas {
	for len(c) <= i {
		c = append(c, ' ')
	}
	c[i] = b
	return c
}

func (c canvas) String() string { return strings.TrimRight(string(c), " ") }

// nodeLine: "|" for every lane, "*" at col.
func nodeLine(n, col int) string {
	c := newCanvas(2*n - 1)
	for k := 0; k < n; k++ {
		c[2*k] = '|'
	}
	c[2*col] = '*'
	return string(c)
}

// joinLine draws lane j joining lane col (col < j): "|/" when adjacent,
// "|_|/" across lanes in between; lanes right of j shift left.
func joinLine(n, col, j int) string {
	c := newCanvas(2*n - 1)
	for k := 0; k < j; k++ {
		c[2*k] = '|'
	}
	for k := col; k < j-1; k++ {
		c[2*k+1] = '_'
	}
	c[2*j-1] = '/'
	for k := j + 1; k < n; k++ {
		c[2*k-1] = '/'
	}
	return c.String()
}

// endLine draws lanes right of col shifting left after lane col ended.
func endLine(n, col int) string {
	c := newCanvas(2*n - 1)
	for k := 0; k < col; k++ {
		c[2*k] = '|'
	}
	for k := col + 1; k < n; k++ {
		c[2*k-1] = '/'
	}
	return c.String()
}

// mergeLine opens extra lanes right of col for a merge point's other parents;
// lanes further right shift right.
func mergeLine(n, col, extra int) string {
	c := newCanvas(2*(n+extra) - 1)
	for k := 0; k <= col; k++ {
		c[2*k] = '|'
	}
	for i := 1; i <= extra; i++ {
		c = c.set(2*(col+i)-1, '\\')
	}
	for k := col + 1; k < n; k++ {
		c = c.set(2*(k+extra)-1, '\\')
	}
	return c.String()
}

func lastIndexOf(s []string, v string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == v {
			return i
		}
	}
	return -1
}
