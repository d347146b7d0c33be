//go:build linux

package sqlite

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// lockByte is the byte of the database file the run lock covers: past the
// 512 bytes at 1 GiB where SQLite takes its own locks (PENDING, RESERVED
// and the SHARED range), so the two never meet. Locks are advisory: the
// byte may lie beyond the end of the file or inside a page, and nothing is
// read or written there.
const lockByte = 1<<30 + 1024

// ofdLock is an open-file-description lock (F_OFD_SETLK) on lockByte of the
// database file. Unlike a classic POSIX record lock it belongs to the open
// file, not the process: SQLite closing its own descriptors of the same
// file never drops it, and two connections of one process exclude each
// other.
type ofdLock struct {
	path string
	f    *os.File
}

// openFiles keeps the descriptors of database files opened for run locks,
// idle ones per path, for the life of the process. They are never closed:
// closing any descriptor of a file drops every POSIX lock the process
// holds on it, SQLite's own on other connections included (see "POSIX
// advisory locks canceled by a separate thread doing close()" in SQLite's
// How To Corrupt). It is package state for the same reason SQLite keeps
// its own table of open files: the hazard is per process. It holds at
// most as many descriptors per database as runs ever held its lock at once.
var openFiles = struct {
	sync.Mutex
	idle map[string][]*os.File
	kept []*os.File // never used again (the file was replaced, or unlocking failed), never closed
}{idle: map[string][]*os.File{}}

// takeFile returns an idle descriptor of path that still names the same
// file, or opens one.
func takeFile(path string) (*os.File, error) {
	openFiles.Lock()
	defer openFiles.Unlock()
	for fs := openFiles.idle[path]; len(fs) > 0; fs = openFiles.idle[path] {
		f := fs[len(fs)-1]
		openFiles.idle[path] = fs[:len(fs)-1]
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return f, nil
		}
		// The database file was replaced: this descriptor names the old
		// one, and stays open (unused) for the reason above.
		openFiles.kept = append(openFiles.kept, f)
	}
	return os.OpenFile(path, os.O_RDWR|unix.O_CLOEXEC, 0)
}

func putFile(path string, f *os.File) {
	openFiles.Lock()
	defer openFiles.Unlock()
	openFiles.idle[path] = append(openFiles.idle[path], f)
}

// newFileLock takes a descriptor of the database file itself for the run
// lock, falling back to a lock file beside it on kernels without OFD locks
// (before 3.15).
func newFileLock(path string) (fileLock, error) {
	f, err := takeFile(path)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, unix.EROFS) {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("database file %s is not writable by this user (%w); "+
				"run as a user who may write it, or fix its permissions", path, err)
		}
		return nil, err
	}
	probe := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: lockByte, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, &probe); errors.Is(err, unix.EINVAL) {
		putFile(path, f)
		return newSidecarLock(path)
	}
	return &ofdLock{path: path, f: f}, nil
}

func (l *ofdLock) try() (bool, error) {
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: lockByte, Len: 1}
	err := unix.FcntlFlock(l.f.Fd(), unix.F_OFD_SETLK, &lk)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.EAGAIN), errors.Is(err, unix.EACCES):
		return false, nil
	}
	return false, fmt.Errorf("lock %s: %w", l.path, err)
}

// holder cannot name a process: OFD locks have no owning pid.
func (l *ofdLock) holder() string { return "another run (a lock on " + l.path + ")" }

// release unlocks and keeps the descriptor for the next run. The process
// dying releases the lock too.
func (l *ofdLock) release() error {
	lk := unix.Flock_t{Type: unix.F_UNLCK, Whence: 0, Start: lockByte, Len: 1}
	if err := unix.FcntlFlock(l.f.Fd(), unix.F_OFD_SETLK, &lk); err != nil {
		// Its lock may still be held: never reuse it.
		openFiles.Lock()
		openFiles.kept = append(openFiles.kept, l.f)
		openFiles.Unlock()
		return fmt.Errorf("unlock %s: %w (this process keeps the file open, and the lock with it, until it exits)", l.path, err)
	}
	putFile(l.path, l.f)
	return nil
}

func (l *ofdLock) close() { putFile(l.path, l.f) }
