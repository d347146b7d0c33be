package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Inspect reads the schema of the main database behind db with a fixed
// number of queries (sqlite_schema joined with the pragma table functions),
// whatever the number of tables. The CREATE statements are kept (Table.SQL,
// Index.SQL, View.SQL) so that a rebuild reproduces the desired objects
// exactly, and their normalized text (Def) is compared so that nothing the
// statement says is missed.
func Inspect(ctx context.Context, db schema.Querier, o schema.InspectOptions) (*schema.Schema, error) {
	r := newShardReader(1, o)
	if err := r.Read(ctx, 0, db); err != nil {
		return nil, err
	}
	return r.Schema()
}

// shardReader inspects databases that each ran some of a set of
// independent statements as the one database that would have run them
// all: each is read on its own, with what concerns one table at a time,
// and what relates objects to each other (a foreign key's referenced
// primary key, views' and triggers' dependencies, the order of
// everything) is worked out in Schema on everything read. Inspect is one
// database read this way.
type shardReader struct {
	o     schema.InspectOptions
	parts []*inspector
}

func newShardReader(n int, o schema.InspectOptions) *shardReader {
	return &shardReader{o: o, parts: make([]*inspector, n)}
}

// Read implements dialect.ShardReader.
func (r *shardReader) Read(ctx context.Context, i int, db schema.Querier) error {
	if err := r.o.Filter.Validate(); err != nil {
		return err
	}
	in, err := read(ctx, db, r.o)
	if err != nil {
		return err
	}
	for _, t := range in.s.Tables {
		if in.parseTable(t) {
			in.parsed = append(in.parsed, t)
		}
	}
	in.db = nil
	r.parts[i] = in
	return nil
}

// Schema implements dialect.ShardReader.
func (r *shardReader) Schema() (*schema.Schema, error) {
	in := &inspector{o: r.o, s: &schema.Schema{}, tables: map[string]*schema.Table{}}
	for i, p := range r.parts {
		if p == nil {
			return nil, fmt.Errorf("inspect sqlite: scratch database %d of %d was not read", i+1, len(r.parts))
		}
		in.s.Tables = append(in.s.Tables, p.s.Tables...)
		in.s.Views = append(in.s.Views, p.s.Views...)
		in.s.Unmanaged = append(in.s.Unmanaged, p.s.Unmanaged...)
		in.trigs = append(in.trigs, p.trigs...)
		in.parsed = append(in.parsed, p.parsed...)
		for n, t := range p.tables {
			in.tables[n] = t
		}
	}
	in.triggers(in.trigs)
	in.viewDependencies()
	for _, t := range in.parsed {
		in.referencedKeys(t)
	}
	in.s.Sort()
	return in.s, nil
}

// read runs the queries of an inspection on db: its tables, views,
// virtual tables and triggers with their parts, each on its own.
func read(ctx context.Context, db schema.Querier, o schema.InspectOptions) (*inspector, error) {
	in := &inspector{db: db, o: o, s: &schema.Schema{}, tables: map[string]*schema.Table{}}
	steps := []struct {
		what string
		fn   func(context.Context) error
	}{
		{"objects", in.objects},
		{"columns", in.columns},
		{"indexes", in.indexes},
		{"foreign keys", in.foreignKeys},
	}
	for _, st := range steps {
		if err := st.fn(ctx); err != nil {
			return nil, fmt.Errorf("inspect sqlite %s: %w", st.what, err)
		}
	}
	return in, nil
}

type inspector struct {
	db     schema.Querier
	o      schema.InspectOptions
	s      *schema.Schema
	tables map[string]*schema.Table
	// pkCols holds each table's primary key columns by position.
	pkCols map[string]map[int]string
	// trigs are the triggers read, made objects once every table is known.
	trigs []trig
	// parsed are the tables whose statement parseTable read.
	parsed []*schema.Table
}

// shadowTables returns the tables that hold a virtual table's data
// (fts5's search_content, …): part of that virtual table, never tables
// of their own.
func (in *inspector) shadowTables(ctx context.Context) (map[string]bool, error) {
	rows, err := in.db.QueryContext(ctx, `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out[name] = true
	}
	return out, rows.Err()
}

func (in *inspector) objects(ctx context.Context) error {
	shadow, err := in.shadowTables(ctx)
	if err != nil {
		return err
	}
	rows, err := in.db.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var trigs []trig
	for rows.Next() {
		var typ, name, tbl, text string
		if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
			return err
		}
		if strings.HasPrefix(name, "sqlite_") {
			continue
		}
		if shadow[tbl] {
			continue // a shadow table, its indexes and triggers
		}
		switch typ {
		case "table":
			if in.o.Skipped("", name) {
				continue
			}
			if virtual(text) {
				in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "virtual table", Name: name})
				continue
			}
			t := &schema.Table{Name: name, SQL: text} // Def: parseTable
			if i := strings.LastIndexByte(text, ')'); i >= 0 {
				opts := strings.ToUpper(text[i+1:])
				t.WithoutRowID = strings.Contains(opts, "WITHOUT ROWID")
				t.Strict = strings.Contains(opts, "STRICT")
			}
			in.tables[name] = t
			in.s.Tables = append(in.s.Tables, t)
		case "view":
			if in.o.Skipped("", name) {
				continue
			}
			in.s.Views = append(in.s.Views, &schema.View{Name: name, Def: definition(text), SQL: text})
		case "trigger":
			trigs = append(trigs, trig{name, tbl, text})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	in.trigs = trigs
	return nil
}

// viewDependencies fills each view's DependsOn: the tables and views its
// text names.
func (in *inspector) viewDependencies() {
	for _, v := range in.s.Views {
		toks := tokenize(v.SQL)
		names := map[string]bool{}
		for _, t := range toks {
			if t.kind == 'w' || t.kind == 'q' {
				names[strings.ToLower(t.ident())] = true
			}
		}
		for n := range in.tables {
			if names[strings.ToLower(n)] {
				v.DependsOn = append(v.DependsOn, n)
			}
		}
		for _, w := range in.s.Views {
			if w != v && names[strings.ToLower(w.Name)] {
				v.DependsOn = append(v.DependsOn, w.Name)
			}
		}
		sort.Strings(v.DependsOn)
	}
}

// virtual reports whether a table's statement is CREATE VIRTUAL TABLE.
func virtual(text string) bool {
	const p = "CREATE VIRTUAL"
	text = strings.TrimSpace(text)
	return len(text) >= len(p) && strings.EqualFold(text[:len(p)], p)
}

func (in *inspector) columns(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`)
	if err != nil {
		return err
	}
	defer rows.Close()
	in.pkCols = map[string]map[int]string{}
	for rows.Next() {
		var table, name, typ string
		var notnull bool
		var def sql.NullString
		var pk, hidden int
		if err := rows.Scan(&table, &name, &typ, &notnull, &def, &pk, &hidden); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		c := &schema.Column{Name: name, Type: parseType(typ), Nullable: !notnull, Default: def.String}
		switch hidden {
		case 2:
			c.Generated = &schema.Generated{}
		case 3:
			c.Generated = &schema.Generated{Stored: true}
		}
		if pk > 0 {
			if in.pkCols[table] == nil {
				in.pkCols[table] = map[int]string{}
			}
			in.pkCols[table][pk] = name
		}
		t.Columns = append(t.Columns, c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for table, cols := range in.pkCols {
		t := in.tables[table]
		pk := &schema.PrimaryKey{}
		for i := 1; i <= len(cols); i++ {
			pk.Columns = append(pk.Columns, cols[i])
		}
		t.PrimaryKey = pk
	}
	return nil
}

func (in *inspector) indexes(ctx context.Context) error {
	// The indexes' statements in one query: looked up per index row in the
	// query below (sqlite_schema has no index on name), they made
	// inspection quadratic in the number of indexes.
	texts, err := in.indexTexts(ctx)
	if err != nil {
		return err
	}
	// A UNIQUE constraint's columns are read from its index; an index's
	// from its statement (parseIndex): pragma_index_xinfo, a statement
	// prepared per index, only for the former.
	rows, err := in.db.QueryContext(ctx, `SELECT m.name, il.name, coalesce(ix.name, '')
FROM sqlite_schema m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ix
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND il.origin = 'u' AND ix.key = 1
ORDER BY m.name, il.name, ix.seqno`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.Unique
	var lastTable string
	for rows.Next() {
		var table, name, col string
		if err := rows.Scan(&table, &name, &col); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		if last == nil || last.Name != name || lastTable != table {
			last = &schema.Unique{Name: name}
			lastTable = table
			t.Uniques = append(t.Uniques, last)
		}
		last.Columns = append(last.Columns, col)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	rows, err = in.db.QueryContext(ctx, `SELECT m.name, il.name, il."unique"
FROM sqlite_schema m JOIN pragma_index_list(m.name) il
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND il.origin NOT IN ('u', 'pk')
ORDER BY m.name, il.name`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, name string
		var unique bool
		if err := rows.Scan(&table, &name, &unique); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		text := texts[name]
		x := &schema.Index{Name: name, Unique: unique, SQL: text} // Def: parseIndex
		t.Indexes = append(t.Indexes, x)
		in.parseIndex(x)
	}
	return rows.Err()
}

// indexTexts returns the CREATE INDEX statement of each index by name
// (none for the ones SQLite makes for keys).
func (in *inspector) indexTexts(ctx context.Context) (map[string]string, error) {
	rows, err := in.db.QueryContext(ctx, `SELECT name, coalesce(sql, '') FROM sqlite_schema WHERE type = 'index'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	texts := map[string]string{}
	for rows.Next() {
		var name, text string
		if err := rows.Scan(&name, &text); err != nil {
			return nil, err
		}
		texts[name] = text
	}
	return texts, rows.Err()
}

// parseIndex fills an index's normalized statement, parts and predicate
// from its statement.
func (in *inspector) parseIndex(x *schema.Index) {
	c, ok := parseCreate(x.SQL)
	x.Def = definitionOf(x.SQL, c, ok)
	if !ok {
		return
	}
	ts := c.toks
	i := c.bodyFrom
	for i < len(ts) && ts[i].text != "(" {
		i++
	}
	inner, next := paren(ts, i)
	var part []token
	flush := func() {
		if len(part) == 0 {
			return
		}
		p := schema.IndexPart{}
		for len(part) > 1 {
			last := strings.ToLower(part[len(part)-1].text)
			if last == "desc" {
				p.Desc = true
				part = part[:len(part)-1]
				continue
			}
			if last == "asc" {
				part = part[:len(part)-1]
				continue
			}
			if len(part) > 2 && strings.EqualFold(part[len(part)-2].text, "collate") {
				p.Collation = part[len(part)-1].ident()
				part = part[:len(part)-2]
				continue
			}
			break
		}
		if len(part) == 1 && (part[0].kind == 'w' || part[0].kind == 'q') {
			p.Column = part[0].ident()
		} else {
			p.Expr = joinTokens(part)
		}
		x.Parts = append(x.Parts, p)
		part = nil
	}
	depth := 0
	for _, t := range inner {
		switch t.text {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			if depth == 0 {
				flush()
				continue
			}
		}
		part = append(part, t)
	}
	flush()
	if next < len(ts) && strings.EqualFold(ts[next].text, "where") {
		x.Where = joinTokens(ts[next+1:])
	}
}

func (in *inspector) foreignKeys(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT m.name, f.id, f."table", f."from", coalesce(f."to", ''), f.on_update, f.on_delete, f."match"
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, f.id DESC, f.seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var last *schema.ForeignKey
	lastID, lastTable := -1, ""
	for rows.Next() {
		var table, ref, from, to, upd, del, match string
		var id int
		if err := rows.Scan(&table, &id, &ref, &from, &to, &upd, &del, &match); err != nil {
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		if last == nil || id != lastID || table != lastTable {
			last = &schema.ForeignKey{RefTable: ref, OnUpdate: fkAction(upd), OnDelete: fkAction(del)}
			if match != "NONE" && match != "" {
				last.Match = match
			}
			lastID, lastTable = id, table
			t.ForeignKeys = append(t.ForeignKeys, last)
		}
		last.Columns = append(last.Columns, from)
		last.RefColumns = append(last.RefColumns, to)
	}
	return rows.Err()
}

func fkAction(a string) string {
	if a == "NO ACTION" {
		return ""
	}
	return a
}

// parseTable adds the normalized statement and what only the CREATE TABLE
// text says: constraint names, checks, collations, generation expressions,
// AUTOINCREMENT. It is false when it could not read the statement.
func (in *inspector) parseTable(t *schema.Table) bool {
	c, ok := parseCreate(t.SQL)
	t.Def = definitionOf(t.SQL, c, ok)
	items, ok := itemsOf(t.SQL, c, ok)
	if !ok {
		return false
	}
	for _, it := range items {
		if it.isConstraint() {
			c := parseConstraint(t.SQL, it)
			switch c.kind {
			case "check":
				name := c.name
				t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: strings.TrimSpace(c.expr)})
			case "primary":
				if t.PrimaryKey != nil {
					t.PrimaryKey.Name = c.name
				}
			case "unique":
				for _, u := range t.Uniques {
					if slices.EqualFunc(u.Columns, c.columns, strings.EqualFold) && strings.HasPrefix(u.Name, "sqlite_autoindex_") {
						u.Name = c.name
						break
					}
				}
			case "foreign":
				for _, fk := range t.ForeignKeys {
					if slices.EqualFunc(fk.Columns, c.columns, strings.EqualFold) && strings.EqualFold(fk.RefTable, c.refTable) && fk.Name == "" {
						fk.Name = c.name
						fk.Deferrable = c.deferrable
						fk.InitiallyDeferred = c.deferred
						break
					}
				}
			}
			continue
		}
		if len(it.toks) == 0 {
			continue
		}
		col := t.Column(it.toks[0].ident())
		if col == nil {
			continue
		}
		info := parseColumn(t.SQL, it)
		col.Collation = info.collation
		col.AutoIncrement = info.autoincrement
		if col.Generated != nil {
			col.Generated.Expr = strings.TrimSpace(info.generated)
		}
		for _, ch := range info.checks {
			t.Checks = append(t.Checks, &schema.Check{Name: ch.name, Expr: strings.TrimSpace(ch.expr), Column: col.Name})
		}
		for ref, name := range info.fkNames {
			for _, fk := range t.ForeignKeys {
				if len(fk.Columns) == 1 && fk.Columns[0] == col.Name && strings.EqualFold(fk.RefTable, ref) {
					fk.Name = name
				}
			}
		}
		// A column-level UNIQUE is an unnamed unique constraint.
	}
	for _, u := range t.Uniques {
		if strings.HasPrefix(u.Name, "sqlite_autoindex_") {
			u.Name = ""
		}
	}
	return true
}

// referencedKeys completes t's foreign keys written REFERENCES parent
// without columns: they reference the parent's primary key (any table
// inspected with t's, in.tables).
func (in *inspector) referencedKeys(t *schema.Table) {
	for i, fk := range t.ForeignKeys {
		if len(fk.RefColumns) > 0 && fk.RefColumns[0] == "" {
			if p := in.tables[fk.RefTable]; p != nil && p.PrimaryKey != nil {
				t.ForeignKeys[i].RefColumns = append([]string(nil), p.PrimaryKey.Columns...)
			}
		}
	}
}
