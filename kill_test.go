package retort_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/testutil"
)

// TestKillHelper is the process TestKilledRun kills: it upgrades to head and
// announces each step on stdout.
func TestKillHelper(t *testing.T) {
	if os.Getenv("RETORT_KILL_HELPER") == "" {
		t.Skip("helper process for TestKilledRun")
	}
	db, err := sql.Open(os.Getenv("RETORT_KILL_DRIVER"), os.Getenv("RETORT_KILL_DSN"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := retort.Open(context.Background(), db, os.DirFS(os.Getenv("RETORT_KILL_DIR")),
		retort.WithEvents(func(e retort.Event) {
			if e.Kind == retort.EventStepStart {
				fmt.Printf("STARTED %s\n", e.Revision)
			}
		}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Upgrade(context.Background(), os.Getenv("RETORT_KILL_TARGET"))
	if os.Getenv("RETORT_KILL_HELPER") == "upgrade" {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("the helper should have been killed; upgrade returned %v", err)
}

// TestConcurrentProcesses starts eight processes that all run `upgrade
// heads` on one database: all succeed, each revision runs once, the rows
// end at the heads.
func TestConcurrentProcesses(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		db := newDB(t, dn)
		specs := append(linear("a", "b", "c", "d"), spec{id: "e", parents: "b"}, spec{id: "f", parents: "e"})
		dir := writeFS(t, graphFS(specs...))
		var cmds []*exec.Cmd
		for range 8 {
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
			cmd.Env = append(os.Environ(), "RETORT_KILL_HELPER=upgrade", "RETORT_KILL_TARGET=heads", "RETORT_KILL_DRIVER="+db.DriverName,
				"RETORT_KILL_DSN="+db.DataSource, "RETORT_KILL_DIR="+dir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("process %d: %v", i, err)
			}
		}
		if log := db.log(); !slices.Equal(sorted(log), []string{"up a", "up b", "up c", "up d", "up e", "up f"}) {
			t.Errorf("each revision once: %v", log)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"d", "f"}) {
			t.Errorf("rows %v", rows)
		}
	})
}

func writeFS(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestKilledRun kills (SIGKILL) a run in the middle of a long statement.
// PostgreSQL and SQLite are left exactly as before the run and the next run
// completes; on MySQL/MariaDB the interrupted step is reported precisely and
// runs refuse until it is resolved.
func TestKilledRun(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		specs := linear("a", "b", "c")
		switch dn {
		case testutil.Postgres:
			specs[1].up = "SELECT pg_sleep(3);"
		case testutil.MySQL:
			specs[1].up = "SELECT SLEEP(3);"
		default:
			specs[1].up = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT count(*) FROM c;"
		}
		fsys := graphFS(specs...)
		if _, err := db.open(fsys).Upgrade(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		db.log()
		before := db.tables()

		cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.v")
		cmd.Env = append(os.Environ(), "RETORT_KILL_HELPER=kill", "RETORT_KILL_TARGET=head", "RETORT_KILL_DRIVER="+db.DriverName,
			"RETORT_KILL_DSN="+db.DataSource, "RETORT_KILL_DIR="+writeFS(t, fsys))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "STARTED b" {
				break
			}
		}
		time.Sleep(500 * time.Millisecond) // inside the slow statement
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		fixed := graphFS(linear("a", "b", "c")...)
		m := db.open(fixed, retort.WithLockTimeout(30*time.Second))
		if dn != testutil.MySQL {
			if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
				t.Errorf("rows after kill %v", rows)
			}
			if got := db.tables(); !slices.Equal(got, before) {
				t.Errorf("tables after kill %v, before %v", got, before)
			}
			if log := db.log(); len(log) != 0 {
				t.Errorf("log after kill %v", log)
			}
			if _, err := m.Upgrade(ctx, "head"); err != nil {
				t.Fatalf("next run: %v", err)
			}
			if log := db.log(); !slices.Equal(log, []string{"up b", "up c"}) {
				t.Errorf("next run log %v", log)
			}
			return
		}
		// b's file is unchanged: resolving it as applied records its checksum
		m = db.open(fsys, retort.WithLockTimeout(30*time.Second))
		st, err := m.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if f := st.Failed; f == nil || f.Revision != "b" || f.Executed != 2 || f.Total != 3 || f.Error != "" {
			t.Fatalf("status after kill: %+v", st.Failed)
		}
		_, err = m.Upgrade(ctx, "head")
		var pe *migrate.PartialError
		if !errors.As(err, &pe) || !pe.Interrupted || !strings.Contains(err.Error(), "statement 3 of 3 was running") ||
			!strings.Contains(err.Error(), "retort resolve b") {
			t.Fatalf("next run: %v", err)
		}
		if _, err := m.Resolve(ctx, "b", retort.ResolveApplied); err != nil {
			t.Fatal(err)
		}
		db.log()
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(log, []string{"up c"}) {
			t.Errorf("log %v", log)
		}
	})
}
