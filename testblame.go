package retort

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/sampledata"
	"github.com/retortdb/retort/internal/sqlsplit"
	"github.com/retortdb/retort/schema"
)

func (r *stepper) failLoss(i int, what string, losses []sampledata.Loss, rev *revision.Revision, blame map[string]map[string]sqlsplit.Statement) {
	f := TestFailure{Check: CheckData, Message: what + ":"}
	path := ""
	if rev != nil {
		path = r.m.runPath(rev.Path)
	}
	for _, l := range losses {
		detail := l.String()
		if st, ok := firstBlamed(blame[l.Table], l); ok {
			at := fmt.Sprintf("%s:%d", path, st.Line)
			detail += fmt.Sprintf(", by the statement at %s: %s", at, firstLine(st.SQL))
			if f.Where == "" {
				f.Where = at
			}
		}
		f.Objects = append(f.Objects, TestObject{Object: l.Table, Detail: detail})
	}
	r.t.fail(i, f)
}

// firstBlamed is the earliest statement after which a column of the loss
// (any column, for lost rows) no longer held its values.
func firstBlamed(cols map[string]sqlsplit.Statement, l sampledata.Loss) (sqlsplit.Statement, bool) {
	var best sqlsplit.Statement
	found := false
	consider := l.Columns
	if len(consider) == 0 {
		for c := range cols {
			consider = append(consider, c)
		}
	}
	for _, c := range consider {
		if st, ok := cols[c]; ok && (!found || st.Line < best.Line) {
			best, found = st, true
		}
	}
	return best, found
}

func firstLine(sql string) string {
	sql = strings.TrimSpace(sql)
	if i := strings.IndexByte(sql, '\n'); i >= 0 {
		sql = sql[:i] + " …"
	}
	return sql
}

// probed is what running a revision's upgrade statement by statement
// found: for each table and column of the rows before it, the first
// statement after which its values were no longer all there (what a loss
// found after the real upgrade is blamed on); and, where the dialect lists
// a session's locks, which statement took each lock on those tables.
type probed struct {
	blame map[string]map[string]sqlsplit.Statement
	locks map[tableMode]sqlsplit.Statement
}

// tableMode is a lock mode on a table.
type tableMode struct{ table, mode string }

// probe runs the revision's upgrade statement by statement in a
// transaction that it rolls back. A revision of one statement needs no
// probe; one of several is probed only where DDL is transactional and its
// upgrade runs in a transaction (else what is found is empty: the
// statement is not named).
func (r *stepper) probe(ctx context.Context, rev *revision.Revision, before sampledata.Snapshot) probed {
	m := r.m
	if m.set == nil || len(before) == 0 {
		return probed{}
	}
	sc, err := m.set.Script(rev.ID)
	if err != nil {
		return probed{}
	}
	if len(sc.Upgrade.Statements) == 1 {
		return probed{blame: blameAll(before, sqlsplit.Statement(sc.Upgrade.Statements[0]))}
	}
	if !m.d.TransactionalDDL() || sc.Upgrade.NoTransaction || sc.NoTransaction {
		return probed{}
	}
	opts, err := m.inspectOptions(schema.Filter{})
	if err != nil {
		return probed{}
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return probed{}
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return probed{}
	}
	defer func() { _ = tx.Rollback() }()
	ls, _ := m.d.(dialect.LockSampler)
	out := probed{blame: map[string]map[string]sqlsplit.Statement{}, locks: map[tableMode]sqlsplit.Statement{}}
	for _, st := range sc.Upgrade.Statements {
		if _, err := tx.ExecContext(ctx, st.SQL); err != nil {
			return out
		}
		if ls != nil {
			// Before this probe's own reads, which take weak locks too.
			ownLocks(ctx, tx, ls, before, out.locks, sqlsplit.Statement(st))
		}
		cur, err := autogen.Inspect(ctx, tx, m.d.Name(), opts)
		if err != nil {
			return out
		}
		snap, err := sampledata.Take(ctx, tx, m.d, cur)
		if err != nil {
			return out
		}
		for name, tb := range before {
			for _, c := range tb.Columns {
				if _, done := out.blame[name][c]; done {
					continue
				}
				if len(sampledata.Compare(before, snap, map[string][]string{name: {c}})) == 0 && snap[name] != nil && hasColumn(snap[name], c) {
					continue
				}
				if out.blame[name] == nil {
					out.blame[name] = map[string]sqlsplit.Statement{}
				}
				out.blame[name][c] = sqlsplit.Statement(st)
			}
		}
	}
	return out
}

// ownLocks credits st with the locks on the tables of before that the
// transaction holds now and did not before it.
func ownLocks(ctx context.Context, q schema.Querier, ls dialect.LockSampler, before sampledata.Snapshot, into map[tableMode]sqlsplit.Statement, st sqlsplit.Statement) {
	rows, err := q.QueryContext(ctx, ls.OwnLockQuery())
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var tm tableMode
		if rows.Scan(&tm.table, &tm.mode) != nil {
			return
		}
		if _, ok := before[tm.table]; !ok {
			continue
		}
		if _, seen := into[tm]; !seen {
			into[tm] = st
		}
	}
}

// blameAll blames the one statement of a revision for every column.
func blameAll(before sampledata.Snapshot, st sqlsplit.Statement) map[string]map[string]sqlsplit.Statement {
	out := map[string]map[string]sqlsplit.Statement{}
	for name, tb := range before {
		out[name] = map[string]sqlsplit.Statement{}
		for _, c := range tb.Columns {
			out[name][c] = st
		}
	}
	return out
}

func hasColumn(t *sampledata.Table, c string) bool {
	return slices.Contains(t.Columns, c)
}
