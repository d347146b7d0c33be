package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// ExecInTransaction sends runs of statements as one simple-protocol query
// each: the server runs them in order and stops at the first error, and
// answers each with its own result, so the failing statement is the one
// after the last result read. Statements without arguments already go by
// the simple protocol one at a time (pgx), so each means the same in a
// batch as alone; inside the open transaction block a batch opens no
// implicit transaction of its own.
//
// A statement holding ';' (a function body, a DO block, several
// statements) goes alone, so that every statement of a batch is exactly one
// statement for the server, with one result. Without pgx underneath (a
// caller's own *sql.DB on another driver) every statement goes alone.
func (*Dialect) ExecInTransaction(ctx context.Context, conn *sql.Conn, stmts []string) (int, error) {
	done := 0
	for done < len(stmts) {
		end := done + 1
		for end < len(stmts) && batchable(stmts[done]) && batchable(stmts[end]) {
			end++
		}
		if end-done == 1 {
			if _, err := conn.ExecContext(ctx, stmts[done]); err != nil {
				return done, err
			}
			done++
			continue
		}
		n, err := execBatch(ctx, conn, stmts[done:end])
		if errors.Is(err, errNoPgx) {
			for _, s := range stmts[done:end] {
				if _, err := conn.ExecContext(ctx, s); err != nil {
					return done, err
				}
				done++
			}
			continue
		}
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// batchable says a statement is one statement for the server whatever
// surrounds it.
func batchable(s string) bool { return !strings.Contains(s, ";") && strings.TrimSpace(s) != "" }

var errNoPgx = errors.New("not a pgx connection")

// batchSep ends each statement of a batch: on a line of its own, so that no
// statement's last line (were it a comment) swallows it.
const batchSep = "\n;\n"

// execBatch runs stmts as one query and returns how many completed.
func execBatch(ctx context.Context, conn *sql.Conn, stmts []string) (int, error) {
	q := strings.Join(stmts, batchSep)
	done := 0
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return errNoPgx
		}
		mrr := c.Conn().PgConn().Exec(ctx, q)
		for mrr.NextResult() {
			if _, err := mrr.ResultReader().Close(); err != nil {
				mrr.Close()
				return err
			}
			done++
		}
		return mrr.Close()
	})
	if err == nil && done != len(stmts) {
		// Every statement answers with one result; a count that differs
		// means a statement was not the one statement it looked like.
		return done, errors.New("internal error: a batch of statements answered with an unexpected number of results")
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Position > 0 && done < len(stmts) {
		// The server counts from the start of the batch; the statement
		// alone starts at its own first character.
		off := int32(0)
		for _, s := range stmts[:done] {
			off += int32(len([]rune(s)) + len([]rune(batchSep)))
		}
		if pe.Position > off {
			pe.Position -= off
		}
	}
	return done, err
}
