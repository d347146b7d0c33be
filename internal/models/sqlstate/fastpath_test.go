package sqlstate_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// benchSQL is bench/autogen's schema (n tables, each with 8 columns, a
// primary key, two indexes and, on three out of four, a foreign key) in
// the words of dialect d.
func benchSQL(d string, n int) string {
	created := "created timestamptz DEFAULT now()"
	switch d {
	case testutil.MySQL:
		created = "created timestamp NULL DEFAULT CURRENT_TIMESTAMP"
	case testutil.SQLite:
		created = "created text DEFAULT CURRENT_TIMESTAMP"
	}
	var b strings.Builder
	for i := range n {
		ref := ""
		if i%4 != 0 {
			ref = fmt.Sprintf(",\n  FOREIGN KEY (parent_id) REFERENCES t%04d (id)", i-1)
		}
		fmt.Fprintf(&b, "CREATE TABLE t%04d (\n  id bigint PRIMARY KEY,\n  name varchar(100) NOT NULL,\n  email text,\n  %s,\n"+
			"  amount numeric(12,2) DEFAULT 0,\n  active boolean NOT NULL DEFAULT true,\n  parent_id bigint,\n  note text%s\n);\n", i, created, ref)
		fmt.Fprintf(&b, "CREATE INDEX t%04d_name ON t%04d (name);\n", i, i)
		fmt.Fprintf(&b, "-- the newest first\nCREATE INDEX t%04d_created ON t%04d (created DESC); -- trailing comment\n\n", i, i)
	}
	return b.String()
}

// sameSchema fails t unless a and b are equal.
func sameSchema(t *testing.T, what string, a, b *schema.Schema) {
	t.Helper()
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("%s: the fast path's schema differs from one statement at a time at %s", what, firstDiff("schema", reflect.ValueOf(a), reflect.ValueOf(b)))
	}
}

// firstDiff names the first place where a and b differ, with both values.
func firstDiff(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return path
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v, want nil %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return firstDiff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if d := firstDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v, want nil %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d elements, want %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := firstDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	}
	if a.CanInterface() && !reflect.DeepEqual(a.Interface(), b.Interface()) {
		j1, _ := json.Marshal(a.Interface())
		j2, _ := json.Marshal(b.Interface())
		return fmt.Sprintf("%s: %s, want %s", path, j1, j2)
	}
	return ""
}

// scratchLeft returns which of names still exist on d's server as a
// database, or as a schema of the test's own database.
func scratchLeft(t *testing.T, d string, src sqlstate.Source, names []string) []string {
	t.Helper()
	if d == testutil.SQLite {
		return nil // in memory: gone with its connection
	}
	db := testutil.New(t, d) // any connection to the same server
	var left []string
	for _, n := range names {
		var q string
		switch d {
		case testutil.Postgres:
			q = "SELECT datname FROM pg_database WHERE datname = '" + n + "'"
		case testutil.MySQL:
			q = "SELECT schema_name FROM information_schema.schemata WHERE schema_name = '" + n + "'"
		}
		left = append(left, db.Strings(t, q)...)
		if d == testutil.Postgres {
			own := openSource(t, src)
			left = append(left, testutil.Strings(t, own, "SELECT nspname FROM pg_namespace WHERE nspname = '"+n+"'")...)
		}
	}
	return left
}

// recorder collects the scratch names Load makes.
type recorder struct {
	mu           sync.Mutex
	names, kinds []string
}

func (r *recorder) add(kind, name string) {
	r.mu.Lock()
	r.names, r.kinds = append(r.names, name), append(r.kinds, kind)
	r.mu.Unlock()
}

// openSource opens src's own database (closed at cleanup).
func openSource(t *testing.T, src sqlstate.Source) *sql.DB {
	t.Helper()
	db, err := sql.Open(src.DriverName, src.DataSource)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestLoadFastPathsEqual loads the same models one statement at a time
// (the old way) and with batches and, on PostgreSQL, a scratch schema: the
// schemas must be equal. Batches of 7 statements make several of them.
func TestLoadFastPathsEqual(t *testing.T) {
	t.Parallel()
	models, _ := filepath.Glob("../gostruct/testdata/models/*")
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			bench := write(t, "bench.sql", benchSQL(d, 12))
			// A compound statement with ';' inside, in the middle of a
			// batch: the server must split the batch as the file was split
			// (the result is an error in both ways: retort does not
			// manage triggers and functions; the message must be the same).
			routine := map[string]string{
				testutil.Postgres: "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 2; END $$;\n",
				testutil.MySQL:    "-- +retort StatementBegin\nCREATE TRIGGER trg BEFORE INSERT ON r FOR EACH ROW BEGIN SET NEW.id = 1; SET NEW.id = NEW.id + 1; END;\n-- +retort StatementEnd\n",
				testutil.SQLite:   "CREATE TRIGGER trg AFTER INSERT ON r BEGIN UPDATE r SET id = 1; UPDATE r SET id = 2; END;\n",
			}[d]
			cases := map[string][]string{
				"bench":   {bench},
				"routine": {write(t, "routine.sql", "CREATE TABLE r (id int);\n"+routine+"CREATE TABLE r2 (id int);\n")},
			}
			for _, m := range models {
				cases[filepath.Base(m)] = []string{m}
			}
			for name, files := range cases {
				t.Run(name, func(t *testing.T) {
					if d != testutil.MySQL { // MariaDB: no parallel DDL storms
						t.Parallel()
					}
					src := source(t, d, files...)
					want, werr := sqlstate.Load(ctx, sqlstate.OneByOne(src))
					var rec recorder
					got, gerr := sqlstate.Load(ctx, sqlstate.OnScratch(sqlstate.BatchesOf(src, 7), rec.add))
					if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
						t.Fatalf("error %v, one statement at a time %v", gerr, werr)
					}
					if werr == nil {
						sameSchema(t, name, got, want)
					}
					if left := scratchLeft(t, d, src, rec.names); len(left) > 0 {
						t.Fatalf("left behind %v", left)
					}
				})
			}
		})
	}
}

// TestLoadBadStatementLate: a statement refused after several batches ran
// is still reported at its file:line, and no scratch schema or database
// stays, whichever way the models ran.
func TestLoadBadStatementLate(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			text := benchSQL(d, 6) + "CREATE TABLE bad (\n  id int,,\n);\n" + strings.ReplaceAll(benchSQL(d, 1), "t0000", "u0000")
			f := write(t, "schema.sql", text)
			line := strings.Count(text[:strings.Index(text, "CREATE TABLE bad")], "\n") + 1
			var rec recorder
			src := sqlstate.OnScratch(sqlstate.BatchesOf(source(t, d, f), 5), rec.add)
			_, err := sqlstate.Load(context.Background(), src)
			var se *sqlstate.StmtError
			if !errors.As(err, &se) || se.Line != line {
				t.Fatalf("err = %v, want a StmtError at line %d", err, line)
			}
			if len(rec.names) == 0 {
				t.Fatal("no scratch was made")
			}
			if left := scratchLeft(t, d, src, rec.names); len(left) > 0 {
				t.Fatalf("left behind %v", left)
			}
		})
	}
}

// TestLoadScratchSchemaPostgres: on PostgreSQL, models that can only reach
// their own objects run in a scratch schema of the configured database,
// rolled back: the result equals a scratch database's even when that
// database holds objects of the same names, an enum type, a function, an
// extension and another schema, which all stay as they were. Models that
// could reach outside (qualified names, SET, extensions) and models that
// fail inside one transaction (an enum value added and used) go to a
// scratch database and load all the same.
func TestLoadScratchSchemaPostgres(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	setup := "CREATE TABLE t0001 (x int);\nCREATE TYPE mood AS ENUM ('sad');\nCREATE SCHEMA other;\nCREATE TABLE other.t0002 (y int);\n" +
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
	cases := []struct {
		name, models, via string
	}{
		{"safe", benchSQL(testutil.Postgres, 4) + "CREATE TYPE mood AS ENUM ('happy', 'ok');\nCREATE TABLE m (id serial PRIMARY KEY, v mood DEFAULT 'ok');\nCOMMENT ON TABLE m IS 'x.y';\n", "database"},
		{"safe-plain", benchSQL(testutil.Postgres, 4) + "CREATE TYPE mood AS ENUM ('happy', 'ok');\nCREATE TABLE m (id serial PRIMARY KEY, v mood DEFAULT 'ok');\nCOMMENT ON TABLE m IS 'a table';\nCOMMENT ON COLUMN m.v IS 'how';\n", "schema"},
		{"qualified", "CREATE SCHEMA billing;\nCREATE TABLE billing.inv (id int PRIMARY KEY);\nCREATE TABLE t0001 (id int PRIMARY KEY);\n", "database"},
		{"set", "SET search_path = public;\nCREATE TABLE t0001 (id int PRIMARY KEY);\n", "database"},
		{"enum-added", "CREATE TYPE e AS ENUM ('a');\nALTER TYPE e ADD VALUE 'b';\nCREATE TABLE t (v e DEFAULT 'b');\n", "schema,database,database"},
		{"rows-plain", "CREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE t0001 (id int PRIMARY KEY, v mood DEFAULT 'ok');\nINSERT INTO t0001 (id) VALUES (1), (2);\nCREATE TABLE m (id int REFERENCES t0001);\nINSERT INTO m SELECT id FROM t0001;\n", "schema"},
		// A default that moves the search path when a row is inserted: the
		// next statement and the inspection would reach the database's own
		// schema, so the models go to a scratch database.
		{"rows-move-the-path", "CREATE TABLE t0001 (id int PRIMARY KEY, p text DEFAULT set_config('search' || '_path', 'public', true));\nINSERT INTO t0001 (id) VALUES (1);\nCREATE TABLE m (id int);\n", "schema,database"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := source(t, testutil.Postgres, write(t, "m.sql", c.models))
			own := openSource(t, src)
			if _, err := own.ExecContext(ctx, setup); err != nil {
				t.Fatal(err)
			}
			before := dump(t, own)
			want, err := sqlstate.Load(ctx, sqlstate.OneByOne(src))
			if err != nil {
				t.Fatal(err)
			}
			var rec recorder
			got, err := sqlstate.Load(ctx, sqlstate.OnScratch(src, rec.add))
			if err != nil {
				t.Fatal(err)
			}
			sameSchema(t, c.name, got, want)
			if via := strings.Join(rec.kinds, ","); via != c.via {
				t.Fatalf("loaded via %s, want %s", via, c.via)
			}
			if left := scratchLeft(t, testutil.Postgres, src, rec.names); len(left) > 0 {
				t.Fatalf("left behind %v", left)
			}
			if after := dump(t, own); after != before {
				t.Fatalf("the database changed:\n%s\nwas\n%s", after, before)
			}
		})
	}
}

// dump lists a PostgreSQL database's schemas, relations, types, functions
// and extensions.
func dump(t *testing.T, db *sql.DB) string {
	t.Helper()
	return strings.Join(testutil.Strings(t, db, `SELECT 'n ' || nspname FROM pg_namespace
UNION ALL SELECT 'c ' || relnamespace::regnamespace || '.' || relname FROM pg_class WHERE relnamespace::regnamespace::text NOT LIKE 'pg\\_%' AND relnamespace::regnamespace::text <> 'information_schema'
UNION ALL SELECT 't ' || typnamespace::regnamespace || '.' || typname FROM pg_type WHERE typnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema')
UNION ALL SELECT 'p ' || pronamespace::regnamespace || '.' || proname FROM pg_proc WHERE pronamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema')
UNION ALL SELECT 'e ' || extname FROM pg_extension ORDER BY 1`), "\n")
}

// TestLoadCancelledLeavesNothing: a load interrupted half way (Ctrl-C, or
// the process killed: the server then ends the session the same way)
// leaves no scratch schema or database, whichever way the models ran.
func TestLoadCancelledLeavesNothing(t *testing.T) {
	t.Parallel()
	for _, d := range []string{testutil.Postgres, testutil.MySQL} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var rec recorder
			src := source(t, d, write(t, "m.sql", benchSQL(d, 40)))
			src = sqlstate.OnScratch(sqlstate.BatchesOf(src, 1), func(kind, name string) {
				rec.add(kind, name)
				time.AfterFunc(30*time.Millisecond, cancel)
			})
			_, err := sqlstate.Load(ctx, src)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want the load cancelled half way", err)
			}
			if left := scratchLeft(t, d, src, rec.names); len(left) > 0 {
				t.Fatalf("left behind %v", left)
			}
		})
	}
}
