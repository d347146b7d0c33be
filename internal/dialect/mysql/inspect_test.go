package mysql_test

import (
	"context"
	"encoding/json"
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
