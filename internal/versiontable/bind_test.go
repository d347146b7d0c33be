package versiontable_test

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// awkward are strings whose literal form depends on server settings, or
// that a careless escaper mangles: backslashes before quotes and letters,
// doubled quotes, dollar quotes, '?' and '$1' (placeholders), NUL-free
// control characters and non-ASCII text.
var awkward = []string{
	`a\b`, `\`, `\\`, `a'b`, `'`, `''`, `\'`, `'\`, `a\'b\\'c`, `$$x$$`, `$tag$ $1 ?`, `?`, `%s %%`,
	"tab\tnew\nline\r", `\n\t\0\x41\u0041`, "ünïcødé €", "漢字", "😀\\'😀", `"dq" ` + "`bt`", `-- c /* c */ #c`,
}

// awkwardIDs are revision ids of the same kind short enough for a version
// row (VARCHAR(32)) and free of ':' and spaces, which the recorded version
// changes use as separators.
var awkwardIDs = []string{`a\b`, `\`, `\\`, `a'b`, `'`, `''`, `\'`, `'\`, `$$x$$`, `?`, `$1`, `ü€`, `😀\'`, `a\'b\\'c`}

// hostileCases lists the databases a value test runs on: each dialect as
// its server is set by default and with the setting that makes string
// literals mean something else; MySQL also with and without the driver
// interpolating bound values (interpolateParams) instead of preparing.
func hostileCases() []struct {
	name, dialect string
	hostile       bool
	interpolate   bool
} {
	var cs []struct {
		name, dialect string
		hostile       bool
		interpolate   bool
	}
	for _, dn := range testutil.Dialects() {
		for _, h := range []bool{false, true} {
			if dn == testutil.SQLite && h {
				continue
			}
			for _, ip := range []bool{true, false} {
				if dn != testutil.MySQL && !ip {
					continue
				}
				name := dn
				if h {
					name += "/hostile"
				}
				if dn == testutil.MySQL && !ip {
					name += "/prepared"
				}
				cs = append(cs, struct {
					name, dialect string
					hostile       bool
					interpolate   bool
				}{name, dn, h, ip})
			}
		}
	}
	return cs
}

func openCase(t *testing.T, dn string, hostile, interpolate bool) *testutil.DB {
	t.Helper()
	var db *testutil.DB
	if hostile {
		db = testutil.NewHostile(t, dn)
	} else {
		db = testutil.New(t, dn)
	}
	if !interpolate {
		ds := strings.Replace(db.DataSource, "interpolateParams=true&", "", 1)
		if ds == db.DataSource {
			t.Fatalf("data source %q does not set interpolateParams", ds)
		}
		h, err := sql.Open(db.DriverName, ds)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		db.DB = h
	}
	if hostile {
		checkHostile(t, db)
	}
	return db
}

// checkHostile makes sure the hostile setting is in force, so that a test
// that passes cannot pass for want of it.
func checkHostile(t *testing.T, db *testutil.DB) {
	t.Helper()
	var q, want string
	switch db.Dialect {
	case testutil.Postgres:
		q, want = "SHOW standard_conforming_strings", "off"
	case testutil.MySQL:
		q, want = "SELECT @@SESSION.sql_mode", "NO_BACKSLASH_ESCAPES"
	default:
		return
	}
	var got string
	if err := db.DB.QueryRowContext(context.Background(), q).Scan(&got); err != nil || !strings.Contains(got, want) {
		t.Fatalf("%s = %q (%v), want %s", q, got, err, want)
	}
	// And it changes what a literal means: the dialect's literal for a
	// backslash, escaped for the default setting, reads back otherwise.
	var lit string
	q = "SELECT " + dialectFor(db.Dialect).QuoteString(`a\b`)
	if err := db.DB.QueryRowContext(context.Background(), q).Scan(&lit); err != nil {
		t.Fatal(err)
	}
	if lit == `a\b` {
		t.Fatalf("hostile setting without effect on literals: %s reads %q", q, lit)
	}
}

// TestValuesByteExact: every value retort writes online to its version and
// history tables reads back byte for byte, whatever the server's setting for
// string literals, through every writing statement.
func TestValuesByteExact(t *testing.T) {
	t.Parallel()
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := openCase(t, tc.dialect, tc.hostile, tc.interpolate)
			tb := &versiontable.Tables{D: dialectFor(tc.dialect), Name: "alembic_version", History: "retort_history"}
			if _, err := tb.Ensure(ctx, db.DB); err != nil {
				t.Fatal(err)
			}
			if err := tb.EnsureHistory(ctx, db.DB); err != nil {
				t.Fatal(err)
			}

			// Version rows: Apply (insert, update, delete) and Replace.
			for i, id := range awkwardIDs {
				if err := tb.Apply(ctx, db.DB, versiontable.Change{Op: versiontable.Insert, To: "x" + id}); err != nil {
					t.Fatalf("insert %q: %v", id, err)
				}
				if err := tb.Apply(ctx, db.DB, versiontable.Change{Op: versiontable.Update, From: "x" + id, To: id}); err != nil {
					t.Fatalf("update to %q: %v", id, err)
				}
				if i%2 == 0 {
					if err := tb.Apply(ctx, db.DB, versiontable.Change{Op: versiontable.Delete, From: id}); err != nil {
						t.Fatalf("delete %q: %v", id, err)
					}
				}
			}
			var kept []string
			for i, id := range awkwardIDs {
				if i%2 == 1 {
					kept = append(kept, id)
				}
			}
			checkRows(t, tb, db.DB, kept)
			var even []string
			for i, id := range awkwardIDs {
				if i%2 == 0 {
					even = append(even, id)
				}
			}
			if err := tb.Replace(ctx, db.DB, kept, even); err != nil {
				t.Fatal(err)
			}
			checkRows(t, tb, db.DB, even)
			// Each row matches its own id in a bound comparison, and only it.
			for _, id := range even {
				var n int
				q := "SELECT count(*) FROM alembic_version WHERE version_num = " + tb.D.Placeholder(1)
				if err := db.DB.QueryRowContext(ctx, q, id).Scan(&n); err != nil || n != 1 {
					t.Errorf("rows equal to %q: %d %v", id, n, err)
				}
			}

			// History rows: StartHistory, Finish, InsertHistory, SetStatus,
			// SetChecksum, each with awkward text in every text column.
			started := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var want []versiontable.Entry
			for i, s := range awkward {
				id := awkwardIDs[i%len(awkwardIDs)]
				e := versiontable.Entry{Revision: id, Direction: "upgrade", Status: versiontable.StatusRunning,
					Checksum: "sum" + s, Path: "versions/" + s + ".sql", StartedAt: started, Statements: 3,
					AppliedBy: s + "@host", Version: "v" + s, Tag: s, Changes: "I::" + id}
				nid, err := tb.StartHistory(ctx, db.DB, e)
				if err != nil {
					t.Fatalf("start %q: %v", s, err)
				}
				e.ID = nid
				e.Status, e.Success, e.Executed, e.FinishedAt = versiontable.StatusFailed, false, 1, started.Add(time.Second)
				e.Error, e.FailedLine, e.FailedSQL = "error: "+s, 7, "INSERT INTO t VALUES ('"+s+"')"
				if err := tb.Finish(ctx, db.DB, e); err != nil {
					t.Fatalf("finish %q: %v", s, err)
				}
				if i%3 == 0 {
					e.Status, e.Success = versiontable.StatusResolvedApplied, true
					if err := tb.SetStatus(ctx, db.DB, e.ID, e.Status, e.Success); err != nil {
						t.Fatal(err)
					}
					e.Checksum, e.Path = "now"+s, "versions/now"+s+".sql"
					if err := tb.SetChecksum(ctx, db.DB, e.ID, e.Checksum, e.Path); err != nil {
						t.Fatal(err)
					}
				}
				want = append(want, e)
			}
			var batch []versiontable.Entry
			for _, s := range awkward {
				batch = append(batch, versiontable.Entry{Revision: "b", Direction: "stamp", Status: versiontable.StatusDone,
					Success: true, Path: s, StartedAt: started, FinishedAt: started, AppliedBy: s, Version: s, Tag: s,
					Changes: "I::b", Error: s, FailedSQL: s})
			}
			if err := tb.InsertHistory(ctx, db.DB, batch); err != nil {
				t.Fatal(err)
			}
			got, err := tb.Entries(ctx, db.DB)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want)+len(batch) {
				t.Fatalf("%d history rows, want %d", len(got), len(want)+len(batch))
			}
			for i, w := range append(want, batch...) {
				g := got[i]
				g.ID, w.ID = 0, 0
				g.StartedAt, g.FinishedAt, w.StartedAt, w.FinishedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
				if g != w {
					t.Errorf("history row %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
			sums, err := tb.Checksums(ctx, db.DB)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				if w.Success && sums[w.Revision] != w.Checksum {
					t.Errorf("checksum of %q: %q, want %q", w.Revision, sums[w.Revision], w.Checksum)
				}
			}
		})
	}
}

func checkRows(t *testing.T, tb *versiontable.Tables, db *sql.DB, want []string) {
	t.Helper()
	got, _, err := tb.Rows(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	want = slices.Clone(want)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("version rows %q, want %q", got, want)
	}
}
