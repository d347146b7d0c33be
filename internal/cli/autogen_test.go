package cli

import (
	"encoding/json"
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
			autogenCycle(t, d, "schema.sql", map[string]string{"schema.sql": v1}, map[string]string{"schema.sql": v2}, []string{"authors", "books"})
		})
	}
}

// The same cycle with Go struct models: plain db/retort tags, and GORM's.
func TestAutogenerateGoModelsCycle(t *testing.T) {
	t.Parallel()
	plain1 := `package models

// Author writes books.
type Author struct {
	ID   int64  ` + "`db:\"id\" retort:\"pk\"`" + `
	Name string ` + "`db:\"name\" retort:\"size:100\"`" + `
}
`
	plain2 := `package models

import "time"

// Author writes books.
type Author struct {
	ID   int64   ` + "`db:\"id\" retort:\"pk\"`" + `
	Name string  ` + "`db:\"name\" retort:\"size:100\"`" + `
	Bio  *string ` + "`db:\"bio\" retort:\"size:500\"`" + `
}

// Book is written by an author.
type Book struct {
	ID        int64     ` + "`db:\"id\" retort:\"pk\"`" + `
	AuthorID  int64     ` + "`db:\"author_id\" retort:\"fk:authors.id;ondelete:cascade\"`" + `
	Title     string    ` + "`db:\"title\" retort:\"size:200;index\"`" + `
	Published time.Time ` + "`db:\"published\"`" + `
}
`
	gorm1 := `package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Name  string ` + "`gorm:\"size:100;not null\"`" + `
	Email string ` + "`gorm:\"uniqueIndex;size:200\"`" + `
}
`
	gorm2 := `package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Name  string ` + "`gorm:\"size:100;not null\"`" + `
	Email string ` + "`gorm:\"uniqueIndex;size:200\"`" + `
	Age   int
	Posts []Post
}

type Post struct {
	gorm.Model
	UserID uint
	Title  string ` + "`gorm:\"size:200;index\"`" + `
}
`
	for _, d := range testutil.Dialects() {
		t.Run("plain/"+d, func(t *testing.T) {
			t.Parallel()
			autogenCycle(t, d, "models", map[string]string{"models/models.go": plain1}, map[string]string{"models/models.go": plain2}, []string{"authors", "books"})
		})
		t.Run("gorm/"+d, func(t *testing.T) {
			t.Parallel()
			autogenCycle(t, d, "models", map[string]string{"models/models.go": gorm1}, map[string]string{"models/models.go": gorm2}, []string{"users", "posts"})
		})
	}
}

// autogenCycle runs, on a fresh database of dialect: check fails → revision
// --autogenerate → refused while not at heads → upgrade → check clean → an
// empty autogenerate writes nothing → models change → check --json lists it
// → autogenerate → upgrade → check clean → downgrade base leaves none of
// tables.
func autogenCycle(t *testing.T, d, models string, v1, v2 map[string]string, tables []string) {
	t.Helper()
	db := testutil.New(t, d)
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	writeAll := func(files map[string]string) {
		t.Helper()
		for name, body := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			must(os.MkdirAll(filepath.Dir(p), 0o755))
			must(os.WriteFile(p, []byte(body), 0o644))
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "versions"), 0o755))
	cfg := filepath.Join(dir, "retort.toml")
	must(os.WriteFile(cfg, []byte("url = \""+db.URL+"\"\nmodels = [\""+models+"\"]\n"), 0o644))
	writeAll(v1)
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

	r := fails("Detected added table '"+tables[0]+"'", "check")
	if !strings.Contains(r.err, "New upgrade operations detected") {
		t.Errorf("check must say new operations were detected; stderr: %s", r.err)
	}
	ok("revision", "--autogenerate", "-m", "first")
	if n := len(files()); n != 1 {
		t.Fatalf("%d revision files after the first autogenerate, want 1", n)
	}
	fails("Target database is not up to date", "revision", "--autogenerate", "-m", "too early")
	fails("Target database is not up to date", "check")
	// --json prints JSON in this outcome too.
	r = fails(`"up_to_date": false`, "check", "--json")
	var cj struct {
		Clean       bool
		UpToDate    *bool `json:"up_to_date"`
		Error       string
		Differences []any
	}
	if err := json.Unmarshal([]byte(r.out), &cj); err != nil || cj.UpToDate == nil || *cj.UpToDate || cj.Clean ||
		!strings.Contains(cj.Error, "Target database is not up to date") || cj.Differences == nil {
		t.Errorf("check --json when not at the heads: %v: %s", err, r.out)
	}
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

	writeAll(v2)
	r = fails(tables[1], "check", "--json")
	if !strings.Contains(r.out, `"clean": false`) || !strings.Contains(r.out, `"op": "add_table"`) {
		t.Errorf("check --json: %s", r.out)
	}
	ok("revision", "--autogenerate", "-m", "second")
	ok("upgrade", "head")
	if r := ok("check"); strings.TrimSpace(r.out) != "No new upgrade operations detected." {
		t.Fatalf("check after the second upgrade: %q", r.out)
	}

	ok("downgrade", "base")
	var left []string
	switch d {
	case testutil.SQLite:
		left = queryStrings(t, db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('alembic_version', 'retort_history') AND name NOT LIKE 'sqlite_%'")
	case testutil.Postgres:
		left = queryStrings(t, db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('alembic_version', 'retort_history')")
	default:
		left = queryStrings(t, db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN ('alembic_version', 'retort_history')")
	}
	if len(left) != 0 {
		t.Fatalf("downgrade base left tables %v", left)
	}
}

func queryStrings(t *testing.T, db *testutil.DB, q string) []string {
	t.Helper()
	return db.Strings(t, q)
}
