package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Severity is how much a finding matters: an error fails `retort lint`.
type Severity int

const (
	Off Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "error", "warning" or "off".
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, true
	case "warning", "warn":
		return Warning, true
	case "off", "ignore", "none":
		return Off, true
	}
	return Off, false
}

// Statement is one statement of a section, as internal/script splits it.
type Statement struct {
	SQL  string
	Line int
}

// Section is an upgrade or downgrade section.
type Section struct {
	Present       bool // the file has the marker
	Line          int  // the marker's line
	Statements    []Statement
	NoTransaction bool
	Empty         bool // "-- +retort empty": meant to hold nothing
	// Manual are the lines of "-- +retort manual" blocks: parts retort
	// import could not translate.
	Manual []int
}

// Revision is one revision file as lint reads it.
type Revision struct {
	ID, Path, Message  string
	Upgrade, Downgrade Section
	// Source is the whole file (for ignore comments and review notes).
	Source string
	// Lint: report findings on this revision; false only replays its
	// upgrade into the tracked schema (revisions before the range).
	Lint bool
	// Go: a Go revision, whose code lint cannot read (only replayed as
	// nothing).
	Go bool
	// Applied: the database Options.Start was inspected from has run it;
	// its effect is in Start already.
	Applied bool
	// Reverse, when set, is the downgrade check measured on a database
	// (the stairway of `retort test`: upgrade, downgrade, upgrade again on
	// a scratch database, schemas inspected and compared). It replaces
	// the check from the DDL, also for a revision whose DDL lint cannot
	// read.
	Reverse *Reverse
}

// Reverse is a measured downgrade check: Message is empty when the
// downgrade restored the schema.
type Reverse struct {
	// Line is where the finding goes: a failing statement's line, or 0 for
	// the downgrade marker's.
	Line    int
	Message string
}

// Finding is one problem found.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"-"`
	Level    string   `json:"severity"`
	Revision string   `json:"revision"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Section  string   `json:"section,omitempty"` // "upgrade", "downgrade", "" for the file
	// Statement is the statement's SQL ("" for a finding about the file).
	Statement string `json:"statement,omitempty"`
	Message   string `json:"message"` // why, about this statement
	Safe      string `json:"safe"`    // the safe alternative
	Squawk    string `json:"squawk,omitempty"`
}

// Config disables or re-levels rules (retort.toml's [lint]).
type Config struct {
	Disable  []string
	Severity map[string]string
}

// Options are a lint run's inputs beside the revisions.
type Options struct {
	Dialect dialect.Dialect
	Config  Config
	// Start, when set, is the inspected schema of a database: the
	// revisions marked Applied are skipped, and the others start from it
	// (exact types, every table and column known) instead of from nothing.
	Start *schema.Schema
}

// CheckConfig validates rule ids and levels; errors name the rule and
// suggest the closest id.
func CheckConfig(c Config) error {
	var errs []string
	for _, id := range c.Disable {
		if ruleByID(id) == nil {
			errs = append(errs, "disable: "+unknownRule(id))
		}
	}
	ids := make([]string, 0, len(c.Severity))
	for id := range c.Severity {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if ruleByID(id) == nil {
			errs = append(errs, "severity: "+unknownRule(id))
			continue
		}
		if _, ok := ParseSeverity(c.Severity[id]); !ok {
			errs = append(errs, fmt.Sprintf("severity: %s = %q: write \"error\", \"warning\" or \"off\"", id, c.Severity[id]))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("[lint] %s", strings.Join(errs, "; "))
	}
	return nil
}

// unknownRule says a rule id is unknown, with the closest known one.
func unknownRule(id string) string {
	if s := suggestRule(id); s != "" {
		return fmt.Sprintf("unknown rule %q (did you mean %q?)", id, s)
	}
	return fmt.Sprintf("unknown rule %q (`retort lint --rules` lists them)", id)
}

// Run lints revisions, given oldest first (graph order); it returns the
// findings in file order.
func Run(revs []Revision, o Options) ([]Finding, error) {
	if err := CheckConfig(o.Config); err != nil {
		return nil, err
	}
	e := newEngine(o)
	cur := newState()
	if o.Start != nil {
		cur = fromSchema(o.Start)
	}
	if o.Start != nil {
		e.run = map[string]bool{}
		for _, r := range revs {
			if !r.Applied && r.Lint {
				e.run[r.ID] = true
			}
		}
	}
	var out []Finding
	for i := range revs {
		r := &revs[i]
		if r.Applied && o.Start != nil {
			continue
		}
		if !r.Lint || r.Go {
			a := &applier{st: cur, rev: r.ID}
			for _, st := range r.Upgrade.Statements {
				a.apply(classify(st.SQL, st.Line))
			}
			continue
		}
		var next *state
		next, fs := e.revision(r, cur)
		out = append(out, fs...)
		cur = next
	}
	return out, nil
}

// engine holds what every revision's checks share.
type engine struct {
	run      map[string]bool // against a database: the pending revisions, which run together
	d        dialect.Dialect
	adv      dialect.LintAdvisor
	sets     map[string]bool
	level    map[string]Severity
	disabled map[string]bool
}

func newEngine(o Options) *engine {
	e := &engine{d: o.Dialect, sets: map[string]bool{}, level: map[string]Severity{}, disabled: map[string]bool{}}
	if a, ok := o.Dialect.(dialect.LintAdvisor); ok {
		e.adv = a
		for _, s := range a.LintRuleSets() {
			e.sets[s] = true
		}
	}
	for _, id := range o.Config.Disable {
		e.disabled[id] = true
	}
	for id, v := range o.Config.Severity {
		sv, _ := ParseSeverity(v)
		if sv == Off {
			e.disabled[id] = true
		} else {
			e.level[id] = sv
		}
	}
	return e
}

// on reports whether rule r runs for this dialect and configuration.
func (e *engine) on(r *Rule) bool {
	if e.disabled[r.ID] {
		return false
	}
	return r.Set == "" || e.sets[r.Set]
}

func (e *engine) severity(r *Rule) Severity {
	if s, ok := e.level[r.ID]; ok {
		return s
	}
	return r.Severity
}

// typeChange asks the dialect; without an advisor every change is unknown.
func (e *engine) typeChange(from, to string) dialect.TypeChange {
	if e.adv == nil || from == "" {
		return dialect.TypeChange{}
	}
	return e.adv.TypeChange(from, to)
}

func (e *engine) sameType(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	return e.adv != nil && e.adv.SameType(a, b)
}

// revCtx is the state of one revision's checks.
type revCtx struct {
	e        *engine
	r        *Revision
	root     *state // before the revision
	st       *state // now
	section  string
	sec      *Section
	found    []Finding
	deferred []deferredFinding
	// per section
	lockTimeout   bool
	lockReported  bool
	ddl           int
	commitWarned  bool
	touches       int // touchesExistingOnce: 0 not known, 1 yes, 2 no
	fkOff         bool
	notValidAdded map[string]bool
	// copies: INSERT … SELECT … FROM source statements of the section so
	// far, by source table (a rebuild copies the old table's rows).
	copies    map[string]*stmt
	upCreated *state // after the upgrade (downgrade checks)
	// touched: the tables the upgrade works on. The downgrade's statements
	// on them are its reverse: the cost of going back, not a new hazard.
	touched map[string]bool
}

// deferredFinding is decided at the end of its section, when the section's
// net effect is known (a table renamed away and rebuilt under its name is
// not dropped).
type deferredFinding struct {
	f    Finding
	keep func(final *state) bool
	// describe, when set, writes the message from the final state.
	describe func(final *state) string
}

// revision lints one revision; it returns the state after its upgrade.
func (e *engine) revision(r *Revision, before *state) (*state, []Finding) {
	c := &revCtx{e: e, r: r, root: before}
	// Upgrade.
	up := before.clone()
	for _, t := range up.tables {
		t.origin = t.name
	}
	c.runSection("upgrade", &r.Upgrade, up)
	// Downgrade, from the state the upgrade leaves.
	// A downgrade marked empty is checked too when measured: the database
	// says whether there was nothing to undo.
	if r.Downgrade.Present && (len(r.Downgrade.Statements) > 0 || r.Downgrade.Empty && r.Reverse != nil) {
		down := up.clone()
		for _, t := range down.tables {
			t.origin = t.name
		}
		c.upCreated = up
		c.touched = touchedTables(r.Upgrade, before)
		c.runSection("downgrade", &r.Downgrade, down)
		c.checkReverse(down)
	}
	c.section, c.sec = "", nil
	for _, rr := range rules {
		if rr.checkRevision != nil && e.on(rr) {
			rr.checkRevision(c, rr)
		}
	}
	return up, c.filter()
}

// runSection checks and applies a section's statements.
func (c *revCtx) runSection(name string, sec *Section, st *state) {
	c.section, c.sec, c.st = name, sec, st
	c.lockTimeout, c.lockReported, c.ddl, c.commitWarned, c.fkOff, c.touches = false, false, 0, false, false, 0
	c.notValidAdded = map[string]bool{}
	c.copies = map[string]*stmt{}
	c.deferred = nil
	a := &applier{st: st, root: c.root, rev: c.r.ID}
	for _, raw := range sec.Statements {
		s := classify(raw.SQL, raw.Line)
		for _, rr := range rules {
			if rr.check != nil && c.e.on(rr) {
				rr.check(c, rr, s)
			}
		}
		c.after(s)
		a.apply(s)
	}
	for _, d := range c.deferred {
		if d.keep == nil || d.keep(st) {
			if d.describe != nil {
				d.f.Message = d.describe(st)
			}
			c.found = append(c.found, d.f)
		}
	}
	c.deferred = nil
}

// after records what a statement sets for the statements after it.
func (c *revCtx) after(s *stmt) {
	switch s.kind {
	case kSet:
		// SET LOCAL outside a transaction block sets nothing.
		if s.setName == "lock_timeout" && !isZeroTimeout(s.setValue) && !(s.setLocal && c.sec.NoTransaction) {
			c.lockTimeout = true
		}
	case kInsert:
		if s.source != "" {
			c.copies[s.source] = s
		}
	case kCreateTable:
		if s.source != "" { // CREATE TABLE … AS SELECT … FROM source
			c.copies[s.source] = &stmt{kind: kInsert, table: s.table, source: s.source}
		}
	case kPragma:
		if p, ok := c.e.d.(dialect.ForeignKeyPauser); ok && p.PausesForeignKeys(s.sql) {
			c.fkOff = true
		}
	}
	if isDDL(s) {
		c.ddl++
	}
}

func isZeroTimeout(v string) bool {
	v = strings.Trim(strings.TrimSpace(v), "'\"")
	return v == "0" || v == "" || strings.EqualFold(v, "default")
}

// isDDL reports whether s is DDL (which MySQL commits at once).
func isDDL(s *stmt) bool {
	switch s.kind {
	case kCreateTable, kAlterTable, kCreateIndex, kDropIndex, kDropTable, kTruncate, kRenameTables, kDropDatabase, kDropSchema:
		return true
	}
	w := firstWord(s.sql)
	return w == "create" || w == "alter" || w == "drop" || w == "rename"
}

func firstWord(sql string) string {
	ts := tokenize(sql)
	if len(ts) == 0 {
		return ""
	}
	return strings.ToLower(ts[0].text)
}

// fresh reports whether an object made by revision rev is new for the
// revision being linted: made by it, or, against a database, by a revision
// that runs in the same upgrade (every pending revision runs in one
// `upgrade heads`, so what an earlier one creates is still empty).
func (c *revCtx) fresh(rev string) bool {
	return rev != "" && (rev == c.r.ID || c.e.run[rev])
}

// existing returns the table if it existed before the revision (it may be
// partial), nil when it is new or unknown and new.
func (c *revCtx) existing(name string) *table {
	if c.section == "downgrade" && c.touched[name] {
		return nil
	}
	return c.existed(name)
}

// existed is existing without the downgrade's exemption for the tables its
// upgrade works on (data loss is loss in either direction).
func (c *revCtx) existed(name string) *table {
	if name == "" {
		return nil
	}
	t := c.st.tables[name]
	if t != nil {
		if c.fresh(t.newIn) {
			return nil
		}
		return t
	}
	return &table{name: name, partial: true, columns: map[string]*col{}}
}

// report records a finding on statement s.
func (c *revCtx) report(r *Rule, s *stmt, format string, args ...any) {
	c.found = append(c.found, c.finding(r, s, format, args...))
}

// reportLater records a finding kept only if keep says so at the end of
// the section.
func (c *revCtx) reportLater(r *Rule, s *stmt, keep func(*state) bool, format string, args ...any) {
	c.deferred = append(c.deferred, deferredFinding{f: c.finding(r, s, format, args...), keep: keep})
}

func (c *revCtx) finding(r *Rule, s *stmt, format string, args ...any) Finding {
	f := Finding{Rule: r.ID, Severity: c.e.severity(r), Revision: c.r.ID, File: c.r.Path,
		Section: c.section, Message: fmt.Sprintf(format, args...), Safe: r.Safe, Squawk: r.Squawk}
	if s != nil {
		f.Line, f.Statement = s.line, s.sql
	} else if c.sec != nil {
		f.Line = c.sec.Line
	}
	f.Level = f.Severity.String()
	return f
}

// reportAt records a finding at a line without a statement.
func (c *revCtx) reportAt(r *Rule, section string, line int, format string, args ...any) {
	f := Finding{Rule: r.ID, Severity: c.e.severity(r), Revision: c.r.ID, File: c.r.Path, Section: section,
		Line: line, Message: fmt.Sprintf(format, args...), Safe: r.Safe, Squawk: r.Squawk}
	f.Level = f.Severity.String()
	c.found = append(c.found, f)
}

// filter drops what ignore comments ignore, adds their own errors, and
// sorts by line.
func (c *revCtx) filter() []Finding {
	ig := parseIgnores(c.r)
	var out []Finding
	for _, f := range c.found {
		if f.Severity == Off || ig.ignores(f) {
			continue
		}
		// A drop said to be deliberate is not a rename either.
		if f.Rule == "likely-rename" && ig.ignores(Finding{Rule: "drop-column", Statement: f.Statement, Line: f.Line}) {
			continue
		}
		out = append(out, f)
	}
	if r := ruleByID(ruleIgnoreInvalid); c.e.on(r) {
		for _, bad := range ig.bad {
			out = append(out, Finding{Rule: r.ID, Severity: c.e.severity(r), Level: c.e.severity(r).String(),
				Revision: c.r.ID, File: c.r.Path, Line: bad.line, Message: bad.msg, Safe: r.Safe})
		}
	}
	// By line, then in the rule table's order: the same files give the
	// same output.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return ruleIndex(out[i].Rule) < ruleIndex(out[j].Rule)
	})
	return slices.DeleteFunc(out, func(f Finding) bool { return f.Severity == Off })
}

// touchedTables names the tables a section's statements work on.
func touchedTables(sec Section, before *state) map[string]bool {
	out := map[string]bool{}
	for _, raw := range sec.Statements {
		s := classify(raw.SQL, raw.Line)
		if s.table != "" {
			out[s.table] = true
		}
		for _, n := range s.tables {
			out[n] = true
		}
		for _, a := range s.actions {
			if a.kind == aRenameTable {
				out[a.newName] = true
			}
		}
		if s.kind == kDropIndex {
			if ix := before.indexes[s.index]; ix != nil {
				out[ix.table] = true
			}
		}
	}
	return out
}

func ruleIndex(id string) int {
	for i, r := range rules {
		if r.ID == id {
			return i
		}
	}
	return len(rules)
}
