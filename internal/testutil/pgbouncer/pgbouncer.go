// Package pgbouncer starts a real PgBouncer (Debian's pgbouncer package) in
// front of the PostgreSQL test server, for tests of retort behind a
// connection pooler: its own config in a temporary directory, its own port
// on 127.0.0.1, run as a non-root user (PgBouncer refuses root), stopped by
// Stop or when the test process dies.
//
// It imports internal/testutil (the test server's URL) and nothing else of
// retort's.
package pgbouncer

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// Options configure a PgBouncer.
type Options struct {
	// PoolMode is "transaction" (default), "statement" or "session".
	PoolMode string
	// PoolSize is default_pool_size: server connections per database and
	// user (default 4, small so that a client's transactions move between
	// server connections).
	PoolSize int
	// Server is the PostgreSQL URL PgBouncer forwards to (default the test
	// server, testutil.PostgresServerURL).
	Server string
}

// Server is a running PgBouncer.
type Server struct {
	Port int
	Dir  string // its config, auth file and log

	user, password string
	cmd            *exec.Cmd
	out            *lockedBuffer
	done           chan struct{}
}

// Start writes a config and starts PgBouncer, returning once it accepts
// connections. The error says why it could not start (not installed, no
// user to run it as, it exited); the caller skips or fails on it.
func Start(o Options) (*Server, error) {
	bin, err := exec.LookPath("pgbouncer")
	if err != nil {
		for _, p := range []string{"/usr/sbin/pgbouncer", "/usr/local/sbin/pgbouncer"} {
			if _, e := os.Stat(p); e == nil {
				bin, err = p, nil
				break
			}
		}
		if err != nil {
			return nil, errors.New("pgbouncer is not installed (Debian: apt-get install -y pgbouncer)")
		}
	}
	if o.PoolMode == "" {
		o.PoolMode = "transaction"
	}
	if o.PoolSize == 0 {
		o.PoolSize = 4
	}
	if o.Server == "" {
		o.Server = testutil.PostgresServerURL()
	}
	up, err := url.Parse(o.Server)
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL test server URL: %v", err)
	}
	host, port := up.Hostname(), up.Port()
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "5432"
	}
	s := &Server{user: up.User.Username(), out: &lockedBuffer{}, done: make(chan struct{})}
	s.password, _ = up.User.Password()
	if s.user == "" {
		s.user = "postgres"
	}
	if s.Dir, err = os.MkdirTemp("", "retort-pgbouncer"); err != nil {
		return nil, err
	}
	if s.Port, err = freePort(); err != nil {
		os.RemoveAll(s.Dir)
		return nil, err
	}
	ini := fmt.Sprintf(`[databases]
* = host=%s port=%s

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = %d
unix_socket_dir =
auth_type = trust
auth_file = %s
pool_mode = %s
default_pool_size = %d
max_client_conn = 1000
syslog = 0
`, host, port, s.Port, filepath.Join(s.Dir, "userlist.txt"), o.PoolMode, o.PoolSize)
	files := map[string]string{
		"pgbouncer.ini": ini,
		"userlist.txt":  fmt.Sprintf("%q %q\n", s.user, s.password),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(s.Dir, name), []byte(body), 0o644); err != nil {
			os.RemoveAll(s.Dir)
			return nil, err
		}
	}
	s.cmd = exec.Command(bin, filepath.Join(s.Dir, "pgbouncer.ini"))
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	// Stop it when this process dies, however it dies.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if os.Geteuid() == 0 {
		cred, err := nonRoot(s.Dir)
		if err != nil {
			os.RemoveAll(s.Dir)
			return nil, err
		}
		s.cmd.SysProcAttr.Credential = cred
	}
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(s.Dir)
		return nil, fmt.Errorf("start pgbouncer: %v", err)
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	if err := s.wait(15 * time.Second); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// nonRoot is the user PgBouncer runs as when the tests run as root: postgres
// (the Debian package's), else nobody; dir is handed to it.
func nonRoot(dir string) (*syscall.Credential, error) {
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("running as root, and there is no postgres or nobody user to run pgbouncer as (it refuses root)")
}

func (s *Server) wait(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			return fmt.Errorf("pgbouncer exited at start: %s", strings.TrimSpace(s.out.String()))
		default:
		}
		c, err := net.DialTimeout("tcp", s.addr(), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("pgbouncer did not listen on %s within %s: %s", s.addr(), limit, strings.TrimSpace(s.out.String()))
}

func (s *Server) addr() string { return "127.0.0.1:" + strconv.Itoa(s.Port) }

// URL is a postgres:// URL for database dbname through this PgBouncer.
func (s *Server) URL(dbname string) string {
	u := url.URL{Scheme: "postgres", Host: s.addr(), Path: "/" + dbname, RawQuery: "sslmode=disable"}
	if s.password != "" {
		u.User = url.UserPassword(s.user, s.password)
	} else {
		u.User = url.User(s.user)
	}
	return u.String()
}

// Log is what PgBouncer has written so far.
func (s *Server) Log() string { return s.out.String() }

// Stop stops PgBouncer and removes its directory.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGINT) // immediate shutdown
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
			s.cmd.Process.Kill()
			<-s.done
		}
	}
	os.RemoveAll(s.Dir)
}

// Need is called by a test that needs the PgBouncer whose start returned
// err: nil lets it run; otherwise it fails under CI=true and skips loudly
// elsewhere.
func Need(t interface {
	Helper()
	Fatal(...any)
	Skip(...any)
}, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := "PgBouncer could not start: " + err.Error()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPING: " + msg)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// lockedBuffer collects PgBouncer's output, written by os/exec's copier
// while tests read it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
