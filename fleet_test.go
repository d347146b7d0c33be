package retort_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

// tenantState is what a test reads back from one tenant: version rows,
// tables, the history rows (revision, direction, status) and the runlog.
type tenantState struct {
	Rows, Tables, History, Log []string
}

// readTenant reads a tenant's state through q (a database, or a
// connection whose search path is the tenant's schema); schemaExpr names
// the schema for the catalog query.
func readTenant(t *testing.T, dialect string, q *sql.DB, schemaExpr string) tenantState {
	t.Helper()
	var tablesQ string
	switch dialect {
	case testutil.Postgres:
		tablesQ = "SELECT tablename FROM pg_tables WHERE schemaname = " + schemaExpr + " ORDER BY 1"
	case testutil.MySQL:
		tablesQ = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"
	default:
		tablesQ = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"
	}
	s := tenantState{Tables: queryStrings(t, q, tablesQ), Rows: []string{}, History: []string{}}
	if slices.Contains(s.Tables, "alembic_version") {
		s.Rows = sorted(queryStrings(t, q, "SELECT version_num FROM alembic_version"))
	}
	if slices.Contains(s.Tables, "retort_history") {
		r, err := q.QueryContext(context.Background(), "SELECT revision, direction, status FROM retort_history ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var rev, dir, status string
			if err := r.Scan(&rev, &dir, &status); err != nil {
				t.Fatal(err)
			}
			s.History = append(s.History, rev+" "+dir+" "+status)
		}
		r.Close()
	}
	s.Log = queryStrings(t, q, "SELECT rev FROM runlog ORDER BY seq")
	return s
}

// upToC is a tenant that took revisions a, b, c.
var upToC = tenantState{
	Rows:    []string{"c"},
	Tables:  []string{"alembic_version", "retort_history", "runlog", "t_a", "t_b", "t_c"},
	History: []string{"a upgrade done", "b upgrade done", "c upgrade done"},
	Log:     []string{"up a", "up b", "up c"},
}

// untouched is a tenant that nothing ran on.
var untouched = tenantState{Rows: []string{}, Tables: []string{"runlog"}, History: []string{}, Log: []string{}}

// TestFleetFailingTenant: a fleet of five tenants where the middle one's
// revision c fails (its t_c exists already). With continue every other
// tenant reaches c; with fail-fast (one at a time) the ones after it are
// never started. The failed tenant is left exactly as a single-target run
// leaves its twin; after the fix a re-run touches only the tenants not at
// head, and the others report that they were already there.
func TestFleetFailingTenant(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		for _, failFast := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/failfast=%v", dialect, failFast), func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				fsys := graphFS(linear("a", "b", "c")...)
				const n, bad = 5, 2
				var tenants []*tdb
				var targets []retort.Target
				for i := range n {
					d := newDB(t, dialect)
					if i == bad {
						d.exec("CREATE TABLE t_c (id INTEGER)")
					}
					tenants = append(tenants, d)
					targets = append(targets, retort.Target{Name: fmt.Sprintf("tenant%d", i), DB: d.DB.DB})
				}
				twin := newDB(t, dialect)
				twin.exec("CREATE TABLE t_c (id INTEGER)")

				f, err := retort.OpenFleet(ctx, targets, fsys)
				if err != nil {
					t.Fatal(err)
				}
				fo := retort.FleetOptions{Parallelism: 3, FailFast: failFast}
				if failFast {
					fo.Parallelism = 1 // so "after the failure" is well defined
				}
				res, err := f.Upgrade(ctx, "head", fo)
				if err != nil {
					t.Fatal(err)
				}
				var fe *retort.FleetError
				if !errors.As(res.Err(), &fe) {
					t.Fatalf("Err() = %v, want a *FleetError", res.Err())
				}
				wantSkipped := []string(nil)
				if failFast {
					wantSkipped = []string{"tenant3", "tenant4"}
				}
				if !slices.Equal(fe.Failed, []string{"tenant2"}) || !slices.Equal(fe.Skipped, wantSkipped) {
					t.Fatalf("failed %v skipped %v, want [tenant2] %v", fe.Failed, fe.Skipped, wantSkipped)
				}
				if r := res.Targets[bad]; r.Err == nil || !strings.Contains(r.Err.Error(), "t_c") {
					t.Errorf("tenant2's error %v does not name t_c", r.Err)
				}
				_, twinErr := twin.open(fsys).Upgrade(ctx, "head")
				if twinErr == nil {
					t.Fatal("the twin's single-target upgrade succeeded")
				}
				twinState := readTenant(t, dialect, twin.DB.DB, "current_schema()")
				for i, d := range tenants {
					got := readTenant(t, dialect, d.DB.DB, "current_schema()")
					want := upToC
					switch {
					case i == bad:
						want = twinState
					case failFast && i > bad:
						want = untouched
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("tenant%d after the fleet run:\n got %+v\nwant %+v", i, got, want)
					}
				}

				// Fix tenant2 (and the twin), and run again.
				tenants[bad].exec("DROP TABLE t_c")
				twin.exec("DROP TABLE t_c")
				res, err = f.Upgrade(ctx, "head", fo)
				if err != nil || res.Err() != nil {
					t.Fatalf("re-run: %v %v", err, res.Err())
				}
				for i, r := range res.Targets {
					ran := i == bad || (failFast && i > bad)
					if !r.OK() || (len(r.Result.Steps) > 0) != ran {
						t.Errorf("re-run, %s: ok=%v steps=%d, want steps only on the tenants not at head", r.Name, r.OK(), len(r.Result.Steps))
					}
					if !ran && !slices.Equal(r.Before, []string{"c"}) {
						t.Errorf("re-run, %s: before %v, want [c]", r.Name, r.Before)
					}
				}
				if _, err := twin.open(fsys).Upgrade(ctx, "head"); err != nil {
					t.Fatalf("twin re-run: %v", err)
				}
				twinState = readTenant(t, dialect, twin.DB.DB, "current_schema()")
				for i, d := range tenants {
					got := readTenant(t, dialect, d.DB.DB, "current_schema()")
					want := upToC
					if i == bad {
						want = twinState
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("tenant%d after the re-run:\n got %+v\nwant %+v", i, got, want)
					}
				}
			})
		}
	}
}

// TestFleetPostgresSchemas: one database, a schema per tenant. Schemas
// finds the tenants by pattern, each target's connections have its schema
// as the search path and its version table in it; a failing tenant leaves
// its schema as it was, and nothing reaches the schemas that do not match.
func TestFleetPostgresSchemas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testutil.New(t, testutil.Postgres)
	names := []string{"tenant_1", "tenant_2", "Tenant_3", "tenant_4", "other"}
	for _, s := range names {
		q := `"` + s + `"`
		for _, stmt := range []string{"CREATE SCHEMA " + q, "CREATE TABLE " + q + ".runlog (seq SERIAL PRIMARY KEY, rev VARCHAR(64) NOT NULL)"} {
			if _, err := db.DB.ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.DB.ExecContext(ctx, `CREATE TABLE "tenant_2".t_b (id INTEGER)`); err != nil {
		t.Fatal(err)
	}
	found, err := retort.Schemas(ctx, db.DB, "[Tt]enant_*")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Tenant_3", "tenant_1", "tenant_2", "tenant_4"}; !slices.Equal(found, want) {
		t.Fatalf("Schemas = %v, want %v", found, want)
	}
	var targets []retort.Target
	for _, s := range found {
		ds, err := retort.SchemaDataSource("postgres", db.DataSource, s)
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, retort.Target{Name: s,
			Connect: func(ctx context.Context) (*sql.DB, error) { return sql.Open("pgx", ds) },
			Options: []retort.Option{retort.WithTenantSchema(s)}})
	}
	f, err := retort.OpenFleet(ctx, targets, graphFS(linear("a", "b", "c")...))
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.Upgrade(ctx, "head", retort.FleetOptions{Parallelism: 4})
	if err != nil {
		t.Fatal(err)
	}
	var fe *retort.FleetError
	if !errors.As(res.Err(), &fe) || !slices.Equal(fe.Failed, []string{"tenant_2"}) {
		t.Fatalf("Err() = %v, want tenant_2 failed", res.Err())
	}
	for _, s := range names {
		sdb := schemaDB(t, db, s)
		got := readTenant(t, testutil.Postgres, sdb, "current_schema()")
		want := upToC
		switch s {
		case "tenant_2":
			// As a single-target run leaves it: nothing of the run's
			// transaction, and the history row saying it rolled back.
			want = tenantState{Rows: []string{}, Tables: []string{"alembic_version", "retort_history", "runlog", "t_b"},
				History: []string{"b upgrade rolled-back"}, Log: []string{}}
		case "other":
			want = untouched
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("schema %s:\n got %+v\nwant %+v", s, got, want)
		}
	}
	if got := queryStrings(t, db.DB, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"); len(got) != 0 {
		t.Errorf("public holds %v: a tenant's run escaped its schema", got)
	}
	cur := f.Current(ctx, retort.FleetOptions{})
	for _, r := range cur.Targets {
		want := []string{"c"}
		if r.Name == "tenant_2" {
			want = []string{}
		}
		if !r.OK() || !slices.Equal(nonNilRows(r.After), want) {
			t.Errorf("Current %s: ok=%v rows %v, want %v", r.Name, r.OK(), r.After, want)
		}
	}
}

func nonNilRows(r []string) []string {
	if r == nil {
		return []string{}
	}
	return r
}

// schemaDB opens db with schema as its search path.
func schemaDB(t *testing.T, db *testutil.DB, schema string) *sql.DB {
	t.Helper()
	ds, err := retort.SchemaDataSource("postgres", db.DataSource, schema)
	if err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open("pgx", ds)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sdb.Close() })
	return sdb
}

// TestFleetRefusals: bad fleets are refused before anything connects.
func TestFleetRefusals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	d := testutil.New(t, testutil.SQLite)
	fsys := graphFS(linear("a")...)
	tests := []struct {
		name    string
		targets []retort.Target
		opts    []retort.Option
		want    string
	}{
		{"no name", []retort.Target{{DB: d.DB}}, nil, "a fleet target needs a name"},
		{"duplicate", []retort.Target{{Name: "a", DB: d.DB}, {Name: "a", DB: d.DB}}, nil, `two fleet targets are named "a"`},
		{"neither", []retort.Target{{Name: "a"}}, nil, `fleet target "a" needs exactly one of DB and Connect`},
		{"files per target", []retort.Target{{Name: "a", DB: d.DB, Options: []retort.Option{retort.WithVersionLocations("other")}}}, nil, "an option chooses revision files"},
	}
	for _, tt := range tests {
		_, err := retort.OpenFleet(ctx, tt.targets, fsys, tt.opts...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	f, err := retort.OpenFleet(ctx, []retort.Target{{Name: "a", DB: d.DB}}, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Upgrade(ctx, "head", retort.FleetOptions{}, retort.SQLTo(&strings.Builder{})); err == nil {
		t.Error("Upgrade with SQLTo ran")
	}
	if _, err := f.Upgrade(ctx, " ", retort.FleetOptions{}); !errors.Is(err, retort.ErrBlankTarget) {
		t.Errorf("blank target: %v", err)
	}
	if _, err := retort.Schemas(ctx, d.DB, "t_*"); err == nil || !strings.Contains(err.Error(), "no schemas") {
		t.Errorf("Schemas on SQLite: %v", err)
	}
	if got := d.DB.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master"); got == nil {
		t.Fatal("no row")
	}
}

// TestTenantSchemaRefusesAWrongSearchPath: a tenant's Migrator whose
// connections resolve names to another schema (a pooler dropping the
// search path, a plain URL) runs nothing, anywhere.
func TestTenantSchemaRefusesAWrongSearchPath(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testutil.New(t, testutil.Postgres)
	if _, err := db.DB.ExecContext(ctx, "CREATE SCHEMA tenant_x"); err != nil {
		t.Fatal(err)
	}
	m, err := retort.Open(ctx, db.DB, graphFS(linear("a")...), retort.WithTenantSchema("tenant_x"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Upgrade(ctx, "head")
	if err == nil || !strings.Contains(err.Error(), "refusing to run for tenant schema tenant_x: the connection resolves unqualified names to schema public") {
		t.Fatalf("Upgrade: %v", err)
	}
	if got := queryStrings(t, db.DB, "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('public', 'tenant_x')"); len(got) != 0 {
		t.Errorf("a refused run left %v", got)
	}
}

// TestSchemaTenantsDoNotShareALock: two schema tenants of one PostgreSQL
// database lock separately (the lock is keyed on each tenant's version
// table): while one tenant's run holds its lock, the other's run, with a
// short lock timeout, completes.
func TestSchemaTenantsDoNotShareALock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testutil.New(t, testutil.Postgres)
	for _, s := range []string{"tenant_1", "tenant_2"} {
		if _, err := db.DB.ExecContext(ctx, "CREATE SCHEMA "+s); err != nil {
			t.Fatal(err)
		}
	}
	entered, release := make(chan struct{}), make(chan struct{})
	blocking := retort.GoMigration{ID: "a1", Message: "blocks", Up: func(ctx context.Context, ex retort.Execer) error {
		close(entered)
		<-release
		_, err := ex.ExecContext(ctx, "CREATE TABLE t_block (id INTEGER)")
		return err
	}}
	quick := retort.GoMigration{ID: "a1", Message: "quick", Up: func(ctx context.Context, ex retort.Execer) error {
		_, err := ex.ExecContext(ctx, "CREATE TABLE t_quick (id INTEGER)")
		return err
	}}
	open := func(schema string, g retort.GoMigration) *retort.Migrator {
		m, err := retort.Open(ctx, schemaDB(t, db, schema), nil, retort.WithGoMigrations(g),
			retort.WithTenantSchema(schema), retort.WithLockTimeout(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	done := make(chan error, 1)
	go func() {
		_, err := open("tenant_1", blocking).Upgrade(ctx, "head")
		done <- err
	}()
	select {
	case <-entered:
	case err := <-done:
		t.Fatalf("tenant_1's run ended before its revision ran: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("tenant_1's revision never started")
	}
	_, err := open("tenant_2", quick).Upgrade(ctx, "head")
	close(release)
	if err != nil {
		t.Fatalf("tenant_2 waited for tenant_1's lock: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("tenant_1: %v", err)
	}
	for s, table := range map[string]string{"tenant_1": "t_block", "tenant_2": "t_quick"} {
		got := queryStrings(t, db.DB, "SELECT tablename FROM pg_tables WHERE schemaname = '"+s+"' ORDER BY 1")
		if !slices.Equal(got, []string{"alembic_version", "retort_history", table}) {
			t.Errorf("%s holds %v", s, got)
		}
	}
}
