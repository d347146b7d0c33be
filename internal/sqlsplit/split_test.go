package sqlsplit

import (
	"reflect"
	"strings"
	"testing"
)

type st = Statement

// splitAll splits text as a revision file's section is split: Scan with
// AllDialects; an annotation other than a block is a test failure.
func splitAll(t testing.TB, text string) ([]Statement, error) {
	t.Helper()
	items, err := Scan(text, 1, AllDialects)
	if err != nil {
		return nil, err
	}
	var out []Statement
	for _, it := range items {
		if it.Annotation != 0 {
			t.Fatalf("Scan(%q) yields annotation %s at line %d", text, it.Annotation, it.Line)
		}
		out = append(out, it.Statement)
	}
	return out, nil
}

// splitCases are the splitter's table tests, also seeds for FuzzSplit.
var splitCases = []struct {
	name string
	in   string
	want []Statement
}{
	{"empty", "", nil},
	{"comments only", "-- nothing\n/* at all */\n\n", nil},
	{"two statements", "CREATE TABLE a (id int);\nDROP TABLE b;\n",
		[]st{{"CREATE TABLE a (id int)", 1}, {"DROP TABLE b", 2}}},
	{"last without semicolon", "SELECT 1;\nSELECT 2\n", []st{{"SELECT 1", 1}, {"SELECT 2", 2}}},
	{"several on one line", "SELECT 1; SELECT 2;SELECT 3", []st{{"SELECT 1", 1}, {"SELECT 2", 1}, {"SELECT 3", 1}}},
	{"empty statements", ";;\n;SELECT 1;;", []st{{"SELECT 1", 2}}},
	{"leading comment dropped, line of first token", "-- make a\n\n  CREATE TABLE a (\n  id int -- key\n);",
		[]st{{"CREATE TABLE a (\n  id int -- key\n)", 3}}},
	{"trailing comment before semicolon dropped", "SELECT 1 -- one\n/* x */ ;", []st{{"SELECT 1", 1}}},
	{"semicolon in string", "INSERT INTO t VALUES ('a;b');\nSELECT ';'", []st{
		{"INSERT INTO t VALUES ('a;b')", 1}, {"SELECT ';'", 2}}},
	{"doubled quote", "INSERT INTO t VALUES ('it''s; fine');", []st{{"INSERT INTO t VALUES ('it''s; fine')", 1}}},
	{"backslash is ordinary in standard strings", `SELECT 'C:\'; SELECT 2;`, []st{{`SELECT 'C:\'`, 1}, {"SELECT 2", 1}}},
	{"E string backslash escapes", `SELECT E'a\';b'; SELECT 2;`, []st{{`SELECT E'a\';b'`, 1}, {"SELECT 2", 1}}},
	{"e string lower case", `SELECT e'\\'; SELECT 2;`, []st{{`SELECT e'\\'`, 1}, {"SELECT 2", 1}}},
	{"word ending in e is not an E string", `SELECT some'\'; SELECT 2;`, []st{{`SELECT some'\'`, 1}, {"SELECT 2", 1}}},
	{"MySQL backslash escapes", `INSERT INTO t VALUES ('It\'s; here');` + "\nSELECT 2;", []st{
		{`INSERT INTO t VALUES ('It\'s; here')`, 1}, {"SELECT 2", 2}}},
	{"double quoted identifier", `CREATE TABLE "a;b" ("x""y;" int);`, []st{{`CREATE TABLE "a;b" ("x""y;" int)`, 1}}},
	{"backtick identifier", "CREATE TABLE `a;b` (`x``;` int);", []st{{"CREATE TABLE `a;b` (`x``;` int)", 1}}},
	{"comment with semicolon and quote", "SELECT 1 -- it's; here\n;\n/* don't; */ SELECT 2;", []st{
		{"SELECT 1", 1}, {"SELECT 2", 3}}},
	{"nested block comment", "/* a /* b; */ c; */ SELECT 1;", []st{{"SELECT 1", 1}}},
	{"comment inside statement kept", "SELECT /* ; */ 1;", []st{{"SELECT /* ; */ 1", 1}}},
	{"mysql executable comment is SQL", "/*!40101 SET NAMES utf8 */;\nSELECT 1;", []st{
		{"/*!40101 SET NAMES utf8 */", 1}, {"SELECT 1", 2}}},
	{"mariadb executable comment is SQL", "/*M!100100 SET x = 1 */;\n/*m! a comment */;\nSELECT 1;", []st{
		{"/*M!100100 SET x = 1 */", 1}, {"SELECT 1", 3}}},
	{"postgres function with $$", "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;",
		[]st{{"CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql", 1}, {"SELECT 1", 7}}},
	{"postgres function with $body$ holding $$", "CREATE OR REPLACE FUNCTION f() RETURNS text AS $body$\nBEGIN RETURN '$$;'; END;\n$body$ LANGUAGE plpgsql;\nDROP TABLE x;",
		[]st{{"CREATE OR REPLACE FUNCTION f() RETURNS text AS $body$\nBEGIN RETURN '$$;'; END;\n$body$ LANGUAGE plpgsql", 1}, {"DROP TABLE x", 4}}},
	{"DO block", "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1) THEN\n    RAISE NOTICE 'x;';\n  END IF;\nEND\n$$;\nSELECT 1;",
		[]st{{"DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1) THEN\n    RAISE NOTICE 'x;';\n  END IF;\nEND\n$$", 1}, {"SELECT 1", 8}}},
	{"positional parameters are not dollar quotes", "PREPARE p AS SELECT $1, $2;\nSELECT 1;", []st{
		{"PREPARE p AS SELECT $1, $2", 1}, {"SELECT 1", 2}}},
	{"dollar inside identifier", "SELECT a$b$c FROM t; SELECT 2;", []st{{"SELECT a$b$c FROM t", 1}, {"SELECT 2", 1}}},
	{"postgres BEGIN ATOMIC", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE SQL\nBEGIN ATOMIC\n  SELECT a + 1;\nEND;\nSELECT 2;",
		[]st{{"CREATE FUNCTION f(a int) RETURNS int LANGUAGE SQL\nBEGIN ATOMIC\n  SELECT a + 1;\nEND", 1}, {"SELECT 2", 5}}},
	{"sqlite trigger", "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = n + 1;\n  INSERT INTO log VALUES ('a;');\nEND;\nCREATE TABLE c (id int);",
		[]st{{"CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = n + 1;\n  INSERT INTO log VALUES ('a;');\nEND", 1}, {"CREATE TABLE c (id int)", 6}}},
	{"sqlite temp trigger with CASE inside", "CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON a FOR EACH ROW\nBEGIN\n  SELECT CASE WHEN NEW.x < 0 THEN RAISE(ABORT, 'neg') END;\n  UPDATE a SET y = CASE WHEN 1 THEN 2 ELSE 3 END;\nEND;\nSELECT 1;",
		[]st{{"CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON a FOR EACH ROW\nBEGIN\n  SELECT CASE WHEN NEW.x < 0 THEN RAISE(ABORT, 'neg') END;\n  UPDATE a SET y = CASE WHEN 1 THEN 2 ELSE 3 END;\nEND", 1}, {"SELECT 1", 6}}},
	{"mysql procedure", "CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  WHILE i < n DO\n    IF i = 2 THEN\n      SET i = i + 1;\n    END IF;\n    SET i = i + 1;\n  END WHILE;\n  lbl: LOOP\n    LEAVE lbl;\n  END LOOP lbl;\n  CASE n WHEN 1 THEN SELECT 1; ELSE BEGIN END; END CASE;\nEND;\nCALL p(3);",
		[]st{{"CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  WHILE i < n DO\n    IF i = 2 THEN\n      SET i = i + 1;\n    END IF;\n    SET i = i + 1;\n  END WHILE;\n  lbl: LOOP\n    LEAVE lbl;\n  END LOOP lbl;\n  CASE n WHEN 1 THEN SELECT 1; ELSE BEGIN END; END CASE;\nEND", 1}, {"CALL p(3)", 15}}},
	{"mysql definer forms", "CREATE OR REPLACE DEFINER = root@localhost TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; SET NEW.y = 2; END;\nCREATE DEFINER=CURRENT_USER() FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END;",
		[]st{{"CREATE OR REPLACE DEFINER = root@localhost TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; SET NEW.y = 2; END", 1}, {"CREATE DEFINER=CURRENT_USER() FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END", 2}}},
	{"mysql trigger whose body is one IF", "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; ELSEIF NEW.x > 9 THEN SET NEW.x = 9; END IF;\nSELECT 1;",
		[]st{{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; ELSEIF NEW.x > 9 THEN SET NEW.x = 9; END IF", 1}, {"SELECT 1", 2}}},
	{"mysql procedure whose body is a loop", "CREATE PROCEDURE p() l: LOOP SELECT 1; LEAVE l; END LOOP l;\nCREATE PROCEDURE q() WHILE 0 DO SELECT IF(1, 2, 3); END WHILE;\nCREATE PROCEDURE r() REPEAT SET @x = REPEAT('a', 2); UNTIL 1 END REPEAT;",
		[]st{{"CREATE PROCEDURE p() l: LOOP SELECT 1; LEAVE l; END LOOP l", 1}, {"CREATE PROCEDURE q() WHILE 0 DO SELECT IF(1, 2, 3); END WHILE", 2}, {"CREATE PROCEDURE r() REPEAT SET @x = REPEAT('a', 2); UNTIL 1 END REPEAT", 3}}},
	{"routine body with FOR UPDATE, IF() and IF EXISTS", "CREATE PROCEDURE p() BEGIN SELECT * FROM t WHERE (id = 1) FOR UPDATE; SET @a = IF(1, 2, 3); DROP TABLE IF EXISTS x; END;\nSELECT 2;",
		[]st{{"CREATE PROCEDURE p() BEGIN SELECT * FROM t WHERE (id = 1) FOR UPDATE; SET @a = IF(1, 2, 3); DROP TABLE IF EXISTS x; END", 1}, {"SELECT 2", 2}}},
	{"IF() after ELSE inside a CASE expression", "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = CASE WHEN NEW.y THEN 1 ELSE IF(NEW.z, 2, 3) END; SET NEW.w = 1; END;\nSELECT 1;",
		[]st{{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = CASE WHEN NEW.y THEN 1 ELSE IF(NEW.z, 2, 3) END; SET NEW.w = 1; END", 1}, {"SELECT 1", 2}}},
	{"mariadb FOR loop", "CREATE PROCEDURE p() BEGIN FOR i IN 1..3 DO INSERT INTO t VALUES (i); END FOR; END;\nSELECT 3;",
		[]st{{"CREATE PROCEDURE p() BEGIN FOR i IN 1..3 DO INSERT INTO t VALUES (i); END FOR; END", 1}, {"SELECT 3", 2}}},
	{"mysql function without body block", "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;\nSELECT f();",
		[]st{{"CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1", 1}, {"SELECT f()", 2}}},
	{"mysql event", "CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO BEGIN DELETE FROM a; DELETE FROM b; END;\nSELECT 1;",
		[]st{{"CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO BEGIN DELETE FROM a; DELETE FROM b; END", 1}, {"SELECT 1", 2}}},
	{"BEGIN as a transaction statement", "BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN TRANSACTION;\nEND;",
		[]st{{"BEGIN", 1}, {"SELECT 1", 2}, {"COMMIT", 3}, {"BEGIN TRANSACTION", 4}, {"END", 5}}},
	{"mariadb compound statement", "BEGIN NOT ATOMIC\n  DECLARE i INT DEFAULT 0;\n  IF i = 0 THEN SELECT 1; END IF;\nEND;\nSELECT 2;",
		[]st{{"BEGIN NOT ATOMIC\n  DECLARE i INT DEFAULT 0;\n  IF i = 0 THEN SELECT 1; END IF;\nEND", 1}, {"SELECT 2", 5}}},
	{"BEGIN NOT DEFERRABLE is a transaction", "BEGIN NOT DEFERRABLE; SELECT 1; END;",
		[]st{{"BEGIN NOT DEFERRABLE", 1}, {"SELECT 1", 1}, {"END", 1}}},
	{"CASE END in an ordinary statement", "SELECT CASE WHEN a THEN 1 END FROM t; SELECT 2;", []st{
		{"SELECT CASE WHEN a THEN 1 END FROM t", 1}, {"SELECT 2", 1}}},
	{"postgres trigger without body", "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 1;",
		[]st{{"CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f()", 1}, {"SELECT 1", 2}}},
	{"table named like a routine word", "CREATE TABLE trigger_log (function text, begin_at int);\nSELECT 1;",
		[]st{{"CREATE TABLE trigger_log (function text, begin_at int)", 1}, {"SELECT 1", 2}}},
	{"StatementBegin block", "SELECT 1;\n-- +retort StatementBegin\nCREATE FUNCTION f() RETURNS int AS 'SELECT 1;' LANGUAGE sql; SELECT 2;\n-- +retort StatementEnd\nSELECT 3;",
		[]st{{"SELECT 1", 1}, {"CREATE FUNCTION f() RETURNS int AS 'SELECT 1;' LANGUAGE sql; SELECT 2", 3}, {"SELECT 3", 5}}},
	{"StatementBegin flushes a pending statement", "SELECT 1\n-- +retort StatementBegin\nSELECT 2;\n-- +retort statementend\n",
		[]st{{"SELECT 1", 1}, {"SELECT 2", 3}}},
	{"annotation text inside a string is text", "SELECT '-- +retort upgrade', $$ -- +retort downgrade $$;", []st{
		{"SELECT '-- +retort upgrade', $$ -- +retort downgrade $$", 1}}},
	{"CRLF", "SELECT 1;\r\n-- note\r\nSELECT\r\n  2;\r\n", []st{{"SELECT 1", 1}, {"SELECT\r\n  2", 3}}},
	{"multi-line string counts lines", "SELECT 'a\nb\nc';\nSELECT 2;", []st{{"SELECT 'a\nb\nc'", 1}, {"SELECT 2", 4}}},
	{"mysql hash comment in fallback", "# don't\nSELECT 1;\nSELECT 2; # two", []st{{"SELECT 1", 2}, {"SELECT 2", 3}}},
	{"mysql non-nested comment in fallback", "/* it's /* */ SELECT 1;", []st{{"SELECT 1", 1}}},
}

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := splitCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := splitAll(t, tt.in)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitFirstLine(t *testing.T) {
	t.Parallel()
	got, err := Split("\nSELECT 1;\n\nSELECT 2;", 10, AllDialects)
	if err != nil {
		t.Fatal(err)
	}
	want := []Statement{{"SELECT 1", 11}, {"SELECT 2", 13}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSplitErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"unterminated string", "SELECT 1;\nSELECT 'abc;\n", "line 2: unterminated string: the ' opened here is never closed"},
		{"unterminated identifier", "SELECT 1;\n\nSELECT \"abc;\n", "line 3: unterminated quoted identifier: the \" opened here is never closed"},
		{"unterminated backtick", "SELECT `abc;\n", "line 1: unterminated quoted identifier: the ` opened here is never closed"},
		{"unterminated dollar", "SELECT 1;\nDO $body$ BEGIN END; $$;", "line 2: unterminated dollar-quoted string: $body$ opened here is never closed"},
		{"unterminated comment", "SELECT 1;\n/* a\n/* b\n", "line 2: unterminated /* comment: add the closing */"},
		{"unterminated StatementBegin", "SELECT 1;\n-- +retort StatementBegin\nSELECT 2;", "line 2: -- +retort StatementBegin has no matching -- +retort StatementEnd"},
		{"StatementEnd alone", "SELECT 1;\n-- +retort StatementEnd\n", "line 2: -- +retort StatementEnd without a -- +retort StatementBegin before it"},
		{"nested StatementBegin", "-- +retort StatementBegin\n-- +retort StatementBegin\n", "line 2: -- +retort StatementBegin inside the block opened at line 1; close that one with -- +retort StatementEnd first"},
		{"unknown annotation", "SELECT 1;\n--   +retort up\n", `line 2: unknown annotation "-- +retort up"; known: upgrade, downgrade, no-transaction, empty, manual, StatementBegin, StatementEnd`},
		{"glued annotation", "-- +retortupgrade\n", `line 1: unknown annotation "-- +retortupgrade"; known: upgrade, downgrade, no-transaction, empty, manual, StatementBegin, StatementEnd`},
		{"empty annotation", "-- +retort\n", `line 1: annotation "-- +retort" names nothing; known: upgrade, downgrade, no-transaction, empty, manual, StatementBegin, StatementEnd`},
		{"annotation after SQL", "SELECT 1; -- +retort StatementEnd\n", `line 1: annotation "-- +retort StatementEnd" must be on a line of its own`},
		{"annotation lines end a dollar quote", "-- +retort StatementBegin\nDO $$\n-- +retort StatementEnd\n$$;\n-- +retort StatementEnd",
			"line 2: unterminated dollar-quoted string: $$ opened here is never closed"},
		{"annotation lines end a comment", "/*\n-- +retort StatementBegin\n*/ SELECT 1;\n-- +retort StatementEnd", "line 1: unterminated /* comment: add the closing */"},
		{"unclosed trigger body", "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = 1;\n", "line 2: the BEGIN opened here has no matching END before the statement ends; add the END, or wrap the whole statement in -- +retort StatementBegin / -- +retort StatementEnd"},
		{"DELIMITER", "DELIMITER //\nCREATE PROCEDURE p() BEGIN END//\n", "line 1: DELIMITER is a command of the mysql client, not SQL: remove it (BEGIN … END bodies of CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT stay whole without it), or wrap the statement in -- +retort StatementBegin / -- +retort StatementEnd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Scan(tt.in, 1, AllDialects)
			if err == nil {
				t.Fatalf("Split(%q) = %+v, want error %q", tt.in, got, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Split(%q) error\n got %s\nwant %s", tt.in, err, tt.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("error is %T, want *Error", err)
			}
		})
	}
}

// checkSplitConsistent checks the properties every Split result must have:
// each statement starts on its Line and is trimmed; lexed again on its own
// under the same rules it comes back unchanged; and, for text without
// annotations, joining the statements with ";\n" and splitting again gives
// them back.
func checkSplitConsistent(t *testing.T, in string, got []Statement) {
	t.Helper()
	lines := strings.Split(in, "\n")
	items, err := Scan(in, 1, AllDialects)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != len(got) {
		t.Fatalf("scanBody gives %d items, Split %d statements", len(items), len(got))
	}
	relex := func(text string, block bool, r Rules) []string {
		l := lexer{src: text, line: 1, block: block, r: r}
		if err := l.run(); err != nil {
			t.Fatalf("re-splitting %q (rules %+v): %v", text, r, err)
		}
		var out []string
		for _, it := range l.items {
			out = append(out, it.Statement.SQL)
		}
		return out
	}
	prev := 0
	var plain strings.Builder
	for i, s := range got {
		if s.SQL == "" || strings.Trim(s.SQL, " \t\n\r\v\f") != s.SQL {
			t.Fatalf("statement %q is empty or not trimmed", s.SQL)
		}
		if s.Line < prev || s.Line < 1 || s.Line > len(lines) {
			t.Fatalf("statement %q has line %d (previous %d, %d lines)", s.SQL, s.Line, prev, len(lines))
		}
		prev = s.Line
		firstLine, _, _ := strings.Cut(s.SQL, "\n")
		if !strings.Contains(lines[s.Line-1], firstLine) {
			t.Fatalf("statement %q does not start on line %d %q", s.SQL, s.Line, lines[s.Line-1])
		}
		if again := relex(s.SQL, true, items[i].Rules); !reflect.DeepEqual(again, []string{s.SQL}) {
			t.Fatalf("statement %q lexed again gives %q", s.SQL, again)
		}
		plain.WriteString(s.SQL + ";\n")
	}
	if strings.Contains(in, "+retort") || len(got) == 0 {
		return // a StatementBegin block may hold several statements
	}
	if again := relex(plain.String(), false, items[0].Rules); !reflect.DeepEqual(again, sqlOf(got)) {
		t.Fatalf("joining with \";\" and re-splitting gives\n%q\nwant\n%q", again, sqlOf(got))
	}
}

func sqlOf(ss []Statement) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.SQL)
	}
	return out
}

func TestSplitConsistent(t *testing.T) {
	t.Parallel()
	for _, in := range splitSeeds {
		got, err := splitAll(t, in)
		if err != nil {
			continue
		}
		checkSplitConsistent(t, in, got)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	for _, c := range splitCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		items, err := Scan(in, 1, AllDialects)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			return
		}
		var got []Statement
		for _, it := range items {
			if it.Annotation != 0 {
				return // a section marker: the text is not one section's SQL
			}
			got = append(got, it.Statement)
		}
		checkSplitConsistent(t, in, got)
	})
}

var splitSeeds = []string{
	"",
	"SELECT 1;\nSELECT 2",
	"INSERT INTO t VALUES ('a;b', 'it''s', E'x\\'y');",
	"CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;",
	"DO $body$ BEGIN PERFORM 1; END $body$;",
	"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; END;",
	"CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; END;",
	"/* a /* nested */ */ SELECT \"x;\", `y;` -- c;\n;",
	"-- +retort StatementBegin\nSELECT 1; SELECT 2;\n-- +retort StatementEnd\n",
	"SELECT 'It\\'s';\n# comment\nSELECT 2;",
	"BEGIN;\nCOMMIT;\r\nSELECT $1;",
}

// TestSplitPlainFile checks what Split (a plain SQL file) makes of
// "-- +retort" lines: blocks are read, any other such line is a comment,
// even one Scan would refuse.
func TestSplitPlainFile(t *testing.T) {
	t.Parallel()
	in := "-- +retort upgrade\n-- +retort no-transaction\nSELECT 1;\n-- +retortfoo\n--  +retort bogus\n-- +retort\n" +
		"-- +retort StatementBegin\nSELECT 2; SELECT 3;\n-- +retort StatementEnd\nSELECT 4 -- +retort downgrade\n;"
	got, err := Split(in, 1, AllDialects)
	if err != nil {
		t.Fatal(err)
	}
	want := []Statement{{"SELECT 1", 3}, {"SELECT 2; SELECT 3", 8}, {"SELECT 4", 10}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := Scan(in, 1, AllDialects); err == nil {
		t.Error("Scan reads the same text without an error")
	}
	for _, bad := range []string{"SELECT 1; -- +retort StatementEnd\n", "-- +retort StatementBegin\nSELECT 1;\n"} {
		if got, err := Split(bad, 1, AllDialects); err == nil {
			t.Errorf("Split(%q) = %+v, want an error", bad, got)
		}
	}
}
