//go:build !unix

package sqlite

// Without flock the run relies on SQLite's own BEGIN IMMEDIATE locking, which
// covers a whole run in the default one-transaction mode only.
func newFileLock(string) (fileLock, error) { return noLock{}, nil }

type noLock struct{}

func (noLock) try() (bool, error) { return true, nil }
func (noLock) holder() string     { return "another run" }
func (noLock) release() error     { return nil }
func (noLock) close()             {}
