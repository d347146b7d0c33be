package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// objectDialects are the dialects whose inspector reports triggers as
// objects, with SQL for a table "NAME" with a trigger that fills its
// column up from name on insert.
var objectDialects = map[string]func(table string) string{
	testutil.Postgres: func(tb string) string {
		return "CREATE FUNCTION up_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.up := upper(NEW.name); RETURN NEW; END $$;\n" +
			"CREATE TABLE " + tb + " (id int PRIMARY KEY, name text, up text);\n" +
			"CREATE TRIGGER fill_up BEFORE INSERT ON " + tb + " FOR EACH ROW EXECUTE FUNCTION up_name();\n"
	},
	testutil.SQLite: func(tb string) string {
		return "CREATE TABLE " + tb + " (id INTEGER PRIMARY KEY, name TEXT, up TEXT);\n" +
			"CREATE TRIGGER fill_up AFTER INSERT ON " + tb + " BEGIN UPDATE " + tb + " SET up = upper(new.name) WHERE id = new.id; END;\n"
	},
}

// A table renamed by a declared rename keeps its trigger (created again
// where the dialect rebuilds around it), and the trigger fires under the new
// name; the downgrade renames back with the trigger. Where the rename is
// an ALTER, no table is dropped; on SQLite the renamed table is rebuilt
// from the models' text (so its stored text is theirs), its rows copied.
func TestTriggerFollowsRenamedTable(t *testing.T) {
	t.Parallel()
	for d, mk := range objectDialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, d)
			apply(t, db, mk("old"), "current")
			cur, err := autogen.Inspect(ctx, db.DB, d, skip)
			if err != nil {
				t.Fatal(err)
			}
			des := loadModels(t, db, mk("fresh"), skip)
			up, down, _, err := autogen.GenerateRenamed(ctx, cur, des, d, []diff.Rename{{Table: "old", To: "fresh"}})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(up, "DROP TABLE") && !strings.Contains(up, "INSERT INTO fresh (id, name, up) SELECT id, name, up FROM") {
				t.Fatalf("the rename drops a table without copying its rows:\n%s", up)
			}
			applyRevision(t, db, up, "upgrade:\n"+up)
			after, err := autogen.Inspect(ctx, db.DB, d, skip)
			if err != nil {
				t.Fatal(err)
			}
			if ch, err := autogen.Diff(after, des, d); err != nil || len(ch) != 0 {
				t.Fatalf("after the upgrade: %v %v\n%s", ch, err, up)
			}
			apply(t, db, "INSERT INTO fresh (id, name) VALUES (1, 'ann')", "row")
			if got := db.Strings(t, "SELECT up FROM fresh"); len(got) != 1 || got[0] != "ANN" {
				t.Fatalf("the trigger did not fire after the rename: %v", got)
			}
			apply(t, db, "DELETE FROM fresh", "delete")
			applyRevision(t, db, down, "downgrade:\n"+down)
			back, err := autogen.Inspect(ctx, db.DB, d, skip)
			if err != nil {
				t.Fatal(err)
			}
			if ch, err := autogen.Diff(back, cur, d); err != nil || len(ch) != 0 {
				t.Fatalf("after the downgrade: %v %v\n%s", ch, err, down)
			}
		})
	}
}

// check reports every kind of object that differs, by name, and an exclude
// pattern opts an object out of inspection, check and autogenerate.
func TestObjectDriftAndExclude(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		current, desired string
		want             []string // lines of check's text
		exclude          []string // patterns that make the check clean
	}{
		testutil.Postgres: {
			current: "CREATE TABLE t (id int PRIMARY KEY, n int);\n" +
				"CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;\n" +
				"CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;\n" +
				"CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n" +
				"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();\n" +
				"CREATE MATERIALIZED VIEW m AS SELECT count(*) AS c FROM t;\n",
			desired: "CREATE TABLE t (id int PRIMARY KEY, n int);\n" +
				"CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;\n" +
				"CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 2 $$;\n" +
				"CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n" +
				"CREATE TRIGGER tr BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tf();\n" +
				"CREATE MATERIALIZED VIEW m AS SELECT count(*) AS c, max(n) AS top FROM t;\n",
			want: []string{
				"Detected changed definition of function 'f(integer)'",
				"Detected changed definition of procedure 'p()'",
				"Detected changed definition of materialized view 'm'",
				"Detected changed definition of trigger 'tr' on 't'",
			},
			exclude: []string{"f", "p()", "tr", "m"},
		},
		testutil.SQLite: {
			current: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);\nCREATE VIEW v AS SELECT id FROM t;\n" +
				"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;\n" +
				"CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN SELECT 1; END;\n",
			desired: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);\nCREATE VIEW v AS SELECT id FROM t;\n" +
				"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 2; END;\n" +
				"CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN SELECT 2; END;\n",
			want: []string{
				"Detected changed definition of trigger 'tr' on 't'",
				"Detected changed definition of trigger 'vi' on 'v'",
			},
			exclude: []string{"tr", "v*"},
		},
	}
	for d, tc := range cases {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, d)
			apply(t, db, tc.current, "current")
			cur, err := autogen.Inspect(ctx, db.DB, d, skip)
			if err != nil {
				t.Fatal(err)
			}
			r, err := autogen.Check(cur, loadModels(t, db, tc.desired, skip), d)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSpace(r.Text()), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("check:\n%s\nwant:\n%s", r.Text(), strings.Join(tc.want, "\n"))
			}
			// Excluded by name, the objects are neither inspected nor
			// compared.
			o := skip
			o.Filter = schema.Filter{Exclude: tc.exclude}
			cur, err = autogen.Inspect(ctx, db.DB, d, o)
			if err != nil {
				t.Fatal(err)
			}
			r, err = autogen.Check(cur, loadModels(t, db, tc.desired, o), d)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Clean() {
				t.Fatalf("check with %v excluded:\n%s", tc.exclude, r.Text())
			}
		})
	}
}

// An event trigger is not managed: the inspection names it, and an
// exclude pattern opts it out.
func TestEventTriggerUnmanaged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testutil.New(t, testutil.Postgres)
	apply(t, db, "CREATE FUNCTION ddl_note() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;\n"+
		"CREATE EVENT TRIGGER note_ddl ON ddl_command_end EXECUTE FUNCTION ddl_note();\n", "current")
	t.Cleanup(func() { _, _ = db.DB.ExecContext(context.Background(), "DROP EVENT TRIGGER IF EXISTS note_ddl") })
	s, err := autogen.Inspect(ctx, db.DB, testutil.Postgres, skip)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Unmanaged) != 1 || s.Unmanaged[0].String() != "event trigger note_ddl" {
		t.Fatalf("unmanaged: %v", s.Unmanaged)
	}
	o := skip
	o.Filter = schema.Filter{Exclude: []string{"note_*", "ddl_note"}}
	if s, err = autogen.Inspect(ctx, db.DB, testutil.Postgres, o); err != nil || len(s.Unmanaged) != 0 || len(s.Objects) != 0 {
		t.Fatalf("excluded: %v %v %v", s.Unmanaged, s.Objects, err)
	}
}
