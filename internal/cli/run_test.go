package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/term"
	"github.com/retortdb/retort/internal/testutil"
)

// project writes a migrations folder with a linear graph a1 <- b2 and
// returns its retort.toml path.
func writeProject(t *testing.T, url string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"retort.toml": "script_location = \".\"\nurl = \"" + url + "\"\n",
		"versions/a1.sql": "-- one\n--\n-- Revision ID: a1\n-- Revises:\n\n-- +retort upgrade\nCREATE TABLE t1 (id INTEGER);\n" +
			"-- +retort downgrade\nDROP TABLE t1;\n",
		"versions/b2.sql": "-- two\n--\n-- Revision ID: b2\n-- Revises: a1\n\n-- +retort upgrade\nCREATE TABLE t2 (id INTEGER);\n" +
			"-- +retort downgrade\nDROP TABLE t2;\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "retort.toml")
}

type runOut struct {
	code     int
	out, err string
}

func run(t *testing.T, o Options, args ...string) runOut {
	t.Helper()
	if o.IO == nil {
		o.IO, _, _, _ = term.Test()
	}
	if o.Getenv == nil {
		o.Getenv = func(string) (string, bool) { return "", false }
	}
	code := Run(context.Background(), args, o)
	return runOut{code, o.IO.Out.(*bytes.Buffer).String(), o.IO.Err.(*bytes.Buffer).String()}
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	cfg := writeProject(t, db.URL)
	tests := []struct {
		name    string
		args    []string
		code    int
		errText string
	}{
		{"ok", []string{"-c", cfg, "heads"}, ExitOK, ""},
		{"no command", nil, ExitUsage, "FAILED: missing command"},
		{"unknown command", []string{"frobnicate"}, ExitUsage, `unknown command "frobnicate"`},
		{"unknown flag", []string{"-c", cfg, "heads", "--frob"}, ExitUsage, "unknown flag: --frob"},
		{"missing argument", []string{"-c", cfg, "show"}, ExitUsage, "retort show takes one revision"},
		{"too many arguments", []string{"-c", cfg, "upgrade", "a", "b"}, ExitUsage, "(got 2 arguments)"},
		{"bad duration", []string{"-c", cfg, "upgrade", "head", "--lock-timeout", "soon"}, ExitUsage, "invalid argument"},
		{"failure", []string{"-c", cfg, "show", "zzzz"}, ExitFailure, "FAILED: Can't locate revision identified by 'zzzz'"},
		{"missing config", []string{"-c", cfg + ".nope", "heads"}, ExitFailure, "does not exist"},
		{"negative target", []string{"-c", cfg, "downgrade", "-1"}, ExitFailure, "Relative revision -1 didn't produce 1 migrations"},
	}
	for _, tt := range tests {
		got := run(t, Options{}, tt.args...)
		if got.code != tt.code {
			t.Errorf("%s: exit %d, want %d; stderr:\n%s", tt.name, got.code, tt.code, got.err)
		}
		if !strings.Contains(got.err, tt.errText) {
			t.Errorf("%s: stderr %q lacks %q", tt.name, got.err, tt.errText)
		}
		if tt.code != ExitOK && got.out != "" && tt.name != "no command" {
			t.Errorf("%s: a failure printed on stdout: %q", tt.name, got.out)
		}
	}
}

// A panic anywhere becomes a FAILED line and exit 1, never a stack trace.
func TestPanicIsReported(t *testing.T) {
	t.Parallel()
	got := run(t, Options{Getenv: func(string) (string, bool) { panic("boom") }}, "heads")
	if got.code != ExitFailure {
		t.Errorf("exit %d, want %d", got.code, ExitFailure)
	}
	if !strings.HasPrefix(got.err, "FAILED: internal error: boom") || strings.Contains(got.err, "goroutine") {
		t.Errorf("stderr = %q", got.err)
	}
}

// Passwords never reach the output, whatever fails.
func TestPasswordsAreRedacted(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-Pa55"
	urls := []string{
		"postgresql+psycopg2://alice:" + secret + "@127.0.0.1:1/db?connect_timeout=1",
		"mysql+pymysql://alice:" + secret + "@127.0.0.1:1/db?timeout=1s",
		"oracle://alice:" + secret + "@127.0.0.1/db",
	}
	for _, u := range urls {
		cfg := writeProject(t, "sqlite://")
		for _, args := range [][]string{
			{"-c", cfg, "--url", u, "current", "-v"},
			{"-c", cfg, "--url", u, "upgrade", "head"},
			{"-c", cfg, "--url", u, "status"},
		} {
			got := run(t, Options{}, args...)
			if got.code != ExitFailure {
				t.Errorf("%q: exit %d, want 1", args, got.code)
			}
			if strings.Contains(got.out+got.err, secret) {
				t.Errorf("%q: password printed:\n%s%s", args, got.out, got.err)
			}
		}
	}
}

func TestColorAndProgress(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	cfg := writeProject(t, db.URL)

	// A terminal: FAILED in red, a progress line on stderr during a run.
	io, _, _, _ := term.Test()
	io.IsTTY, io.ErrIsTTY, io.ColorEnabled = true, true, true
	got := run(t, Options{IO: io}, "-c", cfg, "show", "zzzz")
	if !strings.Contains(got.err, "\x1b[31mFAILED:\x1b[0m") {
		t.Errorf("no colour on a terminal: %q", got.err)
	}
	io, _, _, _ = term.Test()
	io.IsTTY, io.ErrIsTTY, io.ColorEnabled = true, true, true
	got = run(t, Options{IO: io}, "-c", cfg, "upgrade", "head")
	if got.code != ExitOK || !strings.Contains(got.err, "revision 1 of 2") {
		t.Errorf("no progress on a terminal (exit %d): %q", got.code, got.err)
	}

	// NO_COLOR and --no-color switch colour off even on a terminal.
	for _, o := range []struct {
		env  bool
		flag []string
	}{{true, nil}, {false, []string{"--no-color"}}} {
		io, _, _, _ = term.Test()
		io.IsTTY, io.ErrIsTTY, io.ColorEnabled = true, true, true
		getenv := func(k string) (string, bool) {
			if k == "NO_COLOR" && o.env {
				return "1", true
			}
			return "", false
		}
		got = run(t, Options{IO: io, Getenv: getenv}, append(o.flag, "-c", cfg, "show", "zzzz")...)
		if strings.Contains(got.err, "\x1b[") {
			t.Errorf("colour with NO_COLOR=%v %v: %q", o.env, o.flag, got.err)
		}
	}

	// -q: no progress, no INFO lines.
	io, _, _, _ = term.Test()
	io.IsTTY, io.ErrIsTTY = true, true
	got = run(t, Options{IO: io}, "-q", "-c", cfg, "downgrade", "base")
	if got.code != ExitOK || got.err != "" {
		t.Errorf("-q printed (exit %d): %q", got.code, got.err)
	}
}

// The database URL: --url, then Options.URL (cli.WithURL), then
// RETORT_DATABASE_URL, then the file.
func TestURLPrecedence(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	u := func(name string) string { return "sqlite:///" + filepath.Join(dir, name) }
	cfg := writeProject(t, u("file.db"))
	env := func(set bool) func(string) (string, bool) {
		return func(k string) (string, bool) {
			if set && k == "RETORT_DATABASE_URL" {
				return u("env.db"), true
			}
			return "", false
		}
	}
	tests := []struct {
		name   string
		flag   bool
		option bool
		env    bool
		want   string
	}{
		{"file", false, false, false, "file.db"},
		{"env over file", false, false, true, "env.db"},
		{"option over env", false, true, true, "option.db"},
		{"flag over all", true, true, true, "flag.db"},
	}
	for _, name := range []string{"file.db", "env.db", "option.db", "flag.db"} {
		// current only reads: the databases must exist.
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range tests {
		args := []string{"-c", cfg, "current", "-v"}
		if tt.flag {
			args = append(args, "--url", u("flag.db"))
		}
		o := Options{Getenv: env(tt.env)}
		if tt.option {
			o.URL = u("option.db")
		}
		got := run(t, o, args...)
		want := "Current revision(s) for " + u(tt.want) + ":\n"
		if got.code != ExitOK || got.out != want {
			t.Errorf("%s: exit %d, stdout %q, want %q (stderr %q)", tt.name, got.code, got.out, want, got.err)
		}
	}
}
