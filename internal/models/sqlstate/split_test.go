package sqlstate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
)

// TestLoadSplitsWithDialectRules loads model files whose statements only
// the dialect's own lexical rules cut right: a ';' inside a string that
// ends in a backslash escape (MySQL) or an E'…' string (PostgreSQL), a #
// comment, a nested comment, a trigger body.
func TestLoadSplitsWithDialectRules(t *testing.T) {
	t.Parallel()
	texts := map[string]string{
		testutil.Postgres: "/* a /* nested; */ comment; */\n" +
			"CREATE TABLE a (id int PRIMARY KEY, x text DEFAULT E'it\\'s; here');\n" +
			"CREATE TABLE b (id int PRIMARY KEY, y text DEFAULT 'C:\\');\n",
		testutil.MySQL: "# a comment; it's here\n" +
			"CREATE TABLE a (id int PRIMARY KEY, x varchar(20) DEFAULT 'it\\'s; here');\n" +
			"CREATE TABLE b (id int PRIMARY KEY, y varchar(20) DEFAULT \"say \\\"hi\\\";\");\n",
		testutil.SQLite: "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT DEFAULT 'C:\\');\n" +
			"CREATE TABLE b (id INTEGER PRIMARY KEY, y TEXT);\n" +
			"CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b (y) VALUES ('x;');\n  UPDATE b SET y = 'z';\nEND;\n",
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			f := write(t, "schema.sql", texts[d])
			s, err := sqlstate.Load(context.Background(), source(t, d, f))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tb := range s.Tables {
				names = append(names, tb.Name)
			}
			if got := strings.Join(names, ","); got != "a,b" {
				t.Fatalf("tables = %s, want a,b", got)
			}
			if x := s.Table("", "a").Column("x"); x == nil || !strings.Contains(x.Default, "s; here") && !strings.Contains(x.Default, `C:\`) {
				t.Fatalf("a.x = %+v, want the default with its ';'", x)
			}
		})
	}
}
