package postgres

import (
	"flag"
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
	name := col("name", "character varying(50)", true)
	name.Default = "'anon'::character varying"
	name.Comment = "display name"
	email := col("email", "text", false)
	email.Collation = `"C"`
	tags := col("tags", "text[]", true)
	return &schema.Table{
		Name:       "users",
		Columns:    []*schema.Column{col("id", "integer", false), name, email, tags},
		PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
		Uniques:    []*schema.Unique{{Name: "uq_users_email", Columns: []string{"email"}, Deferrable: true, InitiallyDeferred: true}},
		Checks:     []*schema.Check{{Name: "ck_users_name", Expr: "(length((name)::text) > 0)"}},
		Indexes: []*schema.Index{
			{Name: "ix_users_name", Parts: []schema.IndexPart{{Column: "name", Desc: true, NullsLast: true}}, Where: "(name IS NOT NULL)", Comment: "lookup"},
			{Name: "ix_users_lower", Unique: true, Method: "btree", Parts: []schema.IndexPart{{Expr: "lower(email)", Collation: `"C"`, OpClass: "text_pattern_ops"}}, Include: []string{"id"}},
			{Name: "ix_users_tags", Method: "gin", Parts: []schema.IndexPart{{Column: "tags"}}},
		},
		Comment: "people who sign in",
	}
}

func orders() *schema.Table {
	return &schema.Table{
		Schema:     "shop",
		Name:       "orders",
		Columns:    []*schema.Column{col("id", "bigint", false), col("user_id", "integer", true), col("Total", "numeric(10,2)", false)},
		PrimaryKey: &schema.PrimaryKey{Name: "orders_pkey", Columns: []string{"id"}},
		ForeignKeys: []*schema.ForeignKey{{
			Name: "fk_orders_user", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"},
			OnDelete: "CASCADE", OnUpdate: "SET NULL", Match: "FULL", Deferrable: true,
		}},
		Checks: []*schema.Check{{Name: "ck_total", Expr: `"Total" >= 0`, NoInherit: true}},
	}
}

func seq(name, typ string) *schema.Sequence {
	s := defaultSequence("", name, typ)
	return &s
}

// modify returns a ModifyTable from users() to users() changed by edit.
func modify(edit func(to *schema.Table) []schema.TableChange) *schema.ModifyTable {
	from, to := users(), users()
	return &schema.ModifyTable{From: from, To: to, Changes: edit(to)}
}

func renderCases() []rendertest.Case {
	serial := col("id", "integer", false)
	serial.Sequence = seq("counters_id_seq", "integer")
	serial.Default = "nextval('counters_id_seq'::regclass)"
	ident := col("n", "bigint", false)
	ident.Identity = &schema.Identity{Always: true}
	ident.Sequence = &schema.Sequence{Name: "counters_n_seq", Type: "bigint", Start: 10, Increment: 5, Min: 1, Max: 9223372036854775807, Cache: 1}
	owned := col("m", "integer", false)
	owned.Sequence = &schema.Sequence{Name: "m_numbers", Type: "integer", Start: 1, Increment: 1, Min: 1, Max: 2147483647, Cache: 1, Comment: "owned"}
	owned.Default = "nextval('m_numbers'::regclass)"
	gen := col("doubled", "bigint", true)
	gen.Generated = &schema.Generated{Expr: "(n * 2)", Stored: true}
	counters := &schema.Table{Name: "counters", Columns: []*schema.Column{serial, ident, owned, gen}}

	mood := &schema.Enum{Name: "mood", Values: []string{"sad", "ok"}, Comment: "feelings"}
	moodCol := col("feeling", "mood", true)
	moodCol.Default = "'ok'::mood"
	moodArr := col("history", "mood[]", true)
	moodTable := &schema.Table{Name: "diary", Columns: []*schema.Column{moodCol, moodArr}}
	moodUsers := []schema.EnumUser{{Table: moodTable, Column: moodCol}, {Table: moodTable, Column: moodArr}}

	standalone := &schema.Sequence{Schema: "shop", Name: "tickets", Type: "integer", Start: 100, Increment: 2, Min: 1, Max: 2147483647, Cache: 20, Cycle: true, Comment: "ticket numbers"}
	standalone2 := *standalone
	standalone2.Type, standalone2.Max, standalone2.Increment, standalone2.Cycle, standalone2.Comment = "bigint", 9223372036854775807, 1, false, ""

	return []rendertest.Case{
		{Name: "namespace", Changes: []schema.Change{&schema.AddNamespace{Name: "shop"}}},
		{Name: "extension", Changes: []schema.Change{&schema.AddExtension{Extension: &schema.Extension{Name: "pg_trgm", Schema: "shop"}}}},
		{Name: "enum", Changes: []schema.Change{&schema.AddEnum{Enum: mood}}},
		{Name: "enum_add_values", Changes: []schema.Change{&schema.ModifyEnum{From: mood,
			To: &schema.Enum{Name: "mood", Values: []string{"happy", "sad", "ok", "great"}, Comment: "feelings"}}}},
		{Name: "enum_recreate", Changes: []schema.Change{&schema.ModifyEnum{From: mood,
			To: &schema.Enum{Name: "mood", Values: []string{"ok"}}, Users: moodUsers}}},
		{Name: "enum_recreate_forced", Changes: []schema.Change{&schema.ModifyEnum{From: mood,
			To: &schema.Enum{Name: "mood", Values: []string{"sad", "ok", "great"}, Comment: "feelings"}, Users: moodUsers, Recreate: true}}},
		{Name: "sequence", Changes: []schema.Change{&schema.AddSequence{Sequence: standalone}}},
		{Name: "sequence_modify", Changes: []schema.Change{&schema.ModifySequence{From: standalone, To: &standalone2}}},
		{Name: "table", Changes: []schema.Change{&schema.AddTable{Table: users()}, &schema.AddTable{Table: orders()}}},
		// A Go model's table: constraints without a name take the server's.
		{Name: "table_unnamed", Changes: []schema.Change{&schema.AddTable{Table: unnamed()}}},
		{Name: "table_sequences", Changes: []schema.Change{&schema.AddTable{Table: counters}}},
		{Name: "view", Changes: []schema.Change{&schema.AddView{View: &schema.View{Schema: "shop", Name: "names",
			Def: " SELECT ARRAY['a'::text, 'b'::text] AS x, users.name\n   FROM users;", Comment: "just names"}}}},
		{Name: "column_add_drop", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			age := col("age", "integer", false)
			age.Comment = "years"
			nick := col("nick", "text", true)
			to.Columns = append(to.Columns, age, nick)
			return []schema.TableChange{&schema.AddColumn{Column: age}, &schema.AddColumn{Column: nick}}
		})}},
		// Checks that belong to a column (an imported history's) are
		// written in its definition, when the table is made and when the
		// column is added.
		{Name: "column_check", Changes: []schema.Change{
			&schema.AddTable{Table: &schema.Table{Name: "stock", Columns: []*schema.Column{col("id", "integer", false), col("qty", "integer", true)},
				Checks: []*schema.Check{{Expr: "qty >= 0", Column: "qty"}, {Name: "ck_stock_id", Expr: "id > 0"}}}},
			modify(func(to *schema.Table) []schema.TableChange {
				age := col("age", "integer", true)
				to.Columns = append(to.Columns, age)
				to.Checks = append(to.Checks, &schema.Check{Expr: "age >= 0", Column: "age"}, &schema.Check{Name: "ck_users_age", Expr: "age < 200", Column: "age"})
				return []schema.TableChange{&schema.AddColumn{Column: age}}
			}),
		}},
		{Name: "column_drop_generated", Changes: []schema.Change{&schema.ModifyTable{From: counters, To: counters,
			Changes: []schema.TableChange{&schema.DropColumn{Column: gen}}}}},
		{Name: "column_add_serial", Changes: []schema.Change{&schema.ModifyTable{From: counters, To: counters,
			Changes: []schema.TableChange{&schema.AddColumn{Column: owned}}}}},
		{Name: "column_type_widen", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			f := users().Columns[0]
			c := *f
			c.Type = parseType("bigint")
			to.Columns[0] = &c
			return []schema.TableChange{&schema.ModifyColumn{From: f, To: &c, Change: schema.ChangeType}}
		})}},
		{Name: "column_type_using", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			f := users().Columns[1]
			c := *f
			c.Type = parseType("integer[]")
			c.Default = ""
			c.Nullable = false
			c.Comment = ""
			to.Columns[1] = &c
			return []schema.TableChange{&schema.ModifyColumn{From: f, To: &c,
				Change: schema.ChangeType | schema.ChangeDefault | schema.ChangeNull | schema.ChangeComment}}
		})}},
		{Name: "column_type_reparse", Changes: []schema.Change{func() schema.Change {
			from, to := users(), users()
			in := "(name::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[]))"
			for _, t := range []*schema.Table{from, to} {
				t.Checks = append(t.Checks, &schema.Check{Name: "ck_name_in", Expr: in})
				t.Indexes[0].Where = "name::text = ANY (ARRAY['x'::character varying]::text[])"
			}
			f := from.Columns[1]
			c := *f
			c.Type = parseType("character varying(80)")
			to.Columns[1] = &c
			return &schema.ModifyTable{From: from, To: to, Changes: []schema.TableChange{&schema.ModifyColumn{From: f, To: &c, Change: schema.ChangeType}}}
		}()}},
		{Name: "column_collation", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			f := users().Columns[2]
			c := *f
			c.Collation = ""
			to.Columns[2] = &c
			return []schema.TableChange{&schema.ModifyColumn{From: f, To: &c, Change: schema.ChangeCollation}}
		})}},
		{Name: "column_identity", Changes: []schema.Change{func() schema.Change {
			to := *ident
			to.Identity = &schema.Identity{Always: false}
			seq := *ident.Sequence
			seq.Increment, seq.Min, seq.Max, seq.Start, seq.Cache, seq.Cycle = 1, 5, 1000, 5, 10, true
			to.Sequence = &seq
			return &schema.ModifyTable{From: counters, To: counters, Changes: []schema.TableChange{
				&schema.ModifyColumn{From: ident, To: &to, Change: schema.ChangeIdentity | schema.ChangeSequence}}}
		}()}},
		{Name: "column_identity_add", Changes: []schema.Change{func() schema.Change {
			plain := col("n", "bigint", false)
			return &schema.ModifyTable{From: counters, To: counters, Changes: []schema.TableChange{
				&schema.ModifyColumn{From: plain, To: ident, Change: schema.ChangeIdentity | schema.ChangeSequence}}}
		}()}},
		{Name: "column_serial_to_plain", Changes: []schema.Change{func() schema.Change {
			plain := col("m", "integer", false)
			return &schema.ModifyTable{From: counters, To: counters, Changes: []schema.TableChange{
				&schema.ModifyColumn{From: owned, To: plain, Change: schema.ChangeDefault | schema.ChangeSequence}}}
		}()}},
		{Name: "column_sequence_options", Changes: []schema.Change{func() schema.Change {
			to := *owned
			s := *owned.Sequence
			s.Cache, s.Comment = 50, ""
			to.Sequence = &s
			return &schema.ModifyTable{From: counters, To: counters, Changes: []schema.TableChange{
				&schema.ModifyColumn{From: owned, To: &to, Change: schema.ChangeSequence}}}
		}()}},
		{Name: "column_drop_expression", Changes: []schema.Change{func() schema.Change {
			plain := col("doubled", "bigint", true)
			return &schema.ModifyTable{From: counters, To: counters, Changes: []schema.TableChange{
				&schema.ModifyColumn{From: gen, To: plain, Change: schema.ChangeGenerated}}}
		}()}},
		{Name: "keys", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			from := users()
			pk := &schema.PrimaryKey{Name: "users_id_email", Columns: []string{"id", "email"}}
			u := &schema.Unique{Name: "uq_name", Columns: []string{"name"}, NullsNotDistinct: true}
			to.PrimaryKey = pk
			to.Uniques = []*schema.Unique{u}
			return []schema.TableChange{
				&schema.DropPrimaryKey{PrimaryKey: from.PrimaryKey}, &schema.AddPrimaryKey{PrimaryKey: pk},
				&schema.DropUnique{Unique: from.Uniques[0]}, &schema.AddUnique{Unique: u},
			}
		})}},
		{Name: "indexes", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			from := users()
			x := &schema.Index{Name: "ix_users_email", Unique: true, NullsNotDistinct: true, Parts: []schema.IndexPart{{Column: "email", NullsFirst: true}}}
			renamed := *from.Indexes[2]
			renamed.Name = "ix_tags"
			to.Indexes = []*schema.Index{from.Indexes[1], &renamed, x}
			return []schema.TableChange{
				&schema.DropIndex{Index: from.Indexes[0]}, &schema.AddIndex{Index: x},
				&schema.RenameIndex{From: from.Indexes[2], To: &renamed},
			}
		})}},
		{Name: "constraints", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			from := users()
			fk := &schema.ForeignKey{Name: "fk_users_self", Columns: []string{"id"}, RefSchema: "shop", RefTable: "orders", RefColumns: []string{"id"}}
			ck := &schema.Check{Name: "ck_id", Expr: "(id > 0) AND (id < 100)"}
			to.ForeignKeys = []*schema.ForeignKey{fk}
			to.Checks = []*schema.Check{ck}
			return []schema.TableChange{
				&schema.DropCheck{Check: from.Checks[0]}, &schema.AddCheck{Check: ck}, &schema.AddForeignKey{ForeignKey: fk},
				&schema.RenameConstraint{Kind: "unique", From: "uq_users_email", To: "users_email_key"},
			}
		})}},
		{Name: "table_comment", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			to.Comment = ""
			return []schema.TableChange{&schema.ModifyTableComment{From: "people who sign in", To: ""}}
		})}},
		{Name: "unsupported_options", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			to.Engine = "InnoDB"
			return []schema.TableChange{&schema.ModifyTableOptions{From: users(), To: to}}
		})}},
		{Name: "partitions", Changes: []schema.Change{
			&schema.AddTable{Table: measure()},
			&schema.AddTable{Table: measurePart("measure_2020", "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')")},
			&schema.AddTable{Table: func() *schema.Table {
				p := measurePart("measure_rest", "DEFAULT")
				p.PartitionBy = "HASH (id)"
				p.Checks = []*schema.Check{{Name: "ck_rest", Expr: "v < 10", Comment: "own check"}}
				return p
			}()},
		}},
		{Name: "partition_bound", Changes: []schema.Change{func() schema.Change {
			from, to := measurePart("measure_2020", "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')"), measurePart("measure_2020", "FOR VALUES FROM ('2020-01-01') TO ('2022-01-01')")
			return &schema.ModifyTable{From: from, To: to, Changes: []schema.TableChange{&schema.ModifyTableOptions{From: from, To: to}}}
		}()}},
		{Name: "storage_params", Changes: []schema.Change{modify(func(to *schema.Table) []schema.TableChange {
			from := users()
			from.StorageParams = "autovacuum_enabled=false,fillfactor=80"
			to.StorageParams = "fillfactor=70,toast_tuple_target=256"
			return []schema.TableChange{&schema.ModifyTableOptions{From: from, To: to},
				&schema.AddIndex{Index: &schema.Index{Name: "ix_ff", Parts: []schema.IndexPart{{Column: "name", OpClass: "varchar_pattern_ops"}}, StorageParams: "deduplicate_items=off,fillfactor=70"}}}
		})}},
		{Name: "exclusion_comments", Changes: []schema.Change{
			&schema.AddTable{Table: &schema.Table{Name: "booking",
				Columns:    []*schema.Column{col("room", "integer", false), col("during", "tstzrange", false)},
				PrimaryKey: &schema.PrimaryKey{Name: "booking_pkey", Columns: []string{"room", "during"}, Comment: "natural key"},
				Exclusions: []*schema.Exclusion{{Name: "no_overlap", Def: "EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)", Comment: "one booking at a time"}},
			}},
			modify(func(to *schema.Table) []schema.TableChange {
				return []schema.TableChange{
					&schema.ModifyConstraintComment{Kind: "check", Name: "ck_users_name", From: "", To: "names are not empty"},
					&schema.AddExclusion{Exclusion: &schema.Exclusion{Name: "ex_users", Def: "EXCLUDE USING btree (email WITH =)"}},
				}
			}),
		}},
		{Name: "unsupported_generation", Changes: []schema.Change{func() schema.Change {
			plain := col("doubled", "bigint", true)
			return &schema.ModifyTable{From: counters, To: counters, Changes: []schema.TableChange{
				&schema.ModifyColumn{From: plain, To: gen, Change: schema.ChangeGenerated}}}
		}()}},
	}
}

// measure is a range-partitioned table.
func measure() *schema.Table {
	return &schema.Table{Name: "measure", Columns: []*schema.Column{col("id", "bigint", false), col("ts", "date", false), col("v", "integer", true)},
		PrimaryKey: &schema.PrimaryKey{Name: "measure_pkey", Columns: []string{"id", "ts"}}, PartitionBy: "RANGE (ts)"}
}

// measurePart is a partition of measure.
func measurePart(name, bound string) *schema.Table {
	return &schema.Table{Name: name, PartitionOf: &schema.PartitionOf{Table: "measure", Bound: bound}}
}

// unnamed is a table as Go models build it: the unique constraint, check and
// foreign key carry no name, the default is as a tag spells it.
func unnamed() *schema.Table {
	extra := col("active", "boolean", false)
	extra.Default = "true"
	return &schema.Table{
		Name:        "pets",
		Columns:     []*schema.Column{col("id", "bigint", false), col("owner_id", "bigint", true), extra},
		PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
		Uniques:     []*schema.Unique{{Columns: []string{"owner_id"}}},
		Checks:      []*schema.Check{{Expr: "owner_id > 0"}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"owner_id"}, RefTable: "owners", RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "RESTRICT"}},
	}
}
