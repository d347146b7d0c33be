package gostruct_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/models/gostruct"
	"github.com/retortdb/retort/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the output (run with -update after checking):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// modelDirs are the model packages under testdata/models, plus the GORM
// oracle fixtures and the Orion example.
func modelDirs(t *testing.T) map[string]string {
	t.Helper()
	dirs := map[string]string{
		"gormfixture":     "internal/gormfixture",
		"gormpg":          "internal/gormpg",
		"gormmysql":       "internal/gormmysql",
		"gormedges":       "internal/gormedges",
		"gormmysqledges":  "internal/gormmysqledges",
		"gormsqliteedges": "internal/gormsqliteedges",
		"orion":           "../../../examples/orion/internal/models",
	}
	ents, err := os.ReadDir("testdata/models")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			dirs[e.Name()] = filepath.Join("testdata/models", e.Name())
		}
	}
	return dirs
}

// dialectsFor reads a model package's DIALECTS file (one dialect a line);
// without one the package must work on every dialect.
func dialectsFor(t *testing.T, dir string) []string {
	switch filepath.Base(dir) {
	case "gormpg":
		return []string{testutil.Postgres}
	case "gormmysql", "gormmysqledges":
		return []string{testutil.MySQL}
	case "gormsqliteedges":
		return []string{testutil.SQLite}
	}
	b, err := os.ReadFile(filepath.Join(dir, "DIALECTS"))
	if err != nil {
		return testutil.Dialects()
	}
	return strings.Fields(string(b))
}

func renderDDL(stmts []string) []byte {
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString(s + ";\n")
	}
	return []byte(b.String())
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for name, dir := range modelDirs(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, err := gostruct.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			js, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata/golden", name, "model.json"), append(js, '\n'))
			for _, d := range dialectsFor(t, dir) {
				stmts, err := m.DDL(d)
				if err != nil {
					t.Fatalf("%s: %v", d, err)
				}
				golden(t, filepath.Join("testdata/golden", name, d+".sql"), renderDDL(stmts))
			}
		})
	}
}

// TestApply runs every model package's DDL on a real database of each
// dialect: the statements must be accepted as they are.
func TestApply(t *testing.T) {
	t.Parallel()
	for name, dir := range modelDirs(t) {
		m, err := gostruct.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, d := range dialectsFor(t, dir) {
			t.Run(name+"/"+d, func(t *testing.T) {
				t.Parallel()
				stmts, err := m.DDL(d)
				if err != nil {
					t.Fatal(err)
				}
				db := testutil.New(t, d)
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				for _, s := range stmts {
					if _, err := db.DB.ExecContext(ctx, s); err != nil {
						t.Fatalf("%v\n%s", err, s)
					}
				}
				got := tableNames(t, db)
				var want []string
				for _, tb := range m.Tables {
					want = append(want, tb.Name)
				}
				sort.Strings(got)
				sort.Strings(want)
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("tables after applying the DDL: %v, want %v", got, want)
				}
			})
		}
	}
}

func tableNames(t *testing.T, db *testutil.DB) []string {
	t.Helper()
	var q string
	switch db.Dialect {
	case testutil.Postgres:
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
	case testutil.MySQL:
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name"
	default:
		q = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
	}
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
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var errLine = regexp.MustCompile(`^testdata/bad/[a-z0-9_]+/[a-z0-9_]+\.go:[0-9]+: .+`)

// TestBadInput loads each package under testdata/bad; every one must fail
// with errors that name a file:line, matching the golden .err file.
func TestBadInput(t *testing.T) {
	t.Parallel()
	ents, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join("testdata/bad", e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			t.Parallel()
			m, err := gostruct.Load(dir)
			if err == nil {
				// Some problems show only for one dialect.
				var msgs []string
				for _, d := range testutil.Dialects() {
					if _, derr := m.DDL(d); derr != nil {
						msgs = append(msgs, d+": "+derr.Error())
					}
				}
				if len(msgs) == 0 {
					t.Fatal("loaded and rendered without error")
				}
				golden(t, dir+".err", []byte(strings.Join(msgs, "\n")+"\n"))
				for _, msg := range msgs {
					_, rest, _ := strings.Cut(msg, ": ")
					for _, line := range strings.Split(rest, "\n") {
						if !errLine.MatchString(line) {
							t.Errorf("error without file:line: %q", line)
						}
					}
				}
				return
			}
			var list gostruct.ErrorList
			msg := err.Error()
			golden(t, dir+".err", []byte(msg+"\n"))
			if !asList(err, &list) {
				if strings.Contains(msg, "no Go files") {
					return
				}
				t.Fatalf("error is not an ErrorList: %v", err)
			}
			for _, line := range strings.Split(msg, "\n") {
				if !errLine.MatchString(line) {
					t.Errorf("error without file:line: %q", line)
				}
			}
		})
	}
}

func asList(err error, out *gostruct.ErrorList) bool {
	l, ok := err.(gostruct.ErrorList)
	if ok {
		*out = l
	}
	return ok
}

func BenchmarkLoadAndRender(b *testing.B) {
	for _, dir := range []string{"internal/gormfixture", "testdata/models/shop"} {
		b.Run(filepath.Base(dir), func(b *testing.B) {
			for b.Loop() {
				m, err := gostruct.Load(dir)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := m.DDL(testutil.Postgres); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
