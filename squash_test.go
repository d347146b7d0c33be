package retort_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// squashRev is one revision file of a squash test.
type squashRev struct {
	id, parents, labels, deps string
	up, down                  string
}

// squashHistory: r1 … r6, linear; r2:r5 is the stretch the tests fold
// (DDL and an INSERT), r6 comes after it.
func squashHistory() []squashRev {
	return []squashRev{
		{id: "r1", up: "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)", down: "DROP TABLE users"},
		{id: "r2", parents: "r1", up: "ALTER TABLE users ADD COLUMN email VARCHAR(100)", down: "ALTER TABLE users DROP COLUMN email"},
		{id: "r3", parents: "r2", up: "CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER NOT NULL, title VARCHAR(200) NOT NULL)",
			down: "DROP TABLE posts"},
		{id: "r4", parents: "r3", up: "INSERT INTO users (id, name) VALUES (1, 'admin');\nCREATE TABLE tags (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(30) NOT NULL)",
			down: "DROP TABLE tags;\nDELETE FROM users WHERE id = 1"},
		{id: "r5", parents: "r4", up: "ALTER TABLE posts ADD COLUMN body VARCHAR(1000)", down: "ALTER TABLE posts DROP COLUMN body"},
		{id: "r6", parents: "r5", up: "CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY)", down: "DROP TABLE audit"},
	}
}

// writeRevs writes revs into a new versions directory and returns it.
func writeRevs(t *testing.T, revs []squashRev) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "versions")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, r := range revs {
		data := script.Render(script.NewFile{ID: r.id, Message: "rev " + r.id, Parents: strings.Fields(r.parents),
			BranchLabels: strings.Fields(r.labels), DependsOn: strings.Fields(r.deps), Upgrade: r.up, Downgrade: r.down})
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+"_"+r.id+".sql"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot is every file of dir and its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func openDir(t *testing.T, db *testutil.DB, dir string) *retort.Migrator {
	t.Helper()
	m, err := retort.Open(context.Background(), db.DB, nil, retort.WithVersionDirs(dir))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return m
}

func inspectAll(t *testing.T, m *retort.Migrator) *schema.Schema {
	t.Helper()
	s, err := m.Inspect(context.Background(), schema.Filter{})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return s
}

func rows(t *testing.T, m *retort.Migrator) []string {
	t.Helper()
	r, err := m.Current(context.Background())
	if err != nil {
		t.Fatalf("current: %v", err)
	}
	return r
}

func TestSquash(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := writeRevs(t, squashHistory())

			// Before the squash: one database at the heads (the schema to
			// match), one at END, one inside the stretch.
			old := testutil.New(t, name)
			atEnd := testutil.New(t, name)
			inside := testutil.New(t, name)
			for db, target := range map[*testutil.DB]string{old: "heads", atEnd: "r5", inside: "r3"} {
				if _, err := openDir(t, db, dir).Upgrade(ctx, target); err != nil {
					t.Fatalf("upgrade %s: %v", target, err)
				}
			}
			want := inspectAll(t, openDir(t, old, dir))

			// A dry run prints the file and writes nothing.
			before := snapshot(t, dir)
			m := openDir(t, old, dir)
			so := retort.SquashOptions{Range: "r2:r5", Message: "squash r2 to r5", RevID: "sq1",
				DriverName: old.DriverName, DataSource: old.DataSource}
			dry := so
			dry.DryRun = true
			res, err := m.Squash(ctx, dry)
			if err != nil {
				t.Fatalf("squash --dry-run: %v", err)
			}
			if got := snapshot(t, dir); !maps.Equal(got, before) {
				t.Fatalf("dry run changed files: %v", slices.Sorted(maps.Keys(got)))
			}
			content := string(res.Content)
			for _, s := range []string{"-- Replaces: r2, r3, r4, r5", "-- Revises: r1", "-- REVIEW:", "INSERT INTO users (id, name) VALUES (1, 'admin');", "DELETE FROM users WHERE id = 1;"} {
				if !strings.Contains(content, s) {
					t.Errorf("new file lacks %q:\n%s", s, content)
				}
			}

			if res, err = m.Squash(ctx, so); err != nil {
				t.Fatalf("squash: %v", err)
			}
			after := snapshot(t, dir)
			var names []string
			for n := range after {
				names = append(names, n)
			}
			slices.Sort(names)
			if want := []string{"a_r1.sql", "f_r6.sql", filepath.Base(res.Path)}; !slices.Equal(names, slices.Sorted(slices.Values(want))) {
				t.Fatalf("files after squash: %v, want %v", names, want)
			}
			if !strings.Contains(after["f_r6.sql"], "-- Revises: sq1\n") {
				t.Errorf("r6 not rewired:\n%s", after["f_r6.sql"])
			}
			if after["a_r1.sql"] != before["a_r1.sql"] {
				t.Error("r1 changed")
			}
			if strings.Replace(after["f_r6.sql"], "Revises: sq1", "Revises: r5", 1) != before["f_r6.sql"] {
				t.Error("r6 changed beyond its Revises: line")
			}

			// The new history on an empty database gives the old schema and the quoted row.
			fresh := testutil.New(t, name)
			fm := openDir(t, fresh, dir)
			if _, err := fm.Upgrade(ctx, "heads"); err != nil {
				t.Fatalf("upgrade the new history: %v", err)
			}
			got := inspectAll(t, fm)
			changes, err := fm.Diff(got, want)
			if err != nil {
				t.Fatal(err)
			}
			if len(changes) != 0 {
				t.Errorf("new history's schema differs from the old one: %v", changes)
			}
			if r := fresh.Strings(t, "SELECT name FROM users"); !slices.Equal(r, []string{"admin"}) {
				t.Errorf("users rows = %v, want [admin] (the quoted INSERT)", r)
			}
			if r := rows(t, fm); !slices.Equal(r, []string{"r6"}) {
				t.Errorf("version rows = %v, want [r6]", r)
			}
			// Its downgrade is the reverse difference: back to r1's schema.
			if _, err := fm.Downgrade(ctx, "r1"); err != nil {
				t.Fatalf("downgrade to r1: %v", err)
			}
			r1 := inspectAll(t, fm)
			if len(r1.Tables) != 1 || r1.Tables[0].Name != "users" || len(r1.Tables[0].Columns) != 2 {
				t.Errorf("after downgrade to r1: %d tables %v", len(r1.Tables), r1.Tables)
			}

			// Offline SQL from END updates the row the table holds.
			var sqlOut strings.Builder
			if _, err := openDir(t, atEnd, dir).Upgrade(ctx, "r5:heads", retort.SQLTo(&sqlOut)); err != nil {
				t.Fatalf("upgrade r5:heads --sql: %v", err)
			}
			if !strings.Contains(sqlOut.String(), "'r5'") || strings.Contains(sqlOut.String(), "'sq1'") {
				t.Errorf("offline SQL from END does not update the r5 row:\n%s", sqlOut.String())
			}

			// A database at END is at the squashed revision and upgrades on.
			em := openDir(t, atEnd, dir)
			if r := rows(t, em); !slices.Equal(r, []string{"sq1"}) {
				t.Errorf("current at END = %v, want [sq1]", r)
			}
			if _, err := em.Upgrade(ctx, "heads"); err != nil {
				t.Fatalf("upgrade from END: %v", err)
			}
			if r := atEnd.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(r, []string{"r6"}) {
				t.Errorf("version rows after upgrade from END = %v, want [r6]", r)
			}
			if changes, _ := em.Diff(inspectAll(t, em), want); len(changes) != 0 {
				t.Errorf("database upgraded from END differs: %v", changes)
			}
			// stamp accepts a folded END id.
			if _, err := em.Stamp(ctx, []string{"r5"}); err != nil {
				t.Fatalf("stamp r5: %v", err)
			}
			if r := atEnd.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(r, []string{"sq1"}) {
				t.Errorf("version rows after stamp r5 = %v, want [sq1]", r)
			}

			// A database inside the stretch is refused, untouched.
			im := openDir(t, inside, dir)
			schemaInside := inspectAll(t, im)
			if _, err := im.Current(ctx); !errors.Is(err, retort.ErrInsideSquash) {
				t.Errorf("current inside the squash: %v, want ErrInsideSquash", err)
			}
			_, err = im.Upgrade(ctx, "heads")
			if !errors.Is(err, retort.ErrInsideSquash) || !strings.Contains(err.Error(), "Upgrade it to r5 with the revision files from before the squash") {
				t.Errorf("upgrade inside the squash: %v", err)
			}
			if r := inside.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(r, []string{"r3"}) {
				t.Errorf("version rows after refused upgrade = %v, want [r3]", r)
			}
			if changes, _ := im.Diff(inspectAll(t, im), schemaInside); len(changes) != 0 {
				t.Errorf("refused upgrade changed the schema: %v", changes)
			}
		})
	}
}

func TestSquashRefusals(t *testing.T) {
	t.Parallel()
	with := func(edit func([]squashRev) []squashRev) []squashRev { return edit(squashHistory()) }
	cases := []struct {
		name, rng string
		revs      []squashRev
		want      string
	}{
		{"branch point", "r2:r5", with(func(h []squashRev) []squashRev {
			return append(h, squashRev{id: "x", parents: "r3", up: "SELECT 1", down: "SELECT 1"})
		}), "revision r3 inside the range is a branch point"},
		{"merge", "r2:r5", with(func(h []squashRev) []squashRev {
			h = append(h, squashRev{id: "y", parents: "r1", up: "SELECT 1", down: "SELECT 1"})
			h[3].parents = "r3 y"
			return h
		}), "revision r4 inside the range is a merge point"},
		{"label", "r2:r5", with(func(h []squashRev) []squashRev { h[2].labels = "feature"; return h }),
			"revision r3 carries branch label(s) feature"},
		{"depends_on into the middle", "r2:r5", with(func(h []squashRev) []squashRev {
			h[5].deps = "r3"
			return h
		}), "revision r3 is named in the Depends On: of r6"},
		{"reversed", "r5:r2", squashHistory(), "r5 is not an ancestor of r2"},
		{"no colon", "r2", squashHistory(), "give the stretch to fold as START:END"},
		{"unknown", "r2:nope", squashHistory(), "end of the range"},
		{"one revision", "r3:r3", squashHistory(), "nothing to fold"},
		{"base", "base:r3", squashHistory(), "names 0 revisions"},
		{"id in use", "r2:r5", squashHistory(), "revision id r3 is already used"},
	}
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					dir := writeRevs(t, c.revs)
					before := snapshot(t, dir)
					m := openDir(t, db, dir)
					revID := ""
					if c.name == "id in use" {
						revID = "r3"
					}
					_, err := m.Squash(context.Background(), retort.SquashOptions{Range: c.rng, Message: "s", RevID: revID,
						DriverName: db.DriverName, DataSource: db.DataSource})
					if err == nil || !strings.Contains(err.Error(), c.want) {
						t.Fatalf("squash %s: %v, want an error with %q", c.rng, err, c.want)
					}
					if got := snapshot(t, dir); !maps.Equal(got, before) {
						t.Errorf("files changed by a refused squash")
					}
				})
			}
		})
	}
}

// A squash that fails after it began changing files undoes every change:
// with --keep, a folded file's "<file>.squashed" already existing stops it
// after the new file was created and the child rewired.
func TestSquashUndoesOnError(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	dir := writeRevs(t, squashHistory())
	if err := os.WriteFile(filepath.Join(dir, "e_r5.sql.squashed"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	m := openDir(t, db, dir)
	_, err := m.Squash(context.Background(), retort.SquashOptions{Range: "r2:r5", Message: "s", Keep: true,
		DriverName: db.DriverName, DataSource: db.DataSource})
	if err == nil || !strings.Contains(err.Error(), "e_r5.sql.squashed already exists") || !strings.Contains(err.Error(), "no file was changed") {
		t.Fatalf("squash: %v", err)
	}
	if got := snapshot(t, dir); !maps.Equal(got, before) {
		t.Errorf("files after a failed squash: %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(before)))
	}
}

// A trigger created inside the stretch is outside the schema model: the
// squash quotes its CREATE statement and flags it, so the new history
// still creates it and it still fires.
func TestSquashKeepsTriggers(t *testing.T) {
	t.Parallel()
	triggers := map[string]struct{ up, down string }{
		testutil.SQLite: {"CREATE TRIGGER upper_name AFTER INSERT ON users BEGIN UPDATE users SET name = upper(name) WHERE id = NEW.id; END",
			"DROP TRIGGER upper_name"},
		testutil.MySQL: {"CREATE TRIGGER upper_name BEFORE INSERT ON users FOR EACH ROW SET NEW.name = UPPER(NEW.name)",
			"DROP TRIGGER upper_name"},
		testutil.Postgres: {"CREATE FUNCTION upper_name() RETURNS trigger AS $$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$ LANGUAGE plpgsql;\n" +
			"CREATE TRIGGER upper_name BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION upper_name()",
			"DROP TRIGGER upper_name ON users;\nDROP FUNCTION upper_name()"},
	}
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			h := squashHistory()
			h[2].up += ";\n" + triggers[name].up
			h[2].down = triggers[name].down + ";\n" + h[2].down
			dir := writeRevs(t, h)
			db := testutil.New(t, name)
			m := openDir(t, db, dir)
			res, err := m.Squash(ctx, retort.SquashOptions{Range: "r2:r5", Message: "s", RevID: "sq",
				DriverName: db.DriverName, DataSource: db.DataSource})
			if err != nil {
				t.Fatalf("squash: %v", err)
			}
			if c := string(res.Content); !strings.Contains(c, "adds trigger") && !strings.Contains(c, "CREATE TRIGGER upper_name") && !strings.Contains(c, "CREATE TRIGGER `upper_name`") {
				t.Errorf("the trigger is neither flagged nor quoted:\n%s", res.Content)
			}
			m = openDir(t, db, dir)
			if _, err := m.Upgrade(ctx, "heads"); err != nil {
				t.Fatalf("upgrade the squashed history: %v\n%s", err, res.Content)
			}
			if _, err := db.DB.ExecContext(ctx, "INSERT INTO users (id, name) VALUES (2, 'bob')"); err != nil {
				t.Fatal(err)
			}
			if got := db.Strings(t, "SELECT name FROM users WHERE id = 2"); !slices.Equal(got, []string{"BOB"}) {
				t.Errorf("trigger did not fire after the squashed upgrade: %v", got)
			}
			if _, err := m.Downgrade(ctx, "r1"); err != nil {
				t.Fatalf("downgrade the squashed history: %v\n%s", err, res.Content)
			}
		})
	}
}

// --keep moves the folded files aside where the loader does not read them:
// the new history opens and the old bytes are still there.
func TestSquashKeep(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	dir := writeRevs(t, squashHistory())
	before := snapshot(t, dir)
	res, err := openDir(t, db, dir).Squash(context.Background(), retort.SquashOptions{Range: "r2:r3", Message: "s", Keep: true,
		DriverName: db.DriverName, DataSource: db.DataSource})
	if err != nil {
		t.Fatalf("squash --keep: %v", err)
	}
	after := snapshot(t, dir)
	for _, n := range []string{"b_r2.sql", "c_r3.sql"} {
		if _, ok := after[n]; ok {
			t.Errorf("%s still loaded", n)
		}
		if after[n+".squashed"] != before[n] {
			t.Errorf("%s.squashed does not hold the folded file's bytes", n)
		}
	}
	m := openDir(t, db, dir)
	if rs, err := m.Revision("r3"); err != nil || len(rs) != 1 || rs[0].ID != res.Revision.ID {
		t.Errorf("r3 resolves to %v, %v; want %s", rs, err, res.Revision.ID)
	}
	if _, err := m.Upgrade(context.Background(), "heads"); err != nil {
		t.Fatalf("upgrade after squash --keep: %v", err)
	}
}
