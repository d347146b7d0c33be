package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/term"
)

// ExitTestFailed is the exit code of `retort test` when a check failed (the
// test ran; exit 1 means it could not run).
const ExitTestFailed = 7

type testOptions struct {
	json    bool
	heads   int
	rows    int
	data    []string
	dialect string
	fleet   fleetFlags
}

func (a *app) testCommand() *cobra.Command {
	o := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test [RANGE]",
		Short: "Check every revision's upgrade and downgrade on scratch databases",
		Long: `Run the revisions against scratch databases that retort creates and drops
(SQLite: in memory; PostgreSQL and MySQL/MariaDB: a temporary database
retort_scratch_… on the server of dev_url, else of url, whose user must be
allowed to create databases). The configured database itself is never
touched. Checks (docs/testing.md):

  heads     the graph has --heads heads (default 1)
  stairway  on an empty database, each revision is upgraded, downgraded and
            upgraded again: the schema after the downgrade must equal the
            schema before the upgrade, the second upgrade must give the
            first one's schema, and the version rows must be right after
            each step
  data      on a populated database (--rows generated rows per table before
            each upgrade, plus --data fixtures), each revision keeps the rows
            of the tables and columns it does not drop, unchanged, and its
            downgrade brings back the rows from before the upgrade where the
            schema allows
  models    at the heads, the schema equals the models (when models is set)
  locks     PostgreSQL: the strongest lock each upgrade statement takes on
            the populated tables, and how long it is held (--json "locks";
            the table shows each revision's strongest)

A revision that loses data is named with the statement that lost it where
it can be found (file:line).

RANGE is [START:]END in the target grammar (default base:heads): the
revisions up to START are applied without checks.

Exit status: 0 every check passed; 7 a check failed (the table and the
FAILED lines say which); 1 the test could not run (no server, a revision
that does not load); 2 a wrong command line; 130 interrupted (the scratch
databases are dropped first).` + testFleetHelp,
		Example: `  retort test
  retort test --rows 1000 --data fixtures/users.sql@ae1027a6acf
  retort test 3f2a:head --json
  retort test --dialect sqlite
  retort test --all -j 4          # once per server of the [fleet]`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("%s takes at most one RANGE (got %d arguments)", cmd.CommandPath(), len(args))
			}
			return targets(cobra.ArbitraryArgs)(cmd, args)
		},
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			rng := ""
			if len(args) == 1 {
				rng = args[0]
			}
			sel, isFleet, err := o.fleet.selector(cmd)
			if err != nil {
				return err
			}
			if isFleet {
				return a.testFleet(cmd.Context(), o, rng, sel)
			}
			return a.test(cmd.Context(), o, rng)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print the report as JSON (see docs/testing.md)")
	f.IntVar(&o.heads, "heads", 1, "number of heads the graph must have (0 skips the check)")
	f.IntVar(&o.rows, "rows", retort.DefaultTestRows, "generated rows per table before each upgrade (0 skips the populated check)")
	f.StringArrayVar(&o.data, "data", nil, "`FILE.sql@REV`: the team's fixtures, run once REV is applied in the populated check (repeatable)")
	f.StringVar(&o.dialect, "dialect", "", "database kind when no url is configured (sqlite needs no server)")
	o.fleet.register(cmd)
	// Across a fleet, test runs once per server, not per target.
	f.Lookup("jobs").Usage = fmt.Sprintf("servers to test at once across a fleet (default: jobs in [fleet], else %d)", retort.DefaultParallelism)
	f.Lookup("fail-fast").Usage = "start no further server after one fails a check or cannot be tested (running ones finish)"
	return cmd
}

func (a *app) test(ctx context.Context, o *testOptions, rng string) error {
	to, err := a.testOptions(o, rng)
	if err != nil {
		return err
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	if to.Dialect, to.DriverName, to.DataSource, err = a.scratchServer(cfg, o.dialect, "retort test"); err != nil {
		return err
	}
	fsys, opts, err := a.testSource(cfg, &to, a.noCache)
	if err != nil {
		return err
	}
	var progress *term.Progress
	var scratch []string
	to.Events = func(e retort.TestEvent) {
		if e.Scratch != "" {
			scratch = append(scratch, e.Scratch)
			if !a.quiet {
				w := a.io.Err
				if progress != nil {
					w = progress.Writer(w)
				}
				fmt.Fprintf(w, "%s [retort] Testing on scratch database %s (dropped afterwards)\n", a.errColors().Dim("INFO "), e.Scratch)
			}
			return
		}
		if !a.io.ErrIsTTY || a.quiet {
			return
		}
		if progress == nil || e.Step == 1 {
			if progress != nil {
				progress.Done()
			}
			progress = a.io.NewProgress(e.Total)
		}
		progress.Step(e.Step, e.Check+" "+e.Revision+" "+e.Text)
	}
	rep, err := retort.Test(ctx, fsys, to, opts...)
	if progress != nil {
		progress.Done()
	}
	if err != nil {
		if errors.Is(err, retort.ErrTestInput) {
			return failf("%s", testInputMessage(err))
		}
		if ctx.Err() != nil {
			msg := "stopped before it finished; the configured database was not touched"
			if len(scratch) > 0 {
				msg += "; scratch database(s) " + strings.Join(scratch, ", ") + " dropped"
			}
			if strings.Contains(err.Error(), "drop it by hand") {
				msg = "stopped before it finished, and a scratch database could not be dropped: " + err.Error()
			}
			return &interruptError{msg: msg, err: err}
		}
		return err
	}
	if o.json {
		if err := writeJSON(a.io.Out, testReportJSON(rep)); err != nil {
			return err
		}
	} else {
		a.printTestReport(rep)
	}
	if !rep.Passed() {
		if !o.json {
			for _, f := range rep.Failures {
				fmt.Fprintln(a.io.Err, a.errColors().Red("FAILED:"), a.redact(f.String()))
			}
		}
		return &silentError{code: ExitTestFailed}
	}
	return nil
}

// testOptions reads the flags that shape the checks (the same for one
// database and for a fleet).
func (a *app) testOptions(o *testOptions, rng string) (retort.TestOptions, error) {
	to := retort.TestOptions{Range: rng, Heads: o.heads, Rows: o.rows, Log: a.io.Err}
	if o.rows < 0 {
		return to, usageErrorf("--rows %d: give a number of rows per table, or 0 to skip the populated check", o.rows)
	}
	if o.heads < 0 {
		return to, usageErrorf("--heads %d: give the number of heads the graph must have, or 0 to skip the check", o.heads)
	}
	if o.dialect != "" {
		if _, err := registry.Lookup(o.dialect); err != nil {
			return to, usageErrorf("--dialect: %v", err)
		}
	}
	if o.heads == 0 {
		to.Heads = -1
	}
	if o.rows == 0 {
		to.Rows = -1
	}
	for _, d := range o.data {
		td, err := retort.ParseTestData(d)
		if err != nil {
			return to, usageErrorf("--data %s", testInputMessage(err))
		}
		if _, err := os.Stat(td.Path); err != nil {
			return to, usageErrorf("--data %s: %v; give an existing .sql file and the revision after which it runs", d, err)
		}
		to.Data = append(to.Data, td)
	}
	return to, nil
}

// testSource sets the models of to and returns the revision files and
// Open's options for retort.Test.
func (a *app) testSource(cfg *config.Config, to *retort.TestOptions, noCache bool) (fs.FS, []retort.Option, error) {
	if len(cfg.Models) > 0 {
		to.Models = retort.Models{Paths: cfg.Models, Include: cfg.Include, Exclude: cfg.Exclude}
		if !noCache {
			to.Models.CacheDir = a.cacheDir("models")
		}
	}
	fsys, locs, err := a.source(cfg)
	if err != nil {
		return nil, nil, err
	}
	return fsys, a.migratorOptions(cfg, nil, true, fsys, locs), nil
}

// testJSON is test --json's object: the report, durations in
// milliseconds as elsewhere in retort's JSON, lists never null.
type testJSON struct {
	*retort.TestReport
	Revisions []testRevisionJSON `json:"revisions"`
}

type testRevisionJSON struct {
	retort.RevisionTest
	DurationMS     float64              `json:"duration_ms"`
	DataDurationMS float64              `json:"data_duration_ms"`
	Failures       []retort.TestFailure `json:"failures"`
	Notes          []string             `json:"notes"`
	Locks          []testLockJSON       `json:"locks"`
}

type testLockJSON struct {
	retort.LockTaken
	HeldMS float64 `json:"held_ms"`
}

func testReportJSON(rep *retort.TestReport) testJSON {
	out := testJSON{TestReport: rep, Revisions: []testRevisionJSON{}}
	for _, r := range rep.Revisions {
		rj := testRevisionJSON{RevisionTest: r, DurationMS: ms(r.Duration), DataDurationMS: ms(r.DataDuration),
			Failures: r.Failures, Notes: r.Notes, Locks: []testLockJSON{}}
		if rj.Failures == nil {
			rj.Failures = []retort.TestFailure{}
		}
		if rj.Notes == nil {
			rj.Notes = []string{}
		}
		for _, l := range r.Locks {
			rj.Locks = append(rj.Locks, testLockJSON{LockTaken: l, HeldMS: ms(l.Held)})
		}
		out.Revisions = append(out.Revisions, rj)
	}
	return out
}

// testInputMessage is an ErrTestInput error without the sentinel's words.
func testInputMessage(err error) string {
	return strings.TrimPrefix(err.Error(), retort.ErrTestInput.Error()+": ")
}

// printTestReport writes the table of revisions and the summary.
func (a *app) printTestReport(rep *retort.TestReport) {
	c := a.colors()
	mark := func(s string) string {
		switch s {
		case retort.TestPassed:
			return c.Green("ok")
		case retort.TestFailed:
			return c.Red("FAILED")
		}
		return c.Dim("-")
	}
	tw := tabwriter.NewWriter(a.io.Out, 0, 4, 2, ' ', 0)
	if rep.LocksSampled {
		fmt.Fprintln(tw, "REVISION\tSTAIRWAY\tDATA\tDURATION\tSTRONGEST LOCK\tRESULT\tMESSAGE")
	} else {
		fmt.Fprintln(tw, "REVISION\tSTAIRWAY\tDATA\tDURATION\tRESULT\tMESSAGE")
	}
	for _, r := range rep.Revisions {
		result := c.Green("passed")
		switch {
		case len(r.Failures) > 0:
			result = c.Red("failed")
		case r.Stairway == retort.TestSkipped:
			result = c.Dim("not run")
		}
		if rep.LocksSampled {
			lock := "-"
			if len(r.Locks) > 0 {
				l := r.Locks[0]
				lock = fmt.Sprintf("%s %s (%s)", strings.TrimSuffix(l.Mode, "Lock"), l.Table, formatDuration(l.Held))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Revision, mark(r.Stairway), mark(r.Data), formatDuration(r.Duration), lock, result, r.Message)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Revision, mark(r.Stairway), mark(r.Data), formatDuration(r.Duration), result, r.Message)
	}
	_ = tw.Flush()
	for _, r := range rep.Revisions {
		for _, n := range r.Notes {
			fmt.Fprintf(a.io.Err, "note: %s: %s\n", r.Revision, n)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(a.io.Err, "note: %s\n", n)
	}
	heads := "ok"
	for _, f := range rep.Failures {
		if f.Check == retort.CheckHeads {
			heads = "FAILED"
		}
	}
	names := strings.Join(rep.Heads, ", ")
	if names == "" {
		names = "none"
	}
	summary := fmt.Sprintf("%d revision(s) on %s; heads %s (%s); models %s", len(rep.Revisions), rep.Dialect, heads, names, rep.Models)
	if rep.Passed() {
		fmt.Fprintln(a.io.Out, c.Green("PASSED")+": "+summary)
	} else {
		fmt.Fprintf(a.io.Out, "%s: %d failed check(s); %s\n", c.Red("FAILED"), len(rep.Failures), summary)
	}
}

// scratchServer is where scratch databases are made (retort test, lint
// --stairway): dev_url's server, else url's, else only a dialect that needs
// none (SQLite in memory, named by --dialect or the code).
func (a *app) scratchServer(cfg *config.Config, dialectFlag, who string) (dialectName, driverName, dataSource string, err error) {
	switch {
	case cfg.DevURL != "" || cfg.URL != "":
		dsn := cfg.DSN
		if cfg.DevURL != "" {
			dsn = cfg.DevDSN
		}
		d, err := dsn()
		if err != nil {
			return "", "", "", err
		}
		if dialectFlag != "" && !strings.EqualFold(dialectFlag, d.Dialect) {
			return "", "", "", usageErrorf("--dialect %s, but the configured database is %s", dialectFlag, d.Dialect)
		}
		return d.Dialect, d.DriverName, d.DataSource, nil
	case dialectFlag != "" || a.opts.Dialect != "":
		name := dialectFlag
		if name == "" {
			name = a.opts.Dialect
		}
		if d, err := registry.Lookup(name); err == nil {
			if _, inMemory := d.(dialect.ScratchMemory); !inMemory {
				return "", "", "", failf("%s on %s needs a server to create its scratch databases on: set url or dev_url (in %s, RETORT_DATABASE_URL, or --url)", who, d.Name(), cfgPathOr(cfg))
			}
		}
		return name, "", "", nil
	default:
		if cfg.Path == "" {
			return "", "", "", noConfig(cfg, "without one there is no database URL: pass --url, set RETORT_DATABASE_URL, or name the dialect with --dialect sqlite")
		}
		return "", "", "", failf("no database configured: %s needs a server to create its scratch databases on (set url or dev_url in %s, RETORT_DATABASE_URL, or pass --url), or --dialect sqlite to work in memory", who, cfg.Path)
	}
}

func cfgPathOr(cfg *config.Config) string {
	if cfg.Path == "" {
		return "retort.toml"
	}
	return cfg.Path
}
