package script

import (
	"io/fs"
	"slices"
	"syscall"

	"golang.org/x/sys/unix"
)

// On Linux, LoadOS reads files with plain openat, read and close system
// calls, relative to an open descriptor of their directory: os.Open adds a
// few calls per file (poller registration, a finalizer) and resolves the
// whole path each time, which shows when loading thousands of files.

// osDir is an open directory for openat; fd -1 means none (use full paths).
type osDir struct{ fd int }

// noDir is no directory: files are found by their full paths.
var noDir = osDir{fd: -1}

func openOSDir(dir string) osDir {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return osDir{fd: -1}
	}
	return osDir{fd: fd}
}

func (d osDir) close() {
	if d.fd >= 0 {
		_ = syscall.Close(d.fd)
	}
}

// statOS is the identity of the file base in d (or at path when d has no
// descriptor), following a symbolic link as reading does: one fstatat.
func statOS(d osDir, base, path string) (fileID, error) {
	var st unix.Stat_t
	var err error
	for {
		if d.fd >= 0 {
			err = unix.Fstatat(d.fd, base, &st, 0)
		} else {
			err = unix.Stat(path, &st)
		}
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return fileID{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	return idOf(&st), nil
}

func idOf(st *unix.Stat_t) fileID {
	return fileID{
		dev: st.Dev, ino: st.Ino, size: st.Size, mode: st.Mode,
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(),
	}
}

// cacheable says whether this platform tells files apart by identity
// (statOS), which the header cache needs.
const cacheable = true

// readHeaderOS reads the header of the file base in d (or at path when d
// has no descriptor). With id non-nil it also records the identity of the
// file it reads (fstat on the open descriptor, before reading: a change
// made while reading shows as another identity on the next load).
func readHeaderOS(d osDir, base, path string, buf []byte, id *fileID) ([]byte, error) {
	var fd int
	var err error
	for {
		if d.fd >= 0 {
			fd, err = syscall.Openat(d.fd, base, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		} else {
			fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		}
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return buf, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	if id != nil {
		var st unix.Stat_t
		for {
			err = unix.Fstat(fd, &st)
			if err != unix.EINTR {
				break
			}
		}
		if err != nil {
			return buf, &fs.PathError{Op: "stat", Path: path, Err: err}
		}
		*id = idOf(&st)
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, max(cap(buf), 4096))
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return buf, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if _, _, complete := headerExtent(buf); complete {
			return buf, nil
		}
	}
}

// readFileOS reads the whole file at path with open, read and close alone
// (os.ReadFile adds a stat, poller registration and descriptor flags).
func readFileOS(path string) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	buf := make([]byte, 0, 4096)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, cap(buf))
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}
