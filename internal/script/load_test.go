package script

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

//go:embed testdata/embed
var embedded embed.FS

func rev(id, parent, msg string) string {
	return string(Render(NewFile{ID: id, Message: msg, Parents: strings.Fields(parent), CreateDate: renderDate,
		Upgrade: "CREATE TABLE t_" + id + " (id int);", Downgrade: "DROP TABLE t_" + id + ";"}))
}

func ids(s *Set) []string {
	var out []string
	for _, r := range s.Revisions() {
		out = append(out, r.ID)
	}
	return out
}

func paths(s *Set) []string {
	var out []string
	for _, r := range s.Revisions() {
		out = append(out, r.Path)
	}
	return out
}

func mapFS() fstest.MapFS {
	return fstest.MapFS{
		"versions/b_second.sql":       {Data: []byte(rev("bbb", "aaa", "second"))},
		"versions/a_first.sql":        {Data: []byte(rev("aaa", "", "first"))},
		"versions/c_third.sql":        {Data: []byte(rev("ccc", "bbb", "third"))},
		"versions/README.md":          {Data: []byte("not a revision")},
		"versions/.hidden.sql":        {Data: []byte("garbage")},
		"versions/.git/x.sql":         {Data: []byte("garbage")},
		"versions/sub/a_nested.sql":   {Data: []byte(rev("nnn", "ccc", "nested"))},
		"versions/sub/z/deep.sql":     {Data: []byte(rev("ddd", "nnn", "deep"))},
		"versions/zz_last.sql":        {Data: []byte(rev("zzz", "ccc", "last"))},
		"versions/aa_dir.sql/x.sql":   {Data: []byte(rev("xxx", "", "dir named like a file"))},
		"other/0_other.sql":           {Data: []byte(rev("ooo", "", "other location"))},
		"versions/sub/.hidden/h.sql":  {Data: []byte("garbage")},
		"versions/sub/y_after_z.sql":  {Data: []byte(rev("yyy", "nnn", "after"))},
		"versions/sub/z/.deep.sql":    {Data: []byte("garbage")},
		"versions/sub/z/deeper/e.sql": {Data: []byte(rev("eee", "ddd", "deeper"))},
	}
}

func TestLoadMapFS(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		locations []string
		recursive bool
		want      []string
		wantPaths []string
	}{
		{"flat", []string{"versions"}, false, []string{"aaa", "bbb", "ccc", "zzz"},
			[]string{"versions/a_first.sql", "versions/b_second.sql", "versions/c_third.sql", "versions/zz_last.sql"}},
		{"recursive: files first, then subdirectories in name order", []string{"versions/"}, true,
			[]string{"aaa", "bbb", "ccc", "zzz", "xxx", "nnn", "yyy", "ddd", "eee"}, nil},
		{"two locations in the given order", []string{"other", "./versions"}, false, []string{"ooo", "aaa", "bbb", "ccc", "zzz"}, nil},
		{"overlapping locations load a file once", []string{"versions/sub", "versions"}, true,
			[]string{"nnn", "yyy", "ddd", "eee", "aaa", "bbb", "ccc", "zzz", "xxx"}, nil},
		{"no locations", nil, false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := Load(mapFS(), tt.locations, tt.recursive)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(s); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ids = %q, want %q", got, tt.want)
			}
			if tt.wantPaths != nil && !reflect.DeepEqual(paths(s), tt.wantPaths) {
				t.Errorf("paths = %q, want %q", paths(s), tt.wantPaths)
			}
		})
	}
}

func TestSetScript(t *testing.T) {
	t.Parallel()
	fsys := mapFS()
	s, err := Load(fsys, []string{"versions"}, true)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := s.Script("ddd")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Revision.Path != "versions/sub/z/deep.sql" || s.Path("ddd") != sc.Revision.Path {
		t.Errorf("path %q / %q", sc.Revision.Path, s.Path("ddd"))
	}
	if len(sc.Upgrade.Statements) != 1 || sc.Upgrade.Statements[0].SQL != "CREATE TABLE t_ddd (id int)" {
		t.Errorf("upgrade = %+v", sc.Upgrade)
	}
	if _, err := s.Script("nope"); !errors.Is(err, ErrUnknownRevision) {
		t.Errorf("Script(unknown) error = %v, want ErrUnknownRevision", err)
	}
	if s.Path("nope") != "" {
		t.Error("Path(unknown) is not empty")
	}
	// The file changed under us.
	fsys["versions/sub/z/deep.sql"] = &fstest.MapFile{Data: []byte(rev("changed", "nnn", "deep"))}
	if _, err := s.Script("ddd"); err == nil || !strings.Contains(err.Error(), "changed after loading") {
		t.Errorf("Script after an edit: %v", err)
	}
	// A broken body surfaces from Script, not Load.
	fsys["versions/c_third.sql"] = &fstest.MapFile{Data: []byte(strings.Replace(rev("ccc", "bbb", "third"), "CREATE TABLE", "CREATE TABLE 'oops", 1))}
	s2, err := Load(fsys, []string{"versions"}, false)
	if err != nil {
		t.Fatalf("Load read past the header: %v", err)
	}
	if _, err := s2.Script("ccc"); err == nil || !strings.HasPrefix(err.Error(), "versions/c_third.sql:10: unterminated string") {
		t.Errorf("Script(broken) = %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"versions/a.sql": {Data: []byte(rev("aaa", "", "ok"))},
		"versions/b.sql": {Data: []byte("-- no id here\n\n-- +retort upgrade\n")},
		"versions/c.sql": {Data: []byte("-- M\n-- Revision ID: bad-id\n")},
	}
	_, err := Load(fsys, []string{"versions"}, false)
	want := "versions/b.sql:1: no \"Revision ID:\" line in the header (the \"--\" comment lines at the top of the file, up to the first other line); add \"-- Revision ID: <id>\"\n" +
		"versions/c.sql:2: Character(s) '-' not allowed in revision identifier 'bad-id' (an id holds no whitespace, " +
		"invisible characters, path separators '/' '\\' or any of '@-+:')"
	if err == nil || err.Error() != want {
		t.Errorf("Load error:\n%v\nwant\n%s", err, want)
	}
	var perr *Error
	if !errors.As(err, &perr) || perr.Path != "versions/b.sql" {
		t.Errorf("errors.As(*Error) = %+v", perr)
	}

	_, err = Load(fsys, []string{"missing"}, false)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), `version location "missing" does not exist`) {
		t.Errorf("missing location: %v", err)
	}
	_, err = Load(fsys, []string{"../up"}, false)
	if err == nil || !strings.Contains(err.Error(), "not a valid path") {
		t.Errorf("invalid location: %v", err)
	}
}

func TestLoadEmbedFS(t *testing.T) {
	t.Parallel()
	sub, err := fs.Sub(embedded, "testdata/embed")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(sub, []string{"versions"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(s), []string{"27c6a30d7c24", "ae1027a6acf0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ids = %q, want %q", got, want)
	}
	sc, err := s.Script("27c6a30d7c24")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Revision.Path != "versions/27c6a30d7c24_add_shopping_cart.sql" || len(sc.Downgrade.Statements) != 1 {
		t.Errorf("script = %+v", sc)
	}
}

func TestLoadOS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("versions/b.sql", rev("bbb", "aaa", "b"))
	write("versions/a.sql", rev("aaa", "", "a"))
	write("versions/sub/c.sql", rev("ccc", "bbb", "c"))
	write("more/d.sql", rev("ddd", "ccc", "d"))
	if err := os.Symlink(filepath.Join(dir, "versions", "a.sql"), filepath.Join(dir, "more", "e_link.sql")); err != nil {
		t.Fatal(err)
	}
	s, err := LoadOS([]string{filepath.Join(dir, "versions"), filepath.Join(dir, "more"), filepath.Join(dir, "versions", "sub")}, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "versions", "a.sql"), filepath.Join(dir, "versions", "b.sql"), filepath.Join(dir, "versions", "sub", "c.sql"),
		filepath.Join(dir, "more", "d.sql"), filepath.Join(dir, "more", "e_link.sql"),
	}
	if got := paths(s); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %q\nwant %q", got, want)
	}
	sc, err := s.Script("ccc")
	if err != nil || sc.Revision.Path != want[2] {
		t.Fatalf("Script = %+v, %v", sc, err)
	}
	if !filepath.IsAbs(s.Path("ddd")) {
		t.Errorf("Path = %q, want absolute", s.Path("ddd"))
	}
	if _, err := LoadOS([]string{filepath.Join(dir, "nope")}, false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing dir: %v", err)
	}
}

// Script reads the whole body of a LoadOS file through the plain system
// calls: a body past the first read buffer comes whole, byte for byte; a
// file removed or broken after loading is an error naming it.
func TestLoadOSScriptBody(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	long := strings.Repeat("INSERT INTO t VALUES (1);\n", 1000) // ~26 KB: several reads
	text := string(Render(NewFile{ID: "aaa", Message: "a", CreateDate: renderDate, Upgrade: long, Downgrade: "DELETE FROM t;"}))
	if err := os.WriteFile(filepath.Join(dir, "a.sql"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.sql"), []byte(rev("bbb", "aaa", "b")), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadOS([]string{dir}, false)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := s.Script("aaa")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(filepath.Join(dir, "a.sql"), []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sc, want) || len(sc.Upgrade.Statements) != 1000 {
		t.Errorf("Script differs from parsing the file whole: %d statements, want 1000", len(sc.Upgrade.Statements))
	}
	if err := os.Remove(filepath.Join(dir, "b.sql")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Script("bbb"); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), filepath.Join(dir, "b.sql")) {
		t.Errorf("removed file: %v, want a not-exist error naming it", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.sql"), []byte("-- Revision ID: zzz\n-- Revises:\n\n-- +retort upgrade\nSELECT 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Script("aaa"); err == nil || !strings.Contains(err.Error(), "changed after loading") {
		t.Errorf("changed file: %v, want the changed-after-loading error", err)
	}
}

// TestLoadManyConcurrent loads enough files to use the worker pool and
// checks that the order stays the sorted one.
func TestLoadManyConcurrent(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	var want []string
	for i := range 500 {
		id := fmt.Sprintf("%012x", i*7919)
		fsys[fmt.Sprintf("v/%05d_%s.sql", i, id)] = &fstest.MapFile{Data: []byte(rev(id, "", "m"))}
		want = append(want, id)
	}
	s, err := Load(fsys, []string{"v"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(s); !reflect.DeepEqual(got, want) {
		t.Error("concurrent load lost the file order")
	}
}

// TestReadHeaderLongHeader checks that a header longer than the read buffer
// is read whole.
func TestReadHeaderLongHeader(t *testing.T) {
	t.Parallel()
	msg := strings.Repeat("a long message line that goes on\n", 400)
	fsys := fstest.MapFS{"v/a.sql": {Data: Render(NewFile{ID: "abc", Message: msg, Parents: []string{"p"}})}}
	s, err := Load(fsys, []string{"v"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Revisions()[0]; r.ID != "abc" || len(r.Parents) != 1 {
		t.Errorf("revision = %+v", r)
	}
}

// BenchmarkLoad10000 loads the headers of 10,000 revision files from disk.
func BenchmarkLoad10000(b *testing.B) {
	dir := b.TempDir()
	versions := filepath.Join(dir, "versions")
	if err := os.Mkdir(versions, 0o755); err != nil {
		b.Fatal(err)
	}
	parent := ""
	body := "CREATE TABLE t (\n    id BIGINT NOT NULL,\n    name VARCHAR(200) NOT NULL,\n    PRIMARY KEY (id)\n);\n"
	for i := range 10000 {
		id := NewID()
		f := NewFile{ID: id, Message: fmt.Sprintf("Revision number %d of the benchmark", i), CreateDate: time.Now(),
			Upgrade: strings.Repeat(body, 10), Downgrade: "DROP TABLE t;"}
		if parent != "" {
			f.Parents = []string{parent}
		}
		parent = id
		name, err := FileName(DefaultFileTemplate, id, Slug(f.Message, DefaultTruncateSlugLength), f.CreateDate)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(versions, name), Render(f), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	b.Run("Load", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			s, err := Load(fsys, []string{"versions"}, false)
			if err != nil || len(s.revs) != 10000 {
				b.Fatal(err)
			}
		}
	})
	b.Run("LoadOS", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			s, err := LoadOS([]string{versions}, false)
			if err != nil || len(s.revs) != 10000 {
				b.Fatal(err)
			}
		}
	})
	// A warm header cache: one stat per file (the files were just
	// written, so the clock is set past the racy window).
	b.Run("LoadOSCached", func(b *testing.B) {
		old := cacheNow
		cacheNow = func() time.Time { return time.Now().Add(time.Hour) }
		defer func() { cacheNow = old }()
		cacheDir := b.TempDir()
		if _, err := LoadOSCached([]string{versions}, false, cacheDir); err != nil {
			b.Fatal(err)
		}
		defer reportCPU(b)()
		for b.Loop() {
			s, err := LoadOSCached([]string{versions}, false, cacheDir)
			if err != nil || len(s.revs) != 10000 {
				b.Fatal(err)
			}
		}
	})
}

// reportCPU adds the process's CPU time (user + system) per operation to a
// benchmark's figures: unlike ns/op it does not grow when other work
// competes for the processors.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if start > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}
