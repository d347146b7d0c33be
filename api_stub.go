// Package retort is the library façade: open a Migrator over a caller's
// *sql.DB and an fs.FS of revision files (embed.FS works), then Upgrade,
// Downgrade, Stamp, Current, Status… Results and events are returned, never
// printed.
package retort

// THIS FILE IS A CONTRACT STUB. The façade owner replaces every body (and may
// move things to other files) but keeps these names and signatures; adding is
// fine.

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"time"

	"github.com/retortdb/retort/internal/revision"
)

var errTODO = errors.New("retort: not implemented yet")

// Execer is what a Go revision gets: a *sql.Tx inside a transaction, or a
// *sql.Conn for no-transaction revisions.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// GoMigration is a revision written in Go (for data migrations). It joins the
// same graph as the SQL files.
type GoMigration struct {
	ID            string
	Parents       []string
	DependsOn     []string
	BranchLabels  []string
	Message       string
	Up, Down      func(ctx context.Context, db Execer) error
	NoTransaction bool
}

// Option configures Open.
type Option func(*options) error

type options struct{}

// WithDialect names the dialect: "postgres", "mysql" or "sqlite". Default:
// detected from the *sql.DB's driver. Required when db is nil (offline only).
func WithDialect(name string) Option { return func(*options) error { return nil } }

// WithVersionLocations sets the directories (in fsys) holding revision files.
// Default: "versions".
func WithVersionLocations(dirs ...string) Option { return func(*options) error { return nil } }

// WithRecursiveVersionLocations also reads subdirectories of the locations.
func WithRecursiveVersionLocations(on bool) Option { return func(*options) error { return nil } }

// WithVersionTable sets the version table's name (default "alembic_version")
// and schema ("" = default schema).
func WithVersionTable(name, schema string) Option { return func(*options) error { return nil } }

// WithHistoryTable sets the audit table's name (default "retort_history");
// "" switches the history table off.
func WithHistoryTable(name string) Option { return func(*options) error { return nil } }

// WithTransactionPerMigration runs each revision in its own transaction
// instead of one for the whole run.
func WithTransactionPerMigration(on bool) Option { return func(*options) error { return nil } }

// WithGoMigrations adds Go revisions to the graph.
func WithGoMigrations(ms ...GoMigration) Option { return func(*options) error { return nil } }

// WithEvents receives progress events (lock waits, step start/finish, warnings).
func WithEvents(fn func(Event)) Option { return func(*options) error { return nil } }

// WithLockTimeout bounds the wait for the migration lock (0 = wait forever).
func WithLockTimeout(d time.Duration) Option { return func(*options) error { return nil } }

// WithPathPrefix is prepended to revision paths in messages and `Path:` lines
// (the CLI passes the OS root it opened fsys at).
func WithPathPrefix(p string) Option { return func(*options) error { return nil } }

// EventKind says what happened.
type EventKind int

const (
	EventLockWait EventKind = iota // waiting for another run's lock
	EventLockAcquired
	EventStepStart // Text = Alembic's "Running upgrade a -> b, msg" text without "Running "
	EventStepDone  // Duration set
	EventWarning
	EventInfo
)

// Event is one progress report.
type Event struct {
	Kind     EventKind
	Text     string
	Step     int // 1-based step number in the run
	Total    int // steps in the run
	Revision string
	Duration time.Duration
}

// Migrator runs revisions against one database.
type Migrator struct{}

// Open builds a Migrator. db may be nil for offline (SQL) use with WithDialect.
// It loads and validates the revision graph (headers only).
func Open(ctx context.Context, db *sql.DB, fsys fs.FS, opts ...Option) (*Migrator, error) {
	return nil, errTODO
}

// Graph returns the validated revision graph.
func (m *Migrator) Graph() *revision.Graph { return nil }

// RunOption changes one run.
type RunOption func(*runOptions)

type runOptions struct{}

// DryRun computes and returns the plan without changing anything.
func DryRun() RunOption { return func(*runOptions) {} }

// SQLTo writes an offline script to w instead of touching the database; the
// target may be a "start:end" range.
func SQLTo(w io.Writer) RunOption { return func(*runOptions) {} }

// Tag passes an opaque tag (recorded in the history table).
func Tag(tag string) RunOption { return func(*runOptions) {} }

// StepResult is one executed (or planned) step.
type StepResult struct {
	Direction  string // "upgrade", "downgrade", "stamp"
	Revision   string
	From, To   []string
	Message    string
	Text       string // Alembic's log text without "Running "
	Statements int
	Duration   time.Duration
}

// Result is what a run did (or would do, with DryRun).
type Result struct {
	Steps    []StepResult
	Before   []string // version rows before
	After    []string // version rows after
	Warnings []string
	DryRun   bool
}

// Upgrade migrates up to target (reference §2 grammar).
func (m *Migrator) Upgrade(ctx context.Context, target string, opts ...RunOption) (*Result, error) {
	return nil, errTODO
}

// Downgrade migrates down to target.
func (m *Migrator) Downgrade(ctx context.Context, target string, opts ...RunOption) (*Result, error) {
	return nil, errTODO
}

// Stamp rewrites version rows to targets without running revisions.
func (m *Migrator) Stamp(ctx context.Context, targets []string, purge bool, opts ...RunOption) (*Result, error) {
	return nil, errTODO
}

// EnsureVersion creates the version table if missing.
func (m *Migrator) EnsureVersion(ctx context.Context, opts ...RunOption) error { return errTODO }

// Current returns the version rows in the order the database returns them.
// A missing version table means no rows.
func (m *Migrator) Current(ctx context.Context) ([]string, error) { return nil, errTODO }

// Status is the database's state against the graph.
type Status struct {
	Current []string    // version rows
	Pending []string    // revisions an `upgrade heads` would run, in order
	Unknown []string    // rows naming revisions that no file defines
	Edited  []EditedRev // applied revisions whose file changed since
	Failed  *FailedRun  // an unfinished non-transactional step (MySQL/MariaDB), if any
}

// EditedRev is an applied revision whose checksum differs from what ran.
type EditedRev struct {
	Revision, Path, Applied, Now string
}

// FailedRun describes a step that failed part-way where DDL cannot roll back.
type FailedRun struct {
	Revision   string
	Direction  string
	Path       string
	Executed   int // statements that ran before the failure
	Total      int
	Statement  string // the failing statement
	Line       int
	Error      string
	StartedAt  time.Time
}

// Status reports current rows, pending revisions, unknown rows, edited files
// and any failed run.
func (m *Migrator) Status(ctx context.Context) (*Status, error) { return nil, errTODO }

// HistoryEntry is one row of the history (audit) table.
type HistoryEntry struct {
	ID         int64
	Revision   string
	Direction  string
	Checksum   string
	StartedAt  time.Time
	FinishedAt time.Time
	Duration   time.Duration
	AppliedBy  string // user@host
	Version    string // retort version
	Success    bool
	Error      string
}

// Applied returns the history table, oldest first.
func (m *Migrator) Applied(ctx context.Context) ([]HistoryEntry, error) { return nil, errTODO }

// Rehash records the current checksum of applied revisions revs (all edited
// ones when empty), accepting their edits on purpose.
func (m *Migrator) Rehash(ctx context.Context, revs ...string) ([]string, error) { return nil, errTODO }

// Close releases what Open acquired (not the caller's *sql.DB).
func (m *Migrator) Close() error { return nil }
