package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// TestUnmanagedNamedOrExcluded: on every dialect, an object retort does
// not manage is named by check (a note) and by autogenerate (a review
// line), never touched; excluded by name it is neither reported nor, in
// the models, refused.
func TestUnmanagedNamedOrExcluded(t *testing.T) {
	t.Parallel()
	objects := map[string]struct{ sql, name string }{
		testutil.Postgres: {"CREATE UNLOGGED TABLE scratchpad (id integer);", "unlogged table scratchpad"},
		testutil.MySQL:    {"CREATE TABLE hist (id int) WITH SYSTEM VERSIONING;", "system versioned hist"},
		testutil.SQLite:   {"CREATE VIRTUAL TABLE search USING fts5(body);", "virtual table search"},
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			obj := objects[d]
			ctx := context.Background()
			db := testutil.New(t, d)
			apply(t, db, "CREATE TABLE kept (id INTEGER NOT NULL PRIMARY KEY);\n"+obj.sql, "current")
			const models = "CREATE TABLE kept (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(10));\n"
			own := strings.SplitN(obj.name, " ", 3)
			objName := own[len(own)-1]

			cur, err := autogen.Inspect(ctx, db.DB, d, skip)
			if err != nil {
				t.Fatal(err)
			}
			des := loadModels(t, db, models, skip)
			report, err := autogen.Check(cur, des, d)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(report.Notes, "\n"), obj.name+" is in the database but retort does not manage it") {
				t.Errorf("check notes do not name %s: %q", obj.name, report.Notes)
			}
			up, down, _, err := autogen.Generate(ctx, cur, des, d)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(up, "-- REVIEW: "+obj.name+" is in the database") {
				t.Errorf("upgrade does not name %s:\n%s", obj.name, up)
			}
			if strings.Contains(up+down, objName+" ") && strings.Contains(strings.ToLower(up+down), "drop table "+objName) {
				t.Errorf("the revision touches %s:\n%s\n%s", objName, up, down)
			}

			// Excluded by name: neither reported nor refused in the models.
			ex := schema.InspectOptions{Skip: skip.Skip, Filter: schema.Filter{Exclude: []string{objName}}}
			cur, err = autogen.Inspect(ctx, db.DB, d, ex)
			if err != nil {
				t.Fatal(err)
			}
			if len(cur.Unmanaged) != 0 {
				t.Errorf("excluded, still listed: %v", cur.Unmanaged)
			}
			des = loadModels(t, db, models+obj.sql, ex)
			report, err = autogen.Check(cur, des, d)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.Join(report.Notes, "\n"), objName) {
				t.Errorf("excluded, still noted: %q", report.Notes)
			}
			up, _, _, err = autogen.Generate(ctx, cur, des, d)
			if err != nil || strings.Contains(up, objName) {
				t.Errorf("excluded: %v\n%s", err, up)
			}
			// The object is still there, untouched.
			after, err := autogen.Inspect(ctx, db.DB, d, skip)
			if err != nil || len(after.Unmanaged) != 1 || after.Unmanaged[0].String() != obj.name {
				t.Errorf("the database lost %s: %v %v", obj.name, after.Unmanaged, err)
			}
		})
	}
}

func TestFilterMatchObject(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pattern, name string
		excluded      bool
	}{
		{"f", "f(integer, text)", true},
		{"f", "public.f(integer)", true},
		{"public.f", "public.f(integer)", true},
		{"other.f", "public.f(integer)", false},
		{"audit_*", "orders.audit_insert", true},
		{"orders", "orders.audit_insert", true},
		{"sales.orders", "sales.orders.audit_insert", true},
		{"g", "f(integer)", false},
		{"search", "search", true},
		{"sea*", "search", true},
		{"x.search", "search", false},
	} {
		got := !schema.Filter{Exclude: []string{c.pattern}}.MatchUnmanaged(c.name)
		if got != c.excluded {
			t.Errorf("exclude %q of %q: %v, want %v", c.pattern, c.name, got, c.excluded)
		}
	}
	if (schema.Filter{Include: []string{"orders*"}}).MatchUnmanaged("other") {
		t.Errorf("include orders* kept other")
	}
}
