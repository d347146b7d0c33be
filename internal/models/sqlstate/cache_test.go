package sqlstate

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/schema"
)

func TestModelCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	models := filepath.Join(dir, "schema.sql")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(models, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("CREATE TABLE a (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x');\nCREATE INDEX ix_a_name ON a (name);\n")
	src := Source{Dialect: "sqlite", Files: []string{models}}
	cache := Cache{Dir: filepath.Join(dir, "cache"), ServerVersion: "v1", Build: "test"}

	fresh, err := Load(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	first, err := LoadCached(ctx, src, cache)
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := filepath.Glob(filepath.Join(cache.Dir, "*.gob"))
	packs, _ := filepath.Glob(filepath.Join(cache.Dir, packPrefix+"*"+packSuffix))
	if len(whole) != 1 || len(packs) != 1 {
		t.Fatalf("cache holds %d whole entries and %d packs after one load, want 1 and 1", len(whole), len(packs))
	}
	cached, err := LoadCached(ctx, src, cache)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]*schema.Schema{"first": first, "cached": cached} {
		r, err := autogen.Check(fresh, got, "sqlite")
		if err != nil {
			t.Fatal(err)
		}
		if !r.Clean() {
			t.Errorf("%s load differs from a fresh one: %s", name, r.Text())
		}
	}

	// Another server version, or other content, is another key.
	v2 := cache
	v2.ServerVersion = "v2"
	k1, _ := cacheKey(src, cache)
	k2, _ := cacheKey(src, v2)
	write("CREATE TABLE a (id INTEGER PRIMARY KEY);\n")
	k3, _ := cacheKey(src, cache)
	other := cache
	other.Build = "another build"
	k4, _ := cacheKey(src, other)
	if k1 == k2 || k1 == k3 || k1 == k4 {
		t.Fatalf("cache keys must change with the server, the content and the build: %s %s %s %s", k1, k2, k3, k4)
	}
	exact := src
	exact.Inspect.ViewDefiner = "exact"
	if k5, _ := cacheKey(exact, cache); k5 == k3 {
		t.Fatalf("cache keys must change with the view_definer rule (it changes what is inspected)")
	}
	changed, err := LoadCached(ctx, src, cache)
	if err != nil {
		t.Fatal(err)
	}
	if len(changed.Tables) != 1 || len(changed.Tables[0].Columns) != 1 {
		t.Fatalf("changed models must be loaded again; got %+v", changed.Tables)
	}

	// A damaged cache entry is ignored and rewritten.
	entries, _ := os.ReadDir(cache.Dir)
	for _, e := range entries {
		if err := os.WriteFile(filepath.Join(cache.Dir, e.Name()), []byte("garbage"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, err := LoadCached(ctx, src, cache)
	if err != nil || len(again.Tables) != 1 {
		t.Fatalf("damaged cache: %v, %+v", err, again)
	}
}
