package script

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/revision"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with the file at path, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept)\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestParseErrorsGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/parse/bad/*.sql")
	if err != nil || len(files) < 20 {
		t.Fatalf("want the bad-file corpus, got %d files (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			name := "versions/" + filepath.Base(file)
			s, err := Parse(name, data)
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", s.Revision)
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			if e.Path != name || e.Line < 1 {
				t.Errorf("error names %s:%d, want %s and a line", e.Path, e.Line, name)
			}
			golden(t, strings.TrimSuffix(file, ".sql")+".err", []byte(err.Error()+"\n"))

			// Header errors must surface from ParseHeader too, with the same text.
			if _, herr := ParseHeader(name, data); herr != nil && herr.Error() != err.Error() {
				t.Errorf("ParseHeader error %q differs from Parse error %q", herr, err)
			}
		})
	}
}

// dump is a stable JSON view of a parsed script for golden files.
func dump(s *Script) []byte {
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

func TestParseGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/parse/ok/*.sql")
	if err != nil || len(files) < 5 {
		t.Fatalf("want the good-file corpus, got %d files (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Parse(file, data)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(file, ".sql")+".json", dump(s))
			rev, err := ParseHeader(file, data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rev, s.Revision) {
				t.Errorf("ParseHeader = %+v, Parse gives %+v", rev, s.Revision)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/parse/ok/merge_with_labels.sql")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse("m.sql", data)
	if err != nil {
		t.Fatal(err)
	}
	r := s.Revision
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("ID", r.ID, "53fffde5ad5c")
	check("Parents", r.Parents, []string{"ae1027a6acf0", "27c6a30d7c24"})
	check("BranchLabels", r.BranchLabels, []string{"shoppingcart", "billing"})
	check("DependsOn", r.DependsOn, []string{"1975ea83b712", "accounts"})
	check("Message", r.Message, "Merge the billing and accounts branches.")
	check("Script.Message", s.Message, "Merge the billing and accounts branches.\n\nBoth branches touched the users table; this merge point\norders them.")
	check("CreateDate", s.CreateDate, "2026-11-25 18:08:55.605101+00:00")
	check("Path", r.Path, "m.sql")
	if !strings.HasPrefix(r.Doc, s.Message+"\n\nRevision ID: 53fffde5ad5c\nRevises: ae1027a6acf0, 27c6a30d7c24\n") ||
		!strings.HasSuffix(r.Doc, "Reviewed-by: someone (free text after the fields is kept in the doc)") {
		t.Errorf("Doc = %q", r.Doc)
	}
	check("upgrade statements", len(s.Upgrade.Statements), 0)
	check("downgrade line", s.Downgrade.Line, 15)
}

const sample = "-- Add a.\n--\n-- Revision ID: abc\n-- Revises:\n\n-- +retort upgrade\nCREATE TABLE a (\n  id int\n);\n\n-- +retort downgrade\nDROP TABLE a;\n"

func TestParseCRLFAndBOM(t *testing.T) {
	t.Parallel()
	want, err := Parse("x.sql", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(sample, "\n", "\r\n")
	got, err := Parse("x.sql", []byte(crlf))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CRLF file parses differently:\n%s\nwant\n%s", dump(got), dump(want))
	}
	if got.Upgrade.Statements[0].SQL != "CREATE TABLE a (\n  id int\n)" || got.Upgrade.Statements[0].Line != 7 {
		t.Errorf("statement = %+v", got.Upgrade.Statements[0])
	}
}

func TestChecksum(t *testing.T) {
	t.Parallel()
	sum := func(text string) string {
		t.Helper()
		s, err := Parse("x.sql", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return s.Checksum
	}
	base := sum(sample)
	// The body from the first marker is what is hashed.
	body := sample[strings.Index(sample, "-- +retort upgrade"):]
	if want := sha256hex(body); base != want {
		t.Errorf("checksum %s, want sha256 of the body %s", base, want)
	}
	if got := sum(strings.Replace(sample, "Add a.", "Add table a, reworded.", 1)); got != base {
		t.Error("editing the message changed the checksum")
	}
	if got := sum(strings.ReplaceAll(sample, "\n", "\r\n")); got != base {
		t.Error("CRLF line endings changed the checksum")
	}
	if got := sum(strings.Replace(sample, "id int", "id bigint", 1)); got == base {
		t.Error("editing the upgrade SQL kept the checksum")
	}
	if got := sum(strings.Replace(sample, "DROP TABLE a;", "DROP TABLE a; -- bye", 1)); got == base {
		t.Error("editing the downgrade kept the checksum")
	}
	withNoTx := strings.Replace(sample, "\n\n-- +retort upgrade", "\n-- +retort no-transaction\n-- +retort upgrade", 1)
	if got := sum(withNoTx); got == base || got != sha256hex(withNoTx[strings.Index(withNoTx, "-- +retort no-transaction"):]) {
		t.Error("a file-level no-transaction line must be covered by the checksum")
	}
}

func TestParseNoTransaction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name               string
		text               string
		file, up, down     bool
		upStmts, downStmts int
	}{
		{"none", sample, false, false, false, 1, 1},
		{"file", strings.Replace(sample, "\n-- +retort upgrade", "-- +retort no-transaction\n\n-- +retort upgrade", 1), true, true, true, 1, 1},
		{"upgrade", strings.Replace(sample, "-- +retort upgrade\n", "-- +retort upgrade\n-- why: CONCURRENTLY\n\n-- +retort NO-TRANSACTION\n", 1), false, true, false, 1, 1},
		{"downgrade", strings.Replace(sample, "-- +retort downgrade\n", "-- +retort downgrade\n-- +retort no-transaction\n", 1), false, false, true, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Parse("x.sql", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if s.NoTransaction != tt.file || s.Upgrade.NoTransaction != tt.up || s.Downgrade.NoTransaction != tt.down {
				t.Errorf("no-transaction file/up/down = %v/%v/%v, want %v/%v/%v",
					s.NoTransaction, s.Upgrade.NoTransaction, s.Downgrade.NoTransaction, tt.file, tt.up, tt.down)
			}
			if len(s.Upgrade.Statements) != tt.upStmts || len(s.Downgrade.Statements) != tt.downStmts {
				t.Errorf("statements %d/%d", len(s.Upgrade.Statements), len(s.Downgrade.Statements))
			}
		})
	}
}

func TestParseHeaderStopsAtMarker(t *testing.T) {
	t.Parallel()
	// Garbage after the header (even invalid UTF-8 and broken SQL) is not read.
	data := []byte("-- M.\n--\n-- Revision ID: abc\n-- Revises: def\n-- +retort upgrade\n'unterminated \xff\n-- +retort bogus\n")
	r, err := ParseHeader("x.sql", data)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "abc" || !reflect.DeepEqual(r.Parents, []string{"def"}) || r.Message != "M." {
		t.Errorf("ParseHeader = %+v", r)
	}
	if _, err := Parse("x.sql", data); err == nil {
		t.Error("Parse accepted a broken body")
	}
}

func TestParseMessageEdgeCases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, header, msg, full string
	}{
		{"no message", "-- Revision ID: a\n", "", ""},
		{"message lines before fields", "-- Revises: not a field here\n--\n-- Revision ID: a\n", "Revises: not a field here", "Revises: not a field here"},
		{"earlier Revision ID lines are message", "-- Revision ID: x\n--\n-- Revision ID: a\n", "Revision ID: x", "Revision ID: x"},
		{"fields above Revision ID belong to the block", "-- M\n--\n-- Revises: p\n-- Revision ID: a\n", "M", "M"},
		{"indentation kept after the first line", "--   Title\n--     indented\n--\n-- more\n--\n-- Revision ID: a\n", "Title\n    indented", "Title\n    indented\n\nmore"},
		{"case-insensitive keys", "-- M\n--\n-- revision id: a\n-- REVISES: p\n", "M", "M"},
		{"leading blank lines", "\n\n-- M\n-- Revision ID: a\n", "M", "M"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Parse("x.sql", []byte(tt.header+"\n-- +retort upgrade\n"))
			if err != nil {
				t.Fatal(err)
			}
			if s.Revision.ID != "a" || s.Revision.Message != tt.msg || s.Message != tt.full {
				t.Errorf("ID %q Message %q full %q; want a, %q, %q", s.Revision.ID, s.Revision.Message, s.Message, tt.msg, tt.full)
			}
			if tt.name == "fields above Revision ID belong to the block" && !reflect.DeepEqual(s.Revision.Parents, []string{"p"}) {
				t.Errorf("Parents = %q", s.Revision.Parents)
			}
		})
	}
}

func sha256hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func FuzzParse(f *testing.F) {
	for _, s := range parseSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.sql", data)
		h, herr := ParseHeader("f.sql", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			return
		}
		if herr != nil {
			t.Fatalf("Parse succeeded but ParseHeader failed: %v", herr)
		}
		if !reflect.DeepEqual(h, s.Revision) {
			t.Fatalf("ParseHeader = %+v, Parse = %+v", h, s.Revision)
		}
		if len(s.Checksum) != 64 || s.Upgrade.Line == 0 {
			t.Fatalf("checksum %q, upgrade line %d", s.Checksum, s.Upgrade.Line)
		}
	})
}

func FuzzParseHeader(f *testing.F) {
	for _, s := range parseSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseHeader("f.sql", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			return
		}
		checkAcceptedHeader(t, r)
		if _, end, _ := headerExtent(data); bytes.IndexByte(data[:end], 0) >= 0 {
			t.Fatalf("accepted a header holding a NUL byte: %q", data[:end])
		}
		// What Load reads (the header extent) must give the same revision.
		_, end, _ := headerExtent(data)
		r2, err := ParseHeader("f.sql", data[:end])
		if err != nil || !reflect.DeepEqual(r, r2) {
			t.Fatalf("header extent parses to %+v, %v; whole file to %+v", r2, err, r)
		}
	})
}

// parseSeeds returns the test files as fuzz seeds.
func parseSeeds(tb testing.TB) [][]byte {
	files, err := filepath.Glob("testdata/parse/*/*.sql")
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return append(out, []byte(sample), []byte(strings.ReplaceAll(sample, "\n", "\r\n")))
}

// checkAcceptedHeader is what every accepted header guarantees: an id that
// fits the version table and names no path, and lists without repeats or
// self-references.
func checkAcceptedHeader(t *testing.T, r *revision.Revision) {
	t.Helper()
	if r.ID == "" || revision.ValidateID(r.ID) != nil || utf8.RuneCountInString(r.ID) > revision.MaxIDLength ||
		strings.ContainsAny(r.ID, "/\\\x00") || strings.Contains(r.ID, "..") {
		t.Fatalf("accepted id %q", r.ID)
	}
	for _, l := range [][]string{r.Parents, r.DependsOn, r.BranchLabels} {
		for i, x := range l {
			if slices.Contains(l[:i], x) {
				t.Fatalf("accepted %q twice in %q", x, l)
			}
		}
	}
	for _, p := range r.Parents {
		if p == r.ID || revision.ValidateID(p) != nil {
			t.Fatalf("accepted parent %q of %q", p, r.ID)
		}
	}
	if slices.Contains(r.DependsOn, r.ID) {
		t.Fatalf("accepted %q depending on itself", r.ID)
	}
}

// FuzzHeaderFields fuzzes the field values of a well-formed header, where
// random bytes rarely reach: whatever is accepted holds checkAcceptedHeader,
// and an id over 32 characters or naming a path is always refused.
func FuzzHeaderFields(f *testing.F) {
	for _, c := range [][4]string{
		{"1f3a9c2b7d4e", "", "", ""}, {"abc", "b0, b0", "", ""}, {"abc", "abc", "", ""}, {"abc", "b0", "c0,c0", ""},
		{"abc", "b0", "abc", ""}, {"sub/dir", "", "", ""}, {"a\\b", "", "", ""}, {"a..b", "", "", ""}, {".a", "", "", ""},
		{strings.Repeat("a", 53), "", "", ""}, {strings.Repeat("é", 33), "", "", ""}, {"a\x00b", "", "", ""},
		{"abc", "b0,b1 ,b2", "x, y", "l1, l2"}, {"abc", "", "", "l, l"}, {"a b", "", "", ""}, {"abc", "x/y", "", ""},
	} {
		f.Add(c[0], c[1], c[2], c[3])
	}
	f.Fuzz(func(t *testing.T, id, revises, deps, labels string) {
		data := "-- Fuzzed.\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises + "\n-- Create Date:\n-- Branch Labels: " +
			labels + "\n-- Depends On: " + deps + "\n\n-- +retort upgrade\nSELECT 1;\n"
		r, err := ParseHeader("f.sql", []byte(data))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			return
		}
		checkAcceptedHeader(t, r)
		if tid := strings.TrimSpace(id); !strings.ContainsAny(id, "\r\n") && r.ID == tid &&
			(utf8.RuneCountInString(tid) > revision.MaxIDLength || strings.ContainsAny(tid, "/\\")) {
			t.Fatalf("accepted id %q", tid)
		}
	})
}

func TestCheckUpgrade(t *testing.T) {
	t.Parallel()
	render := func(f NewFile) string { return string(Render(f)) }
	cases := []struct {
		name string
		file string
		line int // of the refusal; 0: accepted
	}{
		{"unedited template", render(NewFile{ID: "abc", Parents: []string{"p"}}), 9},
		{"unedited base", render(NewFile{ID: "abc"}), 9},
		{"comments only", "-- Revision ID: abc\n\n-- +retort upgrade\n-- TODO\n/* later */\n\n-- +retort downgrade\nDROP TABLE a;\n", 3},
		{"only a downgrade", "-- Revision ID: abc\n\n-- +retort downgrade\nDROP TABLE a;\n-- +retort upgrade\n", 5},
		{"marked empty", "-- Revision ID: abc\n\n-- +retort upgrade\n-- +retort empty\n-- +retort downgrade\n", 0},
		{"marked empty, any case, after no-transaction", "-- Revision ID: abc\n\n-- +retort upgrade\n-- +retort no-transaction\n-- +Retort Empty\n", 0},
		{"merge point", render(NewFile{ID: "abc", Parents: []string{"p1", "p2"}}), 0},
		{"has SQL", render(NewFile{ID: "abc", Upgrade: "SELECT 1;"}), 0},
		{"downgrade empty is fine", render(NewFile{ID: "abc", Upgrade: "SELECT 1;", Downgrade: ""}), 0},
	}
	for _, c := range cases {
		s, err := Parse("versions/abc.sql", []byte(c.file))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		err = s.CheckUpgrade("shown/abc.sql")
		if c.line == 0 {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		want := fmt.Sprintf("shown/abc.sql:%d: the upgrade section holds no SQL statement (an unedited template?)", c.line)
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), `"-- +retort empty"`) {
			t.Errorf("%s: %v, want %q…", c.name, err, want)
		}
	}
}

func TestCheckManual(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		file     string
		up, down int // line of the refusal; 0: accepted
	}{
		{"none", "-- Revision ID: abc\n\n-- +retort upgrade\nSELECT 1;\n-- +retort downgrade\nSELECT 2;\n", 0, 0},
		{"in upgrade only", "-- Revision ID: abc\n\n-- +retort upgrade\nSELECT 1;\n-- +retort manual\n-- x\n-- +retort downgrade\nSELECT 2;\n", 5, 0},
		{"in downgrade only", "-- Revision ID: abc\n\n-- +retort upgrade\nSELECT 1;\n-- +retort downgrade\n-- +Retort Manual\n-- x\n", 0, 6},
		{"both, first named", "-- Revision ID: abc\n\n-- +retort upgrade\n-- +retort manual\n-- +retort manual\n-- +retort downgrade\n-- +retort manual\n", 4, 7},
		{"in an empty section", "-- Revision ID: abc\n\n-- +retort upgrade\n-- +retort empty\n-- +retort manual\n", 5, 0},
	}
	for _, c := range cases {
		s, err := Parse("versions/abc.sql", []byte(c.file))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for _, down := range []bool{false, true} {
			line, name := c.up, "upgrade"
			if down {
				line, name = c.down, "downgrade"
			}
			err := s.CheckManual("shown/abc.sql", down)
			if line == 0 {
				if err != nil {
					t.Errorf("%s, %s: %v", c.name, name, err)
				}
				continue
			}
			want := fmt.Sprintf("shown/abc.sql:%d: the %s section holds a block left by retort import", line, name)
			if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "delete the marker") {
				t.Errorf("%s, %s: %v, want %q…", c.name, name, err, want)
			}
		}
	}
}
