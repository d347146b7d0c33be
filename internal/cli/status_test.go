package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// status exits with a documented code per finding, worst first, on every
// dialect: 0 up to date or only pending (3 with --exit-code), 4 edited,
// 5 unknown rows, 6 a step failed part-way. --json prints the report
// whatever the code.
func TestStatusExitCodes(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, dialect)
			cfg := writeProject(t, db.URL)
			dir := filepath.Dir(cfg)
			status := func(want int, extra ...string) {
				t.Helper()
				for _, asJSON := range []bool{false, true} {
					args := append([]string{"-c", cfg, "status"}, extra...)
					if asJSON {
						args = append(args, "--json")
					}
					got := run(t, Options{}, args...)
					if got.code != want {
						t.Errorf("%q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args[2:], got.code, want, got.out, got.err)
					}
					if asJSON && !json.Valid([]byte(got.out)) {
						t.Errorf("%q: stdout is not JSON: %q", args[2:], got.out)
					}
					if got.err != "" {
						t.Errorf("%q: stderr %q, want nothing (the report says it all)", args[2:], got.err)
					}
				}
			}
			mustRun := func(args ...string) {
				t.Helper()
				if got := run(t, Options{}, append([]string{"-c", cfg}, args...)...); got.code != ExitOK {
					t.Fatalf("%q: exit %d: %s", args, got.code, got.err)
				}
			}

			status(ExitOK) // pending only
			status(ExitPending, "--exit-code")
			mustRun("upgrade", "head")
			status(ExitOK, "--exit-code") // up to date
			a1 := filepath.Join(dir, "versions", "a1.sql")
			orig, err := os.ReadFile(a1)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(a1, append(orig, "-- edited\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			status(ExitEdited)
			if err := os.WriteFile(a1, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			status(ExitOK)

			// A row no file defines outranks an edit.
			if _, err := db.DB.Exec("INSERT INTO alembic_version (version_num) VALUES ('deadbeef0000')"); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(a1, append(orig, "-- edited\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			status(ExitUnknown)
			if err := os.WriteFile(a1, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			mustRun("stamp", "--purge", "b2")
			status(ExitOK)

			// A no-transaction revision that fails part-way waits for
			// resolve on every dialect: the worst finding.
			c3 := "-- three\n--\n-- Revision ID: c3\n-- Revises: b2\n\n-- +retort upgrade\n-- +retort no-transaction\n" +
				"CREATE TABLE t3 (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n-- +retort downgrade\nDROP TABLE t3;\n"
			if err := os.WriteFile(filepath.Join(dir, "versions", "c3.sql"), []byte(c3), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := run(t, Options{}, "-c", cfg, "upgrade", "head"); got.code != ExitFailure || !strings.Contains(got.err, "part-way") {
				t.Fatalf("upgrade with a failing no-transaction revision: exit %d: %s", got.code, got.err)
			}
			status(ExitPartial, "--exit-code")
			mustRun("resolve", "c3", "--rolled-back")
			status(ExitOK)
			status(ExitPending, "--exit-code")
		})
	}
}

// check --json prints one JSON object on stdout in every outcome: no models
// configured, a database that cannot be reached (password hidden), and the
// clean and differing cases (TestAutogenerateCycle covers those and "not at
// head" on every dialect).
func TestCheckJSONEveryOutcome(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	cfg := writeProject(t, db.URL)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no models", []string{"-c", cfg, "check", "--json"}, "no models to compare with"},
		{"unreachable", []string{"-c", cfg, "--url", "postgresql://app:S3cretPw@127.0.0.1:1/db?connect_timeout=1", "check", "--json"}, "cannot connect"},
	} {
		if c.name == "unreachable" {
			// models set, so the connection is what fails.
			body, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cfg, append(body, "models = [\"models.sql\"]\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got := run(t, Options{}, c.args...)
		var out struct {
			Clean       bool
			UpToDate    *bool `json:"up_to_date"`
			Error       string
			Differences []any
		}
		if err := json.Unmarshal([]byte(got.out), &out); err != nil {
			t.Errorf("%s: stdout is not JSON (%v): %q\nstderr: %s", c.name, err, got.out, got.err)
			continue
		}
		if got.code != ExitFailure || out.Clean || out.UpToDate != nil || out.Differences == nil || !strings.Contains(out.Error, c.want) {
			t.Errorf("%s: exit %d, JSON %+v; want exit 1, clean false, up_to_date null, error %q", c.name, got.code, out, c.want)
		}
		if strings.Contains(got.out+got.err, "S3cretPw") {
			t.Errorf("%s: password printed", c.name)
		}
		if !strings.Contains(got.err, "FAILED:") {
			t.Errorf("%s: no FAILED line on stderr: %q", c.name, got.err)
		}
	}
}
