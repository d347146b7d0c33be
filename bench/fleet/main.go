// Command fleet measures a fleet run: every tenant taking three small
// revisions (a table and an index each), for 1,000 SQLite tenant files and
// 200 PostgreSQL tenant schemas, at -j 1, 2 and 4. It compares the wall
// time with the ideal, one target's time × N / j, where one target's time
// is measured alone on fresh targets (connect, read the version table,
// lock, run three revisions, close), so the difference is what the fleet
// runner adds per target. Since one target's time alone moves with the
// machine's load, each run also reports the targets' own times as the
// runner measured them (Σtarget/j: their sum over j) and the wall time's
// excess over that per target (runner/tgt): process start-up, loading the
// graph, scheduling, reporting; everything but the targets' own work.
//
//	go run ./bench/fleet                       # both fleets, -j 1,2,4
//	go run ./bench/fleet -sqlite 200 -postgres 50 -jobs 1,4
//	go run ./bench/fleet -postgres 0           # SQLite only
//
// The fleets run both through the retort binary (`retort upgrade head
// --all -j J`, a separate process, start-up included: what a deploy runs)
// and through the library (retort.OpenFleet in this process). A no-op
// re-run (every tenant already at head) shows the runner's cost when
// there is nothing to do. PostgreSQL comes from RETORT_TEST_POSTGRES_URL
// (default the local server).
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/testutil"
)

func main() {
	nSQLite := flag.Int("sqlite", 1000, "SQLite tenant files (0: skip)")
	nPG := flag.Int("postgres", 200, "PostgreSQL tenant schemas (0: skip)")
	jobsFlag := flag.String("jobs", "1,2,4", "parallelism levels")
	single := flag.Int("single", 20, "fresh targets timed alone for one target's time")
	flag.Parse()
	var jobs []int
	for _, s := range strings.Split(*jobsFlag, ",") {
		j, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || j < 1 {
			fail(fmt.Errorf("-jobs %q: want numbers ≥ 1", *jobsFlag))
		}
		jobs = append(jobs, j)
	}
	work, err := os.MkdirTemp("", "retort-fleet-bench")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "retort")
	build := exec.Command("go", "build", "-o", bin, "./cmd/retort")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // the static binary users install
	if out, err := build.CombinedOutput(); err != nil {
		fail(fmt.Errorf("build retort (run from the repository root): %v\n%s", err, out))
	}
	writeRevisions(filepath.Join(work, "versions"))
	fmt.Printf("retort fleet benchmark: %d CPUs, three revisions per tenant\n", runtime.NumCPU())
	if *nSQLite > 0 {
		benchSQLite(work, bin, *nSQLite, *single, jobs)
	}
	if *nPG > 0 {
		benchPostgres(work, bin, *nPG, *single, jobs)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench/fleet:", err)
	os.Exit(1)
}

func writeRevisions(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	parent := ""
	for i, name := range []string{"accounts", "invoices", "events"} {
		id := fmt.Sprintf("%012x", 0xf1ee7000000+i)
		body := fmt.Sprintf("-- add %[1]s\n--\n-- Revision ID: %[2]s\n-- Revises: %[3]s\n-- Create Date: 2024-01-01 00:00:00\n\n"+
			"-- +retort upgrade\nCREATE TABLE %[1]s (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP);\n"+
			"CREATE INDEX %[1]s_name ON %[1]s (name);\n\n-- +retort downgrade\nDROP TABLE %[1]s;\n", name, id, parent)
		if err := os.WriteFile(filepath.Join(dir, id+"_"+name+".sql"), []byte(body), 0o644); err != nil {
			fail(err)
		}
		parent = id
	}
}

// fleetCase is one fleet to measure: how to reset it to empty, its config,
// its targets for the library, and fresh targets to time alone.
type fleetCase struct {
	name    string
	n       int
	toml    string
	reset   func()
	targets func() []retort.Target
	fresh   func(i int) (connect func(context.Context) (*sql.DB, error), opts []retort.Option, cleanup func())
}

func benchSQLite(work, bin string, n, single int, jobs []int) {
	dir := filepath.Join(work, "sqlite-tenants")
	var tenants []string
	for i := range n {
		tenants = append(tenants, fmt.Sprintf("t%04d", i))
	}
	if err := os.WriteFile(filepath.Join(work, "tenants.txt"), []byte(strings.Join(tenants, "\n")+"\n"), 0o644); err != nil {
		fail(err)
	}
	open := func(path string) func(context.Context) (*sql.DB, error) {
		return func(context.Context) (*sql.DB, error) {
			dsn, err := config.ParseURL("sqlite:///" + path)
			if err != nil {
				return nil, err
			}
			return sql.Open(dsn.DriverName, dsn.DataSource)
		}
	}
	c := fleetCase{
		name: "SQLite files", n: n,
		toml: fmt.Sprintf("script_location = \".\"\n[fleet]\nurl = \"sqlite:///%s/{tenant}.db\"\ntenants_file = \"tenants.txt\"\n", dir),
		reset: func() {
			os.RemoveAll(dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				fail(err)
			}
		},
		targets: func() []retort.Target {
			var ts []retort.Target
			for _, t := range tenants {
				ts = append(ts, retort.Target{Name: t, Connect: open(filepath.Join(dir, t+".db"))})
			}
			return ts
		},
		fresh: func(i int) (func(context.Context) (*sql.DB, error), []retort.Option, func()) {
			p := filepath.Join(work, fmt.Sprintf("single-%d.db", i))
			os.Remove(p)
			return open(p), nil, func() { os.Remove(p) }
		},
	}
	measure(work, bin, c, single, jobs)
}

func benchPostgres(work, bin string, n, single int, jobs []int) {
	admin, err := sql.Open("pgx", testutil.PostgresServerURL())
	if err != nil {
		fail(err)
	}
	defer admin.Close()
	dbName := fmt.Sprintf("retort_bench_fleet_%d", os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + dbName); err != nil {
		fail(fmt.Errorf("create %s (is PostgreSQL running? RETORT_TEST_POSTGRES_URL): %v", dbName, err))
	}
	defer admin.Exec("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)")
	pu, err := url.Parse(testutil.PostgresServerURL())
	if err != nil {
		fail(err)
	}
	pu.Path = "/" + dbName
	u := pu.String()
	bdsn, err := config.ParseURL(u)
	if err != nil {
		fail(err)
	}
	db, err := sql.Open("pgx", bdsn.DataSource)
	if err != nil {
		fail(err)
	}
	defer db.Close()
	exec := func(q string) {
		if _, err := db.Exec(q); err != nil {
			fail(fmt.Errorf("%s: %v", q, err))
		}
	}
	var schemas []string
	for i := range n {
		schemas = append(schemas, fmt.Sprintf("tenant_%04d", i))
	}
	open := func(schema string) func(context.Context) (*sql.DB, error) {
		return func(context.Context) (*sql.DB, error) {
			ds, err := retort.SchemaDataSource("postgres", bdsn.DataSource, schema)
			if err != nil {
				return nil, err
			}
			return sql.Open("pgx", ds)
		}
	}
	c := fleetCase{
		name: "PostgreSQL schemas", n: n,
		toml: fmt.Sprintf("script_location = \".\"\nurl = %q\n[fleet]\nschemas = \"tenant_*\"\n", u),
		reset: func() {
			var b strings.Builder
			for _, s := range schemas {
				fmt.Fprintf(&b, "DROP SCHEMA IF EXISTS %[1]s CASCADE; CREATE SCHEMA %[1]s;", s)
			}
			exec(b.String())
		},
		targets: func() []retort.Target {
			var ts []retort.Target
			for _, s := range schemas {
				ts = append(ts, retort.Target{Name: s, Connect: open(s), Options: []retort.Option{retort.WithTenantSchema(s)}})
			}
			return ts
		},
		fresh: func(i int) (func(context.Context) (*sql.DB, error), []retort.Option, func()) {
			s := fmt.Sprintf("single_%d", i)
			exec(fmt.Sprintf("DROP SCHEMA IF EXISTS %[1]s CASCADE; CREATE SCHEMA %[1]s", s))
			return open(s), []retort.Option{retort.WithTenantSchema(s)}, func() { exec("DROP SCHEMA " + s + " CASCADE") }
		},
	}
	measure(work, bin, c, single, jobs)
}

func measure(work, bin string, c fleetCase, single int, jobs []int) {
	ctx := context.Background()
	toml := filepath.Join(work, "retort.toml")
	if err := os.WriteFile(toml, []byte(c.toml), 0o644); err != nil {
		fail(err)
	}
	c.reset() // the fleet's tenants exist (empty) while one target is timed
	// One target's time: fresh targets alone, through the library,
	// connecting included; the graph loaded once, as a fleet does.
	var total time.Duration
	for i := range single + 1 {
		connect, opts, cleanup := c.fresh(i)
		start := time.Now()
		db, err := connect(ctx)
		if err != nil {
			fail(err)
		}
		m, err := retort.Open(ctx, db, nil, append(opts, retort.WithVersionDirs(filepath.Join(work, "versions")))...)
		if err != nil {
			fail(err)
		}
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			fail(err)
		}
		db.Close()
		if i > 0 { // the first warms the server and the process up
			total += time.Since(start)
		}
		cleanup()
	}
	one := total / time.Duration(single)
	fmt.Printf("\n%s: %d tenants; one target alone: %s (mean of %d)\n", c.name, c.n, ms(one), single)
	fmt.Printf("%-8s %-4s %11s %11s %10s %12s %11s %11s %12s %11s\n", "via", "-j", "wall", "ideal", "wall/ideal", "overhead/tgt", "ideal(cpus)", "Σtarget/j", "runner/tgt", "no-op rerun")
	for _, j := range jobs {
		ideal := one * time.Duration(c.n) / time.Duration(j)
		// What j can give on this machine when a target's work is this
		// process's CPU (SQLite) rather than the server's.
		idealCPU := one * time.Duration(c.n) / time.Duration(min(j, runtime.NumCPU()))
		for _, via := range []string{"binary", "library"} {
			c.reset()
			// run returns the wall time and the sum of the targets' own
			// times (connect, read, lock, run, close) as the runner measured
			// them: wall − sum/j is what the runner adds, whatever the
			// machine's load does to the targets' own time.
			run := func() (time.Duration, time.Duration) {
				start := time.Now()
				var sum time.Duration
				if via == "binary" {
					cmd := exec.Command(bin, "-c", toml, "-q", "upgrade", "head", "--all", "-j", strconv.Itoa(j), "--json")
					cmd.Env = append(os.Environ(), "RETORT_DATABASE_URL=")
					out, err := cmd.Output()
					if err != nil {
						fail(fmt.Errorf("retort upgrade head --all: %v\n%s", err, tail(string(out))))
					}
					var doc struct {
						Targets []struct {
							DurationMS float64 `json:"duration_ms"`
						} `json:"targets"`
					}
					if err := json.Unmarshal(out, &doc); err != nil {
						fail(err)
					}
					for _, t := range doc.Targets {
						sum += time.Duration(t.DurationMS * float64(time.Millisecond))
					}
				} else {
					f, err := retort.OpenFleet(ctx, c.targets(), nil, retort.WithVersionDirs(filepath.Join(work, "versions")))
					if err != nil {
						fail(err)
					}
					res, err := f.Upgrade(ctx, "head", retort.FleetOptions{Parallelism: j})
					if err == nil {
						err = res.Err()
					}
					if err != nil {
						fail(err)
					}
					for _, t := range res.Targets {
						sum += t.Duration
					}
				}
				return time.Since(start), sum
			}
			wall, sum := run()
			noop, _ := run()
			over := (wall - ideal) * time.Duration(j) / time.Duration(c.n)
			busy := sum / time.Duration(j)
			runner := (wall - busy) * time.Duration(j) / time.Duration(c.n)
			fmt.Printf("%-8s %-4d %11s %11s %10.2f %12s %11s %11s %12s %11s\n", via, j, ms(wall), ms(ideal), float64(wall)/float64(ideal), ms(over), ms(idealCPU), ms(busy), ms(runner), ms(noop))
		}
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
