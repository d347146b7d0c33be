package mysql_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// TestInspectViewDefiner checks each view_definer rule on a live server: a
// definer that differs only by host is the same under "user", different
// under "exact", and not there at all under "ignore"; the other view
// clauses are read whatever the rule.
func TestInspectViewDefiner(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE TABLE t (a int)",
		"CREATE ALGORITHM=MERGE DEFINER=root@'%' SQL SECURITY INVOKER VIEW anywhere AS SELECT a FROM t WITH CHECK OPTION",
		"CREATE DEFINER=root@'localhost' VIEW here AS SELECT a FROM t",
	} {
		if _, err := db.DB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		rule           string
		anywhere, here string
	}{
		{"", "root", "root"},
		{schema.ViewDefinerUser, "root", "root"},
		{schema.ViewDefinerExact, "root@%", "root@localhost"},
		{schema.ViewDefinerIgnore, "", ""},
	} {
		s, err := mysql.Inspect(ctx, db.DB, schema.InspectOptions{ViewDefiner: c.rule})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Views) != 2 {
			t.Fatalf("views: %+v", s.Views)
		}
		a, h := s.Views[0], s.Views[1]
		if a.Definer != c.anywhere || h.Definer != c.here {
			t.Errorf("rule %q: definers %q, %q; want %q, %q", c.rule, a.Definer, h.Definer, c.anywhere, c.here)
		}
		if a.Algorithm != "MERGE" || a.Security != "INVOKER" || a.CheckOption != "CASCADED" {
			t.Errorf("rule %q: clauses of anywhere: %q %q %q", c.rule, a.Algorithm, a.Security, a.CheckOption)
		}
		if h.Algorithm != "" || h.Security != "" || h.CheckOption != "" {
			t.Errorf("rule %q: defaults of here not left empty: %q %q %q", c.rule, h.Algorithm, h.Security, h.CheckOption)
		}
	}
}

// TestInspectPartitioning checks how partitioning reads back: counted
// partitions stay counted, listed ones keep their names, bounds, comments
// and subpartitions, and the table's options do not carry "partitioned".
func TestInspectPartitioning(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE TABLE counted (id int NOT NULL PRIMARY KEY) PARTITION BY LINEAR KEY () PARTITIONS 3",
		"CREATE TABLE named (id int NOT NULL PRIMARY KEY) PARTITION BY HASH (id) (PARTITION a, PARTITION b)",
		"CREATE TABLE ranged (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE COLUMNS (d, id) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (" +
			"PARTITION old VALUES LESS THAN ('2000-01-01', 5) COMMENT 'it''s old', PARTITION rest VALUES LESS THAN (MAXVALUE, MAXVALUE))",
		"CREATE TABLE listed (id int NOT NULL, k int NOT NULL, PRIMARY KEY (id, k)) PARTITION BY LIST (k) SUBPARTITION BY KEY (id) (" +
			"PARTITION p VALUES IN (1, NULL) (SUBPARTITION s1, SUBPARTITION s2))",
	} {
		if _, err := db.DB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s, err := mysql.Inspect(ctx, db.DB, schema.InspectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"counted": `{"by":"LINEAR KEY ()","count":3}`,
		"named":   `{"by":"HASH (` + "`id`" + `)","partitions":[{"name":"a"},{"name":"b"}]}`,
		"ranged": `{"by":"RANGE COLUMNS(` + "`d`,`id`" + `)","sub_by":"HASH (` + "`id`" + `)","sub_count":2,"partitions":[` +
			`{"name":"old","values":"LESS THAN ('2000-01-01',5)","comment":"it's old"},{"name":"rest","values":"LESS THAN (MAXVALUE,MAXVALUE)"}]}`,
		"listed": `{"by":"LIST (` + "`k`" + `)","sub_by":"KEY (` + "`id`" + `)","partitions":[{"name":"p","values":"IN (NULL,1)","subpartitions":["s1","s2"]}]}`,
	}
	if len(s.Unmanaged) > 0 {
		t.Errorf("unmanaged: %v", s.Unmanaged)
	}
	for _, tb := range s.Tables {
		b, _ := json.Marshal(tb.Partitioning)
		if string(b) != want[tb.Name] {
			t.Errorf("%s:\n got %s\nwant %s", tb.Name, b, want[tb.Name])
		}
		if tb.Options != "" {
			t.Errorf("%s: options %q", tb.Name, tb.Options)
		}
	}
}

// TestInspectObjects reads triggers, routines and events back as objects:
// the definer written into SQL only under "exact" and compared as the rule
// keeps it, a trigger after another created FOLLOWS it with the one
// before's definition in its own, a server-set STARTS left out, a written
// one kept, and exclude patterns leaving objects out by name.
func TestInspectObjects(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE TABLE t (a int)",
		"CREATE DEFINER=root@'%' TRIGGER t_one BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
		"CREATE TRIGGER t_two BEFORE INSERT ON t FOR EACH ROW FOLLOWS t_one SET NEW.a = NEW.a + 1",
		"CREATE DEFINER=root@'%' FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x",
		"CREATE PROCEDURE skip_me() BEGIN SELECT 1; END",
		"CREATE EVENT soon ON SCHEDULE EVERY 1 DAY DO DELETE FROM t",
		"CREATE EVENT later ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 03:00:00' DO DELETE FROM t",
	} {
		if _, err := db.DB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	find := func(s *schema.Schema, kind, name string) *schema.Object {
		for _, o := range s.Objects {
			if o.Kind == kind && o.Name == name {
				return o
			}
		}
		t.Fatalf("no %s %s in %v", kind, name, s.Objects)
		return nil
	}
	user, err := mysql.Inspect(ctx, db.DB, schema.InspectOptions{Filter: schema.Filter{Exclude: []string{"skip_*"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(user.Unmanaged) > 0 || len(user.Objects) != 5 {
		t.Fatalf("objects %v, unmanaged %v", user.Objects, user.Unmanaged)
	}
	one, two := find(user, "trigger", "t_one"), find(user, "trigger", "t_two")
	if one.SQL != "CREATE TRIGGER `t_one` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1" || one.Table != "t" {
		t.Errorf("t_one: %q on %q", one.SQL, one.Table)
	}
	if !strings.HasPrefix(one.Def, "DEFINER root\n") {
		t.Errorf("t_one def under the user rule: %q", one.Def)
	}
	if two.SQL != "CREATE TRIGGER `t_two` BEFORE INSERT ON `t` FOR EACH ROW FOLLOWS `t_one` SET NEW.a = NEW.a + 1" ||
		!strings.HasSuffix(two.Def, "FOLLOWS t_one:\n"+one.Def) || len(two.DependsOn) != 1 {
		t.Errorf("t_two: %q, def %q, depends on %v", two.SQL, two.Def, two.DependsOn)
	}
	if f := find(user, "function", "f"); strings.Contains(f.SQL, "DEFINER") || !strings.HasPrefix(f.SQL, "CREATE FUNCTION `f`(x int)") {
		t.Errorf("function f: %q", f.SQL)
	}
	if e := find(user, "event", "soon"); strings.Contains(e.SQL, "STARTS") {
		t.Errorf("event soon keeps the STARTS the server set: %q", e.SQL)
	}
	if e := find(user, "event", "later"); !strings.Contains(e.SQL, "STARTS '2031-01-01 03:00:00'") || !strings.Contains(e.Def, "STARTS") {
		t.Errorf("event later lost its STARTS: %q", e.SQL)
	}

	exact, err := mysql.Inspect(ctx, db.DB, schema.InspectOptions{ViewDefiner: schema.ViewDefinerExact})
	if err != nil {
		t.Fatal(err)
	}
	if f := find(exact, "function", "f"); !strings.HasPrefix(f.SQL, "CREATE DEFINER=`root`@`%` FUNCTION `f`") || !strings.HasPrefix(f.Def, "DEFINER root@%\n") {
		t.Errorf("function f under exact: %q, def %q", f.SQL, f.Def)
	}
	if o := find(exact, "trigger", "t_one"); !strings.HasPrefix(o.SQL, "CREATE DEFINER=`root`@`%` TRIGGER") {
		t.Errorf("trigger under exact: %q", o.SQL)
	}
	find(exact, "procedure", "skip_me")
	ignore, err := mysql.Inspect(ctx, db.DB, schema.InspectOptions{ViewDefiner: schema.ViewDefinerIgnore})
	if err != nil {
		t.Fatal(err)
	}
	if f := find(ignore, "function", "f"); strings.Contains(f.Def, "DEFINER") {
		t.Errorf("function f under ignore: def %q", f.Def)
	}
}
