package autogen_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/schema"
)

// Check reports an object that changes once, and leaves out one that is
// only created again because its table is rebuilt (the table's change is
// reported on its own).
func TestCheckObjects(t *testing.T) {
	t.Parallel()
	mk := func(colType, trig string) *schema.Schema {
		return &schema.Schema{
			Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "a", Type: schema.Type{SQL: colType, Name: colType}, Nullable: true}}}},
			Objects: []*schema.Object{
				{Kind: "trigger", Name: "t_a", Table: "t", Def: trig, SQL: trig},
			},
		}
	}
	trig := func(body string) string { return "CREATE TRIGGER t_a AFTER INSERT ON t BEGIN " + body + "; END" }
	cases := []struct {
		name     string
		from, to *schema.Schema
		want     string
	}{
		{"rebuild only", mk("INTEGER", trig("SELECT 1")), mk("TEXT", trig("SELECT 1")),
			"Detected type change from INTEGER to TEXT on 't.a'\n"},
		{"trigger changed", mk("INTEGER", trig("SELECT 1")), mk("INTEGER", trig("SELECT 2")),
			"Detected changed definition of trigger 't_a' on 't'\n"},
		{"trigger added", &schema.Schema{Tables: mk("INTEGER", "").Tables}, mk("INTEGER", trig("SELECT 1")),
			"Detected added trigger 't_a' on 't'\n"},
		{"trigger removed", mk("INTEGER", trig("SELECT 1")), &schema.Schema{Tables: mk("INTEGER", "").Tables},
			"Detected removed trigger 't_a' on 't'\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := autogen.Check(tc.from, tc.to, "sqlite")
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Text(); got != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			for _, d := range r.Differences {
				if strings.Contains(d.Op, " ") {
					t.Errorf("op %q has a space", d.Op)
				}
			}
		})
	}
}
