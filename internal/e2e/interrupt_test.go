package e2e

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// startAndSignal starts `retort upgrade head`, waits until the step of rev
// has started, lets it run a moment, sends sig and returns the exit code
// and stderr.
func (p *project) startAndSignal(rev string, sig os.Signal) (int, string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := p.cmd(ctx, "upgrade", "head")
	stderr, err := c.StderrPipe()
	if err != nil {
		p.t.Fatal(err)
	}
	c.Stdout = io.Discard
	if err := c.Start(); err != nil {
		p.t.Fatal(err)
	}
	started := make(chan struct{})
	done := make(chan struct{})
	var seen strings.Builder
	var mu sync.Mutex
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		once := false
		for {
			n, err := stderr.Read(buf)
			mu.Lock()
			seen.Write(buf[:n])
			hit := strings.Contains(seen.String(), "-> "+rev)
			mu.Unlock()
			if hit && !once {
				once = true
				close(started)
			}
			if err != nil {
				return
			}
		}
	}()
	text := func() string { mu.Lock(); defer mu.Unlock(); return seen.String() }
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		_ = c.Process.Kill()
		p.t.Fatalf("the step of %s never started; stderr so far:\n%s", rev, text())
	}
	time.Sleep(700 * time.Millisecond)
	if err := c.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
	<-done
	err = c.Wait()
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

// Ctrl-C in the middle of a revision: exit 130 and a message that says what
// the database holds, which is what it holds. PostgreSQL and SQLite roll the
// run back; MariaDB keeps the DDL that ran and says resolve is needed.
func TestInterruptedRunSaysWhatItLeft(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, d)
			if _, err := p.db.DB.Exec("CREATE TABLE keep (id INTEGER PRIMARY KEY)"); err != nil {
				t.Fatal(err)
			}
			r1 := p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
			r2 := p.add("CREATE TABLE b (x INTEGER);\n"+longStatement(d)+"\nCREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;\nDROP TABLE b;")
			code, stderr := p.startAndSignal(r2, os.Interrupt)
			if code != 130 {
				t.Fatalf("exit %d, want 130; stderr:\n%s", code, stderr)
			}
			if strings.Contains(stderr, "context canceled") || strings.Contains(stderr, "FAILED") {
				t.Errorf("an interrupt is not a failure with an internal error; stderr:\n%s", stderr)
			}
			user := func() []string {
				var out []string
				for _, tbl := range p.tables() {
					if tbl != "alembic_version" && tbl != "retort_history" {
						out = append(out, tbl)
					}
				}
				return out
			}
			var rows []string
			if slices.Contains(p.tables(), "alembic_version") {
				rows = p.query("SELECT version_num FROM alembic_version")
			}
			if d == testutil.MySQL {
				// r1 committed; r2's first DDL committed, the rest did not run.
				if got := user(); !slices.Equal(got, []string{"a", "b", "keep"}) {
					t.Errorf("tables %v, want [a b keep]", got)
				}
				if !slices.Equal(rows, []string{r1}) {
					t.Errorf("version rows %v, want [%s]", rows, r1)
				}
				for _, want := range []string{"INTERRUPTED: revision " + r2 + " (upgrade) was interrupted part-way at ",
					"statement 2 of 3 was running", "statement 1 ran and stays committed", "retort resolve " + r2} {
					if !strings.Contains(stderr, want) {
						t.Errorf("stderr lacks %q:\n%s", want, stderr)
					}
				}
				st := p.run("status")
				if !strings.Contains(st.stdout, "Failed:") || !strings.Contains(st.stdout, r2) {
					t.Errorf("status must report the interrupted revision:\n%s", st.stdout)
				}
				return
			}
			want := "INTERRUPTED: rolled back: the database is as it was before this run (at <base>)"
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			if got := user(); !slices.Equal(got, []string{"keep"}) {
				t.Errorf("tables %v, want exactly [keep]: the run must be rolled back", got)
			}
			if len(rows) != 0 {
				t.Errorf("version rows %v, want none", rows)
			}
			if slices.Contains(p.tables(), "retort_history") {
				if st := p.query("SELECT status FROM retort_history WHERE status <> 'rolled-back'"); len(st) != 0 {
					t.Errorf("history rows other than rolled-back: %v", st)
				}
			}
			p.mustRun("upgrade", "head")
			if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{r2}) {
				t.Errorf("after the next run the rows are %v, want [%s]", rows, r2)
			}
		})
	}
}

// With transaction_per_migration the steps before the interrupted one stay
// committed, and the message says so and where the rows are.
func TestInterruptedRunPerMigration(t *testing.T) {
	t.Parallel()
	for _, d := range []string{testutil.SQLite, testutil.Postgres} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, d)
			write(t, p.toml, fmt.Sprintf("script_location = \".\"\nurl = %q\ntransaction_per_migration = true\n", p.db.URL))
			r1 := p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
			r2 := p.add("CREATE TABLE b (x INTEGER);\n"+longStatement(d)+"\nCREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;\nDROP TABLE b;")
			code, stderr := p.startAndSignal(r2, os.Interrupt)
			want := "INTERRUPTED: rolled back the step that was running; the 1 step(s) committed before it stay applied: the database is at " + r1
			if code != 130 || !strings.Contains(stderr, want) {
				t.Fatalf("exit %d, want 130 and %q; stderr:\n%s", code, want, stderr)
			}
			if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{r1}) {
				t.Errorf("version rows %v, want [%s] as reported", rows, r1)
			}
			if tables := p.tables(); !slices.Contains(tables, "a") || slices.Contains(tables, "b") || slices.Contains(tables, "c") {
				t.Errorf("tables %v: want a, and neither b nor c", tables)
			}
		})
	}
}
