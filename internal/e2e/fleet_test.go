package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// TestFleetKilledMidwayThenRerun: `upgrade head --all -j 2` over six
// tenants is killed with SIGKILL once two tenants are done, while others
// are in the middle of a slow revision. A re-run completes every tenant
// (on MariaDB, where a killed step's DDL cannot roll back, after `retort
// resolve` of the tenants the kill caught mid-step, as for one database);
// every tenant then holds each revision exactly once.
func TestFleetKilledMidwayThenRerun(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, dialect) // its own database is unused: the fleet's are
			var dbs []*testutil.DB
			var lines []string
			for i := range 6 {
				db := testutil.New(t, dialect)
				dbs = append(dbs, db)
				lines = append(lines, fmt.Sprintf("t%d %s", i, db.URL))
			}
			write(t, filepath.Join(p.dir, "tenants.txt"), strings.Join(lines, "\n")+"\n")
			write(t, p.toml, "script_location = \".\"\n[fleet]\nurls_file = \"tenants.txt\"\n")
			slow := map[string]string{
				testutil.Postgres: "SELECT pg_sleep(0.6);",
				testutil.MySQL:    "SELECT SLEEP(0.6);",
				testutil.SQLite:   "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 3000000) SELECT count(*) FROM c;",
			}[dialect]
			revA := p.add("CREATE TABLE t_a (id INTEGER);", "DROP TABLE t_a;")
			revB := p.add(slow+"\nCREATE TABLE t_b (id INTEGER);", "DROP TABLE t_b;")
			revC := p.add("CREATE TABLE t_c (id INTEGER);", "DROP TABLE t_c;")

			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			c := p.cmd(ctx, "upgrade", "head", "--all", "-j", "2")
			stderr, err := c.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			c.Stdout = io.Discard
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			done := 0
			sc := bufio.NewScanner(stderr)
			for done < 2 && sc.Scan() {
				if strings.Contains(sc.Text(), ": upgraded (") {
					done++
				}
			}
			if err := c.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, stderr)
			_ = c.Wait()
			if done < 2 {
				t.Fatalf("the fleet run ended before two tenants were done")
			}
			applied := 0
			for _, db := range dbs {
				if slices.Contains(tablesOf(t, db), "t_c") {
					applied++
				}
			}
			if applied == len(dbs) {
				t.Fatalf("every tenant was done before the kill: the test killed nothing midway")
			}

			if dialect == testutil.MySQL {
				// As for one database: a step killed mid-way waits for resolve.
				r := p.run("status", "--all", "--json")
				var doc struct {
					Targets []struct {
						Name   string
						Status *struct {
							Failed *struct{ Revision string }
						}
					}
				}
				if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
					t.Fatalf("status --all --json: %v\n%s", err, r.stdout)
				}
				for i, tr := range doc.Targets {
					if tr.Status == nil || tr.Status.Failed == nil {
						continue
					}
					rev := tr.Status.Failed.Revision
					how := "--rolled-back"
					if slices.Contains(tablesOf(t, dbs[i]), "t_"+map[string]string{revA: "a", revB: "b", revC: "c"}[rev]) {
						how = "--applied"
					}
					p.mustRun("--url", dbs[i].URL, "resolve", rev, how)
				}
			}
			r := p.run("upgrade", "head", "--all")
			if r.err != nil {
				t.Fatalf("re-run: %v\n%s\n%s", r.err, r.stdout, r.stderr)
			}
			for i, db := range dbs {
				tables := tablesOf(t, db)
				for _, want := range []string{"t_a", "t_b", "t_c", "alembic_version"} {
					if !slices.Contains(tables, want) {
						t.Errorf("t%d lacks %s after the re-run: %v", i, want, tables)
					}
				}
				rows := queryDB(t, db, "SELECT version_num FROM alembic_version")
				if !slices.Equal(rows, []string{revC}) {
					t.Errorf("t%d version rows %v, want [%s]", i, rows, revC)
				}
				// Each revision applied exactly once (the history says so).
				for _, rev := range []string{revA, revB, revC} {
					n := queryDB(t, db, "SELECT count(*) FROM retort_history WHERE revision = '"+rev+"' AND direction = 'upgrade' AND status = 'done'")
					if !slices.Equal(n, []string{"1"}) {
						t.Errorf("t%d: %s applied %v times", i, rev, n)
					}
				}
			}
		})
	}
}

func tablesOf(t *testing.T, db *testutil.DB) []string {
	t.Helper()
	switch db.Dialect {
	case testutil.SQLite:
		return queryDB(t, db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	case testutil.Postgres:
		return queryDB(t, db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
	}
	return queryDB(t, db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name")
}

func queryDB(t *testing.T, db *testutil.DB, q string) []string {
	t.Helper()
	return db.Strings(t, q)
}
