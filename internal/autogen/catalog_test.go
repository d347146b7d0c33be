package autogen_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// catalogDump is the server's own account of db's schema, normalized only
// where equal schemas may legitimately print differently: PostgreSQL's
// pg_dump --schema-only with each table's columns in name order (a column
// can only be added at the end), MariaDB's SHOW CREATE TABLE/VIEW without
// the AUTO_INCREMENT counter, SQLite's sqlite_schema SQL with whitespace
// collapsed. Statements are sorted. It returns "" when the dump tool is
// missing.
func catalogDump(t *testing.T, db *testutil.DB) string {
	t.Helper()
	var stmts []string
	switch db.Dialect {
	case testutil.Postgres:
		return pgCatalog(t, db, "")
	case testutil.MySQL:
		rows, err := db.DB.Query(`SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()`)
		if err != nil {
			t.Fatal(err)
		}
		var names, kinds []string
		for rows.Next() {
			var n, k string
			if err := rows.Scan(&n, &k); err != nil {
				t.Fatal(err)
			}
			names, kinds = append(names, n), append(kinds, k)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		autoInc := regexp.MustCompile(` AUTO_INCREMENT=\d+`)
		var dbName string
		if err := db.DB.QueryRow("SELECT DATABASE()").Scan(&dbName); err != nil {
			t.Fatal(err)
		}
		definer := regexp.MustCompile(`(?s)^CREATE .*? VIEW `)
		for i, n := range names {
			q := "SHOW CREATE TABLE `" + strings.ReplaceAll(n, "`", "``") + "`"
			if kinds[i] == "VIEW" {
				q = "SHOW CREATE VIEW `" + strings.ReplaceAll(n, "`", "``") + "`"
			}
			r, err := db.DB.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := r.Columns()
			vals := make([]any, len(cols))
			var name, def string
			vals[0], vals[1] = &name, &def
			for j := 2; j < len(cols); j++ {
				vals[j] = new(string)
			}
			for r.Next() {
				if err := r.Scan(vals...); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.Close(); err != nil {
				t.Fatal(err)
			}
			def = autoInc.ReplaceAllString(def, "")
			// The server names this database in some expressions
			// (nextval(`db`.`seq`)); two databases compare without it.
			def = strings.ReplaceAll(def, "`"+strings.ReplaceAll(dbName, "`", "``")+"`.", "")
			// Keys and constraints print in creation order, which a
			// migration cannot choose; columns keep theirs.
			lines := strings.Split(def, "\n")
			if len(lines) > 2 {
				var keys []string
				for _, l := range lines[1 : len(lines)-1] {
					if !strings.HasPrefix(l, "  `") {
						keys = append(keys, strings.TrimSuffix(l, ","))
					}
				}
				sort.Strings(keys)
				cols := []string{lines[0]}
				for _, l := range lines[1 : len(lines)-1] {
					if strings.HasPrefix(l, "  `") {
						cols = append(cols, strings.TrimSuffix(l, ","))
					}
				}
				def = strings.Join(append(append(cols, keys...), lines[len(lines)-1]), "\n")
			}
			def = definer.ReplaceAllString(def, "CREATE VIEW ")
			stmts = append(stmts, def)
		}
	case testutil.SQLite:
		rows, err := db.DB.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
		if err != nil {
			t.Fatal(err)
		}
		space := regexp.MustCompile(`\s+`)
		punct := regexp.MustCompile(` ?([(),]) ?`)
		for rows.Next() {
			var typ, name, sql string
			if err := rows.Scan(&typ, &name, &sql); err != nil {
				t.Fatal(err)
			}
			stmts = append(stmts, typ+" "+name+": "+punct.ReplaceAllString(space.ReplaceAllString(strings.TrimSpace(sql), " "), "$1"))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(stmts)
	return strings.Join(stmts, ";\n")
}

// referenceDump is the catalog dump of a fresh database with text
// applied. On PostgreSQL, text that reaches only its own schema's objects
// (what the models' scratch schema takes) is applied in a schema of its
// own in db, which must be empty, alone on the search path; dumped, with
// its name written as public's, and dropped: the same account at a
// fraction of a database's creation and drop.
func referenceDump(t *testing.T, db *testutil.DB, text string) string {
	t.Helper()
	if db.Dialect == testutil.Postgres {
		stmts, err := sqlstate.Split(text, false)
		if err != nil {
			t.Fatalf("reference schema: split: %v", err)
		}
		texts := make([]string, len(stmts))
		for i, st := range stmts {
			texts[i] = st.SQL
		}
		if postgres.New().ScratchSchemaSafe(texts) {
			ctx := context.Background()
			name := dialect.ScratchName()
			conn, err := db.DB.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			for _, q := range append([]string{"CREATE SCHEMA " + name, "SET search_path = " + name}, texts...) {
				if _, err := conn.ExecContext(ctx, q); err != nil {
					t.Fatalf("reference schema: %s: %v", q, err)
				}
			}
			dump := pgCatalog(t, db, name)
			for _, q := range []string{"RESET search_path", "DROP SCHEMA " + name + " CASCADE"} {
				if _, err := conn.ExecContext(ctx, q); err != nil {
					t.Fatalf("reference schema: %s: %v", q, err)
				}
			}
			return dump
		}
	}
	ref := testutil.New(t, db.Dialect)
	apply(t, ref, text, "reference schema")
	return catalogDump(t, ref)
}

func sameDump(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	var diff []string
	seen := map[string]int{}
	for _, l := range wl {
		seen[l]++
	}
	for _, l := range gl {
		if seen[l] > 0 {
			seen[l]--
			continue
		}
		diff = append(diff, "+ "+l)
	}
	seen = map[string]int{}
	for _, l := range gl {
		seen[l]++
	}
	for _, l := range wl {
		if seen[l] > 0 {
			seen[l]--
			continue
		}
		diff = append(diff, "- "+l)
	}
	t.Errorf("%s: the server's catalog differs (+ got, - want):\n%s", what, strings.Join(diff, "\n"))
}

// rowCounts counts the rows of every table of s, by qualified name.
func rowCounts(t *testing.T, db *testutil.DB, s *schema.Schema) map[string]int {
	t.Helper()
	q := func(n string) string { return `"` + strings.ReplaceAll(n, `"`, `""`) + `"` }
	if db.Dialect == testutil.MySQL {
		q = func(n string) string { return "`" + strings.ReplaceAll(n, "`", "``") + "`" }
	}
	out := map[string]int{}
	for _, tb := range s.Tables {
		name := q(tb.Name)
		if tb.Schema != "" {
			name = q(tb.Schema) + "." + name
		}
		var n int
		if err := db.DB.QueryRow("SELECT count(*) FROM " + name).Scan(&n); err != nil {
			t.Fatalf("count rows of %s: %v", name, err)
		}
		out[schema.QualifiedName(tb.Schema, tb.Name)] = n
	}
	return out
}

// sameRows reports tables present in both counts whose rows changed in
// number: a migration must keep the rows of the tables it alters.
func sameRows(t *testing.T, what string, before, after map[string]int) {
	t.Helper()
	for name, n := range before {
		if m, ok := after[name]; ok && m != n {
			t.Errorf("%s: table %s had %d rows, now %d", what, name, n, m)
		}
	}
}

// pgDump is the pg_dump to run: the newest of the versioned binaries
// Debian installs, when there are any (its /usr/bin/pg_dump is a Perl
// wrapper that picks one, at a third of a small dump's cost), else the one
// on PATH; "" when there is none.
var pgDump = sync.OnceValue(func() string {
	paths, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump")
	best, newest := "", -1
	for _, p := range paths {
		if v, err := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p)))); err == nil && v > newest {
			best, newest = p, v
		}
	}
	if best == "" {
		best, _ = exec.LookPath("pg_dump")
	}
	return best
})

// pgCatalog is catalogDump on PostgreSQL: of the whole database, or of
// schema only (its name then written as public's) when schema is set.
func pgCatalog(t *testing.T, db *testutil.DB, schema string) string {
	t.Helper()
	bin := pgDump()
	if bin == "" {
		return ""
	}
	args := []string{"--schema-only", "--no-owner", "--no-privileges", "-d", db.URL}
	if schema != "" {
		args = append(args, "-n", schema)
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	text := string(out)
	if schema != "" {
		text = strings.ReplaceAll(text, schema+".", "public.")
	}
	var stmts []string
	for _, st := range strings.Split(text, ";\n") {
		var lines []string
		for _, l := range strings.Split(st, "\n") {
			if l == "" || strings.HasPrefix(l, "--") || strings.HasPrefix(l, `\restrict `) || strings.HasPrefix(l, `\unrestrict `) || strings.HasPrefix(l, "SET ") || strings.HasPrefix(l, "SELECT pg_catalog.set_config") {
				continue
			}
			lines = append(lines, l)
		}
		if len(lines) == 0 || schema != "" && lines[0] == "CREATE SCHEMA "+schema {
			continue
		}
		if strings.HasPrefix(lines[0], "CREATE TABLE ") && len(lines) > 2 {
			cols := lines[1 : len(lines)-1]
			for i := range cols {
				cols[i] = strings.TrimSuffix(cols[i], ",")
			}
			sort.Strings(cols)
		}
		stmts = append(stmts, strings.Join(lines, "\n"))
	}
	sort.Strings(stmts)
	return strings.Join(stmts, ";\n")
}
