package cli

import (
	"strings"

	"github.com/retortdb/retort/internal/revision"
)

// lineOpts selects the parts of Alembic's short revision line
// (Script._head_only): which are shown depends on the command.
type lineOpts struct {
	branches bool // " (label, label)"
	doc      bool // ", message"
	parents  bool // "<parents> -> " in front
	tree     bool // " (branchpoint)", " (mergepoint)"
	current  bool // " (current)"
}

// shortLine renders r the way Alembic's cmd_format(verbose=False) does.
func shortLine(g *revision.Graph, r *revision.Revision, o lineOpts) string {
	var b strings.Builder
	if o.parents {
		b.WriteString(formatParents(r.Parents))
		if len(r.DependsOn) > 0 {
			b.WriteString(" (" + strings.Join(r.DependsOn, ", ") + ")")
		}
		b.WriteString(" -> ")
	}
	b.WriteString(r.ID)
	if o.branches {
		if labels := g.Labels(r.ID); len(labels) > 0 {
			b.WriteString(" (" + strings.Join(labels, ", ") + ")")
		}
	}
	if g.IsRealHead(r.ID) {
		b.WriteString(" (head)")
	}
	if g.IsEffectiveHead(r.ID) {
		b.WriteString(" (effective head)")
	}
	if o.current {
		b.WriteString(" (current)")
	}
	if o.tree {
		if g.IsBranchPoint(r.ID) {
			b.WriteString(" (branchpoint)")
		}
		if g.IsMergePoint(r.ID) {
			b.WriteString(" (mergepoint)")
		}
	}
	if o.doc {
		b.WriteString(", " + r.Message)
	}
	return b.String()
}

// formatParents is Alembic's _format_down_revision: "<base>" for a root.
func formatParents(parents []string) string {
	if len(parents) == 0 {
		return "<base>"
	}
	return strings.Join(parents, ", ")
}
