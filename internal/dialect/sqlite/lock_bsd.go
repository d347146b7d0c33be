//go:build unix && !linux

package sqlite

func newFileLock(path string) (fileLock, error) { return newSidecarLock(path) }
