//go:build !linux

package script

import (
	"errors"
	"io/fs"
	"os"
)

// Elsewhere LoadOS reads files through os.Open like Load.

type osDir struct{}

var noDir = osDir{}

func openOSDir(string) osDir { return osDir{} }

func (osDir) close() {}

// Elsewhere files have no identity the header cache trusts: it is off.
const cacheable = false

func statOS(_ osDir, _, path string) (fileID, error) {
	return fileID{}, &fs.PathError{Op: "stat", Path: path, Err: errors.ErrUnsupported}
}

func readHeaderOS(_ osDir, _, path string, buf []byte, _ *fileID) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	return readHeaderFrom(f, buf)
}

func readFileOS(path string) ([]byte, error) { return os.ReadFile(path) }
