package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/testutil"
)

// ExecInTransaction runs statements in order, stops at the first failing
// one, says which it was, and returns the error that statement alone would
// have: the same SQLSTATE, message and position (counted from the
// statement's own start). Statements holding ';' go alone; a comment ending
// a statement does not swallow the next.
func TestExecInTransaction(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.Postgres)
	ctx := context.Background()
	d := postgres.New()
	stmts := []string{
		"CREATE TABLE t1 (id INTEGER)",
		"INSERT INTO t1 VALUES (1) -- a trailing comment",
		"DO $$ BEGIN INSERT INTO t1 VALUES (2); END $$",
		"INSERT INTO t1 VALUES (3)",
		"INSERT INTO t1 VALUES (length('x;y'))",
		"INSERT INTO t1 VALUES (4)",
	}
	for at := -1; at < len(stmts); at++ {
		t.Run(fmt.Sprintf("fail=%d", at), func(t *testing.T) {
			run := slices.Clone(stmts)
			bad := ""
			if at >= 0 {
				bad = "SELECT id FROM no_such_table"
				run[at] = bad
			}
			conn, err := db.DB.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
				t.Fatal(err)
			}
			done, err := d.ExecInTransaction(ctx, conn, run)
			var got []string
			if at < 0 {
				if err == nil {
					rows, qerr := conn.QueryContext(ctx, "SELECT id::text FROM t1 ORDER BY id")
					if qerr != nil {
						t.Fatal(qerr)
					}
					for rows.Next() {
						var s string
						rows.Scan(&s)
						got = append(got, s)
					}
					rows.Close()
				}
			}
			conn.ExecContext(ctx, "ROLLBACK")
			if at < 0 {
				if err != nil || done != len(stmts) || !slices.Equal(got, []string{"1", "2", "3", "3", "4"}) {
					t.Fatalf("done %d, err %v, rows %v", done, err, got)
				}
				return
			}
			var pe *pgconn.PgError
			if done != at || !errors.As(err, &pe) || pe.Code != "42P01" {
				t.Fatalf("done %d, err %v; want %d and undefined_table", done, err, at)
			}
			if want := int32(strings.Index(bad, "no_such_table") + 1); pe.Position != want {
				t.Errorf("position %d, want %d (from the statement's start)", pe.Position, want)
			}
		})
	}
}
