package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

type resolveOptions struct {
	applied    bool
	rolledBack bool
}

func (a *app) resolveCommand() *cobra.Command {
	o := &resolveOptions{}
	cmd := &cobra.Command{
		Use:   "resolve REVISION (--applied | --rolled-back)",
		Short: "Settle a revision that failed part-way on MySQL/MariaDB",
		Long: `MySQL and MariaDB commit each DDL statement at once, so a revision that fails
part-way cannot be rolled back; neither can a no-transaction section. retort
records how far it got, and every later run refuses until an operator has
looked at the database and said what state it is in:

  --applied      the rest of the revision was finished by hand (or had
                 completed): record the revision as applied, with the
                 checksum of its file as it is now (fix the file first, so
                 that it says what the database holds).
  --rolled-back  what the revision did was undone by hand: keep the version
                 rows as they were before it.

'retort status' shows the failed revision, the statement and its position.`,
		Example: `  retort status
  retort resolve 1975ea83b712 --rolled-back
  retort resolve 1975ea83b712 --applied`,
		Args: targets(exactArgs(1, "the failed revision, e.g. 'retort resolve 1975ea83b712 --applied'")),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.resolve(cmd.Context(), o, args[0]) }),
	}
	cmd.Flags().BoolVar(&o.applied, "applied", false, "the failed revision is now fully applied")
	cmd.Flags().BoolVar(&o.rolledBack, "rolled-back", false, "the failed revision's changes were undone")
	return cmd
}

func (a *app) resolve(ctx context.Context, o *resolveOptions, rev string) error {
	if o.applied == o.rolledBack {
		return usageErrorf("resolve needs exactly one of --applied or --rolled-back")
	}
	action := retort.ResolveApplied
	if o.rolledBack {
		action = retort.ResolveRolledBack
	}
	rep := a.newReporter()
	defer rep.done()
	s, err := a.openMigrator(ctx, false, rep)
	if err != nil {
		return err
	}
	defer s.close()
	f, err := s.m.Resolve(ctx, rev, action)
	if err != nil {
		return err
	}
	what := f.Revision
	if f.Path != "" {
		what += " (" + f.Path + ")"
	}
	if action == retort.ResolveApplied {
		a.status("Recorded the failed %s of %s as completed; the version rows now say so.", f.Direction, what)
	} else {
		a.status("Recorded the failed %s of %s as rolled back; the version rows are as before it.", f.Direction, what)
	}
	return nil
}
