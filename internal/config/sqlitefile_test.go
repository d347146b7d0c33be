package config

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
)

// sqliteForms are SQLite URLs naming a relative file, and the file each names.
var sqliteForms = []struct{ url, file string }{
	{"sqlite:///app.db", "app.db"},
	{"sqlite:///data/app.db", "data/app.db"},
	{"sqlite:///./app.db", "app.db"},
	{"sqlite:///../up.db", "../up.db"},
	{"sqlite+pysqlite:///app.db?timeout=5", "app.db"},
	{"sqlite+aiosqlite:///app.db?_pragma=foreign_keys(0)", "app.db"},
	{"SQLITE:///app.db", "app.db"},
	{"sqlite:///file:app.db?uri=true", "app.db"},
	{"file:app.db", "app.db"},
	{"file:app.db?cache=shared", "app.db"},
	{"FILE:data/app.db", "data/app.db"},
	{"file:with%20space.db", "with space.db"},
	{"sqlite:///per%cent.db", "per%cent.db"},
	{"sqlite:///h%23sh.db", "h%23sh.db"},
	{"file:h%23sh.db", "h#sh.db"},
	{"sqlite:///ünï.db", "ünï.db"},
}

// ParseURLIn makes a relative SQLite file relative to the directory given,
// and the data source opens exactly that file.
func TestParseURLIn(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cfg")
	for _, tt := range sqliteForms {
		d, err := ParseURLIn(tt.url, dir)
		if err != nil {
			t.Errorf("%s: %v", tt.url, err)
			continue
		}
		want := filepath.Join(dir, filepath.FromSlash(tt.file))
		if d.File() != want || d.Database != want {
			t.Errorf("%s: File() = %q, Database = %q; want %q", tt.url, d.File(), d.Database, want)
		}
		plain, _ := ParseURL(tt.url)
		if d.Redacted != plain.Redacted || d.Dialect != dialect.SQLite || d.DriverName != "sqlite" {
			t.Errorf("%s: resolving changed more than the path: %+v", tt.url, d)
		}
		if q, pq := afterQuery(d.DataSource), afterQuery(plain.DataSource); q != pq {
			t.Errorf("%s: query %q, want it unchanged: %q", tt.url, q, pq)
		}
		// The data source is a file: URI that names the same file again.
		back, err := ParseURL(d.DataSource)
		if err != nil || back.File() != want {
			t.Errorf("%s: DataSource %q names %v, %v; want %q", tt.url, d.DataSource, back, err, want)
		}
		// Without a directory nothing changes: the working directory's.
		cwd, err := ParseURLIn(tt.url, "")
		if err != nil || *cwd != *plain {
			t.Errorf("%s: ParseURLIn(url, \"\") = %+v, want %+v", tt.url, cwd, plain)
		}
	}
	// Absolute files, memory and servers are never changed.
	for _, u := range []string{
		"sqlite:////var/lib/app.db", "file:///var/lib/app.db", "file://localhost/var/lib/app.db",
		"file:/var/lib/app.db?mode=ro", "sqlite:///file:/var/lib/app.db?uri=true",
		"sqlite://", "sqlite:///:memory:", "sqlite+pysqlite:///:memory:", "file::memory:?cache=shared",
		"file:memdb1?mode=memory&cache=shared", "sqlite:///x.db?mode=memory",
		"postgresql://u:pw@h/app.db", "mysql://u@h/app.db",
	} {
		plain, err := ParseURL(u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		d, err := ParseURLIn(u, dir)
		if err != nil || *d != *plain {
			t.Errorf("%s: ParseURLIn = %+v, %v; want it unchanged: %+v", u, d, err, plain)
		}
	}
	if f := mustParse(t, "sqlite://").File(); f != "" {
		t.Errorf("memory: File() = %q, want \"\"", f)
	}
	if f := mustParse(t, "postgresql://h/app").File(); f != "" {
		t.Errorf("server: File() = %q, want \"\"", f)
	}
	// Errors are ParseURL's.
	if _, err := ParseURLIn("sqlite://app.db", dir); err == nil || !strings.Contains(err.Error(), "three slashes") {
		t.Errorf("sqlite://app.db: %v", err)
	}
}

// A URL that is not one gets a hint with the URL to write.
func TestParseURLSQLiteHint(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"app.db":             "write sqlite:///app.db)",
		"data/app.sqlite":    "write sqlite:///data/app.sqlite)",
		"/var/app.db":        "write sqlite:////var/app.db)",
		"sqlite:app.db":      "write sqlite:///app.db)",
		"SQLite:/var/app.db": "write sqlite:////var/app.db)",
		"sqlite3:app.db":     "write sqlite:///app.db)",
	} {
		_, err := ParseURL(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseURL(%q) = %v, want it to say %q", in, err, want)
		}
	}
}

func afterQuery(ds string) string {
	if i := strings.IndexByte(ds, '?'); i >= 0 {
		return ds[i:]
	}
	return ""
}

func mustParse(t *testing.T, u string) *DSN {
	t.Helper()
	d, err := ParseURL(u)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// FuzzParseURLIn: for any input, resolving fails exactly when parsing does;
// it changes only a relative SQLite file, which becomes dir joined with it,
// named again by the data source, with the query kept.
func FuzzParseURLIn(f *testing.F) {
	for _, tt := range sqliteForms {
		f.Add(tt.url)
	}
	for _, u := range []string{"sqlite://", "file::memory:", "sqlite:////abs.db", "file:", "sqlite:///a?b#c.db",
		"postgresql://u:p@h/d", "file:a%zz.db", "sqlite:///a.db?mode=ro&x=%20", "file://localhost/x.db", "sqlite:///%3F.db"} {
		f.Add(u)
	}
	const dir = "/cfg/dir"
	f.Fuzz(func(t *testing.T, raw string) {
		plain, perr := ParseURL(raw)
		d, err := ParseURLIn(raw, dir)
		if (perr == nil) != (err == nil) {
			t.Fatalf("ParseURL error %v, ParseURLIn error %v", perr, err)
		}
		if err != nil {
			return
		}
		rel := plain.File()
		if rel == "" || filepath.IsAbs(rel) {
			if *d != *plain {
				t.Fatalf("changed %+v to %+v", plain, d)
			}
			return
		}
		want := filepath.Join(dir, rel)
		if d.File() != want {
			t.Fatalf("File() = %q, want %q", d.File(), want)
		}
		if afterQuery(d.DataSource) != afterQuery(plain.DataSource) {
			t.Fatalf("query changed: %q → %q", plain.DataSource, d.DataSource)
		}
		if back, err := ParseURL(d.DataSource); err != nil || back.File() != want {
			t.Fatalf("DataSource %q names %+v, %v; want %q", d.DataSource, back, err, want)
		}
	})
}

// Where the url's text comes from decides what a relative SQLite path is
// relative to: the file's own text (defaults included) the file's directory,
// anything an environment variable supplies the working directory ("").
func TestLoadURLDir(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		env        []string
		flag       string
		wantURL    string
		fromFile   bool
	}{
		{"literal", `url = "sqlite:///app.db"`, nil, "", "sqlite:///app.db", true},
		{"default used, variable unset", `url = "${DATABASE_URL:-sqlite:///app.db}"`, nil, "", "sqlite:///app.db", true},
		{"default used, variable empty", `url = "${DATABASE_URL:-sqlite:///app.db}"`, []string{"DATABASE_URL", ""}, "", "sqlite:///app.db", true},
		{"variable set", `url = "${DATABASE_URL:-sqlite:///app.db}"`, []string{"DATABASE_URL", "sqlite:///env.db"}, "", "sqlite:///env.db", false},
		{"bare variable", `url = "${DATABASE_URL}"`, []string{"DATABASE_URL", "file:env.db"}, "", "file:env.db", false},
		{"variable inside the path", `url = "sqlite:///${DATA}/app.db"`, []string{"DATA", "var"}, "", "sqlite:///var/app.db", false},
		{"empty variable inside", `url = "sqlite:///app${SUFFIX}.db"`, []string{"SUFFIX", ""}, "", "sqlite:///app.db", true},
		{"nested default", `url = "${A:-${B:-sqlite:///app.db}}"`, nil, "", "sqlite:///app.db", true},
		{"nested variable", `url = "${A:-${B:-sqlite:///app.db}}"`, []string{"B", "sqlite:///b.db"}, "", "sqlite:///b.db", false},
		// The default ${B} is read but not used: A (set, empty) wins.
		{"evaluated but unused default", `url = "${A-${B}}sqlite:///app.db"`, []string{"A", "", "B", "x"}, "", "sqlite:///app.db", true},
		{"dollar literal", `url = "sqlite:///a$$b.db"`, nil, "", "sqlite:///a$b.db", true},
		{"RETORT_DATABASE_URL", `url = "sqlite:///app.db"`, []string{EnvURL, "sqlite:///env.db"}, "", "sqlite:///env.db", false},
		{"--url", `url = "sqlite:///app.db"`, nil, "sqlite:///flag.db", "sqlite:///flag.db", false},
		{"--url without a file url", ``, nil, "sqlite:///flag.db", "sqlite:///flag.db", false},
	}
	for _, tt := range tests {
		p := writeConfig(t, tt.body)
		c, err := Load(p, env(tt.env...), Overrides{URL: tt.flag})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		wantDir := ""
		if tt.fromFile {
			wantDir = filepath.Dir(p)
		}
		if c.URL != tt.wantURL || c.URLDir != wantDir {
			t.Errorf("%s: URL %q, URLDir %q; want %q, %q", tt.name, c.URL, c.URLDir, tt.wantURL, wantDir)
		}
	}
	// dev_url is read the same way, and DSN/DevDSN resolve with them.
	p := writeConfig(t, "url = \"sqlite:///app.db\"\ndev_url = \"${DEV:-sqlite:///dev.db}\"\n")
	c, err := Load(p, env(), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.DSN()
	if err != nil || d.File() != filepath.Join(filepath.Dir(p), "app.db") {
		t.Errorf("DSN() = %+v, %v", d, err)
	}
	dev, err := c.DevDSN()
	if err != nil || dev.File() != filepath.Join(filepath.Dir(p), "dev.db") {
		t.Errorf("DevDSN() = %+v, %v", dev, err)
	}
	c, err = Load(p, env("DEV", "sqlite:///dev.db"), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if dev, err := c.DevDSN(); err != nil || dev.File() != "dev.db" {
		t.Errorf("DevDSN() from the environment = %+v, %v; want dev.db", dev, err)
	}
}

// The matrix users meet: each SQLite URL form, in a config file found in
// three ways (relative -c, absolute -c, run from another directory), or given
// by the environment or --url. The file really opened is where it should be.
// Not parallel: it changes the working directory.
func TestSQLitePathMatrix(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	cfgDir := filepath.Join(proj, "migrations")
	mustWrite(t, filepath.Join(proj, "elsewhere", "deep", ".keep"), "")
	locations := []struct {
		name, cwd, config string // config as passed to -c
	}{
		{"relative -c from the project", proj, "migrations/retort.toml"},
		{"absolute -c from elsewhere", filepath.Join(proj, "elsewhere", "deep"), filepath.Join(cfgDir, FileName)},
		{"relative -c from below the config", filepath.Join(cfgDir, "sub"), "../retort.toml"},
		{"found by itself", proj, ""},
	}
	mustWrite(t, filepath.Join(cfgDir, "sub", ".keep"), "")
	for _, form := range sqliteForms {
		if strings.Contains(form.url, "..") {
			continue // would leave the temporary tree from some directories
		}
		for _, loc := range locations {
			for _, source := range []string{"file", "file default", "environment", "RETORT_DATABASE_URL", "--url"} {
				var body string
				getenv := env()
				o := Overrides{}
				switch source {
				case "file":
					body = "url = " + tomlString(form.url)
				case "file default":
					body = "url = " + tomlString("${DATABASE_URL:-"+form.url+"}")
				case "environment":
					body = `url = "${DATABASE_URL:-sqlite:///other.db}"`
					getenv = env("DATABASE_URL", form.url)
				case "RETORT_DATABASE_URL":
					body = `url = "sqlite:///other.db"`
					getenv = env(EnvURL, form.url)
				case "--url":
					body = `url = "sqlite:///other.db"`
					o.URL = form.url
				}
				mustWrite(t, filepath.Join(cfgDir, FileName), body)
				base := cfgDir
				if !strings.HasPrefix(source, "file") {
					base = loc.cwd
				}
				want := filepath.Join(base, filepath.FromSlash(form.file))
				what := form.url + ", " + loc.name + ", " + source

				t.Chdir(loc.cwd)
				path, err := Find(loc.config)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				c, err := Load(path, getenv, o)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				d, err := c.DSN()
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				got, _ := filepath.Abs(d.File())
				if got != want {
					t.Errorf("%s: file %s, want %s", what, got, want)
					continue
				}
				// Opening it makes that very file.
				if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
					t.Fatal(err)
				}
				db, err := sql.Open(d.DriverName, d.DataSource)
				if err != nil {
					t.Fatal(err)
				}
				_, err = db.Exec("CREATE TABLE t (x INTEGER)")
				db.Close()
				if err != nil {
					t.Errorf("%s: create a table: %v", what, err)
				}
				if _, err := os.Stat(want); err != nil {
					t.Errorf("%s: %v", what, err)
				}
				os.Remove(want)
			}
		}
	}
}

func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// NoCreate opens an existing file read-write and never creates a missing one.
func TestNoCreate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	for _, u := range []string{"sqlite:///" + missing, "file:" + missing + "?cache=shared", "sqlite:///" + missing + "?timeout=1"} {
		d := mustParse(t, u).NoCreate()
		if !strings.Contains(d.DataSource, "mode=rw") {
			t.Errorf("%s: NoCreate data source %q lacks mode=rw", u, d.DataSource)
		}
		db, err := sql.Open(d.DriverName, d.DataSource)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Ping(); err == nil {
			t.Errorf("%s: opening a missing file with NoCreate succeeded", u)
		}
		db.Close()
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatalf("%s: NoCreate made the file: %v", u, err)
		}
	}
	// An existing file opens, and may be written.
	existing := filepath.Join(dir, "existing.db")
	if err := os.WriteFile(existing, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	d := mustParse(t, "sqlite:///"+existing).NoCreate()
	db, err := sql.Open(d.DriverName, d.DataSource)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t (x INTEGER)"); err != nil {
		t.Errorf("existing file with NoCreate: %v", err)
	}
	// A mode the URL gives is kept; memory and servers are left alone.
	for _, u := range []string{"sqlite:///" + existing + "?mode=ro", "sqlite://", "file::memory:", "postgresql://h/x"} {
		p := mustParse(t, u)
		if got := p.NoCreate(); *got != *p {
			t.Errorf("%s: NoCreate changed %q to %q", u, p.DataSource, got.DataSource)
		}
	}
}
