package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
)

// projectFiles lists every file and folder under dir.
func projectFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// With the header cache on (the default), the commands that read a
// history the database is already at say exactly what they say without it,
// on every dialect, and leave the database as it was; an edit to a file
// shows at once; the cache lives under the user's cache directory and
// nothing appears in the project. --no-cache and RETORT_NO_CACHE write no
// cache.
//
// Files are recorded only once their times are a few seconds old (the
// racy rule), so the test writes its projects first and waits for that.
func TestHeaderCacheCommands(t *testing.T) {
	cacheHome := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cacheHome)
	headers := filepath.Join(cacheHome, "retort", "headers")
	type proj struct {
		db    *testutil.DB
		cfg   string
		files []string
	}
	projects := map[string]*proj{}
	for _, name := range testutil.Dialects() {
		db := testutil.New(t, name)
		cfg := writeProject(t, db.URL)
		projects[name] = &proj{db: db, cfg: cfg, files: projectFiles(t, filepath.Dir(cfg))}
	}
	off := writeProject(t, "sqlite:///"+filepath.Join(t.TempDir(), "off.db"))
	time.Sleep(6 * time.Second) // racyWindow (5 s) and a margin

	hdr := func() []string {
		m, _ := filepath.Glob(filepath.Join(headers, "*.hdr"))
		return m
	}
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			p := projects[name]
			before := len(hdr())
			if got := run(t, Options{}, "-c", p.cfg, "upgrade", "head"); got.code != ExitOK {
				t.Fatalf("upgrade: %d %s", got.code, got.err)
			}
			if n := len(hdr()); n != before+1 {
				t.Fatalf("%d cache files after the first load, want %d", n, before+1)
			}
			rows := func() []string { return p.db.Strings(t, "SELECT version_num FROM alembic_version") }
			if got := rows(); !slices.Equal(got, []string{"b2"}) {
				t.Fatalf("version rows %q, want b2", got)
			}
			for _, args := range [][]string{{"upgrade", "head"}, {"current"}, {"heads"}, {"history"}, {"history", "--verbose"}, {"history", "-i"}} {
				cached := run(t, Options{}, append([]string{"-c", p.cfg}, args...)...)
				plain := run(t, Options{}, append([]string{"-c", p.cfg, "--no-cache"}, args...)...)
				if cached.code != ExitOK || cached.code != plain.code || cached.out != plain.out {
					t.Errorf("%q: with the cache %d %q, without %d %q (stderr %s)", args, cached.code, cached.out, plain.code, plain.out, cached.err)
				}
				if args[0] == "upgrade" && !strings.Contains(cached.err, "Nothing to do") {
					t.Errorf("upgrade head at head: %s", cached.err)
				}
			}
			if got := rows(); !slices.Equal(got, []string{"b2"}) {
				t.Errorf("version rows %q after the no-op commands, want b2", got)
			}
			// An edit of the same size, its time put back, shows at once.
			b2 := filepath.Join(filepath.Dir(p.cfg), "versions", "b2.sql")
			fi, err := os.Stat(b2)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(b2)
			if err := os.WriteFile(b2, bytes.Replace(data, []byte("-- two"), []byte("-- owt"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(b2, fi.ModTime(), fi.ModTime()); err != nil {
				t.Fatal(err)
			}
			if got := run(t, Options{}, "-c", p.cfg, "history"); got.code != ExitOK || !strings.Contains(got.out, "a1 -> b2 (head), owt") {
				t.Errorf("history after an edit: %d %q, want the new message", got.code, got.out)
			}
			if got := projectFiles(t, filepath.Dir(p.cfg)); !slices.Equal(got, p.files) {
				t.Errorf("project files now %q, were %q", got, p.files)
			}
		})
	}

	// Turned off, by flag or environment, nothing is written.
	before := hdr()
	if got := run(t, Options{}, "-c", off, "--no-cache", "heads"); got.code != ExitOK || strings.TrimSpace(got.out) != "b2 (head)" {
		t.Fatalf("heads --no-cache: %d %q %s", got.code, got.out, got.err)
	}
	env := func(k string) (string, bool) {
		if k == envNoCache {
			return "1", true
		}
		return "", false
	}
	if got := run(t, Options{Getenv: env}, "-c", off, "history"); got.code != ExitOK || !strings.Contains(got.out, "a1 -> b2 (head), two") {
		t.Fatalf("history with %s=1: %d %q %s", envNoCache, got.code, got.out, got.err)
	}
	if after := hdr(); !slices.Equal(after, before) {
		t.Errorf("cache files %q after runs with the cache off, were %q", after, before)
	}
	// RETORT_NO_CACHE=0 and empty leave it on.
	for _, v := range []string{"0", ""} {
		env := func(k string) (string, bool) { return v, k == envNoCache }
		if got := run(t, Options{Getenv: env}, "-c", off, "heads"); got.code != ExitOK {
			t.Fatalf("heads: %d %s", got.code, got.err)
		}
	}
	if after := hdr(); len(after) != len(before)+1 {
		t.Errorf("%d cache files after runs with %s=0 and empty, want %d", len(after), envNoCache, len(before)+1)
	}
}
