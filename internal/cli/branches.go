package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

type branchesOptions struct {
	verbose bool
	json    bool
}

func (a *app) branchesCommand() *cobra.Command {
	o := &branchesOptions{}
	cmd := &cobra.Command{
		Use:   "branches",
		Short: "Show the branch points of the revision graph",
		Long: `Show every branch point (a revision with more than one child), newest
first, followed by one line per child:

    <rev>[ (<labels>)] (branchpoint)
                 -> <child>[ (<labels>)][ (head)]

With -v the branch point is shown as a full block and each child line ends
with its message.`,
		Example: `  retort branches
  retort branches -v
  retort branches --json`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.branches(o) }),
	}
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "show full blocks and child messages")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

type branchPointJSON struct {
	revisionJSON
	Children []revisionJSON `json:"children"`
}

func (a *app) branches(o *branchesOptions) error {
	p, err := a.project()
	if err != nil {
		return err
	}
	g := p.graph
	all, err := g.History("", nil)
	if err != nil {
		return err
	}
	points := []branchPointJSON{}
	for _, r := range all {
		if !g.IsBranchPoint(r.ID) {
			continue
		}
		children := g.Children(r.ID)
		if o.json {
			points = append(points, branchPointJSON{revJSON(g, r, nil), revsJSON(g, children, nil)})
			continue
		}
		var head string
		if o.verbose {
			head = g.VerboseBlock(r, false)
		} else {
			head = shortLine(g, r, lineOpts{branches: true, tree: true})
		}
		pad := strings.Repeat(" ", len(r.ID))
		lines := make([]string, 0, len(children))
		for _, c := range children {
			lines = append(lines, pad+" -> "+shortLine(g, c, lineOpts{branches: true, tree: true, doc: o.verbose}))
		}
		fmt.Fprintf(a.io.Out, "%s\n%s\n\n", head, strings.Join(lines, "\n"))
	}
	if o.json {
		return writeJSON(a.io.Out, map[string]any{"branch_points": points})
	}
	return nil
}
