package diff_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

func fn(name, def string, deps ...string) *schema.Object {
	return &schema.Object{Kind: "function", Name: name, Def: def, SQL: def, DependsOn: deps}
}

func trigger(name, table, def string, deps ...string) *schema.Object {
	return &schema.Object{Kind: "trigger", Name: name, Table: table, Def: def, SQL: def, DependsOn: deps}
}

// inPlace replaces every object in place, like a dialect with CREATE OR
// REPLACE for everything.
func inPlace(from, to *schema.Object) bool { return true }

// before reports whether change a comes before change b in got (by
// String), failing when either is missing.
func assertOrder(t *testing.T, got []schema.Change, names ...string) {
	t.Helper()
	at := map[string]int{}
	for i, c := range got {
		at[c.String()] = i
	}
	last := -1
	for _, n := range names {
		i, ok := at[n]
		if !ok {
			t.Fatalf("no %q in:\n%s", n, describe(got))
		}
		if i <= last {
			t.Fatalf("%q comes too early in:\n%s", n, describe(got))
		}
		last = i
	}
}

func assertAbsent(t *testing.T, got []schema.Change, names ...string) {
	t.Helper()
	for _, c := range got {
		for _, n := range names {
			if c.String() == n {
				t.Fatalf("unexpected %q in:\n%s", n, describe(got))
			}
		}
	}
}

func TestObjects(t *testing.T) {
	t.Parallel()
	withDefault := func(def string) *schema.Table {
		tb := table("t")
		tb.Columns[1].Default = def
		return tb
	}
	view := func(name, def string, deps ...string) *schema.View {
		return &schema.View{Name: name, Def: def, DependsOn: deps}
	}
	matview := func(name, def string, deps ...string) *schema.Object {
		return &schema.Object{Kind: "materialized view", Name: name, Def: def, SQL: def, DependsOn: deps}
	}
	cases := []struct {
		name     string
		from, to *schema.Schema
		o        diff.Options
		order    []string // these changes, in this order
		absent   []string // and none of these
	}{
		{
			name: "function a table default uses is created before the table",
			from: &schema.Schema{},
			to: &schema.Schema{Objects: []*schema.Object{fn("f()", "f1")},
				Tables: []*schema.Table{withDefault("f()")}},
			order: []string{`add function "f()"`, `add table "t"`},
		},
		{
			name: "function, then table, then the trigger that executes it",
			from: &schema.Schema{},
			to: &schema.Schema{Objects: []*schema.Object{trigger("audit", "t", "tr1", "f()"), fn("f()", "f1")},
				Tables: []*schema.Table{table("t")}},
			order: []string{`add function "f()"`, `add table "t"`, `add trigger "audit" on "t"`},
		},
		{
			name: "a dropped table's trigger is dropped first, its function after",
			from: &schema.Schema{Objects: []*schema.Object{trigger("audit", "t", "tr1", "f()"), fn("f()", "f1")},
				Tables: []*schema.Table{table("t")}},
			to:    &schema.Schema{},
			order: []string{`drop trigger "audit" on "t"`, `drop table "t"`, `drop function "f()"`},
		},
		{
			name:   "changed function replaced in place when the dialect can",
			from:   &schema.Schema{Objects: []*schema.Object{fn("f()", "f1"), trigger("audit", "t", "tr1", "f()")}, Tables: []*schema.Table{table("t")}},
			to:     &schema.Schema{Objects: []*schema.Object{fn("f()", "f2"), trigger("audit", "t", "tr1", "f()")}, Tables: []*schema.Table{table("t")}},
			o:      diff.Options{ReplaceObject: inPlace},
			order:  []string{`replace function "f()": definition`},
			absent: []string{`drop trigger "audit" on "t"`, `drop function "f()"`},
		},
		{
			name: "changed function dropped and created again, and the trigger and view that need it",
			from: &schema.Schema{Objects: []*schema.Object{fn("f()", "f1"), trigger("audit", "t", "tr1", "f()")}, Tables: []*schema.Table{table("t")},
				Views: []*schema.View{view("v", "select f()", "f()")}},
			to: &schema.Schema{Objects: []*schema.Object{fn("f()", "f2"), trigger("audit", "t", "tr1", "f()")}, Tables: []*schema.Table{table("t")},
				Views: []*schema.View{view("v", "select f()", "f()")}},
			order: []string{`drop trigger "audit" on "t"`, `drop view "v"`, `drop function "f()"`, `add function "f()"`,
				`add view "v"`, `add trigger "audit" on "t"`},
		},
		{
			name: "a rebuilt table's trigger is created again",
			from: &schema.Schema{Objects: []*schema.Object{trigger("audit", "t", "tr1")}, Tables: []*schema.Table{table("t")}},
			to:   &schema.Schema{Objects: []*schema.Object{trigger("audit", "t", "tr1")}, Tables: []*schema.Table{withDefault("1")}},
			o:    diff.Options{RebuildsTables: true, InlineForeignKeysOnly: true},
			order: []string{`drop trigger "audit" on "t"`, `modify table "t": modify column "ref": default (none) → 1`,
				`add trigger "audit" on "t"`},
		},
		{
			name:   "a table altered in place keeps its trigger",
			from:   &schema.Schema{Objects: []*schema.Object{trigger("audit", "t", "tr1")}, Tables: []*schema.Table{table("t")}},
			to:     &schema.Schema{Objects: []*schema.Object{trigger("audit", "t", "tr1")}, Tables: []*schema.Table{withDefault("1")}},
			order:  []string{`modify table "t": modify column "ref": default (none) → 1`},
			absent: []string{`drop trigger "audit" on "t"`},
		},
		{
			name: "materialized view over a changed view: dropped before it, created after",
			from: &schema.Schema{Tables: []*schema.Table{table("t")}, Views: []*schema.View{view("v", "v1", "t")},
				Objects: []*schema.Object{matview("m", "select * from v", "v")}},
			to: &schema.Schema{Tables: []*schema.Table{table("t")}, Views: []*schema.View{view("v", "v2", "t")},
				Objects: []*schema.Object{matview("m", "select * from v", "v")}},
			order: []string{`drop materialized view "m"`, `drop view "v"`, `add view "v"`, `add materialized view "m"`},
		},
		{
			name: "view over a new materialized view comes after it",
			from: &schema.Schema{Tables: []*schema.Table{table("t")}},
			to: &schema.Schema{Tables: []*schema.Table{table("t")}, Views: []*schema.View{view("a", "select * from z", "z")},
				Objects: []*schema.Object{matview("z", "select * from t", "t")}},
			order: []string{`add materialized view "z"`, `add view "a"`},
		},
		{
			name: "INSTEAD OF trigger on a changed view is created again",
			from: &schema.Schema{Tables: []*schema.Table{table("t")}, Views: []*schema.View{view("v", "v1", "t")},
				Objects: []*schema.Object{trigger("ins", "v", "tr1")}},
			to: &schema.Schema{Tables: []*schema.Table{table("t")}, Views: []*schema.View{view("v", "v2", "t")},
				Objects: []*schema.Object{trigger("ins", "v", "tr1")}},
			order: []string{`drop trigger "ins" on "v"`, `drop view "v"`, `add view "v"`, `add trigger "ins" on "v"`},
		},
		{
			name: "function over a recreated enum type steps aside",
			from: &schema.Schema{Enums: []*schema.Enum{{Name: "mood", Values: []string{"a", "b"}}},
				Objects: []*schema.Object{fn("f(mood)", "f1", "mood")}},
			to: &schema.Schema{Enums: []*schema.Enum{{Name: "mood", Values: []string{"b", "a"}}},
				Objects: []*schema.Object{fn("f(mood)", "f1", "mood")}},
			o: diff.Options{ReplaceObject: inPlace},
			order: []string{`drop function "f(mood)"`, `modify enum type "mood" values (a, b) → (b, a)`,
				`add function "f(mood)"`},
		},
		{
			name: "functions ordered by what they call; comment change alone",
			from: &schema.Schema{Objects: []*schema.Object{fn("z()", "z1"), {Kind: "function", Name: "a()", Def: "a1", DependsOn: []string{"z()"}}}},
			to: &schema.Schema{Objects: []*schema.Object{fn("z()", "z1"),
				{Kind: "function", Name: "a()", Def: "a1", Comment: "hi", DependsOn: []string{"z()"}}, fn("b()", "b1", "a()")}},
			o:     diff.Options{ReplaceObject: func(f, t *schema.Object) bool { return f.Def == t.Def }},
			order: []string{`replace function "a()": comment`, `add function "b()"`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := diff.Diff(tc.from, tc.to, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			assertOrder(t, got, tc.order...)
			assertAbsent(t, got, tc.absent...)
			back, err := diff.Diff(tc.to, tc.from, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if len(back) != len(got) {
				t.Fatalf("the reverse diff has %d changes, the upgrade %d:\n%s\n--\n%s", len(back), len(got), describe(got), describe(back))
			}
			for _, s := range []*schema.Schema{tc.from, tc.to} {
				if again, _ := diff.Diff(s, s, tc.o); len(again) != 0 {
					t.Fatalf("a schema differs from itself: %s", describe(again))
				}
			}
		})
	}
}

// A trigger on a table renamed by a declared rename follows it: its
// definition names the new table, as the server rewrites it.
func TestObjectFollowsRenamedTable(t *testing.T) {
	t.Parallel()
	from := &schema.Schema{Tables: []*schema.Table{table("old")},
		Objects: []*schema.Object{trigger("audit", "old", `CREATE TRIGGER audit AFTER INSERT ON old BEGIN SELECT 1; END`)}}
	to := &schema.Schema{Tables: []*schema.Table{table("new")},
		Objects: []*schema.Object{trigger("audit", "new", `CREATE TRIGGER audit AFTER INSERT ON new BEGIN SELECT 1; END`)}}
	to.Tables[0].PrimaryKey.Name = "old_pkey"
	got, err := diff.DiffRenamed(from, to, diff.Options{}, []diff.Rename{{Table: "old", To: "new"}})
	if err != nil {
		t.Fatal(err)
	}
	if d := describe(got); d != `rename table "old" to "new"` {
		t.Fatalf("got:\n%s", d)
	}
	// Without RebuildsTables nothing else happens; with it, the trigger is
	// dropped under its old table's name before the rename.
	got, err = diff.DiffRenamed(from, to, diff.Options{RebuildsTables: true, InlineForeignKeysOnly: true}, []diff.Rename{{Table: "old", To: "new"}})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].String() != `drop trigger "audit" on "old"` || got[1].String() != `rename table "old" to "new"` {
		t.Fatalf("got:\n%s", describe(got))
	}
	if from.Objects[0].Table != "old" {
		t.Fatal("DiffRenamed changed its input")
	}
}

func TestObjectReverse(t *testing.T) {
	t.Parallel()
	a, b := fn("f()", "1"), fn("f()", "2")
	for _, c := range []schema.Change{&schema.AddObject{Object: a}, &schema.DropObject{Object: a}, &schema.ReplaceObject{From: a, To: b}} {
		r := c.Reverse()
		if !reflect.DeepEqual(r.Reverse(), c) {
			t.Errorf("%s: reversed twice is %s", c, r.Reverse())
		}
		if _, replace := c.(*schema.ReplaceObject); !replace && r.String() == c.String() {
			t.Errorf("%s reverses to itself", c)
		}
	}
}

// The IR's JSON (irjson_test.go) carries objects both ways.
func TestObjectsIRJSON(t *testing.T) {
	t.Parallel()
	s := &schema.Schema{Objects: []*schema.Object{
		{Kind: "trigger", Schema: "app", Name: "audit", Table: "app.t", Def: "d", SQL: "CREATE TRIGGER …", Comment: "c", DependsOn: []string{"app.f()"}},
		fn("g(integer, text)", "g"),
	}}
	x, _ := encodeIR(reflect.ValueOf(s))
	text, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(text)))
	dec.UseNumber()
	var back any
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	got := &schema.Schema{}
	if err := decodeIR(back, reflect.ValueOf(got).Elem()); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s) {
		t.Fatalf("round trip through JSON:\n%s", text)
	}
}
