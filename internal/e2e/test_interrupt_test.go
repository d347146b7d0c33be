package e2e

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// TestTestInterruptDropsScratch sends SIGINT to `retort test` (and to
// `retort lint --stairway`) while a revision runs on its scratch database:
// it exits 130 saying so, and every scratch database it named is gone from
// the server; the configured database was never touched.
//
// Across a fleet (test --all over two tenant databases of the server) the
// same: exit 130, the scratch databases gone, no tenant touched.
func TestTestInterruptDropsScratch(t *testing.T) {
	t.Parallel()
	sleeps := map[string]string{testutil.Postgres: "SELECT pg_sleep(5)", testutil.MySQL: "SELECT SLEEP(5)"}
	commands := map[string][]string{"test": {"test", "--rows", "5"}, "lint": {"lint", "--stairway"}}
	for _, name := range []string{testutil.Postgres, testutil.MySQL} {
		for cmdName, args := range commands {
			for _, fleet := range []bool{false, true} {
				if fleet && cmdName != "test" {
					continue // lint has no fleet mode
				}
				tname := name + "/" + cmdName
				if fleet {
					tname += "/fleet"
				}
				t.Run(tname, func(t *testing.T) {
					t.Parallel()
					testInterrupt(t, name, sleeps[name], args, fleet)
				})
			}
		}
	}
}

// testInterrupt interrupts the command args (with fleet: and --all) on
// dialect name while a revision runs sleep.
func testInterrupt(t *testing.T, name, sleep string, args []string, fleet bool) {
	t.Helper()
	p := newProject(t, name)
	p.add("CREATE TABLE pets (id INTEGER PRIMARY KEY, name VARCHAR(20));", "DROP TABLE pets;")
	p.add("ALTER TABLE pets ADD COLUMN age INTEGER;\n"+sleep+";", "ALTER TABLE pets DROP COLUMN age;")
	args = slices.Clone(args)
	want := "INTERRUPTED: stopped before it finished; the configured database was not touched; scratch database(s) retort_scratch_"
	var other *testutil.DB
	if fleet {
		other = testutil.New(t, name)
		write(t, p.toml, fmt.Sprintf("script_location = \".\"\n[fleet]\nurls = [%q, %q]\n", p.db.URL, other.URL))
		args = append(args, "--all")
		want = "INTERRUPTED: stopped before it finished; no target's database was touched; scratch database(s) retort_scratch_"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := p.cmd(ctx, args...)
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.Stdout = io.Discard
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var seen strings.Builder
	named := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		once := false
		for {
			n, err := stderr.Read(buf)
			mu.Lock()
			seen.Write(buf[:n])
			hit := strings.Contains(strings.ToLower(seen.String()), "on scratch database retort_scratch_")
			mu.Unlock()
			if hit && !once {
				once = true
				close(named)
			}
			if err != nil {
				return
			}
		}
	}()
	text := func() string { mu.Lock(); defer mu.Unlock(); return seen.String() }
	select {
	case <-named:
	case <-time.After(30 * time.Second):
		_ = c.Process.Kill()
		t.Fatalf("no scratch database named; stderr:\n%s", text())
	}
	// The second revision sleeps for 5 s: well inside it.
	time.Sleep(1500 * time.Millisecond)
	if err := c.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-done
	err = c.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want 130; stderr:\n%s", err, text())
	}
	out := text()
	if !strings.Contains(out, want) {
		t.Errorf("stderr does not say what happened:\n%s", out)
	}
	names := regexp.MustCompile(`retort_scratch_[0-9a-f]+`).FindAllString(out, -1)
	if len(names) == 0 {
		t.Fatalf("no scratch database in stderr:\n%s", out)
	}
	q := "SELECT count(*) FROM pg_database WHERE datname = $1"
	if name == testutil.MySQL {
		q = "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"
	}
	for _, n := range names {
		var count int
		if err := p.db.DB.QueryRowContext(context.Background(), q, n).Scan(&count); err != nil {
			t.Fatal(err)
		}
		if count != 0 {
			t.Errorf("scratch database %s is still on the server", n)
		}
	}
	if tables := p.tables(); len(tables) != 0 {
		t.Errorf("the configured database holds %v", tables)
	}
	if other != nil {
		q := "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
		if name == testutil.MySQL {
			q = "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
		}
		var n int
		if err := other.DB.QueryRowContext(context.Background(), q).Scan(&n); err != nil || n != 0 {
			t.Errorf("the second tenant holds %d tables (%v)", n, err)
		}
	}
}
