package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// The lock check runs where a write becomes visible: before each COMMIT and
// before each step (and statement) outside a transaction. Between the steps
// of one transaction it runs only when HeldEvery has passed.
func TestHeldCheckedWhereWritesBecomeVisible(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		for _, per := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/per=%v", dn, per), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, dn, per)
				var calls int
				e.runner.Held = func(context.Context) error { calls++; return nil }
				e.runner.HeldEvery = time.Hour
				p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
				if _, err := e.runner.Online(context.Background(), e.conn, p); err != nil {
					t.Fatal(err)
				}
				var want int
				switch {
				case dn == testutil.MySQL:
					// DDL commits on its own: each step is checked before
					// it, before each of its 2 statements and before its
					// version rows.
					want = 3 * 4
				case per:
					want = 1 + 3 // the first step, each COMMIT
				default:
					want = 1 + 1 // the first step, the one COMMIT
				}
				if calls != want {
					t.Errorf("lock checked %d times, want %d", calls, want)
				}
				if got := e.rows(); !slices.Equal(got, []string{"c"}) {
					t.Errorf("rows %v", got)
				}

				// With HeldEvery passed every time, every step is checked too.
				e2 := newEnv(t, dn, per)
				calls = 0
				e2.runner.Held = e.runner.Held
				e2.runner.HeldEvery = time.Nanosecond
				p2 := linearPlan(e2.rev("a", 1), e2.rev("b", 2), e2.rev("c", 3))
				if _, err := e2.runner.Online(context.Background(), e2.conn, p2); err != nil {
					t.Fatal(err)
				}
				switch {
				case dn == testutil.MySQL:
				case per:
					want = 3 + 3
				default:
					want = 3 + 1
				}
				if calls != want {
					t.Errorf("with HeldEvery passed: lock checked %d times, want %d", calls, want)
				}
			})
		}
	}
}

// A lock lost while a step runs inside the run's transaction stops the run
// before anything of that transaction commits: at the next step's check
// when HeldEvery has passed, at the COMMIT otherwise. A step outside a
// transaction is checked before each statement.
func TestLostLockNeverCommits(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		for _, per := range []bool{false, true} {
			for _, every := range []time.Duration{time.Nanosecond, time.Hour} {
				t.Run(fmt.Sprintf("%s/per=%v/every=%v", dn, per, every), func(t *testing.T) {
					t.Parallel()
					e := newEnv(t, dn, per)
					lost := false
					var started []string
					e.runner.Events = func(ev migrate.Event) {
						if ev.Kind == migrate.StepStart {
							started = append(started, ev.Revision)
							if ev.Revision == "b" {
								lost = true // the lock ends while b runs
							}
						}
					}
					e.runner.Held = func(context.Context) error {
						if lost {
							return fmt.Errorf("%w: gone", dialect.ErrLockLost)
						}
						return nil
					}
					e.runner.HeldEvery = every
					p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
					res, err := e.runner.Online(context.Background(), e.conn, p)
					if !errors.Is(err, dialect.ErrLockLost) {
						t.Fatalf("err = %v, want a lost lock", err)
					}
					ctx := context.Background()
					switch {
					case dn == testutil.MySQL:
						// b is checked before its first statement: nothing
						// of it ran; a stays committed.
						if len(res) != 1 || !e.tableExists("t_a") || e.tableExists("t_b") || e.tableExists("t_c") {
							t.Errorf("results %d; t_a %v t_b %v t_c %v", len(res), e.tableExists("t_a"), e.tableExists("t_b"), e.tableExists("t_c"))
						}
						if got := e.rows(); !slices.Equal(got, []string{"a"}) {
							t.Errorf("rows %v, want [a]", got)
						}
						u, _ := e.tables.Unresolved(ctx, e.conn)
						if u == nil || u.Revision != "b" || u.Executed != 0 || u.Status != versiontable.StatusFailed {
							t.Errorf("unresolved %+v, want b failed before its first statement", u)
						}
						return
					case per:
						// a committed; b ran and was rolled back at its COMMIT.
						if len(res) != 1 || !e.tableExists("t_a") || e.tableExists("t_b") || e.tableExists("t_c") {
							t.Errorf("results %d; t_a %v t_b %v t_c %v", len(res), e.tableExists("t_a"), e.tableExists("t_b"), e.tableExists("t_c"))
						}
						if got := e.rows(); !slices.Equal(got, []string{"a"}) {
							t.Errorf("rows %v, want [a]", got)
						}
						if got := e.log(); !slices.Equal(got, []string{"up a"}) {
							t.Errorf("log %v", got)
						}
						if h := e.history(); len(h) != 1 || h[0].Revision != "a" || h[0].Status != versiontable.StatusDone {
							t.Errorf("history %+v, want a done only", h)
						}
						if !slices.Equal(started, []string{"a", "b"}) {
							t.Errorf("steps started %v", started)
						}
						if !strings.Contains(err.Error(), "rolled back: the 1 step(s) run since the last commit; the 1 step(s) committed earlier stay applied") {
							t.Errorf("message: %v", err)
						}
					default:
						// One transaction: nothing commits.
						if len(res) != 0 || e.tableExists("t_a") || e.tableExists("t_b") || e.tableExists("t_c") {
							t.Errorf("results %d; t_a %v t_b %v t_c %v", len(res), e.tableExists("t_a"), e.tableExists("t_b"), e.tableExists("t_c"))
						}
						if got := e.rows(); len(got) != 0 {
							t.Errorf("rows %v, want none", got)
						}
						if got := e.log(); len(got) != 0 {
							t.Errorf("log %v", got)
						}
						if h := e.history(); len(h) != 0 {
							t.Errorf("history %+v, want none", h)
						}
						want := []string{"a", "b", "c"} // c runs: the COMMIT finds the loss
						if every == time.Nanosecond {
							want = []string{"a", "b"} // the check before c finds it
						}
						if !slices.Equal(started, want) {
							t.Errorf("steps started %v, want %v", started, want)
						}
						if !strings.Contains(err.Error(), "rolled back: the database is as it was before this run") {
							t.Errorf("message: %v", err)
						}
					}
				})
			}
		}
	}
}

// A no-transaction step is checked before each of its statements even
// inside a run whose other steps share one transaction.
func TestHeldBeforeNoTransactionStatements(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, dn, false)
			var calls int
			e.runner.Held = func(context.Context) error { calls++; return nil }
			e.runner.HeldEvery = time.Hour
			a, b, c := e.rev("a", 1), e.rev("b", 2), e.rev("c", 3)
			e.units["up:b"] = &migrate.Unit{Path: "versions/b.sql", NoTransaction: true, Checksum: "sum-b",
				Statements: []script.Statement{{SQL: "CREATE TABLE t_b (id INTEGER)", Line: 5}, {SQL: "INSERT INTO runlog (id, rev) VALUES (2, 'up b')", Line: 6}}}
			if _, err := e.runner.Online(context.Background(), e.conn, linearPlan(a, b, c)); err != nil {
				t.Fatal(err)
			}
			// a; a's COMMIT; b before it, its 2 statements, its rows; c's
			// COMMIT (c itself follows b's checks within HeldEvery).
			want := 1 + 1 + (1 + 2 + 1) + 1
			if dn == testutil.MySQL {
				want = 3 * 4
			}
			if calls != want {
				t.Errorf("lock checked %d times, want %d", calls, want)
			}
			if got := e.rows(); !slices.Equal(got, []string{"c"}) {
				t.Errorf("rows %v", got)
			}
		})
	}
}
