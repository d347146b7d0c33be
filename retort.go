// Package retort is the library façade: open a Migrator over a caller's
// *sql.DB and an fs.FS of revision files (embed.FS works), then Upgrade,
// Downgrade, Stamp, Current, Status…; read the graph (Heads, History,
// Revision), create revisions (NewRevision), inspect and diff schemas.
// Results and events are returned, never printed. The logic lives in the
// internal packages; this package only wires them (docs/library.md).
//
// It imports the packages it stands in front of: internal/config (URLs and
// options), internal/script and internal/revision (the graph from files),
// internal/dialect and its dialect packages (the database behind the
// *sql.DB), internal/versiontable (bookkeeping rows), internal/migrate
// (running a plan), internal/models, internal/autogen and schema
// (autogenerate; internal/diff is allowed too). It must not import
// internal/cli, cli, internal/term or internal/templates: the library prints
// nothing and knows no command line.
package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/versiontable"
)

const modulePath = "github.com/retortdb/retort"

// Version is the retort module version compiled into this binary ("devel"
// when unknown), as recorded in the history table.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if bi.Main.Path == modulePath && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == modulePath {
			return d.Version
		}
	}
	return "devel"
}

// Sentinel errors callers branch on.
var (
	// ErrNoDatabase: an online operation on a Migrator opened without a *sql.DB.
	ErrNoDatabase = errors.New("no database connection (opened for offline SQL only)")
	// ErrUnknownRevision: the version table names a revision no file defines.
	ErrUnknownRevision = errors.New("version table names an unknown revision")
	// ErrEdited: an applied revision's file changed since it ran.
	ErrEdited = errors.New("applied revision edited")
	// ErrPartial: a step that cannot roll back failed part-way (MySQL/MariaDB
	// DDL, no-transaction sections); Status().Failed describes the step.
	ErrPartial = migrate.ErrPartial
	// ErrLockTimeout: WithLockTimeout passed while another run held the lock.
	ErrLockTimeout = dialect.ErrLockTimeout
	// ErrNothingToResolve: Resolve found no failed step.
	ErrNothingToResolve = errors.New("no failed step to resolve")
	// ErrConnect: the database could not be reached.
	ErrConnect = errors.New("cannot reach the database")
	// ErrBlankTarget: a target (or revision argument) is empty or only
	// whitespace, wholly or around its '@' or ':'. It is never taken as
	// base; the message says which part is blank.
	ErrBlankTarget = revision.ErrBlankTarget
)

// Migrator runs revisions against one database.
type Migrator struct {
	db     *sql.DB
	d      dialect.Dialect
	o      options
	set    *script.Set
	graph  *revision.Graph
	goRevs map[string]*GoMigration
	tables *versiontable.Tables
}

// Open builds a Migrator. db may be nil for offline (SQL) use with WithDialect.
// It loads and validates the revision graph (headers only). fsys may be nil
// when every revision is a Go revision, or with WithVersionDirs.
//
// Open reads files and never the database, so it works offline and the
// caller's *sql.DB stays the caller's: each operation takes a connection
// from it and gives it back, and nothing is left to close (there is no
// Close). A cancelled ctx stops Open before or after loading.
func Open(ctx context.Context, db *sql.DB, fsys fs.FS, opts ...Option) (*Migrator, error) {
	o, err := newOptions(opts)
	if err != nil {
		return nil, err
	}
	if o.dialect == nil && db == nil {
		return nil, errors.New("retort: without a database, name the dialect with WithDialect")
	}
	src, err := load(ctx, fsys, o)
	if err != nil {
		return nil, err
	}
	return src.migrator(db, o)
}

// newOptions applies opts over the defaults.
func newOptions(opts []Option) (options, error) {
	o := options{
		locations:    []string{"versions"},
		versionTable: "alembic_version",
		historyTable: "retort_history",
	}
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return o, fmt.Errorf("retort: %w", err)
		}
	}
	return o, nil
}

// source is the loaded revision graph and its files, which any number of
// Migrators may share: a fleet loads it once for all its targets.
type source struct {
	set    *script.Set
	graph  *revision.Graph
	goRevs map[string]*GoMigration
}

// load reads the revision graph (headers only) that o names.
func load(ctx context.Context, fsys fs.FS, o options) (*source, error) {
	// Open reads files, never the database: it must work offline (db nil)
	// and for commands that only read the graph. ctx bounds the loading.
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("retort: %w", err)
	}
	src := &source{goRevs: map[string]*GoMigration{}}
	var goRevs []*revision.Revision
	for i := range o.goMigrations {
		g := &o.goMigrations[i]
		src.goRevs[g.ID] = g
		goRevs = append(goRevs, &revision.Revision{ID: g.ID, Parents: g.Parents, DependsOn: g.DependsOn,
			BranchLabels: g.BranchLabels, Message: g.Message, Doc: g.Message})
	}
	files := script.Source{Dirs: o.osDirs, Recursive: o.recursive, HeaderCache: o.headerCache}
	if len(o.osDirs) == 0 && fsys != nil {
		files.FS, files.Locations = fsys, o.locations
	}
	set, g, err := script.LoadGraph(files, goRevs)
	var le *script.LoadError
	switch {
	case errors.As(err, &le):
		return nil, fmt.Errorf("retort: load revisions: %w", le.Err)
	case err != nil:
		return nil, fmt.Errorf("retort: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("retort: %w", err)
	}
	src.set, src.graph = set, g
	return src, nil
}

// migrator is a Migrator over db sharing src's graph.
func (src *source) migrator(db *sql.DB, o options) (*Migrator, error) {
	m := &Migrator{db: db, o: o, d: o.dialect, set: src.set, graph: src.graph, goRevs: src.goRevs}
	if m.d == nil {
		if db == nil {
			return nil, errors.New("retort: without a database, name the dialect with WithDialect")
		}
		d, ok := registry.Detect(db)
		if !ok {
			return nil, fmt.Errorf("retort: cannot tell the dialect of database/sql driver %T; pass WithDialect(%s)", db.Driver(), withDialectArgs())
		}
		m.d = d
	}
	m.tables = &versiontable.Tables{D: m.d, Name: m.o.versionTable, Schema: m.o.versionSchema, History: m.o.historyTable}
	return m, nil
}

// withDialectArgs lists WithDialect's arguments for a message:
// "postgres"|"mysql"|"sqlite".
func withDialectArgs() string {
	names := registry.Names()
	for i, n := range names {
		names[i] = strconv.Quote(n)
	}
	return strings.Join(names, "|")
}

// runPath is a revision file's path as the history table records it and
// messages about runs show it: relative to the script location, in the
// same form whichever way the files were read and wherever the command ran.
func (m *Migrator) runPath(p string) string {
	if m.o.scriptDir == "" || !filepath.IsAbs(p) {
		return p // fsys paths are relative to fsys, the script location
	}
	rel, err := filepath.Rel(m.o.scriptDir, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

// Dialect returns the dialect name: "postgres", "mysql" or "sqlite".
func (m *Migrator) Dialect() string { return m.d.Name() }

func (m *Migrator) emit(e Event) {
	if m.o.events != nil {
		m.o.events(e)
	}
}

func (m *Migrator) appliedBy() string {
	if m.o.appliedBy != "" {
		return m.o.appliedBy
	}
	name := "unknown"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "localhost"
	}
	return name + "@" + host
}

// conn pins a connection, turning an unreachable server into a clear,
// password-free error.
func (m *Migrator) conn(ctx context.Context) (*sql.Conn, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	c, err := m.db.Conn(ctx)
	if err != nil {
		return nil, connError(err)
	}
	// SQLite's busy timeout first: even a ping reads the schema, which waits
	// for another process's commit.
	if p, ok := m.d.(dialect.ConnPreparer); ok {
		if err := p.PrepareConn(ctx, c); err != nil {
			c.Close()
			return nil, connError(err)
		}
	}
	if err := c.PingContext(ctx); err != nil {
		c.Close()
		return nil, connError(err)
	}
	if err := m.checkTenant(ctx, c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// checkTenant refuses a connection of a schema tenant's Migrator whose
// unqualified names do not resolve to the tenant's schema.
func (m *Migrator) checkTenant(ctx context.Context, c *sql.Conn) error {
	if m.o.tenantSchema == "" {
		return nil
	}
	st, ok := m.d.(dialect.SchemaTenancy)
	if !ok {
		return fmt.Errorf("a %s database has no schemas: WithTenantSchema(%q) cannot apply", m.d.Name(), m.o.tenantSchema)
	}
	cur, err := st.CurrentSchema(ctx, c)
	if err != nil {
		return connError(err)
	}
	if cur != m.o.tenantSchema {
		if cur == "" {
			cur = "none"
		}
		return fmt.Errorf("refusing to run for tenant schema %s: the connection resolves unqualified names to schema %s; "+
			"open it with the tenant's search path (SchemaDataSource), and check that no connection pooler between drops it "+
			"(PgBouncer's ignore_startup_parameters)", m.o.tenantSchema, cur)
	}
	return nil
}

func connError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &redactedError{msg: config.Redact(err.Error()), err: err}
}

// redactedError carries a connection error whose text has any password
// removed.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string   { return "cannot reach the database: " + e.msg }
func (e *redactedError) Unwrap() []error { return []error{ErrConnect, e.err} }

// load returns the unit a step runs.
func (m *Migrator) load(step revision.Step) (*migrate.Unit, error) {
	if step.Direction == revision.StampDir || step.Revision == nil {
		return nil, nil
	}
	id := step.Revision.ID
	if g, ok := m.goRevs[id]; ok {
		fn := g.Up
		if step.Direction == revision.Down {
			fn = g.Down
		}
		if fn == nil {
			return nil, fmt.Errorf("revision %s (Go) has no Down function", id)
		}
		return &migrate.Unit{NoTransaction: g.NoTransaction,
			Go: func(ctx context.Context, ex migrate.Execer) error { return fn(ctx, ex) }}, nil
	}
	if m.set == nil {
		return nil, fmt.Errorf("revision %s has no file", id)
	}
	sc, err := m.set.Script(id)
	if err != nil {
		return nil, err
	}
	// An untranslated block is named before an upgrade section that holds
	// only it is called empty.
	if err := sc.CheckManual(m.runPath(sc.Revision.Path), step.Direction == revision.Down); err != nil {
		return nil, err
	}
	sec := sc.Upgrade
	if step.Direction == revision.Down {
		sec = sc.Downgrade
	} else if err := sc.CheckUpgrade(m.runPath(sc.Revision.Path)); err != nil {
		return nil, err
	}
	return &migrate.Unit{Path: m.runPath(sc.Revision.Path), Statements: sec.Statements,
		NoTransaction: sec.NoTransaction, Checksum: sc.Checksum}, nil
}

func (m *Migrator) runner(tag string) *migrate.Runner {
	return &migrate.Runner{
		Dialect:      m.d,
		Tables:       m.tables,
		Load:         m.load,
		PerMigration: m.o.perMigration,
		AppliedBy:    m.appliedBy(),
		Version:      Version(),
		Tag:          tag,
		Events: func(e migrate.Event) {
			k := EventInfo
			switch e.Kind {
			case migrate.StepStart:
				k = EventStepStart
			case migrate.StepDone:
				k = EventStepDone
			case migrate.Warning:
				k = EventWarning
			}
			m.emit(Event{Kind: k, Text: e.Text, Step: e.Step, Total: e.Total, Revision: e.Revision, Duration: e.Duration})
		},
	}
}

// runLock is the migration lock a run holds.
type runLock struct {
	// release frees it; it works even when ctx is cancelled and discards the
	// connection if the release fails (the lock dies with it). A lease that
	// lapsed after the run's last write is reported as a warning.
	release func()
	// held is the check a run makes before each write (nil for a lock that
	// cannot lapse).
	held func(context.Context) error
	// pooled says conn was seen to go through a transaction-mode pooler
	// (pooler.go).
	pooled bool
}

// lock takes the migration lock on conn. Before it, a cluster's way of
// applying DDL is checked and reported (dialect.ClusterChecker), and a
// connection pooler is reported or, when no migration can run through it,
// refused (dialect.PoolerDetector).
func (m *Migrator) lock(ctx context.Context, conn *sql.Conn) (*runLock, error) {
	if c, ok := m.d.(dialect.ClusterChecker); ok {
		note, err := c.CheckCluster(ctx, conn, m.o.nodeLocalDDL)
		if err != nil {
			return nil, err
		}
		if note != "" {
			m.emit(Event{Kind: EventInfo, Text: note})
		}
	}
	pooled, err := m.detectPooler(ctx, conn)
	if err != nil {
		return nil, err
	}
	var held func(context.Context) error
	unlock, err := m.d.Lock(ctx, conn, dialect.Table{Schema: m.tables.Schema, Name: m.tables.Name}, dialect.LockOptions{
		Timeout: m.o.lockTimeout,
		DB:      m.db,
		Lease:   m.o.lockLease,
		Held:    func(check func(context.Context) error) { held = check },
		Wait: func(holder string) {
			m.emit(Event{Kind: EventLockWait, Text: "waiting for the migration lock held by " + holder})
		},
	})
	if err != nil {
		return nil, err
	}
	m.emit(Event{Kind: EventLockAcquired, Text: "acquired the migration lock"})
	release := func() {
		if err := unlock(context.WithoutCancel(ctx)); err != nil {
			// A lost lock, or one that may outlive the run for a while:
			// either way the user is told, and the connection is not
			// reused.
			m.emit(Event{Kind: EventWarning, Text: err.Error()})
			migrate.Discard(conn)
		}
	}
	return &runLock{release: release, held: held, pooled: pooled}, nil
}

func revIDs(rs []*revision.Revision) []string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}
