package script

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// revisionWith is a revision file whose upgrade section is body (from line 4).
func revisionWith(body string) string {
	return "-- Revision ID: abc\n\n-- +retort upgrade\n" + body + "\n"
}

// txFlagged are statements that control the transaction, each with what the
// error calls it; every one is refused at the top level of a section.
var txFlagged = []struct{ sql, what string }{
	{"COMMIT", "COMMIT"},
	{"commit", "COMMIT"},
	{"Commit Work", "COMMIT"},
	{"COMMIT TRANSACTION", "COMMIT"},
	{"COMMIT AND CHAIN", "COMMIT"},
	{"COMMIT AND NO CHAIN NO RELEASE", "COMMIT"},
	{"COMMIT PREPARED 'tx1'", "COMMIT"},
	{"ROLLBACK", "ROLLBACK"},
	{"rollback work", "ROLLBACK"},
	{"ROLLBACK TRANSACTION", "ROLLBACK"},
	{"ROLLBACK TO sp1", "ROLLBACK"},
	{"ROLLBACK TO SAVEPOINT sp1", "ROLLBACK"},
	{"ROLLBACK WORK TO SAVEPOINT sp1", "ROLLBACK"},
	{"ROLLBACK AND CHAIN", "ROLLBACK"},
	{"ROLLBACK PREPARED 'tx1'", "ROLLBACK"},
	{"BEGIN", "BEGIN"},
	{"begin", "BEGIN"},
	{"BEGIN WORK", "BEGIN"},
	{"BEGIN TRANSACTION", "BEGIN"},
	{"BEGIN DEFERRED", "BEGIN"},
	{"BEGIN IMMEDIATE TRANSACTION", "BEGIN"},
	{"BEGIN EXCLUSIVE", "BEGIN"},
	{"BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN"},
	{"BEGIN READ ONLY", "BEGIN"},
	{"BEGIN NOT DEFERRABLE", "BEGIN"},
	{"BEGIN /* note */ ;", "BEGIN"},
	{"BEGIN # mysql comment\n", "BEGIN"},
	{"END", "END"},
	{"end transaction", "END"},
	{"END WORK", "END"},
	{"END AND CHAIN", "END"},
	{"START TRANSACTION", "START TRANSACTION"},
	{"start transaction read only", "START TRANSACTION"},
	{"START TRANSACTION WITH CONSISTENT SNAPSHOT", "START TRANSACTION"},
	{"START TRANSACTION ISOLATION LEVEL REPEATABLE READ", "START TRANSACTION"},
	{"START\n  -- why not\n  TRANSACTION", "START TRANSACTION"},
	{"SAVEPOINT sp1", "SAVEPOINT"},
	{"RELEASE sp1", "RELEASE SAVEPOINT"},
	{"RELEASE SAVEPOINT sp1", "RELEASE SAVEPOINT"},
	{"ABORT", "ABORT"},
	{"ABORT WORK", "ABORT"},
	{"PREPARE TRANSACTION 'tx1'", "PREPARE TRANSACTION"},
	{"XA START 'x'", "XA START"},
	{"XA BEGIN 'x'", "XA BEGIN"},
	{"XA END 'x'", "XA END"},
	{"XA PREPARE 'x'", "XA PREPARE"},
	{"XA COMMIT 'x'", "XA COMMIT"},
	{"xa rollback 'x'", "XA ROLLBACK"},
	{"SET autocommit = 0", "SET autocommit"},
	{"SET AUTOCOMMIT=1", "SET autocommit"},
	{"set autocommit := 1", "SET autocommit"},
	{"SET @@autocommit = 0", "SET autocommit"},
	{"SET SESSION autocommit = 0", "SET autocommit"},
	{"SET LOCAL autocommit = 0", "SET autocommit"},
	{"SET @@session.autocommit = 0", "SET autocommit"},
	{"SET @@SESSION.AUTOCOMMIT=0", "SET autocommit"},
	{"SET sql_mode = '', autocommit = 0", "SET autocommit"},
	{"SET NAMES utf8mb4, autocommit=0", "SET autocommit"},
	{"LOCK TABLES t1 READ", "LOCK TABLES"},
	{"LOCK TABLES t1 WRITE, t2 READ", "LOCK TABLES"},
	{"lock table t1 as a read local", "LOCK TABLES"},
	{"LOCK TABLES `t1` LOW_PRIORITY WRITE", "LOCK TABLES"},
	{"UNLOCK TABLES", "UNLOCK TABLES"},
	{"unlock table", "UNLOCK TABLES"},
	{"FLUSH TABLES WITH READ LOCK", "FLUSH TABLES … READ LOCK"},
	{"FLUSH TABLES t1, t2 FOR EXPORT", "FLUSH TABLES … FOR EXPORT"},
	{"/*!40000 COMMIT */", "COMMIT"},
	{"/*!START TRANSACTION */", "START TRANSACTION"},
	{"/*M!100100 SET autocommit=0 */", "SET autocommit"},
	{"/*!40101 SET autocommit=0 */", "SET autocommit"},
}

// txNotFlagged are statements that are not transaction control, or hold
// its words where the server does not read them as such.
var txNotFlagged = []string{
	"SELECT 1",
	"SELECT 'COMMIT'",
	`SELECT "commit" FROM t`,
	"SELECT `rollback` FROM t",
	"CREATE TABLE commit_log (begin_at int, end_at int, savepoint text)",
	"INSERT INTO t (commit) VALUES (1)",
	"UPDATE t SET autocommit = 1",
	"SET @autocommit = 1",
	"SET @x = @@autocommit",
	"SET GLOBAL autocommit = 0",
	"SET @@global.autocommit = 0",
	"SET PERSIST autocommit = 0",
	"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
	"SET SESSION TRANSACTION READ ONLY",
	"SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED",
	"SET CONSTRAINTS ALL DEFERRED",
	"SET search_path = 'commit'",
	"SET x = 'autocommit=1'",
	"LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE",
	"LOCK accounts",
	"LOCK TABLE ONLY accounts IN SHARE ROW EXCLUSIVE MODE NOWAIT",
	"FLUSH PRIVILEGES",
	"FLUSH TABLES",
	"START REPLICA",
	"PREPARE stmt FROM 'COMMIT'",
	"PREPARE p AS SELECT 1",
	"XA RECOVER",
	"EXECUTE p",
	"CALL do_commit()",
	"END IF",
	"BEGIN NOT ATOMIC SELECT 1; COMMIT; END",
	"/* COMMIT */ SELECT 1",
	"-- COMMIT\nSELECT 1",
	"/*+ COMMIT */ SELECT 1",
	"DO $$ BEGIN COMMIT; END $$",
	"DO $body$ BEGIN ROLLBACK; END $body$",
	"CREATE FUNCTION f() RETURNS void AS $$ BEGIN; COMMIT; $$ LANGUAGE sql",
	"CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$",
	"CREATE PROCEDURE p() BEGIN START TRANSACTION; INSERT INTO t VALUES (1); COMMIT; END",
	"CREATE PROCEDURE p() BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; END; START TRANSACTION; SAVEPOINT s; RELEASE SAVEPOINT s; COMMIT; END",
	"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END",
	"CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO BEGIN COMMIT; END",
	"CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN ROLLBACK; END",
}

func TestTxControlRefused(t *testing.T) {
	t.Parallel()
	for _, c := range txFlagged {
		for _, form := range []string{"%s;", "  %s ;", "/* lead */ %s;", "-- lead\n%s;", "SELECT 1;\n%s;\nSELECT 2;"} {
			body := fmt.Sprintf(form, c.sql)
			_, err := Parse("versions/x.sql", []byte(revisionWith(body)))
			e, ok := err.(*Error)
			if !ok {
				t.Errorf("%q: error %v, want a refusal", body, err)
				continue
			}
			line := 4 + strings.Count(body[:strings.Index(body, c.sql)], "\n")
			if e.Path != "versions/x.sql" || e.Line != line || !strings.HasPrefix(e.Msg, c.what+" controls the transaction") ||
				!strings.Contains(e.Msg, `"-- +retort no-transaction"`) {
				t.Errorf("%q: error %q, want %s at line %d", body, err, c.what, line)
			}
			// In a no-transaction revision or section the revision owns
			// its transactions.
			for _, noTx := range []string{
				"-- Revision ID: abc\n\n-- +retort no-transaction\n-- +retort upgrade\n" + body + "\n",
				"-- Revision ID: abc\n\n-- +retort upgrade\n-- +retort no-transaction\n" + body + "\n-- +retort downgrade\n-- +retort no-transaction\n" + body + "\n",
			} {
				if _, err := Parse("versions/x.sql", []byte(noTx)); err != nil {
					t.Errorf("no-transaction %q: %v", noTx, err)
				}
			}
		}
	}
}

func TestTxControlNotRefused(t *testing.T) {
	t.Parallel()
	for _, sql := range txNotFlagged {
		for _, body := range []string{sql + ";", "-- +retort StatementBegin\n" + sql + "\n-- +retort StatementEnd"} {
			s, err := Parse("versions/x.sql", []byte(revisionWith(body)))
			if err != nil {
				t.Errorf("%q: %v", body, err)
				continue
			}
			if len(s.Upgrade.Statements) != 1 {
				t.Errorf("%q: %d statements, want 1: %v", body, len(s.Upgrade.Statements), s.Upgrade.Statements)
			}
		}
	}
}

func TestTxControlInDowngradeAndBlocks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body string
		line int
	}{
		{"SELECT 1;\n-- +retort downgrade\nDROP TABLE a;\nROLLBACK;", 7},
		// A block is sent as one text, but servers run each of its
		// statements: it is split again to look.
		{"-- +retort StatementBegin\nSELECT 1; COMMIT\n-- +retort StatementEnd", 5},
		{"-- +retort StatementBegin\nSELECT 1;\nSTART TRANSACTION;\n-- +retort StatementEnd", 6},
		{"-- +retort StatementBegin\nCOMMIT\n-- +retort StatementEnd", 5},
		// A block the splitter cannot read: its first statement decides.
		{"-- +retort StatementBegin\nBEGIN; CREATE PROCEDURE p() BEGIN SELECT 1;\n-- +retort StatementEnd", 5},
	}
	for _, c := range cases {
		_, err := Parse("x.sql", []byte(revisionWith(c.body)))
		if e, ok := err.(*Error); !ok || e.Line != c.line || !strings.Contains(e.Msg, "controls the transaction") {
			t.Errorf("%q: error %v, want a refusal at line %d", c.body, err, c.line)
		}
	}
}

// Fragments holding transaction-control words where they are not read as
// such: strings, comments, quoted names, dollar quotes, routine bodies.
var txHidden = []string{
	"INSERT INTO log VALUES ('COMMIT;');",
	"INSERT INTO log VALUES ('it''s; ROLLBACK;');",
	"SELECT $$ COMMIT; $$;",
	"SELECT $q$ BEGIN; $q$;",
	"-- COMMIT;",
	"/* ROLLBACK; */",
	"/* nested /* START TRANSACTION; */ still; */",
	`CREATE TABLE "commit" ("begin" int);`,
	"CREATE TABLE `rollback` (`end` int);",
	"DO $$\nBEGIN\n  COMMIT;\nEND\n$$;",
	"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$\nBEGIN\n  ROLLBACK;\n  COMMIT;\nEND;\n$body$;",
	"CREATE PROCEDURE p()\nBEGIN\n  START TRANSACTION;\n  SAVEPOINT s;\n  RELEASE SAVEPOINT s;\n  COMMIT;\nEND;",
	"CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = n + 1;\nEND;",
	"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN ROLLBACK; END;",
	"BEGIN NOT ATOMIC\n  SELECT 1;\n  COMMIT;\nEND;",
	"SET @autocommit = 1;",
	"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;",
	"LOCK TABLE a IN SHARE MODE;",
	"-- +retort StatementBegin\nCREATE FUNCTION g() RETURNS int AS 'BEGIN; COMMIT;' LANGUAGE sql\n-- +retort StatementEnd",
}

// randomTxBody returns a body mixing hidden and top-level transaction
// control, with the file line of each flagged statement (the body starts at
// line 4).
func randomTxBody(r *rand.Rand) (string, []int) {
	var b strings.Builder
	var lines []int
	line := 4
	for range 1 + r.IntN(8) {
		var text string
		switch r.IntN(4) {
		case 0:
			c := txFlagged[r.IntN(len(txFlagged))]
			sql := c.sql
			if r.IntN(2) == 0 {
				sql = randomCase(r, sql)
			}
			lead := []string{"", "  ", "/* c */ ", "-- c\n", "\n\t"}[r.IntN(5)]
			text = lead + sql + ";"
			lines = append(lines, line+strings.Count(lead, "\n"))
		case 1:
			text = txNotFlagged[r.IntN(len(txNotFlagged))] + ";"
			if strings.HasPrefix(text, "BEGIN NOT ATOMIC") || strings.HasPrefix(text, "END IF") {
				text = "SELECT 1;"
			}
		default:
			text = txHidden[r.IntN(len(txHidden))]
		}
		b.WriteString(text + "\n")
		line += strings.Count(text, "\n") + 1
	}
	return b.String(), lines
}

// randomCase changes the case of the words outside quotes (quoted text keeps
// its meaning only in its own case), keeping "/*M!".
func randomCase(r *rand.Rand, s string) string {
	out := []byte(s)
	var q byte
	for i, c := range out {
		switch {
		case i < 4 && strings.HasPrefix(s, "/*M!"): // MariaDB's marker has one case
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case 'a' <= c && c <= 'z' && r.IntN(2) == 0:
			out[i] = c - 32
		case 'A' <= c && c <= 'Z' && r.IntN(2) == 0:
			out[i] = c + 32
		}
	}
	return string(out)
}

// checkTxBody is the property: the file is refused exactly when it holds a
// top-level transaction-control statement, at the first one's line; every
// item of the body is judged the same way.
func checkTxBody(t *testing.T, body string, lines []int) {
	t.Helper()
	_, err := Parse("x.sql", []byte(revisionWith(body)))
	if len(lines) == 0 {
		if err != nil {
			t.Fatalf("refused a body without transaction control: %v\n%s", err, body)
		}
		return
	}
	e, ok := err.(*Error)
	if !ok || e.Line != lines[0] || !strings.Contains(e.Msg, "controls the transaction") {
		t.Fatalf("error %v, want a refusal at line %d\n%s", err, lines[0], body)
	}
	items, err := scanBody(body, 4)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, it := range items {
		if it.annot == 0 && checkTxControl(it) != nil {
			got = append(got, it.stmt.Line)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(lines) {
		t.Fatalf("flagged lines %v, want %v\n%s", got, lines, body)
	}
}

func TestTxControlProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		body, lines := randomTxBody(r)
		checkTxBody(t, body, lines)
	}
}

func FuzzTxControl(f *testing.F) {
	for i := range uint64(16) {
		f.Add(i, i*7919)
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		body, lines := randomTxBody(rand.New(rand.NewPCG(a, b)))
		checkTxBody(t, body, lines)
	})
}
