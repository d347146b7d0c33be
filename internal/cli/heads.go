package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

type headsOptions struct {
	verbose             bool
	resolveDependencies bool
	json                bool
}

func (a *app) headsCommand() *cobra.Command {
	o := &headsOptions{}
	cmd := &cobra.Command{
		Use:   "heads",
		Short: "Show the current heads of the revision graph",
		Long: `Show the heads of the revision graph, one per line in file order:

    <rev>[ (<branch labels>)][ (head)|(effective head)]

A revision that something depends on (depends_on) but that nothing revises is
an "effective head"; --resolve-dependencies shows only the real heads, which
is what the "heads" target means for upgrade.`,
		Example: `  retort heads
  retort heads -v
  retort heads --resolve-dependencies --json`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.heads(o) }),
	}
	f := cmd.Flags()
	f.BoolVarP(&o.verbose, "verbose", "v", false, "show each head's full block (parent, path, message)")
	f.BoolVar(&o.resolveDependencies, "resolve-dependencies", false, "show only real heads (not those that are only depended on)")
	f.BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

func (a *app) heads(o *headsOptions) error {
	p, err := a.project()
	if err != nil {
		return err
	}
	g := p.graph
	heads := g.Heads()
	if o.resolveDependencies {
		heads = g.RealHeads()
	}
	if o.json {
		return writeJSON(a.io.Out, map[string]any{"heads": revsJSON(g, heads, nil)})
	}
	for _, r := range heads {
		if o.verbose {
			a.printBlock(g.VerboseBlock(r, false))
			continue
		}
		fmt.Fprintln(a.io.Out, g.HeadsLine(r))
	}
	return nil
}

// printBlock prints a verbose "Rev: …" block followed by a blank line, as
// Alembic's print of log_entry does.
func (a *app) printBlock(block string) {
	fmt.Fprintln(a.io.Out, block)
}
