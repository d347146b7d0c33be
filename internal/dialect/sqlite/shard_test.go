package sqlite

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// TestScratchShards: each table with the indexes on it, however its name
// is spelled, makes a group; anything that could depend on another
// statement, or that SQLite could read otherwise, puts every statement in
// one database (nil).
func TestScratchShards(t *testing.T) {
	for _, c := range shardCases {
		got := fmt.Sprint((&Dialect{}).ScratchShards(c.stmts))
		if got != c.want {
			t.Errorf("%s: ScratchShards = %s, want %s", c.name, got, c.want)
		}
	}
}

var shardCases = []struct {
	name  string
	stmts []string
	want  string // fmt of the groups
}{
	{"tables and indexes", []string{
		"CREATE TABLE a (id INTEGER PRIMARY KEY)",
		"CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a)",
		"CREATE INDEX b_a ON b (a_id)",
		"CREATE UNIQUE INDEX a_id ON a (id DESC) WHERE id > 0",
	}, "[[0 3] [1 2]]"},
	{"spellings of one name", []string{
		"-- the first\nCREATE TABLE IF NOT EXISTS \"Mixed\" (x)",
		"CREATE INDEX IF NOT EXISTS i1 ON MIXED (x)",
		"CREATE INDEX [i2] ON `mixed` (x)",
		"create unique index \"i3\" on [MiXeD](x)",
		"CREATE TABLE \"a\"\"b\" (x)",
		"CREATE INDEX i4 ON \"A\"\"B\" (x)",
	}, "[[0 1 2 3] [4 5]]"},
	{"non-ASCII letters are not folded", []string{
		"CREATE TABLE ü (x)", "CREATE TABLE Ü (x)", "CREATE INDEX i ON Ü (x)",
	}, "[[0] [1 2]]"},
	{"a foreign key to a later table", []string{
		"CREATE TABLE child (p INTEGER REFERENCES parent)", "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
	}, "[[0] [1]]"},
	{"a table named twice", []string{"CREATE TABLE t (x)", "CREATE TABLE IF NOT EXISTS T (x)"}, "[]"},
	{"an index named like a table", []string{"CREATE TABLE t (x)", "CREATE TABLE u (x)", "CREATE INDEX U ON t (x)"}, "[]"},
	{"an index named twice", []string{"CREATE TABLE t (x)", "CREATE INDEX i ON t (x)", "CREATE INDEX \"I\" ON t (x)"}, "[]"},
	{"an index before its table", []string{"CREATE INDEX i ON t (x)", "CREATE TABLE t (x)"}, "[]"},
	{"an index on no table", []string{"CREATE TABLE t (x)", "CREATE INDEX i ON u (x)"}, "[]"},
	{"qualified table", []string{"CREATE TABLE main.t (x)"}, "[]"},
	{"qualified index", []string{"CREATE TABLE t (x)", "CREATE INDEX main.i ON t (x)"}, "[]"},
	{"temporary table", []string{"CREATE TEMP TABLE t (x)"}, "[]"},
	{"temporary table in words", []string{"CREATE TEMPORARY TABLE t (x)"}, "[]"},
	{"virtual table", []string{"CREATE VIRTUAL TABLE t USING fts5(x)"}, "[]"},
	{"table as select", []string{"CREATE TABLE t (x)", "CREATE TABLE u AS SELECT * FROM t"}, "[]"},
	{"view", []string{"CREATE TABLE t (x)", "CREATE VIEW v AS SELECT x FROM t"}, "[]"},
	{"trigger", []string{"CREATE TABLE t (x)", "CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; END"}, "[]"},
	{"alter", []string{"CREATE TABLE t (x)", "ALTER TABLE t ADD COLUMN y"}, "[]"},
	{"insert", []string{"CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"}, "[]"},
	{"pragma", []string{"PRAGMA foreign_keys = OFF", "CREATE TABLE t (x)"}, "[]"},
	{"drop", []string{"CREATE TABLE t (x)", "DROP TABLE t"}, "[]"},
	{"two statements in one text", []string{"CREATE TABLE t (x); CREATE TABLE u (y)"}, "[]"},
	{"a comment alone", []string{"CREATE TABLE t (x)", "/*! not SQLite's */"}, "[]"},
	{"a string for a name", []string{"CREATE TABLE 't' (x)"}, "[]"},
	{"no columns", []string{"CREATE TABLE t"}, "[]"},
	{"none", nil, "[]"},
	{"a bracket name of two words", []string{"CREATE TABLE [a B] (x)", "CREATE INDEX i ON [A b] (x)"}, "[[0 1]]"},
	{"a semicolon in a bracket name", []string{"CREATE TABLE t (x [a;b])"}, "[]"},
	// SQLite reads two statements: [a'] is a name to it, a string's
	// opening quote to the splitter.
	{"a quote in a bracket name", []string{"CREATE TABLE t (x [a']); DROP TABLE z; --')"}, "[]"},
	{"a dollar quote", []string{"CREATE TABLE t (x DEFAULT $$;$$)"}, "[]"},
	{"an unterminated string", []string{"CREATE TABLE t (x DEFAULT 'a)"}, "[]"},
	{"an unterminated comment", []string{"CREATE TABLE t (x) /* a"}, "[]"},
	{"a nested comment", []string{"CREATE TABLE t (x) /* a /* b */"}, "[]"},
}

// FuzzPlainCreate: a statement plainCreate accepts holds no ';' as SQLite
// reads it (the inspector's tokenize), and nothing unterminated.
func FuzzPlainCreate(f *testing.F) {
	for _, c := range shardCases {
		for _, st := range c.stmts {
			f.Add(st)
		}
	}
	f.Fuzz(func(t *testing.T, st string) {
		if _, ok := plainCreate(st); !ok {
			return
		}
		for _, tk := range tokenize(st) {
			if tk.kind == 'p' && tk.text == ";" {
				t.Fatalf("plainCreate(%q) accepts %q", st, tk.text)
			}
		}
		for _, tk := range sqlsplit.Tokens(st, Lexical) {
			if tk.Has(sqlsplit.Unterminated) {
				t.Fatalf("plainCreate(%q) accepts %q", st, tk.Raw)
			}
		}
	})
}
