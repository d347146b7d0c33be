// Package e2e runs the retort binary as users do, as separate processes
// against the real servers: concurrent runs racing for the lock, and runs
// killed with SIGKILL in the middle of a revision.
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/testutil/clitest"
)

var retortBin string

func TestMain(m *testing.M) {
	bin, cleanup, err := clitest.Build("retort-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	retortBin = bin
	code := m.Run()
	cleanup()
	os.Exit(code)
}

// project is a migrations folder pointing at one test database.
type project struct {
	t    *testing.T
	dir  string
	db   *testutil.DB
	toml string
	n    int
}

func newProject(t *testing.T, dialect string) *project {
	t.Helper()
	p := &project{t: t, dir: t.TempDir(), db: testutil.New(t, dialect)}
	if err := os.MkdirAll(filepath.Join(p.dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.toml = filepath.Join(p.dir, "retort.toml")
	write(t, p.toml, fmt.Sprintf("script_location = \".\"\nurl = %q\n", p.db.URL))
	return p
}

// add writes the next revision of a linear chain; parent "" means the
// previous one. It returns the new id.
func (p *project) add(upgrade, downgrade string, annotations ...string) string {
	p.t.Helper()
	p.n++
	return clitest.AddRevision(p.t, p.dir, 0xe00000000000, p.n-1, upgrade, downgrade, annotations...)
}

func write(t *testing.T, path, s string) { t.Helper(); clitest.Write(t, path, s) }

type result struct {
	err            error
	stdout, stderr string
}

func (p *project) cmd(ctx context.Context, args ...string) *exec.Cmd {
	c := exec.CommandContext(ctx, retortBin, append([]string{"-c", p.toml}, args...)...)
	c.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
	return c
}

func (p *project) run(args ...string) result {
	c := p.cmd(context.Background(), args...)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return result{err: err, stdout: out.String(), stderr: errb.String()}
}

func (p *project) mustRun(args ...string) result {
	p.t.Helper()
	r := p.run(args...)
	if r.err != nil {
		p.t.Fatalf("retort %s: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.err, r.stdout, r.stderr)
	}
	return r
}

// query returns the first column of every row, as strings.
func (p *project) query(q string) []string {
	p.t.Helper()
	return p.db.Strings(p.t, q)
}

// tables lists the user tables of the test database, sorted.
func (p *project) tables() []string {
	p.t.Helper()
	switch p.db.Dialect {
	case testutil.SQLite:
		return p.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	case testutil.Postgres:
		return p.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
	default:
		return p.query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name")
	}
}
