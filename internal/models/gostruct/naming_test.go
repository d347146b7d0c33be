package gostruct

import (
	"testing"

	"gorm.io/gorm/schema"
)

// TestNamingMatchesGORM checks the naming port against GORM's own
// NamingStrategy.
func TestNamingMatchesGORM(t *testing.T) {
	t.Parallel()
	ns := schema.NamingStrategy{}
	for _, name := range []string{"ID", "UserID", "HTTPStatus", "APIKey", "URLPath", "Person", "Category", "Address",
		"OrderLine", "Status", "Index", "Mouse", "Sheep", "DataURL", "Item2", "X", "AB", "ABc", "JSONData", "SKU",
		"ThisIsAVeryLongStructNameThatGoesOnAndOnForeverAndEverAndEverAndEver"} {
		if got, want := snakeName(name), ns.ColumnName("", name); got != want {
			t.Errorf("snakeName(%q) = %q, GORM says %q", name, got, want)
		}
		if got, want := tableName(name), ns.TableName(name); got != want {
			t.Errorf("tableName(%q) = %q, GORM says %q", name, got, want)
		}
		tbl := ns.TableName(name)
		if got, want := constraintName("idx", tbl, snakeName(name)), ns.IndexName(tbl, name); got != want {
			t.Errorf("index name for %q = %q, GORM says %q", name, got, want)
		}
		if got, want := constraintName("chk", tbl, snakeName(name)), ns.CheckerName(tbl, snakeName(name)); got != want {
			t.Errorf("check name for %q = %q, GORM says %q", name, got, want)
		}
	}
}
