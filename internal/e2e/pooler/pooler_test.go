// Package pooler runs the retort binary through a real PgBouncer in
// transaction pooling mode (and statement mode, which it must refuse) in
// front of the PostgreSQL test server: concurrent runs, a killed lock
// holder, and every command that touches the database. Its own package so
// that only these tests pay for starting PgBouncer.
package pooler

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/testutil/clitest"
	"github.com/retortdb/retort/internal/testutil/pgbouncer"
)

var (
	retortBin string
	// bouncer is the transaction-mode PgBouncer most tests share; nil with
	// bouncerErr saying why it did not start.
	bouncer    *pgbouncer.Server
	bouncerErr error
)

func TestMain(m *testing.M) {
	bin, cleanup, err := clitest.Build("retort-pooler")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	retortBin = bin
	bouncer, bouncerErr = pgbouncer.Start(pgbouncer.Options{PoolMode: "transaction", PoolSize: 4})
	code := m.Run()
	if bouncer != nil {
		bouncer.Stop()
	}
	cleanup()
	os.Exit(code)
}

// project is a migrations folder whose URL goes through a PgBouncer to a
// fresh test database.
type project struct {
	t    *testing.T
	dir  string
	db   *testutil.DB // the database, reached directly (for assertions)
	toml string
	url  string // through PgBouncer
	n    int
}

// newProject needs the shared PgBouncer, or srv when given.
func newProject(t *testing.T, srv *pgbouncer.Server) *project {
	t.Helper()
	if srv == nil {
		pgbouncer.Need(t, bouncerErr)
		srv = bouncer
	}
	p := &project{t: t, dir: t.TempDir(), db: testutil.New(t, testutil.Postgres)}
	p.url = srv.URL(p.db.Name)
	if err := os.MkdirAll(filepath.Join(p.dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.toml = p.config("retort.toml", "")
	return p
}

// config writes a config file for the project's pooled URL with extra
// lines and returns its path.
func (p *project) config(name, extra string) string {
	p.t.Helper()
	path := filepath.Join(p.dir, name)
	write(p.t, path, fmt.Sprintf("script_location = \".\"\nurl = %q\n%s", p.url, extra))
	return path
}

// add writes the next revision of a linear chain and returns its id.
func (p *project) add(upgrade, downgrade string, annotations ...string) string {
	p.t.Helper()
	p.n++
	return clitest.AddRevision(p.t, p.dir, 0xb00000000000, p.n-1, upgrade, downgrade, annotations...)
}

func write(t *testing.T, path, s string) { t.Helper(); clitest.Write(t, path, s) }

type result struct {
	err            error
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit: %v\nstdout:\n%s\nstderr:\n%s", r.err, r.stdout, r.stderr)
}

func (p *project) cmd(ctx context.Context, toml string, args ...string) *exec.Cmd {
	c := exec.CommandContext(ctx, retortBin, append([]string{"-c", toml}, args...)...)
	c.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
	return c
}

func (p *project) runWith(toml string, args ...string) result {
	c := p.cmd(context.Background(), toml, args...)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	r := result{err: err, stdout: out.String(), stderr: errb.String()}
	noPreparedStatementErrors(p.t, r)
	return r
}

func (p *project) run(args ...string) result { return p.runWith(p.toml, args...) }

func (p *project) mustRun(args ...string) result {
	p.t.Helper()
	r := p.run(args...)
	if r.err != nil {
		p.t.Fatalf("retort %s through PgBouncer failed:\n%s", strings.Join(args, " "), r)
	}
	return r
}

// noPreparedStatementErrors fails on the errors pgx's statement cache
// gives behind a transaction pooler.
func noPreparedStatementErrors(t *testing.T, r result) {
	t.Helper()
	for _, bad := range []string{"prepared statement", "42P05", "stmtcache_"} {
		if strings.Contains(r.stdout+r.stderr, bad) {
			t.Errorf("output names %q, a prepared-statement failure behind the pooler:\n%s", bad, r)
		}
	}
}

// query returns the first column of every row, read directly.
func (p *project) query(q string) []string {
	p.t.Helper()
	return p.db.Strings(p.t, q)
}

func (p *project) tables() []string {
	p.t.Helper()
	return p.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
}

func (p *project) versionRows() []string {
	p.t.Helper()
	return p.query("SELECT version_num FROM alembic_version ORDER BY version_num")
}

// advisoryLocks counts the advisory locks held on the test database.
func (p *project) advisoryLocks() int {
	p.t.Helper()
	n := p.query("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = '" + p.db.Name + "'")
	var c int
	fmt.Sscan(n[0], &c)
	return c
}

// Ten `retort upgrade head` processes at once through PgBouncer (four
// server connections): half run one transaction per revision, some
// revisions run outside a transaction, so every run spans many
// transactions on many server connections. All exit 0, every revision runs
// exactly once, the version row is the head, and no lock is left behind.
func TestConcurrentUpgradesThroughPgBouncer(t *testing.T) {
	t.Parallel()
	p := newProject(t, nil)
	perMigration := p.config("per.toml", "transaction_per_migration = true\n")
	if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	const revs = 20
	var last string
	for i := range revs {
		var ann []string
		if i%6 == 3 {
			ann = append(ann, "no-transaction")
		}
		last = p.add(
			fmt.Sprintf("CREATE TABLE t_%d (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up %02d');", i, i),
			fmt.Sprintf("DROP TABLE t_%d;", i), ann...)
	}
	const procs = 10
	results := make([]result, procs)
	var wg sync.WaitGroup
	for i := range procs {
		wg.Go(func() {
			toml := p.toml
			if i%2 == 1 {
				toml = perMigration
			}
			results[i] = p.runWith(toml, "upgrade", "head")
		})
	}
	wg.Wait()
	for i, r := range results {
		if r.err != nil {
			t.Errorf("run %d:\n%s", i, r)
		}
	}
	steps := p.query("SELECT name FROM steplog ORDER BY name")
	if len(steps) != revs || len(slices.Compact(slices.Clone(steps))) != revs {
		t.Errorf("each revision must run exactly once; steplog = %v", steps)
	}
	if rows := p.versionRows(); !slices.Equal(rows, []string{last}) {
		t.Errorf("version rows = %v, want [%s]", rows, last)
	}
	if n := p.query("SELECT count(*) FROM retort_history WHERE direction = 'upgrade'"); !slices.Equal(n, []string{fmt.Sprint(revs)}) {
		t.Errorf("history holds %v upgrade rows, want %d", n, revs)
	}
	if n := p.advisoryLocks(); n != 0 {
		t.Errorf("%d advisory locks left on the database after every run ended", n)
	}
}

// A run killed with SIGKILL while it holds the lock (mid-revision, with
// another run waiting) releases it: the waiting run proceeds and exits 0,
// and the killed revision left nothing behind.
func TestKilledLockHolderThroughPgBouncer(t *testing.T) {
	t.Parallel()
	p := newProject(t, nil)
	a := p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
	b := p.add("CREATE TABLE b (x INTEGER);\nSELECT pg_sleep(6);\nCREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;\nDROP TABLE b;")
	_ = a

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	holder := p.cmd(ctx, p.toml, "upgrade", "head")
	stderr := &watch{want: "-> " + b, hit: make(chan struct{})}
	holder.Stdout, holder.Stderr = io.Discard, stderr
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-stderr.hit:
	case <-time.After(30 * time.Second):
		holder.Process.Kill()
		t.Fatalf("the step of %s never started; stderr:\n%s", b, stderr.String())
	}
	// A second run waits for the lock (bounded, so a leaked lock fails the
	// test instead of hanging it).
	waiter := p.cmd(ctx, p.toml, "upgrade", "head", "--lock-timeout", "40s")
	waitErr := &watch{want: "aiting for the migration lock", hit: make(chan struct{})}
	var waitOut bytes.Buffer
	waiter.Stdout, waiter.Stderr = &waitOut, waitErr
	if err := waiter.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-waitErr.hit:
	case <-time.After(20 * time.Second):
		t.Fatalf("the second run never waited for the lock; stderr:\n%s", waitErr.String())
	}
	if err := holder.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	holder.Wait()
	start := time.Now()
	if err := waiter.Wait(); err != nil {
		t.Fatalf("the waiting run failed after the holder was killed: %v\nstderr:\n%s", err, waitErr.String())
	}
	// The killed run's statement runs on in its server backend until
	// pg_sleep ends (the server notices a gone client only when it writes
	// to it), holding its uncommitted tables; the waiter then runs b.
	t.Logf("waiter finished %s after the kill", time.Since(start).Round(time.Millisecond))
	if rows := p.versionRows(); !slices.Equal(rows, []string{b}) {
		t.Fatalf("version rows = %v, want [%s]", rows, b)
	}
	if tables := p.tables(); !slices.Equal(tables, []string{"a", "alembic_version", "b", "c", "retort_history"}) {
		t.Errorf("tables = %v", tables)
	}
	if n := p.query("SELECT count(*) FROM retort_history WHERE direction = 'upgrade' AND revision = '" + b + "' AND success"); !slices.Equal(n, []string{"1"}) {
		t.Errorf("history holds %v successful runs of %s, want 1", n, b)
	}
	if n := p.advisoryLocks(); n != 0 {
		t.Errorf("%d advisory locks left after every run ended", n)
	}
}

// watch is a stderr that signals once it has seen want.
type watch struct {
	mu   sync.Mutex
	b    strings.Builder
	want string
	hit  chan struct{}
	done bool
}

func (w *watch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if !w.done && strings.Contains(w.b.String(), w.want) {
		w.done = true
		close(w.hit)
	}
	return len(p), nil
}

func (w *watch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// Every command that touches the database works through PgBouncer, and
// what it reports is what the database holds.
func TestCommandsThroughPgBouncer(t *testing.T) {
	t.Parallel()
	p := newProject(t, nil)
	r1 := p.add("CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE account;")
	r2 := p.add("CREATE INDEX CONCURRENTLY account_name ON account (name);", "DROP INDEX CONCURRENTLY account_name;", "no-transaction")
	r3 := p.add("ALTER TABLE account ADD COLUMN email VARCHAR(100);", "ALTER TABLE account DROP COLUMN email;")

	p.mustRun("upgrade", r2)
	if rows := p.versionRows(); !slices.Equal(rows, []string{r2}) {
		t.Fatalf("after upgrade %s: rows %v", r2, rows)
	}
	if cur := p.mustRun("current"); !strings.Contains(cur.stdout, r2) {
		t.Errorf("current says %q, database holds %s", cur.stdout, r2)
	}
	p.mustRun("upgrade", "head")
	if rows := p.versionRows(); !slices.Equal(rows, []string{r3}) {
		t.Fatalf("after upgrade head: rows %v", rows)
	}
	if h := p.mustRun("history", "-i"); !strings.Contains(h.stdout, r3) || !strings.Contains(h.stdout, "(current)") {
		t.Errorf("history -i:\n%s", h.stdout)
	}
	if st := p.mustRun("status"); !strings.Contains(st.stdout+st.stderr, r3) {
		t.Errorf("status:\n%s", st)
	}
	// check: the models are what the revisions built; autogenerate loads
	// them into a scratch database, made and dropped through PgBouncer
	// (--no-cache: a cached model from an earlier run would skip it).
	write(t, filepath.Join(p.dir, "schema.sql"), "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(100));\nCREATE INDEX account_name ON account (name);\n")
	withModels := p.config("models.toml", "models = [\"schema.sql\"]\n")
	if r := p.runWith(withModels, "check", "--no-cache"); r.err != nil || !strings.Contains(r.stdout, "No new upgrade operations detected.") {
		t.Errorf("check through PgBouncer on matching models:\n%s", r)
	}
	if r := p.runWith(withModels, "revision", "--autogenerate", "--no-cache", "-m", "nothing"); r.err != nil {
		t.Errorf("revision --autogenerate through PgBouncer:\n%s", r)
	}
	// A model the database lacks is found, so the scratch database was
	// really loaded and inspected.
	write(t, filepath.Join(p.dir, "schema.sql"), "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(100));\nCREATE INDEX account_name ON account (name);\nCREATE TABLE invoice (id INTEGER PRIMARY KEY);\n")
	if r := p.runWith(withModels, "check", "--no-cache"); r.err == nil || !strings.Contains(r.stdout+r.stderr, "invoice") {
		t.Errorf("check through PgBouncer must report the missing table invoice:\n%s", r)
	}
	p.mustRun("downgrade", "-1")
	if rows := p.versionRows(); !slices.Equal(rows, []string{r2}) {
		t.Fatalf("after downgrade -1: rows %v", rows)
	}
	if cols := p.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'account' ORDER BY ordinal_position"); !slices.Equal(cols, []string{"id", "name"}) {
		t.Errorf("after downgrade -1 the columns are %v", cols)
	}
	p.mustRun("stamp", r1)
	if rows := p.versionRows(); !slices.Equal(rows, []string{r1}) {
		t.Fatalf("after stamp %s: rows %v", r1, rows)
	}
	p.mustRun("downgrade", "base")
	if rows := p.versionRows(); len(rows) != 0 {
		t.Fatalf("after downgrade base: rows %v", rows)
	}
	if tables := p.tables(); !slices.Equal(tables, []string{"alembic_version", "retort_history"}) {
		t.Errorf("after downgrade base the tables are %v", tables)
	}
	if n := p.advisoryLocks(); n != 0 {
		t.Errorf("%d advisory locks left after the commands", n)
	}
}

// A run through an otherwise idle transaction-mode PgBouncer says it found
// one, and warns about a revision's session SET (not about SET LOCAL); the
// same kind of run on a direct connection says nothing of either.
func TestPoolerDetected(t *testing.T) {
	t.Parallel()
	pgbouncer.Need(t, bouncerErr)
	// An idle PgBouncer of its own: the shared one's other clients could
	// take the server connection the detection looks for.
	srv, err := pgbouncer.Start(pgbouncer.Options{PoolMode: "transaction", PoolSize: 3})
	pgbouncer.Need(t, err)
	t.Cleanup(srv.Stop)
	p := newProject(t, srv)
	r1 := p.add("SET lock_timeout = '5s';\nCREATE TABLE a (id INTEGER PRIMARY KEY);", "SET LOCAL lock_timeout = '5s';\nDROP TABLE a;")
	r := p.mustRun("upgrade", "head")
	if !strings.Contains(r.stderr, "connected through a transaction-mode pooler") {
		t.Errorf("the run through PgBouncer did not say it found a pooler:\n%s", r)
	}
	// The revision's session SET is named, at its line.
	setWarning := fmt.Sprintf("WARN  [retort] versions/%s_rev_1.sql:10: SET lock_timeout sets session state behind a transaction-mode pooler", r1)
	if !strings.Contains(r.stderr, setWarning) {
		t.Errorf("the run did not warn %q:\n%s", setWarning, r)
	}
	if rows := p.versionRows(); !slices.Equal(rows, []string{r1}) {
		t.Errorf("rows after upgrade: %v, want [%s]", rows, r1)
	}
	direct := p.config("direct.toml", "")
	write(t, direct, fmt.Sprintf("script_location = \".\"\nurl = %q\n", p.db.URL))
	r = p.runWith(direct, "downgrade", "base")
	if r.err != nil {
		t.Fatalf("direct downgrade:\n%s", r)
	}
	if strings.Contains(r.stderr, "pooler") || strings.Contains(r.stderr, "WARN") {
		t.Errorf("a direct run claims a pooler:\n%s", r)
	}
	if rows := p.versionRows(); len(rows) != 0 {
		t.Errorf("rows after downgrade base: %v (upgraded to %s before)", rows, r1)
	}
}

// A PgBouncer in statement mode allows no transaction block: the run is
// refused with the reason before anything is written.
func TestStatementModeRefused(t *testing.T) {
	t.Parallel()
	pgbouncer.Need(t, bouncerErr)
	srv, err := pgbouncer.Start(pgbouncer.Options{PoolMode: "statement", PoolSize: 3})
	pgbouncer.Need(t, err)
	t.Cleanup(srv.Stop)
	p := newProject(t, srv)
	p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
	r := p.run("upgrade", "head")
	if r.err == nil {
		t.Fatalf("upgrade through a statement-mode pooler succeeded:\n%s", r)
	}
	if !strings.Contains(r.stderr, "statement mode") || !strings.Contains(r.stderr, "nothing was run") {
		t.Errorf("the refusal must name statement mode and say nothing ran:\n%s", r)
	}
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
		t.Errorf("stack trace in the output:\n%s", r)
	}
	if tables := p.tables(); len(tables) != 0 {
		t.Errorf("the refused run left tables %v", tables)
	}
	// Reading works: every statement is its own transaction.
	if r := p.run("current"); r.err != nil {
		t.Errorf("current through a statement-mode pooler:\n%s", r)
	}
}

// A URL parameter PgBouncer does not pass on (search_path) is refused by
// it at connection: the run says what to do instead, and nothing is made.
func TestStartupParameterRefusedWithAdvice(t *testing.T) {
	t.Parallel()
	p := newProject(t, nil)
	p.add("CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;")
	withPath := filepath.Join(p.dir, "search_path.toml")
	write(t, withPath, fmt.Sprintf("script_location = \".\"\nurl = %q\n", p.url+"&search_path=public"))
	r := p.runWith(withPath, "upgrade", "head")
	if r.err == nil {
		t.Fatalf("PgBouncer 1.18 refuses search_path in the startup packet; the run succeeded:\n%s", r)
	}
	for _, want := range []string{"unsupported startup parameter", "version_table_schema", "ignore_startup_parameters"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the refusal must mention %q:\n%s", want, r)
		}
	}
	if tables := p.tables(); len(tables) != 0 {
		t.Errorf("the refused run left tables %v", tables)
	}
}
