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
type ResolveError struct {
	Symbol     string   // the argument that failed
	Detail     string   // what is wrong
	Candidates []string // matching ids for an ambiguous prefix, load order
}

func (e *ResolveError) Error() string {
	msg := fmt.Sprintf("Can't locate revision identified by '%s'", e.Symbol)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
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

// Errors with Alembic's exact (capitalised) text.
func errAmbiguousWalk() error { return &planError{kind: ErrAmbiguousWalk, msg: "Ambiguous walk"} }
func errWalkedTooFar() error  { return &planError{kind: ErrWalkedTooFar, msg: "Walked too far"} }
func errAmbiguousUpgrade() error {
	return &planError{kind: ErrAmbiguousUpgrade, msg: "Ambiguous upgrade from multiple current revisions"}
}
