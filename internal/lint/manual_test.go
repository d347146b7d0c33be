package lint

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

// A block retort import left is an error finding, in each section it is in.
func TestManualBlockLeft(t *testing.T) {
	t.Parallel()
	src := "-- add users\n--\n-- Revision ID: 00004\n-- Revises:\n\n" +
		"-- +retort upgrade\nCREATE TABLE users (id int);\n-- +retort manual\n-- Not translated (a goose Go migration)\n\n" +
		"-- +retort downgrade\n-- +retort manual\n-- Not translated\nDROP TABLE users;\n"
	sc, err := script.Parse("00004_x.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := registry.Lookup("sqlite")
	fs, err := Run([]Revision{FromScript(sc, "00004_x.sql")}, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		if f.Rule == "manual-block-left" {
			got = append(got, fmt.Sprintf("%s:%d:%v", f.Section, f.Line, f.Severity == Error))
		}
	}
	if len(got) != 2 || got[0] != "upgrade:8:true" || got[1] != "downgrade:12:true" {
		t.Errorf("findings: %v (all: %+v)", got, fs)
	}
}
