package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

// file renders a revision file: id, parent, message, upgrade and downgrade
// bodies (down "-" for no downgrade section).
func file(id, parent, msg, up, down string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- %s\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort upgrade\n%s\n", msg, id, parent, up)
	if down != "-" {
		fmt.Fprintf(&b, "\n-- +retort downgrade\n%s\n", down)
	}
	return b.String()
}

// history is revisions as (up, down) pairs, each revising the one before;
// the last is linted, the others replayed (lintAll: every one is linted).
type history struct {
	dialect string
	revs    [][2]string
	lintAll bool
	cfg     Config
}

func (h history) run(t *testing.T) []Finding {
	t.Helper()
	d, err := registry.Lookup(h.dialect)
	if err != nil {
		t.Fatal(err)
	}
	var revs []Revision
	parent := ""
	for i, rd := range h.revs {
		id := fmt.Sprintf("%012x", i+1)
		text := file(id, parent, fmt.Sprintf("step %d of the test history", i+1), rd[0], rd[1])
		sc, err := script.Parse(id+".sql", []byte(text))
		if err != nil {
			t.Fatalf("parse revision %d: %v\n%s", i+1, err, text)
		}
		r := FromScript(sc, id+".sql")
		r.Lint = h.lintAll || i == len(h.revs)-1
		revs = append(revs, r)
		parent = id
	}
	fs, err := Run(revs, Options{Dialect: d, Config: h.cfg})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func ids(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s:%d %s [%s] %s\n", f.File, f.Line, f.Level, f.Rule, f.Message)
	}
	return b.String()
}
