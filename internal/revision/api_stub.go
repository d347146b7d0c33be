package revision

// THIS FILE IS A CONTRACT STUB. The revision-package owner replaces every body
// (and may move the functions to other files) but keeps these signatures.

import "errors"

var errTODO = errors.New("revision: not implemented yet")

// Graph is an immutable, validated revision graph.
type Graph struct {
	revs []*Revision
}

// New validates revs (given in load order: sorted file names per version
// location) and builds the graph. Errors: duplicate id (naming both paths),
// missing parent or dependency, cycle (listing it), self-loop, illegal
// characters in an id, a branch label used twice.
func New(revs []*Revision) (*Graph, error) { return &Graph{revs: revs}, errTODO }

// Revisions returns every revision in load order.
func (g *Graph) Revisions() []*Revision { return g.revs }

// Get returns the revision with exactly this id, or nil.
func (g *Graph) Get(id string) *Revision { return nil }

// Heads returns all heads by down_revision (real and effective), load order.
func (g *Graph) Heads() []*Revision { return nil }

// RealHeads returns heads that nothing depends on: what the `heads` symbol means.
func (g *Graph) RealHeads() []*Revision { return nil }

// Bases returns revisions with no parents, load order.
func (g *Graph) Bases() []*Revision { return nil }

// BranchPoints returns revisions with more than one child, load order.
func (g *Graph) BranchPoints() []*Revision { return nil }

// Children returns the versioned children of id, load order.
func (g *Graph) Children(id string) []*Revision { return nil }

// Dependents returns revisions whose depends_on resolves to id.
func (g *Graph) Dependents(id string) []*Revision { return nil }

// Dependencies returns the resolved depends_on revisions of id.
func (g *Graph) Dependencies(id string) []*Revision { return nil }

// IsHead reports a head by down_revision only (Alembic's verbose "(head)").
func (g *Graph) IsHead(id string) bool { return false }

// IsRealHead: head and nothing depends on it.
func (g *Graph) IsRealHead(id string) bool { return false }

// IsEffectiveHead: head by down_revision but something depends on it.
func (g *Graph) IsEffectiveHead(id string) bool { return false }

// IsBranchPoint: more than one versioned child.
func (g *Graph) IsBranchPoint(id string) bool { return false }

// IsMergePoint: more than one parent.
func (g *Graph) IsMergePoint(id string) bool { return false }

// Labels returns the branch labels that apply to id after Alembic's propagation
// (its own, descendants', and ancestors' back to the previous branch/merge point).
func (g *Graph) Labels(id string) []string { return nil }

// Resolve resolves one target symbol (no ranges) to revisions with Alembic's
// get_revisions semantics: "base"/"" → empty; heads; head (error if several);
// ids; unique prefixes of ids and labels; labels; label@head|heads|base|id;
// relative ±N forms. Errors list candidates for an ambiguous prefix.
func (g *Graph) Resolve(symbol string) ([]*Revision, error) { return nil, errTODO }

// CurrentHeads returns the revisions to show for `current`: the given version
// rows plus effective heads implied by their dependencies, load order.
func (g *Graph) CurrentHeads(rows []string) ([]*Revision, error) { return nil, errTODO }

// History returns revisions newest first for `history -r START:END` (rangeSpec
// may be "" for everything). current holds the version rows, needed only when
// the range names "current".
func (g *Graph) History(rangeSpec string, current []string) ([]*Revision, error) {
	return nil, errTODO
}

// PlanUpgrade plans `upgrade target` from the version rows current.
func (g *Graph) PlanUpgrade(current []string, target string) (*Plan, error) { return nil, errTODO }

// PlanDowngrade plans `downgrade target` from the version rows current (in the
// order the database returned them: `downgrade -1` with several rows uses the
// first, with a warning).
func (g *Graph) PlanDowngrade(current []string, target string) (*Plan, error) {
	return nil, errTODO
}

// PlanStamp plans `stamp targets…` from the rows current; purge starts from no rows.
func (g *Graph) PlanStamp(current []string, targets []string, purge bool) (*Plan, error) {
	return nil, errTODO
}

// SplitRange splits "start:end" (either side may be empty). ok is false when
// s holds no ':'.
func SplitRange(s string) (start, end string, ok bool) { return "", "", false }

// ValidateID reports an error if id is empty or contains any of "@-+:" or
// whitespace: "Character(s) '-' not allowed in revision identifier 'ab-cd'".
func ValidateID(id string) error { return errTODO }

// Line formats of reference §1.3 (exact Alembic text). `current` marks ids that
// are version rows (for " (current)").

// HistoryLine: "<parents> -> <rev>[ (labels)][ (head)][ (effective head)][ (current)][ (branchpoint)][ (mergepoint)], <message>".
func (g *Graph) HistoryLine(r *Revision, current bool) string { return "" }

// HeadsLine: "<rev>[ (labels)][ (head)|(effective head)]".
func (g *Graph) HeadsLine(r *Revision) string { return "" }

// CurrentLine: "<rev>[ (head)|(effective head)][ (branchpoint)][ (mergepoint)]".
func (g *Graph) CurrentLine(r *Revision) string { return "" }

// VerboseBlock: the "Rev: …" block used by -v and show; path is printed as given.
func (g *Graph) VerboseBlock(r *Revision, current bool) string { return "" }

// String renders Alembic's log text for a step without the "Running " prefix:
// "upgrade a -> b, message", "downgrade b -> a, message", "stamp_revision  -> b".
func (s Step) String() string { return "" }
