package cli

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

type stampOptions struct {
	sql         bool
	purge       bool
	tag         string
	lockTimeout time.Duration
	json        bool

	lockTimeoutSet bool
}

func (a *app) stampCommand() *cobra.Command {
	o := &stampOptions{}
	cmd := &cobra.Command{
		Use:   "stamp REVISION...",
		Short: "Set the version table to revisions without running them",
		Long: `Rewrite the alembic_version rows so the database is recorded at the given
revision(s), running no upgrade or downgrade section. Use it when the schema
is already in that state (created by hand, restored from a dump…).

"base" removes the rows, "heads" records every head, several revisions may
be given. An empty or blank REVISION ('retort stamp ""') is a usage error
that changes nothing, never base. --purge deletes every row first, even rows naming revisions that
no file defines. --sql prints the SQL instead (each REVISION may be
START:END, all with the same START).`,
		Example: `  retort stamp head
  retort stamp 1975ea83b712 27c6a30d7c24
  retort stamp --purge head
  retort stamp --sql base:head`,
		Args: targets(minArgs(1, "at least one revision, e.g. 'retort stamp head'")),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			o.lockTimeoutSet = cmd.Flags().Changed("lock-timeout")
			return a.stamp(cmd.Context(), o, args)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&o.sql, "sql", false, "print the SQL instead of changing the database")
	f.BoolVar(&o.purge, "purge", false, "delete every version row first (unknown ones too)")
	f.StringVar(&o.tag, "tag", "", "an opaque tag recorded with the run")
	f.DurationVar(&o.lockTimeout, "lock-timeout", 0, "give up waiting for another run's lock after this long (0 waits forever)")
	f.BoolVar(&o.json, "json", false, "print the result as JSON (see docs/commands.md)")
	return cmd
}

func (a *app) stamp(ctx context.Context, o *stampOptions, targets []string) error {
	if o.sql && o.purge {
		return failf("Can't use --purge with --sql mode")
	}
	if o.sql && o.json {
		return usageErrorf("--sql and --json cannot be combined: --sql prints SQL")
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
	if o.purge {
		opts = append(opts, retort.StampPurge())
	}
	res, err := s.m.Stamp(ctx, targets, opts...)
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
	if o.purge && len(res.Before) > 0 && !o.json {
		rep.info("Purged the version table: deleted %d row%s (%s); the database is now at %s",
			len(res.Before), plural(len(res.Before)), strings.Join(res.Before, ", "), rowsText(res.After))
	}
	return a.printResult("stamp", targets, res, o.json, o.sql, rep)
}
