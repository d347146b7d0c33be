package cli

import (
	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/script"
)

type mergeOptions struct {
	message      string
	branchLabels []string
	revID        string
	splice       bool
}

func (a *app) mergeCommand() *cobra.Command {
	o := &mergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge [-m MESSAGE] REVISION...",
		Short: "Create a revision that merges several revisions into one",
		Long: `Create a new revision whose parents are the given revisions (usually the
heads of diverged branches), so the graph has one head again. Its upgrade and
downgrade sections start empty. REVISION may be any target, e.g. "heads".
Merging a revision that is not a head needs --splice.`,
		Example: `  retort merge heads -m "merge branches"
  retort merge ae1027a6acf 27c6a30d7c24 -m "merge ae1 and 27c"`,
		Args: targets(minArgs(1, "the revisions to merge, e.g. 'retort merge heads -m \"merge\"'")),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if err := checkRevIDFlag(cmd, o.revID); err != nil {
				return err
			}
			_, err := a.createRevision(script.NewRevision{
				Message:      o.message,
				Heads:        args,
				Splice:       o.splice,
				BranchLabels: o.branchLabels,
				RevID:        o.revID,
			})
			return err
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "the merge revision's message")
	f.StringArrayVar(&o.branchLabels, "branch-label", nil, "branch label for the merge revision (repeatable)")
	f.StringVar(&o.revID, "rev-id", "", "use this revision id instead of a generated one (at most 32 characters; no whitespace, '/', '\\', '..' or any of '@-+:')")
	f.BoolVar(&o.splice, "splice", false, "allow merging revisions that are not heads")
	return cmd
}
