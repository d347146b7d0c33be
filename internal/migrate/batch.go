package migrate

// Batching: on dialects that take several statements per round trip, a
// step's statements travel together: inside a transaction through the
// dialect's TransactionBatcher (PostgreSQL), outside one (MySQL/MariaDB)
// with the step's bookkeeping.

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/versiontable"
)

// execInTx runs a step's statements inside the open transaction, batched
// where the dialect can (dialect.TransactionBatcher), and returns the index
// of the statement that failed.
func (o *online) execInTx(stmts []script.Statement) (int, error) {
	if len(stmts) == 0 {
		return 0, nil
	}
	if b, ok := o.Dialect.(dialect.TransactionBatcher); ok && len(stmts) > 1 {
		sqls := make([]string, len(stmts))
		for i, st := range stmts {
			sqls[i] = st.SQL
		}
		k, err := b.ExecInTransaction(o.ctx, o.conn, sqls)
		return min(k, len(stmts)-1), err
	}
	for k, st := range stmts {
		if _, err := o.conn.ExecContext(o.ctx, st.SQL); err != nil {
			return k, err
		}
	}
	return 0, nil
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

// dmlBatch runs a step of transactional DML (see plainDML) in one round
// trip where the connection takes several statements with bound values:
// BEGIN, the statements, the version-row changes (each checked to change
// one row), the history row, COMMIT. It reports false when it did not
// commit: the batch was not possible, or failed and was rolled back; the
// caller then runs the step statement by statement in a transaction of its
// own, which names any failure precisely.
func (o *online) dmlBatch(step revision.Step, unit *Unit, started time.Time) bool {
	if o.inTx || !o.tablesReady || o.useBatch() != multiBatch || !o.batchBinds {
		return false
	}
	parts := []string{"BEGIN"}
	for _, st := range unit.Statements {
		// The driver binds the bookkeeping's values by replacing each
		// '?' of the batch: a statement holding one goes the other way.
		if strings.Contains(st.SQL, "?") {
			return false
		}
		parts = append(parts, st.SQL)
	}
	b := o.Tables.NewBind()
	for _, c := range Changes(step) {
		s, err := o.Tables.CheckedSQL(c, false, b)
		if err != nil {
			return false
		}
		parts = append(parts, s)
	}
	e := o.entry(step, unit, started)
	e.Executed = unit.count()
	o.finish(&e, versiontable.StatusDone, true)
	if o.Tables.History != "" {
		parts = append(parts, o.Tables.StartSQL(e, b))
	}
	parts = append(parts, "COMMIT")
	if _, err := o.rawBatch(multiBatch.join(parts...), b.Args...); err != nil {
		// The batch stopped at its first error, before its COMMIT (or
		// the connection is gone and the server rolls back).
		o.inTx = true
		o.rollback()
		return false
	}
	return true
}
