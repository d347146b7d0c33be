package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// restricted creates a database user for the project's database with the
// grants given, returns a config file that connects as it, and drops the
// user when the test ends.
func (p *project) restricted(grants func(user string) []string) (toml, user string) {
	p.t.Helper()
	b := make([]byte, 4)
	rand.Read(b)
	user = "retort_u_" + hex.EncodeToString(b)
	u, err := url.Parse(p.db.URL)
	if err != nil {
		p.t.Fatal(err)
	}
	var setup, teardown []string
	switch p.db.Dialect {
	case testutil.Postgres:
		setup = []string{"CREATE ROLE " + user + " LOGIN"}
		teardown = []string{"DROP OWNED BY " + user, "DROP ROLE " + user}
		u.User = url.User(user)
	case testutil.MySQL:
		setup = []string{"CREATE USER '" + user + "'@'%'",
			// to connect to the database at all
			"GRANT SELECT ON " + p.db.Name + ".steplog TO '" + user + "'@'%'"}
		teardown = []string{"DROP USER '" + user + "'@'%'"}
		u.User = url.User(user)
	}
	for _, q := range append(setup, grants(user)...) {
		if _, err := p.db.DB.Exec(q); err != nil {
			p.t.Fatalf("%s: %v", q, err)
		}
	}
	p.t.Cleanup(func() {
		for _, q := range teardown {
			if _, err := p.db.DB.Exec(q); err != nil {
				p.t.Errorf("%s: %v", q, err)
			}
		}
	})
	toml = filepath.Join(p.dir, user+".toml")
	write(p.t, toml, fmt.Sprintf("script_location = \".\"\nurl = %q\n", u.String()))
	return toml, user
}

// state is what the database holds: version rows, history rows, side
// effects, tables.
func (p *project) state() string {
	p.t.Helper()
	return fmt.Sprintf("rows=%v history=%v steplog=%v tables=%v",
		p.query("SELECT version_num FROM alembic_version"),
		p.query("SELECT CONCAT(revision, ':', status, ':', executed) FROM retort_history ORDER BY id"),
		p.query("SELECT name FROM steplog ORDER BY name"), p.tables())
}

// A user without rights on the bookkeeping tables is told so, with the
// grants, by current, status and upgrade: none exits 0, none reports a
// state it could not read (MariaDB's information_schema hides such a
// table, which once read as "no version table": empty current, status
// <base>). With SELECT only, current and status read the truth and upgrade
// fails on its first bookkeeping write, leaving everything as it was.
func TestPrivilegeErrors(t *testing.T) {
	t.Parallel()
	for _, d := range []string{testutil.Postgres, testutil.MySQL} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, d)
			if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
				t.Fatal(err)
			}
			var revs []string
			for i := range 3 {
				revs = append(revs, p.add(
					fmt.Sprintf("CREATE TABLE t_%d (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up %d');", i, i),
					fmt.Sprintf("DROP TABLE t_%d;", i)))
			}
			p.mustRun("upgrade", revs[1])
			before := p.state()
			qual := func(tbl string) string {
				if d == testutil.MySQL {
					return p.db.Name + "." + tbl
				}
				return tbl
			}
			grantLine := "GRANT SELECT, INSERT, UPDATE, DELETE ON " + qual("alembic_version") + " TO "

			none, _ := p.restricted(func(string) []string { return nil })
			for _, args := range [][]string{{"current"}, {"status"}, {"upgrade", "head"}} {
				r := p.runWith(none, args...)
				if r.err == nil {
					t.Errorf("no rights: %s exited 0\nstdout: %s\nstderr: %s", args[0], r.stdout, r.stderr)
				}
				t.Logf("no rights: %s: %s", args[0], r.stderr)
				if !strings.Contains(r.stderr, "lacks a privilege") || !strings.Contains(r.stderr, grantLine) {
					t.Errorf("no rights: %s must say a privilege is missing and give the grant; stderr:\n%s", args[0], r.stderr)
				}
				if strings.Contains(r.stdout, "<base>") || strings.Contains(r.stdout, revs[0]) {
					t.Errorf("no rights: %s reported a state it could not read: %s", args[0], r.stdout)
				}
			}
			if after := p.state(); after != before {
				t.Errorf("no rights: state changed\nbefore: %s\nafter:  %s", before, after)
			}

			readOnly, user := p.restricted(func(user string) []string {
				gs := []string{"GRANT SELECT ON " + qual("alembic_version") + " TO " + account(d, user),
					"GRANT SELECT ON " + qual("retort_history") + " TO " + account(d, user)}
				if d == testutil.Postgres {
					// the revision itself may run: the bookkeeping fails
					gs = append(gs, "GRANT CREATE ON SCHEMA public TO "+user, "GRANT INSERT ON steplog TO "+user)
				}
				return gs
			})
			if r := p.runWith(readOnly, "current"); r.err != nil || !strings.Contains(r.stdout, revs[1]) {
				t.Errorf("SELECT only: current = %v, %q, %s", r.err, r.stdout, r.stderr)
			}
			if r := p.runWith(readOnly, "status"); r.err != nil || !strings.Contains(r.stdout+r.stderr, revs[2]) {
				t.Errorf("SELECT only: status must show %s pending: %v\n%s%s", revs[2], r.err, r.stdout, r.stderr)
			}
			r := p.runWith(readOnly, "upgrade", "head")
			t.Logf("SELECT only: upgrade: %s", r.stderr)
			if r.err == nil || !strings.Contains(r.stderr, "lacks a privilege") || !strings.Contains(r.stderr, grantLine) {
				t.Errorf("SELECT only: upgrade = %v; stderr:\n%s", r.err, r.stderr)
			}
			if after := p.state(); after != before {
				t.Errorf("SELECT only: state changed\nbefore: %s\nafter:  %s", before, after)
			}
			if !slices.Equal(p.query("SELECT version_num FROM alembic_version"), []string{revs[1]}) {
				t.Error("version rows changed")
			}

			// The grants the message gives are what the run needs (with
			// what the revision itself needs), as an administrator would
			// paste them.
			for _, line := range strings.Split(r.stderr, "\n") {
				if g, ok := strings.CutPrefix(strings.TrimSpace(line), "GRANT "); ok {
					if _, err := p.db.DB.Exec("GRANT " + strings.TrimSuffix(g, ";")); err != nil {
						t.Fatalf("the suggested grant fails: %s: %v", line, err)
					}
				}
			}
			if d == testutil.MySQL {
				if _, err := p.db.DB.Exec("GRANT CREATE, INSERT ON " + p.db.Name + ".* TO " + account(d, user)); err != nil {
					t.Fatal(err)
				}
			}
			if r := p.runWith(readOnly, "upgrade", "head"); r.err != nil {
				t.Fatalf("after the suggested grants, upgrade = %v\n%s", r.err, r.stderr)
			}
			if rows := p.query("SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{revs[2]}) {
				t.Errorf("after the suggested grants, rows = %v", rows)
			}
		})
	}
}

func account(dialect, user string) string {
	if dialect == testutil.MySQL {
		return "'" + user + "'@'%'"
	}
	return user
}

// A SQLite database opened read-only (mode=ro; file modes would not stop
// root, which runs the tests here) reads fine and refuses writes with a
// message saying it is read-only, leaving it as it was.
func TestSQLiteReadOnly(t *testing.T) {
	t.Parallel()
	p := newProject(t, testutil.SQLite)
	if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	r1 := p.add("CREATE TABLE t_1 (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up 1');", "DROP TABLE t_1;")
	r2 := p.add("CREATE TABLE t_2 (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up 2');", "DROP TABLE t_2;")
	p.mustRun("upgrade", r1)
	before := p.state()
	ro := filepath.Join(p.dir, "ro.toml")
	write(t, ro, fmt.Sprintf("script_location = \".\"\nurl = %q\n", "file:"+p.db.Name+"?mode=ro"))
	if r := p.runWith(ro, "current"); r.err != nil || !strings.Contains(r.stdout, r1) {
		t.Errorf("current on a read-only database = %v, %q, %s", r.err, r.stdout, r.stderr)
	}
	for _, args := range [][]string{{"upgrade", "head"}, {"stamp", r2}, {"downgrade", "base"}} {
		r := p.runWith(ro, args...)
		t.Logf("%s: %s", args[0], r.stderr)
		if r.err == nil || !strings.Contains(r.stderr, "read-only") {
			t.Errorf("%s on a read-only database = %v; stderr:\n%s", args[0], r.err, r.stderr)
		}
	}
	if after := p.state(); after != before {
		t.Errorf("state changed\nbefore: %s\nafter:  %s", before, after)
	}
}

// A SQLite file the user may not write (root's, mode 0644, as another
// user: root itself ignores file modes) reads fine and refuses a run
// before anything runs, saying the file is not writable.
func TestSQLiteFileNotWritable(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("runs retort as another user, which needs root")
	}
	p := newProject(t, testutil.SQLite)
	if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	r1 := p.add("CREATE TABLE t_1 (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up 1');", "DROP TABLE t_1;")
	p.add("CREATE TABLE t_2 (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up 2');", "DROP TABLE t_2;")
	p.mustRun("upgrade", r1)
	before := p.state()
	if err := os.Chmod(filepath.Dir(p.db.Name), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p.db.Name, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := p.runAsNobody("current"); r.err != nil || !strings.Contains(r.stdout, r1) {
		t.Errorf("current on a file the user may not write = %v, %q, %s", r.err, r.stdout, r.stderr)
	}
	r := p.runAsNobody("upgrade", "head")
	t.Logf("upgrade: %s", r.stderr)
	if r.err == nil || !strings.Contains(r.stderr, "not writable by this user") || strings.Contains(r.stderr, "Running upgrade") {
		t.Errorf("upgrade on a file the user may not write = %v; stderr:\n%s", r.err, r.stderr)
	}
	if after := p.state(); after != before {
		t.Errorf("state changed\nbefore: %s\nafter:  %s", before, after)
	}
}
