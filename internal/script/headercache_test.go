package script

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/revision"
)

// The header cache tests change the package's clock and build hooks, so
// none of them runs in parallel (parallel tests of the package wait for
// them). Every cache lives in t.TempDir().

// setClock makes loads start at now() for the rest of the test.
func setClock(t *testing.T, now func() time.Time) {
	t.Helper()
	old := cacheNow
	cacheNow = now
	t.Cleanup(func() { cacheNow = old })
}

// setBuild makes the build stamp b for the rest of the test.
func setBuild(t *testing.T, b string) {
	t.Helper()
	old := cacheBuild
	cacheBuild = func() string { return b }
	t.Cleanup(func() { cacheBuild = old })
}

// late is a clock an hour ahead: every file is old enough to be recorded.
func late() time.Time { return time.Now().Add(time.Hour) }

// sameLoad fails unless a load through the cache gave what a load without
// it gives: the same revisions (every field, paths included) in the same
// order, or the same error.
func sameLoad(t *testing.T, what string, got *Set, gotErr error, want *Set, wantErr error) {
	t.Helper()
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("%s: cached load error %v, uncached %v", what, gotErr, wantErr)
	}
	if gotErr != nil {
		return
	}
	if !reflect.DeepEqual(got.revs, want.revs) {
		for i := range min(len(got.revs), len(want.revs)) {
			if !reflect.DeepEqual(got.revs[i], want.revs[i]) {
				t.Fatalf("%s: revision %d from the cache\n%+v\nread from the file\n%+v", what, i, *got.revs[i], *want.revs[i])
			}
		}
		t.Fatalf("%s: %d revisions from the cache, %d from the files", what, len(got.revs), len(want.revs))
	}
	if !reflect.DeepEqual(got.byID, want.byID) || len(got.files) != len(want.files) {
		t.Fatalf("%s: the sets differ", what)
	}
	for i := range got.files {
		if got.files[i].path != want.files[i].path {
			t.Fatalf("%s: file %d is %s from the cache, %s from the files", what, i, got.files[i].path, want.files[i].path)
		}
	}
}

// cacheFiles lists the cache files in dir.
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.hdr"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// recorded decodes the one cache file in dir for dirs.
func recorded(t *testing.T, cacheDir string, dirs []string, recursive bool) []cacheEntry {
	t.Helper()
	hc := openHeaderCache(cacheDir, dirs, recursive)
	data, err := os.ReadFile(hc.path)
	if err != nil {
		t.Fatalf("no cache file: %v", err)
	}
	entries, err := decodeCache(data, hc.key, hc.build, len(dirs))
	if err != nil {
		t.Fatalf("the cache file written does not decode: %v", err)
	}
	return entries
}

// waitTick returns once the file system's clock has moved on: a file
// changed after it has times later than any file changed before it.
func waitTick(t *testing.T, probe string) {
	t.Helper()
	first := statID(t, probe)
	for i := 0; ; i++ {
		if err := os.WriteFile(probe, []byte(strconv.Itoa(i)), 0o644); err != nil {
			t.Fatal(err)
		}
		if id := statID(t, probe); id.ctime != first.ctime {
			return
		}
		time.Sleep(100 * time.Microsecond)
	}
}

func statID(t *testing.T, path string) fileID {
	t.Helper()
	id, err := statOS(noDir, "", path)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// history is a random history on disk: files in versions/, versions/sub/
// (read when recursive) and more/, changed at random between loads.
type history struct {
	t    *testing.T
	rng  *rand.Rand
	root string
	n    int // files written so far (for fresh names and ids)
}

func (h *history) dirs() []string {
	return []string{filepath.Join(h.root, "versions"), filepath.Join(h.root, "more")}
}

// places are the directories files go to.
func (h *history) places() []string {
	return []string{filepath.Join(h.root, "versions"), filepath.Join(h.root, "versions", "sub"), filepath.Join(h.root, "more")}
}

// text is a revision file: a header in one of the shapes the parser
// takes (or, now and then, one it refuses) and a body.
func (h *history) text() string {
	h.n++
	r := h.rng
	id := fmt.Sprintf("%012x", r.Uint64()>>16)
	pick := func(max int) []string {
		var l []string
		for range r.IntN(max + 1) {
			l = append(l, fmt.Sprintf("%012x", r.Uint64()>>16))
		}
		return l
	}
	var b strings.Builder
	if r.IntN(10) == 0 {
		b.WriteString(utf8BOM)
	}
	if r.IntN(5) == 0 {
		b.WriteString("\n")
	}
	msg := fmt.Sprintf("revision %d %s", h.n, strings.Repeat("abc", r.IntN(4)))
	fmt.Fprintf(&b, "-- %s\n", msg)
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "--\n-- a longer text about %d\n-- on two lines\n", h.n)
	}
	b.WriteString("--\n")
	if r.IntN(20) != 0 { // else no Revision ID: an error
		fmt.Fprintf(&b, "-- Revision ID: %s\n", id)
	}
	fmt.Fprintf(&b, "-- Revises: %s\n", strings.Join(pick(2), ", "))
	b.WriteString("-- Create Date: 2024-01-02 03:04:05.000000\n")
	if l := pick(1); len(l) > 0 || r.IntN(2) == 0 {
		fmt.Fprintf(&b, "-- Branch Labels: %s\n", strings.Join(l, ", "))
	}
	if l := pick(2); len(l) > 0 || r.IntN(2) == 0 {
		fmt.Fprintf(&b, "-- Depends On: %s\n", strings.Join(l, ","))
	}
	if l := pick(1); len(l) > 0 {
		fmt.Fprintf(&b, "-- Replaces: %s\n", strings.Join(l, ", "))
	}
	fmt.Fprintf(&b, "\n-- +retort upgrade\nCREATE TABLE t%d (id int);\n\n-- +retort downgrade\nDROP TABLE t%d;\n", h.n, h.n)
	return b.String()
}

func (h *history) write(path, text string) {
	h.t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// files are the .sql files (and links) now in the places.
func (h *history) files() []string {
	var out []string
	for _, d := range h.places() {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".sql") && !e.IsDir() {
				out = append(out, filepath.Join(d, e.Name()))
			}
		}
	}
	return out
}

func (h *history) any() string {
	f := h.files()
	if len(f) == 0 {
		p := h.fresh()
		h.write(p, h.text())
		return p
	}
	return f[h.rng.IntN(len(f))]
}

// anyFile is a random regular file ("" when it picked a link).
func (h *history) anyFile() string {
	p := h.any()
	if !h.lstat(p).Mode().IsRegular() {
		return ""
	}
	return p
}

// fresh is a new file name in one of the places.
func (h *history) fresh() string {
	h.n++
	d := h.places()[h.rng.IntN(3)]
	if err := os.MkdirAll(d, 0o755); err != nil {
		h.t.Fatal(err)
	}
	return filepath.Join(d, fmt.Sprintf("%05d_%x.sql", h.n, h.rng.Uint32()))
}

// sameSize changes a few letters or digits of data into others of their
// kind: the same size, other content (often another id or parent).
func (h *history) sameSize(data []byte) []byte {
	out := slices.Clone(data)
	for range min(len(out), 1+h.rng.IntN(3)) {
		i := h.rng.IntN(len(out))
		switch c := out[i]; {
		case c >= '0' && c <= '9':
			out[i] = '0' + byte((int(c-'0')+1+h.rng.IntN(9))%10)
		case c >= 'a' && c <= 'f':
			out[i] = 'a' + byte((int(c-'a')+1+h.rng.IntN(5))%6)
		case c >= 'g' && c <= 'z':
			out[i] = 'g' + byte((int(c-'g')+1+h.rng.IntN(19))%20)
		}
	}
	return out
}

// read is p's content; a link whose target is gone reads as empty.
func (h *history) read(p string) []byte {
	data, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		h.t.Fatal(err)
	}
	return data
}

// keepTimes sets p's access and modification times back to fi's.
func (h *history) keepTimes(p string, fi fs.FileInfo) {
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		h.t.Fatal(err)
	}
}

func (h *history) lstat(p string) fs.FileInfo {
	fi, err := os.Lstat(p)
	if err != nil {
		h.t.Fatal(err)
	}
	return fi
}

// mutate makes one random change of the kinds that must never leave a
// stale header behind, and says which.
func (h *history) mutate() string {
	t, r := h.t, h.rng
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	switch k := r.IntN(15); k {
	case 0: // an edit of the same size, the modification time put back
		p := h.anyFile()
		if p == "" {
			return "skip"
		}
		fi := h.lstat(p)
		check(os.WriteFile(p, h.sameSize(h.read(p)), 0o644))
		h.keepTimes(p, fi)
		return "same-size edit, same mtime"
	case 1: // an edit of another size
		p := h.anyFile()
		if p == "" {
			return "skip"
		}
		check(os.WriteFile(p, []byte(h.text()), 0o644))
		return "edit"
	case 2: // touched with an older time, content unchanged or edited
		p := h.anyFile()
		if p == "" {
			return "skip"
		}
		if r.IntN(2) == 0 {
			check(os.WriteFile(p, h.sameSize(h.read(p)), 0o644))
		}
		old := time.Now().Add(-time.Duration(1+r.IntN(48)) * time.Hour)
		check(os.Chtimes(p, old, old))
		return "touched back"
	case 3: // renamed, maybe to another directory
		p := h.any()
		check(os.Rename(p, h.fresh()))
		return "rename"
	case 4:
		check(os.Remove(h.any()))
		return "delete"
	case 5:
		h.write(h.fresh(), h.text())
		return "add"
	case 6: // replaced by a file of the same size and modification time
		p := h.anyFile()
		if p == "" {
			return "skip"
		}
		fi := h.lstat(p)
		tmp := filepath.Join(h.root, "tmp.new")
		check(os.WriteFile(tmp, h.sameSize(h.read(p)), 0o644))
		h.keepTimes(tmp, fi)
		check(os.Rename(tmp, p))
		return "replaced, same size and mtime"
	case 7: // mode changed, and an edit of the same size with the time put back
		p := h.anyFile()
		if p == "" {
			return "skip"
		}
		fi := h.lstat(p)
		check(os.WriteFile(p, h.sameSize(h.read(p)), 0o644))
		check(os.Chmod(p, []fs.FileMode{0o600, 0o444, 0o640}[r.IntN(3)]))
		h.keepTimes(p, fi)
		return "chmod"
	case 8: // the directory replaced by a copy whose files differ, same sizes and times
		d := h.places()[r.IntN(3)]
		entries, err := os.ReadDir(d)
		if err != nil {
			return "skip"
		}
		old := d + ".old"
		check(os.Rename(d, old))
		check(os.Mkdir(d, 0o755))
		for _, e := range entries {
			src, dst := filepath.Join(old, e.Name()), filepath.Join(d, e.Name())
			fi := h.lstat(src)
			if !fi.Mode().IsRegular() {
				continue
			}
			data := h.read(src)
			if strings.HasSuffix(e.Name(), ".sql") && r.IntN(2) == 0 {
				data = h.sameSize(data)
			}
			check(os.WriteFile(dst, data, 0o644))
			h.keepTimes(dst, fi)
		}
		check(os.RemoveAll(old))
		return "directory replaced"
	case 9: // two files swap names
		a, b := h.any(), h.any()
		if a == b {
			return "skip"
		}
		tmp := filepath.Join(h.root, "tmp.swap")
		check(os.Rename(a, tmp))
		check(os.Rename(b, a))
		check(os.Rename(tmp, b))
		return "swap"
	case 10: // a file becomes a symbolic link to another, or a link is retargeted
		a, b := h.any(), h.any()
		if a == b {
			return "skip"
		}
		check(os.Remove(a))
		check(os.Symlink(b, a))
		return "symlink"
	case 11: // a file becomes a hard link to another
		a, b := h.any(), h.any()
		if a == b || h.lstat(b).Mode()&fs.ModeSymlink != 0 {
			return "skip"
		}
		check(os.Remove(a))
		check(os.Link(b, a))
		return "hard link"
	case 12: // a header the parser refuses, or garbage
		p := h.any()
		check(os.Remove(p))
		h.write(p, []string{"-- no id here\n-- Revises:\n", "", "\x00\x01\x02", "-- Revision ID: a b\n"}[r.IntN(4)])
		return "broken"
	case 13: // files that are no revisions: a directory named .sql, hidden files, other names
		d := h.places()[r.IntN(3)]
		switch r.IntN(3) {
		case 0:
			check(os.MkdirAll(filepath.Join(d, fmt.Sprintf("dir%d.sql", h.n)), 0o755))
		case 1:
			h.write(filepath.Join(d, fmt.Sprintf(".hidden%d.sql", h.n)), h.text())
		case 2:
			h.write(filepath.Join(d, fmt.Sprintf("readme%d.md", h.n)), h.text())
		}
		h.n++
		return "not a revision"
	default: // a rewrite of the same text: new times, same content
		p := h.anyFile()
		if p == "" {
			return "skip"
		}
		check(os.WriteFile(p, h.read(p), 0o644))
		return "rewrite"
	}
}

// TestHeaderCacheProperty changes random histories at random between
// loads, in every way a file can change, and compares each load through
// the cache with a load without it. Three clocks: one an hour ahead (every
// file recorded as soon as read; the test waits for the file system's clock
// to move before each change, as the racy rule would), one a little less
// than the racy window ahead (files changed in the last few milliseconds
// are racily clean: the rule itself at a small scale, with no waiting), and
// the real one (everything written by the test is too new to record).
func TestHeaderCacheProperty(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	// The file system's clock tick, for the small racy window.
	probe := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	waitTick(t, probe)
	waitTick(t, probe)
	tick := time.Since(start)
	small := max(30*time.Millisecond, 4*tick)
	clocks := []struct {
		name string
		now  func() time.Time
		wait bool // before each change, for the file system's clock to move on
	}{
		{"late", late, true},
		{"small window", func() time.Time { return time.Now().Add(racyWindow - small) }, false},
		{"real", time.Now, false},
	}
	steps := 60
	if testing.Short() {
		steps = 20
	}
	for _, clock := range clocks {
		t.Run(clock.name, func(t *testing.T) {
			setClock(t, clock.now)
			hits, misses := 0, 0
			for seed := range uint64(4) {
				h := &history{t: t, rng: rand.New(rand.NewPCG(seed, 7)), root: t.TempDir()}
				recursive := seed%2 == 0
				for range 5 + h.rng.IntN(20) {
					h.write(h.fresh(), h.text())
				}
				cacheDir := t.TempDir()
				var done []string
				for step := range steps {
					got, hc, gotErr := loadOS(h.dirs(), recursive, cacheDir)
					want, wantErr := LoadOS(h.dirs(), recursive)
					sameLoad(t, fmt.Sprintf("seed %d step %d after %q", seed, step, done), got, gotErr, want, wantErr)
					for i := range hc.hit {
						if hc.hit[i] {
							hits++
						} else {
							misses++
						}
					}
					checkRecorded(t, cacheDir, h.dirs(), recursive, hc.t0)
					if clock.wait {
						waitTick(t, probe)
					} else if h.rng.IntN(4) == 0 {
						time.Sleep(small / 4) // let some files age past the small window
					}
					done = done[:0]
					for range 1 + h.rng.IntN(3) {
						done = append(done, h.mutate())
					}
				}
			}
			t.Logf("%d headers from the cache, %d read", hits, misses)
			switch clock.name {
			case "late", "small window":
				if hits == 0 || misses == 0 {
					t.Errorf("%d hits and %d misses: the test did not exercise both", hits, misses)
				}
			case "real":
				if hits != 0 {
					t.Errorf("%d hits with files changed within the racy window", hits)
				}
			}
		})
	}
}

// checkRecorded fails when the cache file holds an entry that was racily
// clean at t0 (the start of the load that may have written it).
func checkRecorded(t *testing.T, cacheDir string, dirs []string, recursive bool, t0 int64) {
	t.Helper()
	hc := openHeaderCache(cacheDir, dirs, recursive)
	data, err := os.ReadFile(hc.path)
	if err != nil {
		return // nothing recorded yet
	}
	entries, err := decodeCache(data, hc.key, hc.build, len(dirs))
	if err != nil {
		t.Fatalf("the cache file written does not decode: %v", err)
	}
	for _, e := range entries {
		if !e.id.trustedAt(t0) {
			t.Fatalf("%s recorded with times %d/%d, within %v of the load at %d", e.name, e.id.mtime, e.id.ctime, racyWindow, t0)
		}
	}
}

// smallHistory writes n revision files into a new folder's versions/ and
// returns that folder.
func smallHistory(t *testing.T, n int) string {
	t.Helper()
	h := &history{t: t, rng: rand.New(rand.NewPCG(uint64(n), 1)), root: t.TempDir()}
	for i := range n {
		text := rev(fmt.Sprintf("%012x", 0xa0+i), "", fmt.Sprintf("rev %d", i))
		h.write(filepath.Join(h.root, "versions", fmt.Sprintf("%03d.sql", i)), text)
	}
	return filepath.Join(h.root, "versions")
}

// A warm cache serves every header with one stat each and is not
// rewritten; a changed file is read again, alone, and the cache rewritten.
func TestHeaderCacheHits(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	dir, cacheDir := smallHistory(t, 50), t.TempDir()
	dirs := []string{dir}
	count := func(hc *headerCache) (n int) {
		for _, h := range hc.hit {
			if h {
				n++
			}
		}
		return n
	}
	s, hc, err := loadOS(dirs, false, cacheDir)
	if err != nil || count(hc) != 0 {
		t.Fatalf("cold load: %v, %d hits", err, count(hc))
	}
	files := cacheFiles(t, cacheDir)
	if len(files) != 1 {
		t.Fatalf("cache files %q, want one", files)
	}
	before := statID(t, files[0])
	s2, hc, err := loadOS(dirs, false, cacheDir)
	sameLoad(t, "warm", s2, err, s, nil)
	if count(hc) != 50 {
		t.Errorf("warm load: %d hits, want 50", count(hc))
	}
	if statID(t, files[0]) != before {
		t.Error("the cache file was rewritten though nothing changed")
	}
	p := filepath.Join(dir, "007.sql")
	fi, _ := os.Stat(p)
	data, _ := os.ReadFile(p)
	data = bytes.Replace(data, []byte("rev 7"), []byte("rev X"), 1)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	s3, hc, err := loadOS(dirs, false, cacheDir)
	want, wantErr := LoadOS(dirs, false)
	sameLoad(t, "after an edit", s3, err, want, wantErr)
	if count(hc) != 49 || hc.hit[7] {
		t.Errorf("after an edit of one file: %d hits (file 7: %v), want 49 and not file 7", count(hc), hc.hit[7])
	}
	if s3.revs[7].Message != "rev X" {
		t.Errorf("message = %q, want the edited one", s3.revs[7].Message)
	}
	if statID(t, files[0]) == before {
		t.Error("the cache file was not rewritten after a change")
	}
	// Without a cache directory nothing is cached, and the load is LoadOS's.
	s4, hc, err := loadOS(dirs, false, "")
	sameLoad(t, "no cache", s4, err, want, nil)
	if hc != nil {
		t.Error("a load without a cache directory used one")
	}
}

// A file is recorded only when its times are older than the start of the
// load by more than racyWindow, to the nanosecond.
func TestHeaderCacheRacyBoundary(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	dir := smallHistory(t, 1)
	id := statID(t, filepath.Join(dir, "000.sql"))
	newest := max(id.mtime, id.ctime)
	for _, tc := range []struct {
		t0   int64
		kept bool
	}{
		{newest + int64(racyWindow), false},
		{newest + int64(racyWindow) + 1, true},
		{newest, false},
		{time.Now().UnixNano(), false},
	} {
		cacheDir := t.TempDir()
		setClock(t, func() time.Time { return time.Unix(0, tc.t0) })
		if _, err := LoadOSCached([]string{dir}, false, cacheDir); err != nil {
			t.Fatal(err)
		}
		n := 0
		if len(cacheFiles(t, cacheDir)) > 0 {
			n = len(recorded(t, cacheDir, []string{dir}, false))
		}
		if kept := n == 1; kept != tc.kept {
			t.Errorf("load at newest time + %v: recorded %v, want %v", time.Duration(tc.t0-newest), kept, tc.kept)
		}
	}
	// Times the file system does not keep (zero) and files that are not
	// regular never vouch for a header.
	for _, bad := range []fileID{
		{ino: 1, mode: modeRegular, mtime: 0, ctime: 1},
		{ino: 1, mode: modeRegular, mtime: 1, ctime: 0},
		{ino: 0, mode: modeRegular, mtime: 1, ctime: 1},
		{ino: 1, mode: 0o020000, mtime: 1, ctime: 1},
	} {
		if bad.trustedAt(time.Now().UnixNano()) {
			t.Errorf("%+v trusted", bad)
		}
	}
}

// A cache file that is truncated, damaged, from another build or format,
// for other directories, or not a file at all is ignored: the load is the
// same as without a cache, and the file is replaced by a good one.
func TestHeaderCacheDamaged(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	dir := smallHistory(t, 3)
	dirs := []string{dir}
	want, err := LoadOS(dirs, false)
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	if _, err := LoadOSCached(dirs, false, cacheDir); err != nil {
		t.Fatal(err)
	}
	path := cacheFiles(t, cacheDir)[0]
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	hc := openHeaderCache(cacheDir, dirs, false)
	// Each variant is written in place of the good file; the load must
	// come out right, read every file, and leave a good cache file.
	try := func(what string, data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, hc, err := loadOS(dirs, false, cacheDir)
		sameLoad(t, what, got, err, want, nil)
		if slices.Contains(hc.hit, true) {
			t.Fatalf("%s: a header came from a bad cache file", what)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, good) {
			t.Fatalf("%s: the cache file was not replaced by a good one", what)
		}
	}
	for n := range len(good) {
		try(fmt.Sprintf("truncated to %d bytes", n), good[:n])
	}
	for i := range good {
		bad := slices.Clone(good)
		bad[i] ^= 0x20
		try(fmt.Sprintf("byte %d changed", i), bad)
	}
	try("garbage", bytes.Repeat([]byte("retort"), 100))
	try("longer", append(slices.Clone(good), 0))
	try("other build", encodeCache(hc.key, hc.build+"x", recorded(t, cacheDir, dirs, false)))
	try("other directories", encodeCache(hc.key+"x", hc.build, recorded(t, cacheDir, dirs, false)))
	other := slices.Clone(good)
	other[len(cacheMagic)] = cacheFormat + 1
	binary.LittleEndian.PutUint32(other[len(other)-4:], crc32.Checksum(other[:len(other)-4], castagnoli))
	try("other format", other)

	// A damaged file whose checksum was made to fit again must not panic
	// the decoder or fail the load (what it decodes to is its own affair).
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		bad := slices.Clone(good)
		for range 1 + rng.IntN(4) {
			bad[len(cacheMagic)+rng.IntN(len(bad)-len(cacheMagic)-4)] = byte(rng.Uint32())
		}
		binary.LittleEndian.PutUint32(bad[len(bad)-4:], crc32.Checksum(bad[:len(bad)-4], castagnoli))
		_, _ = decodeCache(bad, hc.key, hc.build, 1)
	}

	// A directory where the cache file goes: no cache, same load.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := LoadOSCached(dirs, false, cacheDir)
	sameLoad(t, "directory in place of the cache file", got, err, want, nil)
	if leftovers, _ := filepath.Glob(filepath.Join(cacheDir, ".tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %q", leftovers)
	}
}

// A cache directory that cannot be made or written costs only speed.
func TestHeaderCacheUnwritable(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	dir := smallHistory(t, 5)
	want, err := LoadOS([]string{dir}, false)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cacheDir := range []string{filepath.Join(file, "cache"), file} {
		for range 2 {
			got, err := LoadOSCached([]string{dir}, false, cacheDir)
			sameLoad(t, "cache under a file", got, err, want, nil)
		}
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		got, err := LoadOSCached([]string{dir}, false, filepath.Join(ro, "cache"))
		sameLoad(t, "read-only cache directory", got, err, want, nil)
	}
}

// The cache is one file per set of version directories and walk: other
// directories, another order or a recursive walk never share one.
func TestHeaderCacheKeys(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	a, b := smallHistory(t, 4), smallHistory(t, 6)
	if err := os.MkdirAll(filepath.Join(a, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a, "sub", "x.sql"), []byte(rev("fff000000001", "", "sub")), 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	for i, c := range []struct {
		dirs      []string
		recursive bool
	}{{[]string{a}, false}, {[]string{a}, true}, {[]string{b}, false}, {[]string{a, b}, false}, {[]string{b, a}, false}} {
		for range 2 {
			got, err := LoadOSCached(c.dirs, c.recursive, cacheDir)
			want, wantErr := LoadOS(c.dirs, c.recursive)
			sameLoad(t, fmt.Sprintf("%q recursive=%v", c.dirs, c.recursive), got, err, want, wantErr)
		}
		if n := len(cacheFiles(t, cacheDir)); n != i+1 {
			t.Errorf("after %d sets of directories: %d cache files", i+1, n)
		}
	}
}

// Every field of a Revision goes through the cache: a field added to the
// type fails here until the cache carries it (and its format changes).
func TestHeaderCacheFields(t *testing.T) {
	fields := reflect.VisibleFields(reflect.TypeFor[revision.Revision]())
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	want := []string{"ID", "Parents", "DependsOn", "BranchLabels", "Message", "Doc", "Replaces", "Path"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("revision.Revision has fields %q; the header cache carries %q: update encodeCache, decodeCache and cacheFormat", names, want)
	}
	r := &revision.Revision{ID: "a", Parents: []string{"p", "q"}, DependsOn: []string{}, BranchLabels: nil,
		Message: "m", Doc: "d\nd", Replaces: []string{"r"}}
	e := cacheEntry{loc: 1, name: "x/y.sql", id: fileID{dev: 1, ino: 2, size: 3, mode: modeRegular | 0o644, mtime: -4, ctime: 5}, rev: r}
	got, err := decodeCache(encodeCache("k", "b", []cacheEntry{e}), "k", "b", 2)
	if err != nil || len(got) != 1 {
		t.Fatalf("decode: %v %d", err, len(got))
	}
	if g := got[0]; g.loc != e.loc || g.name != e.name || g.id != e.id || !reflect.DeepEqual(g.rev, r) {
		t.Errorf("round trip:\n%+v %+v\nwant\n%+v %+v", g, *g.rev, e, *r)
	}
}

// Old cache files (of histories gone) and temporary files a killed writer
// left are removed when a cache file is written; recent ones stay.
func TestHeaderCachePrune(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	cacheDir := t.TempDir()
	old := time.Now().Add(-cacheMaxAge - time.Hour)
	files := map[string]time.Time{
		"0123.hdr":      old,
		"4567.hdr":      time.Now().Add(-time.Hour),
		".tmp-1.hdr":    time.Now().Add(-25 * time.Hour),
		".tmp-2.hdr":    time.Now(),
		"unrelated.txt": old,
	}
	for name, mt := range files {
		p := filepath.Join(cacheDir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := LoadOSCached([]string{smallHistory(t, 2)}, false, cacheDir); err != nil {
		t.Fatal(err)
	}
	for name, kept := range map[string]bool{"0123.hdr": false, "4567.hdr": true, ".tmp-1.hdr": false, ".tmp-2.hdr": true, "unrelated.txt": true} {
		if _, err := os.Stat(filepath.Join(cacheDir, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
}

// Loads that write the same cache at once, in goroutines and in separate
// processes, each come out right and leave one good cache file and no
// temporary files.
func TestHeaderCacheConcurrent(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	dir, cacheDir := smallHistory(t, 200), t.TempDir()
	want, err := LoadOS([]string{dir}, false)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 4 {
		wg.Go(func() {
			for i := range 10 {
				got, err := LoadOSCached([]string{dir}, false, cacheDir)
				if err != nil || !reflect.DeepEqual(got.revs, want.revs) {
					errs <- fmt.Errorf("goroutine %d load %d: %v", g, i, err)
					return
				}
				// A changed file makes every load rewrite the cache.
				if err := os.Chtimes(filepath.Join(dir, fmt.Sprintf("%03d.sql", g)), time.Now(), time.Now()); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	var procs []*exec.Cmd
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHeaderCacheHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "RETORT_HEADER_CACHE_HELPER="+dir+string(os.PathListSeparator)+cacheDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Errorf("helper process: %v", err)
		}
	}
	if n := len(cacheFiles(t, cacheDir)); n != 1 {
		t.Errorf("%d cache files, want 1", n)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(cacheDir, ".tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %q", leftovers)
	}
	got, hc, err := loadOS([]string{dir}, false, cacheDir)
	sameLoad(t, "after the concurrent writers", got, err, want, nil)
	_ = hc
}

// TestHeaderCacheHelperProcess is TestHeaderCacheConcurrent's other
// process: it loads through the cache and compares, over and over.
func TestHeaderCacheHelperProcess(t *testing.T) {
	arg := os.Getenv("RETORT_HEADER_CACHE_HELPER")
	if arg == "" {
		t.Skip("run by TestHeaderCacheConcurrent")
	}
	dir, cacheDir, _ := strings.Cut(arg, string(os.PathListSeparator))
	setClock(t, late)
	for i := range 20 {
		got, err := LoadOSCached([]string{dir}, false, cacheDir)
		want, wantErr := LoadOS([]string{dir}, false)
		sameLoad(t, fmt.Sprintf("helper load %d", i), got, err, want, wantErr)
	}
}

// Another retort build may parse headers differently: a cache written by
// one build gives the next none of its entries, and is rewritten for it.
func TestHeaderCacheOtherBuild(t *testing.T) {
	if !cacheable {
		t.Skip("no header cache on this platform")
	}
	setClock(t, late)
	dir := smallHistory(t, 3)
	dirs := []string{dir}
	want, err := LoadOS(dirs, false)
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	setBuild(t, "build-a")
	if _, err := LoadOSCached(dirs, false, cacheDir); err != nil {
		t.Fatal(err)
	}
	got, hc, err := loadOS(dirs, false, cacheDir)
	sameLoad(t, "same build", got, err, want, nil)
	if !slices.Contains(hc.hit, true) {
		t.Fatal("the same build found nothing in its own cache")
	}
	setBuild(t, "build-b")
	got, hc, err = loadOS(dirs, false, cacheDir)
	sameLoad(t, "other build", got, err, want, nil)
	if slices.Contains(hc.hit, true) {
		t.Fatal("a header written by another build was trusted")
	}
	got, hc, err = loadOS(dirs, false, cacheDir)
	sameLoad(t, "other build, second load", got, err, want, nil)
	if !slices.Contains(hc.hit, true) {
		t.Fatal("the cache was not rewritten for the new build")
	}
}
