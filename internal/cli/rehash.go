package cli

import (
	"context"

	"github.com/spf13/cobra"
)

type rehashOptions struct {
	json bool
}

func (a *app) rehashCommand() *cobra.Command {
	o := &rehashOptions{}
	cmd := &cobra.Command{
		Use:   "rehash [REVISION...]",
		Short: "Accept edits to applied revision files by recording their new checksums",
		Long: `retort records a checksum of each revision it runs and refuses to upgrade or
downgrade when an applied revision's file has changed since. When the edit is
intended (a comment, a fix that is already in the database), rehash records
the file's current checksum; the edited statements are not run.

Without arguments every edited applied revision is recorded.`,
		Example: `  retort rehash
  retort rehash 1975ea83b712`,
		Args: targets(cobra.ArbitraryArgs),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.rehash(cmd.Context(), o, args) }),
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

func (a *app) rehash(ctx context.Context, o *rehashOptions, revs []string) error {
	rep := a.newReporter()
	defer rep.done()
	s, err := a.openMigrator(ctx, false, rep)
	if err != nil {
		return err
	}
	defer s.close()
	ids, err := s.m.Rehash(ctx, revs...)
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.io.Out, map[string]any{"rehashed": nonNil(ids)})
	}
	if len(ids) == 0 {
		a.status("No applied revision file was edited; nothing to record.")
		return nil
	}
	for _, id := range ids {
		a.status("Recorded the new checksum of %s", id)
	}
	return nil
}
