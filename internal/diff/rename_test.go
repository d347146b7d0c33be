package diff

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestReplaceIdent(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"score >= 0", "points >= 0"},
		{`"score" >= 0 AND score_max > 1`, `"points" >= 0 AND score_max > 1`},
		{"`score` = 'score'", "`points` = 'score'"},
		{"SCORE + t.score", "points + t.points"},
		{"'it''s score' || score", "'it''s score' || points"},
		{"[score] > 2score", "[points] > 2score"},
	} {
		if got := replaceIdent(c.in, "score", "points"); got != c.want {
			t.Errorf("replaceIdent(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRenameReferences(t *testing.T) {
	t.Parallel()
	in := `CREATE TABLE votes (id INTEGER, trends INTEGER, FOREIGN KEY (trends) REFERENCES "trends" ("id"), FOREIGN KEY (x) REFERENCES other (id))`
	got := renameReferences(in, "trends", "rankings", "id", "rid")
	want := `CREATE TABLE votes (id INTEGER, trends INTEGER, FOREIGN KEY (trends) REFERENCES "rankings" ("rid"), FOREIGN KEY (x) REFERENCES other (id))`
	if got != want {
		t.Errorf("renameReferences:\n got %s\nwant %s", got, want)
	}
}

func TestApplyRenamesRefuses(t *testing.T) {
	t.Parallel()
	tbl := func(name string, cols ...string) *schema.Table {
		t := &schema.Table{Name: name}
		for _, c := range cols {
			t.Columns = append(t.Columns, &schema.Column{Name: c, Type: schema.Type{SQL: "integer"}})
		}
		return t
	}
	from := &schema.Schema{Tables: []*schema.Table{tbl("trends", "id", "score"), tbl("other", "id")}}
	to := &schema.Schema{Tables: []*schema.Table{tbl("rankings", "id", "points"), tbl("other", "id")}}
	for _, c := range []struct {
		r    []Rename
		want string
	}{
		{[]Rename{{Table: "nosuch", To: "rankings"}}, "the database has no table nosuch"},
		{[]Rename{{Table: "trends", To: "nosuch"}}, "the models have no table nosuch"},
		{[]Rename{{Table: "trends", To: "other"}}, "the database already has a table other"},
		{[]Rename{{Table: "other", To: "rankings"}}, "the models still have table other"},
		{[]Rename{{Table: "trends", To: "rankings"}, {Table: "rankings", Column: "nosuch", To: "points"}}, "has no column nosuch"},
		{[]Rename{{Table: "trends", To: "rankings"}, {Table: "rankings", Column: "score", To: "nosuch"}}, "in the models has no column nosuch"},
		{[]Rename{{Table: "trends", Column: "score", To: "points"}}, "the models have no table trends"},
		{[]Rename{{Table: "trends", To: "rankings"}, {Table: "rankings", Column: "id", To: "score"}}, "already has a column score"},
	} {
		_, _, _, err := ApplyRenames(from, to, c.r)
		if err == nil || !errors.Is(err, ErrBadRename) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want an ErrBadRename saying %q", c.r, err, c.want)
		}
	}
	// A good rename leaves from as it was.
	if _, changes, _, err := ApplyRenames(from, to, []Rename{{Table: "trends", To: "rankings"}, {Table: "rankings", Column: "score", To: "points"}}); err != nil || len(changes) != 2 {
		t.Fatalf("ApplyRenames: %v, %d changes", err, len(changes))
	}
	if from.Tables[0].Name != "trends" || from.Tables[0].Columns[1].Name != "score" {
		t.Errorf("ApplyRenames changed its input: %s.%s", from.Tables[0].Name, from.Tables[0].Columns[1].Name)
	}
}

// TestRenameSets: renames of one table's columns, or of tables, are one
// set: swaps, chains and cycles are made in an order in which every new
// name is free (through a temporary name for a cycle), and applying the
// steps in turn gives the names the set asks for; a name renamed twice,
// or two renamed to one, is refused.
func TestRenameSets(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		names []string
		pairs [][2]string
		steps int
	}{
		{[]string{"a", "b"}, [][2]string{{"a", "b"}, {"b", "a"}}, 3},
		{[]string{"a", "b"}, [][2]string{{"a", "b"}, {"b", "c"}}, 2},
		{[]string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}}, 4},
		{[]string{"a", "b"}, [][2]string{{"a", "B"}, {"b", "A"}}, 3}, // case-insensitive names
		{[]string{"a", "b", "c", "d"}, [][2]string{{"a", "b"}, {"b", "a"}, {"c", "d"}, {"d", "c"}}, 6},
	} {
		steps := orderRenames(c.names, c.pairs)
		if len(steps) != c.steps {
			t.Errorf("%v: %d steps %v, want %d", c.pairs, len(steps), steps, c.steps)
		}
		// Simulate: each step's new name is free (regardless of case),
		// and the end state is the one asked for.
		cur := map[string]string{} // current name → original
		for _, n := range c.names {
			cur[strings.ToLower(n)] = n
		}
		for _, st := range steps {
			if _, held := cur[strings.ToLower(st[1])]; held {
				t.Fatalf("%v: step %v renames to a name still held", c.pairs, st)
			}
			orig, ok := cur[strings.ToLower(st[0])]
			if !ok {
				t.Fatalf("%v: step %v renames a name nothing holds", c.pairs, st)
			}
			delete(cur, strings.ToLower(st[0]))
			cur[strings.ToLower(st[1])] = orig
		}
		for _, p := range c.pairs {
			if cur[strings.ToLower(p[1])] != p[0] {
				t.Errorf("%v: %s ends as %q, want the old %s", c.pairs, p[1], cur[strings.ToLower(p[1])], p[0])
			}
		}
	}

	// A new name a staying object holds (ApplyRenames refuses it before)
	// ends the ordering instead of looping.
	if steps := orderRenames([]string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}}); len(steps) == 0 || steps[len(steps)-1][1] != "c" {
		t.Errorf("held by a staying name: %v", steps)
	}

	tbl := func(name string, cols ...string) *schema.Table {
		t := &schema.Table{Name: name}
		for _, c := range cols {
			t.Columns = append(t.Columns, &schema.Column{Name: c, Type: schema.Type{SQL: "integer"}})
		}
		return t
	}
	from := &schema.Schema{Tables: []*schema.Table{tbl("p", "a", "b", "c"), tbl("q", "id")}}
	to := &schema.Schema{Tables: []*schema.Table{tbl("p", "b", "a", "c"), tbl("q", "id")}}
	if _, ch, _, err := ApplyRenames(from, to, []Rename{{Table: "p", Column: "a", To: "b"}, {Table: "p", Column: "b", To: "a"}}); err != nil || len(ch) != 3 {
		t.Errorf("swap: %v %v", ch, err)
	}
	for _, c := range []struct {
		r    []Rename
		want string
	}{
		{[]Rename{{Table: "p", Column: "a", To: "b"}, {Table: "p", Column: "a", To: "c"}}, "renamed twice"},
		{[]Rename{{Table: "p", Column: "a", To: "c"}, {Table: "p", Column: "b", To: "c"}}, "two columns of table p are renamed to c"},
		{[]Rename{{Table: "p", Column: "a", To: "b"}}, "already has a column b"},
		{[]Rename{{Table: "p", To: "q"}, {Table: "p", To: "r"}}, "renamed twice"},
	} {
		_, _, _, err := ApplyRenames(from, to, c.r)
		if err == nil || !errors.Is(err, ErrBadRename) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.r, err, c.want)
		}
	}
}
