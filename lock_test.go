package retort_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

// Fifty Migrators, each with its own *sql.DB, upgrade one SQLite file at
// once: half in one transaction per revision, some revisions without a
// transaction, so runs span many transactions and SQLite's own locks alone
// could not keep them apart. Every revision runs once; nothing is left
// beside the database.
func TestSQLiteFiftyConcurrentRuns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := newDB(t, testutil.SQLite)
	var ids []string
	for i := range 12 {
		ids = append(ids, fmt.Sprintf("r%02d", i))
	}
	specs := linear(ids...)
	for i := range specs {
		specs[i].noTx = i%4 == 1
	}
	fsys := graphFS(specs...)
	const runs = 50
	errs := make([]error, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() {
			h, err := sql.Open(db.DriverName, db.DataSource)
			if err != nil {
				errs[i] = err
				return
			}
			defer h.Close()
			m, err := retort.Open(ctx, h, fsys, retort.WithTransactionPerMigration(i%2 == 0))
			if err != nil {
				errs[i] = err
				return
			}
			_, errs[i] = m.Upgrade(ctx, "heads")
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}
	want := make([]string, len(ids))
	for i, id := range ids {
		want[i] = "up " + id
	}
	if got := db.log(); !slices.Equal(got, want) {
		t.Errorf("runlog = %v, want each revision once, in order: %v", got, want)
	}
	if rows := db.rows(); !slices.Equal(rows, []string{ids[len(ids)-1]}) {
		t.Errorf("version rows = %v", rows)
	}
	hist := queryStrings(t, db.DB.DB, "SELECT revision FROM retort_history WHERE direction = 'upgrade' AND status = 'done' ORDER BY revision")
	if !slices.Equal(hist, ids) {
		t.Errorf("history = %v, want %v", hist, ids)
	}
	assertNothingBeside(t, db.Name)
}

// assertNothingBeside fails when anything but the database file lies in
// its directory (a lock file, a leftover journal).
func assertNothingBeside(t *testing.T, db string) {
	t.Helper()
	ents, err := os.ReadDir(filepath.Dir(db))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != filepath.Base(db) {
			t.Errorf("left beside the database: %s", e.Name())
		}
	}
}
