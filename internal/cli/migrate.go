package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

// migrateOptions are the flags upgrade and downgrade share.
type migrateOptions struct {
	sql         bool
	tag         string
	dryRun      bool
	lockTimeout time.Duration
	json        bool
	fleet       fleetFlags

	lockTimeoutSet bool // --lock-timeout given (else retort.toml's lock_timeout)
}

func (o *migrateOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.sql, "sql", false, "print the SQL script instead of running it (offline; accepts START:END)")
	f.StringVar(&o.tag, "tag", "", "an opaque tag recorded with the run")
	f.BoolVar(&o.dryRun, "dry-run", false, "print the plan and change nothing")
	f.DurationVar(&o.lockTimeout, "lock-timeout", 0, "give up waiting for another run's lock after this long (e.g. 30s; 0 waits forever; default: lock_timeout in retort.toml)")
	f.BoolVar(&o.json, "json", false, "print the result as JSON (see docs/commands.md)")
	o.fleet.register(cmd)
}

func (o *migrateOptions) check() error {
	if o.sql && o.dryRun {
		return usageErrorf("--sql and --dry-run cannot be combined: --sql already changes nothing")
	}
	if o.sql && o.json {
		return usageErrorf("--sql and --json cannot be combined: --sql prints SQL")
	}
	return nil
}

// run runs upgrade or downgrade on the one database, or across the fleet
// targets the flags select.
func (o *migrateOptions) run(a *app, cmd *cobra.Command, direction, target string) error {
	o.lockTimeoutSet = cmd.Flags().Changed("lock-timeout")
	sel, isFleet, err := o.fleet.selector(cmd)
	if err != nil {
		return err
	}
	if isFleet {
		if err := o.check(); err != nil {
			return err
		}
		return a.migrateFleet(cmd.Context(), direction, target, o, sel)
	}
	return a.migrate(cmd.Context(), direction, target, o)
}

func (a *app) upgradeCommand() *cobra.Command {
	o := &migrateOptions{}
	cmd := &cobra.Command{
		Use:   "upgrade TARGET",
		Short: "Upgrade the database to a later revision",
		Long: `Run the upgrade sections of every revision between the database's current
revisions and TARGET, oldest first, updating the alembic_version table after
each step. Each step is logged on stderr with its duration:

    INFO  [retort] Running upgrade  -> 1975ea83b712, create account table (12 ms)

TARGET is any target (docs/revisions.md): head, heads (all branches), an id
or prefix, a branch label, label@head, +N (N steps up). An older target is a
no-op. --sql prints the script instead (TARGET may be START:END, both sides
named); --dry-run prints the plan. A run holds the migration lock for its
whole duration. An empty or blank TARGET is a usage error, never base.

Every file is checked before anything runs: an upgrade section without a
statement (an unedited template) needs a line "-- +retort empty" unless the
revision is a merge point, and COMMIT, ROLLBACK, BEGIN and the like need a
"-- +retort no-transaction" section (docs/file-format.md).` + fleetHelp,
		Example: `  retort upgrade head
  retort upgrade heads
  retort upgrade +1
  retort upgrade shoppingcart@head --dry-run
  retort upgrade --sql base:head > upgrade.sql
  retort upgrade head --all -j 8
  retort upgrade head --tenants 'eu_*' --fail-fast --json
  retort upgrade head --all --shard 2/4`,
		Args: targets(exactArgs(1, "one target, e.g. 'retort upgrade head'")),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return o.run(a, cmd, "upgrade", args[0]) }),
	}
	o.register(cmd)
	return cmd
}

func (a *app) downgradeCommand() *cobra.Command {
	o := &migrateOptions{}
	cmd := &cobra.Command{
		Use:   "downgrade TARGET",
		Short: "Revert the database to an earlier revision",
		Long: `Run the downgrade sections of every applied revision above TARGET, newest
first, updating the alembic_version table after each step.

TARGET is any target (docs/revisions.md): -N (N steps down), an id or prefix,
base (everything), label@-1, label@base. A negative target is an argument,
not a flag: 'retort downgrade -1' works as typed. --sql needs START:END.
An empty or blank TARGET ('retort downgrade ""') is a usage error that
changes nothing: undoing everything needs 'base', written out.` + fleetHelp,
		Example: `  retort downgrade -1
  retort downgrade base
  retort downgrade 1975ea83b712
  retort downgrade shoppingcart@-1
  retort downgrade --sql head:-1 > downgrade.sql
  retort downgrade -1 --target acme`,
		Args: targets(exactArgs(1, "one target, e.g. 'retort downgrade -1'")),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return o.run(a, cmd, "downgrade", args[0]) }),
	}
	o.register(cmd)
	return cmd
}

// migrate runs upgrade or downgrade.
func (a *app) migrate(ctx context.Context, direction, target string, o *migrateOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	rep := a.newReporter()
	defer rep.done()
	var extra []retort.Option
	if o.lockTimeoutSet {
		extra = append(extra, retort.WithLockTimeout(o.lockTimeout))
	}
	s, err := a.openMigrator(ctx, o.sql, rep, extra...)
	if err != nil {
		if ctx.Err() != nil {
			return a.interrupted(ctx, nil, err, nil)
		}
		return err
	}
	defer s.close()
	opts := []retort.RunOption{retort.Tag(o.tag)}
	if o.sql {
		rep.info("Generating static SQL")
		opts = append(opts, retort.SQLTo(a.io.Out))
	}
	if o.dryRun {
		opts = append(opts, retort.DryRun())
	}
	run := s.m.Upgrade
	if direction == "downgrade" {
		run = s.m.Downgrade
	}
	res, err := run(ctx, target, opts...)
	rep.done()
	if res != nil {
		rep.warnings(res.Warnings)
	}
	if err != nil {
		if ctx.Err() != nil && !o.sql {
			return a.interrupted(ctx, s, err, res)
		}
		return err
	}
	return a.printResult(direction, []string{target}, res, o.json, o.sql, rep)
}

// printResult reports what upgrade, downgrade or stamp did (or would do).
func (a *app) printResult(command string, target []string, res *retort.Result, asJSON, sql bool, rep *reporter) error {
	switch {
	case asJSON:
		return writeJSON(a.io.Out, resultToJSON(command, target, res))
	case sql:
		return nil
	case res.DryRun:
		a.printPlan(command, res)
	case len(res.Steps) == 0 && slices.Equal(res.Before, res.After):
		rep.info("Nothing to do: the database is at %s", rowsText(res.After))
	}
	return nil
}

// printPlan prints a dry run's steps on stdout.
func (a *app) printPlan(command string, res *retort.Result) {
	if len(res.Steps) == 0 {
		fmt.Fprintf(a.io.Out, "Nothing to %s: the database is at %s.\n", command, rowsText(res.Before))
		return
	}
	fmt.Fprintf(a.io.Out, "Dry run: %d step%s would run (nothing was changed):\n", len(res.Steps), plural(len(res.Steps)))
	for _, st := range res.Steps {
		fmt.Fprintf(a.io.Out, "  Running %s\n", st.Text)
	}
	fmt.Fprintf(a.io.Out, "Version rows: %s -> %s\n", rowsText(res.Before), rowsText(res.After))
}

// rowsText names version rows for people: "<base>" when there are none.
func rowsText(rows []string) string {
	if len(rows) == 0 {
		return "<base>"
	}
	return strings.Join(rows, ", ")
}
