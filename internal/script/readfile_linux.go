package script

import (
	"io/fs"
	"slices"
	"syscall"
)

// On Linux, LoadOS reads files with plain openat, read and close system
// calls, relative to an open descriptor of their directory: os.Open adds a
// few calls per file (poller registration, a finalizer) and resolves the
// whole path each time, which shows when loading thousands of files.

// osDir is an open directory for openat; fd -1 means none (use full paths).
type osDir struct{ fd int }

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

// readHeaderOS reads the header of the file base in d (or at path when d
// has no descriptor).
func readHeaderOS(d osDir, base, path string, buf []byte) ([]byte, error) {
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
