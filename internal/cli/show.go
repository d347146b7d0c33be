package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/revision"
)

type showOptions struct {
	json bool
}

func (a *app) showCommand() *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show REV",
		Short: "Show the revision(s) a target names",
		Long: `Show the full block of every revision REV resolves to:

    Rev: <rev>[ (head)][ (branchpoint)][ (mergepoint)]
    Parent: <parents>            (Merges: … for a merge point)
    Also depends on: <deps>
    Branches into: <children>
    Branch names: <labels>
    Path: <file>

        <message>

REV is any target (see docs/revisions.md): an id or unique prefix, a branch
label, head, heads, label@head, ±N… "current" shows the database's current
revisions.`,
		Example: `  retort show 1975ea83b712
  retort show head
  retort show shoppingcart@head
  retort show current --json`,
		Annotations: readsOnly(),
		Args:        targets(exactArgs(1, "one revision, e.g. 'retort show head'")),
		RunE:        a.runE(func(cmd *cobra.Command, args []string) error { return a.show(cmd.Context(), o, args[0]) }),
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

func (a *app) show(ctx context.Context, o *showOptions, rev string) error {
	g, revs, err := a.resolveWithCurrent(ctx, rev)
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.io.Out, map[string]any{"revisions": revsJSON(g, revs, nil)})
	}
	for _, r := range revs {
		a.printBlock(g.VerboseBlock(r, false))
	}
	return nil
}

// resolveWithCurrent resolves a target symbol; "current" asks the database
// for its version rows (with the effective heads they imply).
func (a *app) resolveWithCurrent(ctx context.Context, symbol string) (*revision.Graph, []*revision.Revision, error) {
	if symbol == "current" {
		rows, _, err := a.currentRows(ctx)
		if err != nil {
			return nil, nil, err
		}
		g, err := a.loadGraph()
		if err != nil {
			return nil, nil, err
		}
		if rows, err = g.MapRows(rows); err != nil {
			return nil, nil, err
		}
		revs, err := a.currentRevisions(g, rows)
		return g, revs, err
	}
	p, err := a.project()
	if err != nil {
		return nil, nil, err
	}
	revs, err := p.graph.Resolve(symbol)
	return p.graph, revs, err
}

// currentRevisions maps version rows to revisions, failing with advice when
// a row names a revision no file defines.
func (a *app) currentRevisions(g *revision.Graph, rows []string) ([]*revision.Revision, error) {
	for _, row := range rows {
		if g.Get(row) == nil {
			return nil, failf("Can't locate revision identified by '%s': the version table holds a revision that no file defines; restore the file, or reset the table with 'retort stamp --purge <revision>'", row)
		}
	}
	return g.CurrentHeads(rows)
}
