package importer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

func threeRevisions(t *testing.T) []Revision {
	t.Helper()
	revs, _, err := Read("goose", folder(t, map[string]string{
		"1_a.sql": "-- +goose Up\nCREATE TABLE a (id int);\n",
		"2_b.sql": "-- +goose Up\nCREATE TABLE b (id int);\n",
		"3_c.sql": "-- +goose Up\nCREATE TABLE c (id int);\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	return revs
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A file that appears between Plan and Write stops the write, and every
// file written before it is removed: all or nothing, no temporary left.
func TestWriteAllOrNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files, err := Plan(threeRevisions(t), Target{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[2].Path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(files); err == nil || !strings.Contains(err.Error(), "appeared while importing") {
		t.Fatalf("Write: %v", err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{filepath.Base(files[2].Path)}) {
		t.Errorf("folder after a failed write: %v", got)
	}
	if data, _ := os.ReadFile(files[2].Path); string(data) != "mine" {
		t.Errorf("the existing file was replaced: %q", data)
	}

	os.Remove(files[2].Path)
	undo, err := Write(files)
	if err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); len(got) != 3 {
		t.Errorf("written: %v", got)
	}
	if err := undo(); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("after undo: %v", got)
	}
}

// Plan follows file_template, refuses a project with other revisions and
// recognises one that holds exactly this import.
func TestPlanTarget(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	revs := threeRevisions(t)
	files, err := Plan(revs, Target{Dir: dir, FileTemplate: "%(year)d/%(rev)s-%(slug)s", Now: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "2024", "2-b.sql"); files[1].Path != want {
		t.Errorf("path %s, want %s", files[1].Path, want)
	}

	files, err = Plan(revs, Target{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(files); err != nil {
		t.Fatal(err)
	}
	var existing []*revision.Revision
	for _, f := range files {
		r, err := script.ParseHeader(f.Path, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		existing = append(existing, r)
	}
	if _, err := Plan(revs, Target{Dir: dir, Existing: existing}); !errors.Is(err, ErrAlreadyImported) {
		t.Errorf("re-run: %v", err)
	}
	if _, err := Plan(revs[:2], Target{Dir: dir, Existing: existing}); err == nil || !strings.Contains(err.Error(), "the project already has 3 revisions (1, 2, 3)") {
		t.Errorf("other revisions: %v", err)
	}
	os.WriteFile(files[0].Path, []byte("edited"), 0o644)
	if _, err := Plan(revs, Target{Dir: dir, Existing: existing}); err == nil || errors.Is(err, ErrAlreadyImported) {
		t.Errorf("an edited file is not the same import: %v", err)
	}
}
