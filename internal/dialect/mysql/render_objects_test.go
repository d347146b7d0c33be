package mysql

import (
	"testing"

	"github.com/retortdb/retort/internal/dialect/rendertest"
	"github.com/retortdb/retort/schema"
)

// TestRenderObjectGolden pins the SQL of trigger, routine and event changes
// both ways: created from their statement, dropped by name with a review
// note unless created again in the same changes, replaced by drop and
// create, and refused by name when the kind is not MySQL's or the
// statement is missing.
func TestRenderObjectGolden(t *testing.T) {
	t.Parallel()
	trig := &schema.Object{Kind: "trigger", Name: "t_bi", Table: "t", Def: "x",
		SQL: "CREATE TRIGGER `t_bi` BEFORE INSERT ON `t` FOR EACH ROW BEGIN\n  SET NEW.a = 1;\nEND"}
	fn := &schema.Object{Kind: "function", Name: "f", Def: "1", SQL: "CREATE FUNCTION `f`() RETURNS int(11)\n    DETERMINISTIC\nRETURN 1"}
	fn2 := &schema.Object{Kind: "function", Name: "f", Def: "2", SQL: "CREATE FUNCTION `f`() RETURNS int(11)\n    DETERMINISTIC\nRETURN 2"}
	proc := &schema.Object{Kind: "procedure", Name: "p", Def: "p", SQL: "CREATE PROCEDURE `p`()\nBEGIN\n  SELECT 1;\nEND"}
	ev := &schema.Object{Kind: "event", Name: "e", Def: "e", SQL: "CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM t"}
	rendertest.Run(t, Render, []rendertest.Case{
		{Name: "objects", Changes: []schema.Change{
			&schema.AddObject{Object: fn}, &schema.AddObject{Object: proc}, &schema.AddObject{Object: trig}, &schema.AddObject{Object: ev},
		}},
		{Name: "objects_redo", Changes: []schema.Change{
			&schema.DropObject{Object: trig}, &schema.DropObject{Object: fn}, &schema.AddObject{Object: fn2}, &schema.AddObject{Object: trig},
			&schema.ReplaceObject{From: proc, To: proc},
		}},
		{Name: "objects_unknown", Changes: []schema.Change{&schema.AddObject{Object: &schema.Object{Kind: "domain", Name: "d", SQL: "CREATE DOMAIN d"}}}},
		{Name: "objects_no_sql", Changes: []schema.Change{&schema.AddObject{Object: &schema.Object{Kind: "event", Name: "e"}}}},
	}, *update)
}
