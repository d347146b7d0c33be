package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// current reads the version rows and the revision headers at the same
// time; what it reports stays as when it did one after the other: with
// both broken the database's error, with only a file broken that file's,
// and with both fine the rows.
func TestCurrentErrorOrder(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			cfg := writeProject(t, db.URL)
			if got := run(t, Options{}, "-c", cfg, "upgrade", "head"); got.code != ExitOK {
				t.Fatalf("upgrade: %d %s", got.code, got.err)
			}
			if got := run(t, Options{}, "-c", cfg, "current"); got.code != ExitOK || strings.TrimSpace(got.out) != "b2 (head)" {
				t.Fatalf("current = %d %q %s, want b2 (head)", got.code, got.out, got.err)
			}
			bad := filepath.Join(filepath.Dir(cfg), "versions", "c3.sql")
			if err := os.WriteFile(bad, []byte("-- three\n--\n-- Revises: b2\n\n-- +retort upgrade\nSELECT 1;\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got := run(t, Options{}, "-c", cfg, "current")
			if got.code != ExitFailure || !strings.Contains(got.err, "c3.sql") || !strings.Contains(got.err, "Revision ID") {
				t.Errorf("broken file: %d %q, want the file's error", got.code, got.err)
			}
			unreachable := strings.Replace(db.URL, db.Name, "retort_nosuch_"+strings.ReplaceAll(t.Name(), "/", "_"), 1)
			if name == testutil.SQLite {
				unreachable = "sqlite:///" + filepath.Join(t.TempDir(), "nosuch.db")
			}
			got = run(t, Options{}, "-c", cfg, "--url", unreachable, "current")
			if got.code != ExitFailure || strings.Contains(got.err, "c3.sql") {
				t.Errorf("broken database and file: %d %q, want the database's error alone", got.code, got.err)
			}
		})
	}
}
