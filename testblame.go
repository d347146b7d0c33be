package retort

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/autogen"
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

// probe runs the revision's upgrade statement by statement in a
// transaction that it rolls back, and returns, for each table and column
// of before, the first statement after which its values were no longer all
// there: what a loss found after the real upgrade is blamed on. A revision
// of one statement needs no probe; one of several is probed only where DDL
// is transactional and its upgrade runs in a transaction (else nil: the
// statement is not named).
func (r *stepper) probe(ctx context.Context, rev *revision.Revision, before sampledata.Snapshot) map[string]map[string]sqlsplit.Statement {
	m := r.m
	if m.set == nil || len(before) == 0 {
		return nil
	}
	sc, err := m.set.Script(rev.ID)
	if err != nil {
		return nil
	}
	if len(sc.Upgrade.Statements) == 1 {
		st := sc.Upgrade.Statements[0]
		return blameAll(before, sqlsplit.Statement(st))
	}
	if !m.d.TransactionalDDL() || sc.Upgrade.NoTransaction || sc.NoTransaction {
		return nil
	}
	opts, err := m.inspectOptions(schema.Filter{})
	if err != nil {
		return nil
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil
	}
	defer func() { _ = tx.Rollback() }()
	out := map[string]map[string]sqlsplit.Statement{}
	for _, st := range sc.Upgrade.Statements {
		if _, err := tx.ExecContext(ctx, st.SQL); err != nil {
			return out
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
				if _, done := out[name][c]; done {
					continue
				}
				if len(sampledata.Compare(before, snap, map[string][]string{name: {c}})) == 0 && snap[name] != nil && hasColumn(snap[name], c) {
					continue
				}
				if out[name] == nil {
					out[name] = map[string]sqlsplit.Statement{}
				}
				out[name][c] = sqlsplit.Statement(st)
			}
		}
	}
	return out
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
