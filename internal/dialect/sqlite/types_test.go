package sqlite

import "testing"

func TestDefinitionAndName(t *testing.T) {
	t.Parallel()
	a := "CREATE TABLE t (\n  id INTEGER PRIMARY KEY, -- the key\n  \"Name\" varchar (20)\n)"
	b := `create table "t"(id integer primary key, name VARCHAR(20))`
	if definition(a) != definition(b) {
		t.Errorf("equal definitions differ:\n%s\n%s", definition(a), definition(b))
	}
	if definition(a) == definition("CREATE TABLE t (id INTEGER PRIMARY KEY, name varchar(21))") {
		t.Error("different definitions compare equal")
	}
	got, ok := withName(`CREATE TABLE IF NOT EXISTS main."t" (x)`, "_new")
	if !ok || got != `CREATE TABLE IF NOT EXISTS _new (x)` {
		t.Errorf("withName = %q", got)
	}
	if typ := parseType("varchar (20)"); typ.SQL != "VARCHAR(20)" || typ.Length != 20 {
		t.Errorf("parseType = %+v", typ)
	}
	items, ok := tableItems("CREATE TABLE t (a int CHECK (a > 0), b text, CONSTRAINT pk PRIMARY KEY (a, b))")
	if !ok || len(items) != 3 || !items[2].isConstraint() || items[0].text != "a int CHECK (a > 0)" {
		t.Errorf("tableItems = %+v", items)
	}
}
