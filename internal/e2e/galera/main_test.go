// Package galera runs the retort binary against a real three-node MariaDB
// Galera cluster, which its TestMain starts (internal/testutil/galera) and
// stops: concurrent runs split across the nodes, a lock holder killed with
// SIGKILL, node-local DDL refused. Nothing else pays for the cluster.
package galera

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/testutil/clitest"
	gcluster "github.com/retortdb/retort/internal/testutil/galera"
)

var retortBin string

func TestMain(m *testing.M) {
	if dsn := os.Getenv(holdEnv); dsn != "" {
		os.Exit(holdLease(dsn)) // a lock holder for a test to kill
	}
	// Build while the cluster starts.
	var err error
	cleanup := func() {}
	var wg sync.WaitGroup
	wg.Go(func() {
		retortBin, cleanup, err = clitest.Build("retort-e2e-galera")
	})
	code := gcluster.Main(&built{m: m, wait: func() error {
		wg.Wait()
		return err
	}})
	wg.Wait()
	if cleanup != nil {
		cleanup()
	}
	os.Exit(code)
}

// built waits for the binary before the tests run.
type built struct {
	m    *testing.M
	wait func() error
}

func (b *built) Run() int {
	if err := b.wait(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return b.m.Run()
}

// project is a migrations folder and one test database on the cluster,
// created through node 1 (and so, by total order isolation, on all three).
type project struct {
	t    *testing.T
	c    *gcluster.Cluster
	dir  string
	name string    // database name
	dbs  []*sql.DB // one per node, statements waiting for the cluster
	toml string
	n    int
}

func newProject(t *testing.T, extraTOML string) *project {
	t.Helper()
	c := gcluster.Need(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	p := &project{t: t, c: c, dir: t.TempDir(), name: "retort_g_" + hex.EncodeToString(b)}
	for _, n := range c.Nodes {
		// The test's own statements wait for the cluster, writes too
		// (15 = reads, updates and deletes, inserts, SHOW): a DDL applied
		// in total order on one node may still be applying on the next
		// when an INSERT arrives there.
		db, err := sql.Open("mysql", n.DataSource("")+"&wsrep_sync_wait=15")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		p.dbs = append(p.dbs, db)
	}
	if _, err := p.dbs[0].Exec("CREATE DATABASE " + p.name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := p.dbs[0].Exec("DROP DATABASE IF EXISTS " + p.name); err != nil {
			t.Errorf("drop %s: %v", p.name, err)
		}
	})
	// The other nodes apply the CREATE in the same order, but later: a
	// connection naming the database must wait for it.
	for i := range p.dbs {
		if got := p.query(i, "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?", p.name); len(got) != 1 {
			t.Fatalf("node %d does not have database %s", i+1, p.name)
		}
	}
	if err := os.MkdirAll(filepath.Join(p.dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.toml = filepath.Join(p.dir, "retort.toml")
	write(t, p.toml, fmt.Sprintf("script_location = \".\"\nurl = %q\n%s", c.Nodes[0].DatabaseURL(p.name), extraTOML))
	return p
}

// url is the project's database on node i.
func (p *project) url(i int) string { return p.c.Nodes[i].DatabaseURL(p.name) }

// add writes the next revision of a linear chain and returns its id.
func (p *project) add(upgrade, downgrade string) string {
	p.t.Helper()
	p.n++
	return clitest.AddRevision(p.t, p.dir, 0xa00000000000, p.n-1, upgrade, downgrade)
}

func write(t *testing.T, path, s string) { t.Helper(); clitest.Write(t, path, s) }

type result struct {
	err            error
	code           int
	stdout, stderr string
}

// cmd is retort with the project's config, against node i.
func (p *project) cmd(ctx context.Context, node int, args ...string) *exec.Cmd {
	c := exec.CommandContext(ctx, retortBin, append([]string{"-c", p.toml, "--url", p.url(node)}, args...)...)
	c.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
	return c
}

func (p *project) run(node int, args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := p.cmd(ctx, node, args...)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	code := 0
	if c.ProcessState != nil {
		code = c.ProcessState.ExitCode()
	}
	return result{err: err, code: code, stdout: out.String(), stderr: errb.String()}
}

func (p *project) mustRun(node int, args ...string) result {
	p.t.Helper()
	r := p.run(node, args...)
	if r.err != nil {
		p.t.Fatalf("retort %s on node %d: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), node+1, r.err, r.stdout, r.stderr)
	}
	return r
}

// query returns the first column of every row on node i, as strings.
func (p *project) query(node int, q string, args ...any) []string {
	p.t.Helper()
	return testutil.Strings(p.t, p.dbs[node], strings.ReplaceAll(q, "$db", p.name), args...)
}

// tables lists the database's tables on node i.
func (p *project) tables(node int) []string {
	return p.query(node, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name", p.name)
}
