package sqlsplit_test

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// TestDialectRules checks each dialect's lexical rules on the texts where
// the dialects read SQL differently ("" in a column: the dialect refuses the
// text).
func TestDialectRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in                string
		postgres, mysql, sqlite []string // nil: an error
	}{
		{"backslash in a string", `SELECT 'C:\'; SELECT 2;`,
			[]string{`SELECT 'C:\'`, "SELECT 2"}, nil, []string{`SELECT 'C:\'`, "SELECT 2"}},
		{"backslash escape", `SELECT 'it\'s;'; SELECT 2;`,
			nil, []string{`SELECT 'it\'s;'`, "SELECT 2"}, nil},
		{"double quotes", `SELECT "a\";b"; SELECT 2;`,
			nil, []string{`SELECT "a\";b"`, "SELECT 2"}, nil},
		{"hash comment", "# a; b\nSELECT 1;",
			[]string{"# a", "b\nSELECT 1"}, []string{"SELECT 1"}, []string{"# a", "b\nSELECT 1"}},
		{"nested comment", "/* a /* b; */ c; */ SELECT 1;",
			[]string{"SELECT 1"}, []string{"c", "*/ SELECT 1"}, []string{"c", "*/ SELECT 1"}},
		{"E string", `SELECT E'\';'; SELECT 2;`,
			[]string{`SELECT E'\';'`, "SELECT 2"}, []string{`SELECT E'\';'`, "SELECT 2"}, nil},
		{"dollar quotes", "DO $x$ BEGIN; END $x$; SELECT 2;",
			[]string{"DO $x$ BEGIN; END $x$", "SELECT 2"}, []string{"DO $x$ BEGIN", "END $x$", "SELECT 2"}, []string{"DO $x$ BEGIN; END $x$", "SELECT 2"}},
		{"executable comment", "/*!40101 SET NAMES utf8 */;\n/*M!100100 SET x = 1 */;",
			[]string{"/*!40101 SET NAMES utf8 */", "/*M!100100 SET x = 1 */"}, []string{"/*!40101 SET NAMES utf8 */", "/*M!100100 SET x = 1 */"}, []string{"/*!40101 SET NAMES utf8 */", "/*M!100100 SET x = 1 */"}},
		{"trigger body", "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = 1; END; SELECT 2;",
			[]string{"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = 1; END", "SELECT 2"},
			[]string{"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = 1; END", "SELECT 2"},
			[]string{"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = 1; END", "SELECT 2"}},
		{"compound statement", "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END;",
			[]string{"BEGIN NOT ATOMIC SELECT 1", "SELECT 2", "END"}, []string{"BEGIN NOT ATOMIC SELECT 1; SELECT 2; END"}, []string{"BEGIN NOT ATOMIC SELECT 1", "SELECT 2", "END"}},
		{"DELIMITER", "DELIMITER //\nSELECT 1//",
			[]string{"DELIMITER //\nSELECT 1//"}, nil, []string{"DELIMITER //\nSELECT 1//"}},
	}
	for _, tt := range tests {
		for _, d := range modelDialects {
			want := map[string][]string{"postgres": tt.postgres, "mysql": tt.mysql, "sqlite": tt.sqlite}[d.name]
			t.Run(tt.name+"/"+d.name, func(t *testing.T) {
				t.Parallel()
				got, err := sqlsplit.Split(tt.in, 1, d.rules)
				if want == nil {
					if err == nil {
						t.Fatalf("Split(%q) = %q, want an error", tt.in, sqlOf(got))
					}
					return
				}
				if err != nil {
					t.Fatalf("Split(%q): %v", tt.in, err)
				}
				if !reflect.DeepEqual(sqlOf(got), want) {
					t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, sqlOf(got), want)
				}
			})
		}
	}
}

func sqlOf(ss []sqlsplit.Statement) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.SQL)
	}
	return out
}
