package postgres

import "testing"

func TestAgParseType(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in                    string
		name                  string
		length, prec, sc, arr int
	}{
		{"character varying(50)", "character varying", 50, 0, 0, 0},
		{"numeric(10,2)", "numeric", 0, 10, 2, 0},
		{"timestamp(3) with time zone", "timestamp with time zone", 0, 3, 0, 0},
		{"integer[]", "integer", 0, 0, 0, 1},
		{"text[][]", "text", 0, 0, 0, 2},
	}
	for _, c := range cases {
		got := agParseType(c.in)
		if got.Name != c.name || got.Length != c.length || got.Precision != c.prec || got.Scale != c.sc || got.Array != c.arr || got.SQL != c.in {
			t.Errorf("agParseType(%q) = %+v", c.in, got)
		}
	}
	if agNeedsUsing(agParseType("integer"), agParseType("bigint")) || !agNeedsUsing(agParseType("text"), agParseType("integer")) ||
		agNeedsUsing(agParseType("integer"), agParseType("text")) {
		t.Error("agNeedsUsing misjudges integer/bigint/text")
	}
	if !agWidens(agParseType("character varying(10)"), agParseType("text")) || agWidens(agParseType("bigint"), agParseType("integer")) {
		t.Error("agWidens misjudges")
	}
	if agQuote("users") != "users" || agQuote("order") != `"order"` || agQuote("Users") != `"Users"` {
		t.Error("agQuote")
	}
}
