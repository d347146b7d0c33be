package mysql

import "testing"

func TestParseType(t *testing.T) {
	t.Parallel()
	if typ := parseType("int(10) unsigned"); typ.Name != "int" || !typ.Unsigned || typ.Length != 10 {
		t.Errorf("int(10) unsigned: %+v", typ)
	}
	if typ := parseType("decimal(10,2)"); typ.Precision != 10 || typ.Scale != 2 {
		t.Errorf("decimal: %+v", typ)
	}
	if typ := parseType("enum('a','it''s')"); len(typ.Values) != 2 || typ.Values[1] != "it's" {
		t.Errorf("enum: %+v", typ)
	}
	if !widens(parseType("varchar(10)"), parseType("varchar(20)")) || widens(parseType("bigint(20)"), parseType("int(11)")) {
		t.Error("widens misjudges")
	}
	if !literalDefault("'x'") || !literalDefault("current_timestamp()") || literalDefault("a + 1") {
		t.Error("literalDefault misjudges")
	}
}
