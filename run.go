package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/versiontable"
)

// StepResult is one executed (or planned) step.
type StepResult struct {
	Direction  string // "upgrade", "downgrade", "stamp"
	Revision   string
	From, To   []string
	Message    string
	Text       string // Alembic's log text without "Running "
	Statements int
	Duration   time.Duration
}

// Result is what a run did (or would do, with DryRun).
type Result struct {
	Steps    []StepResult
	Before   []string // version rows before
	After    []string // version rows after (nil when a failed run could not read them)
	Warnings []string
	DryRun   bool
}

// EditedError lists applied revisions whose files changed since they ran.
type EditedError struct {
	Revisions []EditedRev
}

func (e *EditedError) Error() string {
	var b strings.Builder
	b.WriteString("refusing to run: applied revision file(s) changed since they ran:")
	for _, r := range e.Revisions {
		fmt.Fprintf(&b, "\n    %s (%s): checksum %s when applied, %s now", r.Revision, r.Path, short(r.Applied), short(r.Now))
	}
	b.WriteString("\nrestore the file(s), or if the edit is intended (it will not be re-run), record it with `retort rehash`")
	return b.String()
}

func (e *EditedError) Unwrap() error { return ErrEdited }

func short(sum string) string {
	if len(sum) > 12 {
		return sum[:12]
	}
	return sum
}

// UnknownRowError: the version table names revisions no file defines.
type UnknownRowError struct {
	Table string
	Rows  []string
}

func (e *UnknownRowError) Error() string {
	q := make([]string, len(e.Rows))
	for i, r := range e.Rows {
		q[i] = "'" + r + "'"
	}
	return fmt.Sprintf("Can't locate revision identified by %s: the version table %s holds revision(s) that no revision file defines; "+
		"restore the missing file(s), or if the database really is at a known revision, overwrite the rows with `retort stamp --purge <revision>`",
		strings.Join(q, ", "), e.Table)
}

func (e *UnknownRowError) Unwrap() error { return ErrUnknownRevision }

func (m *Migrator) unknownRows(rows []string) error {
	var unknown []string
	for _, r := range rows {
		if m.graph.Get(r) == nil {
			unknown = append(unknown, r)
		}
	}
	if len(unknown) > 0 {
		return &UnknownRowError{Table: m.tables.Qualified(), Rows: unknown}
	}
	return nil
}

func stepResult(s revision.Step) StepResult {
	r := StepResult{Direction: migrate.DirectionName(s.Direction), From: s.From, To: s.To, Text: migrate.StepText(s)}
	if s.Revision != nil {
		r.Revision = s.Revision.ID
		if s.Direction != revision.StampDir {
			r.Message = s.Revision.Message
		}
	} else {
		r.Revision = strings.Join(s.To, ",")
	}
	return r
}

func planResult(p *revision.Plan, dry bool) *Result {
	res := &Result{Before: p.Before, After: p.After, Warnings: p.Warnings, DryRun: dry}
	for _, s := range p.Steps {
		res.Steps = append(res.Steps, stepResult(s))
	}
	return res
}

// Upgrade migrates up to target (reference §2 grammar).
//
// An empty or blank target is refused (errors.Is(err, ErrBlankTarget)),
// never taken as base; so is a blank side of '@' or of a range.
func (m *Migrator) Upgrade(ctx context.Context, target string, opts ...RunOption) (*Result, error) {
	if err := revision.CheckTarget(target); err != nil {
		return nil, fmt.Errorf("upgrade: %w", err)
	}
	ro := runOpts(opts)
	if ro.purge {
		return nil, errStampOnly("upgrade")
	}
	if ro.sqlTo != nil {
		start, end, isRange := revision.SplitRange(target)
		if !isRange {
			start, end = "", target
		}
		return m.offline(ro, start, func(rows []string) (*revision.Plan, error) { return m.graph.PlanUpgrade(rows, end) })
	}
	if _, _, isRange := revision.SplitRange(target); isRange {
		return nil, fmt.Errorf("upgrade %s: Range revision not allowed (ranges need SQLTo, the --sql mode)", target)
	}
	res, err := m.online(ctx, ro, true, false, func(rows []string) (*revision.Plan, error) { return m.graph.PlanUpgrade(rows, target) })
	if err != nil {
		return res, fmt.Errorf("upgrade %s: %w", target, err)
	}
	return res, nil
}

// Downgrade migrates down to target. With SQLTo the target must be a
// "start:end" range. An empty or blank target is refused (ErrBlankTarget):
// undoing everything needs "base", written out.
func (m *Migrator) Downgrade(ctx context.Context, target string, opts ...RunOption) (*Result, error) {
	if err := revision.CheckTarget(target); err != nil {
		return nil, fmt.Errorf("downgrade: %w", err)
	}
	ro := runOpts(opts)
	if ro.purge {
		return nil, errStampOnly("downgrade")
	}
	if ro.sqlTo != nil {
		start, end, isRange := revision.SplitRange(target)
		if !isRange {
			return nil, fmt.Errorf("downgrade with --sql requires <fromrev>:<torev>")
		}
		return m.offline(ro, start, func(rows []string) (*revision.Plan, error) { return m.graph.PlanDowngrade(rows, end) })
	}
	if _, _, isRange := revision.SplitRange(target); isRange {
		return nil, fmt.Errorf("downgrade %s: Range revision not allowed (ranges need SQLTo, the --sql mode)", target)
	}
	res, err := m.online(ctx, ro, true, false, func(rows []string) (*revision.Plan, error) { return m.graph.PlanDowngrade(rows, target) })
	if err != nil {
		return res, fmt.Errorf("downgrade %s: %w", target, err)
	}
	return res, nil
}

// Stamp rewrites version rows to targets without running revisions.
// StampPurge deletes every row first (even rows naming unknown revisions);
// it cannot be combined with SQLTo. With SQLTo each target may be "start:end", all
// with the same start. No target, or an empty or blank one, is refused
// (ErrBlankTarget): removing every row needs "base", written out.
func (m *Migrator) Stamp(ctx context.Context, targets []string, opts ...RunOption) (*Result, error) {
	if len(targets) == 0 {
		return nil, fmt.Errorf("stamp: %w: name at least one target; base removes every version row", ErrBlankTarget)
	}
	for _, t := range targets {
		if err := revision.CheckTarget(t); err != nil {
			return nil, fmt.Errorf("stamp: %w", err)
		}
	}
	ro := runOpts(opts)
	purge := ro.purge
	if ro.sqlTo != nil {
		if purge {
			return nil, errors.New("stamp: Can't use --purge with --sql mode")
		}
		start, ends := "", make([]string, len(targets))
		for i, t := range targets {
			s, e, isRange := revision.SplitRange(t)
			if !isRange {
				s, e = "", t
			}
			if i > 0 && s != start {
				return nil, errors.New("stamp: Stamp operation with --sql only supports a single starting revision at a time")
			}
			start, ends[i] = s, e
		}
		return m.offline(ro, start, func(rows []string) (*revision.Plan, error) { return m.graph.PlanStamp(rows, ends, false) })
	}
	res, err := m.online(ctx, ro, false, purge, func(rows []string) (*revision.Plan, error) {
		return m.graph.PlanStamp(rows, targets, purge)
	})
	if err != nil {
		return res, fmt.Errorf("stamp %s: %w", strings.Join(targets, " "), err)
	}
	return res, nil
}

// EnsureVersion creates the version table if missing (with SQLTo: writes its
// CREATE TABLE).
func (m *Migrator) EnsureVersion(ctx context.Context, opts ...RunOption) error {
	ro := runOpts(opts)
	if ro.purge {
		return errStampOnly("ensure version")
	}
	if ro.sqlTo != nil {
		r := m.runner(ro.tag)
		return r.Offline(ro.sqlTo, &revision.Plan{}, true)
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, exists, err := m.tables.Rows(ctx, conn); err != nil || exists {
		return err
	}
	lk, err := m.lock(ctx, conn)
	if err != nil {
		return err
	}
	defer lk.release()
	_, err = m.tables.Ensure(ctx, conn)
	return err
}

// errStampOnly refuses StampPurge given to another operation, where it
// would silently mean nothing.
func errStampOnly(op string) error {
	return fmt.Errorf("%s: StampPurge applies to Stamp only", op)
}

func runOpts(opts []RunOption) *runOptions {
	ro := &runOptions{}
	for _, o := range opts {
		o(ro)
	}
	return ro
}

// offline renders a plan from start (a symbol; "" or "base" = empty database,
// which also emits the version table's DDL) to ro.sqlTo.
func (m *Migrator) offline(ro *runOptions, start string, plan func(rows []string) (*revision.Plan, error)) (*Result, error) {
	var rows []string
	if start != "" && start != "base" {
		rs, err := m.graph.Resolve(start)
		if err != nil {
			return nil, err
		}
		rows = revIDs(rs)
	}
	p, err := plan(rows)
	if err != nil {
		return nil, err
	}
	if len(rows) == 1 && rows[0] != strings.TrimSpace(start) {
		// A start naming the end of a squashed stretch: the table the SQL
		// runs on holds that id, not the squashed revision's.
		if r, last := m.graph.Replacement(strings.TrimSpace(start)); r != nil && last {
			unmapPlan(p, rows, []string{strings.TrimSpace(start)})
		}
	}
	for _, w := range p.Warnings {
		m.emit(Event{Kind: EventWarning, Text: w})
	}
	if err := m.checkFiles(p, "no SQL was written"); err != nil {
		return nil, err
	}
	if err := m.runner(ro.tag).Offline(ro.sqlTo, p, len(rows) == 0); err != nil {
		return nil, err
	}
	return planResult(p, false), nil
}

// tablesReady reports whether the version table and (when on) the history
// table both exist; their shapes are checked when they do.
func (m *Migrator) tablesReady(ctx context.Context, conn *sql.Conn) (bool, error) {
	ok, err := m.tables.Exists(ctx, conn, m.tables.Name)
	if err != nil || !ok {
		return false, err
	}
	if m.tables.History != "" {
		if ok, err = m.tables.Exists(ctx, conn, m.tables.History); err != nil || !ok {
			return false, err
		}
	}
	if _, err := m.tables.Ensure(ctx, conn); err != nil {
		return false, err
	}
	return true, m.tables.EnsureHistory(ctx, conn)
}

// online runs a plan computed from the version rows. It reads the rows and
// plans first; a run with nothing to do returns without the lock. Otherwise
// it takes the lock, creates the bookkeeping tables if needed, re-reads the
// rows and re-plans (another run may have finished meanwhile), refuses on an
// unresolved failed step or edited applied files, and runs.
func (m *Migrator) online(ctx context.Context, ro *runOptions, checkEdits, purge bool,
	plan func(rows []string) (*revision.Plan, error)) (_ *Result, err error) {
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	defer func() { err = m.explainDenied(ctx, conn, err) }()
	rows, raw, exists, err := m.versionRows(ctx, conn, !purge)
	if err != nil {
		return nil, err
	}
	if !purge {
		if err := m.unknownRows(rows); err != nil {
			return nil, err
		}
	}
	p, err := plan(rows)
	if err != nil {
		return nil, err
	}
	unmapPlan(p, rows, raw)
	if ro.dryRun {
		return planResult(p, true), nil
	}
	if exists && len(p.Steps) == 0 && !(purge && len(rows) > 0) {
		for _, w := range p.Warnings {
			m.emit(Event{Kind: EventWarning, Text: w})
		}
		res := planResult(p, false)
		res.After = rows
		return res, nil
	}

	if w, ok := m.d.(dialect.WritableChecker); ok {
		// A standby or read-only server would refuse the first write, after
		// the lock and maybe the bookkeeping tables: say so before.
		if err := w.CheckWritable(ctx, conn); err != nil {
			return nil, err
		}
	}
	if !m.d.TransactionalDDL() {
		if err := m.checkFiles(p, "nothing was run"); err != nil {
			return nil, err
		}
	}
	lk, err := m.lock(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer lk.release()
	// On a transactional dialect missing bookkeeping tables are created in
	// the run's first transaction, so a run that never commits leaves no
	// trace; elsewhere they are created now.
	ensure := func(ctx context.Context, conn *sql.Conn) error {
		if _, err := m.tables.Ensure(ctx, conn); err != nil {
			return err
		}
		return m.tables.EnsureHistory(ctx, conn)
	}
	var ensureInRun func(ctx context.Context, conn *sql.Conn) error
	if !m.d.TransactionalDDL() {
		if err := ensure(ctx, conn); err != nil {
			return nil, err
		}
	} else if ready, err := m.tablesReady(ctx, conn); err != nil {
		return nil, err
	} else if !ready {
		ensureInRun = ensure
	}
	if ensureInRun == nil {
		if u, err := m.tables.Unresolved(ctx, conn); err != nil {
			return nil, err
		} else if u != nil {
			return nil, migrate.FromEntry(u)
		}
	}
	if rows, raw, _, err = m.versionRows(ctx, conn, !purge); err != nil {
		return nil, err
	}
	if !purge {
		if err := m.unknownRows(rows); err != nil {
			return nil, err
		}
	}
	if p, err = plan(rows); err != nil {
		return nil, err
	}
	unmapPlan(p, rows, raw)
	for _, w := range p.Warnings {
		m.emit(Event{Kind: EventWarning, Text: w})
	}
	res := planResult(p, false)
	res.Steps = nil
	res.Before = rows
	if len(p.Steps) == 0 && !(purge && len(rows) > 0) {
		res.After = rows
		return res, nil
	}
	if checkEdits {
		edited, err := m.edited(ctx, conn, rows)
		if err != nil {
			return nil, err
		}
		if len(edited) > 0 {
			return nil, &EditedError{Revisions: edited}
		}
	}
	r := m.runner(ro.tag)
	r.Purge = purge
	r.EnsureTables = ensureInRun
	r.Held = lk.held
	if lk.pooled {
		r.Load = m.warnSessionState(r.Load)
	}
	done, runErr := r.Online(ctx, conn, p)
	for _, d := range done {
		sr := stepResult(d.Step)
		sr.Statements, sr.Duration = d.Statements, d.Duration
		res.Steps = append(res.Steps, sr)
	}
	// After is what the table holds now, never the plan's promise: when it
	// cannot be read (the connection died with a cancelled context) it is
	// nil, or the rows before when no step committed.
	res.After = nil
	if after, _, err := m.tables.Rows(context.WithoutCancel(ctx), conn); err == nil {
		sort.Strings(after)
		res.After = after
	} else if len(done) == 0 {
		res.After = rows
	}
	if runErr != nil {
		return res, runErr
	}
	return res, nil
}

// explainDenied adds the grants that fix err when a bookkeeping statement
// failed for want of a privilege, and says so when the database is
// read-only (SQLite). A revision's own statement denied a privilege is left
// as the server said it: the grants it needs are the revision's, not these.
func (m *Migrator) explainDenied(ctx context.Context, conn *sql.Conn, err error) error {
	perr := m.tables.Denied(context.WithoutCancel(ctx), conn, err)
	if perr == nil {
		return err
	}
	var se *migrate.StmtError
	var pe *migrate.PartialError
	var priv *versiontable.PrivilegeError
	readOnly := errors.As(perr, &priv) && len(priv.Grants) == 0
	if !readOnly && (errors.As(err, &se) || (errors.As(err, &pe) && pe.SQL != "")) {
		return err
	}
	return perr
}

// versionRows reads the version rows. With mapFolded, a row naming the
// last revision a squash folded is returned as the squashed revision and a
// row naming an earlier folded one is refused (revision.FoldedError); raw
// is what the table holds.
func (m *Migrator) versionRows(ctx context.Context, conn *sql.Conn, mapFolded bool) (rows, raw []string, exists bool, err error) {
	raw, exists, err = m.tables.Rows(ctx, conn)
	if err != nil || !mapFolded {
		return raw, raw, exists, err
	}
	rows, err = m.graph.MapRows(raw)
	if err != nil {
		return nil, nil, exists, fmt.Errorf("%s: %w", m.tables.Qualified(), err)
	}
	return rows, raw, exists, nil
}

// unmapPlan makes p's version-row changes name the rows the table holds:
// a plan made from mapped rows updates or deletes the squashed revision's
// id where the table still holds the folded one. Only the first change of
// each such row is rewritten; later ones name rows the plan wrote.
func unmapPlan(p *revision.Plan, rows, raw []string) {
	held := map[string]string{}
	for i := range rows {
		if rows[i] != raw[i] {
			held[rows[i]] = raw[i]
		}
	}
	if len(held) == 0 {
		return
	}
	for i := range p.Steps {
		for j := range p.Steps[i].Changes {
			c := &p.Steps[i].Changes[j]
			if c.Op == revision.Insert {
				continue
			}
			if r, ok := held[c.From]; ok {
				delete(held, c.From)
				c.From = r
			}
		}
	}
}
