//go:build !linux

package script

import "os"

// Elsewhere LoadOS reads files through os.Open like Load.

type osDir struct{}

func openOSDir(string) osDir { return osDir{} }

func (osDir) close() {}

func readHeaderOS(_ osDir, _, path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	return readHeaderFrom(f, buf)
}

func readFileOS(path string) ([]byte, error) { return os.ReadFile(path) }
