package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

type squashOptions struct {
	message string
	revID   string
	keep    bool
	dryRun  bool
	dialect string
}

func (a *app) squashCommand() *cobra.Command {
	o := &squashOptions{}
	cmd := &cobra.Command{
		Use:   "squash START:END -m MESSAGE",
		Short: "Fold a linear stretch of revisions into one revision",
		Long: `Fold the revisions from START to END (START an ancestor of END, one parent
each) into one new revision that revises START's parent:

  - its upgrade is the schema difference across the stretch: the revisions up
    to START's parent and then up to END are applied to a scratch database
    (dev_url's server, else the database's own; SQLite in memory), both states
    inspected and the difference rendered as autogenerate renders it;
  - the data statements of the folded revisions (INSERT, UPDATE, DELETE and
    anything else that is not a schema statement, and routines and triggers,
    which inspection does not see) follow, quoted verbatim, each under a
    "-- REVIEW:" note: read them before committing the new file;
  - its downgrade is the reverse difference, after the downgrades' data
    statements;
  - its header lists the folded ids in "Replaces:" (docs/file-format.md).

The children of END are rewired to revise the new revision, and the folded
files are deleted (--keep moves them aside as <file>.squashed, which retort
does not read). Every file is written to a temporary file first; on any error
no file changes.

A database whose version row names END is at the new revision: current shows
it, upgrade continues from it, stamp accepts END's id. A database at a folded
revision before END is partway through the new revision and is refused: upgrade
it to END with the old files first, or stamp it.

Refused, naming the revision and changing nothing: a stretch with a branch
point, a merge point, a branch label or depends_on inside, a revision another
one depends on, and a range that is not START:END of a linear ancestor pair.`,
		Example: `  retort squash 1975ea83b712:ae1027a6acf -m "initial schema"
  retort squash 1975:ae10 -m "initial schema" --dry-run
  retort squash 1975:ae10 -m "initial schema" --keep`,
		Args: targets(exactArgs(1, "the stretch to fold as START:END, e.g. 'retort squash 1975:ae10 -m \"initial schema\"'")),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if err := checkRevIDFlag(cmd, o.revID); err != nil {
				return err
			}
			return a.squash(cmd.Context(), args[0], o)
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "the new revision's message (also its file name's slug)")
	f.StringVar(&o.revID, "rev-id", "", "use this revision id instead of a generated one (at most 32 characters; no whitespace, '/', '\\', '..' or any of '@-+:')")
	f.BoolVar(&o.keep, "keep", false, "move the folded files aside (renamed <file>.squashed) instead of deleting them")
	f.BoolVar(&o.dryRun, "dry-run", false, "print the new revision file to stdout and write nothing")
	f.StringVar(&o.dialect, "dialect", "", "database kind when no url is configured (sqlite needs no server)")
	return cmd
}

func (a *app) squash(ctx context.Context, rng string, o *squashOptions) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	name, driver, source, err := a.scratchServer(cfg, o.dialect, "retort squash")
	if err != nil {
		return err
	}
	s, err := a.openForLint(ctx, name)
	if err != nil {
		return err
	}
	defer s.close()
	loc, err := cfg.Location()
	if err != nil {
		return fmt.Errorf("timezone %q: %w", cfg.Timezone, err)
	}
	res, err := s.m.Squash(ctx, retort.SquashOptions{
		Range: rng, Message: o.message, RevID: o.revID, Time: time.Now().In(loc),
		FileTemplate: cfg.FileTemplate, TruncateSlugLength: cfg.TruncateSlugLength,
		Keep: o.keep, DryRun: o.dryRun, DriverName: driver, DataSource: source,
	})
	if err != nil {
		return err
	}
	if o.dryRun {
		_, err := a.io.Out.Write(res.Content)
		return err
	}
	a.status("Generating %s ...  done", res.Path)
	for _, p := range res.Rewired {
		a.status("Rewired %s to revise %s", p, res.Revision.ID)
	}
	verb := "Deleted"
	if o.keep {
		verb = "Moved aside"
	}
	for _, p := range res.Removed {
		a.status("%s %s", verb, p)
	}
	if res.Data > 0 {
		a.status("%d data statement%s quoted under -- REVIEW: notes: read them before committing", res.Data, plural(res.Data))
	}
	return nil
}
