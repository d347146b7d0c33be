package mysql

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// createView is the CREATE VIEW statement of v with the clauses it sets.
// A definer is written only when it names a host (view_definer = "exact"):
// a user alone (the default rule) cannot say which account, and the view
// then takes the migrating account, as it would from the models.
func createView(v *schema.View) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if v.Algorithm != "" {
		b.WriteString("ALGORITHM=" + v.Algorithm + " ")
	}
	if i := strings.LastIndex(v.Definer, "@"); i >= 0 {
		b.WriteString("DEFINER=" + quote(v.Definer[:i]) + "@" + quote(v.Definer[i+1:]) + " ")
	}
	if v.Security != "" {
		b.WriteString("SQL SECURITY " + v.Security + " ")
	}
	b.WriteString("VIEW " + qualify(v.Schema, v.Name) + " AS " + v.Def)
	if v.CheckOption != "" {
		b.WriteString(" WITH " + v.CheckOption + " CHECK OPTION")
	}
	return b.String()
}
