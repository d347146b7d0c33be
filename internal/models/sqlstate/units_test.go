package sqlstate

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// TestClassify: the statements that make units, the ones that make the
// models load whole, and the references found.
func TestClassify(t *testing.T) {
	pg, my := postgres.Lexical, mysql.Lexical
	cases := []struct {
		name  string
		r     sqlsplit.Rules
		stmts []string
		want  string // "a:0,2>b b:1" = unit a of statements 0 and 2 referencing b; "" = load whole
	}{
		{"tables indexes comments", pg, []string{
			"CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b (id))",
			"CREATE TABLE b (id int PRIMARY KEY)",
			"CREATE UNIQUE INDEX ix ON a (b_id)",
			"COMMENT ON TABLE b IS 'x'",
			"COMMENT ON COLUMN a.b_id IS 'see b'",
			`ALTER TABLE "B" ADD COLUMN c text`,
		}, "a:0,2,4>b b:1,3,5"},
		{"index without a name, IF NOT EXISTS, ONLY", pg, []string{
			"CREATE TABLE IF NOT EXISTS a (id int)",
			"CREATE INDEX ON ONLY a (id)",
			"ALTER TABLE IF EXISTS ONLY a ADD CONSTRAINT c CHECK (id > 0)",
		}, "a:0,1,2"},
		{"mysql", my, []string{
			"CREATE TABLE `a` (id int, KEY k (id)) ENGINE=InnoDB COMMENT='it''s'",
			"CREATE FULLTEXT INDEX f ON a (id)",
			"CREATE TABLE c (id int, FOREIGN KEY (id) REFERENCES `a` (id)) # a comment",
		}, "a:0,1 c:2>a"},
		{"a reference through a column type", pg, []string{
			"CREATE TABLE a (id int)", "CREATE TABLE b (x a)",
		}, "a:0 b:1>a"},
		{"a foreign key to a table defined later", pg, []string{
			"CREATE TABLE a (id int, b int REFERENCES b)", "CREATE TABLE b (id int primary key)",
		}, "a:0>b b:1"},
		{"a cycle", pg, []string{
			"CREATE TABLE a (id int primary key, b int)", "CREATE TABLE b (id int primary key, a int REFERENCES a)",
			"ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b",
		}, "a:0,2>b b:1>a"},
		{"a view", pg, []string{"CREATE TABLE a (id int)", "CREATE VIEW v AS SELECT id FROM a"}, ""},
		{"a function", pg, []string{"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"}, ""},
		{"SET", pg, []string{"SET search_path = x", "CREATE TABLE a (id int)"}, ""},
		{"a rename", pg, []string{"CREATE TABLE a (id int)", "ALTER TABLE a RENAME TO b"}, ""},
		{"a column renamed", pg, []string{"CREATE TABLE a (id int)", "ALTER TABLE a RENAME COLUMN id TO k"}, ""},
		{"a qualified name", pg, []string{"CREATE TABLE s.a (id int)"}, ""},
		{"a qualified reference", pg, []string{"CREATE TABLE a (id int REFERENCES s.b)"}, ""},
		{"a reference outside the models", pg, []string{"CREATE TABLE a (id int REFERENCES b)"}, ""},
		{"an index on a table outside the models", pg, []string{"CREATE TABLE a (id int)", "CREATE INDEX i ON b (id)"}, ""},
		{"an index before its table", pg, []string{"CREATE INDEX i ON a (id)", "CREATE TABLE a (id int)"}, ""},
		{"a table defined twice", pg, []string{"CREATE TABLE a (id int)", `CREATE TABLE "A" (id int)`}, ""},
		{"a sequence in a string", pg, []string{"CREATE TABLE a (id int DEFAULT nextval('s'))"}, ""},
		{"a regclass", pg, []string{"CREATE TABLE a (id int, c regclass DEFAULT 'b'::regclass)"}, ""},
		{"a dollar quote", pg, []string{"CREATE TABLE a (id text DEFAULT $$x$$)"}, ""},
		{"a backslash", my, []string{`CREATE TABLE a (id text DEFAULT 'it\'s')`}, ""},
		{"an executable comment", my, []string{"CREATE TABLE a (id int) /*!50100 PARTITION BY HASH (id) */"}, ""},
		{"partitions", pg, []string{"CREATE TABLE a (id int) PARTITION BY RANGE (id)", "CREATE TABLE a1 PARTITION OF a FOR VALUES FROM (1) TO (2)"}, ""},
		{"LIKE", my, []string{"CREATE TABLE a (id int)", "CREATE TABLE b LIKE a"}, ""},
		{"CREATE TABLE AS", pg, []string{"CREATE TABLE a AS SELECT 1 AS x"}, ""},
		{"a temporary table", pg, []string{"CREATE TEMP TABLE a (id int)"}, ""},
		{"a comment on an index", pg, []string{"CREATE TABLE a (id int)", "CREATE INDEX i ON a (id)", "COMMENT ON INDEX i IS 'x'"}, ""},
		{"DROP", pg, []string{"CREATE TABLE a (id int)", "DROP TABLE a"}, ""},
		{"an unterminated comment", pg, []string{"CREATE TABLE a (id int) /* x"}, ""},
	}
	for _, c := range cases {
		units, ok := classify(c.stmts, c.r)
		got := ""
		if ok {
			var parts []string
			for _, u := range units {
				var idx []string
				for _, i := range u.stmts {
					idx = append(idx, string(rune('0'+i)))
				}
				p := u.name + ":" + strings.Join(idx, ",")
				if len(u.refs) > 0 {
					p += ">" + strings.Join(u.refs, ",")
				}
				parts = append(parts, p)
			}
			slices.Sort(parts)
			got = strings.Join(parts, " ")
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// testStrings are the string literals of this package's tests: seeds for
// FuzzClassify.
func testStrings(f *testing.F) []string {
	files, _ := filepath.Glob("*_test.go")
	var out []string
	fs := gotoken.NewFileSet()
	for _, name := range files {
		af, err := parser.ParseFile(fs, name, nil, 0)
		if err != nil {
			f.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if l, ok := n.(*ast.BasicLit); ok && l.Kind == gotoken.STRING {
				if s, err := strconv.Unquote(l.Value); err == nil {
					out = append(out, s)
				}
			}
			return true
		})
	}
	return out
}

// FuzzClassify: what classify accepts is units of every statement, each
// once and in order, under unique names, with references to other units
// only; and it accepts no statement holding what it must refuse.
func FuzzClassify(f *testing.F) {
	for _, s := range testStrings(f) {
		f.Add(s, "CREATE TABLE a (id int)")
		f.Add("CREATE TABLE a (id int)", s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		texts := []string{a, b}
		for _, r := range []sqlsplit.Rules{postgres.Lexical, mysql.Lexical, sqlite.Lexical, sqlsplit.AllDialects} {
			units, ok := classify(texts, r)
			if !ok {
				continue
			}
			for _, text := range texts {
				if strings.ContainsRune(text, '\\') {
					t.Fatalf("classify(%q) accepts a backslash", texts)
				}
				for _, tk := range sqlsplit.Tokens(text, r) {
					if tk.Has(sqlsplit.Unterminated|sqlsplit.Executable|sqlsplit.NestedComment) || tk.Raw[0] == '$' {
						t.Fatalf("classify(%q) accepts %q", texts, tk.Raw)
					}
				}
			}
			seen := map[int]bool{}
			for _, u := range units {
				if u.name == "" || !slices.IsSorted(u.stmts) || !slices.IsSorted(u.refs) {
					t.Fatalf("classify(%q): unit %+v", texts, u)
				}
				for _, i := range u.stmts {
					if seen[i] {
						t.Fatalf("classify(%q): statement %d in two units", texts, i)
					}
					seen[i] = true
				}
				for _, ref := range u.refs {
					if ref == u.name || !slices.ContainsFunc(units, func(v *unit) bool { return v.name == ref }) {
						t.Fatalf("classify(%q): unit %s references %q", texts, u.name, ref)
					}
				}
			}
			if len(seen) != len(texts) {
				t.Fatalf("classify(%q): %d of %d statements in units", texts, len(seen), len(texts))
			}
		}
	})
}
