package retort_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

// WithHeaderCache changes nothing a Migrator says or does, on every
// dialect: the same graph, the same no-op upgrade, the same rows. The
// files here are seconds old, too new to be recorded (the racy rule), so
// this checks the option's path through Open; loads served from the cache
// are internal/script's tests and internal/cli's TestHeaderCacheCommands.
func TestWithHeaderCache(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, name)
			dir := filepath.Join(t.TempDir(), "versions")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			parent := ""
			for i := range 20 {
				id := fmt.Sprintf("%012x", 0xc0ffee000+i)
				text := fmt.Sprintf("-- step %d\n--\n-- Revision ID: %s\n-- Revises: %s\n\n-- +retort upgrade\nSELECT 1;\n\n-- +retort downgrade\nSELECT 1;\n", i, id, parent)
				if err := os.WriteFile(filepath.Join(dir, id+".sql"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				parent = id
			}
			cacheDir := t.TempDir()
			open := func(opts ...retort.Option) *retort.Migrator {
				t.Helper()
				m, err := retort.Open(ctx, db.DB, nil, append([]retort.Option{retort.WithVersionDirs(dir)}, opts...)...)
				if err != nil {
					t.Fatal(err)
				}
				return m
			}
			plain := open()
			if _, err := plain.Upgrade(ctx, "heads"); err != nil {
				t.Fatal(err)
			}
			for range 3 {
				m := open(retort.WithHeaderCache(cacheDir))
				if !reflect.DeepEqual(m.History(), plain.History()) || !reflect.DeepEqual(m.Heads(), plain.Heads()) {
					t.Fatal("the graph through the header cache differs")
				}
				res, err := m.Upgrade(ctx, "heads")
				if err != nil || len(res.Steps) != 0 {
					t.Fatalf("upgrade at head: %+v %v", res, err)
				}
				if got := db.Strings(t, "SELECT version_num FROM alembic_version"); !reflect.DeepEqual(got, []string{parent}) {
					t.Fatalf("version rows %q, want %s", got, parent)
				}
			}
		})
	}
}
