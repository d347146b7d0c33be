// Package galera starts a real three-node MariaDB Galera cluster for tests:
// three local mariadbd processes (Debian's mariadb-server and galera-4), each
// with its own data directory, defaults file and ports, joined into one
// cluster. A test package starts it once in its TestMain (Main) and its
// tests ask for it with Need, which skips loudly, or fails under CI=true,
// when the cluster could not start.
//
// Everything lives under one directory in the system temp dir,
// retort-galera-*, with the test process's pid in it; a run killed before it
// could stop its cluster leaves that directory behind, and the next Start
// kills the processes named by its pidfiles and removes it. On Linux the
// nodes also die with the test process (a parent-death signal).
//
// It imports nothing of retort.
package galera

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql" // database/sql driver "mysql"
)

// Node is one member of the cluster.
type Node struct {
	Name string
	Port int    // SQL port on 127.0.0.1
	URL  string // mysql://root@127.0.0.1:PORT/, as retort.toml takes it
	dir  string
	cnf  string
	cmd  *exec.Cmd
}

// DataSource is a go-sql-driver/mysql data source for database db on n.
func (n *Node) DataSource(db string) string {
	return fmt.Sprintf("root@tcp(127.0.0.1:%d)/%s?multiStatements=true&interpolateParams=true&parseTime=true", n.Port, db)
}

// DatabaseURL is n's URL for database db.
func (n *Node) DatabaseURL(db string) string { return n.URL + db }

// Cluster is three running nodes.
type Cluster struct {
	Dir   string
	Nodes []*Node

	stop     chan struct{} // closes to end the goroutine that started the nodes
	done     chan struct{}
	uid, gid int // the user the nodes run as; -1: this process's
}

// Preferred ports, used when all are free: SQL, group communication, IST
// and SST per node.
var preferred = [4][3]int{{33061, 33062, 33063}, {45671, 45672, 45673}, {45681, 45682, 45683}, {44441, 44442, 44443}}

const dirPrefix = "retort-galera-"

var (
	mu      sync.Mutex
	current *Cluster
	failure error
)

// Main starts the cluster, runs the tests and stops it: a test package's
// TestMain is os.Exit(galera.Main(m)), m a *testing.M (or anything that
// runs the tests). A cluster that cannot start is not a failure here: each
// test's Need reports it.
func Main(m interface{ Run() int }) int {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	began := time.Now()
	c, err := Start(ctx)
	cancel()
	if c != nil {
		fmt.Fprintf(os.Stderr, "galera: three-node test cluster up in %s (SQL ports %d, %d, %d)\n",
			time.Since(began).Round(time.Millisecond), c.Nodes[0].Port, c.Nodes[1].Port, c.Nodes[2].Port)
	}
	mu.Lock()
	current, failure = c, err
	mu.Unlock()
	if err != nil {
		fmt.Fprintf(os.Stderr, "galera: the test cluster did not start: %v\n", err)
	}
	code := m.Run()
	if c != nil {
		began := time.Now()
		c.Stop()
		fmt.Fprintf(os.Stderr, "galera: test cluster stopped in %s\n", time.Since(began).Round(time.Millisecond))
	}
	return code
}

// Need returns the cluster Main started. When it did not start the test
// fails under CI=true and is skipped, loudly, otherwise.
func Need(t testing.TB) *Cluster {
	t.Helper()
	mu.Lock()
	c, err := current, failure
	mu.Unlock()
	if c != nil {
		return c
	}
	if err == nil {
		err = errors.New("galera.Main was not called from TestMain")
	}
	msg := fmt.Sprintf("three-node Galera test cluster unavailable: %v (needs mariadb-server, galera-4 and rsync)", err)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPING: " + msg)
	return nil
}

// Start prepares the first node's data directory (mariadb-install-db),
// starts it as a new cluster and the other two joining it (they receive
// their data by rsync state transfer), and returns when all three are
// synced members of one cluster of size 3.
func Start(ctx context.Context) (*Cluster, error) {
	mariadbd, err := lookPath("mariadbd")
	if err != nil {
		return nil, err
	}
	installDB, err := lookPath("mariadb-install-db")
	if err != nil {
		return nil, err
	}
	provider := ""
	for _, p := range []string{"/usr/lib/galera/libgalera_smm.so", "/usr/lib/libgalera_smm.so", "/usr/lib64/galera-4/libgalera_smm.so"} {
		if _, err := os.Stat(p); err == nil {
			provider = p
			break
		}
	}
	if provider == "" {
		return nil, errors.New("no Galera provider libgalera_smm.so (apt-get install galera-4)")
	}
	if _, err := exec.LookPath("rsync"); err != nil {
		return nil, errors.New("rsync not found: state transfer to the joining nodes needs it (apt-get install rsync)")
	}
	cleanStale()

	// As root, the nodes run as mysql (started so, not switching with
	// --user, which would clear the parent-death signal): mariadbd refuses
	// root without --user, and the rsync daemon of a state transfer drops
	// root to nobody, which could not write a root-owned datadir.
	runAs, uid, gid := "", -1, -1
	if os.Geteuid() == 0 {
		u, err := user.Lookup("mysql")
		if err != nil {
			return nil, fmt.Errorf("running as root, and there is no mysql user for mariadbd to run as: %w", err)
		}
		runAs = "mysql"
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
	}

	dir, err := os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, stop: make(chan struct{}), done: make(chan struct{}), uid: uid, gid: gid}
	ports, err := pickPorts()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	var gcomm []string
	for i := range 3 {
		gcomm = append(gcomm, fmt.Sprintf("127.0.0.1:%d", ports[1][i]))
	}
	for i := range 3 {
		n := &Node{Name: fmt.Sprintf("node%d", i+1), Port: ports[0][i], dir: filepath.Join(dir, fmt.Sprintf("node%d", i+1))}
		n.URL = fmt.Sprintf("mysql://root@127.0.0.1:%d/", n.Port)
		n.cnf = filepath.Join(dir, n.Name+".cnf")
		if err := os.Mkdir(n.dir, 0o755); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		if uid >= 0 {
			if err := os.Chown(n.dir, uid, gid); err != nil {
				os.RemoveAll(dir)
				return nil, err
			}
		}
		cnf := defaultsFile(n, provider, strings.Join(gcomm, ","), ports[1][i], ports[2][i], ports[3][i])
		if err := os.WriteFile(n.cnf, []byte(cnf), 0o644); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		args := []string{"--defaults-file=" + n.cnf, "--auth-root-authentication-method=normal", "--skip-test-db"}
		if runAs != "" {
			args = append(args, "--user="+runAs)
		}
		c.Nodes = append(c.Nodes, n)
		if i > 0 {
			// A joining node's datadir is replaced by the state transfer
			// from the first: it needs only to exist.
			if err := os.Mkdir(filepath.Join(n.dir, "data"), 0o700); err != nil {
				os.RemoveAll(dir)
				return nil, err
			}
			if uid >= 0 {
				if err := os.Chown(filepath.Join(n.dir, "data"), uid, gid); err != nil {
					os.RemoveAll(dir)
					return nil, err
				}
			}
			continue
		}
		if out, err := exec.CommandContext(ctx, installDB, args...).CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("mariadb-install-db for %s: %v\n%s", n.Name, err, out)
		}
	}

	// The nodes are started from one goroutine locked to its OS thread,
	// which lives until Stop: the parent-death signal (Linux) fires when
	// the thread that started a process ends, so it must not end before.
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer close(c.done)
		started <- c.startNodes(ctx, mariadbd)
		<-c.stop
	}()
	if err := <-started; err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) startNodes(ctx context.Context, mariadbd string) error {
	for i, n := range c.Nodes {
		args := []string{"--defaults-file=" + n.cnf}
		if i == 0 {
			args = append(args, "--wsrep-new-cluster")
		}
		n.cmd = exec.Command(mariadbd, args...)
		out, err := os.Create(filepath.Join(n.dir, "stdout.log"))
		if err != nil {
			return err
		}
		n.cmd.Stdout, n.cmd.Stderr = out, out
		n.cmd.SysProcAttr = procAttr(c.uid, c.gid)
		if err := n.cmd.Start(); err != nil {
			out.Close()
			return fmt.Errorf("start %s: %w", n.Name, err)
		}
		out.Close()
		if err := os.WriteFile(filepath.Join(c.Dir, n.Name+".pid"), []byte(strconv.Itoa(n.cmd.Process.Pid)), 0o644); err != nil {
			return err
		}
		go n.cmd.Wait() //nolint:errcheck // reaped; Stop checks liveness by signal
		if i == 0 {
			// The others join through the first: wait until it is up.
			if err := n.waitReady(ctx, 1); err != nil {
				return err
			}
		}
	}
	for _, n := range c.Nodes {
		if err := n.waitReady(ctx, 3); err != nil {
			return err
		}
	}
	return nil
}

// waitReady waits until n answers, is synced, and sees a cluster of size.
func (n *Node) waitReady(ctx context.Context, size int) error {
	db, err := sql.Open("mysql", n.DataSource("")+"&timeout=2s")
	if err != nil {
		return err
	}
	defer db.Close()
	var last error
	for {
		state, csize := "", 0
		err := func() error {
			qctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			defer cancel()
			var name string
			if err := db.QueryRowContext(qctx, "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'").Scan(&name, &state); err != nil {
				return err
			}
			var v string
			if err := db.QueryRowContext(qctx, "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'").Scan(&name, &v); err != nil {
				return err
			}
			csize, _ = strconv.Atoi(v)
			return nil
		}()
		if err == nil && state == "Synced" && csize == size {
			return nil
		}
		if err != nil {
			last = err
		} else {
			last = fmt.Errorf("state %s, cluster size %d", state, csize)
		}
		if n.cmd != nil && n.cmd.ProcessState != nil {
			return fmt.Errorf("%s exited (%s); see %s", n.Name, n.cmd.ProcessState, filepath.Join(n.dir, "error.log"))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s not ready (%v): %w; see %s", n.Name, last, ctx.Err(), filepath.Join(n.dir, "error.log"))
		case <-time.After(150 * time.Millisecond):
		}
	}
}

// Stop kills the nodes (their process groups, with any state transfer
// they run) and removes the cluster's directory. Nothing of a test
// cluster is kept, so there is nothing a clean shutdown would save.
func (c *Cluster) Stop() {
	for _, n := range c.Nodes {
		if n.cmd != nil && n.cmd.Process != nil {
			syscall.Kill(-n.cmd.Process.Pid, syscall.SIGKILL) //nolint:errcheck // may be gone
			n.cmd.Process.Kill()                              //nolint:errcheck
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, n := range c.Nodes {
		for n.cmd != nil && n.cmd.Process != nil && alive(n.cmd.Process.Pid) && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
	}
	close(c.stop)
	<-c.done
	os.RemoveAll(c.Dir)
}

// alive reports whether pid is a running (not zombie) process.
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	// The state follows the command name in parentheses.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z' && s[i+2] != 'X'
	}
	return true
}

// cleanStale removes the directories of clusters whose test process is
// gone, killing their nodes first (by pidfile, and only a process whose
// command line names that directory, so a reused pid is left alone).
func cleanStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, d := range dirs {
		owner, err := os.ReadFile(filepath.Join(d, "owner.pid"))
		if err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(owner))); err == nil && pid != os.Getpid() && alive(pid) {
				continue // another test process's cluster, still in use
			}
		}
		pids, _ := filepath.Glob(filepath.Join(d, "node*.pid"))
		for _, pf := range pids {
			b, err := os.ReadFile(pf)
			if err != nil {
				continue
			}
			pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil || pid <= 1 {
				continue
			}
			cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
			if err != nil || !strings.Contains(string(cmdline), d) {
				continue
			}
			syscall.Kill(pid, syscall.SIGKILL) //nolint:errcheck
			for i := 0; i < 100 && alive(pid); i++ {
				time.Sleep(50 * time.Millisecond)
			}
		}
		os.RemoveAll(d)
	}
}

// pickPorts returns [kind][node] ports: the preferred ones when all are
// free, else ports the kernel hands out.
func pickPorts() ([4][3]int, error) {
	free := true
	for _, kind := range preferred {
		for _, p := range kind {
			if !portFree(p) {
				free = false
			}
		}
	}
	if free {
		return preferred, nil
	}
	var ports [4][3]int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for k := range ports {
		for i := range ports[k] {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return ports, fmt.Errorf("pick a free port: %w", err)
			}
			ls = append(ls, l)
			ports[k][i] = l.Addr().(*net.TCPAddr).Port
		}
	}
	return ports, nil
}

func portFree(p int) bool {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

func lookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, d := range []string{"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"} {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found (apt-get install mariadb-server)", name)
}

// defaultsFile is a node's configuration: small buffers and relaxed
// flushing (a test cluster), the settings Galera needs (row binlog format,
// interleaved auto-increment locks), and its own ports for SQL, group
// communication, incremental and full state transfer.
func defaultsFile(n *Node, provider, gcomm string, gport, istPort, sstPort int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `[mariadbd]
datadir=%[1]s/data
socket=%[1]s/mariadbd.sock
pid-file=%[1]s/mariadbd.pid
log-error=%[1]s/error.log
port=%[2]d
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=32M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
innodb_doublewrite=0
performance_schema=OFF
max_connections=200
wsrep_on=ON
wsrep_provider=%[3]s
wsrep_cluster_name=retort_test
wsrep_node_name=%[4]s
wsrep_node_address=127.0.0.1
wsrep_cluster_address=gcomm://%[5]s
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:%[6]d;ist.recv_addr=127.0.0.1:%[7]d;gcache.size=32M"
wsrep_sst_receive_address=127.0.0.1:%[8]d
wsrep_sst_method=rsync
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
`, n.dir, n.Port, provider, n.Name, gcomm, gport, istPort, sstPort)
	return b.String()
}
