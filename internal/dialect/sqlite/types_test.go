package sqlite

import "testing"

func TestAgDefAndName(t *testing.T) {
	t.Parallel()
	a := "CREATE TABLE t (\n  id INTEGER PRIMARY KEY, -- the key\n  \"Name\" varchar (20)\n)"
	b := `create table "t"(id integer primary key, name VARCHAR(20))`
	if agDef(a) != agDef(b) {
		t.Errorf("equal definitions differ:\n%s\n%s", agDef(a), agDef(b))
	}
	if agDef(a) == agDef("CREATE TABLE t (id INTEGER PRIMARY KEY, name varchar(21))") {
		t.Error("different definitions compare equal")
	}
	got, ok := agWithName(`CREATE TABLE IF NOT EXISTS main."t" (x)`, "_new")
	if !ok || got != `CREATE TABLE IF NOT EXISTS _new (x)` {
		t.Errorf("agWithName = %q", got)
	}
	if typ := agParseType("varchar (20)"); typ.SQL != "VARCHAR(20)" || typ.Length != 20 {
		t.Errorf("agParseType = %+v", typ)
	}
	items, ok := agTableItems("CREATE TABLE t (a int CHECK (a > 0), b text, CONSTRAINT pk PRIMARY KEY (a, b))")
	if !ok || len(items) != 3 || !items[2].agIsConstraint() || items[0].text != "a int CHECK (a > 0)" {
		t.Errorf("agTableItems = %+v", items)
	}
}
