package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/revision"
)

type graphOptions struct {
	format string
	json   bool
}

func (a *app) graphCommand() *cobra.Command {
	o := &graphOptions{}
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the revision graph as Graphviz DOT or Mermaid",
		Long: `Print the whole revision graph for a diagram tool. Edges go from a parent
to its child; dashed edges are dependencies (depends_on). Heads are drawn
bold, and each node shows the id, its branch labels and the message.

Render DOT with Graphviz (dot -Tsvg) or paste Mermaid into Markdown.`,
		Example: `  retort graph | dot -Tsvg > revisions.svg
  retort graph --format mermaid
  retort graph --json`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.graph(o) }),
	}
	cmd.Flags().StringVar(&o.format, "format", "dot", "output format: dot or mermaid")
	cmd.Flags().BoolVar(&o.json, "json", false, "print nodes and edges as JSON (see docs/commands.md)")
	return cmd
}

// edgeJSON is one edge of `graph --json`.
type edgeJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	Kind string `json:"kind"` // "parent" or "depends_on"
}

func (a *app) graph(o *graphOptions) error {
	if o.format != "dot" && o.format != "mermaid" {
		return usageErrorf("--format %q: use dot or mermaid", o.format)
	}
	p, err := a.project()
	if err != nil {
		return err
	}
	g := p.graph
	revs := g.Revisions()
	if o.json {
		edges := []edgeJSON{}
		for _, r := range revs {
			for _, par := range r.Parents {
				edges = append(edges, edgeJSON{From: par, To: r.ID, Kind: "parent"})
			}
			for _, d := range g.Dependencies(r.ID) {
				edges = append(edges, edgeJSON{From: d.ID, To: r.ID, Kind: "depends_on"})
			}
		}
		return writeJSON(a.io.Out, map[string]any{"revisions": revsJSON(g, revs, nil), "edges": edges})
	}
	if o.format == "mermaid" {
		return writeMermaid(a.io.Out, g)
	}
	return writeDOT(a.io.Out, g)
}

// nodeLabel is what a diagram node shows: id, labels, message.
func nodeLabel(g *revision.Graph, r *revision.Revision) []string {
	head := r.ID
	if labels := g.Labels(r.ID); len(labels) > 0 {
		head += " (" + strings.Join(labels, ", ") + ")"
	}
	lines := []string{head}
	if r.Message != "" {
		lines = append(lines, r.Message)
	}
	return lines
}

// writeDOT prints Graphviz DOT, oldest revisions at the top.
func writeDOT(w io.Writer, g *revision.Graph) error {
	var b strings.Builder
	b.WriteString("digraph revisions {\n")
	b.WriteString("  node [shape=box, fontname=\"Helvetica\"];\n")
	for _, r := range g.Revisions() {
		lines := nodeLabel(g, r)
		for i, l := range lines {
			lines[i] = dotEscape(l)
		}
		attrs := fmt.Sprintf("label=\"%s\"", strings.Join(lines, `\n`))
		if g.IsHead(r.ID) {
			attrs += ", style=bold"
		}
		fmt.Fprintf(&b, "  \"%s\" [%s];\n", dotEscape(r.ID), attrs)
	}
	for _, r := range g.Revisions() {
		for _, p := range r.Parents {
			fmt.Fprintf(&b, "  \"%s\" -> \"%s\";\n", dotEscape(p), dotEscape(r.ID))
		}
		for _, d := range g.Dependencies(r.ID) {
			fmt.Fprintf(&b, "  \"%s\" -> \"%s\" [style=dashed, label=\"depends on\"];\n", dotEscape(d.ID), dotEscape(r.ID))
		}
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dotEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// writeMermaid prints a Mermaid flowchart, oldest revisions at the top. Node
// ids are r0, r1… because revision ids may hold characters Mermaid reserves.
func writeMermaid(w io.Writer, g *revision.Graph) error {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	ids := make(map[string]string, len(g.Revisions()))
	for i, r := range g.Revisions() {
		ids[r.ID] = fmt.Sprintf("r%d", i)
	}
	for _, r := range g.Revisions() {
		lines := nodeLabel(g, r)
		for i, l := range lines {
			lines[i] = mermaidEscape(l)
		}
		label := strings.Join(lines, "<br/>")
		if g.IsHead(r.ID) {
			label = "<b>" + label + "</b>"
		}
		fmt.Fprintf(&b, "  %s[\"%s\"]\n", ids[r.ID], label)
	}
	for _, r := range g.Revisions() {
		for _, p := range r.Parents {
			if from, ok := ids[p]; ok {
				fmt.Fprintf(&b, "  %s --> %s\n", from, ids[r.ID])
			}
		}
		for _, d := range g.Dependencies(r.ID) {
			fmt.Fprintf(&b, "  %s -. depends on .-> %s\n", ids[d.ID], ids[r.ID])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidEscape makes text safe inside a quoted Mermaid label.
func mermaidEscape(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ").Replace(s)
}
