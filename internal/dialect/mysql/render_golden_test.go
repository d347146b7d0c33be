package mysql

import (
	"flag"
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/dialect/rendertest"
	"github.com/retortdb/retort/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRenderGolden pins the SQL that typed changes render to, in both
// directions (the changes and their Reverse), without a server: a change
// to the renderer shows up as a diff of testdata/render/*.sql.
func TestRenderGolden(t *testing.T) {
	t.Parallel()
	rendertest.Run(t, Render, renderCases(), *update)
}

func col(name, typ string, nullable bool) *schema.Column {
	return &schema.Column{Name: name, Type: parseType(typ), Nullable: nullable}
}

// users is a table with one of everything a table can carry.
func users() *schema.Table {
	id := col("id", "int(11)", false)
	id.AutoIncrement = true
	name := col("name", "varchar(50)", true)
	name.Default = "'anon'"
	name.Comment = "display name"
	name.Collation = "utf8mb4_bin"
	email := col("email", "varchar(255)", false)
	created := col("created", "timestamp", false)
	created.Default = "current_timestamp()"
	created.OnUpdate = "current_timestamp()"
	score := col("score", "int(11)", true)
	score.Default = "(1 + 1)"
	half := col("half", "int(11)", true)
	half.Generated = &schema.Generated{Expr: "`score` / 2"}
	seen := col("seen", "timestamp", true)
	return &schema.Table{
		Name:       "users",
		Columns:    []*schema.Column{id, name, email, created, score, half, seen},
		PrimaryKey: &schema.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}},
		Uniques:    []*schema.Unique{{Name: "uq_users_email", Columns: []string{"email"}}},
		Checks: []*schema.Check{
			{Name: "ck_users_score", Expr: "`score` >= 0"},
			{Name: "score", Expr: "`score` < 100", Column: "score"},
		},
		Indexes: []*schema.Index{
			{Name: "ix_users_name", Parts: []schema.IndexPart{{Column: "name", Prefix: 10, Desc: true}}, Comment: "lookup"},
			{Name: "ix_users_ft", Method: "FULLTEXT", Parts: []schema.IndexPart{{Column: "email"}}},
			{Name: "ix_users_expr", Unique: true, Method: "HASH", Parts: []schema.IndexPart{{Expr: "lower(`email`)"}}},
		},
		Comment:   "people who sign in",
		Engine:    "InnoDB",
		Collation: "utf8mb4_general_ci",
		Options:   "row_format=DYNAMIC stats_persistent=1",
	}
}

func orders() *schema.Table {
	return &schema.Table{
		Schema:     "shop",
		Name:       "orders",
		Columns:    []*schema.Column{col("id", "bigint(20) unsigned", false), col("user_id", "int(11)", true)},
		PrimaryKey: &schema.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}},
		Indexes:    []*schema.Index{{Name: "user_id", Parts: []schema.IndexPart{{Column: "user_id"}}}},
		ForeignKeys: []*schema.ForeignKey{{
			Name: "fk_orders_user", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"},
			OnDelete: "CASCADE", OnUpdate: "SET NULL",
		}},
	}
}

// modify returns a ModifyTable from base() to base() changed by edit.
func modify(base func() *schema.Table, edit func(from, to *schema.Table) []schema.TableChange) *schema.ModifyTable {
	from, to := base(), base()
	return &schema.ModifyTable{From: from, To: to, Changes: edit(from, to)}
}

// retype returns a copy of c changed by edit, and the ModifyColumn to it.
func retype(t *schema.Table, i int, change schema.ColumnChange, edit func(c *schema.Column)) *schema.ModifyColumn {
	f := t.Columns[i]
	c := *f
	edit(&c)
	t.Columns[i] = &c
	return &schema.ModifyColumn{From: f, To: &c, Change: change}
}

func renderCases() []rendertest.Case {
	return []rendertest.Case{
		{Name: "table", Changes: []schema.Change{&schema.AddTable{Table: users()}, &schema.AddTable{Table: orders()}}},
		// A Go model's table: constraints without a name take the server's.
		{Name: "table_unnamed", Changes: []schema.Change{&schema.AddTable{Table: unnamed()}}},
		{Name: "view", Changes: []schema.Change{&schema.AddView{View: &schema.View{Schema: "shop", Name: "names",
			Def: "select `users`.`name` AS `name` from `users`"}}}},
		{Name: "unsupported_enum", Changes: []schema.Change{&schema.AddEnum{Enum: &schema.Enum{Name: "mood", Values: []string{"a"}}}}},
		{Name: "sequences", Changes: []schema.Change{
			&schema.AddSequence{Sequence: &schema.Sequence{Name: "s", Start: 10, Min: 1, Max: 1000, Increment: 5, Cache: 20, Cycle: true, Comment: "it's s"}},
			&schema.ModifySequence{From: &schema.Sequence{Name: "n", Start: 1, Min: 1, Max: 99, Increment: 1, Cache: 1000},
				To: &schema.Sequence{Name: "n", Start: 1, Min: 1, Max: 999, Increment: 2, Cache: 1000, Comment: "n"}},
			&schema.RenameSequence{From: "old", To: "new"},
		}},
		{Name: "unsupported_object", Changes: []schema.Change{&schema.AddObject{Object: &schema.Object{Kind: "materialized view", Name: "mv", SQL: "CREATE MATERIALIZED VIEW mv AS SELECT 1"}}}},
		{Name: "column_add_drop", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			first := col("tenant", "int(11)", false)
			mid := col("nick", "varchar(20)", true)
			last := col("age", "tinyint(3) unsigned", false)
			to.Columns = append([]*schema.Column{first}, to.Columns...)
			to.Columns = append(to.Columns[:3], append([]*schema.Column{mid}, to.Columns[3:]...)...)
			to.Columns = append(to.Columns, last)
			to.Columns = slices.DeleteFunc(to.Columns, func(c *schema.Column) bool { return c.Name == "half" || c.Name == "seen" })
			return []schema.TableChange{
				&schema.AddColumn{Column: first}, &schema.AddColumn{Column: mid}, &schema.AddColumn{Column: last},
				&schema.DropColumn{Column: from.Columns[5]}, &schema.DropColumn{Column: from.Columns[6]},
			}
		})}},
		{Name: "column_modify", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			return []schema.TableChange{
				retype(to, 1, schema.ChangeType|schema.ChangeCollation|schema.ChangeComment, func(c *schema.Column) {
					c.Type = parseType("varchar(100)")
					c.Collation = ""
					c.Comment = ""
				}),
				retype(to, 2, schema.ChangeType, func(c *schema.Column) { c.Type = parseType("varchar(10)") }),
				retype(to, 6, schema.ChangeNull|schema.ChangeDefault, func(c *schema.Column) {
					c.Nullable = false
					c.Default = "'2000-01-01 00:00:00'"
				}),
				retype(to, 3, schema.ChangeOnUpdate, func(c *schema.Column) { c.OnUpdate = "" }),
			}
		})}},
		{Name: "column_position", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			to.Columns[0], to.Columns[1], to.Columns[2] = from.Columns[2], from.Columns[0], from.Columns[1]
			return []schema.TableChange{
				&schema.ModifyColumn{From: from.Columns[1], To: from.Columns[1], Change: schema.ChangePosition},
				&schema.ModifyColumn{From: from.Columns[2], To: from.Columns[2], Change: schema.ChangePosition},
			}
		})}},
		{Name: "auto_increment_off", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			return []schema.TableChange{retype(to, 0, schema.ChangeAutoIncrement, func(c *schema.Column) { c.AutoIncrement = false })}
		})}},
		{Name: "auto_increment_type", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			return []schema.TableChange{retype(to, 0, schema.ChangeAutoIncrement|schema.ChangeType, func(c *schema.Column) {
				c.AutoIncrement = false
				c.Type = parseType("bigint(20)")
			})}
		})}},
		{Name: "primary_key_change", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			to.PrimaryKey = &schema.PrimaryKey{Name: "PRIMARY", Columns: []string{"email", "name"}}
			return []schema.TableChange{
				&schema.DropPrimaryKey{PrimaryKey: from.PrimaryKey},
				retype(to, 1, schema.ChangeNull, func(c *schema.Column) { c.Nullable = false }),
				&schema.AddPrimaryKey{PrimaryKey: to.PrimaryKey},
			}
		})}},
		{Name: "primary_key_composite_drop", Changes: []schema.Change{func() schema.Change {
			base := func() *schema.Table {
				t := users()
				t.Columns[0].AutoIncrement = false
				t.PrimaryKey.Columns = []string{"id", "email"}
				return t
			}
			return modify(base, func(from, to *schema.Table) []schema.TableChange {
				to.Columns = to.Columns[1:]
				to.PrimaryKey = &schema.PrimaryKey{Name: "PRIMARY", Columns: []string{"email"}}
				return []schema.TableChange{
					&schema.DropColumn{Column: from.Columns[0]},
					&schema.DropPrimaryKey{PrimaryKey: from.PrimaryKey},
					&schema.AddPrimaryKey{PrimaryKey: to.PrimaryKey},
				}
			})
		}()}},
		{Name: "auto_increment_column_add", Changes: []schema.Change{func() schema.Change {
			base := func() *schema.Table {
				t := users()
				t.Columns = t.Columns[1:]
				t.PrimaryKey = nil
				return t
			}
			return modify(base, func(from, to *schema.Table) []schema.TableChange {
				id := col("id", "int(11)", false)
				id.AutoIncrement = true
				to.Columns = append([]*schema.Column{id}, to.Columns...)
				to.PrimaryKey = &schema.PrimaryKey{Name: "PRIMARY", Columns: []string{"id"}}
				return []schema.TableChange{&schema.AddColumn{Column: id}, &schema.AddPrimaryKey{PrimaryKey: to.PrimaryKey}}
			})
		}()}},
		{Name: "keys", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			u := &schema.Unique{Name: "uq_name", Columns: []string{"name", "email"}}
			x := &schema.Index{Name: "ix_email", Unique: true, Parts: []schema.IndexPart{{Column: "email"}}}
			renamed := *from.Indexes[1]
			renamed.Name = "ix_ft"
			to.Uniques = []*schema.Unique{u}
			to.Indexes = []*schema.Index{&renamed, from.Indexes[2], x}
			return []schema.TableChange{
				&schema.DropUnique{Unique: from.Uniques[0]}, &schema.AddUnique{Unique: u},
				&schema.DropIndex{Index: from.Indexes[0]}, &schema.AddIndex{Index: x},
				&schema.RenameIndex{From: from.Indexes[1], To: &renamed},
			}
		})}},
		{Name: "foreign_key_index", Changes: []schema.Change{modify(orders, func(from, to *schema.Table) []schema.TableChange {
			x := &schema.Index{Name: "ix_user_id", Parts: []schema.IndexPart{{Column: "user_id"}, {Column: "id"}}}
			to.Indexes = []*schema.Index{x}
			return []schema.TableChange{&schema.DropIndex{Index: from.Indexes[0]}, &schema.AddIndex{Index: x}}
		})}},
		{Name: "foreign_key_add", Changes: []schema.Change{modify(orders, func(from, to *schema.Table) []schema.TableChange {
			fk := &schema.ForeignKey{Name: "fk_orders_user2", Columns: []string{"user_id"}, RefSchema: "shop", RefTable: "users", RefColumns: []string{"id"}}
			to.ForeignKeys = []*schema.ForeignKey{fk}
			return []schema.TableChange{&schema.DropForeignKey{ForeignKey: from.ForeignKeys[0]}, &schema.AddForeignKey{ForeignKey: fk}}
		})}},
		{Name: "checks", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			ck := &schema.Check{Name: "ck_len", Expr: "char_length(`name`) > 0"}
			to.Checks = []*schema.Check{ck}
			return []schema.TableChange{
				&schema.DropCheck{Check: from.Checks[0]}, &schema.DropCheck{Check: from.Checks[1]}, &schema.AddCheck{Check: ck},
			}
		})}},
		{Name: "rename_constraints", Changes: []schema.Change{modify(orders, func(from, to *schema.Table) []schema.TableChange {
			fk := *from.ForeignKeys[0]
			fk.Name = "orders_ibfk_1"
			to.ForeignKeys = []*schema.ForeignKey{&fk}
			to.Checks = []*schema.Check{{Name: "ck_new", Expr: "`id` > 0"}}
			from.Checks = []*schema.Check{{Name: "ck_old", Expr: "`id` > 0"}}
			to.Uniques = []*schema.Unique{{Name: "uq_new", Columns: []string{"id"}}}
			return []schema.TableChange{
				&schema.RenameConstraint{Kind: "foreign key", From: "fk_orders_user", To: "orders_ibfk_1"},
				&schema.RenameConstraint{Kind: "check", From: "ck_old", To: "ck_new"},
				&schema.RenameConstraint{Kind: "unique", From: "uq_old", To: "uq_new"},
				&schema.RenameConstraint{Kind: "primary key", From: "PRIMARY", To: "PRIMARY"},
			}
		})}},
		{Name: "table_options", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			to.Engine = "Aria"
			to.Options = "checksum=1 stats_persistent=0"
			to.Collation = "utf8mb3_general_ci"
			to.Comment = "it's people"
			return []schema.TableChange{
				&schema.ModifyTableOptions{From: from, To: to},
				&schema.ModifyTableComment{From: from.Comment, To: to.Comment},
			}
		})}},
	}
}

// unnamed is a table as Go models build it: the unique constraint, check and
// foreign key carry no name, the default is as a tag spells it.
func unnamed() *schema.Table {
	extra := col("active", "tinyint(1)", false)
	extra.Default = "TRUE"
	return &schema.Table{
		Name:        "pets",
		Columns:     []*schema.Column{col("id", "bigint", false), col("owner_id", "bigint", true), extra},
		PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
		Uniques:     []*schema.Unique{{Columns: []string{"owner_id"}}},
		Checks:      []*schema.Check{{Expr: "owner_id > 0"}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"owner_id"}, RefTable: "owners", RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "RESTRICT"}},
	}
}
