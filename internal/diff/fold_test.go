package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// TestNamesAsTheServerCompares is a table over every dialect's options
// (MySQL's for each lower_case_table_names) of names spelled in another
// case: the same object where the server compares them so (renamed to the
// new spelling, or rebuilt where the table's text is its catalog), another
// object where it does not.
func TestNamesAsTheServerCompares(t *testing.T) {
	t.Parallel()
	col := func(name string) *schema.Column {
		return &schema.Column{Name: name, Type: schema.Type{SQL: "integer", Name: "integer"}}
	}
	mk := func(table, id, email, ix, ref, refCol string) *schema.Schema {
		return &schema.Schema{Tables: []*schema.Table{
			{Name: table, Columns: []*schema.Column{col(id), col(email)}, PrimaryKey: &schema.PrimaryKey{Columns: []string{id}},
				Indexes: []*schema.Index{{Name: ix, Parts: []schema.IndexPart{{Column: email}}}}},
			{Name: "orders", Columns: []*schema.Column{col("id"), col("user_id")},
				ForeignKeys: []*schema.ForeignKey{{Name: "orders_user", Columns: []string{"user_id"}, RefTable: ref, RefColumns: []string{refCol}}}},
		}}
	}
	my := mysql.New()
	for _, c := range []struct {
		name string
		o    diff.Options
		// The changes' strings, in order, joined by "|", for a table, a
		// column, an index and a foreign key's reference spelled in
		// another case ("": no change: MySQL compares references
		// regardless of case; SQLite rebuilds the table to the models'
		// text, its catalog).
		table, column, index, refs string
	}{
		{
			name:   "postgres",
			o:      postgres.New().DiffOptions(),
			table:  `modify table "orders": drop foreign key "orders_user" (user_id)|add table "USERS"|modify table "orders": add foreign key "orders_user" (user_id) → USERS(id)|drop table "users"`,
			column: `modify table "users": drop index "ix"; add column "Email"; drop column "email"; add index "ix"`,
		},
		{
			name:   "sqlite",
			o:      sqlite.New().DiffOptions(),
			table:  `modify table "USERS": table definition`,
			column: `modify table "users": table definition`,
			index:  `modify table "users": rename index "ix" to "IX"`,
			refs:   `modify table "orders": drop foreign key "orders_user" (user_id); add foreign key "orders_user" (user_id) → users(ID)`,
		},
		{
			name:   "mysql lower_case_table_names=0",
			o:      my.DiffOptionsFor(&schema.Schema{}),
			table:  `modify table "orders": drop foreign key "orders_user" (user_id)|add table "USERS"|modify table "orders": add foreign key "orders_user" (user_id) → USERS(id)|drop table "users"`,
			column: `rename column "users.email" to "Email"`,
			index:  `modify table "users": rename index "ix" to "IX"`,
		},
		{
			name:   "mysql lower_case_table_names=2",
			o:      my.DiffOptionsFor(&schema.Schema{LowerCaseTableNames: 2}),
			table:  `rename table "users" to "USERS"`,
			column: `rename column "users.email" to "Email"`,
			index:  `modify table "users": rename index "ix" to "IX"`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			base := func() *schema.Schema { return mk("users", "id", "email", "ix", "users", "id") }
			for _, k := range []struct {
				what string
				to   *schema.Schema
				want string
			}{
				{"table", mk("USERS", "id", "email", "ix", "USERS", "id"), c.table},
				{"column", mk("users", "id", "Email", "ix", "users", "id"), c.column},
				{"index", mk("users", "id", "email", "IX", "users", "id"), c.index},
				{"references", mk("users", "id", "email", "ix", "users", "ID"), c.refs},
			} {
				got, err := diff.Diff(base(), k.to, c.o)
				if err != nil {
					t.Fatal(err)
				}
				var s []string
				for _, ch := range got {
					s = append(s, ch.String())
				}
				if c.name == "postgres" && (k.what == "index" || k.what == "references") {
					continue // PostgreSQL's parser folds them: models never differ so.
				}
				if g := strings.Join(s, "|"); g != k.want {
					t.Errorf("%s:\n got %s\nwant %s", k.what, g, k.want)
				}
				// Applying the change in reverse goes back: the diff the
				// other way is of the same shape.
				back, err := diff.Diff(k.to, base(), c.o)
				if err != nil || (len(back) == 0) != (len(got) == 0) {
					t.Errorf("%s: reverse diff %v %v", k.what, back, err)
				}
			}
		})
	}
}
