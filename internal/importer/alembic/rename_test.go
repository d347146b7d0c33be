package alembic

import (
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/testutil"
)

// The rewrites a rename makes in the definitions that name what was
// renamed, on every dialect: only references change, never a string, a
// comment, a function of the same name or another table's column.
func TestRenameRewrites(t *testing.T) {
	t.Parallel()
	type tc struct{ in, want string }
	columns := map[string][]tc{
		testutil.SQLite: {
			{"level >= 0", "depth >= 0"},
			{`"level" >= 0 AND g.level < 10`, `"depth" >= 0 AND g.depth < 10`},
			{"LEVEL > 0", "depth > 0"},
			{"level(x) > 0 AND level.y = 1", "level(x) > 0 AND level.y = 1"},
			{"note <> 'level' -- level\n", "note <> 'level' -- level\n"},
			{"levels > 0 AND my_level > 0", "levels > 0 AND my_level > 0"},
			{`"Level" > 0`, `"depth" > 0`},
		},
		testutil.Postgres: {
			{"level >= 0", "depth >= 0"},
			{`"level" >= 0 AND "Level" > 1`, `"depth" >= 0 AND "Level" > 1`},
			{"level > $$level$$::int /* level */", "depth > $$level$$::int /* level */"},
		},
		testutil.MySQL: {
			{"`level` >= 0 AND level < 10", "`depth` >= 0 AND depth < 10"},
			{"`LEVEL` >= 0", "`depth` >= 0"},
			{`note <> "level" # level` + "\n", `note <> "level" # level` + "\n"},
		},
	}
	for dia, cases := range columns {
		d, err := registry.Lookup(dia)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := newTranslator(d, newState(), new(int), nil, "upgrade")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if got := tr.renameColumnIn(c.in, "level", "depth"); got != c.want {
				t.Errorf("%s: column level to depth in %q: got %q, want %q", dia, c.in, got, c.want)
			}
		}
		// A new name that must be quoted is quoted as the dialect writes it.
		if got, want := tr.renameColumnIn("level > 0", "level", "select"), d.QuoteIdent("select")+" > 0"; dia != testutil.SQLite && got != want {
			t.Errorf("%s: column level to select: got %q, want %q", dia, got, want)
		}
	}

	d, err := registry.Lookup(testutil.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := newTranslator(d, newState(), new(int), nil, "upgrade")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tr.renameColumnIn("level > 0", "level", "select"), `"select" > 0`; got != want {
		t.Errorf("sqlite: column level to select: got %q, want %q", got, want)
	}
	if got, want := tr.renameQualifierIn("gauge.level > 0 AND gauge > 1 AND x.gauge.y = 1", "gauge", "meter"), `"meter".level > 0 AND gauge > 1 AND x.gauge.y = 1`; got != want {
		t.Errorf("sqlite: qualifier gauge to meter: got %q, want %q", got, want)
	}
	refs := []struct {
		in, toTable, from, to, want string
	}{
		{"CREATE TABLE r (a INT, FOREIGN KEY(a) REFERENCES gauge (code), FOREIGN KEY(b) REFERENCES other (code))", "", "code", "tag",
			"CREATE TABLE r (a INT, FOREIGN KEY(a) REFERENCES gauge (tag), FOREIGN KEY(b) REFERENCES other (code))"},
		{`CREATE TABLE r (a INT REFERENCES "gauge" ("code", id), code INT)`, "", "code", "tag",
			`CREATE TABLE r (a INT REFERENCES "gauge" ("tag", id), code INT)`},
		{"CREATE TABLE r (a INT REFERENCES main.gauge (code) ON DELETE CASCADE, CHECK (a <> 'REFERENCES gauge'))", "meter", "", "",
			`CREATE TABLE r (a INT REFERENCES main."meter" (code) ON DELETE CASCADE, CHECK (a <> 'REFERENCES gauge'))`},
		{"CREATE TABLE r (a INT REFERENCES gauge)", "meter", "", "", `CREATE TABLE r (a INT REFERENCES "meter")`},
		{"CREATE TABLE r (a INT REFERENCES", "meter", "", "", "CREATE TABLE r (a INT REFERENCES"},
	}
	for _, c := range refs {
		if got := tr.renameInReferences(c.in, "gauge", c.toTable, c.from, c.to); got != c.want {
			t.Errorf("references in %q: got %q, want %q", c.in, got, c.want)
		}
	}
}
