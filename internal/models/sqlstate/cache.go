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

	"github.com/retortdb/retort/schema"
)

// Loading the models means running their DDL in a scratch database, which
// on a large schema costs the server seconds. The inspected result depends
// only on the models' content, the server, the options and retort itself,
// so it is cached under a key made of all of those: a changed file, another
// server version or another retort build is a different key, never a stale
// hit.

// cacheFormat changes whenever what the cache stores changes shape.
const cacheFormat = "retort-models-v1"

// Cache says where and under what conditions inspected models are kept.
type Cache struct {
	Dir           string // "" = no cache: load every time
	ServerVersion string // the server the models would be loaded on
	Build         string // the retort build (its module version)
}

// LoadCached returns the models' schema: from c.Dir when an entry for the
// same models, server, options and build is there, else from Load, which it
// then stores (best effort: a cache that cannot be written is only slower).
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
			return &s, nil
		}
	}
	s, err := Load(ctx, src)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(s) == nil {
		// Best effort: a cache that cannot be written is only slower.
		if os.MkdirAll(c.Dir, 0o755) == nil {
			tmp := path + ".tmp" + fmt.Sprint(os.Getpid())
			if os.WriteFile(tmp, buf.Bytes(), 0o644) == nil {
				if os.Rename(tmp, path) != nil {
					os.Remove(tmp)
				}
			}
		}
	}
	return s, nil
}

// cacheKey hashes everything the inspected models depend on.
func cacheKey(src Source, c Cache) (string, error) {
	h := sha256.New()
	field := func(parts ...string) {
		for _, p := range parts {
			fmt.Fprintf(h, "%d:%s;", len(p), p)
		}
	}
	field(cacheFormat, c.Build, executableStamp(), src.Dialect, c.ServerVersion, src.DriverName, src.DataSource)
	field(src.Inspect.Schemas...)
	field("skip")
	field(src.Inspect.Skip...)
	field("include")
	field(src.Inspect.Filter.Include...)
	field("exclude")
	field(src.Inspect.Filter.Exclude...)
	field("view_definer", src.Inspect.ViewDefiner)
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
