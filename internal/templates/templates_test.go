package templates

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
)

func TestList(t *testing.T) {
	t.Parallel()
	got := List()
	var names []string
	for _, tpl := range got {
		names = append(names, tpl.Name)
		if tpl.Description == "" || strings.Contains(tpl.Description, "\n") {
			t.Errorf("template %s: description %q, want one line", tpl.Name, tpl.Description)
		}
	}
	if want := []string{"generic", "gomain"}; !reflect.DeepEqual(names, want) {
		t.Errorf("List names = %v, want %v", names, want)
	}
	if _, ok := layers[Default]; !ok {
		t.Errorf("Default template %q does not exist", Default)
	}
}

func TestInit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files []string // relative to the new directory, in creation order
	}{
		{"generic", []string{"README", "retort.toml", "versions/README.md"}},
		{"gomain", []string{"README", "main.go", "retort.toml", "versions/README.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "app", "migrations")
			created, err := Init(dir, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{dir, filepath.Join(dir, "versions")}
			for _, f := range tt.files {
				want = append(want, filepath.Join(dir, filepath.FromSlash(f)))
			}
			if !reflect.DeepEqual(created, want) {
				t.Errorf("created\n %v\nwant\n %v", created, want)
			}
			// What is on disk is exactly what was reported.
			var onDisk []string
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					t.Fatal(err)
				}
				onDisk = append(onDisk, p)
				return nil
			})
			if !sameSet(onDisk, want) {
				t.Errorf("on disk %v, want %v", onDisk, want)
			}

			// The config loads cleanly, with its documented default URL.
			c, err := config.Load(filepath.Join(dir, "retort.toml"), func(string) (string, bool) { return "", false }, config.Overrides{})
			if err != nil {
				t.Fatalf("template %s: retort.toml does not load: %v", tt.name, err)
			}
			if c.URL != "sqlite:///app.db" || c.ScriptLocation != dir ||
				!reflect.DeepEqual(c.VersionLocations, []string{filepath.Join(dir, "versions")}) ||
				c.VersionTable != config.DefaultVersionTable || c.HistoryTable != config.DefaultHistoryTable ||
				c.FileTemplate != config.DefaultFileTemplate || c.TruncateSlugLength != config.DefaultTruncateSlugLength {
				t.Errorf("template %s: loaded config differs from the defaults: %+v", tt.name, c)
			}
			if d, err := c.DSN(); err != nil || d.Dialect != dialect.SQLite {
				t.Errorf("template %s: default URL: %v, %v", tt.name, d, err)
			}
			// And follows DATABASE_URL.
			c, err = config.Load(filepath.Join(dir, "retort.toml"), func(k string) (string, bool) {
				return "postgresql://app@db/shop", k == "DATABASE_URL"
			}, config.Overrides{})
			if err != nil || c.URL != "postgresql://app@db/shop" {
				t.Errorf("template %s: with DATABASE_URL: %v, %v", tt.name, c, err)
			}
		})
	}
}

// Every key retort.toml accepts is explained in the scaffolded file.
func TestConfigTemplateExplainsEveryKey(t *testing.T) {
	t.Parallel()
	b, err := files.ReadFile("files/base/retort.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range config.Keys() {
		if !bytes.Contains(b, []byte(k+" =")) && !bytes.Contains(b, []byte("["+k+"]")) {
			t.Errorf("retort.toml template does not show %s", k)
		}
	}
}

func TestInitExistingDirectory(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	created, err := Init(empty, "generic")
	if err != nil {
		t.Fatalf("Init into an empty directory: %v", err)
	}
	if created[0] != filepath.Join(empty, "versions") {
		t.Errorf("Init into an existing directory reports it as created: %v", created)
	}

	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Init(full, "generic")
	if !errors.Is(err, ErrNotEmpty) || err.Error() != "Directory "+full+" already exists and is not empty" {
		t.Errorf("Init into a non-empty directory: %v", err)
	}
	entries, _ := os.ReadDir(full)
	if len(entries) != 1 {
		t.Errorf("Init wrote into a non-empty directory: %v", entries)
	}

	file := filepath.Join(t.TempDir(), "afile")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(file, "generic"); err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("Init onto a file: %v", err)
	}
}

func TestInitUnknownTemplate(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "m")
	_, err := Init(dir, "asyncpg")
	if !errors.Is(err, ErrNoTemplate) || err.Error() != "No such template 'asyncpg'; run `retort list_templates` to see the templates" {
		t.Errorf("Init with an unknown template: %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Init with an unknown template created %s", dir)
	}
}

// The gomain template's main.go is formatted Go that uses retort's public
// cli package through Main, WithURL (and, commented, WithGoMigrations).
func TestGoMainSource(t *testing.T) {
	t.Parallel()
	src, err := files.ReadFile("files/gomain/main.go.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	formatted, err := format.Source(src)
	if err != nil {
		t.Fatalf("main.go does not parse: %v", err)
	}
	if !bytes.Equal(formatted, src) {
		t.Errorf("main.go is not gofmt'd")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name.Name != "main" {
		t.Errorf("package %s, want main", f.Name.Name)
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "cli" {
				used[sel.Sel.Name] = true
			}
		}
		return true
	})
	if !used["Main"] || !used["WithURL"] {
		t.Errorf("main.go uses cli.%v, want Main and WithURL", used)
	}
	if !bytes.Contains(src, []byte("cli.WithGoMigrations(")) {
		t.Errorf("main.go does not show cli.WithGoMigrations")
	}
	imports := map[string]bool{}
	for _, imp := range f.Imports {
		imports[strings.Trim(imp.Path.Value, `"`)] = true
	}
	if !imports["github.com/retortdb/retort/cli"] {
		t.Errorf("main.go imports %v, want github.com/retortdb/retort/cli", imports)
	}

	// Once the public cli package exists, it must have what main.go calls.
	cliDir := filepath.Join("..", "..", "cli")
	entries, err := os.ReadDir(cliDir)
	have := map[string]bool{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), filepath.Join(cliDir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("package cli: %v", err)
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil {
				have[fn.Name.Name] = true
			}
		}
	}
	if len(have) == 0 {
		t.Logf("package cli not found at %s (%v); not checking its API", cliDir, err)
		return
	}
	for _, name := range []string{"Main", "WithURL", "WithGoMigrations"} {
		if !have[name] {
			t.Errorf("package cli has no func %s, which the gomain template's main.go uses", name)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, s := range a {
		m[s]++
	}
	for _, s := range b {
		m[s]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}
