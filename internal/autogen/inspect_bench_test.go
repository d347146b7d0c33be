package autogen_test

import (
	"context"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
)

func TestInspectTiming(t *testing.T) {
	for _, d := range testutil.Dialects() {
		start := time.Now()
		db := testutil.New(t, d)
		t.Logf("%s new db: %v", d, time.Since(start))
		start = time.Now()
		if _, err := autogen.Inspect(context.Background(), db.DB, d, skip); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s inspect: %v", d, time.Since(start))
	}
}
