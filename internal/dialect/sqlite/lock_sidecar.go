//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// sidecarLock is flock on "<real database path>-retort.lock", for systems
// without OFD locks. The file is a name to lock and holds nothing: it is
// never written or truncated, opened without following a symlink (a link
// planted there is refused, its target untouched), opened read-only when
// it exists but this user may not write it (flock needs no write access),
// and removed by the holder before it unlocks. A waiter that then gets the
// lock on the removed file sees that the path no longer names the file it
// locked and tries again, so two runs never both hold it.
type sidecarLock struct {
	path string
	f    *os.File
}

func newSidecarLock(dbPath string) (fileLock, error) {
	return &sidecarLock{path: dbPath + "-retort.lock"}, nil
}

func (l *sidecarLock) open() (*os.File, error) {
	const flags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK | syscall.O_CLOEXEC
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE|flags, 0o644)
	if errors.Is(err, os.ErrPermission) {
		// Left by another user's run that was killed: locking needs no
		// write access.
		var rerr error
		if f, rerr = os.OpenFile(l.path, os.O_RDONLY|flags, 0); errors.Is(rerr, os.ErrNotExist) {
			return nil, fmt.Errorf("cannot create lock file %s (%w): the database's directory must be writable, "+
				"as SQLite needs for its journal", l.path, err)
		}
		err = rerr
	}
	if errors.Is(err, syscall.ELOOP) {
		return nil, fmt.Errorf("lock file %s is a symbolic link; retort does not follow it: remove the link", l.path)
	}
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("lock file %s is not a regular file (%s): remove it", l.path, fi.Mode().Type())
		}
		return nil, err
	}
	return f, nil
}

func (l *sidecarLock) try() (bool, error) {
	for {
		f, err := l.open()
		if err != nil {
			return false, err
		}
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) {
			f.Close()
			return false, nil
		}
		if err != nil {
			f.Close()
			return false, fmt.Errorf("lock %s: %w", l.path, err)
		}
		if l.current(f) {
			l.f = f
			return true, nil
		}
		// The holder removed the file between our open and our lock.
		f.Close()
	}
}

// current reports whether l.path still names the open file f.
func (l *sidecarLock) current(f *os.File) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Lstat(l.path)
	return err == nil && os.SameFile(held, now)
}

func (l *sidecarLock) holder() string { return "another run (" + l.path + ")" }

// release removes the file while still holding the lock, then unlocks.
// A file that cannot be removed (a directory this user may not write) stays;
// it holds nothing and the next run locks it as it is.
func (l *sidecarLock) release() error {
	if l.f == nil {
		return nil
	}
	_ = os.Remove(l.path)
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

func (l *sidecarLock) close() {
	if l.f != nil {
		l.f.Close()
		l.f = nil
	}
}
