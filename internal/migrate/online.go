package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/versiontable"
)

// Online runs plan on conn, which must hold the migration lock, with the
// version table (and history table, when on) already in place.
//
// Transactional dialects (PostgreSQL, SQLite) run the whole plan in one
// transaction, or one per step with PerMigration; a failure rolls back to
// the last commit. No-transaction sections commit what came before, run on
// the bare connection, then record their version rows in a small
// transaction of their own. On MySQL/MariaDB, whose DDL commits implicitly,
// every SQL step runs that way, with progress recorded per statement in the
// history table so a failure is reported precisely and the next run refuses
// until resolved. There the bookkeeping travels with the statements where
// the connection allows several per round trip (multiStatements, or
// MariaDB's compound statements): the progress count before a statement in
// the statement's round trip, and a step's closing transaction (version
// rows, history outcome, the next step's history row, COMMIT) in one.
// A MySQL/MariaDB step of plain DML on transactional tables
// (dialect.DMLTransactor) runs in a transaction instead, committed with its
// bookkeeping. On PostgreSQL a step's statements inside a transaction
// travel in one round trip (dialect.TransactionBatcher).
//
// The results are the steps that were committed.
func (r *Runner) Online(ctx context.Context, conn *sql.Conn, plan *revision.Plan) ([]StepResult, error) {
	o := &online{Runner: r, ctx: ctx, conn: conn, cleanup: context.WithoutCancel(ctx), total: len(plan.Steps)}
	o.coalesce = r.Dialect.TransactionalDDL() && !r.PerMigration
	o.tablesReady = r.EnsureTables == nil
	return o.run(plan)
}

type online struct {
	*Runner
	ctx, cleanup context.Context
	conn         *sql.Conn
	total        int

	inTx      bool
	pending   []versiontable.Entry // history rows of steps inside the open transaction
	uncommit  []StepResult         // results of steps inside the open transaction
	committed []StepResult
	stepsInTx int

	// In a whole-run transaction nobody else sees the version rows until
	// COMMIT, so the per-step changes are checked against rows in memory
	// (with Alembic's messages) and written as one net DELETE and INSERT
	// when the transaction is flushed.
	coalesce bool
	dbRows   map[string]bool // version rows as stored in the database
	memRows  map[string]bool // version rows after the changes so far

	// tablesReady says the bookkeeping tables exist (or will at COMMIT,
	// when tablesInTx: created inside the open transaction).
	tablesReady, tablesInTx bool

	next      *pendingStep        // the following step, when its history row can be opened early
	preOpened *versiontable.Entry // this step's history row, opened by the previous step

	// batch says how the connection takes several statements per round
	// trip, so that non-transactional steps send their bookkeeping with
	// fewer: noBatch, multiBatch (MySQL/MariaDB with multiStatements, as
	// retort's own URLs set it) or compoundBatch (MariaDB's BEGIN NOT
	// ATOMIC … END). batchProbed says batch has been determined.
	batch       batchMode
	batchProbed bool

	// pauseBy names, per step, the revision that needs foreign keys off
	// in the transaction the step would open (fkpause.go); pause is the
	// open transaction's.
	pauseBy []string
	pause   *fkPause
	// txTables are the tables found transactional for DML (no trigger,
	// a transactional engine) since the last step that could change that.
	txTables map[string]bool

	// heldAt is when the last lock check that passed began.
	heldAt time.Time

	// batchBinds says the driver binds parameters inside a batch, so the
	// end of a step can travel as one; the statements that carry values
	// never hold them as literals.
	batchBinds bool
}

type pendingStep struct {
	step revision.Step
	unit *Unit
}

func (o *online) begin() error {
	if _, err := o.conn.ExecContext(o.ctx, o.Dialect.Begin()); err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	o.inTx = true
	if !o.tablesReady {
		if err := o.EnsureTables(o.ctx, o.conn); err != nil {
			o.rollback()
			return err
		}
		o.tablesReady, o.tablesInTx = true, true
	}
	if o.coalesce {
		rows, _, err := o.Tables.Rows(o.ctx, o.conn)
		if err != nil {
			o.rollback()
			return err
		}
		o.dbRows, o.memRows = map[string]bool{}, map[string]bool{}
		for _, r := range rows {
			o.dbRows[r], o.memRows[r] = true, true
		}
	}
	return nil
}

// applyChanges records a step's version-row changes: at once, or in memory
// when coalescing.
func (o *online) applyChanges(step revision.Step) error {
	for _, c := range Changes(step) {
		if !o.coalesce {
			if err := o.Tables.Apply(o.ctx, o.conn, c); err != nil {
				return fmt.Errorf("%s: %w", StepText(step), err)
			}
			continue
		}
		switch c.Op {
		case versiontable.Insert:
			if o.memRows[c.To] {
				return fmt.Errorf("%s: version row '%s' already exists in '%s'", StepText(step), c.To, o.Tables.Name)
			}
			o.memRows[c.To] = true
		default:
			if !o.memRows[c.From] {
				return fmt.Errorf("%s: %w", StepText(step), &versiontable.RowCountError{Table: o.Tables.Name, Change: c, Found: 0})
			}
			delete(o.memRows, c.From)
			if c.Op == versiontable.Update {
				o.memRows[c.To] = true
			}
		}
	}
	return nil
}

// flushRows writes the net version-row changes of the open transaction.
func (o *online) flushRows() error {
	if !o.coalesce || !o.inTx {
		return nil
	}
	var gone, added []string
	for r := range o.dbRows {
		if !o.memRows[r] {
			gone = append(gone, r)
		}
	}
	for r := range o.memRows {
		if !o.dbRows[r] {
			added = append(added, r)
		}
	}
	if err := o.Tables.Replace(o.ctx, o.conn, gone, added); err != nil {
		return err
	}
	o.dbRows = maps.Clone(o.memRows)
	return nil
}

// held is Runner.Held, nil when unset: the check before a write that
// becomes visible (a COMMIT, a step outside a transaction).
func (o *online) held() error {
	if o.Held == nil {
		return nil
	}
	at := time.Now()
	if err := o.Held(o.ctx); err != nil {
		return err
	}
	o.heldAt = at
	return nil
}

// heldInTx is the check before a step that runs in a transaction: its
// writes become visible only at the COMMIT, which held checks, so it asks
// only when HeldEvery has passed since the last check (a lost lock then
// stops a long transaction without waiting for its end).
func (o *online) heldInTx() error {
	every := o.HeldEvery
	if every <= 0 {
		every = DefaultHeldEvery
	}
	if o.Held == nil || !o.heldAt.IsZero() && time.Since(o.heldAt) < every {
		return nil
	}
	return o.held()
}

// lockLost rolls back the open transaction after the lock was found lost
// and says what the database keeps.
func (o *online) lockLost(err error) error {
	earlier, open := o.stepsInTx, o.inTx
	if open {
		o.rollback()
	}
	switch {
	case len(o.committed) == 0 && open:
		return fmt.Errorf("%w\nrolled back: the database is as it was before this run", err)
	case earlier > 0:
		return fmt.Errorf("%w\nrolled back: the %d step(s) run since the last commit; the %d step(s) committed earlier stay applied",
			err, earlier, len(o.committed))
	case len(o.committed) > 0:
		return fmt.Errorf("%w\nthe %d step(s) this run committed stay applied", err, len(o.committed))
	}
	return err
}

func (o *online) commit() error {
	if err := o.held(); err != nil {
		return o.lockLost(err)
	}
	if err := o.flushRows(); err != nil {
		o.rollback()
		return err
	}
	if err := o.Tables.InsertHistory(o.ctx, o.conn, o.pending); err != nil {
		o.rollback()
		return err
	}
	if _, err := o.conn.ExecContext(o.ctx, "COMMIT"); err != nil {
		o.rollback()
		return fmt.Errorf("commit: %w", err)
	}
	o.inTx = false
	o.resume()
	o.tablesInTx = false
	o.pending = nil
	o.committed = append(o.committed, o.uncommit...)
	o.uncommit = nil
	o.stepsInTx = 0
	return nil
}

// rollback undoes the open transaction; with a dead connection the server
// has already done so.
func (o *online) rollback() {
	if !o.inTx {
		return
	}
	o.inTx = false
	if o.tablesInTx {
		o.tablesReady, o.tablesInTx = false, false
	}
	if _, err := o.conn.ExecContext(o.cleanup, "ROLLBACK"); err != nil {
		o.discard()
	}
	o.resume()
	o.pending = nil
	o.uncommit = nil
}

// discard makes database/sql close the connection instead of reusing it in
// an unknown state.
func (o *online) discard() {
	_ = o.conn.Raw(func(any) error { return errBadConn })
}

// loadAll reads and parses every step's unit before anything runs, so a
// broken revision file stops the run before its first statement (on MySQL
// the steps before it could not be rolled back). Files are parsed in
// parallel.
func (o *online) loadAll(plan *revision.Plan) ([]*Unit, error) {
	units := make([]*Unit, len(plan.Steps))
	errs := make([]error, len(plan.Steps))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(plan.Steps)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(plan.Steps) {
					return
				}
				units[i], errs[i] = o.Load(plan.Steps[i])
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %w (nothing was run)", StepText(plan.Steps[i]), err)
		}
	}
	return units, nil
}

func (o *online) run(plan *revision.Plan) ([]StepResult, error) {
	txDDL := o.Dialect.TransactionalDDL()
	units, err := o.loadAll(plan)
	if err != nil {
		return nil, err
	}
	isNonTx := func(u *Unit) bool { return u != nil && (u.NoTransaction || (!txDDL && u.Go == nil)) }
	o.pauseBy = o.pauseRequests(plan, units, isNonTx)
	dmlTables := o.plainDML(units, txDDL)
	if o.Purge {
		if err := o.beginAt(0); err != nil {
			return nil, err
		}
		if _, err := o.conn.ExecContext(o.ctx, "DELETE FROM "+o.Tables.Qualified()); err != nil {
			o.rollback()
			return nil, fmt.Errorf("purge version table %s: %w", o.Tables.Qualified(), err)
		}
		o.dbRows, o.memRows = map[string]bool{}, map[string]bool{}
	}
	for i, step := range plan.Steps {
		unit := units[i]
		// A non-transactional step's closing transaction also opens the
		// history row of the next one when that is non-transactional too:
		// one commit fewer per step where every commit is a disk flush.
		o.next = nil
		if i+1 < len(plan.Steps) && isNonTx(unit) && isNonTx(units[i+1]) && dmlTables[i+1] == nil {
			o.next = &pendingStep{step: plan.Steps[i+1], unit: units[i+1]}
		}
		text := StepText(step)
		nonTx, dmlTx := isNonTx(unit), false
		if nonTx && dmlTables[i] != nil && o.transactionalTables(dmlTables[i]) {
			nonTx, dmlTx = false, true // DML that a ROLLBACK undoes: one transaction with its bookkeeping
		} else {
			o.txTables = nil // any other step may change a table's engine or triggers
		}
		check := o.held
		if !nonTx {
			check = o.heldInTx
		}
		if err := check(); err != nil {
			return o.committed, o.lockLost(err)
		}
		o.emit(Event{Kind: StepStart, Text: text, Step: i + 1, Total: o.total, Revision: stepRevID(step)})
		started := time.Now()
		res := StepResult{Step: step, Text: text}
		if unit != nil {
			res.Statements = unit.count()
		}
		batched := false
		if dmlTx && !o.inTx {
			// The batch ends with its COMMIT: the check before one.
			if err := o.held(); err != nil {
				return o.committed, o.lockLost(err)
			}
			batched = o.dmlBatch(step, unit, started)
		}
		if batched {
			res.Duration = time.Since(started)
			o.committed = append(o.committed, res)
		} else if nonTx {
			if o.inTx {
				if err := o.commit(); err != nil {
					return o.committed, err
				}
			}
			if err := o.runNonTx(step, unit, started); err != nil {
				return o.committed, err
			}
			res.Duration = time.Since(started)
			o.committed = append(o.committed, res)
		} else {
			if !o.inTx {
				if err := o.beginAt(i); err != nil {
					return o.committed, err
				}
			}
			if unit != nil && unit.Go != nil {
				// Go code may read the version table.
				if err := o.flushRows(); err != nil {
					o.rollback()
					return o.committed, err
				}
			}
			if err := o.runTx(step, unit, started); err != nil {
				return o.committed, err
			}
			res.Duration = time.Since(started)
			o.uncommit = append(o.uncommit, res)
			o.stepsInTx++
			if o.PerMigration || !txDDL {
				if err := o.commit(); err != nil {
					return o.committed, err
				}
			}
		}
		o.emit(Event{Kind: StepDone, Text: text, Step: i + 1, Total: o.total, Revision: stepRevID(step), Duration: res.Duration})
	}
	if o.inTx {
		if err := o.commit(); err != nil {
			return o.committed, err
		}
	}
	return o.committed, nil
}

// plainDML names, per step, the tables of a step that runs outside a
// transaction only because its dialect's DDL commits on its own, when
// every statement of it is DML the dialect recognises
// (dialect.DMLTransactor): such a step runs in a transaction when those
// tables turn out transactional just before it. Nil for the other steps.
// transactionalTables asks the dialect whether a ROLLBACK undoes DML of
// tables, remembering the tables it said yes for until a step other than
// such DML runs.
func (o *online) transactionalTables(tables []string) bool {
	var ask []string
	for _, t := range tables {
		if !o.txTables[t] {
			ask = append(ask, t)
		}
	}
	if len(ask) == 0 {
		return true
	}
	if !o.Dialect.(dialect.DMLTransactor).TransactionalTables(o.ctx, o.conn, ask) {
		return false
	}
	if o.txTables == nil {
		o.txTables = map[string]bool{}
	}
	for _, t := range ask {
		o.txTables[t] = true
	}
	return true
}

func (o *online) plainDML(units []*Unit, txDDL bool) [][]string {
	d, ok := o.Dialect.(dialect.DMLTransactor)
	if !ok || txDDL {
		return make([][]string, len(units))
	}
	out := make([][]string, len(units))
	for i, u := range units {
		if u == nil || u.NoTransaction || u.Go != nil || len(u.Statements) == 0 {
			continue
		}
		var tables []string
		for _, st := range u.Statements {
			t, ok := d.PlainDML(st.SQL)
			if !ok {
				tables = nil
				break
			}
			if !slices.Contains(tables, t) {
				tables = append(tables, t)
			}
		}
		out[i] = tables
	}
	return out
}

func (o *online) entry(step revision.Step, unit *Unit, started time.Time) versiontable.Entry {
	e := versiontable.Entry{
		Revision:  stepRevID(step),
		Direction: DirectionName(step.Direction),
		StartedAt: started,
		AppliedBy: o.AppliedBy,
		Version:   o.Version,
		Tag:       o.Tag,
		Changes:   versiontable.EncodeChanges(Changes(step)),
	}
	if unit != nil {
		e.Path = unit.Path
		e.Statements = unit.count()
		if step.Direction == revision.Up {
			e.Checksum = unit.Checksum
		}
	}
	return e
}

// runningEntry is the history row of a non-transactional step about to
// start: status running, and the line of its first statement, which
// progress updates move on so that a run killed mid-statement is reported
// at the statement's file:line.
func (o *online) runningEntry(step revision.Step, unit *Unit, started time.Time) versiontable.Entry {
	e := o.entry(step, unit, started)
	e.Status = versiontable.StatusRunning
	if unit != nil && len(unit.Statements) > 0 {
		e.FailedLine = unit.Statements[0].Line
	}
	return e
}

func (o *online) finish(e *versiontable.Entry, status string, success bool) {
	e.Status = status
	e.Success = success
	e.FinishedAt = time.Now()
	e.DurationMS = e.FinishedAt.Sub(e.StartedAt).Milliseconds()
}

// runTx runs a step inside the open transaction.
func (o *online) runTx(step revision.Step, unit *Unit, started time.Time) error {
	e := o.entry(step, unit, started)
	fail := func(err error) error {
		earlier := o.stepsInTx
		o.rollback()
		o.recordRollback(e, err)
		switch {
		case len(o.committed) == 0:
			err = fmt.Errorf("%w\nrolled back: the database is as it was before this run", err)
		case earlier > 0:
			err = fmt.Errorf("%w\nrolled back: this step and the %d step(s) before it since the last commit; the %d step(s) committed earlier stay applied",
				err, earlier, len(o.committed))
		default:
			err = fmt.Errorf("%w\nrolled back: this step; the %d earlier step(s) of this run stay committed", err, len(o.committed))
		}
		return err
	}
	if unit != nil {
		if unit.Go != nil {
			if err := unit.Go(o.ctx, o.conn); err != nil {
				return fail(&StmtError{Revision: e.Revision, Path: unit.Path, Err: err})
			}
		}
		if k, err := o.execInTx(unit.Statements); err != nil {
			st := unit.Statements[k]
			e.FailedLine, e.FailedSQL = st.Line, st.SQL
			return fail(&StmtError{Revision: e.Revision, Path: unit.Path, Line: st.Line, SQL: st.SQL, Err: err})
		}
		if err := o.checkForeignKeys(e.Revision); err != nil {
			return fail(&StmtError{Revision: e.Revision, Path: unit.Path, Err: err})
		}
		e.Executed = unit.count()
	}
	if err := o.applyChanges(step); err != nil {
		return fail(err)
	}
	o.finish(&e, versiontable.StatusDone, true)
	o.pending = append(o.pending, e)
	return nil
}

// recordRollback writes a history row for a step whose transaction rolled
// back, in a transaction of its own; best effort (the connection may be
// gone, e.g. after a cancelled context).
func (o *online) recordRollback(e versiontable.Entry, cause error) {
	if o.Tables.History == "" {
		return
	}
	o.finish(&e, versiontable.StatusRollback, false)
	e.Error = errText(cause)
	e.Checksum = ""
	if err := o.ensureTablesOutside(o.cleanup); err != nil {
		return
	}
	_ = o.Tables.InsertHistory(o.cleanup, o.conn, []versiontable.Entry{e})
}

// ensureTablesOutside creates the bookkeeping tables on the bare connection
// when no transaction of this run has (they are needed to record work that
// commits on its own, or a rolled-back step).
func (o *online) ensureTablesOutside(ctx context.Context) error {
	if o.tablesReady || o.inTx {
		return nil
	}
	if err := o.EnsureTables(ctx, o.conn); err != nil {
		return err
	}
	o.tablesReady = true
	return nil
}

// errText is the error a history row keeps, any password masked: a
// driver's message may quote a connection string.
func errText(err error) string {
	var se *StmtError
	if errors.As(err, &se) && se.Err != nil {
		return historyText(se.Err)
	}
	return historyText(err)
}

// historyText is err's text as a history row keeps it: any password masked,
// since a driver's message may quote a connection string.
func historyText(err error) string { return config.Redact(err.Error()) }
