package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
)

// retort squash as a user runs it, on every dialect: --dry-run writes
// nothing, a refused range changes nothing and exits non-zero, the squash
// rewires the child, current reads a database at END as the new revision
// and upgrade continues from it; a database inside the stretch is refused.
func TestSquashCommand(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, d)
			inside := testutil.New(t, d)
			dir := t.TempDir()
			versions := filepath.Join(dir, "versions")
			if err := os.MkdirAll(versions, 0o755); err != nil {
				t.Fatal(err)
			}
			revs := []struct{ id, parent, up, down string }{
				{"s1", "", "CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY)", "DROP TABLE accounts"},
				{"s2", "s1", "ALTER TABLE accounts ADD COLUMN name VARCHAR(40)", "ALTER TABLE accounts DROP COLUMN name"},
				{"s3", "s2", "INSERT INTO accounts (id, name) VALUES (7, 'seed');\nCREATE TABLE carts (id INTEGER NOT NULL PRIMARY KEY)", "DROP TABLE carts;\nDELETE FROM accounts WHERE id = 7"},
				{"s4", "s3", "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY)", "DROP TABLE orders"},
			}
			for _, r := range revs {
				f := script.NewFile{ID: r.id, Message: "rev " + r.id, Parents: strings.Fields(r.parent), Upgrade: r.up, Downgrade: r.down}
				if err := os.WriteFile(filepath.Join(versions, r.id+".sql"), script.Render(f), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfgFor := func(url string) string {
				p := filepath.Join(t.TempDir(), "retort.toml")
				if err := os.WriteFile(p, []byte("script_location = \""+dir+"\"\nurl = \""+url+"\"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
			cfg, cfgInside := cfgFor(db.URL), cfgFor(inside.URL)
			retort := func(cfg string, args ...string) runOut {
				t.Helper()
				return run(t, Options{}, append([]string{"-c", cfg}, args...)...)
			}
			files := func() map[string]string {
				out := map[string]string{}
				es, _ := os.ReadDir(versions)
				for _, e := range es {
					b, _ := os.ReadFile(filepath.Join(versions, e.Name()))
					out[e.Name()] = string(b)
				}
				return out
			}
			same := func(a, b map[string]string) bool {
				if len(a) != len(b) {
					return false
				}
				for k, v := range a {
					if b[k] != v {
						return false
					}
				}
				return true
			}
			if r := retort(cfg, "upgrade", "s3"); r.code != 0 {
				t.Fatalf("upgrade s3: %s", r.err)
			}
			if r := retort(cfgInside, "upgrade", "s2"); r.code != 0 {
				t.Fatalf("upgrade s2: %s", r.err)
			}
			before := files()

			r := retort(cfg, "squash", "s2:s3", "-m", "accounts and carts", "--rev-id", "sq", "--dry-run")
			if r.code != 0 || !strings.Contains(r.out, "-- Replaces: s2, s3\n") || !strings.Contains(r.out, "-- REVIEW:") ||
				!strings.Contains(r.out, "INSERT INTO accounts (id, name) VALUES (7, 'seed');") {
				t.Fatalf("squash --dry-run: exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			if !same(files(), before) {
				t.Fatal("--dry-run changed files")
			}
			for _, c := range []struct{ rng, want string }{
				{"s3:s2", "s3 is not an ancestor of s2"},
				{"s2", "START:END"},
				{"s2:zzzz", "No such revision"},
				{"", "empty"},
			} {
				r := retort(cfg, "squash", c.rng, "-m", "x")
				if r.code == 0 || !strings.Contains(r.err, c.want) || strings.Contains(r.err, "goroutine") {
					t.Errorf("squash %q: exit %d, want an error with %q: %s", c.rng, r.code, c.want, r.err)
				}
				if !same(files(), before) {
					t.Fatalf("refused squash %q changed files", c.rng)
				}
			}

			if r := retort(cfg, "squash", "s2:s3", "-m", "accounts and carts", "--rev-id", "sq"); r.code != 0 {
				t.Fatalf("squash: exit %d: %s", r.code, r.err)
			}
			after := files()
			if _, ok := after["s2.sql"]; ok {
				t.Error("s2.sql still there")
			}
			if !strings.Contains(after["s4.sql"], "-- Revises: sq\n") {
				t.Errorf("s4 not rewired:\n%s", after["s4.sql"])
			}
			if r := retort(cfg, "current"); r.code != 0 || strings.TrimSpace(r.out) != "sq" {
				t.Errorf("current at END: exit %d %q %s", r.code, r.out, r.err)
			}
			if r := retort(cfg, "upgrade", "head"); r.code != 0 {
				t.Fatalf("upgrade from END: %s", r.err)
			}
			if got := db.Strings(t, "SELECT version_num FROM alembic_version"); len(got) != 1 || got[0] != "s4" {
				t.Errorf("version rows after upgrade = %v, want [s4]", got)
			}
			r = retort(cfgInside, "current")
			if r.code == 0 || !strings.Contains(r.err, "partway through sq") {
				t.Errorf("current inside the squash: exit %d %q", r.code, r.err)
			}
			r = retort(cfgInside, "upgrade", "head")
			if r.code == 0 || !strings.Contains(r.err, "Upgrade it to s3 with the revision files from before the squash") {
				t.Errorf("upgrade inside the squash: exit %d %q", r.code, r.err)
			}
			if got := inside.Strings(t, "SELECT version_num FROM alembic_version"); len(got) != 1 || got[0] != "s2" {
				t.Errorf("version rows after refused upgrade = %v, want [s2]", got)
			}
		})
	}
}
