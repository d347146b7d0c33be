package migrate

// Steps that cannot be rolled back: DDL that commits at once (MySQL/MariaDB)
// and no-transaction sections, recorded statement by statement.

import (
	"fmt"
	"time"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/versiontable"
)

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
		e.Error = historyText(cause)
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
		if err := o.held(); err != nil {
			return partial(k, 0, "", err)
		}
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
	// The version rows are written only while the lock is surely held.
	if err := o.held(); err != nil {
		return partial(n, 0, "", err)
	}
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
	r.Executed, r.FailedLine, r.FailedSQL, r.Error = 0, st.Line, st.SQL, historyText(cause)
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
