package script

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// The splitter and its table tests and fuzz target live in internal/sqlsplit;
// these tests check what Split adds: CRLF read as LF, section markers
// refused, errors as *Error, the file line of the first line.

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []Statement
	}{
		{"two statements", "CREATE TABLE a (id int);\nDROP TABLE b;\n",
			[]Statement{{SQL: "CREATE TABLE a (id int)", Line: 1}, {SQL: "DROP TABLE b", Line: 2}}},
		{"CRLF", "SELECT 1;\r\n-- note\r\nSELECT\r\n  2;\r\n",
			[]Statement{{SQL: "SELECT 1", Line: 1}, {SQL: "SELECT\n  2", Line: 3}}},
		{"CR CR LF", "SELECT 'a\r\r\nb';\r\n", []Statement{{SQL: "SELECT 'a\nb'", Line: 1}}},
		{"lone CR kept", "SELECT 'a\rb';", []Statement{{SQL: "SELECT 'a\rb'", Line: 1}}},
		{"MySQL fallback", "# it is\nSELECT 'It\\'s';", []Statement{{SQL: "SELECT 'It\\'s'", Line: 2}}},
		{"StatementBegin block", "-- +retort StatementBegin\nSELECT 1; SELECT 2;\n-- +retort StatementEnd\n",
			[]Statement{{SQL: "SELECT 1; SELECT 2", Line: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Split(tt.in, 1)
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
	got, err := Split("\nSELECT 1;\n\nSELECT 2;", 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []Statement{{SQL: "SELECT 1", Line: 11}, {SQL: "SELECT 2", Line: 13}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSplitErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"marker in Split", "SELECT 1;\n-- +retort downgrade\n", "line 2: -- +retort downgrade belongs in a revision file, not in a single section's SQL"},
		{"no-transaction in Split", "-- +retort no-transaction\nSELECT 1;\n", "line 1: -- +retort no-transaction belongs in a revision file, not in a single section's SQL"},
		{"unterminated string", "SELECT 1;\r\nSELECT 'abc;\r\n", "line 2: unterminated string: the ' opened here is never closed"},
		{"unknown annotation", "SELECT 1;\n--   +retort up\n", `line 2: unknown annotation "-- +retort up"; known: upgrade, downgrade, no-transaction, empty, manual, StatementBegin, StatementEnd`},
		{"DELIMITER", "DELIMITER //\n", "line 1: DELIMITER is a command of the mysql client, not SQL: remove it (BEGIN … END bodies of CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT stay whole without it), or wrap the statement in -- +retort StatementBegin / -- +retort StatementEnd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Split(tt.in, 1)
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

// TestScanBodyIsSqlsplit checks that a revision body is split by the one
// splitter with AllDialects, item for item.
func TestScanBodyIsSqlsplit(t *testing.T) {
	t.Parallel()
	body := "-- +retort upgrade\n-- +retort no-transaction\nSELECT 'It\\'s';\n-- +retort StatementBegin\nBEGIN; COMMIT;\n-- +retort StatementEnd\n" +
		"-- +retort downgrade\n-- +retort empty\n"
	got, err := scanBody(body, 5)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sqlsplit.Scan(body, 5, sqlsplit.AllDialects)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("scanBody gives %d items, sqlsplit.Scan %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.annot != w.Annotation || g.stmt != w.Statement || g.line != w.Line || g.lineStart != w.LineStart ||
			g.lineEnd != w.LineEnd || g.block != w.Block || g.mysql != w.Rules.Backslash {
			t.Errorf("item %d: scanBody %+v, sqlsplit %+v", i, g, w)
		}
	}
	if !got[2].mysql || got[3].mysql || !got[3].block {
		t.Errorf("fallback or block not carried: %+v", got)
	}
}
