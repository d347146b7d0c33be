package revision

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels callers branch on. Errors returned by this package wrap one of
// them (errors.Is) where the situation has a name; the message text follows
// Alembic's wording so users moving between the tools recognise it.
var (
	// ErrInvalidGraph is wrapped by every error New returns.
	ErrInvalidGraph = errors.New("invalid revision graph")
	// ErrDuplicateID: two files declare the same revision id.
	ErrDuplicateID = errors.New("duplicate revision id")
	// ErrMissingRevision: a parent or depends_on target does not exist.
	ErrMissingRevision = errors.New("missing revision")
	// ErrCycle: the graph has a cycle or self-loop (versioned or dependency).
	ErrCycle = errors.New("revision cycle")
	// ErrInvalidID: an id is empty, too long or holds a reserved
	// character, or a revision lists a parent, dependency or label twice.
	ErrInvalidID = errors.New("invalid revision identifier")
	// ErrDuplicateLabel: a branch label is declared twice (or equals an id).
	ErrDuplicateLabel = errors.New("duplicate branch label")

	// ErrNotFound: a symbol resolves to nothing, or a prefix is ambiguous
	// (see *ResolveError for the detail).
	ErrNotFound = errors.New("revision not found")
	// ErrUnknownRow: the version table holds an id no revision defines.
	ErrUnknownRow = errors.New("unknown revision in version table")
	// ErrMultipleHeads: "head" (or label@head) names more than one head.
	ErrMultipleHeads = errors.New("multiple heads")
	// ErrAmbiguousWalk: a relative walk met a branch point (up) or a merge
	// point (down) and cannot choose.
	ErrAmbiguousWalk = errors.New("ambiguous walk")
	// ErrWalkedTooFar: "sym+N"/"sym-N" went past the end of the graph.
	ErrWalkedTooFar = errors.New("walked too far")
	// ErrRelative: a bare relative target (+N/-N) cannot produce N steps.
	ErrRelative = errors.New("relative revision out of range")
	// ErrInvalidTarget: the destination is not reachable in the requested
	// direction from the current rows.
	ErrInvalidTarget = errors.New("invalid target")
	// ErrAmbiguousUpgrade: "+N" with several current rows.
	ErrAmbiguousUpgrade = errors.New("ambiguous upgrade")
	// ErrOverlap: requested revisions (or version rows) are ancestors of
	// one another.
	ErrOverlap = errors.New("overlapping revisions")
	// ErrRange: a malformed start:end range.
	ErrRange = errors.New("invalid revision range")
	// ErrBlankTarget: a target is empty or whitespace (see *BlankTargetError).
	ErrBlankTarget = errors.New("blank target")
)

// GraphError is a validation error from New. Kind is one of the graph
// sentinels (ErrDuplicateID, ErrMissingRevision, ErrCycle, ErrInvalidID,
// ErrDuplicateLabel); errors.Is also matches ErrInvalidGraph.
type GraphError struct {
	Kind      error
	Revisions []string // ids involved
	Msg       string
}

func (e *GraphError) Error() string { return e.Msg }

// Unwrap exposes both the kind and ErrInvalidGraph.
func (e *GraphError) Unwrap() []error { return []error{e.Kind, ErrInvalidGraph} }

// ResolveError reports a symbol that names no revision (Alembic's
// ResolutionError). Error() reads "Can't locate revision identified by 'x':
// <detail>"; Detail holds Alembic's raw text ("No such revision or branch
// 'x'", "Multiple revisions start with …", "No such branch: 'x'", "Revision b
// is not a member of branch 'e'").
//
// When the symbol names nothing, Error() ends with the nearest known names
// ("; did you mean head?"), found only when the message is asked for.
type ResolveError struct {
	Symbol     string   // the argument that failed
	Detail     string   // what is wrong
	Candidates []string // matching ids for an ambiguous prefix, load order

	suggest func() []string
}

func (e *ResolveError) Error() string {
	msg := fmt.Sprintf("Can't locate revision identified by '%s'", e.Symbol)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if s := e.Suggestions(); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return msg
}

// Suggestions returns the known names nearest to an unknown symbol (by edit
// distance over head, heads, base, branch labels and revision ids), or nil.
func (e *ResolveError) Suggestions() []string {
	if e.suggest == nil {
		return nil
	}
	return e.suggest()
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *ResolveError) Is(target error) bool { return target == ErrNotFound }

// UnknownRowError: the version table names a revision that no file defines.
type UnknownRowError struct {
	ID string
}

func (e *UnknownRowError) Error() string {
	return fmt.Sprintf("Can't locate revision identified by '%s': the version table holds '%s' but no revision file defines it; "+
		"restore the file, or reset the table with `retort stamp --purge <revision>`", e.ID, e.ID)
}

// Is makes errors.Is(err, ErrUnknownRow) and errors.Is(err, ErrNotFound) true.
func (e *UnknownRowError) Is(target error) bool {
	return target == ErrUnknownRow || target == ErrNotFound
}

// MultipleHeadsError: a symbol that must name one head names several.
type MultipleHeadsError struct {
	Argument string   // the symbol as given, e.g. "head" or "web@head"
	Heads    []string // the candidate heads, load order
	stamp    bool
}

func (e *MultipleHeadsError) Error() string {
	if e.stamp {
		return "Multiple heads are present; please specify a single target revision"
	}
	sym := e.Argument
	if i := strings.LastIndexByte(sym, '@'); i >= 0 {
		sym = sym[i+1:]
	}
	return fmt.Sprintf("Multiple head revisions are present for given argument '%s'; please specify a specific target revision, "+
		"'<branchname>@%s' to narrow to a specific head, or 'heads' for all heads", e.Argument, sym)
}

// Is makes errors.Is(err, ErrMultipleHeads) true.
func (e *MultipleHeadsError) Is(target error) bool { return target == ErrMultipleHeads }

// planError is an error with Alembic's exact text that also matches a sentinel.
type planError struct {
	kind error
	msg  string
}

func (e *planError) Error() string { return e.msg }
func (e *planError) Unwrap() error { return e.kind }

func errorf(kind error, format string, args ...any) error {
	return &planError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

func relativeErr(rel string, n int) error {
	if n < 0 {
		n = -n
	}
	return errorf(ErrRelative, "Relative revision %s didn't produce %d migrations", rel, n)
}

// ambiguousWalk is Alembic's "Ambiguous walk" with where it stopped and
// what to write instead: going up, a branch label picks the way
// (label@+N); going down from a merge point only a revision can, since a
// label's lineage holds both parents.
func (g *Graph) ambiguousWalk(from int32, cands []int32, up bool) error {
	ids := g.ids(cands)
	var b strings.Builder
	b.WriteString("Ambiguous walk: ")
	switch {
	case up && isBase(from):
		fmt.Fprintf(&b, "a step up from base has %d bases to choose from (%s)", len(ids), quoteList(ids, 5))
	case up:
		fmt.Fprintf(&b, "a step up from branch point %s has %d children to choose from (%s)", g.revs[from].ID, len(ids), quoteList(ids, 5))
	default:
		fmt.Fprintf(&b, "a step down from merge point %s has %d parents to choose from (%s)", g.revs[from].ID, len(ids), quoteList(ids, 5))
	}
	if up {
		for _, c := range cands {
			if ls := g.nodes[c].labels; len(ls) > 0 {
				fmt.Fprintf(&b, "; name the branch, e.g. %s@+1, or the revision to go to, e.g. %s", ls[0], g.revs[c].ID)
				return &planError{kind: ErrAmbiguousWalk, msg: b.String()}
			}
		}
	}
	fmt.Fprintf(&b, "; name the revision to go to instead, e.g. %s", ids[0])
	return &planError{kind: ErrAmbiguousWalk, msg: b.String()}
}

// wrongDirection refuses a bare relative target that points the other way
// from the command (upgrade -1, downgrade +1) or nowhere (±0), saying which
// command moves that way.
func wrongDirection(command string, t relTarget) error {
	lbl := ""
	if t.branch != "" {
		lbl = t.branch + "@"
	}
	if t.n == 0 {
		return errorf(ErrRelative, "Relative revision %s%s moves no step: %s takes %s%sN with N of 1 or more",
			lbl, t.rel, command, lbl, map[bool]string{true: "+", false: "-"}[command == "upgrade"])
	}
	head := fmt.Sprintf("Relative revision %s didn't produce %d migrations: ", t.rel, abs(t.n))
	want, dir, other, otherDir := "+N (N steps up)", "down", "downgrade", "-"
	if command == "downgrade" {
		want, dir, other, otherDir = "-N (N steps down)", "up", "upgrade", "+"
	}
	return errorf(ErrRelative, "%s%s takes %s%s, not %s%s; to go %s, run `retort %s %s%s%d`",
		head, command, lbl, want, lbl, t.rel, dir, other, lbl, otherDir, abs(t.n))
}

// Errors with Alembic's exact (capitalised) text.
func errWalkedTooFar() error { return &planError{kind: ErrWalkedTooFar, msg: "Walked too far"} }
func errAmbiguousUpgrade() error {
	return &planError{kind: ErrAmbiguousUpgrade, msg: "Ambiguous upgrade from multiple current revisions"}
}
