package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

type revisionOptions struct {
	message      string
	head         string
	splice       bool
	branchLabels []string
	dependsOn    []string
	revID        string
	versionPath  string
	autogenerate bool
	allowEmpty   bool
	renames      []string
	baseline     bool
}

func (a *app) revisionCommand() *cobra.Command {
	o := &revisionOptions{}
	cmd := &cobra.Command{
		Use:   "revision -m MESSAGE",
		Short: "Create a new revision file",
		Long: `Create a new revision file in the version location, revising the current
head (or --head), with empty upgrade and downgrade sections to fill in:

    Generating /abs/path/versions/1975ea83b712_create_account_table.sql ...  done

With several heads, name the one to build on (--head), or merge them first.
Building on a revision that is not a head starts a new branch and needs
--splice. --head base starts a new independent base. The file name follows
file_template in retort.toml (default "%(rev)s_%(slug)s").

With --autogenerate, a table or column renamed in the models looks like a
drop and an add, which would lose its data. Declare it with --rename
(OLD=NEW for a table, TABLE.OLD=NEW for a column, TABLE by its new name) to
get ALTER TABLE … RENAME in the upgrade and the rename back in the
downgrade. Models can say it too: "-- retort:renamed-from OLD" ending a
CREATE TABLE or column line of a .sql model, retort:"renamed_from:OLD" on a
Go field. On a terminal, retort asks about a drop and an add that look like
a rename ("Did you rename trends.score to trends.points? [y/N]"); otherwise
they stay as they are, under a "-- REVIEW: likely rename" note naming the
flag. See docs/autogenerate.md, "Renames".

--autogenerate --baseline adopts a database that existed before retort: the
revision creates the database's current schema from nothing (its downgrade
drops it all), with no models needed. Then mark the database as being at it
without running it:

    retort revision --autogenerate --baseline -m "baseline"
    retort stamp head

A database that already has version rows is refused (it has a history).
The version and history tables are never part of the baseline; include and
exclude in retort.toml choose the objects. See "Adopting an existing
database" in docs/tutorial.md.`,
		Example: `  retort revision -m "create account table"
  retort revision -m "add shopping cart" --head base --branch-label shoppingcart
  retort revision -m "fix" --head 1975ea83b712 --splice
  retort revision -m "needs accounts" --depends-on 1975ea83b712
  retort revision --autogenerate -m "rename score" --rename trends.score=rank
  retort revision --autogenerate -m "rename table" --rename trends=rankings
  retort revision --autogenerate --baseline -m "baseline"`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if err := checkRevIDFlag(cmd, o.revID); err != nil {
				return err
			}
			return a.revision(cmd.Context(), o)
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "the revision's message (also its file name's slug)")
	f.StringVar(&o.head, "head", "head", "revision(s) the new one revises: an id, label@head, heads, or base")
	f.BoolVar(&o.splice, "splice", false, "allow --head to name a revision that is not a head (starts a branch)")
	f.StringArrayVar(&o.branchLabels, "branch-label", nil, "branch label for the new revision (repeatable)")
	f.StringArrayVar(&o.dependsOn, "depends-on", nil, "revision or label the new one depends on (repeatable)")
	f.StringVar(&o.revID, "rev-id", "", "use this revision id instead of a generated one (at most 32 characters; no whitespace, '/', '\\', '..' or any of '@-+:')")
	f.StringVar(&o.versionPath, "version-path", "", "version location to write to (one of version_locations)")
	f.BoolVar(&o.autogenerate, "autogenerate", false, "fill the revision from the difference between the models and the database (which must be at its heads)")
	f.BoolVar(&o.allowEmpty, "allow-empty", false, "with --autogenerate, write a revision even when nothing differs")
	f.StringArrayVar(&o.renames, "rename", nil, "with --autogenerate, "+renameFlagHelp)
	f.BoolVar(&o.baseline, "baseline", false, "with --autogenerate, write the revision that creates the database's current schema from nothing (adopting an existing database; then run `retort stamp head`)")
	return cmd
}

func (a *app) revision(ctx context.Context, o *revisionOptions) error {
	if o.allowEmpty && !o.autogenerate {
		return usageErrorf("--allow-empty goes with --autogenerate")
	}
	if len(o.renames) > 0 && !o.autogenerate {
		return usageErrorf("--rename goes with --autogenerate")
	}
	if o.baseline && !o.autogenerate {
		return usageErrorf("--baseline goes with --autogenerate: retort revision --autogenerate --baseline -m MESSAGE")
	}
	if o.baseline && len(o.renames) > 0 {
		return usageErrorf("--rename has nothing to rename with --baseline: a baseline creates the database's schema from nothing")
	}
	// An empty --head would be read as base (a new root), an empty
	// --depends-on as nothing: both are refused like blank targets.
	if err := revision.CheckTarget(o.head); err != nil {
		return usageErrorf("--head: %w", err)
	}
	for _, d := range o.dependsOn {
		if err := revision.CheckTarget(d); err != nil {
			return usageErrorf("--depends-on: %w", err)
		}
	}
	n := script.NewRevision{
		Message:       o.message,
		Heads:         []string{o.head},
		Splice:        o.splice,
		BranchLabels:  o.branchLabels,
		DependsOn:     o.dependsOn,
		RevID:         o.revID,
		VersionPath:   o.versionPath,
		MultipleHeads: retort.MultipleHeadsMessage,
	}
	if o.autogenerate {
		return a.autogenerate(ctx, o, n)
	}
	_, err := a.createRevision(n)
	return err
}

// checkRevIDFlag refuses an empty --rev-id: given, it is not "generate one".
func checkRevIDFlag(cmd *cobra.Command, id string) error {
	if cmd.Flags().Changed("rev-id") && id == "" {
		return usageErrorf("--rev-id is empty; give an id, or leave the flag out to generate one")
	}
	return nil
}

// createRevision writes a new revision file with the library's rules
// (script.Author, Alembic's generate_revision), from retort.toml's
// version locations, file_template, truncate_slug_length and timezone, and
// returns its path.
func (a *app) createRevision(n script.NewRevision) (string, error) {
	p, err := a.project()
	if err != nil {
		return "", err
	}
	cfg := p.cfg
	author := &script.Author{
		Graph:              p.graph,
		ScriptLocation:     cfg.ScriptLocation,
		Locations:          cfg.VersionLocations,
		FileTemplate:       cfg.FileTemplate,
		TruncateSlugLength: cfg.TruncateSlugLength,
		Now: func() (time.Time, error) {
			loc, err := cfg.Location()
			if err != nil {
				return time.Time{}, fmt.Errorf("timezone %q: %w", cfg.Timezone, err)
			}
			return time.Now().In(loc), nil
		},
	}
	path, _, err := author.Create(n)
	if err != nil {
		return "", err
	}
	a.status("Generating %s ...  done", path)
	return path, nil
}
