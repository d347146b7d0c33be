package versiontable_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// FuzzBoundValues: any text (valid UTF-8 without NUL, which PostgreSQL's
// text refuses; up to 255 characters, the narrowest column) written as a
// version row (its first 32 characters) or into every text column of a
// history row reads back byte for byte, on every dialect, the servers set
// to read string literals unlike their default.
// The seeds run as a normal test; `go test -fuzz FuzzBoundValues` explores.
func FuzzBoundValues(f *testing.F) {
	for _, s := range append(append([]string{}, awkward...), awkwardIDs...) {
		f.Add(s)
	}
	ctx := context.Background()
	type target struct {
		name string
		db   *testutil.DB
		tb   *versiontable.Tables
	}
	var targets []target
	for _, dn := range testutil.Dialects() {
		db := testutil.NewHostile(f, dn)
		tb := &versiontable.Tables{D: dialectFor(dn), Name: "alembic_version", History: "retort_history"}
		if _, err := tb.Ensure(ctx, db.DB); err != nil {
			f.Fatal(err)
		}
		if err := tb.EnsureHistory(ctx, db.DB); err != nil {
			f.Fatal(err)
		}
		targets = append(targets, target{dn, db, tb})
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || utf8.RuneCountInString(s) > 255 {
			t.Skip()
		}
		for _, tg := range targets {
			id := s
			if utf8.RuneCountInString(id) > 32 {
				id = string([]rune(id)[:32])
			}
			if id != "" {
				if err := tg.tb.Apply(ctx, tg.db.DB, versiontable.Change{Op: versiontable.Insert, To: id}); err != nil {
					t.Fatalf("%s: insert %q: %v", tg.name, id, err)
				}
				rows, _, err := tg.tb.Rows(ctx, tg.db.DB)
				if err != nil || len(rows) != 1 || rows[0] != id {
					t.Fatalf("%s: rows %q %v, want [%q]", tg.name, rows, err, id)
				}
				if err := tg.tb.Apply(ctx, tg.db.DB, versiontable.Change{Op: versiontable.Delete, From: id}); err != nil {
					t.Fatalf("%s: delete %q: %v", tg.name, id, err)
				}
			}
			e := versiontable.Entry{Revision: id, Direction: "upgrade", Status: versiontable.StatusRunning, Checksum: "x",
				Path: s, AppliedBy: s, Tag: s, Changes: s, Error: s, FailedSQL: s, StartedAt: time.Unix(1e9, 0)}
			nid, err := tg.tb.StartHistory(ctx, tg.db.DB, e)
			if err != nil {
				t.Fatalf("%s: start: %v", tg.name, err)
			}
			e.ID, e.Status = nid, versiontable.StatusFailed
			e.Error, e.FailedSQL = s+s, s+"!"
			if err := tg.tb.Finish(ctx, tg.db.DB, e); err != nil {
				t.Fatalf("%s: finish: %v", tg.name, err)
			}
			u, err := tg.tb.Unresolved(ctx, tg.db.DB)
			if err != nil || u == nil {
				t.Fatalf("%s: unresolved %v %v", tg.name, u, err)
			}
			if u.ID != nid || u.Revision != id || u.Path != s || u.AppliedBy != s || u.Tag != s || u.Changes != s ||
				u.Error != s+s || u.FailedSQL != s+"!" {
				t.Fatalf("%s: read back %+v", tg.name, u)
			}
			if err := tg.tb.SetStatus(ctx, tg.db.DB, nid, versiontable.StatusResolvedRolledBack, false); err != nil {
				t.Fatal(err)
			}
		}
	})
}
