package cli

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/fleet"
	"github.com/retortdb/retort/internal/term"
)

// fleetFlags are the flags that run a command across the [fleet] of
// retort.toml instead of the one database of url.
type fleetFlags struct {
	all      bool
	targets  []string
	tenants  []string
	jobs     int
	failFast bool
	shard    string

	jobsSet bool
}

// fleetHelp is appended to the help of each command that takes the fleet
// flags.
const fleetHelp = `

Fleets (docs/fleets.md): --all runs the command on every target of the
[fleet] table in retort.toml (tenant databases, schemas or SQLite files),
--target NAME and --tenants GLOB on some of them, -j N at a time, and
prints a summary table (target, from, to, duration, result) on stdout, or
one JSON document with --json. A failing target does not stop the others
unless --fail-fast. --shard I/N keeps the targets of shard I of N (a stable
hash of each name), so N CI jobs share one deploy. Without these flags the
command runs on the one database of url, as ever.
Fleet exit status: 0 every selected target made it; 1 one or more failed or
were not started (the table says which); 2 a wrong command line.`

func (f *fleetFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&f.all, "all", false, "run on every target of [fleet] in retort.toml (docs/fleets.md)")
	fl.StringArrayVar(&f.targets, "target", nil, "run on the fleet target with this `NAME` (tenant name, or URL with the password hidden); repeatable")
	fl.StringArrayVar(&f.tenants, "tenants", nil, "run on the fleet targets whose names match this `GLOB` (*, ?, [a-z]); repeatable")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, fmt.Sprintf("fleet targets to run at once (default: jobs in [fleet], else %d)", fleet.DefaultParallelism))
	fl.BoolVar(&f.failFast, "fail-fast", false, "start no further fleet target after one fails (running ones finish); default: run them all")
	fl.StringVar(&f.shard, "shard", "", "keep only shard `I/N` of the selected fleet targets (1 ≤ I ≤ N; a stable hash of each name)")
}

// selector reads the flags; ok is false when none selects a fleet.
func (f *fleetFlags) selector(cmd *cobra.Command) (sel fleet.Selector, ok bool, err error) {
	f.jobsSet = cmd.Flags().Changed("jobs")
	sel = fleet.Selector{All: f.all, Names: f.targets, Globs: f.tenants}
	if f.shard != "" {
		if sel.ShardI, sel.ShardN, err = fleet.ParseShard(f.shard); err != nil {
			return sel, false, usageErrorf("%w", err)
		}
	}
	if sel.Empty() {
		for _, name := range []string{"jobs", "fail-fast", "shard"} {
			if cmd.Flags().Changed(name) {
				return sel, false, usageErrorf("--%s applies to fleet runs: add --all, --target NAME or --tenants GLOB", name)
			}
		}
		return sel, false, nil
	}
	if f.all && (len(f.targets) > 0 || len(f.tenants) > 0) {
		return sel, false, usageErrorf("--all already selects every fleet target: drop --target and --tenants, or --all")
	}
	if f.jobsSet && f.jobs < 1 {
		return sel, false, usageErrorf("-j %d: run at least 1 target at a time", f.jobs)
	}
	return sel, true, nil
}

// fleetRun is an opened fleet and how to run it.
type fleetRun struct {
	f     *retort.Fleet
	fo    retort.FleetOptions
	names []string
	dsns  []*config.DSN // each target's database (a schema's: the database's)
	rep   *fleetReporter
}

// openFleet resolves the selected targets of [fleet] and opens them over
// the revision graph, loaded once.
func (a *app) openFleet(ctx context.Context, ff *fleetFlags, sel fleet.Selector, what string, extra ...retort.Option) (*fleetRun, error) {
	cfg, chosen, chosenDSNs, err := a.selectFleet(ctx, sel)
	if err != nil {
		return nil, err
	}
	fsys, locs, err := a.source(cfg)
	if err != nil {
		return nil, err
	}
	chosenNames := make([]string, len(chosen))
	for i, t := range chosen {
		chosenNames[i] = t.Name
	}
	f, err := retort.OpenFleet(ctx, chosen, fsys, append(a.migratorOptions(cfg, nil, true, fsys, locs), extra...)...)
	if err != nil {
		return nil, err
	}
	r := &fleetRun{f: f, names: chosenNames, dsns: chosenDSNs, rep: a.newFleetReporter(what, len(chosen))}
	r.fo = retort.FleetOptions{Parallelism: ff.parallelism(cfg), FailFast: ff.failFast, Events: r.rep.event}
	return r, nil
}

// parallelism is -j when given, else jobs in [fleet] (0: the default).
func (f *fleetFlags) parallelism(cfg *config.Config) int {
	if f.jobsSet || cfg.Fleet == nil || cfg.Fleet.Jobs == 0 {
		return f.jobs
	}
	return cfg.Fleet.Jobs
}

// selectFleet reads [fleet] and returns the targets sel selects, each with
// its database (a schema's: the database's), in the fleet's order.
func (a *app) selectFleet(ctx context.Context, sel fleet.Selector) (*config.Config, []retort.Target, []*config.DSN, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, nil, nil, err
	}
	if cfg.Fleet == nil {
		if cfg.Path == "" {
			return nil, nil, nil, noConfig(cfg, "without one there is no [fleet] for --all, --target or --tenants")
		}
		return nil, nil, nil, failf("no [fleet] in %s: --all, --target and --tenants run across its targets; add one (docs/fleets.md), or drop these flags to use url", cfg.Path)
	}
	targets, dsns, err := a.fleetTargets(ctx, cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = t.Name
	}
	idx, err := fleet.Select(names, sel)
	if err != nil {
		return nil, nil, nil, usageErrorf("%w", err)
	}
	var chosen []retort.Target
	var chosenDSNs []*config.DSN
	for _, i := range idx {
		chosen = append(chosen, targets[i])
		chosenDSNs = append(chosenDSNs, dsns[i])
	}
	return cfg, chosen, chosenDSNs, nil
}

// fleetTargets are the databases [fleet] names, each connected only for
// its turn. A schemas fleet lists the schemas of url's database now.
func (a *app) fleetTargets(ctx context.Context, cfg *config.Config) ([]retort.Target, []*config.DSN, error) {
	var out []retort.Target
	var dsns []*config.DSN
	connect := func(dsn *config.DSN) func(context.Context) (*sql.DB, error) {
		return func(ctx context.Context) (*sql.DB, error) { return a.openDB(ctx, dsn) }
	}
	if cfg.Fleet.Schemas == "" {
		for _, t := range cfg.Fleet.Targets {
			dsn, err := config.ParseURLIn(t.URL, t.URLDir)
			if err != nil {
				return nil, nil, fmt.Errorf("fleet target %s: %w", t.Name, err)
			}
			out = append(out, retort.Target{Name: t.Name, Connect: connect(dsn),
				Options: []retort.Option{retort.WithDialect(dsn.Dialect)}})
			dsns = append(dsns, dsn)
		}
		return out, dsns, nil
	}
	if cfg.URL == "" {
		return nil, nil, fmt.Errorf("[fleet] schemas lists the schemas of url's database, and there is no url: set url in %s, RETORT_DATABASE_URL, or pass --url", cfg.Path)
	}
	if cfg.VersionTableSchema != "" {
		return nil, nil, failf("version_table_schema = %q cannot be used with [fleet] schemas: each tenant's version and history tables live in its own schema; remove it", cfg.VersionTableSchema)
	}
	dsn, err := cfg.DSN()
	if err != nil {
		return nil, nil, err
	}
	db, err := a.openDB(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	schemas, err := retort.Schemas(ctx, db, cfg.Fleet.Schemas)
	db.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("[fleet] schemas: %w", err)
	}
	if len(schemas) == 0 {
		return nil, nil, failf("[fleet] schemas = %q matches no schema of %s: create the tenants' schemas, or correct the pattern", cfg.Fleet.Schemas, dsn.Redacted)
	}
	for _, s := range schemas {
		ds, err := retort.SchemaDataSource(dsn.Dialect, dsn.DataSource, s)
		if err != nil {
			return nil, nil, err
		}
		sd := *dsn
		sd.DataSource = ds
		sd.Redacted = dsn.Redacted + " (schema " + s + ")"
		out = append(out, retort.Target{Name: s, Connect: connect(&sd),
			Options: []retort.Option{retort.WithDialect(dsn.Dialect), retort.WithTenantSchema(s)}})
		dsns = append(dsns, dsn)
	}
	return out, dsns, nil
}

// fleetReporter shows a fleet run: a progress line on a terminal, and off
// one a log line as each target ends; failures always.
type fleetReporter struct {
	a         *app
	progress  *term.Progress
	what      string // "upgrade", "downgrade", "read", "check"
	targetRev string // the revision target of upgrade and downgrade
}

func (a *app) newFleetReporter(what string, total int) *fleetReporter {
	r := &fleetReporter{a: a, what: what}
	if !a.quiet && a.io.ErrIsTTY && total > 0 {
		r.progress = a.io.NewCountProgress(total, "target")
	}
	return r
}

func (r *fleetReporter) event(e retort.FleetEvent) {
	switch e.Kind {
	case retort.FleetTargetStart:
		if r.progress != nil {
			r.progress.Step(e.Started, fmt.Sprintf("%d done, %d failed; %s %s", e.Done, e.Failed, r.what, e.Target))
		}
	case retort.FleetTargetDone:
		res := e.Result
		switch {
		case res.Err != nil:
			r.line("%s %s: %s", r.a.errColors().Red("FAILED"), res.Name, oneLine(r.a.redact(res.Err.Error())))
		case !r.a.quiet && r.progress == nil:
			r.line("%s [retort] %s: %s (%s)", r.a.errColors().Dim("INFO "), res.Name, r.summary(res), formatDuration(res.Duration))
		}
		if r.progress != nil {
			r.progress.Step(e.Started, fmt.Sprintf("%d done, %d failed", e.Done, e.Failed))
		}
	case retort.FleetTargetEvent:
		if e.Event.Kind == retort.EventWarning {
			r.line("%s [retort] %s: %s", r.a.errColors().Yellow("WARN "), e.Target, r.a.redact(e.Event.Text))
		}
	}
}

// line writes a log line on stderr, through the progress line if drawn.
func (r *fleetReporter) line(format string, args ...any) {
	w := r.a.io.Err
	if r.progress != nil {
		w = r.progress.Writer(w)
	}
	fmt.Fprintf(w, format+"\n", args...)
}

func (r *fleetReporter) done() {
	if r.progress != nil {
		r.progress.Done()
	}
}

// summary says in a few words what a finished target did.
func (r *fleetReporter) summary(t *retort.TargetResult) string {
	switch {
	case !t.Started:
		return "not started"
	case t.Err != nil:
		return "FAILED: " + oneLine(r.a.redact(t.Err.Error()))
	case t.Result != nil:
		n := len(t.Result.Steps)
		switch {
		case t.Result.DryRun && n > 0:
			return fmt.Sprintf("would run %d step%s", n, plural(n))
		case n == 0:
			return "already at " + r.target()
		}
		return fmt.Sprintf("%sd (%d step%s)", r.what, n, plural(n))
	case t.Status != nil:
		return statusWords(t.Status)
	case r.what == "check":
		return "clean"
	}
	return "ok"
}

// target is the run's revision target, for "already at head".
func (r *fleetReporter) target() string { return r.targetRev }

func statusWords(st *retort.Status) string {
	switch {
	case st.Failed != nil:
		return "a step failed part-way: retort resolve"
	case len(st.Unknown) > 0:
		return "unknown version rows"
	case len(st.Edited) > 0:
		return fmt.Sprintf("%d edited file%s", len(st.Edited), plural(len(st.Edited)))
	case len(st.Pending) > 0:
		return fmt.Sprintf("%d pending", len(st.Pending))
	}
	return "up to date"
}

// printFleetTable writes the summary table on stdout.
func (a *app) printFleetTable(header []string, rows [][]string) {
	tw := tabwriter.NewWriter(a.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
}

func fleetDuration(t retort.TargetResult) string {
	if !t.Started {
		return "-"
	}
	return formatDuration(t.Duration)
}

func rowsCell(t retort.TargetResult, rows []string) string {
	if rows == nil {
		return "?" // not read: the target failed before, or never started
	}
	return rowsText(rows)
}

// fleetTargetJSON is one target in a fleet command's --json document.
type fleetTargetJSON struct {
	Name       string      `json:"name"`
	OK         bool        `json:"ok"`
	Started    bool        `json:"started"`
	Result     string      `json:"result"`
	Error      string      `json:"error"`
	From       []string    `json:"from"` // null when not read
	To         []string    `json:"to"`   // null when not read
	DurationMS float64     `json:"duration_ms"`
	Steps      []stepJSON  `json:"steps,omitempty"`
	Status     *statusJSON `json:"status,omitempty"`
	Check      *checkJSON  `json:"check,omitempty"`
}

// fleetJSON is what a fleet command prints with --json.
type fleetJSON struct {
	Command    string            `json:"command"`
	Target     string            `json:"target,omitempty"`
	OK         bool              `json:"ok"`
	Total      int               `json:"total"`
	Succeeded  int               `json:"succeeded"`
	Failed     int               `json:"failed"`
	NotStarted int               `json:"not_started"`
	DurationMS float64           `json:"duration_ms"`
	Targets    []fleetTargetJSON `json:"targets"`
}

// fleetDoc builds the --json document's frame and one entry per target;
// extra fills each entry's command-specific part.
func (a *app) fleetDoc(command, target string, res *retort.FleetResult, rep *fleetReporter, extra func(i int, j *fleetTargetJSON)) fleetJSON {
	doc := fleetJSON{Command: command, Target: target, Total: len(res.Targets), DurationMS: ms(res.Duration), Targets: []fleetTargetJSON{}}
	for i, t := range res.Targets {
		j := fleetTargetJSON{Name: a.redact(t.Name), OK: t.OK(), Started: t.Started, Result: rep.summary(&res.Targets[i]),
			From: t.Before, To: t.After, DurationMS: ms(t.Duration)}
		if t.Err != nil {
			j.Error = a.redact(t.Err.Error())
		}
		switch {
		case !t.Started:
			doc.NotStarted++
		case t.Err != nil:
			doc.Failed++
		default:
			doc.Succeeded++
		}
		if extra != nil {
			extra(i, &j)
		}
		doc.Targets = append(doc.Targets, j)
	}
	doc.OK = doc.Failed == 0 && doc.NotStarted == 0
	return doc
}

// reportFleet prints res: the --json document (extra fills each target's
// command-specific part), or a table of the targets with the version rows
// from and to (migrate) or current (read-only commands), then the closing
// line; it returns the run's error.
func (a *app) reportFleet(command, target string, res *retort.FleetResult, rep *fleetReporter, asJSON, fromTo bool, extra func(i int, j *fleetTargetJSON)) error {
	if asJSON {
		if err := writeJSON(a.io.Out, a.fleetDoc(command, target, res, rep, extra)); err != nil {
			return err
		}
		return a.fleetEnd(res, true)
	}
	header := []string{"TARGET", "CURRENT", "DURATION", "RESULT"}
	if fromTo {
		header = []string{"TARGET", "FROM", "TO", "DURATION", "RESULT"}
	}
	rows := make([][]string, len(res.Targets))
	for i, t := range res.Targets {
		row := []string{a.redact(t.Name)}
		if fromTo {
			row = append(row, rowsCell(t, t.Before))
		}
		rows[i] = append(row, rowsCell(t, t.After), fleetDuration(t), rep.summary(&res.Targets[i]))
	}
	a.printFleetTable(header, rows)
	return a.fleetEnd(res, false)
}

// fleetEnd prints the closing line and returns the run's error: nil when
// every target made it.
func (a *app) fleetEnd(res *retort.FleetResult, asJSON bool) error {
	err := res.Err()
	if err == nil && !asJSON {
		a.status("All %d target%s made it.", len(res.Targets), plural(len(res.Targets)))
	}
	return err
}

// migrateFleet runs upgrade or downgrade across the selected targets.
func (a *app) migrateFleet(ctx context.Context, direction, target string, o *migrateOptions, sel fleet.Selector) error {
	if o.sql {
		return usageErrorf("--sql writes one offline script and cannot run across a fleet: drop --sql, or --all/--target/--tenants")
	}
	var extra []retort.Option
	if o.lockTimeoutSet {
		extra = append(extra, retort.WithLockTimeout(o.lockTimeout))
	}
	r, err := a.openFleet(ctx, &o.fleet, sel, direction, extra...)
	if err != nil {
		return err
	}
	r.rep.targetRev = target
	var opts []retort.RunOption
	opts = append(opts, retort.Tag(o.tag))
	if o.dryRun {
		opts = append(opts, retort.DryRun())
	}
	run := r.f.Upgrade
	if direction == "downgrade" {
		run = r.f.Downgrade
	}
	res, err := run(ctx, target, r.fo, opts...)
	r.rep.done()
	if err != nil {
		return err
	}
	return a.reportFleet(direction, target, res, r.rep, o.json, true, func(i int, j *fleetTargetJSON) {
		if rr := res.Targets[i].Result; rr != nil {
			j.Steps = resultToJSON(direction, []string{target}, rr).Steps
		}
	})
}

// currentFleet prints the version rows of the selected targets.
func (a *app) currentFleet(ctx context.Context, o *currentOptions, sel fleet.Selector) error {
	if o.verbose || o.checkHeads {
		return usageErrorf("-v and --check-heads show one database: with --all, --target or --tenants use 'retort status' (its exit code says which targets are behind)")
	}
	a.readOnly = true
	r, err := a.openFleet(ctx, &o.fleet, sel, "read")
	if err != nil {
		return err
	}
	res := r.f.Current(ctx, r.fo)
	r.rep.done()
	return a.reportFleet("current", "", res, r.rep, o.json, false, nil)
}

// statusFleet prints the status of the selected targets. The exit code is
// 1 when a target's status could not be read, else the worst of the
// targets' status codes (status --help).
func (a *app) statusFleet(ctx context.Context, o *statusOptions, sel fleet.Selector) error {
	r, err := a.openFleet(ctx, &o.fleet, sel, "read")
	if err != nil {
		return err
	}
	res := r.f.Status(ctx, r.fo)
	r.rep.done()
	if err := a.reportFleet("status", "", res, r.rep, o.json, false, func(i int, j *fleetTargetJSON) {
		if st := res.Targets[i].Status; st != nil {
			sj := a.statusToJSON(res.Targets[i].Name, st)
			j.Status = &sj
		}
	}); err != nil {
		return err
	}
	worst := ExitOK
	for _, t := range res.Targets {
		if code := statusExit(t.Status, o.exitCode); code > worst {
			worst = code
		}
	}
	if worst != ExitOK {
		return &silentError{code: worst}
	}
	return nil
}

// checkFleet compares each selected target with the models.
func (a *app) checkFleet(ctx context.Context, o *checkOptions, sel fleet.Selector) error {
	a.readOnly = true
	renames, err := parseRenames(o.renames)
	if err != nil {
		return err
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	if err := needModels(cfg); err != nil {
		return err
	}
	r, err := a.openFleet(ctx, &o.fleet, sel, "check")
	if err != nil {
		return err
	}
	comps := make([]*retort.Comparison, len(r.names))
	res := r.f.Each(ctx, r.fo, func(ctx context.Context, m *retort.Migrator, t *retort.TargetResult) error {
		rows, err := m.Current(ctx)
		if err != nil {
			return err
		}
		t.Before, t.After = rows, rows
		i := slices.Index(r.names, t.Name)
		mo, err := a.models(a.noCache, m.Dialect(), r.dsns[i])
		if err != nil {
			return err
		}
		mo.Renames = renames
		c, err := m.Compare(ctx, mo)
		if err != nil {
			return err
		}
		comps[i] = c
		if !c.Clean() {
			return fmt.Errorf("%d difference%s between the models and the database; run `retort revision --autogenerate` for them", len(c.Differences), plural(len(c.Differences)))
		}
		return nil
	})
	r.rep.done()
	return a.reportFleet("check", "", res, r.rep, o.json, false, func(i int, j *fleetTargetJSON) {
		if c := comps[i]; c != nil {
			yes := true
			cj := checkJSON{Clean: c.Clean(), Dialect: c.Dialect, Differences: c.Differences, UpToDate: &yes}
			if cj.Differences == nil {
				cj.Differences = []retort.Difference{}
			}
			j.Check = &cj
		}
	})
}
