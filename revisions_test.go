package retort_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/testutil"
)

// writeDir writes graphFS's files into a temporary script location and
// returns its versions directory.
func writeDir(t *testing.T, specs ...spec) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "versions")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, f := range graphFS(specs...) {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func openDirs(t *testing.T, dir string) *retort.Migrator {
	t.Helper()
	m, err := retort.Open(context.Background(), nil, nil, retort.WithDialect("sqlite"),
		retort.WithVersionDirs(dir), retort.WithScriptLocation(filepath.Dir(dir)))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The library writes the same bytes `retort revision` does.
func TestNewRevisionFile(t *testing.T) {
	t.Parallel()
	dir := writeDir(t, linear("a1")...)
	m := openDirs(t, dir)
	when := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	path, rev, err := m.NewRevision(retort.RevisionOptions{
		Message: "Add users table", RevID: "b2", BranchLabels: []string{"users"}, DependsOn: []string{"a1"}, Time: when,
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "b2_add_users_table.sql"); path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `-- Add users table
--
-- Revision ID: b2
-- Revises: a1
-- Create Date: 2026-03-04 05:06:07+00:00
-- Branch Labels: users
-- Depends On: a1

-- +retort upgrade
-- Write the upgrade SQL here (a revision meant to do nothing says so with a line "-- +retort empty").

-- +retort downgrade
-- Write the downgrade SQL here.
`
	if string(data) != want {
		t.Errorf("file:\n%s\nwant:\n%s", data, want)
	}
	if rev.ID != "b2" || !slices.Equal(rev.Parents, []string{"a1"}) || !rev.Head || rev.Path != path ||
		!slices.Equal(rev.BranchLabels, []string{"users"}) || !slices.Equal(rev.DependsOn, []string{"a1"}) {
		t.Errorf("revision %+v", rev)
	}
	// A new Migrator sees it as the head.
	heads := openDirs(t, dir).Heads()
	if len(heads) != 1 || heads[0].ID != "b2" {
		t.Errorf("heads %+v", heads)
	}
}

// A revision made with NewRevision runs on every dialect.
func TestNewRevisionRuns(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		dir := writeDir(t, linear("a1")...)
		m := openDirs(t, dir)
		if _, _, err := m.NewRevision(retort.RevisionOptions{Message: "more", RevID: "b2",
			Upgrade: "CREATE TABLE t_b2 (id INTEGER);", Downgrade: "DROP TABLE t_b2;"}); err != nil {
			t.Fatal(err)
		}
		m2, err := retort.Open(ctx, db.DB.DB, nil, retort.WithVersionDirs(dir), retort.WithScriptLocation(filepath.Dir(dir)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m2.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if got := db.rows(); !slices.Equal(got, []string{"b2"}) {
			t.Errorf("rows %v", got)
		}
		if got := db.tables(); !slices.Contains(got, "t_b2") || !slices.Contains(got, "t_a1") {
			t.Errorf("tables %v", got)
		}
		hist := queryStrings(t, db.DB.DB, "SELECT revision FROM retort_history ORDER BY id")
		if !slices.Equal(hist, []string{"a1", "b2"}) {
			t.Errorf("history rows %v", hist)
		}
	})
}

// Every refusal leaves the directory as it was.
func TestNewRevisionRefusals(t *testing.T) {
	t.Parallel()
	// a1 <- b2 (head), a1 <- c3 (head): two heads, a1 not a head.
	specs := []spec{{id: "a1"}, {id: "b2", parents: "a1", labels: "lb"}, {id: "c3", parents: "a1"}}
	cases := []struct {
		name string
		o    retort.RevisionOptions
		want string
		is   error
	}{
		{"multiple heads", retort.RevisionOptions{Message: "x"}, retort.MultipleHeadsMessage, retort.ErrMultipleHeads},
		{"not a head", retort.RevisionOptions{Head: "a1"}, "Revision a1 is not a head revision", nil},
		{"id in use", retort.RevisionOptions{Head: "b2", RevID: "c3"}, "Revision id c3 is already used by", nil},
		{"bad id", retort.RevisionOptions{Head: "b2", RevID: "a b"}, "", nil},
		{"id with at", retort.RevisionOptions{Head: "b2", RevID: "x@y"}, "", nil},
		{"blank head", retort.RevisionOptions{Head: " "}, "", retort.ErrBlankTarget},
		{"blank merge", retort.RevisionOptions{Merge: []string{"b2", ""}}, "", retort.ErrBlankTarget},
		{"blank depends", retort.RevisionOptions{Head: "b2", DependsOn: []string{"\t"}}, "", retort.ErrBlankTarget},
		{"unknown head", retort.RevisionOptions{Head: "zz"}, "zz", nil},
		{"head and merge", retort.RevisionOptions{Head: "b2", Merge: []string{"b2", "c3"}}, "not both", nil},
		{"duplicate heads", retort.RevisionOptions{Merge: []string{"b2", "b2"}}, "Duplicate head revisions specified", nil},
		{"label in use", retort.RevisionOptions{Head: "b2", BranchLabels: []string{"lb"}}, "lb", nil},
		{"dependency twice", retort.RevisionOptions{Head: "b2", DependsOn: []string{"b2", "lb"}}, "a second time", nil},
		{"unknown dir", retort.RevisionOptions{Head: "b2", Dir: "/nowhere"}, "is not represented in current version locations", nil},
		{"bad template", retort.RevisionOptions{Head: "b2", FileTemplate: "%(nope)s"}, "file_template", nil},
		{"template not UTF-8", retort.RevisionOptions{Head: "b2", FileTemplate: "\xd3/%(rev)s"}, "UTF-8", nil},
		{"escaping template", retort.RevisionOptions{Head: "b2", FileTemplate: "../%(rev)s"}, "file_template", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := writeDir(t, specs...)
			before := listDir(t, dir)
			m := openDirs(t, dir)
			path, _, err := m.NewRevision(c.o)
			if err == nil {
				t.Fatalf("wrote %s", path)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to contain %q", err, c.want)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
			if after := listDir(t, dir); !slices.Equal(before, after) {
				t.Errorf("directory changed: %v -> %v", before, after)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "nope")); err == nil {
				t.Error("a file was written outside the directory")
			}
		})
	}
}

// Splice, merge and base all build the graph Alembic would.
func TestNewRevisionShapes(t *testing.T) {
	t.Parallel()
	specs := []spec{{id: "a1"}, {id: "b2", parents: "a1"}, {id: "c3", parents: "a1"}}
	cases := []struct {
		o       retort.RevisionOptions
		parents []string
	}{
		{retort.RevisionOptions{Head: "a1", Splice: true}, []string{"a1"}},
		{retort.RevisionOptions{Head: "heads"}, []string{"b2", "c3"}},
		{retort.RevisionOptions{Merge: []string{"b2", "c3"}}, []string{"b2", "c3"}},
		{retort.RevisionOptions{Head: "base"}, nil},
		{retort.RevisionOptions{Head: "b2"}, []string{"b2"}},
	}
	for _, c := range cases {
		dir := writeDir(t, specs...)
		m := openDirs(t, dir)
		_, rev, err := m.NewRevision(c.o)
		if err != nil {
			t.Fatalf("%+v: %v", c.o, err)
		}
		if !slices.Equal(rev.Parents, c.parents) {
			t.Errorf("%+v: parents %v, want %v", c.o, rev.Parents, c.parents)
		}
		if _, err := openDirs(t, dir).Revision(rev.ID); err != nil {
			t.Errorf("%+v: the new revision does not load: %v", c.o, err)
		}
	}
}

// An fs.FS cannot be written: NewRevision asks for a directory, or writes
// to the one given.
func TestNewRevisionFS(t *testing.T) {
	t.Parallel()
	m, err := retort.Open(context.Background(), nil, graphFS(linear("a1")...), retort.WithDialect("sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := m.NewRevision(retort.RevisionOptions{}); err == nil || !strings.Contains(err.Error(), "RevisionOptions.Dir") {
		t.Errorf("no directory: %v", err)
	}
	dir := t.TempDir()
	path, rev, err := m.NewRevision(retort.RevisionOptions{Dir: dir, RevID: "b2", Message: "next"})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || !slices.Equal(rev.Parents, []string{"a1"}) {
		t.Errorf("path %s, revision %+v", path, rev)
	}
}

// The read-only views describe the graph without exposing it.
func TestRevisionViews(t *testing.T) {
	t.Parallel()
	// a1 -> b2, a1 -> c3 (branch point a1), d4 merges b2 and c3.
	specs := []spec{{id: "a1"}, {id: "b2", parents: "a1", labels: "lb"}, {id: "c3", parents: "a1", deps: "b2"}, {id: "d4", parents: "b2 c3"}}
	m, err := retort.Open(context.Background(), nil, graphFS(specs...), retort.WithDialect("sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	heads := m.Heads()
	if len(heads) != 1 || heads[0].ID != "d4" || !heads[0].MergePoint || !heads[0].Head {
		t.Errorf("heads %+v", heads)
	}
	var ids []string
	by := map[string]retort.Revision{}
	for _, r := range m.History() {
		ids = append(ids, r.ID)
		by[r.ID] = r
	}
	if len(ids) != 4 || ids[0] != "d4" || ids[3] != "a1" {
		t.Errorf("history order %v", ids)
	}
	if a := by["a1"]; !a.BranchPoint || a.Head || a.MergePoint || a.Path != "versions/000_a1.sql" {
		t.Errorf("a1 %+v", a)
	}
	if c := by["c3"]; !slices.Equal(c.DependsOn, []string{"b2"}) || c.Message != "rev c3" {
		t.Errorf("c3 %+v", c)
	}
	got, err := m.Revision("lb@head")
	if err != nil || len(got) != 1 || got[0].ID != "d4" {
		t.Errorf("lb@head: %+v %v", got, err)
	}
	if line, ok := m.CurrentLine("d4"); !ok || !strings.HasPrefix(line, "d4 (head) (mergepoint)") {
		t.Errorf("CurrentLine(d4) = %q, %v", line, ok)
	}
	if line, ok := m.CurrentLine("a1"); !ok || !strings.HasPrefix(line, "a1 (branchpoint)") {
		t.Errorf("CurrentLine(a1) = %q, %v", line, ok)
	}
	if line, ok := m.CurrentLine("d"); ok { // ids only, never a prefix or a symbol
		t.Errorf("CurrentLine(d) = %q, want no line", line)
	}
	if _, err := m.Revision(""); !errors.Is(err, retort.ErrBlankTarget) {
		t.Errorf("blank symbol: %v", err)
	}
	// Views are copies.
	heads[0].Parents[0] = "zz"
	if m.Heads()[0].Parents[0] != "b2" {
		t.Error("a view changed the graph")
	}
}

// StampPurge belongs to Stamp; elsewhere it is refused, not ignored, and
// the database is left alone.
func TestStampPurgeOnlyForStamp(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		m := db.open(graphFS(linear("a", "b")...))
		if _, err := m.Upgrade(ctx, "head", retort.StampPurge()); err == nil || !strings.Contains(err.Error(), "StampPurge") {
			t.Errorf("upgrade: %v", err)
		}
		if _, err := m.Downgrade(ctx, "base", retort.StampPurge()); err == nil || !strings.Contains(err.Error(), "StampPurge") {
			t.Errorf("downgrade: %v", err)
		}
		if err := m.EnsureVersion(ctx, retort.StampPurge()); err == nil || !strings.Contains(err.Error(), "StampPurge") {
			t.Errorf("ensure version: %v", err)
		}
		if got := db.tables(); !slices.Equal(got, []string{"runlog"}) {
			t.Errorf("tables %v", got)
		}
		if got := db.log(); len(got) != 0 {
			t.Errorf("runlog %v", got)
		}
		if _, err := m.Stamp(ctx, []string{"b"}, retort.StampPurge()); err != nil {
			t.Fatal(err)
		}
		if got := db.rows(); !slices.Equal(got, []string{"b"}) {
			t.Errorf("rows %v", got)
		}
	})
}

// Open honours its context: a cancelled one loads nothing.
func TestOpenCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := retort.Open(ctx, nil, graphFS(linear("a")...), retort.WithDialect(testutil.SQLite))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
}
