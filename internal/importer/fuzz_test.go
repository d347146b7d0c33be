package importer

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/script"
)

// FuzzAnnotations feeds goose and dbmate files to their parsers: they never
// panic, and a file they accept renders to a revision that either parses
// or is refused by Plan with an error (never written broken).
func FuzzAnnotations(f *testing.F) {
	seeds := []string{
		"-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n",
		"-- +goose NO TRANSACTION\n-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose StatementEnd\n",
		"-- +goose Up\n-- +goose ENVSUB ON\nSELECT '${X}';\n-- +goose ENVSUB OFF\n",
		"-- +goose Up\n-- +goose envsub on\n-- +goose StatementBegin\nSELECT $a;\n",
		"-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\nSELECT 2;\n",
		"--migrate:up env:X\n-- +retort upgrade\n",
		"-- +goose Up\n-- +retort manual\n",
		"-- +goose\n",
		"\r\n-- +goose Up\r\nSELECT 1;\r\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, parse := range []func(string, string) (section, section, error){
			func(p, s string) (section, section, error) {
				up, down, _, err := parseGoose(p, s)
				return up, down, err
			},
			parseDbmate,
		} {
			up, down, err := parse("f.sql", src)
			if err != nil {
				if !strings.Contains(err.Error(), "f.sql") {
					t.Errorf("error without the file name: %v", err)
				}
				continue
			}
			rev := Revision{File: script.NewFile{ID: "1", Message: "m", Upgrade: up.text(), Downgrade: down.text(), NoTransaction: up.fileNoTx},
				Source: "f.sql", Manual: append(up.manual, down.manual...)}
			files, err := Plan([]Revision{rev}, Target{Dir: "no-such-dir/versions"})
			if err != nil {
				continue
			}
			if _, err := script.Parse(files[0].Path, files[0].Data); err != nil {
				t.Errorf("Plan accepted a file that does not parse: %v", err)
			}
		}
	})
}
