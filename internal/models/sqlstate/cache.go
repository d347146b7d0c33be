package sqlstate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/retortdb/retort/schema"
)

// Loading the models means running their DDL in a scratch database, which
// on a large schema costs the server seconds. The inspected result depends
// only on the models' content, the server, the options and retort itself,
// so it is cached under a key made of all of those: a changed file, another
// server version or another retort build is a different key, never a stale
// hit.

// cacheFormat changes whenever what the cache stores changes shape.
const cacheFormat = "retort-models-v2"

// Cache says where and under what conditions inspected models are kept.
type Cache struct {
	Dir           string // "" = no cache: load every time
	ServerVersion string // the server the models would be loaded on
	Build         string // the retort build (its module version)

	// report, set by tests only, is told how each load went.
	report func(loadReport)
}

// loadReport says how LoadCached got its result.
type loadReport struct {
	Whole bool     // the whole models' entry was there
	Units bool     // merged unit by unit (else loaded whole by Load)
	Hits  int      // units taken from the pack
	Ran   []string // units run (missed, and those they reference), sorted
	Why   string   // why the models were loaded whole
}

func (c Cache) told(r loadReport) {
	if c.report != nil {
		c.report(r)
	}
}

// LoadCached returns the models' schema: from c.Dir when an entry for the
// same models, server, options and build is there; else unit by unit
// (loadUnits: only the tables whose statements changed, with those they
// reference, run again); else, when the models cannot be split into units
// with certainty, from Load. The result is stored (best effort: a cache
// that cannot be written is only slower).
func LoadCached(ctx context.Context, src Source, c Cache) (*schema.Schema, error) {
	if c.Dir == "" {
		return Load(ctx, src)
	}
	key, err := cacheKey(src, c)
	if err != nil {
		// Unreadable models: let the loader report it properly.
		return Load(ctx, src)
	}
	path := filepath.Join(c.Dir, key+".gob")
	if data, err := os.ReadFile(path); err == nil {
		var s schema.Schema
		if gob.NewDecoder(bytes.NewReader(data)).Decode(&s) == nil {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // recently used: pruned last
			c.told(loadReport{Whole: true})
			return &s, nil
		}
	}
	s, ok, err := loadUnits(ctx, src, c)
	if err != nil {
		return nil, err
	}
	if !ok {
		if s, err = Load(ctx, src); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(s) == nil {
		writeAtomic(c.Dir, path, buf.Bytes())
	}
	prune(c.Dir)
	return s, nil
}

// writeAtomic writes data to path through a temporary file renamed over
// it, so that a reader (another retort process) sees the old entry or the
// new one, never part of one. Errors are ignored: the cache is only faster.
func writeAtomic(dir, path string, data []byte) {
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil || os.Rename(tmp, path) != nil {
		os.Remove(tmp)
	}
}

// The cache is bounded: after each store, only the keepWhole most recently
// used whole entries (NAME.gob) and keepPacks unit packs (units-NAME.pack,
// one per project, server and build: see loadUnits) stay; temporary files
// older than an hour (left by a process that was killed) go too.
const (
	keepWhole = 32
	keepPacks = 8
)

func prune(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		mod  time.Time
	}
	var whole, packs []file
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		n, p := e.Name(), filepath.Join(dir, e.Name())
		switch {
		case strings.Contains(n, ".tmp"):
			if time.Since(fi.ModTime()) > time.Hour {
				os.Remove(p)
			}
		case strings.HasPrefix(n, packPrefix) && strings.HasSuffix(n, packSuffix):
			packs = append(packs, file{p, fi.ModTime()})
		case strings.HasSuffix(n, ".gob"):
			whole = append(whole, file{p, fi.ModTime()})
		}
	}
	for _, g := range []struct {
		files []file
		keep  int
	}{{whole, keepWhole}, {packs, keepPacks}} {
		sort.Slice(g.files, func(i, j int) bool { return g.files[i].mod.After(g.files[j].mod) })
		for i := g.keep; i < len(g.files); i++ {
			os.Remove(g.files[i].path)
		}
	}
}

// cacheKey hashes everything the inspected models depend on.
func cacheKey(src Source, c Cache) (string, error) {
	h := sha256.New()
	field := func(parts ...string) {
		for _, p := range parts {
			fmt.Fprintf(h, "%d:%s;", len(p), p)
		}
	}
	envFields(field, src, c)
	for _, p := range src.Files {
		field("model", p)
		fi, err := os.Stat(p)
		if err != nil {
			return "", err
		}
		files := []string{p}
		if fi.IsDir() {
			// A Go package: every non-test .go file of the folder.
			entries, err := os.ReadDir(p)
			if err != nil {
				return "", err
			}
			files = files[:0]
			for _, e := range entries {
				n := e.Name()
				if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
					files = append(files, filepath.Join(p, n))
				}
			}
			sort.Strings(files)
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				return "", err
			}
			field(filepath.Base(f))
			_, err = io.Copy(h, fh)
			fh.Close()
			if err != nil {
				return "", err
			}
			field("end")
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// envFields are what every cached result depends on besides the models'
// text: the cache's format, retort's build, the dialect, the server and the
// inspect options.
func envFields(field func(...string), src Source, c Cache) {
	field(cacheFormat, c.Build, executableStamp(), src.Dialect, c.ServerVersion, src.DriverName, src.DataSource)
	field(src.Inspect.Schemas...)
	field("skip")
	field(src.Inspect.Skip...)
	field("include")
	field(src.Inspect.Filter.Include...)
	field("exclude")
	field(src.Inspect.Filter.Exclude...)
	field("view_definer", src.Inspect.ViewDefiner)
}

// executableStamp tells apart two builds that both say "devel".
func executableStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", fi.Size(), fi.ModTime().UnixNano())
}
