package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// retort lint --stairway measures the downgrade on a scratch database on
// the configured server: a revision whose DDL lint cannot read (CREATE
// TABLE … AS SELECT) and whose downgrade leaves its table is reported once,
// at the downgrade, in text, JSON and GitHub formats; the scratch database
// is gone afterwards and the configured database holds nothing.
func TestLintStairwayCLI(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, d)
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
				t.Fatal(err)
			}
			write := func(name, body string) {
				t.Helper()
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			file := func(id, parent, msg, up, down string) string {
				return "-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
					"\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n" + up + "\n\n-- +retort downgrade\n" + down + "\n"
			}
			write("retort.toml", "url = \""+db.URL+"\"\n")
			write("versions/a1_users.sql", file("a1", "", "create users", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100));", "DROP TABLE users;"))
			dropIx := "DROP INDEX ix_emails;"
			if d == testutil.MySQL {
				dropIx = "DROP INDEX ix_emails ON emails;"
			}
			write("versions/a2_emails.sql", file("a2", "a1", "copy emails", "CREATE TABLE emails AS SELECT id, email FROM users;\nCREATE INDEX ix_emails ON emails (email);", dropIx))
			const downLine = 11 // the downgrade marker of a2
			cfg := filepath.Join(dir, "retort.toml")
			lint := func(args ...string) runOut {
				return run(t, Options{}, append([]string{"-c", cfg, "lint"}, args...)...)
			}
			gone := func(r runOut) {
				t.Helper()
				names := regexp.MustCompile(`retort_scratch_[0-9a-f]+`).FindAllString(r.err, -1)
				if len(names) == 0 {
					t.Fatalf("no scratch database named on stderr:\n%s", r.err)
				}
				assertScratchDropped(t, d, db, names)
			}

			// From the DDL alone the CREATE TABLE … AS is unreadable: no
			// downgrade finding.
			if r := lint("--json"); strings.Contains(r.out, "downgrade-not-reverse") {
				t.Errorf("without --stairway: %s", r.out)
			}

			r := lint("--stairway", "--json")
			if r.code != ExitFailure {
				t.Errorf("--stairway --json: exit %d\n%s%s", r.code, r.out, r.err)
			}
			var got lintJSON
			if err := json.Unmarshal([]byte(r.out), &got); err != nil {
				t.Fatalf("json: %v\n%s", err, r.out)
			}
			var rev []retort.Finding
			for _, f := range got.Findings {
				if f.Rule == "downgrade-not-reverse" {
					rev = append(rev, f)
				}
			}
			if len(rev) != 1 || rev[0].Revision != "a2" || rev[0].Line != downLine || rev[0].Section != "downgrade" ||
				!strings.Contains(rev[0].Message, "emails") || !strings.HasSuffix(rev[0].File, "versions/a2_emails.sql") {
				t.Errorf("findings %+v", got.Findings)
			}
			gone(r)

			r = lint("--stairway", "--format", "github")
			want := "::error file=" // the path is absolute or relative to the working directory
			line := ""
			for _, l := range strings.Split(r.out, "\n") {
				if strings.Contains(l, "title=retort lint downgrade-not-reverse::") {
					if line != "" {
						t.Errorf("two annotations:\n%s", r.out)
					}
					line = l
				}
			}
			if !strings.HasPrefix(line, want) || !strings.Contains(line, "a2_emails.sql,line=11,") || !strings.Contains(line, "emails") {
				t.Errorf("github: %q\n%s", line, r.out)
			}
			gone(r)

			r = lint("--stairway")
			if r.code != ExitFailure || strings.Count(r.out, "[downgrade-not-reverse]") != 1 || !strings.Contains(r.out, "a2_emails.sql:11:") {
				t.Errorf("text: exit %d\n%s%s", r.code, r.out, r.err)
			}
			gone(r)

			// The configured database was never written.
			m, err := retortOpen(db)
			if err != nil {
				t.Fatal(err)
			}
			s, err := m.Inspect(context.Background(), schema.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Tables) != 0 {
				t.Errorf("the configured database holds tables: %v", s.Tables)
			}
		})
	}
}

func retortOpen(db *testutil.DB) (*retort.Migrator, error) {
	return retort.Open(context.Background(), db.DB, nil)
}

// assertScratchDropped checks that the scratch databases cannot be reached.
func assertScratchDropped(t *testing.T, name string, db *testutil.DB, names []string) {
	t.Helper()
	d, err := registry.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	srv, ok := d.(dialect.ScratchServer)
	if !ok {
		return // in memory: gone with its connection
	}
	for _, n := range names {
		ds, err := srv.ScratchDataSource(db.DataSource, n)
		if err != nil {
			t.Fatal(err)
		}
		sdb, err := sql.Open(db.DriverName, ds)
		if err != nil {
			t.Fatal(err)
		}
		if err := sdb.PingContext(context.Background()); err == nil {
			t.Errorf("scratch database %s still exists", n)
		}
		sdb.Close()
	}
}

// lint --stairway refuses, before making anything, a --dialect that is not
// the configured server's, and a dialect without a server to make the
// scratch database on.
func TestLintStairwayBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "retort.toml")
	if err := os.WriteFile(cfg, []byte("script_location = \".\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rev := "-- create users\n--\n-- Revision ID: a1\n-- Revises: \n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n" +
		"CREATE TABLE users (id INTEGER PRIMARY KEY);\n\n-- +retort downgrade\nDROP TABLE users;\n"
	if err := os.WriteFile(filepath.Join(dir, "versions", "a1_users.sql"), []byte(rev), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, Options{}, "-c", cfg, "lint", "--stairway", "--dialect", "postgres")
	if r.code != ExitFailure || !strings.Contains(r.err, "lint --stairway on postgres needs a server to create its scratch databases on") {
		t.Errorf("no server: exit %d\n%s", r.code, r.err)
	}
	r = run(t, Options{}, "-c", cfg, "--url", "postgresql://u:sekret@127.0.0.1:1/x", "lint", "--stairway", "--dialect", "mysql")
	if r.code != ExitUsage || !strings.Contains(r.err, "--dialect mysql, but the configured database is postgres") || strings.Contains(r.err, "sekret") {
		t.Errorf("dialect mismatch: exit %d\n%s", r.code, r.err)
	}
	r = run(t, Options{}, "-c", cfg, "--url", "postgresql://u:sekret@127.0.0.1:1/x", "lint", "--stairway")
	if r.code != ExitFailure || !strings.Contains(r.err, "cannot create a scratch database") || strings.Contains(r.err, "sekret") {
		t.Errorf("unreachable server: exit %d\n%s", r.code, r.err)
	}
}
