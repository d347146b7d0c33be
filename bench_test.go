package retort_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
)

// writeLinear writes n linear revisions whose upgrade is body(i).
func writeLinear(b *testing.B, n int, body func(i int) string) string {
	b.Helper()
	dir := b.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		b.Fatal(err)
	}
	prev := ""
	for i := range n {
		id := fmt.Sprintf("%012x", 0xab0000000000+i)
		f := script.NewFile{ID: id, Message: fmt.Sprintf("step %d", i), Upgrade: body(i), Downgrade: "SELECT 1;"}
		if prev != "" {
			f.Parents = []string{prev}
		}
		prev = id
		if err := os.WriteFile(filepath.Join(dir, "versions", fmt.Sprintf("%s_step_%05d.sql", id, i)), script.Render(f), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkUpgrade1000 applies 1,000 revisions (a table and an index each)
// to an empty database: open (load headers), lock, plan, run. bench/run
// compares the same work with the database's own client.
func BenchmarkUpgrade1000(b *testing.B) {
	dir := writeLinear(b, 1000, func(i int) string {
		return fmt.Sprintf("CREATE TABLE t_%05d (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, value INTEGER);\n"+
			"CREATE INDEX ix_t_%05d_name ON t_%05d (name);", i, i, i)
	})
	ctx := context.Background()
	for _, dn := range testutil.Dialects() {
		b.Run(dn, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				db := testutil.New(b, dn)
				b.StartTimer()
				m, err := retort.Open(ctx, db.DB, os.DirFS(dir))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := m.Upgrade(ctx, "heads"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNoopUpgrade10000 is `upgrade heads` at head of a 10,000-revision
// history applied by retort (so the history table holds 10,000 rows): open
// (load 10,000 headers), read the rows, plan, find nothing to do.
func BenchmarkNoopUpgrade10000(b *testing.B) {
	dir := writeLinear(b, 10000, func(int) string { return "SELECT 1;" })
	ctx := context.Background()
	for _, dn := range testutil.Dialects() {
		b.Run(dn, func(b *testing.B) {
			db := testutil.New(b, dn)
			m, err := retort.Open(ctx, db.DB, os.DirFS(dir))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := m.Upgrade(ctx, "heads"); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				m, err := retort.Open(ctx, db.DB, os.DirFS(dir))
				if err != nil {
					b.Fatal(err)
				}
				res, err := m.Upgrade(ctx, "heads")
				if err != nil || len(res.Steps) != 0 {
					b.Fatal(res, err)
				}
			}
		})
	}
}
