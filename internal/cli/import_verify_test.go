package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/importer/alembic"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
)

func verifyPython(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import alembic, sqlalchemy, psycopg2, pymysql").Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Python Alembic (with psycopg2 and pymysql) is not installed and CI=true")
	}
	t.Skip("SKIPPING: Python Alembic is not installed (apt-get install python3-alembic python3-psycopg2 python3-pymysql)")
	return ""
}

// TestVerifyAlembicImport: --url's check runs both histories on scratch
// databases and reports equal schemas for a faithful import, and the
// object that differs, up and down, for one that is not.
func TestVerifyAlembicImport(t *testing.T) {
	t.Parallel()
	py := verifyPython(t)
	history := filepath.Join("..", "importer", "alembic", "testdata", "labels")
	for _, dia := range []string{testutil.SQLite, testutil.Postgres} {
		t.Run(dia, func(t *testing.T) {
			t.Parallel()
			d, err := registry.Lookup(dia)
			if err != nil {
				t.Fatal(err)
			}
			revs, _, err := alembic.Import(context.Background(), history, alembic.Options{Dialect: d})
			if err != nil {
				t.Fatal(err)
			}
			scratch := testutil.New(t, dia).URL
			write := func(tamper bool) string {
				dir := t.TempDir()
				for _, r := range revs {
					f := r.File
					if tamper && f.ID == "aaaa00000002" {
						// The import "forgets" the index.
						f.Upgrade = strings.Replace(f.Upgrade, "CREATE INDEX", "-- CREATE INDEX", 1)
						f.Downgrade = strings.Replace(f.Downgrade, "DROP INDEX", "-- DROP INDEX", 1)
					}
					if err := os.WriteFile(filepath.Join(dir, f.ID+".sql"), script.Render(f), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return dir
			}
			v, err := verifyAlembicImport(context.Background(), scratch, history, write(false), py)
			if err != nil {
				t.Fatal(err)
			}
			if !v.Equal() {
				t.Errorf("a faithful import differs: %+v", v)
			}
			v, err = verifyAlembicImport(context.Background(), scratch, history, write(true), py)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Differences) != 1 || !strings.Contains(v.Differences[0], `add index "ix_account_owner"`) || len(v.DownDifferences) != 0 {
				t.Errorf("an import without an index: %+v", v)
			}
		})
	}
}
