package sqlsplit

import (
	"fmt"
	"strings"
	"testing"
)

var (
	pgRules = Rules{NestedComments: true, EStrings: true, DollarQuotes: true, ExecutableComments: true, Bodies: true}
	myRules = Rules{Backslash: true, HashComments: true, ExecutableComments: true, Bodies: true, Compound: true, Delimiter: true}
	ltRules = Rules{DollarQuotes: true, ExecutableComments: true, Bodies: true}
)

// show is a token stream in a compact form: kind letter, Text in brackets,
// flags after a slash.
func show(ts []Token) string {
	var parts []string
	for _, t := range ts {
		p := fmt.Sprintf("%c[%s]", "?wnisp#"[t.Kind], t.Text)
		for f, l := range map[TokenFlag]string{Unterminated: "u", Backslashed: "b", Executable: "x", NestedComment: "n"} {
			if t.Has(f) {
				p += "/" + l
			}
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func TestTokens(t *testing.T) {
	cases := []struct {
		r    Rules
		in   string
		want string
	}{
		{pgRules, "CREATE TABLE a (id int)", "w[CREATE] w[TABLE] w[a] p[(] w[id] w[int] p[)]"},
		{pgRules, `select "a""b", 'it''s', 1.5e3, x$1, $1`, `w[select] i[a"b] p[,] s[it's] p[,] n[1] p[.] n[5e3] p[,] w[x$1] p[,] p[$] n[1]`},
		{pgRules, "E'a\\'b' e'' E", `s[a\'b]/b s[] w[E]`},
		{pgRules, "$$ a ' b $$ $t$x$t$ $u$ open", "s[ a ' b ] s[x] s[ open]/u"},
		{pgRules, "a -- c\nb /* x /* y */ z */ c", "w[a] #[-- c] w[b] #[/* x /* y */ z */]/n w[c]"},
		{pgRules, "/* x", "#[/* x]/u"},
		{pgRules, "# not a comment", "p[#] w[not] w[a] w[comment]"},
		{pgRules, "'open", "s[open]/u"},
		{pgRules, `"open`, "i[open]/u"},
		{pgRules, "a\\b", `w[a] p[\] w[b]`},
		{myRules, `"str\"ing" 'a\\' ` + "`na``me` # c\nx", "s[str\\\"ing]/b s[a\\\\]/b i[na`me] #[# c] w[x]"},
		{myRules, "/* x /* y */ z */", "#[/* x /* y */]/n w[z] p[*] p[/]"},
		{myRules, "/*!50100 PARTITION */ /*M! x */ /*+ hint */ /* c */", "#[/*!50100 PARTITION */]/x #[/*M! x */]/x #[/*+ hint */]/x #[/* c */]"},
		{myRules, "$$x$$ E'a'", "w[$$x$$] w[E] s[a]"},
		{ltRules, "[a b] ;", "p[[] w[a] w[b] p[]] p[;]"},
		{Rules{}, "/*! x */ /*+ y */", "#[/*! x */] #[/*+ y */]/x"},
	}
	for _, c := range cases {
		if got := show(Tokens(c.in, c.r)); got != c.want {
			t.Errorf("Tokens(%q)\n got  %s\n want %s", c.in, got, c.want)
		}
	}
}

func TestTokenIs(t *testing.T) {
	ts := Tokens("create \"CREATE\" 'create' (", pgRules)
	if !ts[0].Is("CREATE") || ts[1].Is("create") || ts[2].Is("create") || ts[0].IsPunct("(") || !ts[3].IsPunct("(") {
		t.Errorf("Is/IsPunct on %+v", ts)
	}
}

// checkTokens checks what holds of every token stream: the tokens cover
// the text but for white space, in order, and a text the splitter reads
// without error has no unterminated token.
func checkTokens(t *testing.T, text string, r Rules) {
	ts := Tokens(text, r)
	at := 0
	for _, tk := range ts {
		if tk.Offset < at || text[tk.Offset:tk.Offset+len(tk.Raw)] != tk.Raw || tk.Raw == "" {
			t.Fatalf("Tokens(%q): token %+v out of place (after offset %d)", text, tk, at)
		}
		if gap := text[at:tk.Offset]; strings.Trim(gap, " \t\n\r\v\f") != "" {
			t.Fatalf("Tokens(%q): %q skipped before %+v", text, gap, tk)
		}
		if tk.Kind < Word || tk.Kind > Comment {
			t.Fatalf("Tokens(%q): token %+v of no kind", text, tk)
		}
		at = tk.Offset + len(tk.Raw)
	}
	if gap := text[at:]; strings.Trim(gap, " \t\n\r\v\f") != "" {
		t.Fatalf("Tokens(%q): %q skipped at the end", text, gap)
	}
	if _, err := Lex(text, 1, Rules{Backslash: r.Backslash, HashComments: r.HashComments, NestedComments: r.NestedComments,
		EStrings: r.EStrings, DollarQuotes: r.DollarQuotes, ExecutableComments: r.ExecutableComments}); err == nil {
		for _, tk := range ts {
			if tk.Has(Unterminated) {
				t.Fatalf("Tokens(%q): %+v unterminated, but the splitter reads the text", text, tk)
			}
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, c := range splitCases {
		f.Add(c.in)
	}
	for _, s := range []string{"E'a\\'b'", "$t$ x $t$", "/* a /* b */ c */", "/*!1 x */", "`a``b`", `"a""b"`, "# c\n'x'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range []Rules{pgRules, myRules, ltRules, AllDialects} {
			checkTokens(t, text, r)
		}
	})
}
