package retort

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/schema"
)

// Execer is what a Go revision gets: the run's connection, inside the
// step's transaction unless the revision is NoTransaction.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// GoMigration is a revision written in Go (for data migrations). It joins the
// same graph as the SQL files and runs under the same transaction policy.
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

type options struct {
	dialect       dialect.Dialect
	locations     []string
	osDirs        []string // WithVersionDirs: read from these OS directories instead of fsys
	recursive     bool
	headerCache   string // WithHeaderCache
	versionTable  string
	versionSchema string
	historyTable  string
	perMigration  bool
	goMigrations  []GoMigration
	events        func(Event)
	lockTimeout   time.Duration
	lockLease     time.Duration // WithLockLease; 0 = dialect.DefaultLease
	nodeLocalDDL  bool          // WithNodeLocalDDL
	scriptDir     string        // WithScriptLocation
	appliedBy     string
	tenantSchema  string // WithTenantSchema
	viewDefiner   string // WithViewDefiner
}

// WithDialect names the dialect: "postgres" (or "postgresql"), "mysql" (or
// "mariadb") or "sqlite" (or "sqlite3"). Default: detected from the
// *sql.DB's driver. Required when db is nil (offline only).
func WithDialect(name string) Option {
	return func(o *options) error {
		d, err := registry.Lookup(name)
		if err != nil {
			return err
		}
		o.dialect = d
		return nil
	}
}

// WithVersionLocations sets the directories (in fsys) holding revision files.
// Default: "versions".
func WithVersionLocations(dirs ...string) Option {
	return func(o *options) error {
		if len(dirs) == 0 {
			return fmt.Errorf("WithVersionLocations needs at least one directory")
		}
		o.locations = append([]string(nil), dirs...)
		return nil
	}
}

// WithVersionDirs reads revision files from these directories of the
// operating system instead of an fs.FS (Open's fsys may then be nil).
// Revision paths in messages are the files' absolute paths, and loading
// thousands of files takes fewer system calls than through os.DirFS. They
// are also where NewRevision writes (an fs.FS cannot be written to).
func WithVersionDirs(dirs ...string) Option {
	return func(o *options) error {
		if len(dirs) == 0 {
			return fmt.Errorf("WithVersionDirs needs at least one directory")
		}
		o.osDirs = append([]string(nil), dirs...)
		return nil
	}
}

// WithHeaderCache keeps the parsed headers of the revision files read
// from WithVersionDirs in dir between Opens ("" = none, the default): an
// unchanged file then costs one stat instead of a read and a parse. A
// file is known unchanged by its device, inode, size, mode and
// modification and change times, and one changed within a few seconds of
// a load is read again rather than trusted; the cache records the retort
// build it came from, and one that cannot be read, is damaged or is from
// another build is ignored and rewritten. Failing to write it makes the
// next Open only slower. The graph is the same with or without it. It
// works on Linux; elsewhere the option does nothing. The retort command
// keeps it under os.UserCacheDir()/retort/headers (docs/running.md).
func WithHeaderCache(dir string) Option {
	return func(o *options) error { o.headerCache = dir; return nil }
}

// WithRecursiveVersionLocations also reads subdirectories of the locations.
func WithRecursiveVersionLocations(on bool) Option {
	return func(o *options) error { o.recursive = on; return nil }
}

// WithVersionTable sets the version table's name (default "alembic_version")
// and schema ("" = default schema). The history table lives in the same
// schema.
func WithVersionTable(name, schema string) Option {
	return func(o *options) error {
		if name == "" {
			return fmt.Errorf("the version table needs a name")
		}
		o.versionTable, o.versionSchema = name, schema
		return nil
	}
}

// WithVersionSchema sets the version (and history) table's schema alone,
// keeping its name.
func WithVersionSchema(schema string) Option {
	return func(o *options) error { o.versionSchema = schema; return nil }
}

// WithTenantSchema makes schema the tenant this Migrator migrates, when
// each tenant of a database is a schema (PostgreSQL): the version and
// history tables live in it, and every connection taken from the *sql.DB
// must already resolve unqualified names to it (its search path, as
// SchemaDataSource sets it) or the operation is refused before it touches
// anything: a connection pooler that drops the search path must never send
// one tenant's revisions to another schema.
func WithTenantSchema(schema string) Option {
	return func(o *options) error {
		if schema == "" {
			return fmt.Errorf("WithTenantSchema needs a schema")
		}
		o.versionSchema, o.tenantSchema = schema, schema
		return nil
	}
}

// WithHistoryTable sets the audit table's name (default "retort_history");
// "" switches the history table off (and with it checksum checks and, on
// MySQL/MariaDB, the refusal to run after a step failed part-way).
func WithHistoryTable(name string) Option {
	return func(o *options) error { o.historyTable = name; return nil }
}

// WithTransactionPerMigration runs each revision in its own transaction
// instead of one for the whole run.
func WithTransactionPerMigration(on bool) Option {
	return func(o *options) error { o.perMigration = on; return nil }
}

// WithGoMigrations adds Go revisions to the graph.
func WithGoMigrations(ms ...GoMigration) Option {
	return func(o *options) error {
		for _, m := range ms {
			if m.ID == "" {
				return fmt.Errorf("a Go revision needs an ID")
			}
			if m.Up == nil {
				return fmt.Errorf("revision %s (Go) has no Up function", m.ID)
			}
		}
		o.goMigrations = append(o.goMigrations, ms...)
		return nil
	}
}

// WithEvents receives progress events (lock waits, step start/finish, warnings).
func WithEvents(fn func(Event)) Option {
	return func(o *options) error { o.events = fn; return nil }
}

// WithLockTimeout bounds the wait for the migration lock (0 = wait forever).
func WithLockTimeout(d time.Duration) Option {
	return func(o *options) error {
		if d < 0 {
			return fmt.Errorf("negative lock timeout %s", d)
		}
		o.lockTimeout = d
		return nil
	}
}

// WithLockLease sets how long a migration lock that lapses unless renewed
// lasts after each renewal: the lease row retort uses on a Galera cluster
// (docs/galera.md), renewed every third of it while the run lasts. Default
// 30s; at least one second. A run whose lease lapsed stops before its next
// write.
func WithLockLease(d time.Duration) Option {
	return func(o *options) error {
		if d != 0 && d < time.Second {
			return fmt.Errorf("lock lease %s is too short: give at least 1s", d)
		}
		o.lockLease = d
		return nil
	}
}

// WithNodeLocalDDL lets a run proceed where a cluster would apply its DDL
// on the connected node only (Galera with wsrep_OSU_method=RSU), which is
// refused otherwise: the version rows replicate to every node and would
// say all of them were migrated (docs/galera.md).
func WithNodeLocalDDL(allow bool) Option {
	return func(o *options) error { o.nodeLocalDDL = allow; return nil }
}

// WithScriptLocation names the folder holding the revision folders (the
// script location, where versions/ is). With WithVersionDirs, revision paths
// recorded in the history table and shown in messages about runs (failures,
// status, resolve, edited files) are relative to it, e.g.
// "versions/1f3a_add_users.sql"; without it they are the files' absolute
// paths. Paths of fsys are relative to fsys already.
func WithScriptLocation(dir string) Option {
	return func(o *options) error {
		if dir == "" {
			return fmt.Errorf("WithScriptLocation needs a directory")
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return fmt.Errorf("script location %s: %w", dir, err)
		}
		o.scriptDir = abs
		return nil
	}
}

// WithViewDefiner says how much of the DEFINER of MySQL/MariaDB views,
// triggers, routines and events Inspect, autogenerate and check compare:
// "user" (the default: a definer that differs only by the connecting host
// is not drift), "exact" (user and host, and new ones are created with that
// definer) or "ignore".
func WithViewDefiner(rule string) Option {
	return func(o *options) error {
		switch rule {
		case "", schema.ViewDefinerUser, schema.ViewDefinerExact, schema.ViewDefinerIgnore:
			o.viewDefiner = rule
			return nil
		}
		return fmt.Errorf("view definer rule %q: use %q, %q or %q", rule, schema.ViewDefinerUser, schema.ViewDefinerExact, schema.ViewDefinerIgnore)
	}
}

// WithAppliedBy sets who the history table records as applying steps
// (default: the OS user @ host name).
func WithAppliedBy(who string) Option {
	return func(o *options) error { o.appliedBy = who; return nil }
}

// EventKind says what happened.
type EventKind int

// Event kinds.
const (
	EventLockWait     EventKind = iota // waiting for another run's lock; Text names the holder
	EventLockAcquired                  // the lock is held
	EventStepStart                     // Text = Alembic's "Running upgrade a -> b, msg" text without "Running "
	EventStepDone                      // Duration set
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

// RunOption changes one run.
type RunOption func(*runOptions)

type runOptions struct {
	dryRun bool
	sqlTo  io.Writer
	tag    string
	purge  bool
}

// DryRun computes and returns the plan without changing anything (no lock
// is taken, the version table is not created).
func DryRun() RunOption { return func(r *runOptions) { r.dryRun = true } }

// SQLTo writes an offline script to w instead of touching the database; the
// target may be a "start:end" range.
func SQLTo(w io.Writer) RunOption { return func(r *runOptions) { r.sqlTo = w } }

// StampPurge makes Stamp delete every version row first, even rows naming
// revisions no file defines (`retort stamp --purge`). Only Stamp takes it,
// and not with SQLTo.
func StampPurge() RunOption { return func(r *runOptions) { r.purge = true } }

// Tag passes an opaque tag (recorded in the history table).
func Tag(tag string) RunOption { return func(r *runOptions) { r.tag = tag } }
