package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
)

// revFile is a revision file's text: a 5-line header, an optional
// annotation line, the upgrade marker and statements, and a downgrade.
func revFile(id, parent, annotation, upgrade string) string {
	return fmt.Sprintf("-- %s\n--\n-- Revision ID: %s\n-- Revises: %s\n\n%s-- +retort upgrade\n%s\n-- +retort downgrade\nSELECT 1;\n",
		id, id, parent, annotation, upgrade)
}

// TestPathsAndResolveApplied: on every dialect, with the config named by a
// relative and by an absolute -c path, a revision's path is recorded in
// retort_history and shown in failure, status and resolve messages relative
// to the script location (versions/x.sql), never doubled; and `resolve
// --applied` after fixing the file records the fixed file's checksum, so the
// next upgrade proceeds instead of refusing the file as edited.
func TestPathsAndResolveApplied(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		for _, rel := range []bool{true, false} {
			name := dn + "/absolute"
			if rel {
				name = dn + "/relative"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				testPathsAndResolve(t, dn, rel)
			})
		}
	}
}

func testPathsAndResolve(t *testing.T, dn string, relative bool) {
	db := testutil.New(t, dn)
	root := t.TempDir()
	mig := filepath.Join(root, "proj", "migrations")
	if err := os.MkdirAll(filepath.Join(mig, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(mig, "retort.toml"), fmt.Sprintf("script_location = \".\"\nurl = %q\n", db.URL))
	cwd, cfg := t.TempDir(), filepath.Join(mig, "retort.toml")
	if relative {
		cwd, cfg = filepath.Join(root, "proj"), filepath.Join("migrations", "retort.toml")
	}
	run := func(args ...string) result {
		c := exec.CommandContext(context.Background(), retortBin, append([]string{"-c", cfg}, args...)...)
		c.Dir = cwd
		c.Env = append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=")
		var out, errb bytes.Buffer
		c.Stdout, c.Stderr = &out, &errb
		err := c.Run()
		return result{err: err, stdout: out.String(), stderr: errb.String()}
	}
	query := func(q string) []string {
		t.Helper()
		return db.Strings(t, q)
	}
	noAbs := func(what, text string) {
		t.Helper()
		if strings.Contains(text, root) || strings.Contains(text, "migrations/versions") {
			t.Errorf("%s shows a path not relative to the script location:\n%s", what, text)
		}
	}

	// a1 applies; b2 creates a table, then fails on its second statement
	// (line 9) where nothing can roll back: MySQL/MariaDB DDL, elsewhere a
	// no-transaction file.
	noTx := ""
	if dn != testutil.MySQL {
		noTx = "-- +retort no-transaction\n"
	}
	write(t, filepath.Join(mig, "versions", "a1_first.sql"), revFile("a1", "", "", "CREATE TABLE a (id INTEGER PRIMARY KEY);"))
	b2 := filepath.Join(mig, "versions", "b2_second.sql")
	broken := "CREATE TABLE b (id INTEGER);\nINSERT INTO no_such_table VALUES (1);"
	write(t, b2, revFile("b2", "a1", noTx, broken))
	line := 8 // 5 header lines, the marker, CREATE TABLE b
	if noTx != "" {
		line++
	}

	r := run("upgrade", "head")
	if r.err == nil {
		t.Fatalf("upgrade succeeded:\n%s", r.stderr)
	}
	if want := fmt.Sprintf("at versions/b2_second.sql:%d (statement 2 of 2)", line); !strings.Contains(r.stderr, want) {
		t.Errorf("failure lacks %q:\n%s", want, r.stderr)
	}
	noAbs("the failure", r.stderr)
	if got := query("SELECT version_num FROM alembic_version"); !slices.Equal(got, []string{"a1"}) {
		t.Errorf("version rows %v", got)
	}
	if got := query("SELECT path FROM retort_history ORDER BY id"); !slices.Equal(got,
		[]string{"versions/a1_first.sql", "versions/b2_second.sql"}) {
		t.Errorf("history paths %q", got)
	}
	if got := query("SELECT status FROM retort_history ORDER BY id"); !slices.Equal(got, []string{"done", "failed"}) {
		t.Errorf("history statuses %q", got)
	}

	st := run("status")
	if want := fmt.Sprintf("versions/b2_second.sql:%d", line); !strings.Contains(st.stdout, want) {
		t.Errorf("status lacks %q:\n%s%s", want, st.stdout, st.stderr)
	}
	noAbs("status", st.stdout+st.stderr)

	// Fix the file, finish its work by hand, and say so.
	fixed := strings.Replace(broken, "INSERT INTO no_such_table VALUES (1);", "CREATE TABLE b_more (id INTEGER);", 1)
	write(t, b2, revFile("b2", "a1", noTx, fixed))
	if _, err := db.DB.ExecContext(context.Background(), "CREATE TABLE b_more (id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	r = run("resolve", "b2", "--applied")
	if r.err != nil {
		t.Fatalf("resolve: %v\n%s%s", r.err, r.stdout, r.stderr)
	}
	if want := "Recorded the failed upgrade of b2 (versions/b2_second.sql) as completed"; !strings.Contains(r.stdout, want) {
		t.Errorf("resolve output lacks %q:\n%s", want, r.stdout)
	}
	noAbs("resolve", r.stdout+r.stderr)
	data, err := os.ReadFile(b2)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := script.Parse("b2_second.sql", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := query("SELECT checksum FROM retort_history WHERE revision = 'b2'"); !slices.Equal(got, []string{sc.Checksum}) {
		t.Errorf("b2's recorded checksum %q, want the fixed file's %s", got, sc.Checksum)
	}
	if got := query("SELECT status FROM retort_history ORDER BY id"); !slices.Equal(got, []string{"done", "resolved-applied"}) {
		t.Errorf("history statuses %q", got)
	}
	if got := query("SELECT version_num FROM alembic_version"); !slices.Equal(got, []string{"b2"}) {
		t.Errorf("version rows %v", got)
	}

	// The next upgrade proceeds: b2 is not refused as edited.
	write(t, filepath.Join(mig, "versions", "c3_third.sql"), revFile("c3", "b2", "", "CREATE TABLE c (id INTEGER);"))
	if r = run("upgrade", "head"); r.err != nil {
		t.Fatalf("upgrade after resolve: %v\n%s", r.err, r.stderr)
	}
	if got := query("SELECT version_num FROM alembic_version"); !slices.Equal(got, []string{"c3"}) {
		t.Errorf("version rows %v", got)
	}
	if got := query("SELECT path FROM retort_history ORDER BY id"); !slices.Equal(got,
		[]string{"versions/a1_first.sql", "versions/b2_second.sql", "versions/c3_third.sql"}) {
		t.Errorf("history paths %q", got)
	}
	if st = run("status"); st.err != nil || !strings.Contains(st.stdout, "Up to date.") {
		t.Errorf("status after: %v\n%s%s", st.err, st.stdout, st.stderr)
	}
}
