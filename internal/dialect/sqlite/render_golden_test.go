package sqlite

import (
	"flag"
	"slices"
	"strings"
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

// users is a table rendered from the IR (no stored statement), with one of
// everything a table can carry.
func users() *schema.Table {
	id := col("id", "INTEGER", false)
	id.AutoIncrement = true
	name := col("name", "varchar(50)", true)
	name.Default = "'anon'"
	name.Collation = "NOCASE"
	email := col("email", "TEXT", false)
	score := col("score", "REAL", true)
	score.Default = "abs(-1)"
	half := col("half", "REAL", true)
	half.Generated = &schema.Generated{Expr: "score / 2"}
	kind := col("Kind", "", true)
	kind.Default = "-1.5"
	return &schema.Table{
		Name:       "users",
		Columns:    []*schema.Column{id, name, email, score, half, kind},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
		Uniques:    []*schema.Unique{{Name: "uq_users_email", Columns: []string{"email"}}, {Columns: []string{"name", "email"}}},
		Checks: []*schema.Check{
			{Name: "ck_score", Expr: "score >= 0", Column: "score"},
			{Expr: "length(name) > 0"},
		},
		ForeignKeys: []*schema.ForeignKey{{
			Name: "fk_users_team", Columns: []string{"name"}, RefTable: "teams", RefColumns: []string{"name"},
			OnDelete: "CASCADE", OnUpdate: "SET NULL", Deferrable: true, InitiallyDeferred: true,
		}},
		Indexes: []*schema.Index{
			{Name: "ix_users_name", Parts: []schema.IndexPart{{Column: "name", Collation: "BINARY", Desc: true}}, Where: "name IS NOT NULL"},
			{Name: "ix_users_lower", Unique: true, Parts: []schema.IndexPart{{Expr: "lower(email)"}, {Column: "score"}}},
		},
	}
}

func trigger(name, table, sql string) *schema.Object {
	return &schema.Object{Kind: "trigger", Name: name, Table: table, SQL: sql, Def: definition(sql)}
}

// stored is a table known by its stored CREATE statement, as the inspector
// reports it.
func stored(sql string, cols ...*schema.Column) *schema.Table {
	return &schema.Table{Name: "notes", Columns: cols, SQL: sql, Def: definition(sql),
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}}
}

const notesSQL = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"

func notes() *schema.Table {
	return stored(notesSQL, col("id", "INTEGER", false), col("body", "TEXT", true))
}

// modify returns a ModifyTable from base() to base() changed by edit.
func modify(base func() *schema.Table, edit func(from, to *schema.Table) []schema.TableChange) *schema.ModifyTable {
	from, to := base(), base()
	return &schema.ModifyTable{From: from, To: to, Changes: edit(from, to)}
}

// retype returns a copy of column i of t changed by edit, and the
// ModifyColumn to it.
func retype(t *schema.Table, i int, change schema.ColumnChange, edit func(c *schema.Column)) *schema.ModifyColumn {
	f := t.Columns[i]
	c := *f
	edit(&c)
	t.Columns[i] = &c
	return &schema.ModifyColumn{From: f, To: &c, Change: change}
}

func renderCases() []rendertest.Case {
	return []rendertest.Case{
		{Name: "table", Changes: []schema.Change{&schema.AddTable{Table: users()}, &schema.AddObject{Object: trigger("tr_users", "users", "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END")}}},
		// A Go model's table: constraints without a name take the server's.
		{Name: "table_unnamed", Changes: []schema.Change{&schema.AddTable{Table: unnamed()}}},
		{Name: "table_options", Changes: []schema.Change{func() schema.Change {
			t := users()
			t.WithoutRowID, t.Strict = true, true
			t.PrimaryKey = &schema.PrimaryKey{Name: "pk_users", Columns: []string{"id", "email"}}
			t.Indexes = nil
			return &schema.AddTable{Table: t}
		}()}},
		{Name: "table_stored", Changes: []schema.Change{func() schema.Change {
			t := notes()
			t.Indexes = []*schema.Index{{Name: "ix_notes_body", Parts: []schema.IndexPart{{Column: "body"}}, SQL: "CREATE INDEX ix_notes_body ON notes(body)"}}
			return &schema.AddTable{Table: t}
		}()}},
		{Name: "view", Changes: []schema.Change{
			&schema.AddView{View: &schema.View{Name: "names", Def: "SELECT name FROM users"}},
			&schema.AddView{View: &schema.View{Name: "Emails", Def: "SELECT email FROM users", SQL: `CREATE VIEW "Emails" AS SELECT email FROM users`}},
		}},
		{Name: "unsupported_enum", Changes: []schema.Change{&schema.AddEnum{Enum: &schema.Enum{Name: "mood", Values: []string{"a"}}}}},
		{Name: "native_add_column", Changes: []schema.Change{func() schema.Change {
			added := col("tag", "TEXT", true)
			added.Default = "'x'"
			from := notes()
			to := stored("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, tag TEXT DEFAULT 'x')", from.Columns[0], from.Columns[1], added)
			return &schema.ModifyTable{From: from, To: to, Changes: []schema.TableChange{&schema.AddColumn{Column: added}}}
		}()}},
		{Name: "native_indexes", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			x := &schema.Index{Name: "ix_users_email", Unique: true, Parts: []schema.IndexPart{{Column: "email"}}}
			renamed := *from.Indexes[1]
			renamed.Name = "ix_lower"
			to.Indexes = []*schema.Index{&renamed, x}
			return []schema.TableChange{
				&schema.DropIndex{Index: from.Indexes[0]}, &schema.AddIndex{Index: x},
				&schema.RenameIndex{From: from.Indexes[1], To: &renamed},
			}
		})}},
		// Triggers: dropped (with a review note unless created again), created
		// from their stored statement, replaced by a drop and a create; an
		// INSTEAD OF trigger on a view like any other.
		{Name: "triggers", Changes: []schema.Change{
			&schema.DropObject{Object: trigger("tr_users", "users", "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END")},
			&schema.AddObject{Object: trigger("tr_new", "users", "CREATE TRIGGER tr_new AFTER DELETE ON users BEGIN SELECT 2; END")},
			&schema.ReplaceObject{From: trigger("tr_x", "users", "CREATE TRIGGER tr_x AFTER DELETE ON users BEGIN SELECT 2; END"),
				To: trigger("tr_x", "users", "CREATE TRIGGER tr_x AFTER DELETE ON users BEGIN SELECT 3; END")},
			&schema.DropObject{Object: trigger("names_ins", "names", "CREATE TRIGGER names_ins INSTEAD OF INSERT ON names BEGIN INSERT INTO users (name) VALUES (NEW.name); END")},
			&schema.AddObject{Object: trigger("names_ins", "names", "CREATE TRIGGER names_ins INSTEAD OF INSERT ON names BEGIN INSERT INTO users (name) VALUES (NEW.name); END")},
		}},
		{Name: "unsupported_function", Changes: []schema.Change{&schema.AddObject{Object: &schema.Object{Kind: "function", Name: "f()", SQL: "CREATE FUNCTION f()"}}}},
		{Name: "rebuild_columns", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			added := col("age", "INTEGER", false)
			to.Columns = append(to.Columns, added)
			to.Columns = slices.DeleteFunc(to.Columns, func(c *schema.Column) bool { return c.Name == "half" || c.Name == "Kind" })
			return []schema.TableChange{
				retype(to, 1, schema.ChangeType|schema.ChangeNull|schema.ChangeCollation, func(c *schema.Column) {
					c.Type = parseType("INTEGER")
					c.Nullable = false
					c.Collation = ""
				}),
				retype(to, 2, schema.ChangeType, func(c *schema.Column) { c.Type = parseType("BLOB") }),
				retype(to, 3, schema.ChangeType|schema.ChangeGenerated|schema.ChangeDefault, func(c *schema.Column) {
					c.Type = parseType("TEXT")
					c.Default = ""
					c.Generated = &schema.Generated{Expr: "id * 2", Stored: true}
				}),
				&schema.AddColumn{Column: added},
				&schema.DropColumn{Column: from.Columns[4]}, &schema.DropColumn{Column: from.Columns[5]},
			}
		})}},
		{Name: "rebuild_keys", Changes: []schema.Change{modify(notes, func(from, to *schema.Table) []schema.TableChange {
			fresh := col("ref", "INTEGER", true)
			to.SQL, to.Def = "", ""
			to.Columns = append(to.Columns, fresh)
			to.PrimaryKey = &schema.PrimaryKey{Columns: []string{"id", "body"}}
			u := &schema.Unique{Name: "uq_ref", Columns: []string{"ref"}}
			u2 := &schema.Unique{Name: "uq_body", Columns: []string{"body"}}
			ck := &schema.Check{Name: "ck_body", Expr: "body <> ''"}
			fk := &schema.ForeignKey{Name: "fk_ref", Columns: []string{"ref"}, RefTable: "notes", RefColumns: []string{"id"}}
			fk2 := &schema.ForeignKey{Columns: []string{"body"}, RefTable: "bodies", RefColumns: []string{"text"}}
			to.Uniques = []*schema.Unique{u, u2}
			to.Checks = []*schema.Check{ck}
			to.ForeignKeys = []*schema.ForeignKey{fk, fk2}
			to.Strict = true
			return []schema.TableChange{
				&schema.AddColumn{Column: fresh},
				&schema.DropPrimaryKey{PrimaryKey: from.PrimaryKey}, &schema.AddPrimaryKey{PrimaryKey: to.PrimaryKey},
				&schema.AddUnique{Unique: u}, &schema.AddUnique{Unique: u2}, &schema.AddCheck{Check: ck},
				&schema.AddForeignKey{ForeignKey: fk}, &schema.AddForeignKey{ForeignKey: fk2},
				&schema.ModifyTableOptions{From: from, To: to},
			}
		})}},
		{Name: "rebuild_autoincrement", Changes: []schema.Change{modify(users, func(from, to *schema.Table) []schema.TableChange {
			to.Name = strings.Repeat("t", 55)
			from.Name = to.Name
			return []schema.TableChange{
				retype(to, 0, schema.ChangeNull, func(c *schema.Column) { c.Nullable = true }),
			}
		})}},
		{Name: "rebuild_rowid", Changes: []schema.Change{modify(notes, func(from, to *schema.Table) []schema.TableChange {
			base := stored("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)", col("id", "TEXT", false), col("body", "TEXT", true))
			*from = *base
			return []schema.TableChange{&schema.ModifyColumn{From: from.Columns[0], To: to.Columns[0], Change: schema.ChangeType}}
		})}},
	}
}

// unnamed is a table as Go models build it: the unique constraint, check and
// foreign key carry no name, the default is as a tag spells it.
func unnamed() *schema.Table {
	extra := col("nick", "text", true)
	extra.Default = `"anon"`
	return &schema.Table{
		Name:        "pets",
		Columns:     []*schema.Column{col("id", "INTEGER", false), col("owner_id", "INTEGER", true), extra},
		PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
		Uniques:     []*schema.Unique{{Columns: []string{"owner_id"}}},
		Checks:      []*schema.Check{{Expr: "owner_id > 0"}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"owner_id"}, RefTable: "owners", RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "RESTRICT"}},
	}
}
