package retort_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

func tableNames(s *schema.Schema) []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, t.Name)
	}
	slices.Sort(out)
	return out
}

// Inspect gives the public IR of the database without the bookkeeping
// tables, and Diff turns one IR into another.
func TestInspectAndDiff(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		m := db.open(graphFS(linear("a", "b")...))
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		s, err := m.Inspect(ctx, schema.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if got := tableNames(s); !slices.Equal(got, []string{"runlog", "t_a", "t_b"}) {
			t.Errorf("tables %v", got)
		}
		only, err := m.Inspect(ctx, schema.Filter{Exclude: []string{"t_*"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := tableNames(only); !slices.Equal(got, []string{"runlog"}) {
			t.Errorf("filtered tables %v", got)
		}
		changes, err := m.Diff(only, s)
		if err != nil {
			t.Fatal(err)
		}
		var added []string
		for _, c := range changes {
			if a, ok := c.(*schema.AddTable); ok {
				added = append(added, a.Table.Name)
			}
		}
		slices.Sort(added)
		if !slices.Equal(added, []string{"t_a", "t_b"}) {
			t.Errorf("changes %v", changes)
		}
		if same, err := m.Diff(s, s); err != nil || len(same) != 0 {
			t.Errorf("diff of a schema with itself: %v %v", same, err)
		}
		if _, err := m.Inspect(ctx, schema.Filter{Include: []string{"["}}); err == nil {
			t.Error("a malformed pattern was accepted")
		}
		if _, err := m.Diff(nil, s); err == nil {
			t.Error("a nil schema was accepted")
		}
		// Reading changed nothing.
		if got := db.rows(); !slices.Equal(got, []string{"b"}) {
			t.Errorf("rows %v", got)
		}
	})
}

func TestInspectOffline(t *testing.T) {
	t.Parallel()
	m, err := retort.Open(context.Background(), nil, graphFS(linear("a")...), retort.WithDialect("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Inspect(context.Background(), schema.Filter{}); !errors.Is(err, retort.ErrNoDatabase) {
		t.Errorf("got %v", err)
	}
}

// WithViewDefiner reaches the inspector: on MySQL/MariaDB a view's definer
// is read per the rule; a rule retort does not know is refused at Open.
func TestInspectViewDefinerOption(t *testing.T) {
	t.Parallel()
	if _, err := retort.Open(context.Background(), nil, graphFS(linear("a")...), retort.WithDialect("mysql"), retort.WithViewDefiner("host")); err == nil ||
		!strings.Contains(err.Error(), `view definer rule "host"`) {
		t.Errorf("bad rule: %v", err)
	}
	db := newDB(t, testutil.MySQL)
	db.exec("CREATE TABLE t (a int)")
	db.exec("CREATE DEFINER=root@'%' VIEW v AS SELECT a FROM t")
	for rule, want := range map[string]string{"": "root", "user": "root", "exact": "root@%", "ignore": ""} {
		m := db.open(graphFS(linear("a")...), retort.WithViewDefiner(rule))
		s, err := m.Inspect(context.Background(), schema.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Views) != 1 || s.Views[0].Definer != want {
			t.Errorf("rule %q: views %+v, want definer %q", rule, s.Views, want)
		}
	}
}
