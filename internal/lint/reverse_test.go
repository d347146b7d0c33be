package lint

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

// A measured downgrade result (Revision.Reverse) replaces the check from the
// DDL: a difference the DDL sees is not reported when the measurement found
// none, the measurement's difference is reported once where the DDL cannot
// read the revision, at the line it names or the downgrade marker, and an
// ignore comment and the configuration still apply to it.
func TestMeasuredReverse(t *testing.T) {
	t.Parallel()
	d, err := registry.Lookup("postgres")
	if err != nil {
		t.Fatal(err)
	}
	lintOne := func(up, down string, rv *Reverse, cfg Config) []Finding {
		t.Helper()
		text := file("000000000001", "", "add things to the schema", up, down)
		sc, err := script.Parse("r.sql", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		r := FromScript(sc, "r.sql")
		r.Lint, r.Reverse = true, rv
		fs, err := Run([]Revision{r}, Options{Dialect: d, Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		var out []Finding
		for _, f := range fs {
			if f.Rule == "downgrade-not-reverse" {
				out = append(out, f)
			}
		}
		return out
	}
	leaves := "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY);"
	if fs := lintOne(leaves, "DROP TABLE a;", nil, Config{}); len(fs) != 1 || !strings.Contains(fs[0].Message, "table b") {
		t.Fatalf("from the DDL: %s", describe(fs))
	}
	if fs := lintOne(leaves, "DROP TABLE a;", &Reverse{}, Config{}); len(fs) != 0 {
		t.Errorf("measured equal, yet reported: %s", describe(fs))
	}
	// Line 10 is the downgrade marker, 11 its statement.
	do := "DO $$ BEGIN EXECUTE 'CREATE TABLE c (id int)'; END $$;"
	if fs := lintOne(do, "SELECT 1;", nil, Config{}); len(fs) != 0 {
		t.Fatalf("the DDL check read a DO block: %s", describe(fs))
	}
	fs := lintOne(do, "SELECT 1;", &Reverse{Message: "measured: added table 'c'"}, Config{})
	if len(fs) != 1 || fs[0].Message != "measured: added table 'c'" || fs[0].Line != 10 || fs[0].Section != "downgrade" || fs[0].Level != "error" {
		t.Errorf("measured difference: %s", describe(fs))
	}
	fs = lintOne(do, "SELECT 1;", &Reverse{Line: 11, Message: "the downgrade fails"}, Config{Severity: map[string]string{"downgrade-not-reverse": "warning"}})
	if len(fs) != 1 || fs[0].Line != 11 || fs[0].Level != "warning" {
		t.Errorf("measured failure at its statement, re-levelled: %s", describe(fs))
	}
	if fs := lintOne(do, "-- +retort empty", &Reverse{Message: "measured: added table 'c'"}, Config{}); len(fs) != 1 {
		t.Errorf("a downgrade marked empty is measured too: %s", describe(fs))
	}
	ignored := "-- retort:ignore downgrade-not-reverse c is kept on purpose\n"
	text := ignored + file("000000000001", "", "add things to the schema", do, "SELECT 1;")
	sc, err := script.Parse("r.sql", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := FromScript(sc, "r.sql")
	r.Lint, r.Reverse = true, &Reverse{Message: "measured: added table 'c'"}
	all, err := Run([]Revision{r}, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range all {
		if f.Rule == "downgrade-not-reverse" || f.Rule == ruleIgnoreInvalid {
			t.Errorf("ignore comment not applied: %s", describe(all))
		}
	}
}
