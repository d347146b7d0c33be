package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/revision"
)

type currentOptions struct {
	verbose    bool
	checkHeads bool
	json       bool
	fleet      fleetFlags
}

func (a *app) currentCommand() *cobra.Command {
	o := &currentOptions{}
	cmd := &cobra.Command{
		Use:   "current",
		Short: "Show the database's current revision(s)",
		Long: `Show one line per version row of the database, plus the effective heads its
rows imply through depends_on:

    <rev>[ (head)|(effective head)][ (branchpoint)][ (mergepoint)]

An empty database prints nothing. -v prints "Current revision(s) for <url>:"
(password hidden) and full blocks. --check-heads fails unless the version
rows are exactly the graph's heads. Never creates the version table, nor a
SQLite file: a missing one is an error naming its path.` + fleetHelp,
		Example: `  retort current
  retort current -v
  retort current --check-heads
  retort current --json
  retort current --all`,
		Annotations: readsOnly(),
		Args:        noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if sel, isFleet, err := o.fleet.selector(cmd); err != nil || isFleet {
				if err != nil {
					return err
				}
				return a.currentFleet(cmd.Context(), o, sel)
			}
			return a.current(cmd.Context(), o)
		}),
	}
	f := cmd.Flags()
	f.BoolVarP(&o.verbose, "verbose", "v", false, "show the database and full blocks")
	f.BoolVar(&o.checkHeads, "check-heads", false, "fail unless the database is on all head revisions")
	f.BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	o.fleet.register(cmd)
	return cmd
}

func (a *app) current(ctx context.Context, o *currentOptions) error {
	// The revision headers load while the database answers: neither waits
	// for the other. The configuration is read first, and the errors keep
	// their order (the database's before the files').
	if _, err := a.config(); err != nil {
		return err
	}
	type loaded struct {
		g   *revision.Graph
		err error
	}
	graph := make(chan loaded, 1)
	go func() {
		g, err := a.loadGraph()
		graph <- loaded{g, err}
	}()
	rows, display, err := a.currentRows(ctx)
	l := <-graph
	if err != nil {
		return err
	}
	g, err := l.g, l.err
	if err != nil {
		return err
	}
	// A row naming the end of a squashed stretch is the squashed revision.
	if rows, err = g.MapRows(rows); err != nil {
		return err
	}
	if o.verbose && !o.json {
		fmt.Fprintf(a.io.Out, "Current revision(s) for %s:\n", a.redact(display))
	}
	heads := map[string]bool{}
	for _, h := range g.Heads() {
		heads[h.ID] = true
	}
	onHeads := len(rows) == len(heads)
	for _, r := range rows {
		onHeads = onHeads && heads[r]
	}
	if o.checkHeads && !onHeads {
		return failf("Database is not on all head revisions")
	}
	revs, err := a.currentRevisions(g, rows)
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.io.Out, map[string]any{
			"database":  a.redact(display),
			"rows":      nonNil(rows),
			"revisions": revsJSON(g, revs, nil),
			"on_heads":  onHeads,
		})
	}
	for _, r := range revs {
		if o.verbose {
			a.printBlock(g.VerboseBlock(r, false))
		} else {
			fmt.Fprintln(a.io.Out, g.CurrentLine(r))
		}
	}
	return nil
}
