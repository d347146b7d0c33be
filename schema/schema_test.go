package schema_test

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestReverse(t *testing.T) {
	t.Parallel()
	col := &schema.Column{Name: "c"}
	tbl := &schema.Table{Name: "t"}
	changes := []schema.Change{
		&schema.AddTable{Table: tbl},
		&schema.ModifyTable{From: tbl, To: tbl, Changes: []schema.TableChange{
			&schema.AddColumn{Column: col},
			&schema.RenameIndex{From: &schema.Index{Name: "a"}, To: &schema.Index{Name: "b"}},
		}},
	}
	got := schema.Reverse(changes)
	if len(got) != 2 {
		t.Fatalf("got %d changes", len(got))
	}
	mt, ok := got[0].(*schema.ModifyTable)
	if !ok {
		t.Fatalf("first reversed change is %T", got[0])
	}
	if r, ok := mt.Changes[0].(*schema.RenameIndex); !ok || r.From.Name != "b" || r.To.Name != "a" {
		t.Fatalf("inner changes not reversed in mirror order: %v", mt.Changes)
	}
	if _, ok := mt.Changes[1].(*schema.DropColumn); !ok {
		t.Fatalf("AddColumn reversed to %T", mt.Changes[1])
	}
	if _, ok := got[1].(*schema.DropTable); !ok {
		t.Fatalf("AddTable reversed to %T", got[1])
	}
	// Reversing twice gives back the original kinds.
	if twice := schema.Reverse(got); twice[0].String() != changes[0].String() || twice[1].String() != changes[1].String() {
		t.Fatalf("double reverse:\n%v\n%v", twice, changes)
	}
}

func TestFilter(t *testing.T) {
	t.Parallel()
	cases := []struct {
		f        schema.Filter
		ns, name string
		want     bool
	}{
		{schema.Filter{}, "", "users", true},
		{schema.Filter{Include: []string{"user*"}}, "", "users", true},
		{schema.Filter{Include: []string{"user*"}}, "", "posts", false},
		{schema.Filter{Exclude: []string{"tmp_*"}}, "", "tmp_x", false},
		{schema.Filter{Include: []string{"*"}, Exclude: []string{"audit.*"}}, "audit", "log", false},
		{schema.Filter{Include: []string{"*"}, Exclude: []string{"audit.*"}}, "", "log", true},
	}
	for _, c := range cases {
		if got := c.f.Match(c.ns, c.name); got != c.want {
			t.Errorf("%+v.Match(%q, %q) = %v, want %v", c.f, c.ns, c.name, got, c.want)
		}
	}
	if err := (schema.Filter{Include: []string{"["}}).Validate(); err == nil {
		t.Error("bad pattern accepted")
	}
	o := schema.InspectOptions{Skip: []string{"alembic_version"}}
	if !o.Skipped("", "alembic_version") || o.Skipped("", "users") {
		t.Error("Skip does not skip the version table only")
	}
}

func TestFilterObject(t *testing.T) {
	t.Parallel()
	f := &schema.Object{Kind: "function", Schema: "app", Name: "f(integer, text)"}
	cases := []struct {
		f    schema.Filter
		want bool
	}{
		{schema.Filter{}, true},
		{schema.Filter{Exclude: []string{"f"}}, false},
		{schema.Filter{Exclude: []string{"app.f"}}, false},
		{schema.Filter{Exclude: []string{"f(integer, text)"}}, false},
		{schema.Filter{Exclude: []string{"f(integer)"}}, true},
		{schema.Filter{Exclude: []string{"g*"}}, true},
		{schema.Filter{Include: []string{"app.*"}}, true},
		{schema.Filter{Include: []string{"other.*"}}, false},
	}
	for _, c := range cases {
		if got := c.f.MatchObject(f); got != c.want {
			t.Errorf("%+v.MatchObject(%s) = %v, want %v", c.f, f, got, c.want)
		}
	}
	if f.BaseName() != "f" || (&schema.Object{Name: "trg"}).BaseName() != "trg" {
		t.Error("BaseName")
	}
}
