// Package archtest holds the layering of docs/design.md: each package may
// import only the retort packages listed for it. A new package needs a rule
// here (and a line in docs/design.md) before its test passes.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/retortdb/retort"

// allowed maps a package (relative to the module root; "." is the façade) to
// the retort packages its non-test files may import. A trailing "/..." covers
// subpackages.
var allowed = map[string][]string{
	"internal/revision":  {},
	"internal/sqlsplit":  {}, // the one statement splitter: a leaf, so script, models and dialects share it
	"internal/script":    {"internal/revision", "internal/sqlsplit"},
	"internal/config":    {"internal/dialect", "internal/suggest"}, // dialect names and aliases for URL schemes; did-you-mean for keys
	"internal/templates": {},
	"internal/term":      {},
	"internal/suggest":   {},                                                // did-you-mean: edit distance to known words; a leaf
	"internal/fleet":     {},                                                // the fleet runner, shards and selectors: pure, no database
	"internal/testutil":  {"internal/dialect", "internal/dialect/registry"}, // dialect names, drivers, CREATE/DROP DATABASE
	"schema":             {},
	"internal/dialect":   {"schema", "internal/sqlsplit"},
	// A dialect package supplies its diff.Options (diff imports only schema).
	"internal/dialect/...": {"internal/dialect", "internal/sqlsplit", "internal/diff", "schema"},
	// The registry is the one package that knows every dialect package.
	"internal/dialect/registry": {"internal/dialect", "internal/dialect/postgres", "internal/dialect/mysql", "internal/dialect/sqlite"},
	"internal/versiontable":     {"internal/dialect"},
	"internal/migrate":          {"internal/revision", "internal/script", "internal/dialect/...", "internal/versiontable", "internal/config"},
	"internal/diff":             {"schema"},
	"internal/models/...":       {"schema", "internal/dialect/...", "internal/config", "internal/models/...", "internal/sqlsplit"},
	"internal/autogen":          {"schema", "internal/diff", "internal/dialect/..."},
	"internal/lint":             {"internal/dialect", "internal/script", "internal/suggest", "schema"}, // capabilities; the revision files it reads; did-you-mean for rule ids; an inspected start
	"internal/sampledata":       {"schema", "internal/dialect"},                                        // retort test's generated rows and table content
	// retort import: other tools' histories as retort revisions (Alembic's op.* calls become schema
	// changes the dialect renders); the source tool's state table read through the caller's *sql.DB.
	"internal/importer/...": {"internal/importer/...", "internal/script", "internal/revision", "internal/sqlsplit", "internal/dialect/...", "schema"},
	".":                     {"internal/revision", "internal/script", "internal/fleet", "internal/config", "internal/dialect/...", "internal/versiontable", "internal/migrate", "internal/diff", "internal/models/...", "internal/autogen", "internal/lint", "internal/sampledata", "internal/sqlsplit", "schema"},
	"retorttest":            {"."}, // retort test inside go test: the façade's Test
	"internal/cli":          {".", "internal/importer/...", "internal/suggest", "internal/fleet", "internal/revision", "internal/script", "internal/config", "internal/templates", "internal/term", "internal/dialect/...", "internal/migrate", "internal/diff", "internal/models/...", "internal/autogen", "schema"},
	"cli":                   {".", "internal/cli", "internal/term"},
	"cmd/retort":            {"cli", "internal/cli"},
	"internal/archtest":     {},
	"bench/...":             {"...", ""},
	"examples/...":          {"...", ""},

	// A three-node Galera cluster of local mariadbd processes for tests.
	"internal/testutil/galera": {},
	// Builds the retort binary and writes revision chains for the tests that run it.
	"internal/testutil/clitest": {},
	// A real PgBouncer for internal/e2e/pooler, in front of the test server.
	"internal/testutil/pgbouncer": {"internal/testutil"},
}

func match(pattern, pkg string) bool {
	if pattern == "..." {
		return true
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pattern == pkg
}

func ruleFor(pkg string) ([]string, bool) {
	if r, ok := allowed[pkg]; ok {
		return r, true
	}
	// The most specific "/..." rule wins.
	best := ""
	for p := range allowed {
		if strings.HasSuffix(p, "/...") && match(p, pkg) && len(p) > len(best) {
			best = p
		}
	}
	if best == "" {
		return nil, false
	}
	return allowed[best], true
}

func TestLayering(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string]map[string]bool{} // package → retort imports
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		if imports[rel] == nil {
			imports[rel] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case p == module:
				imports[rel]["."] = true
			case strings.HasPrefix(p, module+"/"):
				imports[rel][strings.TrimPrefix(p, module+"/")] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range slices.Sorted(maps.Keys(imports)) {
		rule, ok := ruleFor(pkg)
		if !ok {
			t.Errorf("package %s has no layering rule: add it to internal/archtest and docs/design.md", pkg)
			continue
		}
		for imp := range imports[pkg] {
			ok := false
			for _, a := range rule {
				if match(a, imp) {
					ok = true
					break
				}
			}
			if !ok {
				t.Errorf("%s imports %s, which docs/design.md's layering does not allow", pkg, imp)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern, pkg string
		want         bool
	}{
		{"internal/dialect/...", "internal/dialect", true},
		{"internal/dialect/...", "internal/dialect/postgres", true},
		{"internal/dialect/...", "internal/dialectx", false},
		{"internal/script", "internal/script", true},
		{"internal/script", "internal/scripts", false},
		{"...", "anything", true},
	}
	for _, c := range cases {
		if got := match(c.pattern, c.pkg); got != c.want {
			t.Errorf("match(%q, %q) = %v, want %v", c.pattern, c.pkg, got, c.want)
		}
	}
}
