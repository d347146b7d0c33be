//go:build linux || darwin

package script

import (
	"io/fs"
	"slices"
	"syscall"
)

// fastOSRead: LoadOS reads files with readHeaderOS.
const fastOSRead = true

// readHeaderOS reads the header of the OS file name with plain open, read
// and close system calls: os.Open adds a few more per file (poller
// registration, finalizer), which shows when loading thousands of files.
func readHeaderOS(name string, buf []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return buf, &fs.PathError{Op: "open", Path: name, Err: err}
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
			return buf, &fs.PathError{Op: "read", Path: name, Err: err}
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
