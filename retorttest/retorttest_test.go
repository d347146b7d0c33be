package retorttest_test

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/retorttest"
)

//go:embed testdata
var testdata embed.FS

func sub(t *testing.T, dir string) fs.FS {
	t.Helper()
	s, err := fs.Sub(testdata, "testdata/"+dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// recorder is a testing.TB that keeps the errors Run reports.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Helper() {}

func TestRunCleanPasses(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := retorttest.Options{Dialect: name, Rows: 20}
			if name != testutil.SQLite {
				db := testutil.New(t, name)
				o.DriverName, o.DataSource = db.DriverName, db.DataSource
			}
			rep := retorttest.Run(t, sub(t, "clean"), o)
			if rep == nil || !rep.Passed() || len(rep.Revisions) != 2 {
				t.Fatalf("report: %+v", rep)
			}
		})
	}
}

func TestRunReportsFailures(t *testing.T) {
	t.Parallel()
	r := &recorder{TB: t}
	rep := retorttest.Run(r, sub(t, "broken"), retorttest.Options{Rows: 20})
	if rep.Passed() {
		t.Fatal("the broken history passed")
	}
	text := strings.Join(r.errors, "\n")
	for _, want := range []string{"stairway check failed", "users.name", "data check failed", "table users", "b2_name.sql"} {
		if !strings.Contains(text, want) {
			t.Errorf("errors do not mention %q:\n%s", want, text)
		}
	}
}
