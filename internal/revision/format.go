package revision

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Line formats of reference §1.3 (exact Alembic text). `current` marks ids that
// are version rows (for " (current)"). Each function returns exactly what
// Alembic hands to its print function: write it followed by one newline
// (fmt.Fprintln) to reproduce Alembic's output byte for byte. Branch labels,
// which Alembic prints in hash order, are sorted.

func (g *Graph) nodeOf(r *Revision) *node {
	if r == nil {
		return nil
	}
	if i, ok := g.byID[r.ID]; ok && g.revs[i] == r {
		return &g.nodes[i]
	}
	if i, ok := g.byID[r.ID]; ok {
		return &g.nodes[i]
	}
	return nil
}

type lineOpts struct {
	parents, labels, headMarks, current, tree, doc bool
}

func (g *Graph) line(r *Revision, o lineOpts) string {
	n := g.nodeOf(r)
	var b strings.Builder
	b.Grow(64 + len(r.ID)*3 + len(r.Message))
	if o.parents {
		b.WriteString(formatParents(r))
		if len(r.DependsOn) > 0 {
			b.WriteString(" (" + strings.Join(r.DependsOn, ", ") + ")")
		}
		b.WriteString(" -> ")
	}
	b.WriteString(r.ID)
	var labels []string
	if n != nil {
		labels = n.labels
	} else {
		labels = r.BranchLabels
	}
	if o.labels && len(labels) > 0 {
		b.WriteString(" (" + strings.Join(labels, ", ") + ")")
	}
	if o.headMarks && n != nil {
		if len(n.allChildren) == 0 {
			b.WriteString(" (head)")
		} else if len(n.children) == 0 {
			b.WriteString(" (effective head)")
		}
	}
	if o.current {
		b.WriteString(" (current)")
	}
	if o.tree {
		if n != nil && len(n.children) > 1 {
			b.WriteString(" (branchpoint)")
		}
		if len(r.Parents) > 1 {
			b.WriteString(" (mergepoint)")
		}
	}
	if o.doc {
		b.WriteString(", " + r.Message)
	}
	return b.String()
}

func formatParents(r *Revision) string {
	if len(r.Parents) == 0 {
		return "<base>"
	}
	return strings.Join(r.Parents, ", ")
}

// HistoryLine: "<parents> -> <rev>[ (labels)][ (head)][ (effective head)][ (current)][ (branchpoint)][ (mergepoint)], <message>".
func (g *Graph) HistoryLine(r *Revision, current bool) string {
	return g.line(r, lineOpts{parents: true, labels: true, headMarks: true, current: current, tree: true, doc: true})
}

// HeadsLine: "<rev>[ (labels)][ (head)|(effective head)]".
func (g *Graph) HeadsLine(r *Revision) string {
	return g.line(r, lineOpts{labels: true, headMarks: true})
}

// CurrentLine: "<rev>[ (head)|(effective head)][ (branchpoint)][ (mergepoint)]".
func (g *Graph) CurrentLine(r *Revision) string {
	return g.line(r, lineOpts{headMarks: true, tree: true})
}

// VerboseBlock: the "Rev: …" block used by -v and show; path is printed as given.
// The text ends with a newline after the docstring; printing it with
// Fprintln adds the blank line that separates blocks, as in Alembic.
func (g *Graph) VerboseBlock(r *Revision, current bool) string {
	n := g.nodeOf(r)
	var b strings.Builder
	b.WriteString("Rev: " + r.ID)
	if n != nil && len(n.children) == 0 {
		b.WriteString(" (head)")
	}
	if n != nil && len(n.children) > 1 {
		b.WriteString(" (branchpoint)")
	}
	if len(r.Parents) > 1 {
		b.WriteString(" (mergepoint)")
	}
	if current {
		b.WriteString(" (current)")
	}
	b.WriteString("\n")
	if len(r.Parents) > 1 {
		b.WriteString("Merges: " + formatParents(r) + "\n")
	} else {
		b.WriteString("Parent: " + formatParents(r) + "\n")
	}
	if len(r.DependsOn) > 0 {
		b.WriteString("Also depends on: " + strings.Join(r.DependsOn, ", ") + "\n")
	}
	if n != nil && len(n.children) > 1 {
		b.WriteString("Branches into: " + strings.Join(g.ids(n.children), ", ") + "\n")
	}
	labels := r.BranchLabels
	if n != nil {
		labels = n.labels
	}
	if len(labels) > 0 {
		b.WriteString("Branch names: " + strings.Join(labels, ", ") + "\n")
	}
	b.WriteString("Path: " + r.Path + "\n")
	b.WriteString("\n")
	doc := strings.TrimSpace(strings.ReplaceAll(r.Doc, "\r\n", "\n"))
	if doc != "" {
		for k, l := range strings.Split(doc, "\n") {
			if k > 0 {
				b.WriteString("\n")
			}
			b.WriteString("    " + l)
		}
	}
	b.WriteString("\n")
	return b.String()
}

// BranchesBlock renders one branch point for the `branches` command: its
// line (labels and markers; the verbose block when verbose), then one
// "<spaces> -> <child>" line per child (with the child's message when
// verbose), then a blank line once printed with Fprintln.
func (g *Graph) BranchesBlock(r *Revision, verbose bool) string {
	var b strings.Builder
	if verbose {
		b.WriteString(g.VerboseBlock(r, false))
	} else {
		b.WriteString(g.line(r, lineOpts{labels: true, headMarks: true, tree: true}))
	}
	b.WriteString("\n")
	pad := strings.Repeat(" ", utf8.RuneCountInString(r.ID))
	if n := g.nodeOf(r); n != nil {
		for k, c := range n.children {
			if k > 0 {
				b.WriteString("\n")
			}
			b.WriteString(pad + " -> " + g.line(g.revs[c], lineOpts{labels: true, headMarks: true, tree: true, doc: verbose}))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// String renders Alembic's log text for a step without the "Running " prefix:
// "upgrade a -> b, message", "downgrade b -> a, message", "stamp_revision  -> b".
func (s Step) String() string {
	name := "upgrade"
	switch s.Direction {
	case Down:
		name = "downgrade"
	case StampDir:
		name = "stamp_revision"
	}
	out := name + " " + strings.Join(s.From, ", ") + " -> " + strings.Join(s.To, ", ")
	if s.Direction != StampDir && s.Revision != nil && s.Revision.Message != "" {
		out += ", " + LogMessage(s.Revision.Message)
	}
	return out
}

// MaxLogMessage is how many characters of a revision's message a log line
// shows.
const MaxLogMessage = 80

// LogMessage is a revision message as one log line shows it: folded onto
// one line and cut to MaxLogMessage characters with "…". The file, the
// --json "message" and history keep it whole; a 10,000-character -m must not
// flood every log line and error.
func LogMessage(m string) string {
	if strings.ContainsAny(m, "\n\r\t\v\f") {
		m = strings.Join(strings.Fields(m), " ")
	}
	if utf8.RuneCountInString(m) <= MaxLogMessage {
		return m
	}
	r := []rune(m)
	return strings.TrimRight(string(r[:MaxLogMessage-1]), " ") + "…"
}

// String renders a row change compactly: "INSERT b", "UPDATE a->b", "DELETE a".
func (c RowChange) String() string {
	switch c.Op {
	case Insert:
		return "INSERT " + c.To
	case Update:
		return "UPDATE " + c.From + "->" + c.To
	case Delete:
		return "DELETE " + c.From
	}
	return fmt.Sprintf("RowOp(%d) %s->%s", c.Op, c.From, c.To)
}
