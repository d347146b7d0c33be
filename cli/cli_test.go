package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/cli"
	"github.com/retortdb/retort/internal/testutil"
)

// A program's own main: revision files embedded (an fs.FS), a Go revision,
// and the application's database handle; the commands behave like the
// binary's.
func TestRunLikeTheBinary(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, dialect)
			fsys := fstest.MapFS{
				"versions/a1_accounts.sql": {Data: []byte("-- accounts\n--\n-- Revision ID: a1\n-- Revises:\n\n" +
					"-- +retort upgrade\nCREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50));\n" +
					"-- +retort downgrade\nDROP TABLE accounts;\n")},
			}
			backfill := retort.GoMigration{
				ID: "b2", Parents: []string{"a1"}, Message: "backfill accounts",
				Up: func(ctx context.Context, db retort.Execer) error {
					_, err := db.ExecContext(ctx, "INSERT INTO accounts (id, name) VALUES (1, 'first')")
					return err
				},
				Down: func(ctx context.Context, db retort.Execer) error {
					_, err := db.ExecContext(ctx, "DELETE FROM accounts")
					return err
				},
			}
			// retort.toml without a url: the handle comes from the program.
			cfg := filepath.Join(t.TempDir(), "retort.toml")
			if err := os.WriteFile(cfg, []byte("script_location = \".\"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			run := func(args ...string) (int, string, string) {
				var out, errb bytes.Buffer
				code := cli.Run(context.Background(), append([]string{"-c", cfg}, args...),
					cli.WithDB(db.DB, dialect), cli.WithFS(fsys), cli.WithGoMigrations(backfill),
					cli.WithStdio(strings.NewReader(""), &out, &errb))
				return code, out.String(), errb.String()
			}
			if code, out, errOut := run("heads"); code != 0 || out != "b2 (head)\n" {
				t.Fatalf("heads: exit %d\n%s%s", code, out, errOut)
			}
			code, _, errOut := run("upgrade", "head")
			if code != 0 || !strings.Contains(errOut, "Running upgrade a1 -> b2, backfill accounts") {
				t.Fatalf("upgrade: exit %d\n%s", code, errOut)
			}
			var n int
			if err := db.DB.QueryRow("SELECT count(*) FROM accounts").Scan(&n); err != nil || n != 1 {
				t.Fatalf("accounts rows = %d, %v; want 1", n, err)
			}
			if code, out, errOut := run("current"); code != 0 || out != "b2 (head)\n" {
				t.Fatalf("current: exit %d\n%s%s", code, out, errOut)
			}
			if code, out, errOut := run("downgrade", "-1"); code != 0 || !strings.Contains(errOut, "Running downgrade b2 -> a1") {
				t.Fatalf("downgrade -1: exit %d\n%s%s", code, out, errOut)
			}
			if code, out, errOut := run("history", "-i"); code != 0 || !strings.Contains(out, "<base> -> a1 (current), accounts") {
				t.Fatalf("history -i: exit %d\n%s%s", code, out, errOut)
			}
			// The handle stays open: Run does not close what it was given.
			if err := db.DB.Ping(); err != nil {
				t.Fatalf("the program's *sql.DB was closed: %v", err)
			}
		})
	}
}
