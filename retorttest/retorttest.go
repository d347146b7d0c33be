// Package retorttest runs `retort test`'s checks inside go test: the
// number of heads, the stairway (each revision upgraded, downgraded and
// upgraded again on an empty scratch database, the schema compared) and the
// populated run (generated rows that each step must keep), from revision
// files in an fs.FS such as an embed.FS:
//
//	//go:embed migrations
//	var migrations embed.FS
//
//	func TestMigrations(t *testing.T) {
//		sub, _ := fs.Sub(migrations, "migrations")
//		retorttest.Run(t, sub, retorttest.Options{Dialect: "sqlite"})
//	}
//
// Each failed check is a t.Error naming the revision (file:line) and the
// objects or tables that differ. The engine is the façade's retort.Test,
// which the command uses too; this package only reports through t. It
// imports only the façade.
package retorttest

import (
	"context"
	"io/fs"
	"testing"

	"github.com/retortdb/retort"
)

// Options configure Run; the zero value tests a SQLite history in memory
// with one head and retort.DefaultTestRows rows per table.
type Options struct {
	// Dialect is "sqlite" (default), "postgres" or "mysql".
	Dialect string
	// DriverName and DataSource reach the PostgreSQL or MySQL/MariaDB server
	// on which scratch databases are created and dropped (database/sql
	// form, e.g. "pgx" and "postgres://postgres@127.0.0.1/postgres").
	DriverName, DataSource string
	// Range, Heads, Rows, Data and Models are retort.TestOptions'.
	Range  string
	Heads  int
	Rows   int
	Data   []retort.TestData
	Models retort.Models
	// Open are the options retort.Open takes (version locations, version
	// table, Go migrations…).
	Open []retort.Option
}

// Run runs the checks on the revision files in fsys (its root holds
// versions/, as retort.Open reads it) and reports each failure with
// t.Error; it stops the test with t.Fatal when the checks cannot run. It
// returns the report for further assertions.
func Run(t testing.TB, fsys fs.FS, o Options) *retort.TestReport {
	t.Helper()
	if o.Dialect == "" {
		o.Dialect = "sqlite"
	}
	ctx := context.Background()
	if d, ok := t.(interface{ Context() context.Context }); ok {
		ctx = d.Context()
	}
	rep, err := retort.Test(ctx, fsys, retort.TestOptions{
		Dialect: o.Dialect, DriverName: o.DriverName, DataSource: o.DataSource,
		Range: o.Range, Heads: o.Heads, Rows: o.Rows, Data: o.Data, Models: o.Models,
	}, o.Open...)
	if err != nil {
		t.Fatalf("retort test could not run: %v", err)
		return rep
	}
	for _, n := range rep.Notes {
		t.Log(n)
	}
	for _, r := range rep.Revisions {
		for _, n := range r.Notes {
			t.Logf("%s: %s", r.Revision, n)
		}
	}
	for _, f := range rep.Failures {
		t.Errorf("retort test: %s check failed: %s", f.Check, f)
	}
	return rep
}
