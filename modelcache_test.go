package retort

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

func TestModelCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testutil.New(t, testutil.SQLite)
	dir := t.TempDir()
	models := filepath.Join(dir, "schema.sql")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(models, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("CREATE TABLE a (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x');\nCREATE INDEX ix_a_name ON a (name);\n")
	m, err := Open(ctx, db.DB, nil, WithDialect("sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	src := sqlstate.Source{Dialect: "sqlite", Files: []string{models}}
	cache := Models{CacheDir: filepath.Join(dir, "cache")}

	fresh, err := sqlstate.Load(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	first, err := m.loadModels(ctx, cache, src, "v1")
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(cache.CacheDir)
	if len(entries) != 1 {
		t.Fatalf("cache holds %d entries after one load, want 1", len(entries))
	}
	cached, err := m.loadModels(ctx, cache, src, "v1")
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
	k1, _ := modelCacheKey(src, "v1")
	k2, _ := modelCacheKey(src, "v2")
	write("CREATE TABLE a (id INTEGER PRIMARY KEY);\n")
	k3, _ := modelCacheKey(src, "v1")
	if k1 == k2 || k1 == k3 {
		t.Fatalf("cache keys must change with the server and the content: %s %s %s", k1, k2, k3)
	}
	changed, err := m.loadModels(ctx, cache, src, "v1")
	if err != nil {
		t.Fatal(err)
	}
	if len(changed.Tables) != 1 || len(changed.Tables[0].Columns) != 1 {
		t.Fatalf("changed models must be loaded again; got %+v", changed.Tables)
	}

	// A damaged cache entry is ignored and rewritten.
	entries, _ = os.ReadDir(cache.CacheDir)
	for _, e := range entries {
		if err := os.WriteFile(filepath.Join(cache.CacheDir, e.Name()), []byte("garbage"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, err := m.loadModels(ctx, cache, src, "v1")
	if err != nil || len(again.Tables) != 1 {
		t.Fatalf("damaged cache: %v, %+v", err, again)
	}
}
