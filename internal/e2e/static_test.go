package e2e

import (
	"debug/elf"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// The binary built the way the README installs it is one static
// executable: no program interpreter and no shared library to load, so it
// runs on any Linux of its architecture and starts without the dynamic
// linker.
func TestBinaryIsStatic(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("ELF check: Linux only")
	}
	f, err := elf.Open(retortBin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary has a %v program header: it is dynamically linked (built with cgo?)", p.Type)
		}
	}
	if libs, err := f.ImportedLibraries(); err == nil && len(libs) > 0 {
		t.Errorf("the binary needs shared libraries %v", libs)
	}
	out, err := exec.Command(retortBin, "--version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "retort") {
		t.Fatalf("retort --version: %v\n%s", err, out)
	}
}
