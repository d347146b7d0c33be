package migrate

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
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
	// batchBinds says the driver binds parameters inside a batch, so the
	// end of a step can travel as one; the statements that carry values
	// never hold them as literals.
	batchBinds bool
}

type batchMode int

const (
	noBatch batchMode = iota
	multiBatch
	compoundBatch
)

// join makes one statement text of stmts for a round trip.
func (m batchMode) join(stmts ...string) string {
	if m == compoundBatch {
		return "BEGIN NOT ATOMIC\n" + strings.Join(stmts, ";\n") + ";\nEND"
	}
	return strings.Join(stmts, ";\n")
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

func (o *online) commit() error {
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
		if i+1 < len(plan.Steps) && isNonTx(unit) && isNonTx(units[i+1]) {
			o.next = &pendingStep{step: plan.Steps[i+1], unit: units[i+1]}
		}
		text := StepText(step)
		o.emit(Event{Kind: StepStart, Text: text, Step: i + 1, Total: o.total, Revision: stepRevID(step)})
		started := time.Now()
		res := StepResult{Step: step, Text: text}
		if unit != nil {
			res.Statements = unit.count()
		}
		if isNonTx(unit) {
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
		for _, st := range unit.Statements {
			if _, err := o.conn.ExecContext(o.ctx, st.SQL); err != nil {
				e.FailedLine, e.FailedSQL = st.Line, st.SQL
				return fail(&StmtError{Revision: e.Revision, Path: unit.Path, Line: st.Line, SQL: st.SQL, Err: err})
			}
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
		return config.Redact(se.Err.Error())
	}
	return config.Redact(err.Error())
}

// runNonTx runs a step whose statements cannot be rolled back, recording
// progress so that a failure (or a killed process) is reported precisely.
func (o *online) runNonTx(step revision.Step, unit *Unit, started time.Time) error {
	if err := o.ensureTablesOutside(o.ctx); err != nil {
		return err
	}
	var e versiontable.Entry
	if o.preOpened != nil {
		e = *o.preOpened
		e.StartedAt = started
		o.preOpened = nil
	} else {
		e = o.runningEntry(step, unit, started)
		id, err := o.Tables.StartHistory(o.ctx, o.conn, e)
		if err != nil {
			return err
		}
		e.ID = id
	}
	id := e.ID
	recorded := o.Tables.History != ""
	n := unit.count()
	batch := o.useBatch()
	partial := func(k int, line int, sql string, cause error) error {
		e.Executed = k
		e.FailedLine, e.FailedSQL = line, sql
		e.Error = config.Redact(cause.Error())
		o.finish(&e, versiontable.StatusFailed, false)
		if err := o.Tables.Finish(o.cleanup, o.conn, e); err != nil {
			recorded = false
		}
		return &PartialError{Revision: e.Revision, Direction: e.Direction, Path: unit.Path, Line: line,
			Statement: k + 1, Total: n, SQL: sql, Err: cause, Recorded: recorded}
	}
	if unit.Go != nil {
		if err := unit.Go(o.ctx, o.conn); err != nil {
			return partial(0, 0, "", err)
		}
	}
	combined := func(k int) bool {
		return batch != noBatch && k > 0 && k < n && recorded && batch.combinable(unit.Statements[k].SQL)
	}
	for k, st := range unit.Statements {
		if combined(k) {
			// The progress of the statements before this one and this
			// statement in one round trip: the server runs them in order
			// and stops at the first error, so the row says k before
			// statement k+1 starts, exactly as with two round trips.
			if _, err := o.conn.ExecContext(o.ctx, batch.join(o.Tables.ProgressSQL(id, k, st.Line), st.SQL)); err != nil {
				if !o.progressIs(id, k) {
					return partial(k, 0, "", err)
				}
				return partial(k, st.Line, st.SQL, err)
			}
		} else if _, err := o.conn.ExecContext(o.ctx, st.SQL); err != nil {
			if k == 0 && o.failedWithoutEffect(st.SQL, err) {
				if err := o.notRun(&e, unit, st, err); err != nil {
					return err
				}
			}
			return partial(k, st.Line, st.SQL, err)
		}
		// The next statement's progress goes alone unless it travels
		// with that statement (after a combined statement too: the row
		// must name the statement running if the run dies during it).
		if k < n-1 && !combined(k+1) {
			if err := o.Tables.Progress(o.ctx, o.conn, id, k+1, unit.Statements[k+1].Line); err != nil {
				return partial(k+1, 0, "", err)
			}
		}
	}
	e.Executed, e.FailedLine = n, 0
	o.finish(&e, versiontable.StatusDone, true)
	if batch != noBatch {
		opened, ok, err := o.closeBatch(step, e)
		if err != nil {
			return err
		}
		if ok {
			o.preOpened = opened
			return nil
		}
		// Nothing of the batch stays: the transaction it opened has
		// been rolled back. The statements below redo that work one by
		// one and report any failure precisely.
	}
	if err := o.begin(); err != nil {
		return partial(n, 0, "", err)
	}
	for _, c := range Changes(step) {
		if err := o.Tables.Apply(o.ctx, o.conn, c); err != nil {
			o.rollback()
			return partial(n, 0, "", err)
		}
	}
	var opened *versiontable.Entry
	if o.Tables.History != "" {
		if err := o.Tables.Finish(o.ctx, o.conn, e); err != nil {
			o.rollback()
			return partial(n, 0, "", err)
		}
		if o.next != nil {
			ne := o.runningEntry(o.next.step, o.next.unit, time.Now())
			nid, err := o.Tables.StartHistory(o.ctx, o.conn, ne)
			if err != nil {
				o.rollback()
				return partial(n, 0, "", err)
			}
			ne.ID = nid
			opened = &ne
		}
	}
	if _, err := o.conn.ExecContext(o.ctx, "COMMIT"); err != nil {
		o.rollback()
		return partial(n, 0, "", err)
	}
	o.inTx = false
	o.preOpened = opened
	return nil
}

// effectChecker is the optional capability of a dialect whose statements
// commit on their own (MySQL/MariaDB) to tell that a failed statement left
// the database as it was.
type effectChecker interface {
	FailedWithoutEffect(sql string, err error) bool
}

func (o *online) failedWithoutEffect(sql string, err error) bool {
	c, ok := o.Dialect.(effectChecker)
	return ok && c.FailedWithoutEffect(sql, err)
}

// notRun ends a non-transactional step whose first statement failed
// without effect: nothing of the revision ran, so it is not applied and
// needs no resolve, only a fixed file. Its history row says rolled-back.
// The error returned is the failure to report; nil when the row could not
// be written (the caller then reports the step as failed part-way, which
// the row, still running, says too).
func (o *online) notRun(e *versiontable.Entry, unit *Unit, st script.Statement, cause error) error {
	r := *e
	r.Executed, r.FailedLine, r.FailedSQL, r.Error = 0, st.Line, st.SQL, config.Redact(cause.Error())
	o.finish(&r, versiontable.StatusRollback, false)
	if err := o.Tables.Finish(o.cleanup, o.conn, r); err != nil {
		return nil
	}
	err := fmt.Errorf("%w\nnothing of it ran", &StmtError{Revision: r.Revision, Path: unit.Path, Line: st.Line, SQL: st.SQL, Err: cause})
	if len(o.committed) == 0 {
		return fmt.Errorf("%w: the database is as it was before this run; fix the revision and run again", err)
	}
	return fmt.Errorf("%w; the %d earlier step(s) of this run stay applied; fix the revision and run again", err, len(o.committed))
}

// useBatch says how this run's connection takes several statements per
// round trip; it asks the server once, on dialects that batch statements
// (MySQL/MariaDB) only.
func (o *online) useBatch() batchMode {
	if o.batchProbed {
		return o.batch
	}
	o.batchProbed = true
	if b, ok := o.Dialect.(dialect.StatementBatcher); !ok || !b.BatchesStatements() {
		return noBatch
	}
	// Without the multiStatements option the server rejects this as a
	// syntax error; the per-statement results need go-sql-driver/mysql.
	if ids, err := o.rawBatch(multiBatch.join("DO 1", "DO 1")); err == nil && len(ids) == 2 {
		o.batch = multiBatch
		// Values travel as bind parameters; in a batch only the driver
		// can bind them (go-sql-driver's interpolateParams, which escapes
		// for the session's sql_mode), else it answers ErrSkip.
		_, err := o.rawBatch(multiBatch.join("DO ?", "DO ?"), 1, "\\'")
		o.batchBinds = err == nil
	} else if _, err := o.conn.ExecContext(o.ctx, compoundBatch.join("DO 1", "DO 1")); err == nil {
		o.batch = compoundBatch // MariaDB
		o.batchBinds = o.bindsInCompound()
	}
	return o.batch
}

// bindsInCompound reports whether the driver binds parameters in a compound
// statement (by interpolating them: the server cannot prepare one).
func (o *online) bindsInCompound() bool {
	var interpolates bool
	_ = o.conn.Raw(func(dc any) error {
		if ex, ok := dc.(driver.ExecerContext); ok {
			_, err := ex.ExecContext(o.ctx, compoundBatch.join("DO ?", "DO ?"),
				[]driver.NamedValue{{Ordinal: 1, Value: int64(1)}, {Ordinal: 2, Value: "\\'"}})
			interpolates = err == nil
		}
		return nil
	})
	return interpolates
}

// errNoBatch says the driver cannot run a batch with per-statement results.
var errNoBatch = errors.New("multi-statement batches are not available")

// batchResult is what go-sql-driver/mysql's results offer beyond
// sql.Result (its mysql.Result).
type batchResult interface {
	AllLastInsertIds() []int64
}

// rawBatch runs a multi-statement batch and returns each statement's insert
// id.
func (o *online) rawBatch(q string, args ...any) ([]int64, error) {
	var ids []int64
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		v, err := driver.DefaultParameterConverter.ConvertValue(a)
		if err != nil {
			return nil, err
		}
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	err := o.conn.Raw(func(dc any) error {
		ex, ok := dc.(driver.ExecerContext)
		if !ok {
			return errNoBatch
		}
		res, err := ex.ExecContext(o.ctx, q, named)
		if err != nil {
			return err
		}
		br, ok := res.(batchResult)
		if !ok {
			return errNoBatch
		}
		ids = br.AllLastInsertIds()
		return nil
	})
	return ids, err
}

// combinable reports whether a statement of a revision can follow a
// bookkeeping statement in one round trip. Never when it holds ';' itself
// (a procedure or trigger body, or several statements), so that what the
// server runs and the error it reports are the statement's alone. Inside a
// compound statement only kinds of statement that mean the same there as
// alone: table and index DDL and plain DML.
func (m batchMode) combinable(sql string) bool {
	if strings.Contains(sql, ";") {
		return false
	}
	if m != compoundBatch {
		return true
	}
	f := strings.Fields(strings.ToUpper(sql))
	if len(f) < 2 {
		return false
	}
	switch f[0] {
	case "INSERT", "UPDATE", "DELETE":
		return true
	case "CREATE", "ALTER", "DROP":
		switch f[1] {
		case "TABLE", "INDEX", "UNIQUE":
			return true
		}
	}
	return false
}

// progressIs reports whether history row id records executed statements,
// after a combined round trip failed: true means the progress statement
// ran and the revision's statement failed. A connection that cannot tell
// is taken to have failed in the revision's statement, as a lost
// connection during a statement sent alone would be.
func (o *online) progressIs(id int64, executed int) bool {
	var got int
	err := o.conn.QueryRowContext(o.cleanup, "SELECT executed FROM "+o.Tables.HistoryQualified()+
		" WHERE id = "+o.Dialect.Placeholder(1), id).Scan(&got)
	return err != nil || got >= executed
}

// closeBatch finishes a non-transactional step in one round trip: BEGIN,
// the version-row changes (each UPDATE and DELETE checked to change one
// row), the history row's outcome, the next step's history row, COMMIT.
// It returns the next step's row, and false when the batch failed, after
// rolling back: the caller then does the same work statement by statement,
// which names any failure precisely.
func (o *online) closeBatch(step revision.Step, e versiontable.Entry) (opened *versiontable.Entry, ok bool, err error) {
	if !o.batchBinds {
		return nil, false, nil
	}
	compound := o.batch == compoundBatch
	parts := []string{"BEGIN"}
	if compound {
		parts[0] = "START TRANSACTION"
	}
	b := o.Tables.NewBind()
	n := 1 // statements in parts
	for _, c := range Changes(step) {
		s, err := o.Tables.CheckedSQL(c, compound, b)
		if err != nil {
			return nil, false, nil
		}
		parts = append(parts, s)
		n++
		if c.Op != versiontable.Insert {
			n++
		}
	}
	at := -1 // the history INSERT's place in the batch
	if o.Tables.History != "" {
		parts = append(parts, o.Tables.FinishSQL(e, b))
		n++
		if o.next != nil {
			ne := o.runningEntry(o.next.step, o.next.unit, time.Now())
			parts = append(parts, o.Tables.StartSQL(ne, b))
			at = n
			n++
			opened = &ne
		}
	}
	parts = append(parts, "COMMIT")
	n++
	var ids []int64
	var rerr error
	switch {
	case !compound:
		ids, rerr = o.rawBatch(o.batch.join(parts...), b.Args...)
	case opened != nil:
		var id int64
		rerr = o.conn.QueryRowContext(o.ctx, o.batch.join(append(parts, "SELECT LAST_INSERT_ID()")...), b.Args...).Scan(&id)
		ids = make([]int64, n)
		ids[at] = id
	default:
		_, rerr = o.conn.ExecContext(o.ctx, o.batch.join(parts...), b.Args...)
	}
	if rerr != nil {
		// A batch that failed stopped before its COMMIT (or the
		// connection is gone and the server rolls back).
		o.inTx = true
		o.rollback()
		return nil, false, nil
	}
	if opened != nil {
		if len(ids) == n {
			opened.ID = ids[at]
		} else if err := o.conn.QueryRowContext(o.ctx, "SELECT MAX(id) FROM "+o.Tables.HistoryQualified()).Scan(&opened.ID); err != nil {
			// Committed, and the row opened for the next step (status
			// running) names it as the step to resolve.
			return nil, true, fmt.Errorf("read history table %s: %w", o.Tables.HistoryQualified(), err)
		}
	}
	return opened, true, nil
}
