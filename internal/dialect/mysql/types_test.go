package mysql

import "testing"

func TestAgParseType(t *testing.T) {
	t.Parallel()
	if typ := agParseType("int(10) unsigned"); typ.Name != "int" || !typ.Unsigned || typ.Length != 10 {
		t.Errorf("int(10) unsigned: %+v", typ)
	}
	if typ := agParseType("decimal(10,2)"); typ.Precision != 10 || typ.Scale != 2 {
		t.Errorf("decimal: %+v", typ)
	}
	if typ := agParseType("enum('a','it''s')"); len(typ.Values) != 2 || typ.Values[1] != "it's" {
		t.Errorf("enum: %+v", typ)
	}
	if !agWidens(agParseType("varchar(10)"), agParseType("varchar(20)")) || agWidens(agParseType("bigint(20)"), agParseType("int(11)")) {
		t.Error("agWidens misjudges")
	}
	if !agLiteralDefault("'x'") || !agLiteralDefault("current_timestamp()") || agLiteralDefault("a + 1") {
		t.Error("agLiteralDefault")
	}
}
