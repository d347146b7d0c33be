package script

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/retortdb/retort/internal/revision"
)

// Set is the revision files found in the version locations of one fs.FS.
type Set struct {
	revs  []*revision.Revision
	files []file
	byID  map[string]int // first file declaring the id
}

// file is where a revision's text lives.
type file struct {
	fsys fs.FS
	name string // path inside fsys
	path string // what Revision.Path shows
	dir  string // LoadOS: the file's OS directory; "" for Load
	loc  int    // LoadOS: the index of the version directory it was found in
}

// Load reads the headers of every *.sql file in each location (a directory in
// fsys; subdirectories too when recursive), each location's files in sorted
// name order. Bodies are read later by Script.
//
// Within a directory its own files come first, in name order, then its
// subdirectories in name order (Alembic's walk, made deterministic). Names
// starting with "." are skipped, files and directories alike. A file found
// through two locations is loaded once. Revision.Path is the file's path in
// fsys ("versions/1f3a9c2b7d4e_add_table.sql").
func Load(fsys fs.FS, locations []string, recursive bool) (*Set, error) {
	var files []file
	seen := map[string]bool{}
	for _, loc := range locations {
		dir := path.Clean(strings.TrimSuffix(loc, "/"))
		if loc == "" {
			dir = "."
		}
		if !fs.ValidPath(dir) {
			return nil, fmt.Errorf("version location %q is not a valid path inside the migrations folder "+
				"(use a relative, slash-separated path without \"..\")", loc)
		}
		names, err := listSQL(fsys, dir, recursive)
		if err != nil {
			return nil, locationError(loc, err)
		}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				files = append(files, file{fsys: fsys, name: n, path: n})
			}
		}
	}
	return loadFiles(files, nil)
}

// LoadOS is Load over the operating system's files: dirs are absolute
// directories and each Revision.Path is the file's absolute OS path.
// A relative dir is taken from the working directory.
func LoadOS(dirs []string, recursive bool) (*Set, error) {
	return LoadOSCached(dirs, recursive, "")
}

// LoadOSCached is LoadOS with a cache of parsed headers kept in cacheDir
// (none when ""): a file unchanged since a previous load costs one stat
// instead of a read and a parse (headercache.go says how a change is
// told). The result is the same as LoadOS's. The cache works on Linux;
// elsewhere LoadOSCached is LoadOS.
func LoadOSCached(dirs []string, recursive bool, cacheDir string) (*Set, error) {
	s, _, err := loadOS(dirs, recursive, cacheDir)
	return s, err
}

// loadOS is LoadOSCached, also returning the cache's account of the load
// (nil without a cache).
func loadOS(dirs []string, recursive bool, cacheDir string) (*Set, *headerCache, error) {
	abss := make([]string, 0, len(dirs))
	for _, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("version location %q: %w", dir, err)
		}
		abss = append(abss, abs)
	}
	var hc *headerCache
	if cacheDir != "" {
		hc = openHeaderCache(cacheDir, abss, recursive) // read while listing
	}
	var files []file
	seen := map[string]bool{}
	for loc, abs := range abss {
		fsys := os.DirFS(abs)
		names, err := listSQL(fsys, ".", recursive)
		if err != nil {
			return nil, nil, locationError(abs, err)
		}
		files = slices.Grow(files, len(names))
		for _, n := range names {
			p := abs + string(filepath.Separator) + filepath.FromSlash(n)
			if strings.HasSuffix(abs, string(filepath.Separator)) { // a root directory
				p = filepath.Join(abs, filepath.FromSlash(n))
			}
			if len(dirs) > 1 { // one directory lists each file once
				if seen[p] {
					continue
				}
				seen[p] = true
			}
			files = append(files, file{fsys: fsys, name: n, path: p, dir: filepath.Dir(p), loc: loc})
		}
	}
	if hc != nil {
		hc.attach(files)
	}
	s, err := loadFiles(files, hc)
	return s, hc, err
}

func locationError(loc string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("version location %q does not exist; create it or correct the configured location: %w", loc, err)
	}
	return fmt.Errorf("version location %q: %w", loc, err)
}

// listSQL lists dir's *.sql files: its own in name order, then its
// subdirectories' when recursive.
func listSQL(fsys fs.FS, dir string, recursive bool) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(entries))
	var subdirs []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if e.IsDir() {
			if recursive {
				subdirs = append(subdirs, join(dir, name))
			}
			continue
		}
		if !strings.HasSuffix(name, ".sql") || e.Type()&(fs.ModeType&^fs.ModeSymlink) != 0 {
			continue
		}
		out = append(out, join(dir, name))
	}
	for _, sd := range subdirs {
		names, err := listSQL(fsys, sd, true)
		if err != nil {
			return nil, err
		}
		out = append(out, names...)
	}
	return out, nil
}

// join is path.Join for a clean dir and a plain name, without re-cleaning.
func join(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// loadFiles reads the headers of files concurrently, keeping their order,
// through the header cache hc when not nil.
func loadFiles(files []file, hc *headerCache) (*Set, error) {
	s := &Set{files: files, revs: make([]*revision.Revision, len(files)), byID: make(map[string]int, len(files))}
	errs := make([]error, len(files))
	dirs := map[string]osDir{} // read-only once the workers start
	for _, f := range files {
		if _, ok := dirs[f.dir]; f.dir != "" && !ok {
			dirs[f.dir] = openOSDir(f.dir)
		}
	}
	defer func() {
		for _, d := range dirs {
			d.close()
		}
	}()
	work := func(buf *[]byte, i int) {
		if hc != nil {
			s.revs[i], errs[i] = hc.load(i, files[i], dirs[files[i].dir], buf)
			return
		}
		s.revs[i], errs[i] = loadHeader(files[i], dirs, buf)
	}
	// Reading is mostly system calls: a few more workers than processors
	// keep them busy, and overlap the waits when the files are not cached.
	workers := min(2*runtime.GOMAXPROCS(0), 16, len(files)/32+1)
	if workers <= 1 {
		buf := make([]byte, 0, 4096)
		for i := range files {
			work(&buf, i)
		}
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				buf := make([]byte, 0, 4096)
				for {
					i := int(next.Add(1) - 1)
					if i >= len(files) {
						return
					}
					work(&buf, i)
				}
			})
		}
		wg.Wait()
	}
	if hc != nil {
		hc.save(files, s.revs, errs)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, r := range s.revs {
		if _, dup := s.byID[r.ID]; !dup {
			s.byID[r.ID] = i
		}
	}
	return s, nil
}

// loadHeader reads f only as far as its header goes.
func loadHeader(f file, dirs map[string]osDir, buf *[]byte) (*revision.Revision, error) {
	var data []byte
	var err error
	if d, ok := dirs[f.dir]; ok {
		data, err = readHeaderOS(d, filepath.Base(f.path), f.path, (*buf)[:0], nil)
	} else {
		data, err = readHeader(f.fsys, f.name, (*buf)[:0])
	}
	*buf = data
	if err != nil {
		return nil, fmt.Errorf("read revision file: %w", err) // err names the file
	}
	return ParseHeader(f.path, data)
}

func readHeader(fsys fs.FS, name string, buf []byte) ([]byte, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return buf, err
	}
	defer fh.Close()
	return readHeaderFrom(fh, buf)
}

// readHeaderFrom reads r into buf until the header is complete.
func readHeaderFrom(fh io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, max(cap(buf), 4096))
		}
		n, err := fh.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if _, _, complete := headerExtent(buf); complete {
			return buf, nil
		}
	}
}

// Revisions returns the loaded revisions in load order (ready for revision.New).
func (s *Set) Revisions() []*revision.Revision { return slices.Clone(s.revs) }

// Script parses the full file of revision id.
func (s *Set) Script(id string) (*Script, error) {
	i, ok := s.byID[id]
	if !ok {
		return nil, fmt.Errorf("revision %q: %w", id, ErrUnknownRevision)
	}
	f := s.files[i]
	var data []byte
	var err error
	if f.dir != "" {
		data, err = readFileOS(f.path) // LoadOS: f.path is the OS path
	} else {
		data, err = fs.ReadFile(f.fsys, f.name)
	}
	if err != nil {
		return nil, fmt.Errorf("read revision file %s: %w", f.path, err)
	}
	sc, err := Parse(f.path, data)
	if err != nil {
		return nil, err
	}
	if sc.Revision.ID != id {
		return nil, fmt.Errorf("revision file %s changed after loading: its Revision ID is now %q, was %q; run the command again",
			f.path, sc.Revision.ID, id)
	}
	return sc, nil
}

// Path returns the path of revision id's file as recorded in Revision.Path.
func (s *Set) Path(id string) string {
	if i, ok := s.byID[id]; ok {
		return s.revs[i].Path
	}
	return ""
}
