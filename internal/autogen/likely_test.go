package autogen

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestLikelyRenames(t *testing.T) {
	t.Parallel()
	col := func(n, typ string) *schema.Column { return &schema.Column{Name: n, Type: schema.Type{SQL: typ}} }
	old := &schema.Table{Name: "trends", Columns: []*schema.Column{col("id", "integer"), col("score", "integer")}}
	neu := &schema.Table{Name: "rankings", Columns: []*schema.Column{col("score", "INTEGER"), col("id", "integer")}}
	notes := LikelyRenames([]schema.Change{&schema.DropTable{Table: old}, &schema.AddTable{Table: neu}})
	if len(notes) != 1 || !strings.Contains(notes[0], "--rename trends=rankings") {
		t.Errorf("a table dropped and one with the same columns added: %q", notes)
	}
	mt := &schema.ModifyTable{From: old, To: old, Changes: []schema.TableChange{
		&schema.DropColumn{Column: col("score", "integer")}, &schema.AddColumn{Column: col("points", "integer")}}}
	notes = LikelyRenames([]schema.Change{mt})
	if len(notes) != 1 || !strings.Contains(notes[0], "--rename trends.score=points") {
		t.Errorf("a column dropped and one of the same type added: %q", notes)
	}
	// Another type, or two candidates: no guess.
	for _, cs := range [][]schema.TableChange{
		{&schema.DropColumn{Column: col("score", "integer")}, &schema.AddColumn{Column: col("points", "text")}},
		{&schema.DropColumn{Column: col("score", "integer")}, &schema.AddColumn{Column: col("a", "integer")}, &schema.AddColumn{Column: col("b", "integer")}},
	} {
		if notes := LikelyRenames([]schema.Change{&schema.ModifyTable{From: old, To: old, Changes: cs}}); len(notes) != 0 {
			t.Errorf("no likely rename expected: %q", notes)
		}
	}
}
