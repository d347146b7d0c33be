package e2e

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// Eight `retort upgrade heads` processes started at once on one database:
// all exit 0, each revision runs exactly once, the final rows are the heads.
func TestConcurrentUpgradeProcesses(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, d)
			if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
				t.Fatal(err)
			}
			var last string
			for i := range 20 {
				last = p.add(
					fmt.Sprintf("CREATE TABLE t_%d (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up %d');", i, i),
					fmt.Sprintf("DROP TABLE t_%d;", i))
			}
			const procs = 8
			var wg sync.WaitGroup
			results := make([]result, procs)
			for i := range procs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[i] = p.run("upgrade", "heads")
				}()
			}
			wg.Wait()
			for i, r := range results {
				if r.err != nil {
					t.Errorf("process %d: %v\nstdout: %s\nstderr: %s", i, r.err, r.stdout, r.stderr)
				}
			}
			steps := p.query("SELECT name FROM steplog ORDER BY name")
			if len(steps) != 20 || len(slices.Compact(slices.Clone(steps))) != 20 {
				t.Errorf("each revision must run exactly once; steplog = %v", steps)
			}
			if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{last}) {
				t.Errorf("version rows = %v, want [%s]", rows, last)
			}
		})
	}
}

// longStatement returns SQL that keeps the server busy for a few seconds.
func longStatement(dialect string) string {
	switch dialect {
	case testutil.Postgres:
		return "SELECT pg_sleep(4);"
	case testutil.MySQL:
		return "SELECT SLEEP(4);"
	default:
		return "INSERT INTO b (x) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 12000000) SELECT x FROM c;"
	}
}

// startAndKill starts `retort upgrade head`, waits until the step of rev has
// started, lets it run a moment and kills the process with SIGKILL.
func (p *project) startAndKill(rev string) {
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
	var seen strings.Builder
	var mu sync.Mutex
	go func() {
		// The "Running upgrade a -> b" line is written when the step
		// starts and finished with its duration when it ends: read bytes,
		// not lines.
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
	stderrText := func() string { mu.Lock(); defer mu.Unlock(); return seen.String() }
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		c.Process.Kill()
		p.t.Fatalf("the step of %s never started; stderr so far:\n%s", rev, stderrText())
	}
	time.Sleep(700 * time.Millisecond)
	if err := c.Process.Signal(syscall.SIGKILL); err != nil {
		p.t.Fatal(err)
	}
	err = c.Wait()
	if err == nil || !strings.Contains(err.Error(), "killed") {
		p.t.Fatalf("retort was not killed mid-run (exit: %v); stderr:\n%s", err, stderrText())
	}
}

// After kill -9 in the middle of a long revision, PostgreSQL and SQLite are
// exactly as before the run, and the next run completes.
func TestKilledRunLeavesNoTrace(t *testing.T) {
	t.Parallel()
	for _, d := range []string{testutil.SQLite, testutil.Postgres} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, d)
			if _, err := p.db.DB.Exec("CREATE TABLE keep (id INTEGER PRIMARY KEY)"); err != nil {
				t.Fatal(err)
			}
			before := p.tables()
			p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
			r2 := p.add("CREATE TABLE b (x INTEGER);\n"+longStatement(d)+"\nCREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;\nDROP TABLE b;")
			p.startAndKill(r2)

			if after := p.tables(); !slices.Equal(after, before) {
				t.Fatalf("tables after the killed run = %v, want exactly %v", after, before)
			}
			p.mustRun("upgrade", "head")
			if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{r2}) {
				t.Fatalf("after the next run the rows are %v, want [%s]", rows, r2)
			}
			for _, tbl := range []string{"a", "b", "c"} {
				if !slices.Contains(p.tables(), tbl) {
					t.Errorf("table %s missing after the completed run", tbl)
				}
			}
		})
	}
}

// On MariaDB DDL commits as it runs: after kill -9 the next run refuses and
// names the revision, until the operator resolves it.
func TestKilledRunOnMySQLIsReportedAndResolved(t *testing.T) {
	t.Parallel()
	p := newProject(t, testutil.MySQL)
	p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
	r2 := p.add("CREATE TABLE b (x INTEGER);\n"+longStatement(testutil.MySQL)+"\nCREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;\nDROP TABLE b;")
	p.startAndKill(r2)

	tables := p.tables()
	if !slices.Contains(tables, "a") || !slices.Contains(tables, "b") || slices.Contains(tables, "c") {
		t.Fatalf("tables after the killed run = %v; want a and b (DDL commits as it runs) and not c", tables)
	}
	r := p.run("upgrade", "head")
	if r.err == nil {
		t.Fatalf("the next run must refuse while %s is half-applied; stdout: %s", r2, r.stdout)
	}
	if !strings.Contains(r.stderr, r2) {
		t.Errorf("the refusal must name the revision %s; stderr:\n%s", r2, r.stderr)
	}
	// The long statement is line 11 of the file (8 header lines, the
	// marker, CREATE TABLE b).
	where := fmt.Sprintf("was interrupted part-way at versions/%s_rev_2.sql:11 (statement 2 of 3 was running)", r2)
	if !strings.Contains(r.stderr, where) {
		t.Errorf("the refusal must say %q; stderr:\n%s", where, r.stderr)
	}
	st := p.run("status")
	if !strings.Contains(st.stdout+st.stderr, r2) || !strings.Contains(st.stdout, fmt.Sprintf("versions/%s_rev_2.sql:11", r2)) {
		t.Errorf("status must report the failed revision %s at its line; got:\n%s%s", r2, st.stdout, st.stderr)
	}
	// The operator undoes the partial work and says so.
	if _, err := p.db.DB.Exec("DROP TABLE b"); err != nil {
		t.Fatal(err)
	}
	p.mustRun("resolve", r2, "--rolled-back")
	p.mustRun("upgrade", "head")
	if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{r2}) {
		t.Fatalf("rows = %v, want [%s]", rows, r2)
	}
	if tables := p.tables(); !slices.Contains(tables, "c") {
		t.Fatalf("tables = %v, want c after the completed run", tables)
	}
}
