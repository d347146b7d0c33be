//go:build linux

package sqlite

import (
	"errors"
	"fmt"
	"os"

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

// newFileLock opens the database file itself for the run lock, falling back
// to a lock file beside it on kernels without OFD locks (before 3.15).
func newFileLock(path string) (fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, unix.EROFS) {
			return nil, fmt.Errorf("database file %s is not writable by this user (%w); "+
				"run as a user who may write it, or fix its permissions", path, err)
		}
		return nil, err
	}
	l := &ofdLock{path: path, f: f}
	// Probe that the kernel knows OFD locks.
	probe := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: lockByte, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, &probe); errors.Is(err, unix.EINVAL) {
		f.Close()
		return newSidecarLock(path)
	}
	return l, nil
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
func (l *ofdLock) holder() string { return "another process (a lock on " + l.path + ")" }

// release closes the descriptor, which drops the lock with it.
func (l *ofdLock) release() error { return l.f.Close() }

func (l *ofdLock) close() { l.f.Close() }
