package cli

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/revision"
)

type historyOptions struct {
	rangeSpec       string
	verbose         bool
	indicateCurrent bool
	graph           bool
	applied         bool
	json            bool
}

func (a *app) historyCommand() *cobra.Command {
	o := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List revisions, newest first",
		Long: `List revisions newest first (from the heads down to the bases), one line each:

    <parents> -> <rev>[ (<labels>)][ (head)][ (effective head)][ (current)][ (branchpoint)][ (mergepoint)], <message>

-r START:END limits the list (both ends inclusive; an empty START means base,
an empty END means heads; either may be "current", a relative "-3" start or a
"+2" end). -i marks the database's current revisions, --graph draws the graph
like "git log --graph", and --applied shows the database's audit trail (the
retort_history table) instead of the files.`,
		Example: `  retort history
  retort history -r -3:
  retort history -r base:current -i
  retort history --graph
  retort history --applied`,
		Annotations: readsOnly(),
		Args:        noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("rev-range") {
				if err := revision.CheckRangeSides(o.rangeSpec); err != nil {
					return usageErrorf("-r: %w", err)
				}
			}
			return a.history(cmd.Context(), o)
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&o.rangeSpec, "rev-range", "r", "", "range `START:END` to show (either side may be empty)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "show each revision's full block")
	f.BoolVarP(&o.indicateCurrent, "indicate-current", "i", false, "mark the database's current revisions with (current)")
	f.BoolVar(&o.graph, "graph", false, "draw the graph as text, like git log --graph")
	f.BoolVar(&o.applied, "applied", false, "show the applied-steps audit trail from the database")
	f.BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

func (a *app) history(ctx context.Context, o *historyOptions) error {
	if o.applied {
		if o.rangeSpec != "" || o.graph || o.indicateCurrent || o.verbose {
			return usageErrorf("--applied cannot be combined with -r, -v, -i or --graph")
		}
		return a.historyApplied(ctx, o)
	}
	if o.graph && o.verbose {
		return usageErrorf("--graph cannot be combined with -v")
	}
	start, end, ok := revision.SplitRange(o.rangeSpec)
	if o.rangeSpec != "" && !ok {
		return failf("History range requires [start]:[end], [start]:, or :[end]")
	}
	needDB := o.indicateCurrent || start == "current" || end == "current"

	var g *revision.Graph
	var rows []string
	if needDB {
		var err error
		if rows, _, err = a.currentRows(ctx); err != nil {
			return err
		}
		if g, err = a.loadGraph(); err != nil {
			return err
		}
		if rows, err = g.MapRows(rows); err != nil {
			return err
		}
	} else {
		p, err := a.project()
		if err != nil {
			return err
		}
		g = p.graph
	}
	revs, err := g.History(o.rangeSpec, rows)
	if err != nil {
		return err
	}
	var current map[string]bool
	if o.indicateCurrent {
		current = make(map[string]bool, len(rows))
		for _, r := range rows {
			current[r] = true
		}
	}
	switch {
	case o.json:
		return writeJSON(a.io.Out, map[string]any{"revisions": revsJSON(g, revs, current)})
	case o.graph:
		w := lineBuffer{w: a.io.Out}
		for _, line := range drawHistory(g, revs, current) {
			w.line(line)
		}
		w.flush()
	case o.verbose:
		w := lineBuffer{w: a.io.Out}
		for _, r := range revs {
			w.line(g.VerboseBlock(r, current[r.ID]))
		}
		w.flush()
	default:
		w := lineBuffer{w: a.io.Out}
		for _, r := range revs {
			w.line(g.HistoryLine(r, current[r.ID]))
		}
		w.flush()
	}
	return nil
}

// lineBuffer gathers whole lines and writes them many at a time: a long
// history is a few writes instead of one per revision, and each write
// still ends at a line's end (output is scrubbed of passwords write by
// write). Write errors are dropped, as fmt.Fprintln's were.
type lineBuffer struct {
	w   io.Writer
	buf []byte
}

func (b *lineBuffer) line(s string) {
	b.buf = append(append(b.buf, s...), '\n')
	if len(b.buf) >= 32<<10 {
		b.flush()
	}
}

func (b *lineBuffer) flush() {
	if len(b.buf) > 0 {
		_, _ = b.w.Write(b.buf)
	}
	b.buf = b.buf[:0]
}

// appliedJSON is one row of the audit trail.
type appliedJSON struct {
	ID         int64     `json:"id"`
	Revision   string    `json:"revision"`
	Direction  string    `json:"direction"`
	Status     string    `json:"status"`
	Checksum   string    `json:"checksum"`
	Path       string    `json:"path"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at"`
	DurationMS float64   `json:"duration_ms"`
	AppliedBy  string    `json:"applied_by"`
	Version    string    `json:"retort_version"`
	Tag        string    `json:"tag"`
	Statements int       `json:"statements"`
	Executed   int       `json:"executed"`
	Success    bool      `json:"success"`
	Error      string    `json:"error"`
}

func (a *app) historyApplied(ctx context.Context, o *historyOptions) error {
	s, err := a.openMigrator(ctx, false, nil)
	if err != nil {
		return err
	}
	defer s.close()
	entries, err := s.m.Applied(ctx)
	if err != nil {
		return err
	}
	if o.json {
		out := make([]appliedJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, appliedToJSON(e))
		}
		return writeJSON(a.io.Out, map[string]any{"applied": out})
	}
	if len(entries) == 0 {
		a.status("No steps recorded in the history table.")
		return nil
	}
	tw := tabwriter.NewWriter(a.io.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STARTED\tDIRECTION\tREVISION\tDURATION\tBY\tVERSION\tSTATUS")
	for _, e := range entries {
		result := e.Status
		if e.Error != "" {
			result += ": " + oneLine(config.Redact(e.Error))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			e.StartedAt.Format("2006-01-02 15:04:05 MST"), e.Direction, e.Revision,
			formatDuration(e.Duration), e.AppliedBy, e.Version, result)
	}
	return tw.Flush()
}

func appliedToJSON(e retort.HistoryEntry) appliedJSON {
	return appliedJSON{
		ID: e.ID, Revision: e.Revision, Direction: e.Direction, Status: e.Status, Checksum: e.Checksum,
		Path: e.Path, StartedAt: e.StartedAt, FinishedAt: e.FinishedAt, DurationMS: ms(e.Duration),
		AppliedBy: e.AppliedBy, Version: e.Version, Tag: e.Tag, Statements: e.Statements,
		Executed: e.Executed, Success: e.Success, Error: config.Redact(e.Error),
	}
}
