package importer

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/script"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestReadGolden reads each format's test folder (every annotation the
// format has) and compares the revision files and the report with
// testdata/<format>.golden.
func TestReadGolden(t *testing.T) {
	t.Parallel()
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			revs, rep, err := Read(format, filepath.Join("testdata", format))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, r := range revs {
				b.WriteString("=== " + filepath.ToSlash(r.Source) + " (version " + r.SourceVersion + ")\n")
				data := script.Render(r.File)
				if _, err := script.Parse("x.sql", data); err != nil {
					t.Errorf("%s: the rendered revision does not parse: %v", r.Source, err)
				}
				b.Write(data)
			}
			js, _ := json.MarshalIndent(rep, "", "  ")
			b.WriteString("=== report\n" + filepath.ToSlash(string(js)) + "\n")
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from the import (run go test -update and review the diff):\n%s", golden, b.String())
			}
		})
	}
}
