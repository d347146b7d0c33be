package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// revision --autogenerate lints what it writes: a hazard autogenerate's own
// notes do not cover becomes a "-- REVIEW:" line above its statement, and
// `retort lint` then reports the note until someone reviews it. Each
// dialect gets the change its rules know: an index on an existing table
// (PostgreSQL), a column type change that copies the table (MySQL), and on
// SQLite an index, which needs no note.
func TestAutogenerateLintNotes(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		v1, v2 string
		note   string // "" : no lint note expected
	}{
		"postgres": {
			v1:   "CREATE TABLE items (id BIGINT NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id));\n",
			v2:   "CREATE TABLE items (id BIGINT NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id));\nCREATE INDEX ix_items_name ON items (name);\n",
			note: "(pg-create-index-concurrently)",
		},
		"mysql": {
			v1:   "CREATE TABLE items (id BIGINT NOT NULL, n INT NOT NULL, PRIMARY KEY (id));\n",
			v2:   "CREATE TABLE items (id BIGINT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (id));\n",
			note: "(mysql-alter-copy)",
		},
		"sqlite": {
			v1: "CREATE TABLE items (id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (id));\n",
			v2: "CREATE TABLE items (id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (id));\nCREATE INDEX ix_items_name ON items (name);\n",
		},
	}
	for _, d := range testutil.Dialects() {
		c, ok := cases[d]
		if !ok {
			continue
		}
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, d)
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "retort.toml")
			write := func(name, body string) {
				t.Helper()
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("retort.toml", "url = \""+db.URL+"\"\nmodels = [\"schema.sql\"]\n")
			write("schema.sql", c.v1)
			retort := func(args ...string) runOut {
				return run(t, Options{}, append([]string{"-c", cfg}, args...)...)
			}
			for _, args := range [][]string{{"revision", "--autogenerate", "-m", "create items"}, {"upgrade", "head"}} {
				if r := retort(args...); r.code != 0 {
					t.Fatalf("retort %v: exit %d\n%s%s", args, r.code, r.out, r.err)
				}
			}
			write("schema.sql", c.v2)
			if r := retort("revision", "--autogenerate", "-m", "change items"); r.code != 0 {
				t.Fatalf("autogenerate: exit %d\n%s%s", r.code, r.out, r.err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "versions", "*change_items.sql"))
			if len(files) != 1 {
				t.Fatalf("files %v", files)
			}
			text, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			up, _, _ := strings.Cut(string(text), "-- +retort downgrade")
			if c.note == "" {
				if strings.Contains(up, "-- REVIEW:") {
					t.Errorf("unexpected review note:\n%s", text)
				}
				return
			}
			if !strings.Contains(up, "-- REVIEW: ") || !strings.Contains(up, c.note) {
				t.Fatalf("no lint note %s in the upgrade:\n%s", c.note, text)
			}
			r := retort("lint", "head")
			if !strings.Contains(r.out, "review-note-left") || !strings.Contains(r.out, c.note[1:len(c.note)-1]) {
				t.Errorf("lint head: exit %d\n%s%s", r.code, r.out, r.err)
			}
			// What the tool wrote is what the database holds after upgrade:
			// the note is a comment and the revision runs.
			if r := retort("upgrade", "head"); r.code != 0 {
				t.Fatalf("upgrade: exit %d\n%s%s", r.code, r.out, r.err)
			}
			if r := retort("check"); r.code != 0 {
				t.Errorf("check after upgrade: exit %d\n%s%s", r.code, r.out, r.err)
			}
		})
	}
}
