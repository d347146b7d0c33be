package testutil

import (
	"context"
	"testing"
)

func TestNewOnEveryDialect(t *testing.T) {
	t.Parallel()
	for _, d := range Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := New(t, d)
			ctx := context.Background()
			if _, err := db.DB.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY)"); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := db.DB.QueryRowContext(ctx, "SELECT COUNT(*) FROM t").Scan(&n); err != nil || n != 0 {
				t.Fatalf("count = %d, %v", n, err)
			}
		})
	}
}
