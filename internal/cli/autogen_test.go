package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// The autogenerate cycle on every dialect, as a user runs it: models →
// revision --autogenerate → upgrade → check clean → change the models →
// check fails and lists the change → autogenerate → upgrade → check clean →
// downgrade base leaves no tables.
func TestAutogenerateCycle(t *testing.T) {
	t.Parallel()
	v1 := `CREATE TABLE authors (
    id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);
`
	v2 := v1 + `CREATE TABLE books (
    id INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    price NUMERIC(10, 2),
    PRIMARY KEY (id),
    FOREIGN KEY (author_id) REFERENCES authors (id)
);
CREATE INDEX ix_books_title ON books (title);
`
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, d)
			dir := t.TempDir()
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(os.MkdirAll(filepath.Join(dir, "versions"), 0o755))
			cfg := filepath.Join(dir, "retort.toml")
			must(os.WriteFile(cfg, []byte("url = \""+db.URL+"\"\nmodels = [\"schema.sql\"]\n"), 0o644))
			models := filepath.Join(dir, "schema.sql")
			must(os.WriteFile(models, []byte(v1), 0o644))
			ok := func(args ...string) runOut {
				t.Helper()
				r := run(t, Options{}, append([]string{"-c", cfg}, args...)...)
				if r.code != 0 {
					t.Fatalf("retort %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.err)
				}
				return r
			}
			fails := func(want string, args ...string) runOut {
				t.Helper()
				r := run(t, Options{}, append([]string{"-c", cfg}, args...)...)
				if r.code == 0 || !strings.Contains(r.out+r.err, want) {
					t.Fatalf("retort %s: exit %d, want failure mentioning %q\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, want, r.out, r.err)
				}
				return r
			}
			files := func() []string {
				m, _ := filepath.Glob(filepath.Join(dir, "versions", "*.sql"))
				return m
			}

			r := fails("Detected added table 'authors'", "check")
			if !strings.Contains(r.err, "New upgrade operations detected") {
				t.Errorf("check must say new operations were detected; stderr: %s", r.err)
			}
			ok("revision", "--autogenerate", "-m", "authors")
			if n := len(files()); n != 1 {
				t.Fatalf("%d revision files after the first autogenerate, want 1", n)
			}
			fails("Target database is not up to date", "revision", "--autogenerate", "-m", "too early")
			fails("Target database is not up to date", "check")
			if n := len(files()); n != 1 {
				t.Fatalf("a refused autogenerate wrote a file (%d files)", n)
			}
			ok("upgrade", "head")
			if r := ok("check"); strings.TrimSpace(r.out) != "No new upgrade operations detected." {
				t.Fatalf("check after upgrade: %q", r.out)
			}
			r = ok("revision", "--autogenerate", "-m", "nothing")
			if len(files()) != 1 || !strings.Contains(r.err+r.out, "No changes in schema detected") {
				t.Fatalf("an empty autogenerate must write nothing and say so; %d files, output %s%s", len(files()), r.out, r.err)
			}

			must(os.WriteFile(models, []byte(v2), 0o644))
			r = fails("books", "check", "--json")
			if !strings.Contains(r.out, `"clean": false`) || !strings.Contains(r.out, `"op": "add_table"`) {
				t.Errorf("check --json: %s", r.out)
			}
			ok("revision", "--autogenerate", "-m", "books")
			ok("upgrade", "head")
			ok("check")

			ok("downgrade", "base")
			var left []string
			switch d {
			case testutil.SQLite:
				left = queryStrings(t, db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('authors', 'books')")
			case testutil.Postgres:
				left = queryStrings(t, db, "SELECT table_name FROM information_schema.tables WHERE table_name IN ('authors', 'books')")
			default:
				left = queryStrings(t, db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('authors', 'books')")
			}
			if len(left) != 0 {
				t.Fatalf("downgrade base left tables %v", left)
			}
		})
	}
}

func queryStrings(t *testing.T, db *testutil.DB, q string) []string {
	t.Helper()
	rows, err := db.DB.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}
