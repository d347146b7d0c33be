package cli

import (
	"encoding/json"
	"io"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/revision"
)

// The --json shapes below are documented in docs/commands.md; they are a
// contract: add fields, never rename or remove them.

// revisionJSON is one revision.
type revisionJSON struct {
	ID              string   `json:"id"`
	Parents         []string `json:"parents"`
	DependsOn       []string `json:"depends_on"`
	BranchLabels    []string `json:"branch_labels"`
	Message         string   `json:"message"`
	Path            string   `json:"path"`
	IsHead          bool     `json:"is_head"`
	IsRealHead      bool     `json:"is_real_head"`
	IsEffectiveHead bool     `json:"is_effective_head"`
	IsBranchPoint   bool     `json:"is_branch_point"`
	IsMergePoint    bool     `json:"is_merge_point"`
	Labels          []string `json:"labels"`
	Current         *bool    `json:"is_current,omitempty"`
}

// revJSON describes r; current is nil when the database was not asked.
func revJSON(g *revision.Graph, r *revision.Revision, current *bool) revisionJSON {
	return revisionJSON{
		ID:              r.ID,
		Parents:         nonNil(r.Parents),
		DependsOn:       nonNil(r.DependsOn),
		BranchLabels:    nonNil(r.BranchLabels),
		Message:         r.Message,
		Path:            r.Path,
		IsHead:          g.IsHead(r.ID),
		IsRealHead:      g.IsRealHead(r.ID),
		IsEffectiveHead: g.IsEffectiveHead(r.ID),
		IsBranchPoint:   g.IsBranchPoint(r.ID),
		IsMergePoint:    g.IsMergePoint(r.ID),
		Labels:          nonNil(g.Labels(r.ID)),
		Current:         current,
	}
}

func revsJSON(g *revision.Graph, revs []*revision.Revision, current map[string]bool) []revisionJSON {
	out := make([]revisionJSON, 0, len(revs))
	for _, r := range revs {
		var cur *bool
		if current != nil {
			c := current[r.ID]
			cur = &c
		}
		out = append(out, revJSON(g, r, cur))
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// stepJSON is one executed or planned step of upgrade, downgrade or stamp.
type stepJSON struct {
	Direction  string   `json:"direction"`
	Revision   string   `json:"revision"`
	From       []string `json:"from"`
	To         []string `json:"to"`
	Message    string   `json:"message"`
	Text       string   `json:"text"`
	Statements int      `json:"statements"`
	DurationMS float64  `json:"duration_ms"`
}

// resultJSON is what upgrade, downgrade and stamp print with --json.
type resultJSON struct {
	Command  string     `json:"command"`
	Target   []string   `json:"target"`
	DryRun   bool       `json:"dry_run"`
	Before   []string   `json:"before"`
	After    []string   `json:"after"`
	Steps    []stepJSON `json:"steps"`
	Warnings []string   `json:"warnings"`
}

func resultToJSON(command string, target []string, r *retort.Result) resultJSON {
	out := resultJSON{
		Command:  command,
		Target:   nonNil(target),
		DryRun:   r.DryRun,
		Before:   nonNil(r.Before),
		After:    nonNil(r.After),
		Steps:    []stepJSON{},
		Warnings: nonNil(r.Warnings),
	}
	for _, s := range r.Steps {
		out.Steps = append(out.Steps, stepJSON{
			Direction:  s.Direction,
			Revision:   s.Revision,
			From:       nonNil(s.From),
			To:         nonNil(s.To),
			Message:    s.Message,
			Text:       s.Text,
			Statements: s.Statements,
			DurationMS: ms(s.Duration),
		})
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// writeJSON prints v indented, followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
