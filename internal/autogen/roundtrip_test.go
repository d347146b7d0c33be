package autogen_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// A round-trip case is testdata/roundtrip/NAME.txtar with files
// "current.sql" and "desired.sql" for every dialect, or
// "DIALECT/current.sql" and "DIALECT/desired.sql" for one. A file
// "DIALECT/skip" leaves a dialect out (its text says why). A file
// "renames" (or "DIALECT/renames") declares renames as --rename spells
// them, one a line: "table.old=new" for a column (the table by its new
// name), "old=new" for a table.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob("testdata/roundtrip/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no round-trip cases")
	}
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
				renames := parseRenames(t, files, dialect)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					up, down := roundTripRenamed(t, dialect, cur, des, renames)
					golden(t, filepath.Join("testdata", "golden", dialect, name+".sql"),
						"-- upgrade\n"+up+"\n-- downgrade\n"+down)
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

var skip = schema.InspectOptions{Skip: []string{"alembic_version", "retort_history"}}

// renamedRows is a table's row counts under the names declared table
// renames give them (all at once: a swap moves the rows).
func renamedRows(rows map[string]int, renames []diff.Rename) map[string]int {
	out := map[string]int{}
	moved := map[string]bool{}
	for _, r := range renames {
		if r.Column == "" {
			if n, ok := rows[schema.QualifiedName(r.Schema, r.Table)]; ok {
				out[schema.QualifiedName(r.Schema, r.To)] = n
				moved[schema.QualifiedName(r.Schema, r.Table)] = true
			}
		}
	}
	for k, n := range rows {
		if _, ok := out[k]; !ok && !moved[k] {
			out[k] = n
		}
	}
	return out
}

// parseRenames reads a case's declared renames.
func parseRenames(t *testing.T, files map[string]string, dialect string) []diff.Rename {
	t.Helper()
	text, _ := pick(files, dialect, "renames")
	var out []diff.Rename
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		lhs, to, ok := strings.Cut(l, "=")
		if !ok {
			t.Fatalf("bad rename line %q", l)
		}
		if table, col, ok := strings.Cut(lhs, "."); ok {
			out = append(out, diff.Rename{Table: table, Column: col, To: to})
		} else {
			out = append(out, diff.Rename{Table: lhs, To: to})
		}
	}
	return out
}

func roundTrip(t *testing.T, dialect, current, desired string) (string, string) {
	t.Helper()
	return roundTripRenamed(t, dialect, current, desired, nil)
}

func roundTripRenamed(t *testing.T, dialect, current, desired string, renames []diff.Rename) (string, string) {
	t.Helper()
	ctx := context.Background()
	db := testutil.New(t, dialect)
	desCatalog := referenceDump(t, db, desired)
	apply(t, db, current, "current schema")
	curCatalog := catalogDump(t, db)
	cur, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatalf("inspect current: %v", err)
	}
	again, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	if d := dump(t, dialect, again); d != dump(t, dialect, cur) {
		t.Fatalf("inspection is not stable")
	}
	des := loadModels(t, db, desired, skip)
	// The models loaded from the current SQL must equal the live database.
	curModels := loadModels(t, db, current, skip)
	if ch, err := autogen.Diff(cur, curModels, dialect); err != nil || len(ch) != 0 {
		t.Fatalf("phantom differences between a database and models from the same SQL: %v %v", ch, err)
	}

	up, down, changes, err := autogen.GenerateRenamed(ctx, cur, des, dialect, renames)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	if len(changes) == 0 {
		t.Fatalf("no changes detected")
	}
	rowsBefore := rowCounts(t, db, cur)
	applyRevision(t, db, up, "upgrade:\n"+up)
	after, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	rowsAfter := rowCounts(t, db, after)
	sameRows(t, "after upgrade", renamedRows(rowsBefore, renames), rowsAfter)
	// Tables the upgrade drops come back empty.
	renamedFrom := map[string]bool{}
	for _, r := range renames {
		if r.Column == "" {
			renamedFrom[schema.QualifiedName(r.Schema, r.Table)] = true
		}
	}
	for name := range rowsBefore {
		if _, ok := rowsAfter[name]; !ok && !renamedFrom[name] {
			delete(rowsBefore, name)
		}
	}
	if got, want := dump(t, dialect, after), dump(t, dialect, des); got != want {
		t.Fatalf("after upgrade the schema differs from the models\nupgrade:\n%s\ngot:\n%s\nwant:\n%s", up, got, want)
	}
	if ch, err := autogen.Diff(after, des, dialect); err != nil || len(ch) != 0 {
		t.Fatalf("check after upgrade not clean: %v %v\nupgrade:\n%s", ch, err, up)
	}
	sameDump(t, "after upgrade", catalogDump(t, db), desCatalog)
	applyRevision(t, db, down, "downgrade:\n"+down)
	back, err := autogen.Inspect(ctx, db.DB, dialect, skip)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dump(t, dialect, back), dump(t, dialect, cur); got != want {
		t.Fatalf("downgrade did not restore the schema\nupgrade:\n%s\ndowngrade:\n%s\ngot:\n%s\nwant:\n%s", up, down, got, want)
	}
	sameDump(t, "after downgrade", catalogDump(t, db), curCatalog)
	sameRows(t, "after downgrade", rowsBefore, rowCounts(t, db, back))
	return up, down
}

// dump is a canonical JSON of s. PostgreSQL cannot place a column, so its
// columns compare in name order.
func dump(t *testing.T, dialect string, s *schema.Schema) string {
	t.Helper()
	if dialect == testutil.Postgres {
		for _, tb := range s.Tables {
			cols := append([]*schema.Column(nil), tb.Columns...)
			sort.Slice(cols, func(i, j int) bool { return cols[i].Name < cols[j].Name })
			tb.Columns = cols
		}
	}
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apply runs SQL text statement by statement on one connection, outside a
// transaction, as the runner does for a no-transaction section.
func apply(t *testing.T, db *testutil.DB, text, what string) {
	t.Helper()
	applyTx(t, db, text, what, false)
}

// applyRevision runs a generated upgrade or downgrade as the runner does: in
// one transaction unless the text asks for none, opened with foreign keys off
// and checked before COMMIT when a statement asks for that (a SQLite
// rebuild).
func applyRevision(t *testing.T, db *testutil.DB, text, what string) {
	t.Helper()
	applyTx(t, db, text, what, !strings.HasPrefix(text, "-- +retort no-transaction"))
}

func applyTx(t *testing.T, db *testutil.DB, text, what string, tx bool) {
	t.Helper()
	ctx := context.Background()
	stmts, err := sqlstate.Split(text, db.Dialect == testutil.MySQL)
	if err != nil {
		t.Fatalf("%s: split: %v", what, err)
	}
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var pauser dialect.ForeignKeyPauser
	if p, ok := dialectOf(db.Dialect).(dialect.ForeignKeyPauser); ok && tx {
		for _, st := range stmts {
			if p.PausesForeignKeys(st.SQL) {
				pauser = p
			}
		}
	}
	checked := false
	if pauser != nil {
		restore, on, err := pauser.PauseForeignKeys(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		checked = on
		defer func() {
			if err := restore(ctx); err != nil {
				t.Fatal(err)
			}
		}()
	}
	if tx {
		if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
			t.Fatal(err)
		}
	}
	for _, st := range stmts {
		if _, err := conn.ExecContext(ctx, st.SQL); err != nil {
			if tx {
				_, _ = conn.ExecContext(ctx, "ROLLBACK")
			}
			t.Fatalf("%s\nline %d: %s: %v", what, st.Line, st.SQL, err)
		}
	}
	if checked {
		if err := pauser.ForeignKeyCheck(ctx, conn); err != nil {
			_, _ = conn.ExecContext(ctx, "ROLLBACK")
			t.Fatalf("%s: %v", what, err)
		}
	}
	if tx {
		if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
			t.Fatalf("%s: commit: %v", what, err)
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run with -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the rendered SQL (run with -update to accept):\n%s", path, got)
	}
}

// loadModels loads desired-state SQL through a scratch database on db's server.
func loadModels(t *testing.T, db *testutil.DB, text string, o schema.InspectOptions) *schema.Schema {
	t.Helper()
	file := filepath.Join(t.TempDir(), "schema.sql")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlstate.Load(context.Background(), sqlstate.Source{Dialect: db.Dialect, DriverName: db.DriverName, DataSource: db.DataSource, Files: []string{file}, Inspect: o})
	if err != nil {
		t.Fatalf("load models: %v", err)
	}
	return s
}

func dialectOf(name string) dialect.Dialect {
	switch name {
	case testutil.Postgres:
		return postgres.New()
	case testutil.MySQL:
		return mysql.New()
	default:
		return sqlite.New()
	}
}
