package gostruct

import (
	"os"
	"strings"
	"testing"
)

// TestRetortTagTable checks the handler table's own facts: every option is
// documented, no spelling belongs to two options, and the flags say what
// the handlers do (repeats and sub-options are refused unless allowed).
func TestRetortTagTable(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../../../docs/models.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, h := range retortTags {
		if !strings.Contains(string(doc), "`"+h.names[0]) {
			t.Errorf("option %s is not in docs/models.md's table of retort tag options", h.names[0])
		}
		for _, n := range h.names {
			if seen[n] {
				t.Errorf("spelling %q belongs to two options", n)
			}
			seen[n] = true
			if tagHandlerFor(n) != &h && tagHandlerFor(n).names[0] != h.names[0] {
				t.Errorf("tagHandlerFor(%q) finds another option", n)
			}
		}
	}
	if tagHandlerFor("nosuch") != nil {
		t.Error("tagHandlerFor found an option for an unknown name")
	}
}

// TestRetortTagErrors applies each option twice and with an unknown
// sub-option, and checks what is refused: only a column's indexes, unique
// constraints and checks may repeat, and only comment, check and enum take
// commas as part of their value.
func TestRetortTagErrors(t *testing.T) {
	t.Parallel()
	repeats := map[string]bool{"unique": true, "index": true, "check": true}
	verbatim := map[string]bool{"comment": true, "check": true, "enum": true}
	for _, h := range retortTags {
		for _, n := range h.names {
			value := map[string]string{"fk": ":a.b", "references": ":a.b", "check": ":x > 0", "enum": ":a|b",
				"size": ":5", "length": ":5", "precision": ":5", "scale": ":2", "type": ":text", "default": ":0", "comment": ":c"}[n]
			twice := apply(n + value + ";" + n + value)
			if got := strings.Contains(twice, "given twice"); got == repeats[n] {
				t.Errorf("%s given twice: errors %q (may repeat: %v)", n, twice, repeats[n])
			}
			extra := ",nosuch:1"
			if value == "" {
				extra = ",nosuch" // no ':' anywhere, or the key would swallow it
			}
			sub := apply(n + value + extra)
			if got := strings.Contains(sub, `unknown sub-option "nosuch"`); got == verbatim[n] {
				t.Errorf("%s with an unknown sub-option: errors %q (verbatim: %v)", n, sub, verbatim[n])
			}
			if ok := apply(n + value); ok != "" {
				t.Errorf("%s%s alone: %s", n, value, ok)
			}
		}
	}
	if got := apply("nosuch"); !strings.Contains(got, `unknown retort tag option "nosuch"`) {
		t.Errorf("unknown option: %q", got)
	}
}

// apply runs a retort tag's options on a fresh string column and returns
// the errors.
func apply(tag string) string {
	e := &errs{}
	tbl := &Table{Name: "t"}
	ctx := &tableCtx{t: tbl, uniques: map[string]*Unique{}, indexes: map[string]*Index{}, cols: map[string]*Column{}}
	f := &fieldTags{b: &builder{e: e}, ctx: ctx, c: &Column{Name: "c", Kind: "string"}, path: "F", name: "c", pos: Pos{File: "m.go", Line: 1}}
	f.applyAll(parseRetortTag(tag))
	if err := e.err(); err != nil {
		return err.Error()
	}
	return ""
}
