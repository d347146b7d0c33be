package cli

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// testFleetDocument is test --all --json as a machine reads it.
type testFleetDocument struct {
	Command    string  `json:"command"`
	Range      string  `json:"range"`
	OK         bool    `json:"ok"`
	Total      int     `json:"total"`
	Passed     int     `json:"passed"`
	Failed     int     `json:"failed"`
	Errors     int     `json:"errors"`
	NotStarted int     `json:"not_started"`
	Targets    int     `json:"targets"`
	DurationMS float64 `json:"duration_ms"`
	Servers    []struct {
		Server     string   `json:"server"`
		Dialect    string   `json:"dialect"`
		Targets    []string `json:"targets"`
		OK         bool     `json:"ok"`
		Started    bool     `json:"started"`
		Result     string   `json:"result"`
		Error      string   `json:"error"`
		DurationMS float64  `json:"duration_ms"`
		Report     *struct {
			Dialect   string   `json:"dialect"`
			Scratch   []string `json:"scratch_databases"`
			Notes     []string `json:"notes"`
			Revisions []struct {
				Revision string `json:"revision"`
				Stairway string `json:"stairway"`
				Data     string `json:"data"`
			} `json:"revisions"`
			Failures []struct {
				Check    string `json:"check"`
				Revision string `json:"revision"`
			} `json:"failures"`
		} `json:"report"`
	} `json:"servers"`
}

func decodeTestFleet(t *testing.T, out string) testFleetDocument {
	t.Helper()
	var doc testFleetDocument
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON document:\n%s", out)
	}
	return doc
}

// addRevision writes a third revision, cccccccccccc after bbbbbbbbbbbb,
// whose downgrade is broken: it leaves t_c behind.
func addBrokenRevision(t *testing.T, dir string) {
	t.Helper()
	body := "-- rev c\n--\n-- Revision ID: cccccccccccc\n-- Revises: bbbbbbbbbbbb\n-- Create Date: 2024-01-01 00:00:00\n\n-- +retort upgrade\nCREATE TABLE t_c (id INTEGER);\n\n-- +retort downgrade\nSELECT 1;\n"
	if err := os.WriteFile(filepath.Join(dir, "versions", "2_cccccccccccc.sql"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tenantState is what a tenant database holds: its tables, version rows
// and (SQLite) the file's bytes.
func tenantState(t *testing.T, db *testutil.DB) string {
	t.Helper()
	tables := dbTables(t, db)
	sort.Strings(tables)
	var rows []string
	if slices.Contains(tables, "alembic_version") {
		rows = queryStrings(t, db, "SELECT version_num FROM alembic_version")
		sort.Strings(rows)
	}
	var history []string
	if slices.Contains(tables, "retort_history") {
		history = queryStrings(t, db, "SELECT CAST(COUNT(*) AS CHAR(10)) FROM retort_history")
	}
	s := fmt.Sprintf("tables %v version %v history %v", tables, rows, history)
	if db.Dialect == testutil.SQLite {
		b, err := os.ReadFile(db.Name)
		if err != nil {
			t.Fatal(err)
		}
		s += fmt.Sprintf(" file %x", sha256.Sum256(b))
	}
	return s
}

var scratchName = regexp.MustCompile(`retort_scratch_[0-9a-f]+`)

// checkScratchGone asserts that each scratch database named in out is no
// longer on db's server (and that some were named, off SQLite).
func checkScratchGone(t *testing.T, db *testutil.DB, out string) {
	t.Helper()
	names := scratchName.FindAllString(out, -1)
	if db.Dialect == testutil.SQLite {
		return // in memory
	}
	if len(names) == 0 {
		t.Fatalf("no scratch database named in:\n%s", out)
	}
	q := "SELECT datname FROM pg_database WHERE datname LIKE 'retort_scratch_%'"
	if db.Dialect == testutil.MySQL {
		q = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'retort\\_scratch\\_%'"
	}
	left := queryStrings(t, db, q)
	for _, n := range names {
		if slices.Contains(left, n) {
			t.Errorf("scratch database %s is still on the server", n)
		}
	}
}

// TestTestFleet: `test --all` over a fleet of three tenants on one server
// (three SQLite files; three databases of the PostgreSQL or MariaDB test
// server) runs once, covering every tenant, and touches no tenant; a
// broken downgrade makes it exit 7 naming the server and the revision;
// --shard and --target narrow the targets a run covers.
func TestTestFleet(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			var dbs []*testutil.DB
			var lines, names []string
			for i := range 3 {
				db := testutil.New(t, dialect)
				dbs = append(dbs, db)
				names = append(names, fmt.Sprintf("t%d", i))
				lines = append(lines, fmt.Sprintf("t%d %s", i, db.URL))
			}
			dir := fleetProject(t, "[fleet]\nurls_file = \"tenants.txt\"\n")
			if err := os.WriteFile(filepath.Join(dir, "tenants.txt"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "retort.toml")
			run := func(args ...string) runOut {
				t.Helper()
				return runCtx(t, Options{}, append([]string{"-c", cfg}, args...)...)
			}
			// Tenants at different revisions: t0 at the head, t1 at the
			// first revision, t2 at base.
			if r := run("upgrade", "head", "--target", "t0"); r.code != ExitOK {
				t.Fatalf("upgrade t0: exit %d\n%s", r.code, r.err)
			}
			if r := run("upgrade", "aaaaaaaaaaaa", "--target", "t1"); r.code != ExitOK {
				t.Fatalf("upgrade t1: exit %d\n%s", r.code, r.err)
			}
			before := make([]string, len(dbs))
			for i, db := range dbs {
				before[i] = tenantState(t, db)
			}
			unchanged := func(what string) {
				t.Helper()
				for i, db := range dbs {
					if got := tenantState(t, db); got != before[i] {
						t.Errorf("%s changed tenant t%d:\nbefore %s\nafter  %s", what, i, before[i], got)
					}
				}
			}

			r := run("test", "--all", "--rows", "5", "--json")
			if r.code != ExitOK {
				t.Fatalf("test --all: exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			doc := decodeTestFleet(t, r.out)
			if doc.Command != "test" || !doc.OK || doc.Total != 1 || doc.Passed != 1 || doc.Targets != 3 || len(doc.Servers) != 1 {
				t.Fatalf("one server expected, passed, covering 3 targets:\n%s", r.out)
			}
			s := doc.Servers[0]
			if !slices.Equal(s.Targets, names) || !s.OK || !s.Started || s.Dialect != dialect || s.Report == nil ||
				len(s.Report.Revisions) != 2 || s.Report.Revisions[1].Stairway != "passed" || s.Report.Revisions[1].Data != "passed" {
				t.Errorf("server entry:\n%s", r.out)
			}
			wantServer := map[string]string{testutil.SQLite: "sqlite (in memory)", testutil.Postgres: "postgres://", testutil.MySQL: "mysql://"}[dialect]
			if !strings.HasPrefix(s.Server, wantServer) || strings.Contains(s.Server, dbs[0].Name) {
				t.Errorf("server named %q, want %q… without a database", s.Server, wantServer)
			}
			// One run: the stairway's and the populated check's scratch
			// databases, no more.
			if got := len(s.Report.Scratch); got != 2 {
				t.Errorf("%d scratch databases, want 2 (one run): %v", got, s.Report.Scratch)
			}
			checkScratchGone(t, dbs[0], strings.Join(s.Report.Scratch, " "))
			unchanged("test --all")

			// The table: SERVER, TARGETS, RESULT, DURATION.
			r = run("test", "--all", "--rows", "5")
			if r.code != ExitOK || !strings.HasPrefix(r.out, "SERVER") || !strings.Contains(r.out, "t0, t1, t2") ||
				!strings.Contains(r.out, "passed (2 revisions)") || !strings.Contains(r.out, "All 1 server passed (3 targets).") {
				t.Errorf("test --all table: exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			checkScratchGone(t, dbs[0], r.err)

			// --target narrows the targets covered; the run is the same.
			r = run("test", "--target", "t2", "--rows", "0", "--json")
			if doc := decodeTestFleet(t, r.out); r.code != ExitOK || doc.Targets != 1 || !slices.Equal(doc.Servers[0].Targets, []string{"t2"}) {
				t.Errorf("test --target t2: exit %d\n%s\n%s", r.code, r.out, r.err)
			}

			// Shards split the targets; each shard's run covers its own.
			var covered []string
			for i := 1; i <= 2; i++ {
				r = run("test", "--all", "--shard", fmt.Sprintf("%d/2", i), "--rows", "0", "--json")
				doc := decodeTestFleet(t, r.out)
				if r.code != ExitOK || len(doc.Servers) > 1 {
					t.Fatalf("test --all --shard %d/2: exit %d\n%s\n%s", i, r.code, r.out, r.err)
				}
				for _, s := range doc.Servers {
					covered = append(covered, s.Targets...)
				}
			}
			sort.Strings(covered)
			if !slices.Equal(covered, names) {
				t.Errorf("shards 1/2 and 2/2 cover %v, want %v", covered, names)
			}

			// A broken downgrade: exit 7, the server and the revision named.
			addBrokenRevision(t, dir)
			r = run("test", "--all", "--rows", "5")
			if r.code != ExitTestFailed {
				t.Fatalf("broken downgrade: exit %d, want %d\n%s\n%s", r.code, ExitTestFailed, r.out, r.err)
			}
			if !strings.Contains(r.out, "FAILED: 1 failed check (cccccccccccc)") {
				t.Errorf("table does not say which revision failed:\n%s", r.out)
			}
			if !regexp.MustCompile(`FAILED: `+regexp.QuoteMeta(s.Server)+`: versions/2_cccccccccccc.sql:\d+: the downgrade does not restore the schema`).MatchString(r.err) ||
				!strings.Contains(r.err, "FAILED: a check failed on 1 of 1 servers ("+s.Server+")") {
				t.Errorf("stderr does not name the server and the failure:\n%s", r.err)
			}
			checkScratchGone(t, dbs[0], r.err)
			r = run("test", "--all", "--rows", "5", "--json")
			if doc := decodeTestFleet(t, r.out); r.code != ExitTestFailed || doc.OK || doc.Failed != 1 || doc.Servers[0].OK ||
				doc.Servers[0].Report == nil || len(doc.Servers[0].Report.Failures) == 0 || doc.Servers[0].Report.Failures[0].Revision != "cccccccccccc" {
				t.Errorf("broken downgrade --json: exit %d\n%s", r.code, r.out)
			}
			unchanged("test --all with a failing revision")
		})
	}
}

// TestTestFleetServers: on the PostgreSQL and MariaDB test servers, a
// tenant reached as another user (with a password) is another server
// entry; that user may not create databases, so its run cannot start:
// exit 1, the server named, no password anywhere. --fail-fast -j 1 after
// the first server's failed check starts no other.
func TestTestFleetServers(t *testing.T) {
	t.Parallel()
	for _, dialect := range []string{testutil.Postgres, testutil.MySQL} {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			pw := "Te5t-fl33t-pw"
			a, b := testutil.New(t, dialect), testutil.New(t, dialect)
			user, u, _ := passwordUser(t, dialect, pw)
			dir := fleetProject(t, fmt.Sprintf("[fleet]\nurls = [%q, %q, %q]\n", a.URL, u, b.URL))
			cfg := filepath.Join(dir, "retort.toml")
			toks := leakTokens(pw)
			run := func(args ...string) runOut {
				t.Helper()
				r := runCtx(t, Options{}, append([]string{"-c", cfg}, args...)...)
				checkNoLeak(t, strings.Join(args, " ")+" stdout", r.out, toks)
				checkNoLeak(t, strings.Join(args, " ")+" stderr", r.err, toks)
				return r
			}
			before := []string{tenantState(t, a), tenantState(t, user.db), tenantState(t, b)}

			r := run("test", "--all", "--rows", "5", "--json")
			if r.code != ExitFailure {
				t.Fatalf("exit %d, want 1 (a server could not be tested)\n%s\n%s", r.code, r.out, r.err)
			}
			doc := decodeTestFleet(t, r.out)
			if len(doc.Servers) != 2 || doc.Passed != 1 || doc.Errors != 1 || doc.OK {
				t.Fatalf("two servers expected, one passed, one could not run:\n%s", r.out)
			}
			admin, other := doc.Servers[0], doc.Servers[1]
			if len(admin.Targets) != 2 {
				t.Errorf("the admin user's server covers %v, want both of its databases", admin.Targets)
			}
			if !admin.OK || len(other.Targets) != 1 || other.OK || other.Error == "" ||
				!strings.Contains(other.Server, user.name+"@") || !strings.Contains(other.Result, "COULD NOT RUN") {
				t.Errorf("servers:\n%s", r.out)
			}
			checkScratchGone(t, a, strings.Join(admin.Report.Scratch, " "))

			r = run("test", "--all", "--rows", "5")
			if r.code != ExitFailure || !strings.Contains(r.err, "1 of 2 servers could not be tested") || !strings.Contains(r.out, "COULD NOT RUN") {
				t.Errorf("table: exit %d\n%s\n%s", r.code, r.out, r.err)
			}

			// A failing check on the first server, one at a time, fail-fast:
			// the second never starts; exit 7 (nothing failed to run).
			addBrokenRevision(t, dir)
			r = run("test", "--all", "--rows", "0", "-j", "1", "--fail-fast", "--json")
			doc = decodeTestFleet(t, r.out)
			if r.code != ExitTestFailed || doc.Failed != 1 || doc.NotStarted != 1 || doc.Servers[1].Started || doc.Servers[1].Result != "not started" {
				t.Errorf("fail-fast: exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			for i, db := range []*testutil.DB{a, user.db, b} {
				if got := tenantState(t, db); got != before[i] {
					t.Errorf("tenant %d changed:\nbefore %s\nafter  %s", i, before[i], got)
				}
			}
		})
	}
}

// TestTestFleetSchemas: a PostgreSQL fleet of schemas is one server and
// one run; no tenant schema, nor the database's public schema, changes.
func TestTestFleetSchemas(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.Postgres)
	for _, s := range []string{"tenant_a", "tenant_b", "shared"} {
		if _, err := db.DB.Exec("CREATE SCHEMA " + s); err != nil {
			t.Fatal(err)
		}
	}
	dir := fleetProject(t, fmt.Sprintf("url = %q\n[fleet]\nschemas = \"tenant_*\"\n", db.URL))
	cfg := filepath.Join(dir, "retort.toml")
	if r := runCtx(t, Options{}, "-c", cfg, "upgrade", "aaaaaaaaaaaa", "--all"); r.code != ExitOK {
		t.Fatalf("upgrade: exit %d\n%s", r.code, r.err)
	}
	state := func() string {
		return strings.Join(queryStrings(t, db, "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('tenant_a', 'tenant_b', 'shared', 'public') ORDER BY 1"), " ") +
			" | " + strings.Join(queryStrings(t, db, "SELECT 'a:' || version_num FROM tenant_a.alembic_version UNION ALL SELECT 'b:' || version_num FROM tenant_b.alembic_version ORDER BY 1"), " ")
	}
	before := state()
	r := runCtx(t, Options{}, "-c", cfg, "test", "--all", "--rows", "5", "--json")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.out, r.err)
	}
	doc := decodeTestFleet(t, r.out)
	if len(doc.Servers) != 1 || !slices.Equal(doc.Servers[0].Targets, []string{"tenant_a", "tenant_b"}) || !doc.OK {
		t.Errorf("one server covering both schemas expected:\n%s", r.out)
	}
	if got := state(); got != before {
		t.Errorf("test --all changed the database:\nbefore %s\nafter  %s", before, got)
	}
	checkScratchGone(t, db, r.err)

	// version_table_schema cannot go with schemas: refused, nothing run.
	if err := os.WriteFile(cfg, fmt.Appendf(nil, "url = %q\nversion_table_schema = \"meta\"\n[fleet]\nschemas = \"tenant_*\"\n", db.URL), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCtx(t, Options{}, "-c", cfg, "test", "--all")
	if r.code != ExitFailure || !strings.Contains(r.err, "version_table_schema = \"meta\" cannot be used with [fleet] schemas") || scratchName.MatchString(r.err) {
		t.Errorf("version_table_schema with schemas: exit %d\n%s", r.code, r.err)
	}
}

// TestTestFleetRefusals: command lines that test --all cannot run are
// usage errors that say what to do; no scratch database is created and no
// tenant file appears.
func TestTestFleetRefusals(t *testing.T) {
	t.Parallel()
	tenants := t.TempDir()
	fleetCfg := fmt.Sprintf("[fleet]\nurl = \"sqlite:///%s/{tenant}.db\"\ntenants = [\"a\", \"b\"]\n", filepath.ToSlash(tenants))
	for _, tt := range []struct {
		name, config string
		args         []string
		code         int
		says         string
	}{
		{"dialect", fleetCfg, []string{"--all", "--dialect", "sqlite"}, ExitUsage, "drop --dialect"},
		{"sql", fleetCfg, []string{"--all", "--sql"}, ExitUsage, "unknown flag: --sql"},
		{"fail-fast alone", fleetCfg, []string{"--fail-fast"}, ExitUsage, "--fail-fast applies to fleet runs"},
		{"jobs alone", fleetCfg, []string{"-j", "2"}, ExitUsage, "--jobs applies to fleet runs"},
		{"zero jobs", fleetCfg, []string{"--all", "-j", "0"}, ExitUsage, "-j 0"},
		{"bad shard", fleetCfg, []string{"--all", "--shard", "3/2"}, ExitUsage, "I must be between 1 and N"},
		{"all and target", fleetCfg, []string{"--all", "--target", "a"}, ExitUsage, "--all already selects every fleet target"},
		{"unknown target", fleetCfg, []string{"--target", "c"}, ExitUsage, `--target "c": no fleet target has that name`},
		{"rows", fleetCfg, []string{"--all", "--rows", "-1"}, ExitUsage, "--rows -1"},
		{"range", fleetCfg, []string{"--all", "nosuchrev"}, ExitFailure, "nosuchrev"},
		{"no fleet", "url = \"sqlite:///x.db\"\n", []string{"--all"}, ExitFailure, "no [fleet] in"},
	} {
		dir := fleetProject(t, tt.config)
		r := runCtx(t, Options{}, append([]string{"-c", filepath.Join(dir, "retort.toml"), "test"}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.err, tt.says) || scratchName.MatchString(r.err) {
			t.Errorf("%s: exit %d, want %d saying %q (and no scratch database)\n%s", tt.name, r.code, tt.code, tt.says, r.err)
		}
	}
	if entries, _ := os.ReadDir(tenants); len(entries) != 0 {
		t.Errorf("tenant files appeared: %v", entries)
	}
}

// TestTestVersionTableSchema: `retort test` with version_table_schema
// keeps the version table in its scratch database: it passes (PostgreSQL
// and SQLite have no such schema there), says so in a note, and writes
// nothing into the schema named, which on MySQL/MariaDB is another
// database of the server.
func TestTestVersionTableSchema(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db, meta := testutil.New(t, dialect), testutil.New(t, dialect)
			schema := "meta"
			if dialect == testutil.MySQL {
				schema = meta.Name // a real database of the server
			}
			dir := fleetProject(t, fmt.Sprintf("url = %q\nversion_table_schema = %q\n", db.URL, schema))
			r := runCtx(t, Options{}, "-c", filepath.Join(dir, "retort.toml"), "test", "--rows", "5")
			if r.code != ExitOK {
				t.Fatalf("exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			if !strings.Contains(r.err, fmt.Sprintf("not in schema %q (version_table_schema)", schema)) {
				t.Errorf("no note about the version table's schema:\n%s", r.err)
			}
			if got := dbTables(t, meta); len(got) != 0 {
				t.Errorf("the database named by version_table_schema holds %v", got)
			}
			if got := dbTables(t, db); len(got) != 0 {
				t.Errorf("the configured database holds %v", got)
			}
			checkScratchGone(t, db, r.err)
		})
	}
}

// lint --stairway keeps the version and history tables in its scratch
// database too: the schema (on MySQL, the database) that
// version_table_schema names is never written to.
func TestLintStairwayVersionTableSchema(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db, meta := testutil.New(t, dialect), testutil.New(t, dialect)
			schema := "meta"
			if dialect == testutil.MySQL {
				schema = meta.Name // a real database of the server
			}
			dir := fleetProject(t, fmt.Sprintf("url = %q\nversion_table_schema = %q\n", db.URL, schema))
			r := runCtx(t, Options{}, "-c", filepath.Join(dir, "retort.toml"), "lint", "--stairway")
			if r.code != ExitOK {
				t.Fatalf("exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			if !strings.Contains(r.err, "Stairway on scratch database") {
				t.Fatalf("no stairway ran:\n%s", r.err)
			}
			if got := dbTables(t, meta); len(got) != 0 {
				t.Errorf("the database named by version_table_schema holds %v", got)
			}
			if got := dbTables(t, db); len(got) != 0 {
				t.Errorf("the configured database holds %v", got)
			}
			checkScratchGone(t, db, r.err)
		})
	}
}
