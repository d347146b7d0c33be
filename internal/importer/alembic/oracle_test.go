package alembic_test

// The oracle tests compare the import with Python Alembic itself: the
// graph Alembic's ScriptDirectory reads, and, on each dialect, the schema
// `alembic upgrade heads` leaves against the one the imported revisions
// leave under `retort upgrade heads`, then both downgraded to base. They
// need Python with Alembic and SQLAlchemy (Debian: python3-alembic,
// python3-psycopg2, python3-pymysql); without them they skip, or fail
// under CI=true.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/importer"
	"github.com/retortdb/retort/internal/importer/alembic"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

var (
	pythonOnce sync.Once
	pythonPath string
)

// python returns an interpreter that imports alembic and the drivers, or
// skips t.
func python(t *testing.T) string {
	t.Helper()
	pythonOnce.Do(func() {
		for _, p := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(p, "-c", "import alembic, sqlalchemy, psycopg2, pymysql").Run() == nil {
				pythonPath = p
				return
			}
		}
	})
	if pythonPath == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Python Alembic (with psycopg2 and pymysql) is not installed and CI=true: the oracle tests must run in CI (apt-get install python3-alembic python3-psycopg2 python3-pymysql)")
		}
		t.Skip("SKIPPING: Python Alembic is not installed (apt-get install python3-alembic python3-psycopg2 python3-pymysql); the oracle tests need it")
	}
	return pythonPath
}

// histories are the test Alembic projects (each with an alembic.ini) whose
// upgrades run without a person's help, with the dialects Alembic itself
// runs them on (shop's expression index is not MariaDB's).
var histories = map[string][]string{
	"shop":   {testutil.SQLite, testutil.Postgres},
	"labels": {testutil.SQLite, testutil.Postgres, testutil.MySQL},
	// Constraints and column changes outside batch mode, which Alembic
	// refuses on SQLite.
	"server":  {testutil.Postgres, testutil.MySQL},
	"pgtypes": {testutil.Postgres},
	"styles":  {testutil.SQLite, testutil.Postgres, testutil.MySQL},
	// blog's own downgrade fails on MariaDB (an index a foreign key needs).
	"blog": {testutil.SQLite, testutil.Postgres},
}

// sqlalchemyURL is the URL SQLAlchemy takes for a test database.
func sqlalchemyURL(t *testing.T, db *testutil.DB) string {
	switch db.Dialect {
	case testutil.SQLite:
		return "sqlite:///" + db.Name
	case testutil.Postgres:
		u, err := url.Parse(db.URL)
		if err != nil {
			t.Fatal(err)
		}
		u.Scheme = "postgresql+psycopg2"
		u.RawQuery = ""
		return u.String()
	case testutil.MySQL:
		u, err := url.Parse(db.URL)
		if err != nil {
			t.Fatal(err)
		}
		u.Scheme = "mysql+pymysql"
		return u.String()
	}
	t.Fatalf("no SQLAlchemy URL for %s", db.Dialect)
	return ""
}

// alembicSession runs "alembic upgrade heads" on db for project dir in
// one Python process, which then waits: down runs "alembic downgrade
// base" in the same process (Python's start-up is most of an Alembic
// run's time here).
const alembicSessionPy = `
import sys
from alembic.config import Config
from alembic import command
cfg = Config(sys.argv[1])
command.upgrade(cfg, "heads")
print("up", flush=True)
sys.stdin.readline()
command.downgrade(cfg, "base")
print("down", flush=True)
`

type alembicRun struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *bufio.Reader
	stderr *bytes.Buffer
}

func alembicUp(t *testing.T, dir string, db *testutil.DB) *alembicRun {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	ini := filepath.Join(t.TempDir(), "alembic.ini")
	text := fmt.Sprintf("[alembic]\nscript_location = %s\nsqlalchemy.url = %s\n", abs, strings.ReplaceAll(sqlalchemyURL(t, db), "%", "%%"))
	if err := os.WriteFile(ini, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &alembicRun{t: t, cmd: exec.Command(python(t), "-c", alembicSessionPy, ini), stderr: &bytes.Buffer{}}
	r.cmd.Stderr = r.stderr
	if r.stdin, err = r.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := r.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	r.out = bufio.NewReader(stdout)
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.stdin.Close(); _ = r.cmd.Wait() })
	r.expect("up", "upgrade heads")
	return r
}

func (r *alembicRun) expect(word, what string) {
	r.t.Helper()
	line, _ := r.out.ReadString('\n')
	if strings.TrimSpace(line) != word {
		r.stdin.Close()
		_ = r.cmd.Wait()
		lines := strings.Split(strings.TrimSpace(r.stderr.String()), "\n")
		if len(lines) > 4 {
			lines = lines[len(lines)-4:]
		}
		r.t.Fatalf("alembic %s failed:\n%s", what, strings.Join(lines, "\n"))
	}
}

func (r *alembicRun) down() {
	r.t.Helper()
	if _, err := io.WriteString(r.stdin, "\n"); err != nil {
		r.t.Fatal(err)
	}
	r.expect("down", "downgrade base")
}

// writeImport renders revs as files in a fresh folder.
func writeImport(t *testing.T, revs []importer.Revision) string {
	t.Helper()
	dir := t.TempDir()
	for _, r := range revs {
		if err := os.WriteFile(filepath.Join(dir, r.File.ID+".sql"), script.Render(r.File), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func open(t *testing.T, db *testutil.DB, dir string) *retort.Migrator {
	t.Helper()
	m, err := retort.Open(context.Background(), db.DB, nil, retort.WithDialect(db.Dialect), retort.WithVersionDirs(dir))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// canonicalDef sorts the table constraints of a SQLite table definition
// (columns keep their order). Alembic's SQLite batch mode writes the
// constraints it reflected in the iteration order of a Python set, which
// differs from one run of Alembic to the next: two runs of the same
// history store them in different orders.
func canonicalDef(def string) string {
	toks := strings.Fields(def)
	if len(toks) < 2 || toks[0] != "(" || toks[len(toks)-1] != ")" {
		return def
	}
	var items []string
	depth, start := 0, 1
	for i := 1; i < len(toks)-1; i++ {
		switch toks[i] {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			if depth == 0 {
				items = append(items, strings.Join(toks[start:i], " "))
				start = i + 1
			}
		}
	}
	items = append(items, strings.Join(toks[start:len(toks)-1], " "))
	first := len(items)
	for i, it := range items {
		switch strings.Fields(it)[0] {
		case "constraint", "primary", "unique", "foreign", "check":
			if i < first {
				first = i
			}
		}
	}
	sort.Strings(items[first:])
	return "( " + strings.Join(items, " , ") + " )"
}

// sameSchema fails t with the changes that turn got into want.
func sameSchema(t *testing.T, m *retort.Migrator, what string, want, got *schema.Schema) {
	t.Helper()
	for _, s := range []*schema.Schema{want, got} {
		for _, tb := range s.Tables {
			tb.Def = canonicalDef(tb.Def)
		}
	}
	changes, err := m.Diff(got, want)
	if err != nil {
		t.Fatalf("%s: diff: %v", what, err)
	}
	if len(changes) > 0 {
		var b strings.Builder
		for _, c := range changes {
			b.WriteString("\n  " + c.String())
		}
		for _, w := range want.Tables {
			if g := got.Table(w.Schema, w.Name); g != nil && g.Def != w.Def {
				fmt.Fprintf(&b, "\n  table %s:\n    alembic: %s\n    retort:  %s", w.Name, w.Def, g.Def)
			}
		}
		t.Errorf("%s: the imported history's schema differs from Alembic's; changes that would make it Alembic's:%s", what, b.String())
	}
}

// viaAlembic are the histories also imported --via-alembic (SQLite's
// batch mode needs a live database: TestViaAlembicSQLiteBatch).
var viaAlembic = map[string]bool{"postgres/shop": true, "postgres/pgtypes": true, "mysql/server": true, "postgres/styles": true}

func TestOracleSchema(t *testing.T) {
	t.Parallel()
	python(t)
	for h, dias := range histories {
		for _, dia := range dias {
			for _, via := range []bool{false, true} {
				if via && !viaAlembic[dia+"/"+h] {
					continue
				}
				name := dia + "/" + h
				if via {
					name += "/via-alembic"
				}
				t.Run(name, func(t *testing.T) { oracleSchema(t, h, dia, via) })
			}
		}
	}
}

// oracleSchema compares history h imported for dia (through Alembic when
// via) with Alembic's own run.
func oracleSchema(t *testing.T, h, dia string, via bool) {
	t.Parallel()
	dir := filepath.Join("testdata", h)
	d, err := registry.Lookup(dia)
	if err != nil {
		t.Fatal(err)
	}
	opts := alembic.Options{Dialect: d, ViaAlembic: via, Python: python(t)}
	if via && dia == testutil.MySQL {
		opts.SQLAlchemyDialect = "mariadb" // the test server is MariaDB
	}
	revs, rep, err := alembic.Import(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Manual) > 0 {
		t.Fatalf("%d blocks left for a person, first: %+v", len(rep.Manual), rep.Manual[0])
	}
	files := writeImport(t, revs)
	want, got := testutil.New(t, dia), testutil.New(t, dia)
	al := alembicUp(t, dir, want)
	mg := open(t, got, files)
	if _, err := mg.Upgrade(context.Background(), "heads"); err != nil {
		t.Fatalf("retort upgrade heads of the import: %v", err)
	}
	mw := open(t, want, files)
	ws, err := mw.Inspect(context.Background(), schema.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	gs, err := mg.Inspect(context.Background(), schema.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Tables) == 0 {
		t.Fatal("Alembic created no tables: the test is broken")
	}
	sameSchema(t, mg, "upgrade heads", ws, gs)

	al.down()
	if _, err := mg.Downgrade(context.Background(), "base"); err != nil {
		t.Fatalf("retort downgrade base of the import: %v", err)
	}
	ws, err = mw.Inspect(context.Background(), schema.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	gs, err = mg.Inspect(context.Background(), schema.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sameSchema(t, mg, "downgrade base", ws, gs)
}

// TestViaAlembicSQLiteBatch: Alembic's offline mode cannot write a SQLite
// batch (it reflects the table from a live database), so those sections
// become blocks for a person, with Alembic's reason; the rest is rendered.
func TestViaAlembicSQLiteBatch(t *testing.T) {
	t.Parallel()
	d, err := registry.Lookup(testutil.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	revs, rep, err := alembic.Import(context.Background(), filepath.Join("testdata", "shop"), alembic.Options{Dialect: d, ViaAlembic: true, Python: python(t)})
	if err != nil {
		t.Fatal(err)
	}
	var where []string
	for _, m := range rep.Manual {
		where = append(where, filepath.Base(m.Pos)+" "+m.Section)
		if !strings.Contains(m.Reason, "batch mode with dialect sqlite requires a live database connection") {
			t.Errorf("%s: reason %q", m.Pos, m.Reason)
		}
	}
	want := "[5e6f708192a3_batch_changes.py:17 upgrade 5e6f708192a3_batch_changes.py:31 downgrade 6f708192a3b4_audit.py:17 upgrade]"
	if fmt.Sprint(where) != want {
		t.Errorf("blocks at %v, want %s", where, want)
	}
	if rep.Translated != len(revs)-2 || !strings.Contains(revs[0].File.Upgrade, "CREATE TABLE orgs") {
		t.Errorf("translated %d of %d; first upgrade:\n%s", rep.Translated, len(revs), revs[0].File.Upgrade)
	}
}

// alembicGraph is what Alembic's ScriptDirectory reads of each project
// named on the command line (one Python process for all of them).
const alembicGraphPy = `
import json, sys
from alembic import util
from alembic.script import ScriptDirectory
res = {}
for d in sys.argv[1:]:
    sd = ScriptDirectory(d)
    out = {"heads": sorted(sd.get_heads()), "revs": {}}
    for s in sd.walk_revisions():
        out["revs"][s.revision] = {
            "parents": list(s._versioned_down_revisions),
            "labels": sorted(s._orig_branch_labels),
            "depends_on": list(util.to_tuple(s.dependencies, default=())),
            "doc": s.doc,
        }
    res[d] = out
json.dump(res, sys.stdout)
`

type alembicGraph struct {
	Heads []string `json:"heads"`
	Revs  map[string]struct {
		Parents   []string `json:"parents"`
		Labels    []string `json:"labels"`
		DependsOn []string `json:"depends_on"`
		Doc       string   `json:"doc"`
	} `json:"revs"`
}

func TestOracleGraph(t *testing.T) {
	t.Parallel()
	py := python(t)
	d, err := registry.Lookup(testutil.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"shop", "labels", "server", "pgtypes", "styles", "blog", "manual"}
	var dirs []string
	for _, h := range names {
		dirs = append(dirs, filepath.Join("testdata", h))
	}
	out, err := exec.Command(py, append([]string{"-c", alembicGraphPy}, dirs...)...).Output()
	if err != nil {
		t.Fatalf("alembic: %v", err)
	}
	var graphs map[string]alembicGraph
	if err := json.Unmarshal(out, &graphs); err != nil {
		t.Fatal(err)
	}
	for _, h := range names {
		t.Run(h, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("testdata", h)
			want, ok := graphs[dir]
			if !ok {
				t.Fatalf("Alembic read no graph of %s", dir)
			}
			revs, _, err := alembic.Import(context.Background(), dir, alembic.Options{Dialect: d})
			if err != nil {
				t.Fatal(err)
			}
			if len(revs) != len(want.Revs) {
				t.Fatalf("imported %d revisions, Alembic has %d", len(revs), len(want.Revs))
			}
			for _, r := range revs {
				w, ok := want.Revs[r.File.ID]
				if !ok {
					t.Errorf("revision %s is not Alembic's", r.File.ID)
					continue
				}
				labels := append([]string(nil), r.File.BranchLabels...)
				sort.Strings(labels)
				if fmt.Sprint(r.File.Parents) != fmt.Sprint(w.Parents) || fmt.Sprint(labels) != fmt.Sprint(w.Labels) ||
					fmt.Sprint(r.File.DependsOn) != fmt.Sprint(w.DependsOn) || r.File.Message != w.Doc {
					t.Errorf("revision %s: imported parents %v labels %v depends_on %v message %q; Alembic: %v %v %v %q",
						r.File.ID, r.File.Parents, labels, r.File.DependsOn, r.File.Message, w.Parents, w.Labels, w.DependsOn, w.Doc)
				}
			}
			// The graph retort reads from the written files has Alembic's heads.
			m, err := retort.Open(context.Background(), nil, nil, retort.WithDialect(testutil.SQLite), retort.WithVersionDirs(writeImport(t, revs)))
			if err != nil {
				t.Fatal(err)
			}
			var heads []string
			for _, hd := range m.Heads() {
				heads = append(heads, hd.ID)
			}
			sort.Strings(heads)
			if fmt.Sprint(heads) != fmt.Sprint(want.Heads) {
				t.Errorf("heads %v, Alembic's %v", heads, want.Heads)
			}
		})
	}
}
