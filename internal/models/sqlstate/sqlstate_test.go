package sqlstate_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

func write(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func source(t *testing.T, dialect string, files ...string) sqlstate.Source {
	t.Helper()
	src := sqlstate.Source{Dialect: dialect, Files: files,
		Inspect: schema.InspectOptions{Skip: []string{"alembic_version"}}}
	if dialect != testutil.SQLite {
		db := testutil.New(t, dialect)
		src.DriverName, src.DataSource = db.DriverName, db.DataSource
	}
	return src
}

func TestLoad(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			f1 := write(t, "a.sql", "-- users\nCREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20));\n")
			f2 := write(t, "b.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));\nCREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);\n")
			s, err := sqlstate.Load(context.Background(), source(t, d, f1, f2))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tb := range s.Tables {
				names = append(names, tb.Name)
			}
			if got := strings.Join(names, ","); got != "posts,users" {
				t.Fatalf("tables = %s, want posts,users (version table skipped)", got)
			}
			if fk := s.Table("", "posts").ForeignKeys; len(fk) != 1 || fk[0].RefTable != "users" {
				t.Fatalf("foreign keys = %+v", fk)
			}
		})
	}
}

func TestLoadBadSQL(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			f := write(t, "schema.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n\n-- next\nCREATE TABLE b (id INTEGER PRIMARY KEY,\n  oops NOTATYPE(\n);\n")
			_, err := sqlstate.Load(context.Background(), source(t, d, f))
			var se *sqlstate.StmtError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a StmtError", err)
			}
			if se.Line != 4 || !strings.HasSuffix(se.File, "schema.sql") {
				t.Fatalf("error at %s:%d, want schema.sql:4 (%v)", se.File, se.Line, err)
			}
			if !strings.Contains(err.Error(), "schema.sql:4: ") {
				t.Fatalf("message %q does not name file:line", err)
			}
		})
	}
}

func TestLoadUnmanaged(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		testutil.Postgres: "CREATE TABLE a (id int);\nCREATE TYPE fr AS RANGE (subtype = float8);\n",
		testutil.MySQL:    "CREATE TABLE a (id int);\nCREATE TABLE hist (id int) WITH SYSTEM VERSIONING;\n",
		testutil.SQLite:   "CREATE TABLE a (id int);\nCREATE VIRTUAL TABLE v USING fts5(x);\n",
	}
	want := map[string]string{testutil.Postgres: "range type fr", testutil.MySQL: "system versioned hist", testutil.SQLite: "virtual table v"}
	for d, sql := range cases {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			_, err := sqlstate.Load(context.Background(), source(t, d, write(t, "s.sql", sql)))
			if err == nil || !strings.Contains(err.Error(), want[d]) || !strings.Contains(err.Error(), "does not manage") {
				t.Fatalf("err = %v, want it to name %q as unmanaged", err, want[d])
			}
		})
	}
}

func TestLoadScratchRefused(t *testing.T) {
	t.Parallel()
	src := sqlstate.Source{Dialect: "postgres", DriverName: "pgx",
		DataSource: "postgres://no_such_user_retort@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=5",
		Files:      []string{write(t, "s.sql", "CREATE TABLE a (id int);")}}
	_, err := sqlstate.Load(context.Background(), src)
	if !errors.Is(err, sqlstate.ErrScratchDatabase) {
		t.Fatalf("err = %v, want ErrScratchDatabase", err)
	}
	if !strings.Contains(err.Error(), "dev_url") {
		t.Fatalf("message %q does not say what to do", err)
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	text := "-- comment; here\nCREATE TABLE a (x text DEFAULT ';');\n/* c; */ SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n" +
		"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; UPDATE a SET x = 'y;'; END;\n" +
		"-- +retort StatementBegin\nSELECT 1; SELECT 2;\n-- +retort StatementEnd\nSELECT \"a;b\"\n"
	got, err := sqlstate.Split(text, false)
	if err != nil {
		t.Fatal(err)
	}
	wantLines := []int{2, 3, 4, 5, 7, 9}
	if len(got) != len(wantLines) {
		t.Fatalf("got %d statements: %#v", len(got), got)
	}
	for i, st := range got {
		if st.Line != wantLines[i] {
			t.Errorf("statement %d at line %d, want %d: %q", i, st.Line, wantLines[i], st.SQL)
		}
	}
	if _, err := sqlstate.Split("SELECT 'x", false); err == nil {
		t.Error("unterminated quote: no error")
	}
}

// TestLoadGoModelsBadSQL: when the server refuses the DDL rendered from Go
// models, the error names the model source of the object: the struct for its
// CREATE TABLE, the field whose tag declares an index for that index.
func TestLoadGoModelsBadSQL(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		src  string
		line int
	}{
		"table": {"package models\n\n// Widget checks a column it does not have.\ntype Widget struct {\n\tID   int64  `db:\"id\" retort:\"pk\"`\n\tName string `db:\"name\" retort:\"size:20;check:nosuchcol > 0\"`\n}\n", 4},
		"index": {"package models\n\n// Widget indexes a column it does not have.\ntype Widget struct {\n\tID   int64  `db:\"id\" retort:\"pk\"`\n\tName string `db:\"name\" retort:\"size:20\"`\n\tKey  string `db:\"key_name\" retort:\"size:20;index:ix_widget_key,expr:nosuchcol + 1\"`\n}\n", 7},
	}
	for _, d := range testutil.Dialects() {
		for name, c := range cases {
			t.Run(d+"/"+name, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				file := filepath.Join(dir, "models.go")
				if err := os.WriteFile(file, []byte(c.src), 0o644); err != nil {
					t.Fatal(err)
				}
				_, err := sqlstate.Load(context.Background(), source(t, d, dir))
				var se *sqlstate.StmtError
				if !errors.As(err, &se) {
					t.Fatalf("err = %v, want a StmtError", err)
				}
				if se.File != file || se.Line != c.line {
					t.Fatalf("error at %s:%d, want %s:%d (%v)", se.File, se.Line, file, c.line, err)
				}
				if !strings.Contains(err.Error(), "models.go:"+strconv.Itoa(c.line)+": ") {
					t.Fatalf("message %q does not name models.go:%d", err, c.line)
				}
			})
		}
	}
}
