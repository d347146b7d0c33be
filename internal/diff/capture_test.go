package diff_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

var capture = flag.Bool("capture", false, "rewrite testdata/pairs from internal/autogen's round-trip cases (needs the test servers)")

// pair is one schema pair: a live database and the models it is diffed
// against, as autogenerate sees them.
type pair struct {
	From, To *schema.Schema
}

// TestCapturePairs mines internal/autogen's round-trip cases for schema
// pairs: on every dialect it applies a case's current SQL to a fresh
// database, inspects it, loads the desired SQL as models, and writes both
// to testdata/pairs/DIALECT/NAME.json. It runs only with -capture; the
// pairs it writes are the input of TestGolden, which needs no server.
func TestCapturePairs(t *testing.T) {
	if !*capture {
		t.Skip("run with -capture to rewrite testdata/pairs")
	}
	paths, err := filepath.Glob("../autogen/testdata/roundtrip/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no round-trip cases: %v", err)
	}
	skip := schema.InspectOptions{Skip: []string{"alembic_version", "retort_history"}}
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			for _, p := range paths {
				name := strings.TrimSuffix(filepath.Base(p), ".txtar")
				ar, err := txtar.ParseFile(p)
				if err != nil {
					t.Fatal(err)
				}
				files := map[string]string{}
				for _, f := range ar.Files {
					files[f.Name] = string(f.Data)
				}
				if _, skip := files[dialect+"/skip"]; skip {
					continue
				}
				cur, ok1 := pick(files, dialect, "current.sql")
				des, ok2 := pick(files, dialect, "desired.sql")
				if !ok1 || !ok2 {
					continue
				}
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					ctx := context.Background()
					db := testutil.New(t, dialect)
					stmts, err := sqlstate.Split(cur, dialect == testutil.MySQL)
					if err != nil {
						t.Fatal(err)
					}
					for _, st := range stmts {
						if _, err := db.DB.ExecContext(ctx, st.SQL); err != nil {
							t.Fatalf("line %d: %v", st.Line, err)
						}
					}
					from, err := autogen.Inspect(ctx, db.DB, dialect, skip)
					if err != nil {
						t.Fatal(err)
					}
					file := filepath.Join(t.TempDir(), "schema.sql")
					if err := os.WriteFile(file, []byte(des), 0o644); err != nil {
						t.Fatal(err)
					}
					to, err := sqlstate.Load(ctx, sqlstate.Source{Dialect: dialect, DriverName: db.DriverName, DataSource: db.DataSource, Files: []string{file}, Inspect: skip})
					if err != nil {
						t.Fatal(err)
					}
					writePair(t, filepath.Join("testdata", "pairs", dialect, name+".json"), pair{From: from, To: to})
				})
			}
		})
	}
}

func pick(files map[string]string, dialect, name string) (string, bool) {
	if s, ok := files[dialect+"/"+name]; ok {
		return s, true
	}
	s, ok := files[name]
	return s, ok
}

func writePair(t *testing.T, path string, p pair) {
	t.Helper()
	x, _ := encodeIR(reflect.ValueOf(p))
	b, err := json.MarshalIndent(x, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	// What was written reads back as the same values.
	if back := readPair(t, path); !reflect.DeepEqual(back, p) {
		t.Fatalf("%s does not read back as written", path)
	}
}

func readPair(t *testing.T, path string) pair {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var p pair
	if err := decodeIR(x, reflect.ValueOf(&p).Elem()); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p
}
