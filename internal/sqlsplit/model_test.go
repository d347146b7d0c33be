package sqlsplit_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// modelDialects are the rules model files are split with, beside the
// reading legacySplit gave the same dialect (mysql: MySQL's, else standard).
var modelDialects = []struct {
	name  string
	rules sqlsplit.Rules
	mysql bool
}{
	{"postgres", postgres.Lexical, false},
	{"mysql", mysql.Lexical, true},
	{"sqlite", sqlite.Lexical, false},
}

// revisionSplit is how a revision file's section was and is split:
// AllDialects; a section marker is an error.
func revisionSplit(text string) ([]sqlsplit.Statement, error) {
	items, err := sqlsplit.Scan(text, 1, sqlsplit.AllDialects)
	if err != nil {
		return nil, err
	}
	var out []sqlsplit.Statement
	for _, it := range items {
		if it.Annotation != 0 {
			return nil, &sqlsplit.Error{Line: it.Line, Msg: "section marker"}
		}
		out = append(out, it.Statement)
	}
	return out, nil
}

// checkAgreed is the differential property: where the two splitters retort
// had before they were merged into one (the revision files' and the model files') agreed on
// a text, the one splitter still splits it the same for model files, with
// each dialect's rules, but for comments at a statement's ends, which the
// old model splitter kept and the one splitter drops (see disagreements).
// (For revision files nothing changed: they use the
// same lexer with AllDialects, fixed by the table tests and fuzz target in
// split_test.go.)
func checkAgreed(t *testing.T, in string) {
	t.Helper()
	rev, rerr := revisionSplit(in)
	for _, d := range modelDialects {
		old, oerr := legacySplit(in, d.mysql)
		got, err := sqlsplit.Split(in, 1, d.rules)
		switch {
		case oerr == nil && rerr == nil && reflect.DeepEqual(old, rev):
			if err != nil && d.name == "postgres" && strings.Contains(err.Error(), "unterminated") {
				// PostgreSQL nests comments and reads E'…' as the server
				// does; text the old splitters read as closed (one by not
				// nesting, the other through MySQL's fallback) is left
				// open, and refused as the server refuses it.
				break
			}
			if err != nil || !sameButComments(old, got, d.rules) {
				t.Fatalf("%s: both old splitters gave %+v for %q; now %+v, %v", d.name, old, in, got, err)
			}
		case oerr != nil && rerr != nil:
			if err == nil {
				t.Fatalf("%s: both old splitters refused %q (%v; %v); now %+v", d.name, in, oerr, rerr, got)
			}
		}
	}
}

// sameButComments reports whether got are the statements old, each the same
// text but for comments dropped from its ends, starting on the line of its
// first token.
func sameButComments(old, got []sqlsplit.Statement, r sqlsplit.Rules) bool {
	if len(old) != len(got) {
		return false
	}
	for i, o := range old {
		g := got[i]
		at := strings.Index(o.SQL, g.SQL)
		if at < 0 || g.SQL == "" {
			return false
		}
		pre, post := o.SQL[:at], o.SQL[at+len(g.SQL):]
		if g.Line != o.Line+strings.Count(pre, "\n") {
			return false
		}
		for _, rest := range []string{pre, post} {
			if ss, err := sqlsplit.Split(rest, 1, r); err != nil || len(ss) > 0 {
				return false
			}
		}
	}
	return true
}

func TestAgreedStillSplitSame(t *testing.T) {
	t.Parallel()
	for _, in := range agreedSeeds(t) {
		checkAgreed(t, in)
	}
}

func FuzzAgreedStillSplitSame(f *testing.F) {
	for _, in := range agreedSeeds(f) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkAgreed(t, in)
	})
}

// agreedSeeds are the disagreement cases, the model-file texts of the
// tests, and FuzzSplit's corpus.
func agreedSeeds(tb testing.TB) []string {
	seeds := []string{
		"-- comment; here\nCREATE TABLE a (x text DEFAULT ';');\n/* c; */ SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n" +
			"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; UPDATE a SET x = 'y;'; END;\n" +
			"-- +retort StatementBegin\nSELECT 1; SELECT 2;\n-- +retort StatementEnd\nSELECT \"a;b\"\n",
		"-- users\nCREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20));\n",
		"CREATE TABLE a (id INTEGER PRIMARY KEY);\n\n-- next\nCREATE TABLE b (id INTEGER PRIMARY KEY,\n  oops NOTATYPE(\n);\n",
		"SELECT 1;\nSELECT 'It''s';\nCREATE TABLE `t;` (\"c;\" int);",
	}
	for _, c := range disagreements {
		seeds = append(seeds, c.in)
	}
	files, err := filepath.Glob("testdata/fuzz/FuzzSplit/*")
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		_, v, ok := strings.Cut(string(b), "string(")
		if !ok {
			continue
		}
		if u, err := strconv.Unquote(strings.TrimSuffix(strings.TrimSpace(v), ")")); err == nil {
			seeds = append(seeds, u)
		}
	}
	return seeds
}

// disagreements are the texts on which the model files' old splitter
// (legacySplit) and the one splitter differ, found by fuzzing the two
// against each other before the old one was deleted. Each says what the old
// one did, what the one splitter does, and why that is kept. Revision files
// are not affected by any of them: their reading did not change.
var disagreements = []struct {
	name, dialect, in string
	old, now          []sqlsplit.Statement
	oldErr, nowErr    bool
	why               string
}{
	{name: "comments at a statement's ends", dialect: "postgres",
		in:  "/* header\n   comment */\nCREATE TABLE a (id int) -- the key\n;",
		old: []st{{"/* header\n   comment */\nCREATE TABLE a (id int) -- the key", 1}},
		now: []st{{"CREATE TABLE a (id int)", 3}},
		why: "revision files' reading: a statement runs from its first token to its last, so an error names the line where it starts; the server runs the same SQL"},
	{name: "comment-only fragment", dialect: "mysql",
		in:  "SELECT 1;\n/* the end */",
		old: []st{{"SELECT 1", 1}, {"/* the end */", 2}},
		now: []st{{"SELECT 1", 1}},
		why: "nothing to run: MySQL refuses an empty query (\"Query was empty\")"},
	{name: "procedure body", dialect: "mysql",
		in:  "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;",
		old: []st{{"CREATE PROCEDURE p() BEGIN SELECT 1", 1}, {"SELECT 2", 1}, {"END", 1}},
		now: []st{{"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", 1}},
		why: "the old one kept BEGIN … END whole for CREATE TRIGGER only and sent the pieces of any other body to the server, which refused them"},
	{name: "compound statement in a trigger", dialect: "mysql",
		in:  "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; END IF;",
		old: []st{{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0", 1}, {"END IF", 1}},
		now: []st{{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; END IF", 1}},
		why: "MySQL's compound statements keep their ';' (Rules.Compound)"},
	{name: "BEGIN ATOMIC body", dialect: "postgres",
		in:  "CREATE FUNCTION f() RETURNS int LANGUAGE SQL BEGIN ATOMIC SELECT 1; END;",
		old: []st{{"CREATE FUNCTION f() RETURNS int LANGUAGE SQL BEGIN ATOMIC SELECT 1", 1}, {"END", 1}},
		now: []st{{"CREATE FUNCTION f() RETURNS int LANGUAGE SQL BEGIN ATOMIC SELECT 1; END", 1}},
		why: "a SQL-standard function body is one statement (Rules.Bodies)"},
	{name: "unclosed trigger body", dialect: "sqlite",
		in:     "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;",
		old:    []st{{"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;", 1}},
		nowErr: true,
		why:    "refused before anything runs, with a message saying to add the END, instead of the server's syntax error"},
	{name: "DELIMITER", dialect: "mysql",
		in:     "DELIMITER //\nCREATE TABLE a (id int)//",
		old:    []st{{"DELIMITER //\nCREATE TABLE a (id int)//", 1}},
		nowErr: true,
		why:    "DELIMITER is the mysql client's; refused with a message saying to remove it (Rules.Delimiter)"},
	{name: "E string", dialect: "postgres",
		in:     "SELECT E'it\\'s; here'; SELECT 2;",
		oldErr: true,
		now:    []st{{"SELECT E'it\\'s; here'", 1}, {"SELECT 2", 1}},
		why:    "PostgreSQL reads a backslash escape in E'…' (Rules.EStrings)"},
	{name: "nested comment", dialect: "postgres",
		in:  "/* a /* b; */ c; */ SELECT 1;",
		old: []st{{"/* a /* b; */ c", 1}, {"*/ SELECT 1", 1}},
		now: []st{{"SELECT 1", 1}},
		why: "PostgreSQL nests comments (Rules.NestedComments)"},
	{name: "dollar tag starting with a digit", dialect: "postgres",
		in:     "SELECT $1$;",
		oldErr: true,
		now:    []st{{"SELECT $1$", 1}},
		why:    "a dollar-quote tag is an identifier and cannot start with a digit; $1 is a parameter"},
	{name: "marker after SQL", dialect: "postgres",
		in:     "SELECT 1; -- +retort StatementBegin\nSELECT 2;\n-- +retort StatementEnd\n",
		old:    []st{{"SELECT 1", 1}, {"SELECT 2;", 2}},
		nowErr: true,
		why:    "a block marker must be on a line of its own, as in revision files; said so instead of read as one"},
	{name: "trailing semicolon of a block", dialect: "sqlite",
		in:  "-- +retort StatementBegin\nSELECT 1; SELECT 2;\n-- +retort StatementEnd\n",
		old: []st{{"SELECT 1; SELECT 2;", 2}},
		now: []st{{"SELECT 1; SELECT 2", 2}},
		why: "revision files' reading; the server runs the same statements"},
	{name: "non-ASCII white space", dialect: "sqlite",
		in:  "SELECT 1\u3000;",
		old: []st{{"SELECT 1", 1}},
		now: []st{{"SELECT 1\u3000", 1}},
		why: "revision files' reading: bytes past ASCII belong to words; SQL white space is ASCII"},
}

type st = sqlsplit.Statement

func TestDisagreements(t *testing.T) {
	t.Parallel()
	for _, c := range disagreements {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var d = modelDialects[0]
			for _, m := range modelDialects {
				if m.name == c.dialect {
					d = m
				}
			}
			old, oerr := legacySplit(c.in, d.mysql)
			if (oerr != nil) != c.oldErr || !reflect.DeepEqual(old, c.old) {
				t.Errorf("old splitter on %q: %+v, %v; documented %+v (error %v)", c.in, old, oerr, c.old, c.oldErr)
			}
			got, err := sqlsplit.Split(c.in, 1, d.rules)
			if (err != nil) != c.nowErr || !reflect.DeepEqual(got, c.now) {
				t.Errorf("Split on %q: %+v, %v; documented %+v (error %v)", c.in, got, err, c.now, c.nowErr)
			}
		})
	}
}
