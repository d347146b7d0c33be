package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// Adopting an existing database, as the tutorial says, on every dialect:
// revision --autogenerate --baseline with no models configured writes the
// revision, stamp head marks the database without running it (its rows
// stay), and a second --baseline is refused with exit 2 and writes nothing.
// The revision applied to an empty database creates the same tables.
func TestBaselineAdoptsDatabase(t *testing.T) {
	t.Parallel()
	seed := map[string][]string{
		testutil.Postgres: {
			"CREATE TABLE authors (id serial PRIMARY KEY, name varchar(100) NOT NULL UNIQUE)",
			"CREATE TABLE books (id serial PRIMARY KEY, author_id integer NOT NULL REFERENCES authors (id), title text NOT NULL DEFAULT 'untitled')",
		},
		testutil.MySQL: {
			"CREATE TABLE authors (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE)",
			"CREATE TABLE books (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, author_id INT NOT NULL, title VARCHAR(200) NOT NULL DEFAULT 'untitled', FOREIGN KEY (author_id) REFERENCES authors (id))",
		},
		testutil.SQLite: {
			"CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE)",
			"CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id), title TEXT NOT NULL DEFAULT 'untitled')",
		},
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, d)
			for _, q := range append(seed[d], "INSERT INTO authors (name) VALUES ('ann'), ('bo')", "INSERT INTO books (author_id) VALUES (1), (2)") {
				if _, err := db.DB.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "retort.toml")
			if err := os.WriteFile(cfg, []byte("url = \""+db.URL+"\"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			files := func() []string {
				m, _ := filepath.Glob(filepath.Join(dir, "versions", "*.sql"))
				return m
			}
			r := run(t, Options{}, "-c", cfg, "revision", "--baseline", "-m", "baseline")
			if r.code != 2 || !strings.Contains(r.err, "--baseline goes with --autogenerate") || len(files()) != 0 {
				t.Fatalf("--baseline alone: exit %d, %d files\nstderr: %s", r.code, len(files()), r.err)
			}
			r = run(t, Options{}, "-c", cfg, "revision", "--autogenerate", "--baseline", "-m", "baseline", "--rev-id", "b1")
			if r.code != 0 || len(files()) != 1 {
				t.Fatalf("baseline: exit %d, files %v\nstdout: %s\nstderr: %s", r.code, files(), r.out, r.err)
			}
			body, err := os.ReadFile(files()[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"CREATE TABLE", "authors", "books", "DROP TABLE"} {
				if !strings.Contains(string(body), want) {
					t.Errorf("baseline file lacks %q:\n%s", want, body)
				}
			}
			if strings.Contains(string(body), "alembic_version") || strings.Contains(string(body), "retort_history") {
				t.Errorf("bookkeeping tables in the baseline:\n%s", body)
			}
			if r := run(t, Options{}, "-c", cfg, "stamp", "head"); r.code != 0 {
				t.Fatalf("stamp: exit %d\nstderr: %s", r.code, r.err)
			}
			if rows := db.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{"b1"}) {
				t.Errorf("version rows %v", rows)
			}
			if n := db.Strings(t, "SELECT COUNT(*) FROM books"); !slices.Equal(n, []string{"2"}) {
				t.Errorf("books after stamp: %v", n)
			}
			// At a revision: refused, exit 2, nothing written.
			r = run(t, Options{}, "-c", cfg, "revision", "--autogenerate", "--baseline", "-m", "again")
			if r.code != 2 || !strings.Contains(r.err, "already at revision b1") || len(files()) != 1 {
				t.Fatalf("second baseline: exit %d, files %v\nstderr: %s", r.code, files(), r.err)
			}
			if rows := db.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{"b1"}) {
				t.Errorf("version rows after refusal %v", rows)
			}

			// The revision builds the same tables on an empty database.
			empty := testutil.New(t, d)
			cfg2 := filepath.Join(dir, "empty.toml")
			if err := os.WriteFile(cfg2, []byte("script_location = \""+dir+"\"\nurl = \""+empty.URL+"\"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if r := run(t, Options{}, "-c", cfg2, "upgrade", "head"); r.code != 0 {
				t.Fatalf("upgrade: exit %d\nstderr: %s", r.code, r.err)
			}
			if _, err := empty.DB.Exec("INSERT INTO authors (name) VALUES ('cy')"); err != nil {
				t.Fatal(err)
			}
			if _, err := empty.DB.Exec("INSERT INTO books (author_id) VALUES (99)"); err == nil {
				t.Error("the baseline lost the foreign key of books")
			}
			if r := run(t, Options{}, "-c", cfg2, "downgrade", "base"); r.code != 0 {
				t.Fatalf("downgrade: exit %d\nstderr: %s", r.code, r.err)
			}
		})
	}
}
