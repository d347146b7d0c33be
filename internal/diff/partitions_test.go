package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

func intCol(name string) *schema.Column {
	return &schema.Column{Name: name, Type: schema.Type{SQL: "integer", Name: "integer"}}
}

// partitioned is a schema with a range-partitioned table m (key), two
// partitions, one of them partitioned by hash in turn, a table r whose
// foreign key references m, a view reading m and a policy on m.
func partitioned(key, bound string) *schema.Schema {
	return &schema.Schema{
		Tables: []*schema.Table{
			{Name: "m", Columns: []*schema.Column{intCol("id"), intCol("ts")}, PartitionBy: key,
				PrimaryKey: &schema.PrimaryKey{Name: "m_pkey", Columns: []string{"id", "ts"}}},
			{Name: "m1", PartitionOf: &schema.PartitionOf{Table: "m", Bound: bound}},
			{Name: "m2", PartitionOf: &schema.PartitionOf{Table: "m", Bound: "DEFAULT"}, PartitionBy: "HASH (id)"},
			{Name: "m2a", PartitionOf: &schema.PartitionOf{Table: "m2", Bound: "FOR VALUES WITH (modulus 1, remainder 0)"}},
			{Name: "r", Columns: []*schema.Column{intCol("mid"), intCol("mts")},
				ForeignKeys: []*schema.ForeignKey{{Name: "r_m", Columns: []string{"mid", "mts"}, RefTable: "m", RefColumns: []string{"id", "ts"}}}},
		},
		Views: []*schema.View{{Name: "v", Def: "SELECT id FROM m", DependsOn: []string{"m"}}},
		Objects: []*schema.Object{
			{Kind: "policy", Name: "p", Table: "m", Def: "CREATE POLICY p ON m", SQL: "CREATE POLICY p ON m", DependsOn: []string{"m"}},
			// A trigger names no table in DependsOn: it follows its table by
			// Table alone.
			{Kind: "trigger", Name: "tr", Table: "m", Def: "CREATE TRIGGER tr", SQL: "CREATE TRIGGER tr"},
		},
	}
}

func changeStrings(changes []schema.Change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, c.String())
	}
	return out
}

// indexOf is the position of the first change that starts with prefix, or
// -1.
func indexOf(changes []string, prefix string) int {
	for i, c := range changes {
		if strings.HasPrefix(c, prefix) {
			return i
		}
	}
	return -1
}

// A partition key change rebuilds the table with all its partitions, in
// an order the server accepts: what references or reads it goes first,
// partitions are dropped before their parent and created after it, and
// the foreign key, view and policy come back last. A partition whose
// parent is kept and whose bound alone changes is detached and attached
// again, nothing else.
func TestPartitionKeyChangeRebuilds(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"up", "down"} {
		from, to := partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)"), partitioned("RANGE (id)", "FOR VALUES FROM (0) TO (10)")
		if dir == "down" {
			from, to = to, from
		}
		changes, err := diff.Diff(from, to, postgres.New().DiffOptions())
		if err != nil {
			t.Fatal(err)
		}
		got := changeStrings(changes)
		order := []string{
			`drop view "v"`, `modify table "r": drop foreign key "r_m"`,
			`drop table "m2a"`, `drop table "m2"`, `drop table "m1"`, `drop table "m"`,
			`add table "m"`, `add table "m1"`, `add table "m2"`, `add table "m2a"`,
			`modify table "r": add foreign key "r_m"`,
		}
		last := -1
		for _, want := range order {
			i := indexOf(got, want)
			if i < 0 || i < last {
				t.Fatalf("%s: %q missing or out of order in:\n%s", dir, want, strings.Join(got, "\n"))
			}
			last = i
		}
		if i := indexOf(got, `drop policy "p"`); i < 0 || i > indexOf(got, `drop table "m"`) {
			t.Errorf("%s: the policy is not dropped before its table:\n%s", dir, strings.Join(got, "\n"))
		}
		if i := indexOf(got, `drop trigger "tr"`); i < 0 || i > indexOf(got, `drop table "m"`) {
			t.Errorf("%s: the trigger is not dropped before its table:\n%s", dir, strings.Join(got, "\n"))
		}
		for _, want := range []string{`add view "v"`, `add policy "p"`, `add trigger "tr"`} {
			if i := indexOf(got, want); i < last {
				t.Errorf("%s: %q missing or before the tables are back:\n%s", dir, want, strings.Join(got, "\n"))
			}
		}
	}

	changes, err := diff.Diff(partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)"), partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (20)"), postgres.New().DiffOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := changeStrings(changes)
	if strings.Join(got, "\n") != `modify table "m1": table options: detach partition (FOR VALUES FROM (0) TO (10)) from "m"`+"\n"+
		`modify table "m1": table options: attach partition to "m" FOR VALUES FROM (0) TO (20)` {
		t.Errorf("bound change: got\n%s", strings.Join(got, "\n"))
	}
}

// Bounds that move, partitions that go and partitions that come never
// overlap on the way: what leaves a bound leaves before anything takes it.
func TestPartitionBoundsNeverOverlap(t *testing.T) {
	t.Parallel()
	mk := func(parts ...[2]string) *schema.Schema {
		s := &schema.Schema{Tables: []*schema.Table{{Name: "m", Columns: []*schema.Column{intCol("id")}, PartitionBy: "RANGE (id)"}}}
		for _, p := range parts {
			s.Tables = append(s.Tables, &schema.Table{Name: p[0], PartitionOf: &schema.PartitionOf{Table: "m", Bound: p[1]}})
		}
		return s
	}
	from := mk([2]string{"a", "FROM (0) TO (10)"}, [2]string{"b", "FROM (10) TO (20)"}, [2]string{"old", "FROM (20) TO (30)"})
	to := mk([2]string{"a", "FROM (0) TO (20)"}, [2]string{"b", "FROM (20) TO (25)"}, [2]string{"new", "FROM (25) TO (30)"})
	for _, dir := range []string{"up", "down"} {
		f, tt := from, to
		if dir == "down" {
			f, tt = to, from
		}
		changes, err := diff.Diff(f, tt, postgres.New().DiffOptions())
		if err != nil {
			t.Fatal(err)
		}
		got := changeStrings(changes)
		lastLeave, firstTake := -1, len(got)
		for i, c := range got {
			switch {
			case strings.Contains(c, "detach partition"), strings.HasPrefix(c, "drop table"):
				lastLeave = i
			case strings.Contains(c, "attach partition"), strings.HasPrefix(c, "add table"):
				if i < firstTake {
					firstTake = i
				}
			}
		}
		if lastLeave > firstTake {
			t.Errorf("%s: a bound is taken before another leaves it:\n%s", dir, strings.Join(got, "\n"))
		}
	}
}

// A new partitioned table's partitions are created after it, whatever the
// order of the desired tables; a partition of a kept table is added alone.
func TestPartitionsCreatedAfterParent(t *testing.T) {
	t.Parallel()
	to := partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)")
	// Partitions listed before their parents.
	to.Tables = []*schema.Table{to.Tables[3], to.Tables[2], to.Tables[1], to.Tables[0], to.Tables[4]}
	changes, err := diff.Diff(&schema.Schema{}, to, postgres.New().DiffOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := changeStrings(changes)
	last := -1
	for _, want := range []string{`add table "m"`, `add table "m2"`, `add table "m2a"`} {
		i := indexOf(got, want)
		if i < last {
			t.Fatalf("%q missing or out of order in:\n%s", want, strings.Join(got, "\n"))
		}
		last = i
	}
	if indexOf(got, `add table "m1"`) < indexOf(got, `add table "m"`) {
		t.Fatalf("partition m1 before its parent:\n%s", strings.Join(got, "\n"))
	}

	from := partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)")
	to = partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)")
	to.Tables = append(to.Tables, &schema.Table{Name: "m3", PartitionOf: &schema.PartitionOf{Table: "m", Bound: "FOR VALUES FROM (10) TO (20)"}})
	changes, err = diff.Diff(from, to, postgres.New().DiffOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := changeStrings(changes); len(got) != 1 || got[0] != `add table "m3"` {
		t.Errorf("partition added: got\n%s", strings.Join(got, "\n"))
	}
}

// A constraint whose comment alone changes keeps the constraint: one
// comment change, on every kind, named as it is after a rename.
func TestConstraintCommentChanges(t *testing.T) {
	t.Parallel()
	mk := func(comment, checkName string) *schema.Schema {
		return &schema.Schema{Tables: []*schema.Table{
			{Name: "p", Columns: []*schema.Column{intCol("id")}, PrimaryKey: &schema.PrimaryKey{Name: "p_pkey", Columns: []string{"id"}, Comment: comment}},
			{Name: "t", Columns: []*schema.Column{intCol("a"), intCol("b")},
				PrimaryKey:  &schema.PrimaryKey{Name: "t_pkey", Columns: []string{"a"}, Comment: comment},
				Uniques:     []*schema.Unique{{Name: "t_b", Columns: []string{"b"}, Comment: comment}},
				Checks:      []*schema.Check{{Name: checkName, Expr: "a > 0", Comment: comment}},
				Exclusions:  []*schema.Exclusion{{Name: "t_ex", Def: "EXCLUDE USING btree (b WITH =)", Comment: comment}},
				ForeignKeys: []*schema.ForeignKey{{Name: "t_fk", Columns: []string{"b"}, RefTable: "p", RefColumns: []string{"id"}, Comment: comment}},
			},
		}}
	}
	changes, err := diff.Diff(mk("old", "ck"), mk("new", "ck_renamed"), postgres.New().DiffOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(changeStrings(changes), "\n")
	for _, want := range []string{
		`modify table "p": primary key constraint "p_pkey" comment "old" → "new"`,
		`rename check constraint "ck" to "ck_renamed"`,
		`unique constraint "t_b" comment "old" → "new"`,
		`check constraint "ck_renamed" comment "old" → "new"`,
		`exclusion constraint "t_ex" comment "old" → "new"`,
		`foreign key constraint "t_fk" comment "old" → "new"`,
		`primary key constraint "t_pkey" comment "old" → "new"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, bad := range []string{"drop ", "add "} {
		if strings.Contains(got, bad) {
			t.Errorf("a comment change drops or adds a constraint:\n%s", got)
		}
	}
}

// A partitioned table that becomes a plain one loses its partitions
// before it is rebuilt, and the other way round gains them after.
func TestPartitionedToPlain(t *testing.T) {
	t.Parallel()
	part := partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)")
	plain := partitioned("RANGE (ts)", "FOR VALUES FROM (0) TO (10)")
	plain.Tables = []*schema.Table{plain.Tables[0], plain.Tables[4]}
	plain.Tables[0].PartitionBy = ""
	for _, dir := range []string{"up", "down"} {
		from, to := part, plain
		if dir == "down" {
			from, to = plain, part
		}
		changes, err := diff.Diff(from, to, postgres.New().DiffOptions())
		if err != nil {
			t.Fatal(err)
		}
		got := changeStrings(changes)
		drop, add := indexOf(got, `drop table "m"`), indexOf(got, `add table "m"`)
		if drop < 0 || add < drop {
			t.Fatalf("%s: m is not rebuilt:\n%s", dir, strings.Join(got, "\n"))
		}
		for _, p := range []string{"m1", "m2", "m2a"} {
			if i := indexOf(got, `drop table "`+p+`"`); dir == "up" && (i < 0 || i > drop) {
				t.Errorf("%s: partition %s not dropped before its parent:\n%s", dir, p, strings.Join(got, "\n"))
			}
			if i := indexOf(got, `add table "`+p+`"`); dir == "down" && (i < 0 || i < add) {
				t.Errorf("%s: partition %s not added after its parent:\n%s", dir, p, strings.Join(got, "\n"))
			}
		}
	}
}
