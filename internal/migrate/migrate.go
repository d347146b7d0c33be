// Package migrate runs a revision plan: online against a connection that
// holds the migration lock (transaction policy, version rows after every
// step, history rows, progress events, recovery data for steps that cannot
// roll back), or offline into a SQL script for the database's own client.
//
// It imports internal/revision (the plan), internal/script (the files a plan
// runs), internal/dialect (locking, transactional facts, offline framing)
// and internal/versiontable (the bookkeeping SQL); internal/archtest also
// allows internal/config. It must not import the façade, the CLI, models,
// diff or autogen.
package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/versiontable"
)

// Execer is what a Go revision runs its SQL through: the run's pinned
// connection, inside the step's transaction unless the revision is
// no-transaction.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Unit is what one step runs.
type Unit struct {
	Path          string // file, for messages ("" for Go revisions)
	Statements    []script.Statement
	NoTransaction bool
	Checksum      string                                     // of what ran; "" for Go revisions
	Go            func(ctx context.Context, ex Execer) error // a Go revision's function (Statements unused)
}

// count is the number of units of work for progress purposes.
func (u *Unit) count() int {
	if u.Go != nil {
		return 1
	}
	return len(u.Statements)
}

// Loader returns the unit for a step; nil for stamp steps.
type Loader func(step revision.Step) (*Unit, error)

// EventKind says what happened.
type EventKind int

// Event kinds.
const (
	StepStart EventKind = iota
	StepDone
	Warning
	Info
)

// Event is one progress report.
type Event struct {
	Kind     EventKind
	Text     string
	Step     int
	Total    int
	Revision string
	Duration time.Duration
}

// StepResult is one finished step.
type StepResult struct {
	Step       revision.Step
	Text       string // Alembic's log text without "Running "
	Statements int
	Duration   time.Duration
}

// Runner runs plans.
type Runner struct {
	Dialect      dialect.Dialect
	Tables       *versiontable.Tables
	Load         Loader
	PerMigration bool // one transaction per revision instead of one per run
	Purge        bool // delete every version row before the first step (stamp --purge)
	Events       func(Event)
	AppliedBy    string
	Version      string // retort version, recorded in history
	Tag          string
	// EnsureTables, when set, creates the version and history tables. The
	// runner calls it inside its first transaction, so that on a
	// transactional dialect a run that never commits (killed, failed)
	// leaves the database exactly as it was; or on the bare connection
	// before anything that commits on its own.
	EnsureTables func(ctx context.Context, conn *sql.Conn) error
	// Held, when set, says whether the migration lock is still held (a
	// lease can lapse: dialect.LockOptions.Held). The runner asks where a
	// write becomes visible to others: before each COMMIT, before each
	// step that runs outside a transaction and each of its statements.
	// Inside an open transaction nothing is visible until its COMMIT, so
	// a step there is preceded by a check only when HeldEvery has passed
	// since the last one (to stop a long transaction early). The runner
	// stops with the check's error.
	Held func(ctx context.Context) error
	// HeldEvery is how often Held is asked between the steps of one
	// transaction; 0 means DefaultHeldEvery.
	HeldEvery time.Duration
}

// DefaultHeldEvery is Runner.HeldEvery when none is given.
const DefaultHeldEvery = time.Second

func (r *Runner) emit(e Event) {
	if r.Events != nil {
		r.Events(e)
	}
}

// DirectionName is the word Alembic uses for a direction in history rows.
func DirectionName(d revision.Direction) string {
	switch d {
	case revision.Up:
		return "upgrade"
	case revision.Down:
		return "downgrade"
	default:
		return "stamp"
	}
}

// StepHead is Alembic's "-- Running" comment text for a step, without the
// message: "upgrade a -> b", "stamp_revision  -> b".
func StepHead(s revision.Step) string {
	fn := DirectionName(s.Direction)
	if s.Direction == revision.StampDir {
		fn = "stamp_revision"
	}
	return fn + " " + strings.Join(s.From, ", ") + " -> " + strings.Join(s.To, ", ")
}

// StepText is Alembic's log text for a step without "Running ".
func StepText(s revision.Step) string {
	if t := s.String(); t != "" {
		return t
	}
	t := StepHead(s)
	if s.Direction != revision.StampDir && s.Revision != nil && s.Revision.Message != "" {
		t += ", " + s.Revision.Message
	}
	return t
}

func stepRevID(s revision.Step) string {
	if s.Revision != nil {
		return s.Revision.ID
	}
	return strings.Join(s.To, ",")
}

// Changes converts a step's row changes to version-table changes.
func Changes(s revision.Step) []versiontable.Change {
	cs := make([]versiontable.Change, len(s.Changes))
	for i, c := range s.Changes {
		var op versiontable.Op
		switch c.Op {
		case revision.Insert:
			op = versiontable.Insert
		case revision.Update:
			op = versiontable.Update
		default:
			op = versiontable.Delete
		}
		cs[i] = versiontable.Change{Op: op, From: c.From, To: c.To}
	}
	return cs
}

// StmtError is a statement that failed: which revision, where in which
// file, the statement and the server's message.
type StmtError struct {
	Revision string
	Path     string
	Line     int
	SQL      string
	Err      error
}

func (e *StmtError) Error() string {
	where := e.Path
	if where == "" {
		where = "(Go revision)"
	} else if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	s := fmt.Sprintf("revision %s failed at %s: %v", e.Revision, where, e.Err)
	if e.SQL != "" {
		s += "\nstatement:\n    " + strings.ReplaceAll(strings.TrimSpace(e.SQL), "\n", "\n    ")
	}
	return s
}

func (e *StmtError) Unwrap() error { return e.Err }

// ErrPartial is wrapped by PartialError: a step that cannot roll back
// stopped part-way and needs an operator's decision.
var ErrPartial = errors.New("step failed part-way")

// PartialError describes a non-transactional step (MySQL/MariaDB DDL, or a
// no-transaction section) that stopped part-way: some statements ran and
// stay committed.
type PartialError struct {
	Revision    string
	Direction   string
	Path        string
	Line        int    // line of the statement that failed or was running (0 = unknown)
	Statement   int    // 1-based index of that statement
	Total       int    // statements in the section
	SQL         string // that statement
	Err         error  // the server's message
	Interrupted bool   // the run died while the statement was running (no error seen)
	Recorded    bool   // the history table holds it, so the next run refuses until resolved
}

func (e *PartialError) Error() string {
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	var b strings.Builder
	if e.Interrupted {
		fmt.Fprintf(&b, "revision %s (%s) was interrupted part-way at %s (statement %d of %d was running)",
			e.Revision, e.Direction, where, e.Statement, e.Total)
	} else {
		fmt.Fprintf(&b, "revision %s (%s) failed part-way at %s (statement %d of %d): %v",
			e.Revision, e.Direction, where, e.Statement, e.Total, e.Err)
	}
	switch done := e.Statement - 1; {
	case done == 1:
		b.WriteString("; statement 1 ran and stays committed")
	case done > 1:
		fmt.Fprintf(&b, "; statements 1-%d ran and stay committed", done)
	default:
		b.WriteString("; no earlier statement of it ran")
	}
	if e.Statement > e.Total {
		b.Reset()
		fmt.Fprintf(&b, "revision %s (%s) ran all %d statements but its version row was not recorded: %v",
			e.Revision, e.Direction, e.Total, e.Err)
	}
	fmt.Fprintf(&b, "; inspect the database, then run `retort resolve %s --applied` (finish it by hand and record it as done) "+
		"or `retort resolve %s --rolled-back` (after undoing what ran)", e.Revision, e.Revision)
	if e.SQL != "" && !e.Interrupted {
		b.WriteString("\nstatement:\n    " + strings.ReplaceAll(strings.TrimSpace(e.SQL), "\n", "\n    "))
	}
	return b.String()
}

func (e *PartialError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrPartial, e.Err}
	}
	return []error{ErrPartial}
}

// FromEntry rebuilds the PartialError an unresolved history row stands for.
func FromEntry(e *versiontable.Entry) *PartialError {
	p := &PartialError{Revision: e.Revision, Direction: e.Direction, Path: e.Path, Line: e.FailedLine,
		Statement: e.Executed + 1, Total: e.Statements, SQL: e.FailedSQL, Recorded: true}
	if e.Status == versiontable.StatusRunning {
		p.Interrupted = true
	} else {
		p.Err = errors.New(e.Error)
	}
	return p
}
