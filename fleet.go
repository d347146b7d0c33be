package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/fleet"
	"github.com/retortdb/retort/internal/revision"
)

// DefaultParallelism is how many of a fleet's targets run at once unless
// FleetOptions.Parallelism says otherwise.
const DefaultParallelism = fleet.DefaultParallelism

// Target is one database of a fleet: a tenant's database, schema or
// SQLite file.
type Target struct {
	// Name is short and unique in the fleet: reports show it, selectors
	// match it, shards hash it. Never put a password in it.
	Name string
	// DB is the target's database, opened and closed by the caller; or
	DB *sql.DB
	// Connect opens it for the target's turn only: the fleet closes it
	// when the target is done, so a fleet of hundreds of databases on one
	// server holds no more connections than targets running at once.
	Connect func(ctx context.Context) (*sql.DB, error)
	// Options apply to this target over the fleet's: per-database ones
	// only (WithVersionTable with the tenant's schema, WithDialect,
	// WithHistoryTable, WithLockTimeout, WithTransactionPerMigration,
	// WithAppliedBy). Options that choose revision files belong to
	// OpenFleet: every target runs the same graph.
	Options []Option
}

// Fleet runs the same revision graph over many databases: one graph,
// loaded once, and one Migrator per target made when its turn comes.
type Fleet struct {
	targets []Target
	opts    []options // per target: the fleet's options with the target's over them
	src     *source
}

// OpenFleet loads the revision graph once (as Open does) for every target.
// Target names must be unique and not empty; each target needs DB or
// Connect. Nothing is connected yet.
func OpenFleet(ctx context.Context, targets []Target, fsys fs.FS, opts ...Option) (*Fleet, error) {
	base, err := newOptions(opts)
	if err != nil {
		return nil, err
	}
	if base.appliedBy == "" {
		// Once, not once per target: it asks the OS for the user and host.
		base.appliedBy = (&Migrator{}).appliedBy()
	}
	f := &Fleet{targets: slices.Clone(targets)}
	seen := map[string]bool{}
	for _, t := range targets {
		switch {
		case strings.TrimSpace(t.Name) == "":
			return nil, errors.New("retort: a fleet target needs a name")
		case seen[t.Name]:
			return nil, fmt.Errorf("retort: two fleet targets are named %q: names must be unique", t.Name)
		case (t.DB == nil) == (t.Connect == nil):
			return nil, fmt.Errorf("retort: fleet target %q needs exactly one of DB and Connect", t.Name)
		}
		seen[t.Name] = true
		o := base
		for _, opt := range t.Options {
			if err := opt(&o); err != nil {
				return nil, fmt.Errorf("retort: fleet target %q: %w", t.Name, err)
			}
		}
		if !sameFiles(base, o) {
			return nil, fmt.Errorf("retort: fleet target %q: an option chooses revision files; give it to OpenFleet, since every target runs the same graph", t.Name)
		}
		f.opts = append(f.opts, o)
	}
	if f.src, err = load(ctx, fsys, base); err != nil {
		return nil, err
	}
	return f, nil
}

// sameFiles reports whether a and b read the same revision files.
func sameFiles(a, b options) bool {
	return slices.Equal(a.locations, b.locations) && slices.Equal(a.osDirs, b.osDirs) &&
		a.recursive == b.recursive && len(a.goMigrations) == len(b.goMigrations) && a.scriptDir == b.scriptDir
}

// Targets returns the targets' names, in the order given.
func (f *Fleet) Targets() []string {
	names := make([]string, len(f.targets))
	for i, t := range f.targets {
		names[i] = t.Name
	}
	return names
}

// FleetOptions shape a fleet run.
type FleetOptions struct {
	// Parallelism bounds the targets running at once (0: DefaultParallelism).
	Parallelism int
	// FailFast starts no further target once one has failed; targets
	// already running finish. Default: every target runs whatever the
	// others do.
	FailFast bool
	// Events receives the run's events, one call at a time.
	Events func(FleetEvent)
}

// FleetEventKind says what a FleetEvent reports.
type FleetEventKind int

// Fleet event kinds.
const (
	FleetTargetStart FleetEventKind = iota // a target's turn began
	FleetTargetDone                        // a target finished; Result says how
	FleetTargetEvent                       // an Event of a target's run (step start and end, lock wait, warning)
)

// FleetEvent is one progress report of a fleet run.
type FleetEvent struct {
	Kind   FleetEventKind
	Target string        // the target's name
	Index  int           // its position in the fleet
	Event  Event         // FleetTargetEvent
	Result *TargetResult // FleetTargetDone
	// Counts over the whole run after this event.
	Started, Done, Failed, Total int
}

// TargetResult is what one target's turn did.
type TargetResult struct {
	Name    string
	Started bool     // false: never started (FailFast after a failure, or the context ended)
	Before  []string // version rows before: empty for none, nil when they could not be read
	After   []string // version rows after: empty for none, nil when they could not be read
	Result  *Result  // Upgrade, Downgrade: the run's steps
	Status  *Status  // Status
	Err     error    // why the target failed; nil when it made it (or never started)
	// Duration is the target's wall time, connecting included.
	Duration time.Duration
}

// OK reports whether the target made it.
func (r *TargetResult) OK() bool { return r.Started && r.Err == nil }

// FleetResult is every target's outcome, in the fleet's order.
type FleetResult struct {
	Targets  []TargetResult
	Duration time.Duration
}

// Err is nil when every target made it, else a *FleetError naming the
// targets that failed and those never started.
func (r *FleetResult) Err() error {
	e := &FleetError{Total: len(r.Targets)}
	for _, t := range r.Targets {
		switch {
		case !t.Started:
			e.Skipped = append(e.Skipped, t.Name)
		case t.Err != nil:
			e.Failed = append(e.Failed, t.Name)
		}
	}
	if len(e.Failed) == 0 && len(e.Skipped) == 0 {
		return nil
	}
	return e
}

// FleetError says which targets of a run did not make it.
type FleetError struct {
	Failed  []string // ran and failed
	Skipped []string // never started
	Total   int
}

func (e *FleetError) Error() string {
	var parts []string
	if n := len(e.Failed); n > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d targets failed (%s)", n, e.Total, listNames(e.Failed)))
	}
	if n := len(e.Skipped); n > 0 {
		parts = append(parts, fmt.Sprintf("%d not started (%s)", n, listNames(e.Skipped)))
	}
	return strings.Join(parts, "; ")
}

func listNames(names []string) string {
	const show = 10
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:show], ", ") + fmt.Sprintf(", and %d more", len(names)-show)
}

// Upgrade runs Upgrade(ctx, target) on every target. The error is for a
// call that cannot run at all (a blank target, SQLTo); how each target
// fared is in the result, and FleetResult.Err sums it up. A target already
// at target runs nothing: it takes no lock and writes nothing.
func (f *Fleet) Upgrade(ctx context.Context, target string, fo FleetOptions, opts ...RunOption) (*FleetResult, error) {
	return f.migrate(ctx, "upgrade", target, fo, opts, (*Migrator).Upgrade)
}

// Downgrade runs Downgrade(ctx, target) on every target, as Upgrade does.
func (f *Fleet) Downgrade(ctx context.Context, target string, fo FleetOptions, opts ...RunOption) (*FleetResult, error) {
	return f.migrate(ctx, "downgrade", target, fo, opts, (*Migrator).Downgrade)
}

func (f *Fleet) migrate(ctx context.Context, op, target string, fo FleetOptions, opts []RunOption,
	run func(*Migrator, context.Context, string, ...RunOption) (*Result, error)) (*FleetResult, error) {
	if err := revision.CheckTarget(target); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if runOpts(opts).sqlTo != nil {
		return nil, fmt.Errorf("%s: SQLTo writes one offline script; a fleet runs online only", op)
	}
	if runOpts(opts).purge {
		return nil, errStampOnly(op)
	}
	return f.Each(ctx, fo, func(ctx context.Context, m *Migrator, r *TargetResult) error {
		res, err := run(m, ctx, target, opts...)
		if res != nil {
			r.Result, r.Before, r.After = res, known(res.Before), res.After
			if err == nil {
				r.After = known(r.After)
			}
		}
		if err != nil && r.After == nil {
			// A failed run: report what the version table holds now (also
			// when the failure came before the rows were read, a lock
			// timeout say), if it can be read.
			if rows, cerr := m.Current(context.WithoutCancel(ctx)); cerr == nil {
				r.After = known(rows)
				if res == nil {
					r.Before = r.After
				}
			}
		}
		return err
	}), nil
}

// known is rows as read: never nil, so that nil can mean "not read".
func known(rows []string) []string {
	if rows == nil {
		return []string{}
	}
	return rows
}

// Current reads every target's version rows (Before and After).
func (f *Fleet) Current(ctx context.Context, fo FleetOptions) *FleetResult {
	return f.Each(ctx, fo, func(ctx context.Context, m *Migrator, r *TargetResult) error {
		rows, err := m.Current(ctx)
		if err == nil {
			r.Before, r.After = known(rows), known(rows)
		}
		return err
	})
}

// Status reads every target's Status. A target whose status could be read
// is OK whatever it says (pending revisions, edited files): the Status
// says that.
func (f *Fleet) Status(ctx context.Context, fo FleetOptions) *FleetResult {
	return f.Each(ctx, fo, func(ctx context.Context, m *Migrator, r *TargetResult) error {
		st, err := m.Status(ctx)
		if err == nil {
			r.Status, r.Before, r.After = st, known(st.Current), known(st.Current)
		}
		return err
	})
}

// Each runs fn with each target's Migrator, under fo's parallelism and
// failure policy, and returns every target's outcome: fn's error, and
// whatever fn recorded in the target's result. It is how an operation
// that Fleet has no method for (Compare, Stamp) runs across a fleet.
func (f *Fleet) Each(ctx context.Context, fo FleetOptions, fn func(ctx context.Context, m *Migrator, r *TargetResult) error) *FleetResult {
	start := time.Now()
	res := &FleetResult{Targets: make([]TargetResult, len(f.targets))}
	for i, t := range f.targets {
		res.Targets[i].Name = t.Name
	}
	var (
		mu                    sync.Mutex // serializes fo.Events
		started, done, failed int
	)
	emit := func(e FleetEvent) {
		mu.Lock()
		defer mu.Unlock()
		if e.Kind == FleetTargetEvent && f.opts[e.Index].events != nil {
			f.opts[e.Index].events(e.Event) // WithEvents of OpenFleet or the target: one call at a time too
		}
		if fo.Events == nil {
			return
		}
		e.Started, e.Done, e.Failed, e.Total = started, done, failed, len(f.targets)
		fo.Events(e)
	}
	outcomes := fleet.Run(ctx, len(f.targets), fleet.Options{
		Parallelism: fo.Parallelism,
		FailFast:    fo.FailFast,
		Start: func(i int) {
			mu.Lock()
			started++
			mu.Unlock()
			emit(FleetEvent{Kind: FleetTargetStart, Target: f.targets[i].Name, Index: i})
		},
		Done: func(i int, oc fleet.Outcome) {
			r := &res.Targets[i]
			r.Started, r.Err, r.Duration = true, oc.Err, oc.Duration
			mu.Lock()
			done++
			if oc.Err != nil {
				failed++
			}
			mu.Unlock()
			emit(FleetEvent{Kind: FleetTargetDone, Target: r.Name, Index: i, Result: r})
		},
	}, func(ctx context.Context, i int) error {
		return f.runTarget(ctx, i, &res.Targets[i], emit, fn)
	})
	for i, oc := range outcomes {
		if !oc.Started {
			res.Targets[i].Started = false
		}
	}
	res.Duration = time.Since(start)
	return res
}

// runTarget connects target i (when it has Connect), makes its Migrator
// over the shared graph, and runs fn.
func (f *Fleet) runTarget(ctx context.Context, i int, r *TargetResult, emit func(FleetEvent),
	fn func(context.Context, *Migrator, *TargetResult) error) error {
	t := f.targets[i]
	db := t.DB
	if t.Connect != nil {
		var err error
		if db, err = t.Connect(ctx); err != nil {
			return connError(err)
		}
		defer db.Close()
	}
	o := f.opts[i]
	o.events = func(e Event) {
		emit(FleetEvent{Kind: FleetTargetEvent, Target: t.Name, Index: i, Event: e})
	}
	m, err := f.src.migrator(db, o)
	if err != nil {
		return err
	}
	return fn(ctx, m, r)
}

// Schemas lists the schemas of db's database whose names match pattern
// (*, ?, [a-z] as in path.Match), sorted: the tenants of a fleet that keeps
// one schema per tenant. Only a dialect with schemas (PostgreSQL) has them;
// elsewhere the error says so.
func Schemas(ctx context.Context, db *sql.DB, pattern string) ([]string, error) {
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, fmt.Errorf("schema pattern %q is not valid: use *, ? and [a-z]", pattern)
	}
	d, ok := registry.Detect(db)
	if !ok {
		return nil, fmt.Errorf("cannot tell the dialect of database/sql driver %T", db.Driver())
	}
	st, ok := d.(dialect.SchemaTenancy)
	if !ok {
		return nil, fmt.Errorf("a %s database has no schemas to take tenants from: name the tenants' databases instead (urls, or url with tenants)", d.Name())
	}
	all, err := st.TenantSchemas(ctx, db)
	if err != nil {
		return nil, connError(err)
	}
	var out []string
	for _, s := range all {
		if ok, _ := path.Match(pattern, s); ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// SchemaDataSource returns dataSource, a data source of dialectName's
// driver, with schema as the search path of every connection opened with
// it: a tenant's unqualified names then mean its own tables. It is set when
// each connection starts (never by a SET a pooler could leak), and holds
// the schema alone, so a name missing from the tenant's schema is an error
// rather than another schema's table.
func SchemaDataSource(dialectName, dataSource, schema string) (string, error) {
	d, err := registry.Lookup(dialectName)
	if err != nil {
		return "", err
	}
	st, ok := d.(dialect.SchemaTenancy)
	if !ok {
		return "", fmt.Errorf("a %s database has no schemas to take tenants from", d.Name())
	}
	return st.SchemaDataSource(dataSource, schema)
}
