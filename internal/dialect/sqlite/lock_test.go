//go:build unix

package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/internal/dialect"
)

func openDB(t *testing.T) (string, *sql.Conn) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	h, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	c, err := h.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := c.ExecContext(context.Background(), "CREATE TABLE x (id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	return path, c
}

// plantSymlink makes "<db>-retort.lock" a symlink to a file of precious
// bytes and returns a check that the bytes are untouched.
func plantSymlink(t *testing.T, db string) func() {
	t.Helper()
	precious := filepath.Join(filepath.Dir(db), "precious.txt")
	want := []byte("precious bytes\x00\n that must survive\n")
	if err := os.WriteFile(precious, want, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(precious, db+"-retort.lock"); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		got, err := os.ReadFile(precious)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("precious.txt changed: %q, %v", got, err)
		}
		if fi, err := os.Lstat(db + "-retort.lock"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the planted symlink was replaced: %v %v", fi, err)
		}
	}
}

// The run lock touches no file but the database: a planted symlink where a
// lock file used to be is left alone with its target, and after the run
// nothing new lies beside the database.
func TestLockLeavesNoFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, c := openDB(t)
	untouched := plantSymlink(t, db)
	before := dirList(t, filepath.Dir(db))
	unlock, err := New().Lock(ctx, c, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{})
	if err != nil && runtime.GOOS != "linux" && strings.Contains(err.Error(), "symbolic link") {
		untouched() // this system locks with a file beside the database, and refuses the link
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := unlock(ctx); err != nil {
		t.Fatal(err)
	}
	untouched()
	if after := dirList(t, filepath.Dir(db)); after != before {
		t.Errorf("files beside the database: before %s, after %s", before, after)
	}
}

func dirList(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

// The lock file used where OFD locks are missing refuses a planted symlink
// without touching its target.
func TestSidecarRefusesSymlink(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	untouched := plantSymlink(t, db)
	l, _ := newSidecarLock(db)
	ok, err := l.try()
	if ok || err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("try = %v, %v; want a refusal naming the symbolic link", ok, err)
	}
	untouched()
}

// The lock file is removed when the run ends, an existing one left by a
// killed run (even read-only) is used as it is, and its content is never
// written.
func TestSidecarFile(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	lockPath := db + "-retort.lock"
	l, _ := newSidecarLock(db)
	if ok, err := l.try(); !ok || err != nil {
		t.Fatalf("try = %v, %v", ok, err)
	}
	other, _ := newSidecarLock(db)
	if ok, err := other.try(); ok || err != nil {
		t.Fatalf("second try while held = %v, %v", ok, err)
	}
	if err := l.release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(lockPath); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("lock file still there after release: %v", err)
	}
	// left behind by a killed run of another user: read-only, with content
	content := []byte("left by a killed run\n")
	if err := os.WriteFile(lockPath, content, 0o444); err != nil {
		t.Fatal(err)
	}
	if ok, err := other.try(); !ok || err != nil {
		t.Fatalf("try on a read-only leftover = %v, %v", ok, err)
	}
	if got, _ := os.ReadFile(lockPath); !bytes.Equal(got, content) {
		t.Errorf("lock file content changed to %q", got)
	}
	if err := other.release(); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: the read-only fallback was not exercised (root opens any file for writing)")
	}
}

// Many holders racing, each removing the file as it releases: never two in
// the critical section at once.
func TestSidecarExcludes(t *testing.T) {
	t.Parallel()
	db, _ := openDB(t)
	var inside, overlaps, entered atomic.Int32
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 20 {
				l, _ := newSidecarLock(db)
				for {
					ok, err := l.try()
					if err != nil {
						t.Error(err)
						return
					}
					if ok {
						break
					}
					time.Sleep(time.Millisecond)
				}
				if inside.Add(1) > 1 {
					overlaps.Add(1)
				}
				entered.Add(1)
				time.Sleep(100 * time.Microsecond)
				inside.Add(-1)
				if err := l.release(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if overlaps.Load() != 0 || entered.Load() != 16*20 {
		t.Fatalf("%d entries found another holder inside (want 0); %d entries (want %d)", overlaps.Load(), entered.Load(), 16*20)
	}
	if _, err := os.Lstat(db + "-retort.lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left: %v", err)
	}
}
