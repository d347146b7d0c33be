package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// runWith runs retort with config file toml instead of the project's own.
func (p *project) runWith(toml string, args ...string) result {
	c := exec.CommandContext(context.Background(), retortBin, append([]string{"-c", toml}, args...)...)
	c.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return result{err: err, stdout: out.String(), stderr: errb.String()}
}

// otherSpelling returns a config for the project's database and version
// table that spells both differently from the project's own config: the
// version table's schema named explicitly (the current schema, the current
// database, "main"), and on SQLite the file reached through a symlinked
// directory, a "./" and a file: URI. It also runs one transaction per
// revision, so the runs of this config span many transactions.
func (p *project) otherSpelling() string {
	p.t.Helper()
	url, schema := p.db.URL, ""
	switch p.db.Dialect {
	case testutil.Postgres:
		schema = "public"
	case testutil.MySQL:
		schema = p.db.Name
	case testutil.SQLite:
		schema = "main"
		link := filepath.Join(p.t.TempDir(), "link")
		if err := os.Symlink(filepath.Dir(p.db.Name), link); err != nil {
			p.t.Fatal(err)
		}
		url = "file:" + link + "/./" + filepath.Base(p.db.Name) + "?cache=private"
	}
	toml := filepath.Join(p.dir, "other.toml")
	write(p.t, toml, fmt.Sprintf("script_location = \".\"\nurl = %q\nversion_table_schema = %q\ntransaction_per_migration = true\n", url, schema))
	return toml
}

// Eight `retort upgrade heads` processes at once, half with the project's
// config and half with one that names the same version table differently:
// all take one lock, so every revision runs exactly once. Some revisions run
// outside a transaction, which on SQLite means the run holds no SQLite lock
// between them.
func TestConcurrentRunsUnderMismatchedConfigs(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, d)
			other := p.otherSpelling()
			if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
				t.Fatal(err)
			}
			const revs = 16
			var last string
			for i := range revs {
				var ann []string
				if i%5 == 2 {
					ann = append(ann, "no-transaction")
				}
				last = p.add(
					fmt.Sprintf("CREATE TABLE t_%d (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up %02d');", i, i),
					fmt.Sprintf("DROP TABLE t_%d;", i), ann...)
			}
			const procs = 8
			var wg sync.WaitGroup
			results := make([]result, procs)
			for i := range procs {
				wg.Go(func() {
					if i%2 == 0 {
						results[i] = p.run("upgrade", "heads")
					} else {
						results[i] = p.runWith(other, "upgrade", "heads")
					}
				})
			}
			wg.Wait()
			for i, r := range results {
				if r.err != nil {
					t.Errorf("process %d: %v\nstdout: %s\nstderr: %s", i, r.err, r.stdout, r.stderr)
				}
			}
			steps := p.query("SELECT name FROM steplog ORDER BY name")
			if len(steps) != revs || len(slices.Compact(slices.Clone(steps))) != revs {
				t.Errorf("each revision must run exactly once; steplog = %v", steps)
			}
			if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{last}) {
				t.Errorf("version rows = %v, want [%s]", rows, last)
			}
			hist := p.query("SELECT revision FROM retort_history WHERE direction = 'upgrade' AND status = 'done' ORDER BY revision")
			if len(hist) != revs || len(slices.Compact(slices.Clone(hist))) != revs {
				t.Errorf("retort_history must record each revision once: %v", hist)
			}
			if other := p.query("SELECT revision FROM retort_history WHERE status <> 'done'"); len(other) != 0 {
				t.Errorf("retort_history holds steps that did not complete: %v", other)
			}
			if d == testutil.SQLite {
				assertOnlyDatabase(t, p.db.Name)
			}
		})
	}
}

// assertOnlyDatabase fails when anything but the database file lies beside
// it after the runs (a lock file, a journal left behind).
func assertOnlyDatabase(t *testing.T, db string) {
	t.Helper()
	ents, err := os.ReadDir(filepath.Dir(db))
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for _, e := range ents {
		if e.Name() != filepath.Base(db) {
			extra = append(extra, e.Name())
		}
	}
	if len(extra) > 0 {
		t.Errorf("files left beside the database %s: %s", filepath.Base(db), strings.Join(extra, ", "))
	}
}

// After runs as root, another user's runs work: the lock leaves nothing
// beside the database that root owns (a root-owned lock file once made
// every later run of another user fail with "permission denied"). A lock
// file an older retort left there is not touched.
func TestSQLiteRunAsAnotherUserAfterRoot(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("runs retort as another user, which needs root")
	}
	p := newProject(t, testutil.SQLite)
	r1 := p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
	r2 := p.add("CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b;")
	old := p.db.Name + "-retort.lock"
	content := []byte("process 1 on host since 2024-01-01T00:00:00Z\n")
	if err := os.WriteFile(old, content, 0o644); err != nil {
		t.Fatal(err)
	}
	p.mustRun("upgrade", r1)

	for path, mode := range map[string]os.FileMode{filepath.Dir(p.db.Name): 0o777, p.db.Name: 0o666} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	if r := p.runAsNobody("upgrade", "head"); r.err != nil {
		t.Fatalf("upgrade as another user after root: %v\n%s%s", r.err, r.stdout, r.stderr)
	}
	if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{r2}) {
		t.Errorf("rows = %v, want [%s]", rows, r2)
	}
	if got, err := os.ReadFile(old); err != nil || !bytes.Equal(got, content) {
		t.Errorf("the old lock file was touched: %q, %v", got, err)
	}
}

// runAsNobody runs retort with the project's config as user nobody, after
// letting nobody reach the binary, the project and the database's
// directory (the database file's own mode is the caller's).
func (p *project) runAsNobody(args ...string) result {
	p.t.Helper()
	const nobody = 65534
	for _, dir := range []string{filepath.Dir(retortBin), filepath.Dir(p.dir), p.dir, filepath.Dir(filepath.Dir(p.db.Name))} {
		if err := os.Chmod(dir, 0o755); err != nil {
			p.t.Fatal(err)
		}
	}
	c := p.cmd(context.Background(), args...)
	c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return result{err: err, stdout: out.String(), stderr: errb.String()}
}
