//go:build linux

package sqlite

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/retortdb/retort/internal/dialect"
)

// reservedHeld reports whether some POSIX lock covers SQLite's RESERVED
// byte of path, asked through a descriptor of our own: an OFD query sees
// this process's POSIX locks as another owner's.
func reservedHeld(t *testing.T, path string) bool {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	lk := unix.Flock_t{Type: unix.F_WRLCK, Start: 1<<30 + 1, Len: 1}
	err = unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, &lk)
	// Kept open to the end of the test: closing it would drop the very
	// locks asked about.
	t.Cleanup(func() { f.Close() })
	if err != nil {
		t.Fatal(err)
	}
	return lk.Type != unix.F_UNLCK
}

// Releasing the run lock must not drop the locks SQLite holds on the same
// file for other connections of the process: closing any descriptor of a
// file drops all of the process's POSIX locks on it, so the lock's own
// descriptor is never closed.
func TestReleaseKeepsSQLiteLocks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path, c := openDB(t)
	h, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	writer, err := h.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	if _, err := writer.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer writer.ExecContext(ctx, "ROLLBACK")
	if !reservedHeld(t, path) {
		t.Fatal("SQLite's RESERVED lock is not visible; the test cannot tell anything")
	}
	for range 3 {
		unlock, err := New().Lock(ctx, c, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := unlock(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if !reservedHeld(t, path) {
		t.Fatal("taking and releasing the run lock dropped SQLite's RESERVED lock held by another connection")
	}
}
