package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/testutil"
)

// A database that takes no writes is refused before anything runs, with
// the reason, while reading it still works: PostgreSQL with
// default_transaction_read_only on (what a hot standby reports too), SQLite
// with PRAGMA query_only. (MariaDB's read_only is global to the server; the
// shared test server cannot be switched for one test.)
func TestReadOnlyTargetsRefusedBeforeAnything(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		dialect string
		setup   func(p *project) string // returns the URL of the read-only target
		reason  string
	}{
		{testutil.Postgres, func(p *project) string {
			if _, err := p.db.DB.Exec(fmt.Sprintf("ALTER DATABASE %q SET default_transaction_read_only = on", p.db.Name)); err != nil {
				t.Fatal(err)
			}
			return p.db.URL // new sessions are read-only
		}, "the session is read-only (transaction_read_only is on"},
		{testutil.SQLite, func(p *project) string {
			return p.db.URL + "?_pragma=query_only(1)"
		}, "the connection is read-only (PRAGMA query_only is on)"},
	} {
		t.Run(c.dialect, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, c.dialect)
			if _, err := p.db.DB.Exec("CREATE TABLE steplog (name VARCHAR(64) NOT NULL)"); err != nil {
				t.Fatal(err)
			}
			r1 := p.add("CREATE TABLE t_1 (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up 1');", "DROP TABLE t_1;")
			r2 := p.add("CREATE TABLE t_2 (id INTEGER PRIMARY KEY);\nINSERT INTO steplog (name) VALUES ('up 2');", "DROP TABLE t_2;")
			p.mustRun("upgrade", r1)
			before := p.state()
			ro := filepath.Join(p.dir, "ro.toml")
			write(t, ro, fmt.Sprintf("script_location = \".\"\nurl = %q\n", c.setup(p)))
			if r := p.runWith(ro, "current"); r.err != nil || !strings.Contains(r.stdout, r1) {
				t.Errorf("current on a read-only database = %v, %q, %s", r.err, r.stdout, r.stderr)
			}
			for _, args := range [][]string{{"upgrade", "head"}, {"stamp", r2}, {"downgrade", "base"}} {
				r := p.runWith(ro, args...)
				if r.err == nil || !strings.Contains(r.stderr, c.reason) || !strings.Contains(r.stderr, "nothing was run") {
					t.Errorf("%s on a read-only database = %v; stderr:\n%s", args[0], r.err, r.stderr)
				}
			}
			if r := p.runWith(ro, "upgrade", r1); r.err != nil {
				t.Errorf("an upgrade with nothing to do needs no writes, yet: %v %s", r.err, r.stderr)
			}
			if after := p.state(); after != before {
				t.Errorf("state changed\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

// On every dialect a writable database passes the check (the query each
// dialect asks works on the real server), and the MariaDB read_only query
// answers as the server is set.
func TestWritableCheckOnWritableServers(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			d, err := registry.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			w, ok := d.(dialect.WritableChecker)
			if !ok {
				t.Fatalf("%s has no writable check", name)
			}
			if err := w.CheckWritable(context.Background(), db.DB); err != nil {
				t.Errorf("a writable %s database refused: %v", name, err)
			}
		})
	}
}
