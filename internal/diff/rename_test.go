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
