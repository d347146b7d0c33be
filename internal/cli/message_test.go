package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/term"
	"github.com/retortdb/retort/internal/testutil"
)

// A huge message (-m of 10,000 characters) is kept whole in the file and in
// --json "message", and cut in log lines and dry-run plans.
func TestHugeMessageIsCutInLogLines(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	cfg := writeProject(t, db.URL)
	msg := strings.Repeat("m", 10000)
	got := run(t, Options{}, "-c", cfg, "revision", "-m", msg, "--rev-id", "c3")
	if got.code != ExitOK {
		t.Fatalf("revision: exit %d: %s", got.code, got.err)
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(cfg), "versions", "c3*.sql"))
	if len(files) != 1 {
		t.Fatalf("revision files %v", files)
	}
	body, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(body), msg) {
		t.Fatalf("the file must keep the whole message (%v)", err)
	}
	// An unedited template is refused by upgrade: mark it empty on purpose.
	marked := strings.Replace(string(body), "-- +retort upgrade\n", "-- +retort upgrade\n-- +retort empty\n", 1)
	if marked == string(body) {
		t.Fatalf("no upgrade section marker in the template:\n%.400s", body)
	}
	body = []byte(marked)
	if err := os.WriteFile(files[0], body, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"upgrade", "head", "--dry-run"}, {"upgrade", "head"}, {"downgrade", "b2"}} {
		got := run(t, Options{}, append([]string{"-c", cfg}, args...)...)
		if got.code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, got.code, got.err)
		}
		for _, line := range strings.Split(got.out+got.err, "\n") {
			if n := utf8.RuneCountInString(line); n > 160 {
				t.Errorf("%v: a line of %d characters: %.100s…", args, n, line)
			}
		}
		if !strings.Contains(got.out+got.err, ", "+strings.Repeat("m", 79)+"…") {
			t.Errorf("%v: no cut message in:\n%s%s", args, got.out, got.err)
		}
	}
	got = run(t, Options{}, "-c", cfg, "upgrade", "head", "--json")
	if got.code != ExitOK || !strings.Contains(got.out, `"message": "`+msg+`"`) {
		t.Errorf("--json must keep the whole message; exit %d", got.code)
	}
	if body2, _ := os.ReadFile(files[0]); string(body2) != string(body) {
		t.Error("the file changed")
	}
}

// A run whose context is cancelled (Ctrl-C) before anything ran exits 130
// and says nothing changed; read-only commands exit 130 too.
func TestCancelledRunExits130(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	cfg := writeProject(t, db.URL)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{{"upgrade", "head"}, {"stamp", "head"}, {"status"}} {
		io, _, _, _ := term.Test()
		code := Run(ctx, append([]string{"-c", cfg}, args...), Options{IO: io, Getenv: func(string) (string, bool) { return "", false }})
		stderr := io.Err.(*bytes.Buffer).String()
		if code != ExitInterrupted || !strings.Contains(stderr, "INTERRUPTED: ") || strings.Contains(stderr, "FAILED") {
			t.Errorf("%v: exit %d, stderr %q; want 130 and an INTERRUPTED line", args, code, stderr)
		}
		if args[0] != "status" && !strings.Contains(stderr, "stopped before any revision ran; nothing was changed") {
			t.Errorf("%v: stderr %q", args, stderr)
		}
	}
	if got := run(t, Options{}, "-c", cfg, "current"); got.code != ExitOK || got.out != "" {
		t.Errorf("the database changed: %q", got.out)
	}
}
