package postgres

import "testing"

func TestParseType(t *testing.T) {
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
		got := parseType(c.in)
		if got.Name != c.name || got.Length != c.length || got.Precision != c.prec || got.Scale != c.sc || got.Array != c.arr || got.SQL != c.in {
			t.Errorf("parseType(%q) = %+v", c.in, got)
		}
	}
	if needsUsing(parseType("integer"), parseType("bigint")) || !needsUsing(parseType("text"), parseType("integer")) ||
		needsUsing(parseType("integer"), parseType("text")) {
		t.Error("needsUsing misjudges integer/bigint/text")
	}
	if !widens(parseType("character varying(10)"), parseType("text")) || widens(parseType("bigint"), parseType("integer")) {
		t.Error("widens misjudges")
	}
	if quote("users") != "users" || quote("order") != `"order"` || quote("Users") != `"Users"` {
		t.Error("quote misjudges")
	}
}
