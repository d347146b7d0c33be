// Package revision owns the revision graph: bases, heads, branch points, merge
// points, branch labels and depends_on; the target grammar (head, heads, base,
// ids and prefixes, labels, label@…, ±N, start:end); and plans for upgrade,
// downgrade and stamp (ordered steps plus version-table row changes).
//
// It is pure: no I/O, no database, no files. It must not import any other
// retort package, so that it is tested in memory and script can build on it.
//
// Semantics follow Alembic (script/revision.py and runtime/migration.py),
// including its step order: a differential test compares plans, history and
// heads output with Python Alembic on random graphs. Where Alembic crashes or
// corrupts its own state this package answers cleanly instead:
//
//   - New rejects duplicate ids, missing parents/dependencies and ids equal
//     to head/heads/base/current (Alembic warns, crashes or misbehaves);
//     every cycle is found, not only those Alembic's check sees.
//   - Relative walks past either end of the graph ("d+5" on upgrade, "a-1")
//     return ErrWalkedTooFar or resolve to base; "label@-N" with zero or
//     several current revisions on the branch is an error, not an assertion.
//   - Downgrading a merge whose parents are related never leaves a redundant
//     version row (Alembic does when other rows exist, and then rejects its
//     own table as overlapping).
//   - Stamps with several targets never fail on rows an earlier target
//     already moved; a history range whose members are unreachable from its
//     upper end is still listed.
//   - Resolve also accepts "+N", "sym+N" and "sym-N"; depends_on entries may
//     be unique id prefixes; ambiguous prefixes list every candidate.
//   - Where Alembic's order is a hash-set artefact (labels, children,
//     unmerge parents) it is fixed: sorted labels, load-order children, the
//     first parent keeps the row.
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
	// Replaces: the revisions a squash folded into this one, oldest first
	// ("Replaces:"); a version row naming the last of them means this one.
	Replaces []string `json:",omitempty"`
	Path     string   // file the revision came from ("" for Go revisions); used in messages and `Path:` lines
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
