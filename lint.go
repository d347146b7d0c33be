package retort

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/lint"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/schema"
)

// LintOptions configure Lint: rules to turn off and levels to change
// (retort.toml's [lint] table). Unknown rule ids are an error.
type LintOptions struct {
	// Disable lists rule ids not to run.
	Disable []string
	// Severity sets a rule's level: "error", "warning" or "off".
	Severity map[string]string
	// Database: start from the schema of the Migrator's database, as
	// inspected, instead of from the DDL of the revisions it has applied,
	// and lint only the revisions it has not applied (of rangeSpec, when
	// given). Exact where the files cannot be: tables made outside the
	// revisions, the server's own types. Needs the *sql.DB; reads only.
	Database bool
	// Stairway, when set, measures the downgrade-not-reverse check instead
	// of reading it from the DDL: the revisions linted are upgraded,
	// downgraded and upgraded again one at a time on a scratch database
	// (Test's stairway), and each difference between the inspected
	// schemas is a finding at the downgrade. The scratch database is
	// created on Stairway's server (SQLite: in memory) and dropped; the
	// Migrator's own database is not used.
	Stairway *LintStairway
}

// Finding is one problem Lint found in a revision file.
type Finding struct {
	Rule     string `json:"rule"`     // stable id, e.g. "pg-create-index-concurrently"
	Severity string `json:"severity"` // "error" or "warning"
	Revision string `json:"revision"`
	// File is the revision file as Revision.Path names it (relative to the
	// fs.FS given to Open, or absolute with WithVersionDirs).
	File      string `json:"file"`
	Line      int    `json:"line"`
	Section   string `json:"section,omitempty"`   // "upgrade", "downgrade", or "" for the file
	Statement string `json:"statement,omitempty"` // the statement's SQL, "" for the file
	Message   string `json:"message"`             // why, about this statement
	Safe      string `json:"safe"`                // the safe alternative
	Squawk    string `json:"squawk,omitempty"`    // squawk's id for the same hazard
}

// LintRule describes one rule.
type LintRule struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	// Dialects is the rule set it belongs to ("" every dialect, "pg",
	// "mysql", "sqlite").
	Set     string `json:"set,omitempty"`
	Doc     string `json:"doc"`
	Safe    string `json:"safe"`
	Squawk  string `json:"squawk,omitempty"`
	Example string `json:"example"`
}

// LintRules lists every rule, in documentation order.
func LintRules() []LintRule {
	var out []LintRule
	for _, r := range lint.Rules() {
		out = append(out, LintRule{ID: r.ID, Severity: r.Severity.String(), Set: r.Set, Doc: r.Doc, Safe: r.Safe,
			Squawk: r.Squawk, Example: r.Example})
	}
	return out
}

// ErrLintConfig is matched by Lint's error for an unknown rule id or level.
var ErrLintConfig = errors.New("invalid lint configuration")

// Lint checks the revision files of rangeSpec ("" for every revision;
// "START:END" as history takes it, both ends inclusive; or one revision:
// an id, a prefix, "head", "label@head") and returns the findings, oldest
// revision first. It reads files only: the schema each revision starts
// from is tracked from the DDL of the revisions before it, in graph order
// (o.Database: inspected from the Migrator's database instead; o.Stairway:
// the downgrade check measured on a scratch database).
func (m *Migrator) Lint(ctx context.Context, rangeSpec string, o LintOptions) ([]Finding, error) {
	cfg := lint.Config{Disable: o.Disable, Severity: o.Severity}
	if err := lint.CheckConfig(cfg); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrLintConfig, err.Error())
	}
	selected, err := m.lintRange(rangeSpec)
	if err != nil {
		return nil, err
	}
	var start *schema.Schema
	applied := map[string]bool{}
	if o.Database {
		if start, applied, err = m.lintStart(ctx, rangeSpec, selected); err != nil {
			return nil, err
		}
	}
	revs, err := m.lintRevisions(ctx)
	if err != nil {
		return nil, err
	}
	linted := map[string]bool{}
	for i := range revs {
		revs[i].Lint = selected[revs[i].ID] && !applied[revs[i].ID]
		revs[i].Applied = applied[revs[i].ID]
		if revs[i].Lint && !revs[i].Go {
			linted[revs[i].ID] = true
		}
	}
	if o.Stairway != nil && lintRuleOn(cfg, "downgrade-not-reverse") {
		measured, err := m.lintStairway(ctx, o.Stairway, linted)
		if err != nil {
			return nil, err
		}
		for i := range revs {
			revs[i].Reverse = measured[revs[i].ID]
		}
	}
	fs, err := lint.Run(revs, lint.Options{Dialect: m.d, Config: cfg, Start: start})
	if err != nil {
		return nil, err
	}
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		out = append(out, Finding{Rule: f.Rule, Severity: f.Level, Revision: f.Revision, File: f.File, Line: f.Line,
			Section: f.Section, Statement: f.Statement, Message: f.Message, Safe: f.Safe, Squawk: f.Squawk})
	}
	return out, nil
}

// lintRevisions reads every revision of the graph, oldest first, as lint
// takes them (none marked for linting).
func (m *Migrator) lintRevisions(ctx context.Context) ([]lint.Revision, error) {
	order, _ := m.graph.History("", nil)
	slices.Reverse(order) // oldest first
	revs := make([]lint.Revision, 0, len(order))
	for _, r := range order {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if _, ok := m.goRevs[r.ID]; ok {
			revs = append(revs, lint.Revision{ID: r.ID, Go: true})
			continue
		}
		sc, err := m.set.Script(r.ID)
		if err != nil {
			return nil, err
		}
		lr := lint.FromScript(sc, sc.Revision.Path)
		lr.Lint = false
		revs = append(revs, lr)
	}
	return revs, nil
}

// lintStart inspects the database for Lint: its schema, and the revisions
// its version rows say it has applied. A range naming only applied
// revisions is an error (there is nothing to lint against this database).
func (m *Migrator) lintStart(ctx context.Context, rangeSpec string, selected map[string]bool) (*schema.Schema, map[string]bool, error) {
	if m.db == nil {
		return nil, nil, fmt.Errorf("lint against the database: %w", ErrNoDatabase)
	}
	rows, err := m.Current(ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := m.unknownRows(rows); err != nil {
		return nil, nil, err
	}
	start, err := m.Inspect(ctx, schema.Filter{})
	if err != nil {
		return nil, nil, err
	}
	applied := map[string]bool{}
	for _, id := range m.applied(rows) {
		applied[id] = true
	}
	if strings.TrimSpace(rangeSpec) != "" {
		pending := 0
		for id := range selected {
			if !applied[id] {
				pending++
			}
		}
		if pending == 0 {
			return nil, nil, fmt.Errorf("lint %s against the database: the database has applied every revision of the range; "+
				"lint them without --database, or name revisions it has not run", rangeSpec)
		}
	}
	return start, applied, nil
}

// lintRange resolves Lint's range to the set of revision ids to report on.
func (m *Migrator) lintRange(rangeSpec string) (map[string]bool, error) {
	spec := strings.TrimSpace(rangeSpec)
	var revs []*revision.Revision
	switch {
	case spec == "":
		revs = m.graph.Revisions()
	case strings.Contains(spec, "current"):
		return nil, fmt.Errorf("lint range %q: lint reads files, not the database, so \"current\" means nothing here; name revisions (START:END, an id, head)", rangeSpec)
	case strings.Contains(spec, ":"):
		var err error
		if revs, err = m.graph.History(spec, nil); err != nil {
			return nil, err
		}
	default:
		infos, err := m.Revision(spec)
		if err != nil {
			return nil, err
		}
		for _, i := range infos {
			revs = append(revs, m.graph.Get(i.ID))
		}
	}
	set := make(map[string]bool, len(revs))
	for _, r := range revs {
		if r != nil {
			set[r.ID] = true
		}
	}
	return set, nil
}

// reviewLint adds "-- REVIEW:" lines for lint's findings to an upgrade
// section autogenerate wrote, linted after every revision of the graph.
// Statements that already carry a note keep only the findings the note does
// not already say (a drop, a type change that may fail, a NOT NULL column).
func (m *Migrator) reviewLint(ctx context.Context, upgrade string) string {
	stmts, err := script.Split(upgrade, 1)
	if err != nil || len(stmts) == 0 {
		return upgrade
	}
	revs, err := m.lintRevisions(ctx)
	if err != nil {
		return upgrade
	}
	sec := lint.Section{Present: true}
	for _, st := range stmts {
		sec.Statements = append(sec.Statements, lint.Statement{SQL: st.SQL, Line: st.Line})
	}
	revs = append(revs, lint.Revision{ID: "autogenerate", Upgrade: sec, Source: upgrade, Lint: true, Message: "autogenerate"})
	fs, err := lint.Run(revs, lint.Options{Dialect: m.d, Config: lint.Config{Disable: autogenNoted}})
	if err != nil || len(fs) == 0 {
		return upgrade
	}
	lines := strings.Split(upgrade, "\n")
	notes := map[int][]string{}
	for _, f := range fs {
		if f.Statement == "" || f.Line < 1 || f.Line > len(lines) {
			continue
		}
		notes[f.Line] = append(notes[f.Line], fmt.Sprintf("-- REVIEW: %s (%s): %s", f.Message, f.Rule, f.Safe))
	}
	var b strings.Builder
	for i, l := range lines {
		for _, n := range notes[i+1] {
			b.WriteString(n + "\n")
		}
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// autogenNoted are the rules whose finding autogenerate's own review notes
// already state, and those about a whole file, which a section being
// written cannot break.
var autogenNoted = []string{
	"drop-table", "drop-column", "likely-rename", "type-change-narrows", "pg-add-column-required", "sqlite-add-column-invalid",
	"downgrade-missing", "downgrade-not-reverse", "message-uninformative", "review-note-left",
}

// LintStairway is the scratch server Lint's stairway runs on (see
// LintOptions.Stairway).
type LintStairway struct {
	// DriverName and DataSource reach the server on which the scratch
	// database is created (PostgreSQL, MySQL/MariaDB); its user must be
	// allowed to create databases. Unused for SQLite (in memory).
	DriverName, DataSource string
	// Events receives progress: the scratch database created (Scratch
	// set) and each revision's step (Check "stairway"). nil: none.
	Events func(TestEvent)
	// Log receives the database driver's own log lines (nil: the
	// driver's default).
	Log io.Writer
	// Notes receives why revisions linted could not be measured (an
	// upgrade that fails on the scratch database): their downgrade check
	// is the one from the DDL. nil: none.
	Notes func(string)
}

// lintStairway runs Test's stairway (upgrade, downgrade, upgrade again,
// schemas inspected and compared) on a scratch database for the revisions
// of lint (ids), and returns what it measured for each revision it could
// check: the downgrade-not-reverse result that replaces the one from the
// DDL. A revision it could not check (its upgrade or one before it fails)
// is left out: the DDL's result stands. The scratch database is dropped,
// also when ctx is cancelled.
func (m *Migrator) lintStairway(ctx context.Context, o *LintStairway, ids map[string]bool) (map[string]*lint.Reverse, error) {
	p, err := m.graph.PlanUpgrade(nil, "heads")
	if err != nil {
		return nil, err
	}
	var steps []*revision.Revision
	last := -1
	for k, s := range p.Steps {
		steps = append(steps, s.Revision)
		if ids[s.Revision.ID] {
			last = k
		}
	}
	if last < 0 {
		return nil, nil
	}
	t := testerFor(m, m.d, TestOptions{Dialect: m.d.Name(), DriverName: o.DriverName, DataSource: o.DataSource,
		Heads: -1, Rows: -1, Events: o.Events, Log: o.Log})
	t.steps, t.only = steps[:last+1], ids
	for _, r := range t.steps {
		t.rep.Revisions = append(t.rep.Revisions, RevisionTest{Revision: r.ID, Message: r.Message, Path: m.runPath(r.Path),
			Stairway: TestSkipped, Data: TestSkipped})
	}
	if err := t.pass(ctx, false); err != nil {
		return nil, err
	}
	out := map[string]*lint.Reverse{}
	var missed []string
	for _, rt := range t.rep.Revisions {
		if !ids[rt.Revision] {
			continue
		}
		if rt.Stairway == TestPassed {
			out[rt.Revision] = &lint.Reverse{}
			continue
		}
		for _, f := range rt.Failures {
			if rv := stairwayReverse(f); rv != nil {
				out[rt.Revision] = rv
				break
			}
		}
		if out[rt.Revision] == nil {
			missed = append(missed, rt.Revision)
		}
	}
	if len(missed) > 0 && o.Notes != nil {
		o.Notes(fmt.Sprintf("the stairway could not measure %d revision(s) (%s): their downgrade check is read from the DDL; `retort test` shows the whole run",
			len(missed), strings.Join(missed, ", ")))
		for _, f := range t.rep.Failures {
			if stairwayReverse(f) == nil {
				o.Notes(firstLine(f.String()))
			}
		}
		for _, n := range t.rep.Notes {
			o.Notes(firstLine(n))
		}
	}
	return out, nil
}

// stairwayReverse turns a stairway failure into lint's downgrade result,
// or nil for a failure that says nothing about the downgrade.
func stairwayReverse(f TestFailure) *lint.Reverse {
	switch f.stage {
	case stageDownDiff, stageUpAgainDiff:
		what := "on a scratch database, the downgrade does not restore the schema from before the upgrade; after it, compared with before: "
		if f.stage == stageUpAgainDiff {
			what = "on a scratch database, upgrading again after the downgrade gives another schema than the first upgrade; the second, compared with the first: "
		}
		details := make([]string, 0, len(f.Objects))
		for _, o := range f.Objects {
			details = append(details, o.Detail)
		}
		return &lint.Reverse{Message: what + strings.Join(details, "; ")}
	case stageDown:
		if f.cause == "" || f.line == 0 {
			return &lint.Reverse{Message: "on a scratch database, " + f.Message}
		}
		return &lint.Reverse{Line: f.line, Message: "on a scratch database, the downgrade fails: " + f.cause}
	case stageUpAgain:
		// The upgrade's statement fails, for what the downgrade left: the
		// finding stays at the downgrade.
		if f.cause == "" || f.Where == "" {
			return &lint.Reverse{Message: "on a scratch database, " + f.Message + " (the downgrade leaves something the upgrade creates)"}
		}
		return &lint.Reverse{Message: fmt.Sprintf("on a scratch database, the upgrade fails when run again after the downgrade, at %s: %s "+
			"(the downgrade leaves something the upgrade creates)", f.Where, f.cause)}
	}
	return nil
}

// lintRuleOn reports whether the configuration leaves rule id on.
func lintRuleOn(cfg lint.Config, id string) bool {
	if slices.Contains(cfg.Disable, id) {
		return false
	}
	if v, ok := cfg.Severity[id]; ok {
		if sv, _ := lint.ParseSeverity(v); sv == lint.Off {
			return false
		}
	}
	return true
}
