package retort_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
)

// spec is one revision of a test graph: "id: parent parent {deps:x,y} {labels:l}".
type spec struct {
	id, parents, deps, labels string
	up, down                  string // extra SQL; "" = the default log statements
	noTx                      bool
}

// graphFS renders specs as revision files (load order = listed order).
// Every upgrade creates t_<id> and logs "up <id>" into runlog; every
// downgrade drops it and logs "down <id>".
func graphFS(specs ...spec) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i, s := range specs {
		up := fmt.Sprintf("CREATE TABLE t_%s (id INTEGER);\nINSERT INTO runlog (rev) VALUES ('up %s');\n%s", s.id, s.id, s.up)
		down := fmt.Sprintf("DROP TABLE t_%s;\nINSERT INTO runlog (rev) VALUES ('down %s');\n%s", s.id, s.id, s.down)
		f := script.NewFile{ID: s.id, Message: "rev " + s.id, Parents: strings.Fields(s.parents),
			DependsOn: strings.Fields(s.deps), BranchLabels: strings.Fields(s.labels), Upgrade: up, Downgrade: down, NoTransaction: s.noTx}
		fsys[fmt.Sprintf("versions/%03d_%s.sql", i, s.id)] = &fstest.MapFile{Data: script.Render(f)}
	}
	return fsys
}

// linear specs "a: ; b: a; …".
func linear(ids ...string) []spec {
	var out []spec
	for i, id := range ids {
		s := spec{id: id}
		if i > 0 {
			s.parents = ids[i-1]
		}
		out = append(out, s)
	}
	return out
}

// tdb is a test database with the runlog table.
type tdb struct {
	*testutil.DB
	t *testing.T
}

func newDB(t *testing.T, dialect string) *tdb {
	t.Helper()
	d := &tdb{DB: testutil.New(t, dialect), t: t}
	switch dialect {
	case testutil.Postgres:
		d.exec("CREATE TABLE runlog (seq SERIAL PRIMARY KEY, rev VARCHAR(64) NOT NULL)")
	case testutil.MySQL:
		d.exec("CREATE TABLE runlog (seq INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, rev VARCHAR(64) NOT NULL)")
	default:
		d.exec("CREATE TABLE runlog (seq INTEGER PRIMARY KEY, rev VARCHAR(64) NOT NULL)")
	}
	return d
}

func (d *tdb) exec(q string, args ...any) {
	d.t.Helper()
	if _, err := d.DB.DB.ExecContext(context.Background(), q, args...); err != nil {
		d.t.Fatalf("%s: %v", q, err)
	}
}

func (d *tdb) open(fsys fstest.MapFS, opts ...retort.Option) *retort.Migrator {
	d.t.Helper()
	m, err := retort.Open(context.Background(), d.DB.DB, fsys, opts...)
	if err != nil {
		d.t.Fatal(err)
	}
	return m
}

// log returns and clears the runlog.
func (d *tdb) log() []string {
	d.t.Helper()
	out := queryStrings(d.t, d.DB.DB, "SELECT rev FROM runlog ORDER BY seq")
	d.exec("DELETE FROM runlog")
	return out
}

func (d *tdb) rows() []string {
	d.t.Helper()
	if !slices.Contains(d.tables(), "alembic_version") {
		return []string{}
	}
	rows := queryStrings(d.t, d.DB.DB, "SELECT version_num FROM alembic_version")
	sort.Strings(rows)
	return rows
}

// tables lists the user tables (sorted), bookkeeping tables included.
func (d *tdb) tables() []string {
	d.t.Helper()
	var q string
	switch d.Dialect {
	case testutil.Postgres:
		q = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
	case testutil.MySQL:
		q = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"
	default:
		q = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"
	}
	return queryStrings(d.t, d.DB.DB, q)
}

func queryStrings(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	r, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer r.Close()
	out := []string{}
	for r.Next() {
		var s string
		if err := r.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	if s == nil {
		s = []string{}
	}
	return s
}

// runClient feeds a script to the database's own command-line client.
func runClient(t *testing.T, db *testutil.DB, sqlText string) {
	t.Helper()
	var cmd *exec.Cmd
	switch db.Dialect {
	case testutil.Postgres:
		cmd = exec.Command("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.URL, "-f", "-")
	case testutil.MySQL:
		u, err := url.Parse(db.URL)
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"-h", u.Hostname(), "-P", u.Port(), "-u", u.User.Username()}
		if p, ok := u.User.Password(); ok {
			args = append(args, "-p"+p)
		}
		cmd = exec.Command("mariadb", append(args, db.Name)...)
	default:
		cmd = exec.Command("sqlite3", "-bail", db.Name)
	}
	if cmd.Err != nil {
		t.Skipf("client %s not installed", cmd.Args[0])
	}
	cmd.Stdin = strings.NewReader(sqlText)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s\nscript:\n%s", cmd.Args[0], err, out, sqlText)
	}
}
