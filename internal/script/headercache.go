package script

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/retortdb/retort/internal/revision"
)

// The header cache keeps the parsed headers of a history's revision files
// between runs, as Git's index keeps what it knows of the working tree: each
// header under the identity of the file it was read from (device, inode,
// size, mode, modification and change times to the nanosecond). A load then
// lists the directories as always, takes one fstatat per file, and reads and
// parses only the files whose identity differs from the one recorded. Any
// write to a file, any chmod, utimes, rename over it or replacement moves
// its change time (which no user can set), so a changed file never matches.
//
// The one way a change could hide is within the timestamp granularity: a
// file read and then changed again within the same clock tick (up to two
// seconds on some file systems) keeps its times. Such a file is "racily
// clean" and is never recorded: only identities whose times are older than
// the moment the load started by racyWindow are kept, so the next load reads
// it again, until its times are old enough to vouch for it.
//
// The cache file is one per set of version directories, named by a hash of
// them, under the cache directory the caller gives (the CLI uses
// os.UserCacheDir()/retort/headers). It records the retort build (the
// module version, VCS revision and the executable's own identity) and the
// format; one from another build, or unreadable, corrupt (a CRC-32C covers
// it) or truncated, is ignored and replaced. It is written whole to a
// temporary file and renamed into place, so a reader sees an old or a new
// file, never half of one, and two writers at once leave one of theirs.
// Failing to write it only makes the next load slower.

const (
	cacheMagic  = "retort headers\n"
	cacheFormat = 1
	// racyWindow is how much older than the start of a load a file's
	// modification and change times must be for its header to be recorded:
	// more than the coarsest timestamp granularity (2 s on FAT) plus the
	// kernel's clock tick, with room for a file server's clock that runs a
	// little behind this machine's.
	racyWindow = 5 * time.Second
	// cacheMaxAge is how long a cache file nobody rewrote is kept: a
	// write removes older ones (histories of projects deleted long ago).
	cacheMaxAge = 30 * 24 * time.Hour
	// The file type bits of a Unix mode, and a regular file's.
	modeType    = 0o170000
	modeRegular = 0o100000
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fileID is what a file's stat says of it; equal identities mean an
// unchanged file (with the racy rule above).
type fileID struct {
	dev, ino     uint64
	size         int64
	mode         uint32
	mtime, ctime int64 // nanoseconds since the epoch
}

// trustedAt says whether the identity, taken no earlier than t0 (ns), can
// vouch for the content read with it: a regular file whose times are all
// known and older than t0 by more than racyWindow.
func (id fileID) trustedAt(t0 int64) bool {
	limit := t0 - int64(racyWindow)
	return id.mode&modeType == modeRegular && id.ino != 0 &&
		id.mtime > 0 && id.ctime > 0 && id.mtime < limit && id.ctime < limit
}

// cacheEntry is one revision file's header as recorded.
type cacheEntry struct {
	loc  int    // index of the version directory
	name string // slash-separated path inside it
	id   fileID
	rev  *revision.Revision // Path unset
}

// Hooks for tests: the clock a load starts by, and the build stamp.
var (
	cacheNow   = time.Now
	cacheBuild = sync.OnceValue(buildStamp)
)

// buildStamp names this retort build: its module and VCS version and the
// identity of the executable (two "devel" builds differ there). "" when
// the executable cannot be found, and then nothing is cached.
func buildStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	id, err := statOS(noDir, "", exe)
	if err != nil {
		return ""
	}
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "%s %s %s", bi.GoVersion, bi.Main.Path, bi.Main.Version)
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				fmt.Fprintf(&b, " %s=%s", s.Key, s.Value)
			}
		}
	}
	fmt.Fprintf(&b, " exe=%s %d/%d/%d/%d/%d/%d", exe, id.dev, id.ino, id.size, id.mode, id.mtime, id.ctime)
	return b.String()
}

// headerCache is one load's use of the cache.
type headerCache struct {
	dir, path string
	key       string // the version directories and the walk
	build     string
	t0        int64         // when the load started (ns)
	read      chan struct{} // closed once old is read
	old       []cacheEntry
	match     []int32  // per file: its entry in old, or -1
	ids       []fileID // per file: the identity its header was taken with
	hit       []bool   // per file: from the cache
}

// openHeaderCache starts reading the cache of the files in dirs (absolute)
// while the caller lists them; attach then matches its entries to the
// files. It returns nil when there can be no cache (the platform has no
// file identity, or the build is unknown). The load starts now (t0): no
// file is read before.
func openHeaderCache(cacheDir string, dirs []string, recursive bool) *headerCache {
	if !cacheable || cacheDir == "" {
		return nil
	}
	build := cacheBuild()
	if build == "" {
		return nil
	}
	key := fmt.Sprintf("recursive=%t", recursive)
	for _, d := range dirs {
		key += "\x00" + d
	}
	sum := sha256.Sum256([]byte(key))
	c := &headerCache{
		dir:   cacheDir,
		path:  filepath.Join(cacheDir, hex.EncodeToString(sum[:16])+".hdr"),
		key:   key,
		build: build,
		t0:    cacheNow().UnixNano(),
		read:  make(chan struct{}),
	}
	go func() {
		defer close(c.read)
		if data, err := os.ReadFile(c.path); err == nil { // sized by a stat: one read
			c.old, _ = decodeCache(data, key, build, len(dirs)) // a bad file is no file
		}
	}()
	return c
}

// attach waits for the cache file and matches its entries to files.
func (c *headerCache) attach(files []file) {
	<-c.read
	c.match = make([]int32, len(files))
	c.ids = make([]fileID, len(files))
	c.hit = make([]bool, len(files))
	type locName struct {
		loc  int
		name string
	}
	var byName map[locName]int32
	next := 0
	for i, f := range files {
		c.match[i] = -1
		if next < len(c.old) && c.old[next].loc == f.loc && c.old[next].name == f.name {
			c.match[i] = int32(next)
			next++
			continue
		}
		if byName == nil && len(c.old) > 0 { // the files are not in the recorded order: look up
			byName = make(map[locName]int32, len(c.old))
			for j, e := range c.old {
				byName[locName{e.loc, e.name}] = int32(j)
			}
		}
		if j, ok := byName[locName{f.loc, f.name}]; ok {
			c.match[i] = j
			next = int(j) + 1
		}
	}
}

// load is loadHeader through the cache: a file whose identity is the one
// recorded costs one fstatat; any other is read (with its identity taken
// before reading) and parsed.
func (c *headerCache) load(i int, f file, d osDir, buf *[]byte) (*revision.Revision, error) {
	base := filepath.Base(f.path)
	if j := c.match[i]; j >= 0 {
		e := &c.old[j]
		if id, err := statOS(d, base, f.path); err == nil && id == e.id {
			c.ids[i], c.hit[i] = id, true
			e.rev.Path = f.path // each entry matches one file
			return e.rev, nil
		}
	}
	data, err := readHeaderOS(d, base, f.path, (*buf)[:0], &c.ids[i])
	*buf = data
	if err != nil {
		return nil, fmt.Errorf("read revision file: %w", err) // err names the file
	}
	return ParseHeader(f.path, data)
}

// save records the headers loaded (those read without error and whose
// identity can vouch for them) when they differ from what was recorded.
func (c *headerCache) save(files []file, revs []*revision.Revision, errs []error) {
	keep := func(i int) bool { return errs[i] == nil && revs[i] != nil && c.ids[i].trustedAt(c.t0) }
	n, changed := 0, false
	for i := range files {
		if keep(i) {
			n++
			changed = changed || !c.hit[i]
		}
	}
	if !changed && n == len(c.old) {
		return // every entry recorded was used, and nothing else is new
	}
	entries := make([]cacheEntry, 0, n)
	for i, f := range files {
		if keep(i) {
			entries = append(entries, cacheEntry{loc: f.loc, name: f.name, id: c.ids[i], rev: revs[i]})
		}
	}
	writeCache(c.dir, c.path, encodeCache(c.key, c.build, entries))
}

// writeCache writes data to path through a temporary file and a rename,
// then removes cache files nobody has written for cacheMaxAge. Errors are
// dropped: without a cache a load is only slower.
func writeCache(dir, path string, data []byte) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*.hdr")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".hdr") || e.IsDir() {
			continue
		}
		// A temporary file a killed writer left behind goes after a day.
		maxAge := cacheMaxAge
		if strings.HasPrefix(e.Name(), ".tmp-") {
			maxAge = 24 * time.Hour
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > maxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// The cache file: the magic line, then uvarints and strings (a uvarint
// length and the bytes), and a CRC-32C (Castagnoli) of all before it,
// little-endian:
//
//	magic format build key count entry… crc
//	entry: loc name dev ino size mode mtime ctime id message doc
//	       parents depends_on branch_labels replaces
//
// mtime and ctime are signed varints; a list is its length plus one (0
// for none) and its items.

func encodeCache(key, build string, entries []cacheEntry) []byte {
	b := make([]byte, 0, 64+len(key)+len(build)+len(entries)*160)
	b = append(b, cacheMagic...)
	b = binary.AppendUvarint(b, cacheFormat)
	b = appendString(b, build)
	b = appendString(b, key)
	b = binary.AppendUvarint(b, uint64(len(entries)))
	for _, e := range entries {
		b = binary.AppendUvarint(b, uint64(e.loc))
		b = appendString(b, e.name)
		b = binary.AppendUvarint(b, e.id.dev)
		b = binary.AppendUvarint(b, e.id.ino)
		b = binary.AppendVarint(b, e.id.size)
		b = binary.AppendUvarint(b, uint64(e.id.mode))
		b = binary.AppendVarint(b, e.id.mtime)
		b = binary.AppendVarint(b, e.id.ctime)
		r := e.rev
		b = appendString(b, r.ID)
		b = appendString(b, r.Message)
		b = appendString(b, r.Doc)
		for _, l := range [...][]string{r.Parents, r.DependsOn, r.BranchLabels, r.Replaces} {
			if l == nil {
				b = append(b, 0)
				continue
			}
			b = binary.AppendUvarint(b, uint64(len(l))+1)
			for _, s := range l {
				b = appendString(b, s)
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

var errBadCache = errors.New("not a valid header cache file")

// decodeCache reads a cache file written by encodeCache for key and
// build, with dirs version directories; any other is errBadCache.
func decodeCache(data []byte, key, build string, dirs int) ([]cacheEntry, error) {
	if len(data) < len(cacheMagic)+4 || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, errBadCache
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, errBadCache
	}
	// The strings decoded share body's memory, which nothing writes.
	d := decoder{b: body, s: unsafe.String(unsafe.SliceData(body), len(body)), i: len(cacheMagic)}
	if d.uvarint() != cacheFormat || d.str() != build || d.str() != key {
		return nil, errBadCache
	}
	n := d.uvarint()
	if d.bad || n > uint64(len(body)) { // an entry takes more than a byte
		return nil, errBadCache
	}
	entries := make([]cacheEntry, n)
	revs := make([]revision.Revision, n)
	for k := range entries {
		e := &entries[k]
		loc := d.uvarint()
		e.name = d.str()
		e.id.dev = d.uvarint()
		e.id.ino = d.uvarint()
		e.id.size = d.varint()
		mode := d.uvarint()
		e.id.mtime = d.varint()
		e.id.ctime = d.varint()
		r := &revs[k]
		r.ID = d.str()
		r.Message = d.str()
		r.Doc = d.str()
		r.Parents = d.list()
		r.DependsOn = d.list()
		r.BranchLabels = d.list()
		r.Replaces = d.list()
		if d.bad || loc >= uint64(dirs) || mode > 1<<32-1 || e.name == "" || r.ID == "" {
			return nil, errBadCache
		}
		e.loc, e.id.mode, e.rev = int(loc), uint32(mode), r
	}
	if d.i != len(body) {
		return nil, errBadCache
	}
	return entries, nil
}

// decoder reads encodeCache's values; bad is set by the first that does
// not fit, and every read after it returns a zero value. s is b as one
// string, so that the strings read share it instead of each being copied.
type decoder struct {
	b   []byte
	s   string
	i   int
	bad bool
}

func (d *decoder) uvarint() uint64 {
	if d.bad {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.i:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.i += n
	return v
}

func (d *decoder) varint() int64 {
	if d.bad {
		return 0
	}
	v, n := binary.Varint(d.b[d.i:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.i += n
	return v
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.b)-d.i) {
		d.bad = true
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *decoder) list() []string {
	n := d.uvarint()
	if n == 0 || d.bad {
		return nil
	}
	if n-1 > uint64(len(d.b)-d.i) { // an item takes at least its length byte
		d.bad = true
		return nil
	}
	l := make([]string, n-1)
	for k := range l {
		l[k] = d.str()
	}
	return l
}
