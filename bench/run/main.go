// Command run measures retort applying revisions against the database's own
// command-line client running the same statements (the floor), whole process
// against whole process, on PostgreSQL, MariaDB/MySQL and SQLite.
//
//	go run ./bench/run                 # 1,000 revisions, all dialects, 3 rounds
//	go run ./bench/run -n 500 -dialects sqlite,postgres -rounds 5
//	go run ./bench/run -noop 10000     # also time a no-op `upgrade heads` on a 10,000-revision history
//	go run ./bench/run -pgx-mode cache_statement   # pgx's own default instead of the CLI's exec
//
// Each revision creates a table and an index. The floor is `psql -1 -f`,
// `sqlite3` on a script wrapped in BEGIN/COMMIT, and `mariadb` reading the
// script. retort runs as a separate process (this binary re-executed with
// -apply) so start-up, loading the revision files and planning are counted.
//
// A third column, driver, is the same statements sent one at a time through
// the Go driver retort uses, in a bare program (this binary re-executed
// with -driver): one connection, one transaction where DDL is
// transactional, nothing else. It separates what the driver and engine cost
// (on SQLite, modernc.org/sqlite's pure-Go engine, slower than the C
// library sqlite3 runs) from retort's own work.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

func main() {
	n := flag.Int("n", 1000, "revisions to apply")
	rounds := flag.Int("rounds", 3, "rounds (the median is reported)")
	dialects := flag.String("dialects", strings.Join(registry.Names(), ","), "dialects to measure")
	noop := flag.Int("noop", 0, "also time a no-op `upgrade heads` on a history of this many revisions")
	apply := flag.String("apply", "", "internal: apply the revisions in -dir to this dialect:dsn and exit")
	driverRun := flag.String("driver", "", "internal: run the statements of -script through the Go driver on this dialect:dsn and exit")
	scriptPath := flag.String("script", "", "internal: the script for -driver")
	dir := flag.String("dir", "", "internal: migrations directory for -apply")
	cpuProfile := flag.String("cpuprofile", "", "internal: with -apply or -driver, write a CPU profile of the run to this file")
	pgxMode := flag.String("pgx-mode", "exec", "pgx's default_query_exec_mode for retort's PostgreSQL connections (the CLI's default is exec; \"\" leaves pgx's own, cache_statement)")
	flag.Parse()
	if *driverRun != "" {
		if *cpuProfile != "" {
			f, err := os.Create(*cpuProfile)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		if err := runDriver(*driverRun, *scriptPath); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *apply != "" {
		if *cpuProfile != "" {
			f, err := os.Create(*cpuProfile)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		if err := runApply(*apply, *dir, *pgxMode); err != nil {
			fmt.Fprintln(os.Stderr, err)
			pprof.StopCPUProfile()
			os.Exit(1)
		}
		return
	}
	if err := compare(*n, *rounds, strings.Split(*dialects, ","), *noop, *pgxMode); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// runApply is the measured retort process: open, load, lock, plan, run.
func runApply(target, dir, pgxMode string) error {
	name, dsn, _ := strings.Cut(target, ":")
	info, ok := dialect.Info(name)
	if !ok {
		return fmt.Errorf("unknown dialect %q: use %s", name, dialect.NameList())
	}
	if name == dialect.Postgres && pgxMode != "" && !strings.Contains(dsn, "default_query_exec_mode=") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		dsn += sep + "default_query_exec_mode=" + pgxMode
	}
	db, err := sql.Open(info.Driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	m, err := retort.Open(ctx, db, os.DirFS(dir))
	if err != nil {
		return err
	}
	_, err = m.Upgrade(ctx, "heads")
	return err
}

// runDriver is the driver floor: the script's statements (one a line, as
// floorScript writes them) sent one at a time on one connection.
func runDriver(target, path string) error {
	name, dsn, _ := strings.Cut(target, ":")
	info, ok := dialect.Info(name)
	if !ok {
		return fmt.Errorf("unknown dialect %q: use %s", name, dialect.NameList())
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	db, err := sql.Open(info.Driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, line := range strings.Split(string(text), "\n") {
		if line = strings.TrimSuffix(strings.TrimSpace(line), ";"); line == "" {
			continue
		}
		if _, err := conn.ExecContext(ctx, line); err != nil {
			return fmt.Errorf("%s: %w", line, err)
		}
	}
	return nil
}

type statements struct{ table, index string }

func revisionSQL(i int) statements {
	return statements{
		table: fmt.Sprintf("CREATE TABLE t_%05d (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, value INTEGER)", i),
		index: fmt.Sprintf("CREATE INDEX ix_t_%05d_name ON t_%05d (name)", i, i),
	}
}

// writeRevisions writes n linear revisions into dir/versions and the same
// statements as one script (floor.sql), wrapped in BEGIN/COMMIT when tx.
func writeRevisions(dir string, n int) error {
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		return err
	}
	prev := ""
	for i := range n {
		id := fmt.Sprintf("%012x", 0xbe0000000000+i)
		s := revisionSQL(i)
		f := script.NewFile{ID: id, Message: fmt.Sprintf("table %d", i), CreateDate: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			Upgrade: s.table + ";\n" + s.index + ";", Downgrade: fmt.Sprintf("DROP TABLE t_%05d;", i)}
		if prev != "" {
			f.Parents = []string{prev}
		}
		prev = id
		if err := os.WriteFile(filepath.Join(dir, "versions", fmt.Sprintf("%s_table_%05d.sql", id, i)), script.Render(f), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func floorScript(n int, tx bool) string {
	var b strings.Builder
	if tx {
		b.WriteString("BEGIN;\n")
	}
	for i := range n {
		s := revisionSQL(i)
		b.WriteString(s.table + ";\n" + s.index + ";\n")
	}
	if tx {
		b.WriteString("COMMIT;\n")
	}
	return b.String()
}

// database is one fresh database per measurement.
type database struct {
	dialect, name, dsn string
	client             func(scriptPath string) *exec.Cmd
	drop               func()
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// fresh makes a database on the bench's server for dialect d, with the
// database's own command-line client to run a script in it.
func fresh(d, tmp string, k int) (*database, error) {
	name := fmt.Sprintf("retort_bench_%d_%d", os.Getpid(), k)
	switch d {
	case dialect.SQLite:
		path := filepath.Join(tmp, name+".db")
		return &database{dialect: d, name: path, dsn: "file:" + path + "?_pragma=busy_timeout(10000)",
			client: func(p string) *exec.Cmd {
				c := exec.Command("sqlite3", "-bail", path)
				c.Stdin, _ = os.Open(p)
				return c
			}, drop: func() { os.Remove(path) }}, nil
	case dialect.Postgres:
		admin := envOr("RETORT_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable")
		adb, err := sql.Open(driver(d), admin)
		if err != nil {
			return nil, err
		}
		if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
			return nil, err
		}
		u, _ := url.Parse(admin)
		u.Path = "/" + name
		return &database{dialect: d, name: name, dsn: u.String(),
			client: func(p string) *exec.Cmd {
				return exec.Command("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", u.String(), "-f", p)
			}, drop: func() { adb.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); adb.Close() }}, nil
	case dialect.MySQL:
		admin := envOr("RETORT_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/")
		u, _ := url.Parse(admin)
		cred := u.User.Username()
		if p, ok := u.User.Password(); ok {
			cred += ":" + p
		}
		adb, err := sql.Open(driver(d), cred+"@tcp("+u.Host+")/")
		if err != nil {
			return nil, err
		}
		if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
			return nil, err
		}
		return &database{dialect: d, name: name, dsn: cred + "@tcp(" + u.Host + ")/" + name,
			client: func(p string) *exec.Cmd {
				args := []string{"-h", u.Hostname(), "-P", u.Port(), "-u", u.User.Username()}
				if pw, ok := u.User.Password(); ok {
					args = append(args, "-p"+pw)
				}
				c := exec.Command("mariadb", append(args, name)...)
				c.Stdin, _ = os.Open(p)
				return c
			}, drop: func() { adb.Exec("DROP DATABASE IF EXISTS " + name); adb.Close() }}, nil
	}
	return nil, fmt.Errorf("unknown dialect %q", d)
}

// driverDSN is dsn as the driver floor opens it: on PostgreSQL in the same
// exec mode as retort's connections.
func driverDSN(d, dsn, pgxMode string) string {
	if d != dialect.Postgres || pgxMode == "" {
		return dsn
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "default_query_exec_mode=" + pgxMode
}

// driver is the database/sql driver retort opens dialect name with.
func driver(name string) string {
	info, _ := dialect.Info(name)
	return info.Driver
}

func timed(c *exec.Cmd) (time.Duration, error) {
	start := time.Now()
	out, err := c.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%s: %v\n%s", c.Args[0], err, out)
	}
	return time.Since(start), nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func compare(n, rounds int, dialects []string, noop int, pgxMode string) error {
	tmp, err := os.MkdirTemp("", "retort-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	migDir := filepath.Join(tmp, "migrations")
	if err := writeRevisions(migDir, n); err != nil {
		return err
	}
	fmt.Printf("%d revisions (CREATE TABLE + CREATE INDEX each), %d rounds, median wall time, %s/%s, %d CPUs\n",
		n, rounds, runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	fmt.Printf("%-9s %12s %12s %12s %7s %7s\n", "dialect", "floor", "driver", "retort", "ratio", "/driver")
	k := 0
	for _, d := range dialects {
		dl, err := registry.Lookup(d)
		if err != nil {
			return err
		}
		// The floor runs the revisions in one transaction where DDL is
		// transactional, as retort does.
		tx := dl.TransactionalDDL()
		floorPath := filepath.Join(tmp, d+"-floor.sql")
		if err := os.WriteFile(floorPath, []byte(floorScript(n, tx)), 0o644); err != nil {
			return err
		}
		var floor, drv, ret []time.Duration
		for round := range rounds {
			// Rotate which goes first: dropping a database of 2,000
			// objects leaves the server busy for a while.
			kinds := []int{0, 1, 2}
			for range round % 3 {
				kinds = append(kinds[1:], kinds[0])
			}
			for _, kind := range kinds {
				k++
				db, err := fresh(d, tmp, k)
				if err != nil {
					return err
				}
				var t time.Duration
				switch kind {
				case 0:
					t, err = timed(db.client(floorPath))
				case 1:
					t, err = timed(exec.Command(self, "-driver", d+":"+driverDSN(d, db.dsn, pgxMode), "-script", floorPath))
				default:
					t, err = timed(exec.Command(self, "-apply", d+":"+db.dsn, "-dir", migDir, "-pgx-mode", pgxMode))
				}
				db.drop()
				if err != nil {
					return err
				}
				switch kind {
				case 0:
					floor = append(floor, t)
				case 1:
					drv = append(drv, t)
				default:
					ret = append(ret, t)
				}
			}
		}
		f, dm, r := median(floor), median(drv), median(ret)
		fmt.Printf("%-9s %12s %12s %12s %6.2fx %6.2fx\n", d, f.Round(time.Millisecond), dm.Round(time.Millisecond), r.Round(time.Millisecond),
			float64(r)/float64(f), float64(r)/float64(dm))
	}
	if noop > 0 {
		return noopBench(tmp, self, noop, rounds, dialects, pgxMode)
	}
	return nil
}

// noopBench times `upgrade heads` on a database already at head after noop
// revisions (each a single trivial statement), whole process.
func noopBench(tmp, self string, n, rounds int, dialects []string, pgxMode string) error {
	dir := filepath.Join(tmp, "noop")
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		return err
	}
	prev := ""
	for i := range n {
		id := fmt.Sprintf("%012x", 0xce0000000000+i)
		f := script.NewFile{ID: id, Message: fmt.Sprintf("step %d", i), Upgrade: "SELECT 1;", Downgrade: "SELECT 1;"}
		if prev != "" {
			f.Parents = []string{prev}
		}
		prev = id
		if err := os.WriteFile(filepath.Join(dir, "versions", id+fmt.Sprintf("_step_%05d.sql", i)), script.Render(f), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("\nno-op `upgrade heads` at head of a %d-revision history (whole process, median of %d)\n", n, rounds)
	for _, d := range dialects {
		db, err := fresh(d, tmp, 100000+len(d))
		if err != nil {
			return err
		}
		if _, err := timed(exec.Command(self, "-apply", d+":"+db.dsn, "-dir", dir, "-pgx-mode", pgxMode)); err != nil {
			db.drop()
			return err
		}
		var ts []time.Duration
		for range rounds {
			t, err := timed(exec.Command(self, "-apply", d+":"+db.dsn, "-dir", dir, "-pgx-mode", pgxMode))
			if err != nil {
				db.drop()
				return err
			}
			ts = append(ts, t)
		}
		db.drop()
		fmt.Printf("%-9s %12s\n", d, median(ts).Round(time.Millisecond))
	}
	return nil
}
