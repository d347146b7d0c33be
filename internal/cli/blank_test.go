package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// blankTargets are the arguments an unset or mistyped shell variable
// produces: empty, whitespace of several kinds, and blank on one side of
// '@' or ':'. Alembic reads some of them as base.
var blankTargets = []string{"", " ", "\t", "\n", " \t\r\n ", "\u00a0", "a1@", "@head", " @-1", ":head", "head:", "base: "}

// blankCommands puts a target X in every place a command takes one.
var blankCommands = [][]string{
	{"upgrade", "X"},
	{"upgrade", "--dry-run", "X"},
	{"upgrade", "--sql", "X"},
	{"downgrade", "X"},
	{"downgrade", "--dry-run", "X"},
	{"downgrade", "--sql", "X"},
	{"stamp", "X"},
	{"stamp", "--purge", "X"},
	{"stamp", "head", "X"},
	{"stamp", "--sql", "X"},
	{"show", "X"},
	{"edit", "X"},
	{"merge", "-m", "m", "X"},
	{"merge", "-m", "m", "heads", "X"},
	{"rehash", "X"},
	{"rehash", "a1", "X"},
	{"resolve", "X", "--applied"},
	{"resolve", "X", "--rolled-back"},
	{"revision", "-m", "m", "--head", "X"},
	{"revision", "-m", "m", "--depends-on", "X"},
	{"history", "-r", "X"},
}

// An empty or blank target is a usage error (exit 2) on every command that
// takes one, on every dialect: nothing runs, the schema, the version rows,
// the history rows and the revision files stay exactly as they were.
func TestBlankTargetsChangeNothing(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, dialect)
			cfg := writeProject(t, db.URL)
			if got := run(t, Options{}, "-c", cfg, "upgrade", "head"); got.code != ExitOK {
				t.Fatalf("upgrade head: exit %d: %s", got.code, got.err)
			}
			before := dbState(t, db)
			files := fileState(t, filepath.Dir(cfg))
			if !strings.Contains(before, "t2") || !strings.Contains(before, "version rows: [b2]") {
				t.Fatalf("setup: unexpected state\n%s", before)
			}
			for _, cmd := range blankCommands {
				for _, blank := range blankTargets {
					if cmd[0] == "history" && historyAllows(blank) {
						continue
					}
					args := []string{"-c", cfg}
					for _, a := range cmd {
						if a == "X" {
							a = blank
						}
						args = append(args, a)
					}
					name := fmt.Sprintf("%q", args[2:])
					got := run(t, Options{}, args...)
					if got.code != ExitUsage {
						t.Errorf("%s: exit %d, want %d (usage); stderr:\n%s", name, got.code, ExitUsage, got.err)
					}
					if !strings.Contains(got.err, "empty target") && !strings.Contains(got.err, "names no") && !strings.Contains(got.err, "has an empty") {
						t.Errorf("%s: stderr does not say the target is blank:\n%s", name, got.err)
					}
					if got.out != "" {
						t.Errorf("%s: printed on stdout: %q", name, got.out)
					}
					if after := dbState(t, db); after != before {
						t.Fatalf("%s changed the database:\nbefore:\n%s\nafter:\n%s", name, before, after)
					}
					if after := fileState(t, filepath.Dir(cfg)); !slices.Equal(after, files) {
						t.Fatalf("%s changed the files: %v, was %v", name, after, files)
					}
				}
			}
		})
	}
}

// historyAllows reports the blank forms `history -r` gives a meaning to:
// an empty side of the range is base (start) or heads (end).
func historyAllows(blank string) bool {
	return strings.Contains(blank, ":") && !strings.Contains(blank, "@")
}

// dbState renders what a refused command must not change: the tables, the
// version rows and every column of every history row.
func dbState(t *testing.T, db *testutil.DB) string {
	t.Helper()
	var q string
	switch db.Dialect {
	case testutil.Postgres:
		q = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
	case testutil.MySQL:
		q = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"
	default:
		q = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"
	}
	tables := queryStrings(t, db, q)
	var b strings.Builder
	fmt.Fprintf(&b, "tables: %v\n", tables)
	if slices.Contains(tables, "alembic_version") {
		rows := queryStrings(t, db, "SELECT version_num FROM alembic_version")
		sort.Strings(rows)
		fmt.Fprintf(&b, "version rows: %v\n", rows)
	}
	if slices.Contains(tables, "retort_history") {
		for _, r := range allRows(t, db.DB, "SELECT * FROM retort_history ORDER BY id") {
			fmt.Fprintf(&b, "history: %s\n", r)
		}
	}
	return b.String()
}

// allRows returns every row of q with its columns joined by "|".
func allRows(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fields := make([]string, len(cols))
		for i, v := range vals {
			fields[i] = v.String
			if !v.Valid {
				fields[i] = "NULL"
			}
		}
		out = append(out, strings.Join(fields, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// fileState lists the files under dir with their sizes.
func fileState(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%s %d", p, info.Size()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
