package retort_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

// snapshot is everything a run may change: the schema (every column of
// every table, bookkeeping included), the version rows and the history rows.
func (d *tdb) snapshot() string {
	d.t.Helper()
	var b strings.Builder
	var q string
	switch d.Dialect {
	case testutil.Postgres:
		q = "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns " +
			"WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
	case testutil.MySQL:
		q = "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IS_NULLABLE) FROM information_schema.COLUMNS " +
			"WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION"
	default:
		q = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
	}
	fmt.Fprintf(&b, "schema: %q\n", queryStrings(d.t, d.DB.DB, q))
	fmt.Fprintf(&b, "alembic_version: %q\n", d.rows())
	if slices.Contains(d.tables(), "retort_history") {
		fmt.Fprintf(&b, "retort_history: %q\n", queryStrings(d.t, d.DB.DB,
			"SELECT CONCAT(revision, ' ', direction, ' ', status, ' ', checksum) FROM retort_history ORDER BY id"))
	}
	fmt.Fprintf(&b, "runlog: %q\n", queryStrings(d.t, d.DB.DB, "SELECT rev FROM runlog ORDER BY seq"))
	return b.String()
}

// TestRefusedFileLeavesDatabase runs upgrade (online and --sql) against a
// revision file that is refused when its SQL is read — transaction control
// at the top level, an unedited template — on a fresh database and on one
// already at the revision before it: the run fails naming the file and
// line, and the database is exactly as it was, bookkeeping tables included.
func TestRefusedFileLeavesDatabase(t *testing.T) {
	cases := []struct {
		name string
		up   string // the refused revision's upgrade ("" = the unedited template)
		line int    // of the refusal in the refused file
		want string
	}{
		{"commit", "CREATE TABLE half (id INTEGER);\nCOMMIT;\nCREATE TABLE other (id INTEGER);", 12, "COMMIT controls the transaction"},
		{"rollback", "CREATE TABLE half (id INTEGER);\n  rollback work ;", 12, "ROLLBACK controls the transaction"},
		{"begin", "BEGIN;\nCREATE TABLE half (id INTEGER);", 11, "BEGIN controls the transaction"},
		{"end", "CREATE TABLE half (id INTEGER);\n/* done */ END;", 12, "END controls the transaction"},
		{"start transaction", "START TRANSACTION;", 11, "START TRANSACTION controls the transaction"},
		{"savepoint", "SAVEPOINT s1;\nCREATE TABLE half (id INTEGER);\nRELEASE SAVEPOINT s1;", 11, "SAVEPOINT controls the transaction"},
		{"unedited template", "", 9, "the upgrade section holds no SQL statement (an unedited template?)"},
	}
	eachDialect(t, func(t *testing.T, dn string) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ctx := context.Background()
				db := newDB(t, dn)
				fsys := graphFS(linear("a", "b")...)
				bad := "-- rev b\n--\n-- Revision ID: b\n-- Revises: a\n-- Create Date:\n-- Branch Labels:\n-- Depends On:\n\n" +
					"-- +retort upgrade\n"
				if c.up == "" {
					bad += "-- Write the upgrade SQL here.\n"
				} else {
					bad += "\n" + c.up + "\n"
				}
				fsys["versions/001_b.sql"].Data = []byte(bad + "\n-- +retort downgrade\nDROP TABLE t_b;\n")
				m := db.open(fsys)
				where := fmt.Sprintf("versions/001_b.sql:%d: ", c.line)

				refused := func() {
					t.Helper()
					before := db.snapshot()
					_, err := m.Upgrade(ctx, "head")
					if err == nil || !strings.Contains(err.Error(), where+c.want) || !strings.Contains(err.Error(), "nothing was run") {
						t.Fatalf("upgrade: %v, want %s%s…", err, where, c.want)
					}
					if after := db.snapshot(); after != before {
						t.Fatalf("the refused run changed the database\nbefore:\n%s\nafter:\n%s", before, after)
					}
					var buf bytes.Buffer
					_, err = m.Upgrade(ctx, "head", retort.SQLTo(&buf))
					if err == nil || !strings.Contains(err.Error(), where+c.want) || buf.Len() != 0 {
						t.Fatalf("upgrade --sql: %v, wrote %q", err, buf.String())
					}
				}
				refused() // a fresh database: no bookkeeping tables appear either
				if _, err := m.Upgrade(ctx, "a"); err != nil {
					t.Fatal(err)
				}
				refused() // at a
				if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
					t.Errorf("rows %v", rows)
				}
			})
		}
	})
}

// TestNoTransactionRevisionControlsItsTransaction: in a no-transaction
// revision the revision may open and commit transactions itself; the run
// applies it and records it like any other.
func TestNoTransactionRevisionControlsItsTransaction(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		specs := linear("a", "b", "c")
		specs[1].noTx = true
		begin := map[string]string{testutil.MySQL: "START TRANSACTION", testutil.SQLite: "BEGIN IMMEDIATE"}[dn]
		if begin == "" {
			begin = "BEGIN"
		}
		specs[1].up = begin + ";\nINSERT INTO runlog (rev) VALUES ('in tx');\nCOMMIT;\n" +
			"BEGIN;\nINSERT INTO runlog (rev) VALUES ('rolled back');\nROLLBACK;"
		m := db.open(graphFS(specs...))
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if log := db.log(); !slices.Equal(log, []string{"up a", "up b", "in tx", "up c"}) {
			t.Errorf("log %v", log)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"c"}) {
			t.Errorf("rows %v", rows)
		}
		h, err := m.Applied(ctx)
		if err != nil || len(h) != 3 || h[1].Revision != "b" || !h[1].Success || h[1].Status != "done" {
			t.Errorf("history %+v %v", h, err)
		}
	})
}

// TestEmptyRevisions: a revision marked "-- +retort empty" and a merge
// point written by `retort merge` (no SQL, no marker) both run and are
// recorded.
func TestEmptyRevisions(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		fsys := graphFS(spec{id: "a"}, spec{id: "b1", parents: "a"}, spec{id: "b2", parents: "a"})
		fsys["versions/003_m.sql"] = &fstest.MapFile{Data: []byte("-- merge\n--\n-- Revision ID: m\n-- Revises: b1, b2\n\n" +
			"-- +retort upgrade\n-- Write the upgrade SQL here.\n\n-- +retort downgrade\n-- Write the downgrade SQL here.\n")}
		fsys["versions/004_e.sql"] = &fstest.MapFile{Data: []byte("-- nothing\n--\n-- Revision ID: e\n-- Revises: m\n\n" +
			"-- +retort upgrade\n-- +retort empty\n-- Applied by hand in production.\n\n-- +retort downgrade\n")}
		m := db.open(fsys)
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"e"}) {
			t.Errorf("rows %v", rows)
		}
		var buf bytes.Buffer
		if _, err := m.Upgrade(ctx, "a:head", retort.SQLTo(&buf)); err != nil || !strings.Contains(buf.String(), "-- Running upgrade m -> e") {
			t.Errorf("offline: %v\n%s", err, buf.String())
		}
		if _, err := m.Downgrade(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if rows := db.rows(); !slices.Equal(rows, []string{"a"}) {
			t.Errorf("rows after downgrade %v", rows)
		}
	})
}
