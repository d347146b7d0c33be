// Package compat checks retort against Python Alembic as an oracle: random
// revision graphs (branches, merges, labels, depends_on) are written both as
// an Alembic script directory and as retort revision files, and the two
// tools' answers are compared — heads, history, branches, and the version
// rows and executed steps after sequences of upgrade / downgrade / stamp.
//
// The tests skip when Alembic is not installed (Debian: python3-alembic).
package compat_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

var (
	python    string // interpreter that can import alembic ("" = none)
	retortBin string // retort binary built for these tests
)

func TestMain(m *testing.M) {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import alembic").Run() == nil {
			python = p
			break
		}
	}
	dir, err := os.MkdirTemp("", "retort-compat")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		if python != "" {
			retortBin = filepath.Join(dir, "retort")
			build := exec.Command("go", "build", "-o", retortBin, "github.com/retortdb/retort/cmd/retort")
			build.Env = append(os.Environ(), "CGO_ENABLED=0") // the static binary users install
			out, err := build.CombinedOutput()
			if err != nil {
				fmt.Fprintf(os.Stderr, "build retort: %v\n%s", err, out)
				return 1
			}
		}
		return m.Run()
	}()
	os.Exit(code)
}

func needAlembic(t *testing.T) {
	t.Helper()
	if python == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Python Alembic is not installed (apt-get install python3-alembic) and CI=true: the differential tests must run in CI")
		}
		t.Skip("SKIPPING: Python Alembic is not installed (apt-get install python3-alembic); the differential tests need it as an oracle")
	}
	if testing.Short() {
		t.Skip("differential tests are slow; skipped with -short")
	}
}

type rev struct {
	id      string
	parents []string
	labels  []string
	deps    []string
}

// randomGraph builds a DAG: new bases now and then, single-parent children,
// merges of two unrelated revisions, labels and cross-branch depends_on.
func randomGraph(rng *rand.Rand, n int) []rev {
	var revs []rev
	anc := map[string]map[string]bool{} // id → ancestors via parents and deps, incl. self
	label := 0
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%04x%08x", i, rng.Uint32())
		r := rev{id: id}
		switch {
		case i == 0 || rng.IntN(10) == 0:
			// base
		case rng.IntN(6) == 0 && len(revs) >= 2:
			a := revs[rng.IntN(len(revs))].id
			b := revs[rng.IntN(len(revs))].id
			if a != b && !anc[a][b] && !anc[b][a] {
				r.parents = []string{a, b}
			} else {
				r.parents = []string{a}
			}
		default:
			// Prefer recent revisions so chains grow long.
			k := len(revs) - 1 - rng.IntN(min(len(revs), 4))
			r.parents = []string{revs[k].id}
		}
		if rng.IntN(8) == 0 {
			label++
			r.labels = []string{fmt.Sprintf("lbl%d", label)}
		}
		if rng.IntN(8) == 0 && len(revs) > 0 {
			d := revs[rng.IntN(len(revs))].id
			related := false
			for _, p := range r.parents {
				if anc[p][d] {
					related = true
				}
			}
			if !related && !slices.Contains(r.parents, d) {
				r.deps = []string{d}
			}
		}
		a := map[string]bool{id: true}
		for _, p := range append(slices.Clone(r.parents), r.deps...) {
			for x := range anc[p] {
				a[x] = true
			}
		}
		anc[id] = a
		revs = append(revs, r)
	}
	return revs
}

func pyTuple(xs []string) string {
	switch len(xs) {
	case 0:
		return "None"
	case 1:
		return fmt.Sprintf("'%s'", xs[0])
	}
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + x + "'"
	}
	return "(" + strings.Join(q, ", ") + ")"
}

const envPy = `from alembic import context
from sqlalchemy import create_engine
config = context.config
url = config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
`

// project holds one graph written for both tools.
type project struct {
	t       *testing.T
	dir     string
	revs    []rev
	alDB    string
	rtDB    string
	alIni   string
	rtToml  string
	alSteps int // steplog rows already seen
	rtSteps int
	al      *alembicServer // started on first use
}

func newProject(t *testing.T, revs []rev) *project {
	t.Helper()
	dir := t.TempDir()
	p := &project{t: t, dir: dir, revs: revs}
	al := filepath.Join(dir, "alembic")
	rt := filepath.Join(dir, "retort")
	for _, d := range []string{filepath.Join(al, "versions"), filepath.Join(rt, "versions")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p.alDB = filepath.Join(dir, "alembic.db")
	p.rtDB = filepath.Join(dir, "retort.db")
	p.alIni = filepath.Join(al, "alembic.ini")
	p.rtToml = filepath.Join(rt, "retort.toml")
	write(t, p.alIni, fmt.Sprintf("[alembic]\nscript_location = %s\nsqlalchemy.url = sqlite:///%s\n", al, p.alDB))
	write(t, filepath.Join(al, "env.py"), envPy)
	write(t, p.rtToml, fmt.Sprintf("script_location = %q\nurl = %q\n", rt, "sqlite:///"+p.rtDB))
	for _, r := range revs {
		py := fmt.Sprintf(`"""msg %[1]s

Revision ID: %[1]s
"""
from alembic import op
revision = '%[1]s'
down_revision = %[2]s
branch_labels = %[3]s
depends_on = %[4]s
def upgrade():
    op.execute("INSERT INTO steplog (name) VALUES ('up %[1]s')")
def downgrade():
    op.execute("INSERT INTO steplog (name) VALUES ('down %[1]s')")
`, r.id, pyTuple(r.parents), labelTuple(r.labels), pyTuple(r.deps))
		write(t, filepath.Join(al, "versions", r.id+"_m.py"), py)
		sqlf := fmt.Sprintf(`-- msg %[1]s
--
-- Revision ID: %[1]s
-- Revises: %[2]s
-- Create Date: 2024-01-01 00:00:00.000000
-- Branch Labels: %[3]s
-- Depends On: %[4]s

-- +retort upgrade
INSERT INTO steplog (name) VALUES ('up %[1]s');

-- +retort downgrade
INSERT INTO steplog (name) VALUES ('down %[1]s');
`, r.id, strings.Join(r.parents, ", "), strings.Join(r.labels, ", "), strings.Join(r.deps, ", "))
		write(t, filepath.Join(rt, "versions", r.id+"_m.sql"), sqlf)
	}
	for _, db := range []string{p.alDB, p.rtDB} {
		sqlite(t, db, "CREATE TABLE steplog (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
	}
	return p
}

func labelTuple(xs []string) string {
	if len(xs) == 0 {
		return "None"
	}
	return "(" + "'" + strings.Join(xs, "', '") + "',)"
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sqlite(t *testing.T, db, q string) string {
	t.Helper()
	out, err := exec.Command("sqlite3", db, q).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3 %s: %v\n%s", q, err, out)
	}
	return string(out)
}

type result struct {
	ok     bool
	stdout string
	stderr string
}

func run(name string, args ...string) result {
	cmd := exec.Command(name, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
	err := cmd.Run()
	return result{ok: err == nil, stdout: out.String(), stderr: errb.String()}
}

func (p *project) alembic(args ...string) result {
	if p.al == nil {
		p.al = startAlembic(p.t)
	}
	return p.al.run(p.t, append([]string{"-c", p.alIni}, args...))
}

// alembicServerPy runs Alembic's command line once per line of its
// input (the arguments as a JSON list) in one Python process, as `python
// -m alembic` would (Python's and Alembic's start-up is most of a small
// command's time): the command's output and exit status come back as one
// JSON line. Each command gets its own output streams and, as a new
// process would, shows each warning again.
const alembicServerPy = `
import contextlib, io, json, sys, warnings
from alembic.config import CommandLine, Config
out = sys.stdout
for line in sys.stdin:
    argv = json.loads(line)
    stdout, stderr, code = io.StringIO(), io.StringIO(), 0
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), warnings.catch_warnings():
        try:
            cl = CommandLine(prog="alembic")
            options = cl.parser.parse_args(argv)
            if not hasattr(options, "cmd"):
                cl.parser.error("too few arguments")
            cfg = Config(file_=options.config, ini_section=options.name, cmd_opts=options, stdout=stdout)
            cl.run_cmd(cfg, options)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:
            import traceback
            traceback.print_exc()
            code = 1
    out.write(json.dumps({"code": code, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}) + "\n")
    out.flush()
`

// alembicServer is a running alembicServerPy.
type alembicServer struct {
	in  io.WriteCloser
	out *bufio.Reader
}

func startAlembic(t *testing.T) *alembicServer {
	t.Helper()
	cmd := exec.Command(python, "-c", alembicServerPy)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in.Close()
		_ = cmd.Wait()
	})
	return &alembicServer{in: in, out: bufio.NewReaderSize(out, 1<<16)}
}

func (s *alembicServer) run(t *testing.T, argv []string) result {
	t.Helper()
	req, err := json.Marshal(argv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.in.Write(append(req, '\n')); err != nil {
		t.Fatalf("alembic %v: %v", argv, err)
	}
	line, err := s.out.ReadBytes('\n')
	if err != nil {
		t.Fatalf("alembic %v: no answer: %v", argv, err)
	}
	var r struct {
		Code           int
		Stdout, Stderr string
	}
	if err := json.Unmarshal(line, &r); err != nil {
		t.Fatalf("alembic %v: %v: %q", argv, err, line)
	}
	return result{ok: r.Code == 0, stdout: r.Stdout, stderr: r.Stderr}
}

func (p *project) retort(args ...string) result {
	return run(retortBin, append([]string{"-c", p.rtToml}, args...)...)
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimRight(l, " "))
		}
	}
	return out
}

func sortedLines(s string) []string {
	l := lines(s)
	sort.Strings(l)
	return l
}

// rows returns the version rows of db, sorted ("" when the table is absent).
func rows(t *testing.T, db string) []string {
	t.Helper()
	if !strings.Contains(sqlite(t, db, "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"), "alembic_version") {
		return nil
	}
	return sortedLines(sqlite(t, db, "SELECT version_num FROM alembic_version"))
}

// newSteps returns the steps logged since the last call, in execution order.
func newSteps(t *testing.T, db string, seen *int) []string {
	t.Helper()
	l := lines(sqlite(t, db, fmt.Sprintf("SELECT name FROM steplog WHERE id > %d ORDER BY id", *seen)))
	*seen += len(l)
	return l
}
