package revision

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// goldenRows are version rows used for " (current)" markers and `current`.
var goldenRows = map[string][]string{
	"L":  {"c"},
	"B":  {"d1", "c2"},
	"M":  {"e"},
	"N":  {"n2"},
	"LB": {"c", "someothername"},
}

// render produces what the CLI prints for heads, history, current and
// branches (plain and verbose) on graph name.
func render(t *testing.T, name string) []byte {
	t.Helper()
	revs := spec(graphs[name]...)
	for _, r := range revs {
		// A multi-paragraph docstring with a blank line exercises the
		// verbose block's indentation.
		r.Doc = r.Message + "\n\nRevision ID: " + r.ID + "\nRevises: \n"
	}
	g, err := New(revs)
	if err != nil {
		t.Fatal(err)
	}
	rows := goldenRows[name]
	isRow := map[string]bool{}
	for _, r := range rows {
		isRow[r] = true
	}
	var b bytes.Buffer
	section := func(s string) { fmt.Fprintf(&b, "== %s\n", s) }
	section("heads")
	for _, r := range g.Heads() {
		fmt.Fprintln(&b, g.HeadsLine(r))
	}
	section("heads --resolve-dependencies")
	for _, r := range g.RealHeads() {
		fmt.Fprintln(&b, g.HeadsLine(r))
	}
	hist, err := g.History("", nil)
	if err != nil {
		t.Fatal(err)
	}
	section("history -i")
	for _, r := range hist {
		fmt.Fprintln(&b, g.HistoryLine(r, isRow[r.ID]))
	}
	section("history -v")
	for _, r := range hist {
		fmt.Fprintln(&b, g.VerboseBlock(r, false))
	}
	section(fmt.Sprintf("current %v", rows))
	cur, err := g.CurrentHeads(rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cur {
		fmt.Fprintln(&b, g.CurrentLine(r))
	}
	section("branches")
	for _, r := range hist {
		if g.IsBranchPoint(r.ID) {
			fmt.Fprintln(&b, g.BranchesBlock(r, false))
		}
	}
	section("branches -v")
	for _, r := range hist {
		if g.IsBranchPoint(r.ID) {
			fmt.Fprintln(&b, g.BranchesBlock(r, true))
		}
	}
	return b.Bytes()
}

func TestGoldenFormats(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"L", "B", "M", "N", "LB"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := render(t, name)
			path := filepath.Join("testdata", "format", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from golden file:\n%s", path, got)
			}
		})
	}
}

// Log lines show a message on one line, cut to MaxLogMessage characters.
func TestLogMessage(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 10000)
	for _, c := range []struct{ in, want string }{
		{"create account table", "create account table"},
		{"two\nlines", "two lines"},
		{"tabs\tand  spaces\r\n", "tabs and spaces"},
		{strings.Repeat("x", MaxLogMessage), strings.Repeat("x", MaxLogMessage)},
		{strings.Repeat("x", MaxLogMessage+1), strings.Repeat("x", MaxLogMessage-1) + "…"},
		{long, strings.Repeat("é", MaxLogMessage-1) + "…"},
	} {
		got := LogMessage(c.in)
		if got != c.want {
			t.Errorf("LogMessage(%.20q…) = %q, want %q", c.in, got, c.want)
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > MaxLogMessage || strings.ContainsAny(got, "\n\r") {
			t.Errorf("LogMessage(%.20q…) = %q: not one valid line of at most %d characters", c.in, got, MaxLogMessage)
		}
	}
	step := Step{Direction: Up, To: []string{"a"}, Revision: &Revision{ID: "a", Message: long}}
	if s := step.String(); utf8.RuneCountInString(s) > 100 || !strings.HasSuffix(s, "…") {
		t.Errorf("step text %d characters: %.120q", utf8.RuneCountInString(s), s)
	}
}
