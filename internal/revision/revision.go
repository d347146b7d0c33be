// Package revision owns the revision graph: bases, heads, branch points, merge
// points, branch labels and depends_on; the target grammar (head, heads, base,
// ids and prefixes, labels, label@…, ±N, start:end); and plans for upgrade,
// downgrade and stamp (ordered steps plus version-table row changes).
//
// It is pure: no I/O, no database, no files. It must not import any other
// retort package.
package revision

// Revision is one node of the graph as read from a revision file header (or
// registered in Go). Fields hold what the file says, unresolved.
type Revision struct {
	ID           string
	Parents      []string // "Revises:" (down_revision); empty for a base; several for a merge point
	DependsOn    []string // "Depends On:" as written: ids, id prefixes or branch labels
	BranchLabels []string // "Branch Labels:"
	Message      string   // first paragraph of the header text (Alembic's `doc`)
	Doc          string   // whole header text block, lines joined with "\n" (Alembic's `longdoc`)
	Path         string   // file the revision came from ("" for Go revisions); used in messages and `Path:` lines
}

// Direction of a plan or step.
type Direction int

const (
	Up Direction = iota
	Down
	StampDir
)

// RowOp is one change to the version table (alembic_version).
type RowOp int

const (
	Insert RowOp = iota // INSERT To
	Update              // UPDATE From -> To
	Delete              // DELETE From
)

// RowChange is a single version-table DML statement, in execution order.
type RowChange struct {
	Op   RowOp
	From string // old version_num (Update, Delete)
	To   string // new version_num (Insert, Update)
}

// Step is one unit of a plan: run one revision's upgrade or downgrade (or, for
// stamp, only move rows), then apply Changes to the version table.
type Step struct {
	Direction Direction
	Revision  *Revision // the revision whose section runs; for stamp steps the target (may be nil for stamp to base)
	From      []string  // ids on the left of Alembic's log line "Running upgrade <From> -> <To>, msg"
	To        []string  // ids on the right
	Changes   []RowChange
}

// Plan is the ordered work a command will do.
type Plan struct {
	Direction Direction
	Steps     []Step
	Before    []string // version rows before (as given)
	After     []string // version rows after all steps, sorted
	Warnings  []string // e.g. "downgrade -1 from multiple heads is ambiguous; …"
}
