package retort_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
)

func lintFS() fstest.MapFS {
	file := func(id, parent, msg, up, down string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
			"\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n" + up + "\n\n-- +retort downgrade\n" + down + "\n")}
	}
	return fstest.MapFS{
		"versions/a1_users.sql": file("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;"),
		"versions/a2_index.sql": file("a2", "a1", "index users by email", "CREATE INDEX ix_users_email ON users (email);", "DROP INDEX ix_users_email;"),
		"versions/a3_drop.sql":  file("a3", "a2", "drop users.email", "ALTER TABLE users DROP COLUMN email;", "ALTER TABLE users ADD COLUMN email text;"),
	}
}

// Lint through the library: offline (no *sql.DB), from an fs.FS, over a
// range, one revision, or all; bad ranges and rule ids are errors.
func TestLintLibrary(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m, err := retort.Open(ctx, nil, lintFS(), retort.WithDialect("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	rules := func(fs []retort.Finding) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Revision+":"+f.Rule)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ spec, want string }{
		{"", "a2:pg-create-index-concurrently a2:pg-lock-timeout a3:drop-column a3:pg-lock-timeout"},
		{"a1", ""},
		{"a2", "a2:pg-create-index-concurrently a2:pg-lock-timeout"},
		{"a3:head", "a3:drop-column a3:pg-lock-timeout"},
		{":a2", "a2:pg-create-index-concurrently a2:pg-lock-timeout"},
	} {
		fs, err := m.Lint(ctx, c.spec, retort.LintOptions{})
		if err != nil {
			t.Fatalf("Lint(%q): %v", c.spec, err)
		}
		if got := rules(fs); got != c.want {
			t.Errorf("Lint(%q) = %q, want %q", c.spec, got, c.want)
		}
	}
	fs, err := m.Lint(ctx, "", retort.LintOptions{Disable: []string{"pg-lock-timeout"}, Severity: map[string]string{"drop-column": "warning"}})
	if err != nil || rules(fs) != "a2:pg-create-index-concurrently a3:drop-column" || fs[1].Severity != "warning" {
		t.Errorf("configured: %v %+v", err, fs)
	}
	if f := fs[0]; f.File != "versions/a2_index.sql" || f.Line != 8 || f.Statement != "CREATE INDEX ix_users_email ON users (email)" ||
		f.Squawk != "require-concurrent-index-creation" || f.Safe == "" || f.Section != "upgrade" {
		t.Errorf("finding %+v", f)
	}
	if _, err := m.Lint(ctx, "", retort.LintOptions{Disable: []string{"drop-colum"}}); !errors.Is(err, retort.ErrLintConfig) ||
		!strings.Contains(err.Error(), `did you mean "drop-column"`) {
		t.Errorf("unknown rule: %v", err)
	}
	if _, err := m.Lint(ctx, "current", retort.LintOptions{}); err == nil || !strings.Contains(err.Error(), "current") {
		t.Errorf("current: %v", err)
	}
	if _, err := m.Lint(ctx, "zz", retort.LintOptions{}); err == nil {
		t.Error("unknown revision: no error")
	}
	if len(retort.LintRules()) < 30 {
		t.Errorf("%d rules", len(retort.LintRules()))
	}
}
