//go:build !(linux || darwin)

package script

import "errors"

// fastOSRead: no plain-syscall reader on this system; LoadOS reads through
// os.DirFS like Load.
const fastOSRead = false

func readHeaderOS(string, []byte) ([]byte, error) {
	return nil, errors.New("readHeaderOS: not available on this system")
}
