package galera

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	gcluster "github.com/retortdb/retort/internal/testutil/galera"
	"github.com/retortdb/retort/schema"
)

// TestClusterReplicates: the cluster is one: a table created and a row
// written through different nodes are on all three.
func TestClusterReplicates(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	if _, err := p.dbs[1].Exec("CREATE TABLE " + p.name + ".t (id INT PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.dbs[2].Exec("INSERT INTO " + p.name + ".t VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	for i := range p.dbs {
		if got := p.query(i, "SELECT id FROM $db.t"); !slices.Equal(got, []string{"7"}) {
			t.Errorf("node %d holds %v, want [7]", i+1, got)
		}
	}
}

// Nine `retort upgrade head` processes at once, three on each node, over a
// dozen revisions (some slow): GET_LOCK is node-local on Galera, so only a
// cluster-wide lock keeps them from running revisions twice. Every run exits
// 0 (one that waited finds nothing left to do), every revision ran exactly
// once, and every node holds the same version row and history.
func TestConcurrentUpgradesAcrossNodes(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	if _, err := p.dbs[0].Exec("CREATE TABLE " + p.name + ".steplog (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	const revs = 12
	var ids []string
	for i := range revs {
		slow := ""
		if i%4 == 1 {
			slow = "DO SLEEP(0.3);\n"
		}
		ids = append(ids, p.add(
			fmt.Sprintf("%sCREATE TABLE t_%d (id INT PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up %02d');", slow, i, i),
			fmt.Sprintf("DROP TABLE t_%d;", i)))
	}
	const procs = 9
	results := make([]result, procs)
	var wg sync.WaitGroup
	for i := range procs {
		wg.Go(func() { results[i] = p.run(i%3, "upgrade", "head") })
	}
	wg.Wait()
	toi, waited := false, 0
	for i, r := range results {
		if r.err != nil {
			t.Errorf("process %d (node %d): %v\nstdout: %s\nstderr: %s", i, i%3+1, r.err, r.stdout, r.stderr)
		}
		toi = toi || strings.Contains(r.stderr, "total order isolation")
		if strings.Contains(r.stderr, "aiting for the migration lock held by pid ") {
			waited++
		}
	}
	if waited == 0 {
		t.Errorf("no run waited for another's lease: the runs did not race\n%s", results[0].stderr)
	}
	if !toi {
		t.Errorf("no run said its DDL runs in total order isolation:\n%s", results[0].stderr)
	}
	for n := range p.dbs {
		steps := p.query(n, "SELECT name FROM $db.steplog ORDER BY name")
		if len(steps) != revs || len(slices.Compact(slices.Clone(steps))) != revs {
			t.Errorf("node %d: each revision must run exactly once; steplog = %v", n+1, steps)
		}
		if rows := p.query(n, "SELECT version_num FROM $db.alembic_version"); !slices.Equal(rows, []string{ids[revs-1]}) {
			t.Errorf("node %d: version rows %v, want [%s]", n+1, rows, ids[revs-1])
		}
		hist := p.query(n, "SELECT revision FROM $db.retort_history WHERE direction = 'upgrade' AND status = 'done' ORDER BY revision")
		if !slices.Equal(hist, ids) {
			t.Errorf("node %d: retort_history must record each revision once:\n got %v\nwant %v", n+1, hist, ids)
		}
		if other := p.query(n, "SELECT revision FROM $db.retort_history WHERE status <> 'done'"); len(other) != 0 {
			t.Errorf("node %d: history holds steps that did not complete: %v", n+1, other)
		}
		if lease := p.query(n, "SELECT owner FROM $db.retort_lock"); len(lease) != 0 {
			t.Errorf("node %d: lease rows left after every run ended: %v", n+1, lease)
		}
	}
}

// A run stopped with SIGKILL while it holds the lock leaves its lease row
// behind; the next run, on another node, names the dead holder from that
// row, waits for the lease to expire, takes it over, and reports the
// revision the killed run left part-way. Once resolved, a run finishes the
// rest.
func TestKilledHolderLeaseIsTakenOver(t *testing.T) {
	t.Parallel()
	p := newProject(t, "lock_lease = \"2s\"\n")
	if _, err := p.dbs[0].Exec("CREATE TABLE " + p.name + ".ctl (id INT PRIMARY KEY, secs INT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.dbs[0].Exec("INSERT INTO " + p.name + ".ctl VALUES (1, 60)"); err != nil {
		t.Fatal(err)
	}
	r1 := p.add("CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;")
	r2 := p.add("DO SLEEP((SELECT secs FROM ctl WHERE id = 1));\nCREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;")
	r3 := p.add("CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;")

	pid := p.killDuring(0, r2)
	owner := p.query(1, "SELECT pid FROM $db.retort_lock")
	if !slices.Equal(owner, []string{strconv.Itoa(pid)}) {
		t.Fatalf("lease row names pid %v, want the killed run's %d", owner, pid)
	}

	// The killed run's last renewal may already have lapsed on a loaded
	// machine; stand in for it, so the next run finds a live lease to wait
	// on rather than an expired one to take at once.
	if _, err := p.dbs[0].Exec("UPDATE " + p.name + ".retort_lock SET expires = UTC_TIMESTAMP(6) + INTERVAL 2 SECOND"); err != nil {
		t.Fatal(err)
	}
	r := p.run(1, "upgrade", "head")
	if r.code != 1 {
		t.Fatalf("the run after the kill exited %d, want 1 (a revision waits for resolve)\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{fmt.Sprintf("aiting for the migration lock held by pid %d on ", pid),
		"retort resolve " + r2} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	for n := range p.dbs {
		if got := p.query(n, "SELECT version_num FROM $db.alembic_version"); !slices.Equal(got, []string{r1}) {
			t.Errorf("node %d: version rows %v after the kill, want [%s]", n+1, got, r1)
		}
		if got := p.tables(n); slices.Contains(got, "b") {
			t.Errorf("node %d: table b exists, but the killed run never got to it: %v", n+1, got)
		}
		if lease := p.query(n, "SELECT owner FROM $db.retort_lock"); len(lease) != 0 {
			t.Errorf("node %d: the run that took the lease over left it behind: %v", n+1, lease)
		}
	}

	if _, err := p.dbs[0].Exec("UPDATE " + p.name + ".ctl SET secs = 0"); err != nil {
		t.Fatal(err)
	}
	p.mustRun(2, "resolve", r2, "--rolled-back")
	p.mustRun(2, "upgrade", "head")
	for n := range p.dbs {
		if got := p.query(n, "SELECT version_num FROM $db.alembic_version"); !slices.Equal(got, []string{r3}) {
			t.Errorf("node %d: version rows %v, want [%s]", n+1, got, r3)
		}
		for _, tbl := range []string{"a", "b", "c"} {
			if !slices.Contains(p.tables(n), tbl) {
				t.Errorf("node %d lacks table %s", n+1, tbl)
			}
		}
		if done := p.query(n, "SELECT revision FROM $db.retort_history WHERE status = 'done' AND direction = 'upgrade' ORDER BY id"); !slices.Equal(done, []string{r1, r2, r3}) {
			t.Errorf("node %d: done steps %v, want each revision once", n+1, done)
		}
	}
}

// killDuring starts `upgrade head` on node, waits until it runs revision
// rev's first statement, kills it with SIGKILL, and returns its pid.
func (p *project) killDuring(node int, rev string) int {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := p.cmd(ctx, node, "upgrade", "head")
	stderr, err := c.StderrPipe()
	if err != nil {
		p.t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		p.t.Fatal(err)
	}
	// The step's line is written when it starts and finished when it
	// ends: read what comes, not lines.
	seen := make(chan string, 1)
	go func() {
		var all strings.Builder
		buf := make([]byte, 4096)
		sent := false
		for {
			n, err := stderr.Read(buf)
			all.Write(buf[:n])
			if !sent && strings.Contains(all.String(), "-> "+rev) {
				seen <- ""
				sent = true
			}
			if err != nil {
				if !sent {
					seen <- all.String()
				}
				return
			}
		}
	}()
	if out := <-seen; out != "" {
		c.Wait() //nolint:errcheck
		p.t.Fatalf("the run ended before revision %s:\n%s", rev, out)
	}
	// The step's first statement is a long sleep: give it time to start.
	time.Sleep(500 * time.Millisecond)
	if err := c.Process.Signal(syscall.SIGKILL); err != nil {
		p.t.Fatal(err)
	}
	c.Wait() //nolint:errcheck
	// The server goes on sleeping for the dead client (it notices only
	// when it next writes to it): end that statement as an operator would,
	// so the database can be dropped without waiting for it.
	for _, id := range p.query(node, "SELECT id FROM information_schema.processlist WHERE db = ? AND info LIKE 'DO SLEEP%'", p.name) {
		if _, err := p.dbs[node].Exec("KILL " + id); err != nil {
			p.t.Logf("kill server thread %s: %v", id, err)
		}
	}
	return c.Process.Pid
}

// A run whose lease is taken from it (here by hand, as a run that judged it
// expired would) stops before its next statement: the renewal finds the
// row no longer its own, and the check before each write says so.
func TestLostLeaseStopsTheRun(t *testing.T) {
	t.Parallel()
	p := newProject(t, "lock_lease = \"2s\"\n")
	r1 := p.add("CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;")
	r2 := p.add("DO SLEEP(3);\nCREATE TABLE b (id INT PRIMARY KEY);", "DROP TABLE b;")
	p.add("CREATE TABLE c (id INT PRIMARY KEY);", "DROP TABLE c;")

	done := make(chan result, 1)
	go func() { done <- p.run(0, "upgrade", "head") }()
	// Wait for the lease row, then for r1 to be applied, then steal it.
	deadline := time.Now().Add(30 * time.Second)
	for {
		if slices.Contains(p.tables(1), "alembic_version") && slices.Equal(p.query(1, "SELECT version_num FROM $db.alembic_version"), []string{r1}) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the run never applied the first revision")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, err := p.dbs[1].Exec("UPDATE " + p.name + ".retort_lock SET owner = 'intruder', pid = 1"); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err == nil {
		t.Fatalf("the run went on after losing its lease\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}
	if strings.Count(r.stderr, "lease lapsed: another run took it over") != 1 {
		t.Errorf("stderr must say once that the lease was taken over:\n%s", r.stderr)
	}
	for n := range p.dbs {
		if got := p.tables(n); slices.Contains(got, "b") || slices.Contains(got, "c") {
			t.Errorf("node %d: the run wrote after losing its lease: tables %v", n+1, got)
		}
		if got := p.query(n, "SELECT version_num FROM $db.alembic_version"); !slices.Equal(got, []string{r1}) {
			t.Errorf("node %d: version rows %v, want [%s]", n+1, got, r1)
		}
		if got := p.query(n, "SELECT status FROM $db.retort_history WHERE revision = ?", r2); len(got) != 1 || got[0] == "done" {
			t.Errorf("node %d: history of %s is %v, want one unfinished step", n+1, r2, got)
		}
		// The intruder's row is not the run's to delete.
		if got := p.query(n, "SELECT owner FROM $db.retort_lock"); !slices.Equal(got, []string{"intruder"}) {
			t.Errorf("node %d: lease rows %v, want the intruder's", n+1, got)
		}
	}
}

// wsrep_OSU_method=RSU would apply DDL on the connected node only: the run
// is refused before it takes the lock or creates anything, on every node.
func TestNodeLocalDDLRefused(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	p.add("CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;")
	c := exec.Command(retortBin, "-c", p.toml, "--url", p.url(1)+"?wsrep_OSU_method=RSU", "upgrade", "head")
	c.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
	out, err := c.CombinedOutput()
	if err == nil {
		t.Fatalf("a run with wsrep_OSU_method=RSU succeeded:\n%s", out)
	}
	for _, want := range []string{"wsrep_OSU_method=RSU", "DDL would be applied on this node only", "allow_node_local_ddl", "nothing was run"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for n := range p.dbs {
		if got := p.tables(n); len(got) != 0 {
			t.Errorf("node %d: the refused run left tables %v", n+1, got)
		}
	}
}

// Two lease locks on one key from two nodes at once: exactly one is held at
// a time, and the second waits until the first is released.
func TestLeaseIsExclusiveAcrossNodes(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	d := mysql.New()
	var mu sync.Mutex
	holders, most := 0, 0
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			db, err := sql.Open("mysql", p.c.Nodes[i%3].DataSource(p.name))
			if err != nil {
				t.Error(err)
				return
			}
			defer db.Close()
			ctx := context.Background()
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			var check func(context.Context) error
			unlock, err := d.Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{
				DB: db, Lease: 2 * time.Second, Poll: 20 * time.Millisecond,
				Held: func(c func(context.Context) error) { check = c },
			})
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			holders++
			most = max(most, holders)
			mu.Unlock()
			var wait int
			if err := conn.QueryRowContext(ctx, "SELECT @@session.wsrep_sync_wait").Scan(&wait); err != nil || wait&1 != 1 {
				t.Errorf("while the lock is held the run's reads must wait for the cluster: wsrep_sync_wait = %d (%v)", wait, err)
			}
			time.Sleep(150 * time.Millisecond)
			if check == nil {
				t.Error("a lease lock gave no check")
			} else if err := check(ctx); err != nil {
				t.Errorf("check while held: %v", err)
			}
			mu.Lock()
			holders--
			mu.Unlock()
			if err := unlock(ctx); err != nil {
				t.Errorf("unlock: %v", err)
			}
			if err := conn.QueryRowContext(ctx, "SELECT @@session.wsrep_sync_wait").Scan(&wait); err != nil || wait != 0 {
				t.Errorf("after unlock the session's wsrep_sync_wait must be back to 0, is %d (%v)", wait, err)
			}
		})
	}
	wg.Wait()
	if most != 1 {
		t.Errorf("%d runs held the lock at once, want 1", most)
	}
	for n := range p.dbs {
		if got := p.query(n, "SELECT owner FROM $db.retort_lock"); len(got) != 0 {
			t.Errorf("node %d: lease rows left: %v", n+1, got)
		}
	}
}

// Six lease locks on one key from three nodes, three rounds each, while
// other transactions on every node write the lease row (its acquired
// time only) and re-run the lease table's CREATE TABLE IF NOT EXISTS in
// total order isolation: the lease's statements are aborted by
// certification failures and by replicated writes and DDL (1213), and
// run again. Every run takes and releases the lock, no two hold it at
// once, every check while held passes, and no row is left.
func TestLeaseSurvivesAbortsAcrossNodes(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	d := mysql.New()
	key := mysql.LockName(p.name, "alembic_version")
	aborts := func() (n int) {
		for i := range p.dbs {
			for _, v := range p.query(i, "SELECT variable_value FROM information_schema.global_status WHERE variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')") {
				k, _ := strconv.Atoi(v)
				n += k
			}
		}
		return n
	}
	before := aborts()

	// The lease table, made by a lock taken and released once.
	func() {
		db, err := sql.Open("mysql", p.c.Nodes[0].DataSource(p.name))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ctx := context.Background()
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		unlock, err := d.Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{DB: db})
		if err != nil {
			t.Fatal(err)
		}
		if err := unlock(ctx); err != nil {
			t.Fatal(err)
		}
	}()

	stop := make(chan struct{})
	var dwg sync.WaitGroup
	var disturbed, rolledBack sync.Map
	for i := range p.dbs {
		dwg.Go(func() { // writes of the row
			n, rb := 0, 0
			defer func() { disturbed.Store(i, n); rolledBack.Store(i, rb) }()
			for {
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
				}
				_, err := p.dbs[i].Exec("UPDATE "+p.name+".retort_lock SET acquired = acquired + INTERVAL 1 MICROSECOND WHERE lock_key = ?", key)
				n++
				switch {
				case err == nil, mysql.IsNoSuchTable(err):
				case strings.Contains(err.Error(), "Error 1213"):
					rb++
				default:
					t.Errorf("node %d: write of the lease row: %v", i+1, err)
					return
				}
			}
		})
		dwg.Go(func() { // the table's creation, again and again
			for {
				select {
				case <-stop:
					return
				case <-time.After(40 * time.Millisecond):
				}
				if _, err := p.dbs[i].Exec("SET STATEMENT wsrep_OSU_method = 'TOI' FOR CREATE TABLE IF NOT EXISTS " + p.name + ".retort_lock (lock_key VARCHAR(64) PRIMARY KEY)"); err != nil {
					t.Errorf("node %d: create the lease table: %v", i+1, err)
					return
				}
			}
		})
	}

	var mu sync.Mutex
	holders, most, taken := 0, 0, 0
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			db, err := sql.Open("mysql", p.c.Nodes[i%3].DataSource(p.name))
			if err != nil {
				t.Error(err)
				return
			}
			defer db.Close()
			ctx := context.Background()
			for r := range 3 {
				conn, err := db.Conn(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				var check func(context.Context) error
				unlock, err := d.Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{
					// Well above the holds and the retries' pauses: on a loaded
					// machine a late renewal would lapse for real and be
					// reported as a lost lock, which is right but not this
					// test's point.
					DB: db, Lease: 6 * time.Second, Poll: 10 * time.Millisecond,
					Held: func(c func(context.Context) error) { check = c },
				})
				if err != nil {
					t.Errorf("run %d round %d: %v", i, r, err)
					conn.Close()
					return
				}
				mu.Lock()
				holders++
				taken++
				most = max(most, holders)
				mu.Unlock()
				// One hold in three outlasts a renewal.
				hold := 50 * time.Millisecond
				if (i+r)%3 == 0 {
					hold = 900 * time.Millisecond
				}
				for end := time.Now().Add(hold); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
					if err := check(ctx); err != nil {
						t.Errorf("run %d round %d: check while held: %v", i, r, err)
						break
					}
				}
				mu.Lock()
				holders--
				mu.Unlock()
				if err := unlock(ctx); err != nil {
					t.Errorf("run %d round %d: unlock: %v", i, r, err)
				}
				conn.Close()
			}
		})
	}
	wg.Wait()
	close(stop)
	dwg.Wait()
	if most != 1 || taken != 18 {
		t.Errorf("the lock was taken %d times (want 18), by up to %d runs at once (want 1)", taken, most)
	}
	for n := range p.dbs {
		if got := p.query(n, "SELECT owner FROM $db.retort_lock"); len(got) != 0 {
			t.Errorf("node %d: lease rows left: %v", n+1, got)
		}
	}
	var writes, rb []any
	for i := range p.dbs {
		w, _ := disturbed.Load(i)
		r, _ := rolledBack.Load(i)
		writes, rb = append(writes, w), append(rb, r)
	}
	t.Logf("writes of the lease row per node %v, rolled back %v; certification failures and brute-force aborts on the nodes: %d", writes, rb, aborts()-before)
}

// holdEnv names the data source a re-run of the test binary takes the
// lease lock on, and then holds it until killed.
const holdEnv = "RETORT_GALERA_HOLD_DSN"

func holdLease(dsn string) int {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if _, err := mysql.New().Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{DB: db, Lease: 2 * time.Second}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("held")
	select {}
}

// A process holding the lock (and nothing else under way) is killed with
// SIGKILL: its lease row stays, and a run on another node names the dead
// holder, waits for the lease to expire, takes it over and does the whole
// upgrade, exit 0, leaving no lease row.
func TestKilledIdleHolderLeaseIsTakenOver(t *testing.T) {
	t.Parallel()
	p := newProject(t, "lock_lease = \"2s\"\n")
	var ids []string
	for i := range 3 {
		ids = append(ids, p.add(fmt.Sprintf("CREATE TABLE t_%d (id INT PRIMARY KEY);", i), fmt.Sprintf("DROP TABLE t_%d;", i)))
	}
	hold := exec.Command(os.Args[0], "-test.run=^$")
	hold.Env = append(os.Environ(), holdEnv+"="+p.c.Nodes[0].DataSource(p.name))
	out, err := hold.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb strings.Builder
	hold.Stderr = &errb
	if err := hold.Start(); err != nil {
		t.Fatal(err)
	}
	line := make([]byte, 5)
	if _, err := io.ReadFull(out, line); err != nil || string(line) != "held\n" {
		hold.Process.Kill() //nolint:errcheck
		hold.Wait()         //nolint:errcheck
		t.Fatalf("the holder did not take the lock: %q %v\n%s", line, err, errb.String())
	}
	if err := hold.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	hold.Wait() //nolint:errcheck
	pid := hold.Process.Pid
	if got := p.query(2, "SELECT pid FROM $db.retort_lock"); !slices.Equal(got, []string{strconv.Itoa(pid)}) {
		t.Fatalf("lease rows %v, want the killed holder's (pid %d)", got, pid)
	}

	r := p.mustRun(2, "upgrade", "head")
	if want := fmt.Sprintf("aiting for the migration lock held by pid %d on ", pid); !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	for n := range p.dbs {
		if got := p.query(n, "SELECT version_num FROM $db.alembic_version"); !slices.Equal(got, []string{ids[2]}) {
			t.Errorf("node %d: version rows %v, want [%s]", n+1, got, ids[2])
		}
		if got := p.query(n, "SELECT revision FROM $db.retort_history WHERE status = 'done' ORDER BY id"); !slices.Equal(got, ids) {
			t.Errorf("node %d: history %v, want %v", n+1, got, ids)
		}
		if got := p.query(n, "SELECT owner FROM $db.retort_lock"); len(got) != 0 {
			t.Errorf("node %d: lease rows left: %v", n+1, got)
		}
	}
}

// The command's own pool (dialect.LogOpener) reads with wsrep_sync_wait on
// a Galera node, so `current` and `status` on any node see the latest
// commit; a wsrep_sync_wait the URL sets is kept.
func TestCommandPoolReadsWaitForTheCluster(t *testing.T) {
	t.Parallel()
	c := gcluster.Need(t)
	for _, tc := range []struct {
		params string
		want   int
	}{{"", 1}, {"&wsrep_sync_wait=3", 3}, {"&wsrep_sync_wait=2", 3}} {
		db, err := mysql.New().OpenLogged(c.Nodes[1].DataSource("")+tc.params, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		var got int
		if err := db.QueryRow("SELECT @@session.wsrep_sync_wait").Scan(&got); err != nil || got != tc.want {
			t.Errorf("%q: wsrep_sync_wait = %d (%v), want %d", tc.params, got, err, tc.want)
		}
		db.Close()
	}
}

// The lease table is retort's bookkeeping: inspecting the database (what
// autogenerate and check compare with the models) leaves it out, as it
// does the version and history tables, so no revision ever drops it.
func TestInspectLeavesOutTheLeaseTable(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	p.add("CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;")
	p.mustRun(1, "upgrade", "head")
	if !slices.Contains(p.tables(1), mysql.LeaseTable) {
		t.Fatalf("no lease table after a run: %v", p.tables(1))
	}
	db, err := sql.Open("mysql", p.c.Nodes[1].DataSource(p.name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m, err := retort.Open(context.Background(), db, os.DirFS(p.dir))
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Inspect(context.Background(), schema.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range s.Tables {
		names = append(names, tb.Name)
	}
	if !slices.Equal(names, []string{"a"}) {
		t.Errorf("inspected tables %v, want [a]", names)
	}
}

// A pool of one connection cannot hold a lease beside the run's own
// connection: the lock says so at once instead of waiting for a second.
func TestLeaseNeedsTwoConnections(t *testing.T) {
	t.Parallel()
	p := newProject(t, "")
	db, err := sql.Open("mysql", p.c.Nodes[0].DataSource(p.name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = mysql.New().Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{DB: db})
	if err == nil || !strings.Contains(err.Error(), "allow at least two") {
		t.Fatalf("Lock on a one-connection pool: %v", err)
	}
	if got := p.tables(0); len(got) != 0 {
		t.Errorf("the refused lock left tables %v", got)
	}
}

// A revision whose statements outlast the lease (a one-second lease, a
// table copied by ALTER in total order isolation, which may hold the
// lease's renewal until it ends) does not cost the run its lock when nobody
// took it over: before its next write the run renews, and goes on.
func TestDDLLongerThanTheLease(t *testing.T) {
	t.Parallel()
	p := newProject(t, "lock_lease = \"1s\"\n")
	r1 := p.add("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(100) NOT NULL);\n"+
		"INSERT INTO big SELECT seq, REPEAT('x', 100) FROM seq_1_to_300000;\n"+
		"ALTER TABLE big ADD COLUMN w INT NOT NULL DEFAULT 1, ALGORITHM=COPY;\n"+
		"CREATE TABLE after_big (id INT PRIMARY KEY);", "DROP TABLE after_big;\nDROP TABLE big;")
	p.mustRun(0, "upgrade", "head")
	for n := range p.dbs {
		if got := p.query(n, "SELECT version_num FROM $db.alembic_version"); !slices.Equal(got, []string{r1}) {
			t.Errorf("node %d: version rows %v, want [%s]", n+1, got, r1)
		}
	}
}

// A node cut off from the others (gmcast.isolate) leaves the primary
// component and refuses queries with error 1047; a run pointed at it is
// refused when it connects, with the node's state and what to do, and
// changes nothing. The test isolates a node of the shared cluster, so it
// does not run in parallel with the others (a serial test runs before the
// parallel ones resume), and it waits for the node to be synced again.
func TestNodeNotReadyRefusedWithAdvice(t *testing.T) {
	p := newProject(t, "")
	p.add("CREATE TABLE a (id INT PRIMARY KEY);", "DROP TABLE a;")
	node := p.c.Nodes[2]
	db, err := sql.Open("mysql", node.DataSource(""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	status := func(name string) string {
		var n, v string
		if err := db.QueryRow("SHOW GLOBAL STATUS LIKE '"+name+"'").Scan(&n, &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(90 * time.Second); !ok(); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("node 3 never became %s (wsrep_ready %s, state %s)", what, status("wsrep_ready"), status("wsrep_local_state_comment"))
			}
		}
	}
	if _, err := db.Exec("SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'"); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := db.Exec("SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'"); err != nil {
			t.Fatalf("rejoin node 3: %v", err)
		}
		waitFor("synced again", func() bool {
			return status("wsrep_local_state_comment") == "Synced" && status("wsrep_cluster_size") == "3"
		})
	}()
	waitFor("not ready", func() bool { return status("wsrep_ready") == "OFF" })

	r := p.run(2, "upgrade", "head")
	if r.err == nil {
		t.Fatalf("a run against a node outside the primary component succeeded:\n%s%s", r.stdout, r.stderr)
	}
	for _, want := range []string{"cannot connect to", "the Galera node is not ready for queries", "wsrep_cluster_status = non-Primary",
		"not part of the cluster's primary component", "point retort at a synced node", "wsrep_local_state_comment' says Synced", "nothing was run"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	for n := range 2 {
		if got := p.tables(n); len(got) != 0 {
			t.Errorf("node %d: tables %v after the refused run, want none", n+1, got)
		}
	}
}
