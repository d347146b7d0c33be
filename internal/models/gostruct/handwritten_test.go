package gostruct_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/models/gostruct"
	"github.com/retortdb/retort/internal/testutil"
)

// TestHandWritten compares the catalog that a model package's DDL creates
// with the catalog of the same schema written by hand in plain SQL (the way
// the seed's migration template writes publish_records): unnamed keys get
// the server's default names on both sides.
func TestHandWritten(t *testing.T) {
	t.Parallel()
	for name, dir := range map[string]string{"orion": "../../../examples/orion/internal/models"} {
		m, err := gostruct.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range testutil.Dialects() {
			t.Run(name+"/"+d, func(t *testing.T) {
				t.Parallel()
				src, err := os.ReadFile(filepath.Join("testdata/handwritten", name, d+".sql"))
				if err != nil {
					t.Fatal(err)
				}
				stmts, err := m.DDL(d)
				if err != nil {
					t.Fatal(err)
				}
				ours, theirs := testutil.New(t, d), testutil.New(t, d)
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				for _, s := range stmts {
					if _, err := ours.DB.ExecContext(ctx, s); err != nil {
						t.Fatalf("%v\n%s", err, s)
					}
				}
				for _, s := range strings.Split(string(src), ";") {
					if strings.TrimSpace(s) == "" {
						continue
					}
					if _, err := theirs.DB.ExecContext(ctx, s); err != nil {
						t.Fatalf("hand-written SQL: %v\n%s", err, s)
					}
				}
				if got, want := catalog(t, ctx, ours), catalog(t, ctx, theirs); got != want {
					t.Errorf("catalog of gostruct's DDL differs from the hand-written SQL's:\n%s", strings.ReplaceAll(lineDiff(want, got), "GORM:    ", "by hand:"))
				}
			})
		}
	}
}
