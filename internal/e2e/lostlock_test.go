package e2e

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// On PostgreSQL the migration lock is a transaction left open on a
// connection of its own; when that transaction ends under the run (here its
// backend is terminated, as pg_terminate_backend, a pooler's
// idle_transaction_timeout or a network cut would end it) the run notices
// before its next write, stops there with a message, and exits non-zero.
// The other dialects' locks end only with the run's own connection (MySQL,
// SQLite) or are leases tested in internal/e2e/galera.
func TestLostPostgresLockStopsTheRun(t *testing.T) {
	t.Parallel()
	for _, perMigration := range []bool{false, true} {
		t.Run(fmt.Sprintf("transaction_per_migration=%v", perMigration), func(t *testing.T) {
			t.Parallel()
			p := newProject(t, testutil.Postgres)
			if perMigration {
				write(t, p.toml, fmt.Sprintf("script_location = \".\"\nurl = %q\ntransaction_per_migration = true\n", p.db.URL))
			}
			r1 := p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
			r2 := p.add("SELECT pg_sleep(3);\nCREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b;")
			p.add("CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;")

			code, stderr := p.runAndKillLock(r2)
			if code == 0 {
				t.Fatalf("the run went on after losing its lock; stderr:\n%s", stderr)
			}
			for _, want := range []string{"FAILED: upgrade head: the migration lock was lost",
				"terminating connection due to administrator command", "the run stopped before its next write", "retort status"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if strings.Contains(stderr, "Running upgrade "+r2+" ->") || strings.Contains(stderr, "goroutine ") {
				t.Errorf("the run went past revision 2 or panicked:\n%s", stderr)
			}
			user := slices.DeleteFunc(p.tables(), func(s string) bool { return s == "alembic_version" || s == "retort_history" })
			if !perMigration {
				// One transaction: revision 1 and the tables retort made are
				// rolled back with revision 2.
				if tables := p.tables(); len(tables) != 0 {
					t.Errorf("tables %v, want none: the run's single transaction rolled back", tables)
				}
				if want := "rolled back: the database is as it was before this run"; !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			} else {
				// Revision 1 committed; revision 2 ran but was rolled back
				// before its COMMIT, and left no history row.
				if !slices.Equal(user, []string{"a"}) {
					t.Errorf("tables %v, want [a]", user)
				}
				if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{r1}) {
					t.Errorf("version rows %v, want [%s]", rows, r1)
				}
				if rows := p.query("SELECT revision || ' ' || status FROM retort_history ORDER BY id"); !slices.Equal(rows, []string{r1 + " done"}) {
					t.Errorf("history rows %v, want [%s done]", rows, r1)
				}
				if want := "rolled back: the 1 step(s) run since the last commit; the 1 step(s) committed earlier stay applied"; !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if n := p.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"); !slices.Equal(n, []string{"0"}) {
				t.Errorf("%v advisory locks left after the run", n)
			}
			// The run can be made again and finishes.
			p.mustRun("upgrade", "head")
			if user := slices.DeleteFunc(p.tables(), func(s string) bool { return s == "alembic_version" || s == "retort_history" }); !slices.Equal(user, []string{"a", "b", "c"}) {
				t.Errorf("after the re-run tables %v, want [a b c]", user)
			}
		})
	}
}

// runAndKillLock starts `retort upgrade head`, waits until the step of rev
// has started, terminates the backend holding the migration lock, and
// returns the exit code and stderr.
func (p *project) runAndKillLock(rev string) (int, string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := p.cmd(ctx, "upgrade", "head")
	var mu sync.Mutex
	var seen strings.Builder
	c.Stderr = writerFunc(func(b []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return seen.Write(b) })
	text := func() string { mu.Lock(); defer mu.Unlock(); return seen.String() }
	if err := c.Start(); err != nil {
		p.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(text(), "-> "+rev) {
		select {
		case err := <-done:
			p.t.Fatalf("the run ended (%v) before revision %s started:\n%s", err, rev, text())
		case <-deadline:
			p.t.Fatalf("revision %s never started:\n%s", rev, text())
		case <-time.After(20 * time.Millisecond):
		}
	}
	killed := p.query(`SELECT pg_terminate_backend(pid)::text FROM pg_locks
WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)
	if !slices.Equal(killed, []string{"true"}) {
		p.t.Fatalf("terminate the lock's backend: %v, want one", killed)
	}
	err := <-done
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, text()
	case errors.As(err, &ee):
		return ee.ExitCode(), text()
	}
	p.t.Fatalf("retort: %v\n%s", err, text())
	return -1, ""
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// Between the revisions of one transaction the lock is checked at most
// once a second; a loss during short revisions is found at the latest
// before the COMMIT, and nothing of the transaction commits.
func TestLostPostgresLockFoundBeforeCommit(t *testing.T) {
	t.Parallel()
	p := newProject(t, testutil.Postgres)
	p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
	r2 := p.add("SELECT pg_sleep(0.3);\nCREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b;")
	p.add("CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;")
	code, stderr := p.runAndKillLock(r2)
	if code == 0 {
		t.Fatalf("the run committed after losing its lock; stderr:\n%s", stderr)
	}
	for _, want := range []string{"FAILED: upgrade head: the migration lock was lost",
		"rolled back: the database is as it was before this run"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if tables := p.tables(); len(tables) != 0 {
		t.Errorf("tables %v, want none: the run's single transaction rolled back", tables)
	}
	p.mustRun("upgrade", "head")
	if user := slices.DeleteFunc(p.tables(), func(s string) bool { return s == "alembic_version" || s == "retort_history" }); !slices.Equal(user, []string{"a", "b", "c"}) {
		t.Errorf("after the re-run tables %v, want [a b c]", user)
	}
}
