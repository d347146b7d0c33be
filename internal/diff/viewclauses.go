package diff

import "github.com/retortdb/retort/schema"

// sameViewClauses reports whether two views agree on the clauses beside
// their query (MySQL/MariaDB ALGORITHM, DEFINER, SQL SECURITY, CHECK
// OPTION); a change to one recreates the view.
func sameViewClauses(a, b *schema.View) bool {
	return a.Algorithm == b.Algorithm && a.Definer == b.Definer && a.Security == b.Security && a.CheckOption == b.CheckOption
}
