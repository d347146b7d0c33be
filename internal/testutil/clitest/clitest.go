// Package clitest is what the tests that run the retort binary as a user
// does share (internal/e2e and its topology packages, galera and pooler):
// building the binary once per test process, and writing the linear chains
// of revision files those tests migrate.
//
// It imports nothing of retort: the binary is built by the go command.
package clitest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Build compiles cmd/retort, as the README installs it (CGO_ENABLED=0: one
// static binary), into a new temporary folder and returns the
// binary's path and a cleanup that removes the folder. Call it from
// TestMain, before m.Run. It also points XDG_CACHE_HOME at a folder inside
// it, so that the caches of the binary (and of retort run in process) live
// and die with the test run, never in the user's cache.
func Build(prefix string) (bin string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	if err := os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache")); err != nil {
		cleanup()
		return "", nil, err
	}
	bin = filepath.Join(dir, "retort")
	// The binary users install: static, without cgo (docs: the README's
	// install command).
	build := exec.Command("go", "build", "-o", bin, "github.com/retortdb/retort/cmd/retort")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := build.CombinedOutput()
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("build retort: %v\n%s", err, out)
	}
	return bin, cleanup, nil
}

// ChainID is the id of the n-th (0-based) revision of a test chain whose
// ids count up from base, so that each test package's ids are its own.
func ChainID(base uint64, n int) string { return fmt.Sprintf("%012x", base+uint64(n)) }

// AddRevision writes the n-th (0-based) revision of a linear chain into
// dir/versions: revises the (n-1)-th, carries the "-- +retort" annotations
// given (e.g. "no-transaction"), and returns its id.
func AddRevision(t testing.TB, dir string, base uint64, n int, upgrade, downgrade string, annotations ...string) string {
	t.Helper()
	id := ChainID(base, n)
	parent := ""
	if n > 0 {
		parent = ChainID(base, n-1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- revision %d\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2024-01-01 00:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n", n+1, id, parent)
	for _, a := range annotations {
		fmt.Fprintf(&b, "-- +retort %s\n", a)
	}
	fmt.Fprintf(&b, "-- +retort upgrade\n%s\n\n-- +retort downgrade\n%s\n", upgrade, downgrade)
	Write(t, filepath.Join(dir, "versions", fmt.Sprintf("%s_rev_%d.sql", id, n+1)), b.String())
	return id
}

// Write writes s to path, or fails t.
func Write(t testing.TB, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
