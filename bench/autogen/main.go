// Command autogen measures retort's introspection and check on a PostgreSQL
// schema of 1,000 tables (8 columns, a primary key, two indexes, a foreign
// key on three tables out of four) against pg_dump --schema-only and
// Alembic's compare_metadata on the same database.
//
//	go run ./bench/autogen                          # from the repository root
//	go run ./bench/autogen -n 7 -alembic-runs 3 -retort /tmp/retort
//
// It creates a fresh database (dropped at the end, also on Ctrl-C), writes
// the desired-state schema.sql that built it, and times, each several runs
// with the median reported:
//
//   - pg_dump --schema-only (whole process) against autogen.Inspect;
//   - check in process: inspect the database, load schema.sql into a scratch
//     database through sqlstate, inspect it, diff;
//   - the whole `retort check` process, when -retort names a binary;
//   - Alembic: alembic_check.py (SQLAlchemy metadata of the same tables and
//     compare_metadata, reflection included), when -python can import
//     alembic, sqlalchemy and psycopg2.
//
// bench/autogen/run.sh builds the binary and runs this with the defaults.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/schema"
)

type options struct {
	server        string
	db            string
	tables        int
	runs          int
	alembicRuns   int
	alembicFull   int
	python        string
	alembicScript string
	retort        string
	dir           string
	breakdown     bool
}

func main() {
	var o options
	flag.StringVar(&o.server, "url", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL server to create the databases on (any database on it)")
	flag.StringVar(&o.db, "db", "", "name of the database to create (default retort_bench_RANDOM); it must not exist")
	flag.IntVar(&o.tables, "tables", 1000, "tables in the schema")
	flag.IntVar(&o.runs, "n", 5, "runs of pg_dump, inspect and check (the median is reported)")
	flag.IntVar(&o.alembicRuns, "alembic-runs", 3, "runs of Alembic's compare_metadata (0 skips it)")
	flag.IntVar(&o.alembicFull, "alembic-full-runs", 1, "runs of Alembic with compare_type and compare_server_default on")
	flag.StringVar(&o.python, "python", "/usr/bin/python3", "Python with alembic, sqlalchemy and psycopg2")
	flag.StringVar(&o.alembicScript, "alembic-script", "bench/autogen/alembic_check.py", "path of alembic_check.py")
	flag.StringVar(&o.retort, "retort", "", "retort binary whose `check` to time (empty skips it)")
	flag.StringVar(&o.dir, "dir", "", "folder for schema.sql and retort.toml (default a temporary one, removed at the end)")
	flag.BoolVar(&o.breakdown, "breakdown", true, "also time the phases of loading schema.sql into a scratch database (databases NAME_s and NAME_r)")
	emit := flag.String("emit", "", "print the schema.sql of -tables tables for this dialect (postgres, mysql or sqlite) and exit; bench/autogen/floor.sh uses it")
	flag.Parse()
	if *emit != "" {
		ddl, err := schemaSQLFor(*emit, o.tables)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/autogen:", err)
			os.Exit(2)
		}
		fmt.Print(ddl)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/autogen:", err)
		stop()
		os.Exit(1)
	}
}

// skip leaves the version and history tables out, as retort does.
var skip = schema.InspectOptions{Skip: []string{"alembic_version", "retort_history"}}

func run(ctx context.Context, o options) error {
	if o.runs < 1 {
		return errors.New("-n must be at least 1")
	}
	if o.db == "" {
		b := make([]byte, 5)
		_, _ = rand.Read(b)
		o.db = "retort_bench_" + hex.EncodeToString(b)
	}
	if o.dir == "" {
		d, err := os.MkdirTemp("", "retort-bench-autogen-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		o.dir = d
	}
	dbURL, err := withDatabase(o.server, o.db)
	if err != nil {
		return fmt.Errorf("-url: %w", err)
	}
	schemaPath := filepath.Join(o.dir, "schema.sql")
	ddl := schemaSQL(o.tables)
	if err := os.WriteFile(schemaPath, []byte(ddl), 0o644); err != nil {
		return err
	}

	admin, err := sql.Open(pgDriver(), o.server)
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+o.db); err != nil {
		return fmt.Errorf("create database %s: %w", o.db, err)
	}
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(c, "DROP DATABASE IF EXISTS "+o.db+" WITH (FORCE)"); err != nil {
			fmt.Fprintf(os.Stderr, "drop database %s: %v\n", o.db, err)
		}
	}()
	db, err := sql.Open(pgDriver(), dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	t := time.Now()
	if _, err := db.ExecContext(ctx, ddl); err != nil {
		return fmt.Errorf("create the schema: %w", err)
	}
	fmt.Printf("database %s: %d tables created in %v (schema.sql %d bytes)\n", o.db, o.tables, time.Since(t).Round(time.Millisecond), len(ddl))
	fmt.Printf("machine: %d CPUs, %s; load average at start %s\n", runtime.NumCPU(), runtime.Version(), loadavg())

	pgDump, err := exec.LookPath("pg_dump")
	if err != nil {
		return errors.New("pg_dump not on PATH")
	}
	cfg, cliNote := prepareCLI(ctx, o, dbURL)
	alembicNote := checkPython(ctx, o)

	// Rounds interleave the measurements so that a change in the machine's
	// load touches all of them alike. Round -1 warms the caches, untimed.
	var (
		dumpT, inspT, checkT, liveT, loadT, diffT, cliT []time.Duration
		bd                                              breakdownTimes
		alembic, full                                   alembicTimes
		loads                                           []string
	)
	for i := -1; i < o.runs; i++ {
		keep := i >= 0
		loads = append(loads, loadavg1())
		d, err := timeProcess(ctx, nil, pgDump, "--schema-only", "--dbname", dbURL)
		if err != nil {
			return fmt.Errorf("pg_dump: %w", err)
		}
		t := time.Now()
		s, err := autogen.Inspect(ctx, db, dialect.Postgres, skip)
		if err != nil {
			return fmt.Errorf("inspect: %w", err)
		}
		e := time.Since(t)
		if len(s.Tables) != o.tables {
			return fmt.Errorf("inspect found %d tables, want %d", len(s.Tables), o.tables)
		}
		if keep {
			dumpT, inspT = append(dumpT, d), append(inspT, e)
		}

		t0 := time.Now()
		cur, err := autogen.Inspect(ctx, db, dialect.Postgres, skip)
		if err != nil {
			return fmt.Errorf("inspect: %w", err)
		}
		t1 := time.Now()
		des, err := sqlstate.Load(ctx, sqlstate.Source{
			Dialect: dialect.Postgres, DriverName: pgDriver(), DataSource: dbURL,
			Files: []string{schemaPath}, Inspect: skip,
		})
		if err != nil {
			return fmt.Errorf("load schema.sql: %w", err)
		}
		t2 := time.Now()
		r, err := autogen.Check(cur, des, dialect.Postgres)
		if err != nil {
			return fmt.Errorf("check: %w", err)
		}
		t3 := time.Now()
		if !r.Clean() {
			return fmt.Errorf("check against identical models is not clean:\n%s", r.Text())
		}
		if keep {
			checkT = append(checkT, t3.Sub(t0))
			liveT, loadT, diffT = append(liveT, t1.Sub(t0)), append(loadT, t2.Sub(t1)), append(diffT, t3.Sub(t2))
		}
		if !keep {
			continue
		}
		if o.breakdown {
			if err := breakdown(ctx, o, admin, ddl, &bd); err != nil {
				return err
			}
		}
		if cliNote == "" {
			d, err := timeProcess(ctx, nil, o.retort, "-c", cfg, "check")
			if err != nil {
				return fmt.Errorf("retort check: %w", err)
			}
			cliT = append(cliT, d)
		}
		if alembicNote == "" && i < o.alembicRuns {
			if err := alembicOnce(ctx, o, dbURL, false, &alembic); err != nil {
				return err
			}
		}
		if alembicNote == "" && i < o.alembicFull {
			if err := alembicOnce(ctx, o, dbURL, true, &full); err != nil {
				return err
			}
		}
	}

	fmt.Printf("load average at end %s; 1-minute load at the start of each round: %s\n\n", loadavg(), strings.Join(loads, " "))
	fmt.Printf("%-58s %10s %10s  %s\n", "measurement", "median", "min", "runs")
	row := func(name string, ds []time.Duration) {
		if len(ds) == 0 {
			return
		}
		fmt.Printf("%-58s %10s %10s  %d\n", name, fmtDur(median(ds)), fmtDur(slices.Min(ds)), len(ds))
	}
	row("pg_dump --schema-only (process)", dumpT)
	row("retort inspect (autogen.Inspect, in process)", inspT)
	row("retort check in process (total)", checkT)
	row("  inspect the database", liveT)
	row("  load schema.sql into a scratch database and inspect", loadT)
	row("  diff", diffT)
	row("scratch load by hand: CREATE DATABASE", bd.create)
	row("  run schema.sql statement by statement", bd.ddl)
	row("  inspect", bd.inspect)
	row("  DROP DATABASE … WITH (FORCE)", bd.drop)
	row("  the same in one transaction, rolled back (no drop)", bd.rollback)
	row("retort check (process)", cliT)
	row("Alembic compare_metadata (metadata + reflection + diff)", alembic.total)
	row("  compare_metadata alone", alembic.compare)
	row("Alembic python process (imports included)", alembic.process)
	row("Alembic, compare_type + compare_server_default", full.total)
	fmt.Println()
	fmt.Printf("inspect / pg_dump:                  %.2f (target: at most 2)\n", ratio(inspT, dumpT))
	if len(alembic.total) > 0 {
		fmt.Printf("Alembic / retort check, in process: %.1fx (target: at least 10x)\n", ratio(alembic.total, checkT))
		if len(cliT) > 0 {
			fmt.Printf("Alembic / retort check, processes:  %.1fx\n", ratio(alembic.process, cliT))
		}
		if len(full.total) > 0 {
			fmt.Printf("Alembic full / retort check:        %.1fx\n", ratio(full.total, checkT))
		}
		fmt.Printf("Alembic differences reported on identical models: %d%s\n", alembic.diffs, alembic.sample)
		if len(full.total) > 0 {
			fmt.Printf("Alembic full differences reported: %d%s\n", full.diffs, full.sample)
		}
	}
	if cliNote != "" {
		fmt.Println("retort check (process): skipped:", cliNote)
	}
	if alembicNote != "" {
		fmt.Println("Alembic: skipped:", alembicNote)
	}
	return nil
}

// schemaSQL is the desired-state schema: tables t0000…, each with 8
// columns, a primary key, two indexes, and a foreign key to the previous
// table on three tables out of four.
func schemaSQL(n int) string {
	var b strings.Builder
	for i := range n {
		ref := ""
		if i%4 != 0 {
			ref = fmt.Sprintf(" REFERENCES t%04d (id)", i-1)
		}
		fmt.Fprintf(&b, "CREATE TABLE t%04d (\n"+
			"    id bigint PRIMARY KEY,\n"+
			"    name varchar(100) NOT NULL,\n"+
			"    email text,\n"+
			"    created timestamptz DEFAULT now(),\n"+
			"    amount numeric(12,2) DEFAULT 0,\n"+
			"    active boolean NOT NULL DEFAULT true,\n"+
			"    parent_id bigint%s,\n"+
			"    note text\n"+
			");\n", i, ref)
		fmt.Fprintf(&b, "CREATE INDEX t%04d_name ON t%04d (name);\n", i, i)
		fmt.Fprintf(&b, "CREATE INDEX t%04d_created ON t%04d (created DESC);\n\n", i, i)
	}
	return b.String()
}

// schemaSQLFor is schemaSQL in another dialect's words, the same tables,
// columns, keys and indexes: MariaDB/MySQL has no timestamptz (timestamp)
// and its foreign keys are written as table constraints; SQLite has no
// now() (CURRENT_TIMESTAMP).
func schemaSQLFor(dialectName string, n int) (string, error) {
	switch dialectName {
	case "postgres", "postgresql":
		return schemaSQL(n), nil
	case "mysql", "mariadb", "sqlite":
	default:
		return "", fmt.Errorf("-emit %q: want postgres, mysql or sqlite", dialectName)
	}
	my := dialectName != "sqlite"
	var b strings.Builder
	for i := range n {
		created, ref := "created text DEFAULT CURRENT_TIMESTAMP", ""
		if my {
			created = "created timestamp NULL DEFAULT CURRENT_TIMESTAMP"
		}
		if i%4 != 0 {
			ref = fmt.Sprintf(",\n    FOREIGN KEY (parent_id) REFERENCES t%04d (id)", i-1)
		}
		fmt.Fprintf(&b, "CREATE TABLE t%04d (\n"+
			"    id bigint PRIMARY KEY,\n"+
			"    name varchar(100) NOT NULL,\n"+
			"    email text,\n"+
			"    %s,\n"+
			"    amount numeric(12,2) DEFAULT 0,\n"+
			"    active boolean NOT NULL DEFAULT true,\n"+
			"    parent_id bigint,\n"+
			"    note text%s\n"+
			");\n", i, created, ref)
		fmt.Fprintf(&b, "CREATE INDEX t%04d_name ON t%04d (name);\n", i, i)
		fmt.Fprintf(&b, "CREATE INDEX t%04d_created ON t%04d (created DESC);\n\n", i, i)
	}
	return b.String(), nil
}

type breakdownTimes struct {
	create, ddl, inspect, drop, rollback []time.Duration
}

// breakdown repeats what sqlstate.Load does, phase by phase, to show where
// its time goes: create a database, run the statements one by one, inspect,
// drop the database. It also times running the statements and the
// inspection in one transaction that is rolled back, which needs no drop.
func breakdown(ctx context.Context, o options, admin *sql.DB, ddl string, b *breakdownTimes) error {
	stmts, err := sqlstate.Split(ddl, false)
	if err != nil {
		return err
	}
	exec := func(q querier, name string) error {
		for _, st := range stmts {
			if _, err := q.ExecContext(ctx, st.SQL); err != nil {
				return fmt.Errorf("%s: line %d: %w", name, st.Line, err)
			}
		}
		return nil
	}
	inspect := func(q schema.Querier) error {
		s, err := autogen.Inspect(ctx, q, dialect.Postgres, skip)
		if err == nil && len(s.Tables) != o.tables {
			err = fmt.Errorf("inspect found %d tables, want %d", len(s.Tables), o.tables)
		}
		return err
	}
	{
		name := o.db + "_s"
		t0 := time.Now()
		if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
			return err
		}
		t1 := time.Now()
		err := func() error {
			u, err := withDatabase(o.server, name)
			if err != nil {
				return err
			}
			db, err := sql.Open(pgDriver(), u)
			if err != nil {
				return err
			}
			defer db.Close()
			conn, err := db.Conn(ctx)
			if err != nil {
				return err
			}
			defer conn.Close()
			if err := exec(conn, name); err != nil {
				return err
			}
			t2 := time.Now()
			if err := inspect(conn); err != nil {
				return err
			}
			b.ddl, b.inspect = append(b.ddl, t2.Sub(t1)), append(b.inspect, time.Since(t2))
			return nil
		}()
		t3 := time.Now()
		if _, derr := admin.ExecContext(context.WithoutCancel(ctx), "DROP DATABASE "+name+" WITH (FORCE)"); derr != nil && err == nil {
			err = derr
		}
		if err != nil {
			return err
		}
		b.create, b.drop = append(b.create, t1.Sub(t0)), append(b.drop, time.Since(t3))

		// One transaction, rolled back: the database is created and dropped
		// outside the timing.
		name = o.db + "_r"
		if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
			return err
		}
		err = func() error {
			u, err := withDatabase(o.server, name)
			if err != nil {
				return err
			}
			db, err := sql.Open(pgDriver(), u)
			if err != nil {
				return err
			}
			defer db.Close()
			t := time.Now()
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer func() { _ = tx.Rollback() }()
			if err := exec(tx, name); err != nil {
				return err
			}
			if err := inspect(tx); err != nil {
				return err
			}
			if err := tx.Rollback(); err != nil {
				return err
			}
			b.rollback = append(b.rollback, time.Since(t))
			return nil
		}()
		if _, derr := admin.ExecContext(context.WithoutCancel(ctx), "DROP DATABASE "+name+" WITH (FORCE)"); derr != nil && err == nil {
			err = derr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// prepareCLI writes a retort.toml that points at the database and at
// schema.sql, and checks that `retort check` passes on it. It returns the
// file's path, or why the CLI is left out.
func prepareCLI(ctx context.Context, o options, dbURL string) (cfg, note string) {
	if o.retort == "" {
		return "", "no -retort binary given"
	}
	if err := os.MkdirAll(filepath.Join(o.dir, "versions"), 0o755); err != nil {
		return "", err.Error()
	}
	cfg = filepath.Join(o.dir, "retort.toml")
	toml := fmt.Sprintf("script_location = \".\"\nurl = %q\nmodels = [\"schema.sql\"]\n", dbURL)
	if err := os.WriteFile(cfg, []byte(toml), 0o644); err != nil {
		return "", err.Error()
	}
	var out strings.Builder
	cmd := command(ctx, o.retort, "-c", cfg, "check")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil || !strings.Contains(out.String(), autogen.NoChanges) {
		return "", fmt.Sprintf("`retort check` did not pass (%v): %s", err, strings.TrimSpace(out.String()))
	}
	return cfg, ""
}

type alembicTimes struct {
	total, compare, process []time.Duration
	diffs                   int
	sample                  string
}

// checkPython says why Alembic is left out, or "".
func checkPython(ctx context.Context, o options) string {
	if o.alembicRuns < 1 || o.python == "" {
		return "not asked for"
	}
	if out, err := exec.CommandContext(ctx, o.python, "-c", "import alembic, sqlalchemy, psycopg2").CombinedOutput(); err != nil {
		return fmt.Sprintf("%s cannot import alembic, sqlalchemy and psycopg2: %s", o.python, strings.TrimSpace(string(out)))
	}
	return ""
}

// alembicOnce runs alembic_check.py in its own process and adds its times
// to a.
func alembicOnce(ctx context.Context, o options, dbURL string, full bool, a *alembicTimes) error {
	args := []string{o.alembicScript, dbURL, fmt.Sprint(o.tables)}
	if full {
		args = append(args, "--full")
	}
	var out strings.Builder
	d, err := timeProcess(ctx, &out, o.python, args...)
	if err != nil {
		return fmt.Errorf("alembic_check.py: %w", err)
	}
	var r struct {
		Total   float64  `json:"total_s"`
		Compare float64  `json:"compare_s"`
		Diffs   int      `json:"diffs"`
		Sample  []string `json:"sample"`
	}
	if err := json.Unmarshal([]byte(out.String()), &r); err != nil {
		return fmt.Errorf("alembic_check.py printed %q: %w", out.String(), err)
	}
	a.process = append(a.process, d)
	a.total = append(a.total, seconds(r.Total))
	a.compare = append(a.compare, seconds(r.Compare))
	a.diffs = r.Diffs
	if len(r.Sample) > 0 {
		a.sample = " (" + strings.Join(r.Sample, "; ") + ")"
	}
	return nil
}

// timeProcess runs a command to completion and returns its wall time; its
// output goes to out (or is discarded), its errors into the error.
func timeProcess(ctx context.Context, out *strings.Builder, name string, args ...string) (time.Duration, error) {
	var stderr strings.Builder
	cmd := command(ctx, name, args...)
	if out != nil {
		cmd.Stdout = out
	}
	cmd.Stderr = &stderr
	t := time.Now()
	err := cmd.Run()
	d := time.Since(t)
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return d, nil
}

// command is exec.CommandContext, but on cancellation the child gets an
// interrupt rather than a kill, so that `retort check` drops its scratch
// database before it exits.
func command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 30 * time.Second
	return cmd
}

// pgDriver is the database/sql driver of PostgreSQL, the one server this
// benchmark measures.
func pgDriver() string {
	info, _ := dialect.Info(dialect.Postgres)
	return info.Driver
}

func withDatabase(server, name string) (string, error) {
	u, err := url.Parse(server)
	if err != nil {
		return "", err
	}
	if name, ok := dialect.Canonical(u.Scheme); !ok || name != dialect.Postgres {
		return "", fmt.Errorf("%q is not a postgres:// URL", server)
	}
	u.Path = "/" + name
	return u.String(), nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ratio(a, b []time.Duration) float64 {
	return float64(median(a)) / float64(median(b))
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func fmtDur(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.2fs", d.Seconds())
	}
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}

func loadavg1() string {
	f := strings.Fields(loadavg())
	return f[0]
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
