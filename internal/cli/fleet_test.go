package cli

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/term"
	"github.com/retortdb/retort/internal/testutil"
)

// fleetProject writes a project whose two revisions create t_a and t_b,
// and whose retort.toml has the [fleet] given.
func fleetProject(t *testing.T, fleet string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"aaaaaaaaaaaa", "bbbbbbbbbbbb"} {
		parent := ""
		if i > 0 {
			parent = "aaaaaaaaaaaa"
		}
		table := "t_" + id[:1]
		body := fmt.Sprintf("-- rev %s\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2024-01-01 00:00:00\n\n-- +retort upgrade\nCREATE TABLE %s (id INTEGER);\n\n-- +retort downgrade\nDROP TABLE %s;\n",
			id, id, parent, table, table)
		if err := os.WriteFile(filepath.Join(dir, "versions", fmt.Sprintf("%d_%s.sql", i, id)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "retort.toml"), []byte(fleet), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fleetDocument is the --json document of a fleet command, as a machine
// reads it.
type fleetDocument struct {
	Command    string  `json:"command"`
	Target     string  `json:"target"`
	OK         bool    `json:"ok"`
	Total      int     `json:"total"`
	Succeeded  int     `json:"succeeded"`
	Failed     int     `json:"failed"`
	NotStarted int     `json:"not_started"`
	DurationMS float64 `json:"duration_ms"`
	Targets    []struct {
		Name       string          `json:"name"`
		OK         bool            `json:"ok"`
		Started    bool            `json:"started"`
		Result     string          `json:"result"`
		Error      string          `json:"error"`
		From       []string        `json:"from"`
		To         []string        `json:"to"`
		DurationMS float64         `json:"duration_ms"`
		Steps      []stepJSON      `json:"steps"`
		Status     *statusJSON     `json:"status"`
		Check      json.RawMessage `json:"check"`
	} `json:"targets"`
}

func decodeFleet(t *testing.T, out string) fleetDocument {
	t.Helper()
	var doc fleetDocument
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not one fleet JSON document: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON document:\n%s", out)
	}
	return doc
}

// TestFleetCommands runs a fleet of four tenants on each dialect through
// the command line: tenant t2 fails (its t_b exists), the others upgrade;
// JSON and table say so, the exit code is 1, each database holds what the
// report says; after the fix a re-run upgrades t2 alone; a downgrade of
// one target and status --exit-code across the fleet; shards partition
// the fleet. One target's URL carries a password, which no output shows.
func TestFleetCommands(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			var dbs []*testutil.DB
			var lines []string
			pw := "Fl33t-s3cret-pw"
			for i := range 4 {
				var db *testutil.DB
				u := ""
				if i == 3 {
					var user pwUser
					user, u, _ = passwordUser(t, dialect, pw)
					db = user.db
				} else {
					db = testutil.New(t, dialect)
					u = db.URL
				}
				dbs = append(dbs, db)
				lines = append(lines, fmt.Sprintf("t%d %s", i, u))
			}
			if _, err := dbs[2].DB.Exec("CREATE TABLE t_b (id INTEGER)"); err != nil {
				t.Fatal(err)
			}
			dir := fleetProject(t, "[fleet]\nurls_file = \"tenants.txt\"\njobs = 2\n")
			if err := os.WriteFile(filepath.Join(dir, "tenants.txt"), []byte("# tenants\n"+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "retort.toml")
			toks := leakTokens(pw)
			run := func(args ...string) runOut {
				t.Helper()
				r := runCtx(t, Options{}, append([]string{"-c", cfg}, args...)...)
				checkNoLeak(t, strings.Join(args, " ")+" stdout", r.out, toks)
				checkNoLeak(t, strings.Join(args, " ")+" stderr", r.err, toks)
				return r
			}
			rows := func(i int) []string {
				if !slices.Contains(dbTables(t, dbs[i]), "alembic_version") {
					return []string{}
				}
				r := queryStrings(t, dbs[i], "SELECT version_num FROM alembic_version")
				sort.Strings(r)
				return r
			}

			// Fail-fast, one at a time: t3 never starts.
			r := run("upgrade", "head", "--all", "--fail-fast", "-j", "1", "--json")
			if r.code != ExitFailure {
				t.Fatalf("upgrade --all --fail-fast: exit %d, want 1\n%s\n%s", r.code, r.out, r.err)
			}
			ff := decodeFleet(t, r.out)
			if ff.OK || ff.Succeeded != 2 || ff.Failed != 1 || ff.NotStarted != 1 {
				t.Errorf("fail-fast document: %+v", ff)
			}
			if t3 := ff.Targets[3]; t3.Started || t3.OK || t3.From != nil || t3.To != nil || t3.Result != "not started" {
				t.Errorf("fail-fast t3: %+v", t3)
			}
			if got := rows(3); len(got) != 0 {
				t.Errorf("fail-fast: t3 holds %v, but it never started", got)
			}
			if !strings.Contains(r.err, "1 not started (t3)") {
				t.Errorf("fail-fast stderr does not name the target not started:\n%s", r.err)
			}

			r = run("upgrade", "head", "--all", "--json")
			if r.code != ExitFailure {
				t.Fatalf("upgrade --all with a failing tenant: exit %d, want 1\n%s\n%s", r.code, r.out, r.err)
			}
			doc := decodeFleet(t, r.out)
			if doc.Command != "upgrade" || doc.Target != "head" || doc.OK || doc.Total != 4 || doc.Succeeded != 3 || doc.Failed != 1 || doc.NotStarted != 0 {
				t.Errorf("document: %+v", doc)
			}
			for i, tr := range doc.Targets {
				if tr.Name != fmt.Sprintf("t%d", i) || !tr.Started {
					t.Errorf("target %d: %+v", i, tr)
				}
				if i == 2 {
					if tr.OK || !strings.Contains(tr.Error, "t_b") || !strings.HasPrefix(tr.Result, "FAILED") {
						t.Errorf("t2: %+v", tr)
					}
				} else if i == 3 && (!tr.OK || len(tr.Steps) != 2 || !slices.Equal(tr.To, []string{"bbbbbbbbbbbb"}) || tr.From == nil || len(tr.From) != 0 || tr.Result != "upgraded (2 steps)") {
					t.Errorf("t%d: %+v", i, tr)
				} else if i < 2 && (!tr.OK || len(tr.Steps) != 0 || !slices.Equal(tr.From, []string{"bbbbbbbbbbbb"}) || tr.Result != "already at head") {
					t.Errorf("t%d (upgraded by the fail-fast run): %+v", i, tr)
				}
			}
			if !strings.Contains(r.err, "FAILED: 1 of 4 targets failed (t2)") {
				t.Errorf("stderr does not sum up the failure:\n%s", r.err)
			}
			for i := range dbs {
				want := []string{"bbbbbbbbbbbb"}
				if i == 2 {
					want = doc.Targets[2].To // what the report says is what the database holds
				}
				if got := rows(i); !slices.Equal(got, want) {
					t.Errorf("t%d holds %v, the report says %v", i, got, want)
				}
			}

			if _, err := dbs[2].DB.Exec("DROP TABLE t_b"); err != nil {
				t.Fatal(err)
			}
			r = run("upgrade", "head", "--all")
			if r.code != ExitOK {
				t.Fatalf("re-run: exit %d\n%s\n%s", r.code, r.out, r.err)
			}
			for i, line := range strings.Split(strings.TrimSpace(r.out), "\n")[1:5] {
				want := "already at head"
				if i == 2 {
					want = "upgraded (" // 2 steps, or 1 where DDL committed a before b failed (MySQL)
				}
				if !strings.HasPrefix(line, fmt.Sprintf("t%d ", i)) || !strings.Contains(line, want) {
					t.Errorf("re-run table line %d: %q, want t%d … %s", i, line, i, want)
				}
			}
			for i := range dbs {
				if got := rows(i); !slices.Equal(got, []string{"bbbbbbbbbbbb"}) {
					t.Errorf("after the re-run t%d holds %v", i, got)
				}
			}

			if r = run("downgrade", "-1", "--target", "t1"); r.code != ExitOK {
				t.Fatalf("downgrade --target t1: exit %d\n%s", r.code, r.err)
			}
			if got := rows(1); !slices.Equal(got, []string{"aaaaaaaaaaaa"}) {
				t.Errorf("t1 holds %v after downgrade -1", got)
			}
			if got := rows(0); !slices.Equal(got, []string{"bbbbbbbbbbbb"}) {
				t.Errorf("t0 holds %v: a downgrade of t1 reached it", got)
			}
			r = run("status", "--all", "--exit-code", "--json")
			if r.code != ExitPending {
				t.Errorf("status --all --exit-code with t1 behind: exit %d, want %d", r.code, ExitPending)
			}
			st := decodeFleet(t, r.out)
			if st.Targets[1].Status == nil || !slices.Equal(st.Targets[1].Status.Pending, []string{"bbbbbbbbbbbb"}) || st.Targets[0].Status == nil || !st.Targets[0].Status.UpToDate {
				t.Errorf("status document: %+v", st)
			}
			if r = run("status", "--tenants", "t[023]", "--exit-code"); r.code != ExitOK {
				t.Errorf("status of the targets at head: exit %d\n%s", r.code, r.out)
			}

			// Shards: every target in exactly one.
			seen := map[string]int{}
			for s := 1; s <= 3; s++ {
				r = run("current", "--all", "--shard", fmt.Sprintf("%d/3", s), "--json")
				if r.code != ExitOK {
					t.Fatalf("current --shard %d/3: exit %d\n%s", s, r.code, r.err)
				}
				for _, tr := range decodeFleet(t, r.out).Targets {
					seen[tr.Name]++
				}
			}
			for i := range dbs {
				if n := seen[fmt.Sprintf("t%d", i)]; n != 1 {
					t.Errorf("t%d is in %d shards", i, n)
				}
			}
		})
	}
}

func dbTables(t *testing.T, db *testutil.DB) []string {
	t.Helper()
	switch db.Dialect {
	case testutil.Postgres:
		return queryStrings(t, db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
	case testutil.MySQL:
		return queryStrings(t, db, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")
	}
	return queryStrings(t, db, "SELECT name FROM sqlite_master WHERE type = 'table'")
}

// TestFleetSchemasCommand: [fleet] schemas runs each matching schema with
// its own version table, and no other schema sees anything.
func TestFleetSchemasCommand(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.Postgres)
	for _, s := range []string{"tenant_a", "tenant_b", "tenant_c", "shared"} {
		if _, err := db.DB.Exec("CREATE SCHEMA " + s); err != nil {
			t.Fatal(err)
		}
	}
	dir := fleetProject(t, fmt.Sprintf("url = %q\n[fleet]\nschemas = \"tenant_*\"\n", db.URL))
	cfg := filepath.Join(dir, "retort.toml")
	r := runCtx(t, Options{}, "-c", cfg, "upgrade", "head", "--all", "-j", "3")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.out, r.err)
	}
	for _, s := range []string{"tenant_a", "tenant_b", "tenant_c", "shared", "public"} {
		got := queryStrings(t, db, "SELECT tablename FROM pg_tables WHERE schemaname = '"+s+"' ORDER BY 1")
		want := []string{"alembic_version", "retort_history", "t_a", "t_b"}
		if s == "shared" || s == "public" {
			want = nil
		}
		if !slices.Equal(got, want) {
			t.Errorf("schema %s holds %v, want %v", s, got, want)
		}
	}
	r = runCtx(t, Options{}, "-c", cfg, "current", "--all")
	if r.code != ExitOK || strings.Count(r.out, "bbbbbbbbbbbb") != 3 {
		t.Errorf("current --all: exit %d\n%s", r.code, r.out)
	}
	// Without a selector the one database of url, as ever: its public
	// schema is at base.
	r = runCtx(t, Options{}, "-c", cfg, "current")
	if r.code != ExitOK || r.out != "" {
		t.Errorf("current without --all: exit %d %q %s", r.code, r.out, r.err)
	}
}

// TestFleetRefusals: command lines and configurations that cannot run a
// fleet are refused with what to do, and change nothing.
func TestFleetRefusals(t *testing.T) {
	t.Parallel()
	tenants := t.TempDir()
	fleetCfg := fmt.Sprintf("[fleet]\nurl = \"sqlite:///%s/{tenant}.db\"\ntenants = [\"a\", \"b\"]\n", filepath.ToSlash(tenants))
	tests := []struct {
		name, config string
		args         []string
		code         int
		says         string
	}{
		{"no fleet", "url = \"sqlite:///x.db\"\n", []string{"upgrade", "head", "--all"}, ExitFailure, "no [fleet] in"},
		{"no url, no selector", fleetCfg, []string{"upgrade", "head"}, ExitFailure, "has a [fleet] but no url; pass --all"},
		{"jobs without fleet", fleetCfg, []string{"current", "-j", "2"}, ExitUsage, "--jobs applies to fleet runs"},
		{"bad shard", fleetCfg, []string{"current", "--all", "--shard", "3/2"}, ExitUsage, "I must be between 1 and N"},
		{"zero jobs", fleetCfg, []string{"current", "--all", "-j", "0"}, ExitUsage, "run at least 1 target"},
		{"unknown target", fleetCfg, []string{"upgrade", "head", "--target", "c"}, ExitUsage, `--target "c": no fleet target has that name (targets: a, b)`},
		{"glob matching none", fleetCfg, []string{"upgrade", "head", "--tenants", "z*"}, ExitUsage, `--tenants "z*" matches no fleet target`},
		{"sql", fleetCfg, []string{"upgrade", "head", "--all", "--sql"}, ExitUsage, "--sql writes one offline script"},
		{"verbose current", fleetCfg, []string{"current", "--all", "-v"}, ExitUsage, "-v and --check-heads show one database"},
		{"bad fleet", "[fleet]\ntenants = [\"a\"]\n", []string{"current", "--all"}, ExitFailure, "url: tenants need a URL template"},
	}
	for _, tt := range tests {
		dir := fleetProject(t, tt.config)
		r := runCtx(t, Options{}, append([]string{"-c", filepath.Join(dir, "retort.toml")}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.err, tt.says) {
			t.Errorf("%s: exit %d, want %d saying %q\n%s", tt.name, r.code, tt.code, tt.says, r.err)
		}
	}
	if ents, _ := os.ReadDir(tenants); len(ents) != 0 {
		t.Errorf("refused commands created %v", ents)
	}
}

// TestFleetProgressOnTerminal: on a terminal a fleet run draws a progress
// line ("target N of M") on stderr and erases it; off one, it logs a line
// per target instead. stdout holds the table either way.
func TestFleetProgressOnTerminal(t *testing.T) {
	t.Parallel()
	tenants := t.TempDir()
	dir := fleetProject(t, fmt.Sprintf("[fleet]\nurl = \"sqlite:///%s/{tenant}.db\"\ntenants = [\"a\", \"b\", \"c\"]\n", filepath.ToSlash(tenants)))
	cfg := filepath.Join(dir, "retort.toml")
	for _, tty := range []bool{true, false} {
		io, _, _, _ := term.Test()
		io.ErrIsTTY = tty
		r := runCtx(t, Options{IO: io}, "-c", cfg, "upgrade", "head", "--all", "-j", "1")
		if r.code != ExitOK {
			t.Fatalf("tty=%v: exit %d\n%s", tty, r.code, r.err)
		}
		drawn := strings.Contains(r.err, "\r\x1b[Ktarget 3 of 3")
		logged := strings.Contains(r.err, "INFO  [retort] c: ")
		if drawn != tty || logged == tty {
			t.Errorf("tty=%v: progress drawn %v, per-target lines %v:\n%q", tty, drawn, logged, r.err)
		}
		if !strings.HasPrefix(r.out, "TARGET") || strings.Count(r.out, "upgraded (2 steps)") != 3 && strings.Count(r.out, "already at head") != 3 {
			t.Errorf("tty=%v: table:\n%s", tty, r.out)
		}
	}
}

// TestFleetCheck: check --all compares each target with the models; a
// target that differs fails the run and is named, the others are clean.
func TestFleetCheck(t *testing.T) {
	t.Parallel()
	tenants := t.TempDir()
	dir := fleetProject(t, fmt.Sprintf("models = [\"schema.sql\"]\n[fleet]\nurl = \"sqlite:///%s/{tenant}.db\"\ntenants = [\"a\", \"b\"]\n", filepath.ToSlash(tenants)))
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte("CREATE TABLE t_a (id INTEGER);\nCREATE TABLE t_b (id INTEGER);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "retort.toml")
	if r := runCtx(t, Options{}, "-c", cfg, "upgrade", "head", "--all"); r.code != ExitOK {
		t.Fatalf("upgrade: %d %s", r.code, r.err)
	}
	r := runCtx(t, Options{}, "-c", cfg, "check", "--all", "--json", "--no-cache")
	if r.code != ExitOK {
		t.Fatalf("check --all on clean targets: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
	doc := decodeFleet(t, r.out)
	for _, tr := range doc.Targets {
		if !tr.OK || tr.Result != "clean" || !strings.Contains(string(tr.Check), `"clean": true`) {
			t.Errorf("clean target: %+v %s", tr, tr.Check)
		}
	}
	db, err := sql.Open("sqlite", filepath.Join(tenants, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE stray (id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	r = runCtx(t, Options{}, "-c", cfg, "check", "--all", "--no-cache")
	if r.code != ExitFailure || !strings.Contains(r.err, "1 of 2 targets failed (b)") || !strings.Contains(r.out, "1 difference") {
		t.Errorf("check --all with a stray table in b: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
}
