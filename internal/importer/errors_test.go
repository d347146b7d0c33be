package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/script"
)

// folder writes files (name → content) into a new folder.
func folder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadRefuses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, format string
		files        map[string]string
		want         string
	}{
		{"goose without Up", "goose", map[string]string{"1_a.sql": "CREATE TABLE a (id int);\n"}, `1_a.sql:1: SQL before "-- +goose Up"`},
		{"goose comments only", "goose", map[string]string{"1_a.sql": "-- nothing\n"}, `no "-- +goose Up" annotation`},
		{"goose two Ups", "goose", map[string]string{"1_a.sql": "-- +goose Up\nSELECT 1;\n-- +goose Up\n"}, `1_a.sql:3: a second "-- +goose Up"`},
		{"goose unknown annotation", "goose", map[string]string{"1_a.sql": "-- +goose Up\n-- +goose Sideways\n"}, `1_a.sql:2: unknown goose annotation "-- +goose Sideways"`},
		{"goose same version", "goose", map[string]string{"1_a.sql": "-- +goose Up\nSELECT 1;\n", "001_b.sql": "-- +goose Up\nSELECT 1;\n"}, "have the same version 1"},
		{"goose version 0", "goose", map[string]string{"0_a.sql": "-- +goose Up\nSELECT 1;\n"}, "version 0 is not a number goose accepts"},
		{"goose unbalanced block", "goose", map[string]string{"1_a.sql": "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n"}, "does not read back"},
		{"empty folder", "goose", map[string]string{"README": "x"}, "holds no goose migration"},
		{"migrate down without up", "migrate", map[string]string{"1_a.down.sql": "DROP TABLE a;"}, "has no up migration beside it"},
		{"migrate two ups", "migrate", map[string]string{"1_a.up.sql": "SELECT 1;", "01_b.up.sql": "SELECT 2;"}, "are both the up migration of version 1"},
		{"dbmate without up", "dbmate", map[string]string{"1_a.sql": "-- migrate:down\nSELECT 1;\n"}, `"-- migrate:down" before "-- migrate:up"`},
		{"dbmate SQL outside", "dbmate", map[string]string{"1_a.sql": "SELECT 1;\n-- migrate:up\n"}, `1_a.sql:1: SQL before "-- migrate:up"`},
		{"dbmate unknown block", "dbmate", map[string]string{"1_a.sql": "-- migrate:sideways\n"}, `1_a.sql:1: unknown dbmate block`},
		{"dbmate two downs", "dbmate", map[string]string{"1_a.sql": "-- migrate:up\n-- migrate:down\n-- migrate:down\n"}, `1_a.sql:3: a second "-- migrate:down"`},
		{"atlas changed file", "atlas", map[string]string{"1_a.sql": "SELECT 1;\n", "atlas.sum": atlasSumOf(map[string]string{"1_a.sql": "SELECT 2;\n"})}, "1_a.sql does not match"},
		{"atlas file not listed", "atlas", map[string]string{"1_a.sql": "SELECT 1;\n", "2_b.sql": "SELECT 2;\n", "atlas.sum": atlasSumOf(map[string]string{"1_a.sql": "SELECT 1;\n"})}, "2_b.sql is not listed in"},
		{"atlas sum edited", "atlas", map[string]string{"1_a.sql": "SELECT 1;\n", "atlas.sum": "h1:AAAA\n1_a.sql h1:BBBB\n"}, "does not sum its own lines"},
		{"atlas bad txmode", "atlas", map[string]string{"1_a.sql": "-- atlas:txmode sometimes\n\nSELECT 1;\n"}, `unknown atlas:txmode "sometimes"`},
		{"atlas version not an id", "atlas", map[string]string{"v1@x_a.sql": "SELECT 1;\n", "v1:x_b.sql": "SELECT 1;\n"}, "both become revision id v1_x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := folder(t, c.files)
			revs, _, err := Read(c.format, dir)
			if err == nil {
				// Some refusals come when the files are rendered.
				_, err = Plan(revs, Target{Dir: t.TempDir()})
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestReadBadPath(t *testing.T) {
	t.Parallel()
	if _, _, err := Read("goose", filepath.Join(t.TempDir(), "nope")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	file := filepath.Join(t.TempDir(), "f.sql")
	os.WriteFile(file, nil, 0o644)
	if _, _, err := Read("dbmate", file); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("a file: %v", err)
	}
	if _, _, err := Read("flyway", t.TempDir()); err == nil || !strings.Contains(err.Error(), `unknown format "flyway"`) {
		t.Errorf("unknown format: %v", err)
	}
}

// atlasSumOf is the atlas.sum Atlas writes for files.
func atlasSumOf(files map[string]string) string {
	dir, _ := os.MkdirTemp("", "atlassum")
	defer os.RemoveAll(dir)
	for n, c := range files {
		os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644)
	}
	return AtlasSum(dir)
}

func TestGooseOrderIsNumeric(t *testing.T) {
	t.Parallel()
	dir := folder(t, map[string]string{
		"10_c.sql": "-- +goose Up\nSELECT 10;\n",
		"9_b.sql":  "-- +goose Up\nSELECT 9;\n",
		"1_a.sql":  "-- +goose Up\nSELECT 1;\n",
	})
	revs, _, err := Read("goose", dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range revs {
		ids = append(ids, r.File.ID+"<"+strings.Join(r.File.Parents, ","))
	}
	if got := strings.Join(ids, " "); got != "1< 9<1 10<9" {
		t.Errorf("order: %s", got)
	}
}

// TestImportedFilesParse: every revision of every test folder renders to a
// file that parses, and upgrade refuses exactly those with a manual block
// in a section.
func TestImportedManualBlocksRefuse(t *testing.T) {
	t.Parallel()
	for _, format := range Formats() {
		revs, _, err := Read(format, filepath.Join("testdata", format))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range revs {
			sc, err := script.Parse("x.sql", script.Render(r.File))
			if err != nil {
				t.Fatal(err)
			}
			for _, down := range []bool{false, true} {
				want := false
				for _, m := range r.Manual {
					want = want || (m.Section == "downgrade") == down
				}
				if got := sc.CheckManual("x.sql", down) != nil; got != want {
					t.Errorf("%s (down %v): refused %v, want %v", r.Source, down, got, want)
				}
			}
		}
	}
}
