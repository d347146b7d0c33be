package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Inspect reads the schema of the database behind db with a fixed number of
// catalog queries (one per object kind, whatever the number of tables).
// Objects in the current schema (search_path's first) get an empty Schema;
// objects owned by extensions are left out; the tables o.Skip names and
// those o.Filter rejects are left out too.
func Inspect(ctx context.Context, db schema.Querier, o schema.InspectOptions) (*schema.Schema, error) {
	if err := o.Filter.Validate(); err != nil {
		return nil, err
	}
	in := &inspector{db: db, o: o, s: &schema.Schema{}, tables: map[uint32]*schema.Table{}, seqs: map[uint32]*schema.Sequence{}}
	steps := []struct {
		what string
		fn   func(context.Context) error
	}{
		{"schemas", in.namespaces},
		{"tables", in.loadTables},
		{"columns", in.columns},
		{"sequences", in.sequences},
		{"constraints", in.constraints},
		{"indexes", in.indexes},
		{"enum types", in.enums},
		{"extensions", in.extensions},
		{"views", in.views},
		{"functions and triggers", in.objects},
		{"other objects", in.unmanaged},
	}
	for _, st := range steps {
		if err := st.fn(ctx); err != nil {
			return nil, fmt.Errorf("inspect postgres %s: %w", st.what, err)
		}
	}
	in.s.Sort()
	return in.s, nil
}

type inspector struct {
	db      schema.Querier
	o       schema.InspectOptions
	s       *schema.Schema
	current string
	tables  map[uint32]*schema.Table
	seqs    map[uint32]*schema.Sequence // standalone sequences by oid
}

// userSchemas is the SQL condition that keeps user schemas (alias n).
const userSchemas = `n.nspname NOT IN ('pg_catalog','information_schema','pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`

// notExtension keeps objects no extension owns (class oid c, catalog cat).
func notExtension(oid, catalog string) string {
	return fmt.Sprintf(`NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '%s'::regclass AND d.objid = %s AND d.deptype = 'e')`, catalog, oid)
}

func (in *inspector) ns(name string) string {
	if name == in.current {
		return ""
	}
	return name
}

func (in *inspector) wanted(nsp string) bool {
	if len(in.o.Schemas) == 0 {
		return true
	}
	for _, s := range in.o.Schemas {
		if s == nsp || (s == "" && nsp == in.current) {
			return true
		}
	}
	return false
}

func (in *inspector) namespaces(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT coalesce(current_schema(), ''), n.nspname FROM pg_namespace n
WHERE `+userSchemas+` AND `+notExtension("n.oid", "pg_namespace")+` ORDER BY n.nspname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cur, name string
		if err := rows.Scan(&cur, &name); err != nil {
			return err
		}
		in.current = cur
		if name != cur && in.wanted(name) && in.o.Filter.Match("", name) {
			in.s.Namespaces = append(in.s.Namespaces, name)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if in.current == "" {
		in.current = "public"
	}
	return nil
}

func (in *inspector) loadTables(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT c.oid, n.nspname, c.relname, c.relkind::text, coalesce(obj_description(c.oid, 'pg_class'), ''),
  c.relispartition, c.relpersistence::text
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r','p','f') AND `+userSchemas+` AND `+notExtension("c.oid", "pg_class")+`
ORDER BY n.nspname, c.relname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var oid uint32
		var nsp, name, kind, comment, persistence string
		var partition bool
		if err := rows.Scan(&oid, &nsp, &name, &kind, &comment, &partition, &persistence); err != nil {
			return err
		}
		if !in.wanted(nsp) || in.o.Skipped(in.ns(nsp), name) {
			continue
		}
		q := schema.QualifiedName(in.ns(nsp), name)
		switch {
		case kind == "p":
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "partitioned table", Name: q})
			continue
		case partition:
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "table partition", Name: q})
			continue
		case kind == "f":
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "foreign table", Name: q})
			continue
		case persistence == "u":
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "unlogged table", Name: q})
			continue
		}
		t := &schema.Table{Schema: in.ns(nsp), Name: name, Comment: comment}
		in.tables[oid] = t
		in.s.Tables = append(in.s.Tables, t)
	}
	return rows.Err()
}

func (in *inspector) columns(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
  coalesce(pg_get_expr(ad.adbin, ad.adrelid), ''), a.attidentity::text, a.attgenerated::text,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
     FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) ELSE '' END,
  coalesce(col_description(a.attrelid, a.attnum), ''),
  t.typtype::text, coalesce(et.typtype::text, ''), a.attndims
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND `+userSchemas+`
ORDER BY a.attrelid, a.attnum`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var oid uint32
		var name, typ, def, identity, generated, coll, comment, typtype, elemtype string
		var notnull bool
		var ndims int
		if err := rows.Scan(&oid, &name, &typ, &notnull, &def, &identity, &generated, &coll, &comment, &typtype, &elemtype, &ndims); err != nil {
			return err
		}
		t := in.tables[oid]
		if t == nil {
			continue
		}
		c := &schema.Column{Name: name, Type: parseType(typ), Nullable: !notnull, Collation: coll, Comment: comment}
		switch generated {
		case "s":
			c.Generated = &schema.Generated{Expr: def, Stored: true}
		case "v":
			c.Generated = &schema.Generated{Expr: def}
		default:
			c.Default = def
		}
		switch identity {
		case "a":
			c.Identity = &schema.Identity{Always: true}
		case "d":
			c.Identity = &schema.Identity{}
		}
		t.Columns = append(t.Columns, c)
	}
	return rows.Err()
}

func (in *inspector) sequences(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT c.oid, n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
  s.seqmin, s.seqmax, s.seqcache, s.seqcycle, coalesce(obj_description(c.oid, 'pg_class'), ''),
  coalesce(d.refobjid, 0), coalesce(a.attname, ''), coalesce(d.deptype::text, '')
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i')
LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
WHERE `+userSchemas+` AND `+notExtension("c.oid", "pg_class")+`
ORDER BY n.nspname, c.relname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var oid, owner uint32
		var nsp, name, typ, comment, col, deptype string
		var seq schema.Sequence
		if err := rows.Scan(&oid, &nsp, &name, &typ, &seq.Start, &seq.Increment, &seq.Min, &seq.Max, &seq.Cache, &seq.Cycle, &comment, &owner, &col, &deptype); err != nil {
			return err
		}
		seq.Schema, seq.Name, seq.Type, seq.Comment = in.ns(nsp), name, typ, comment
		if owner != 0 {
			if t := in.tables[owner]; t != nil {
				if c := t.Column(col); c != nil {
					s := seq
					c.Sequence = &s
				}
				continue
			}
			if deptype == "i" {
				continue // identity of a table outside the inspected set
			}
			// A sequence owned by a column of a table left out: leave it out too.
			continue
		}
		if !in.wanted(nsp) || in.o.Skipped(in.ns(nsp), name) {
			continue
		}
		s := seq
		in.s.Sequences = append(in.s.Sequences, &s)
	}
	return rows.Err()
}

type constraintRow struct {
	table      uint32
	name       string
	kind       string
	def        string
	cols       []string
	refNsp     string
	refTable   string
	refCols    []string
	upd, del   string
	match      string
	deferrable bool
	deferred   bool
	noInherit  bool
}

func (in *inspector) constraints(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT co.conrelid, co.conname, co.contype::text, pg_get_constraintdef(co.oid, true),
  coalesce((SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n)::text, '[]'),
  coalesce(rn.nspname, ''), coalesce(rc.relname, ''),
  coalesce((SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n)::text, '[]'),
  co.confupdtype::text, co.confdeltype::text, co.confmatchtype::text, co.condeferrable, co.condeferred, co.connoinherit
FROM pg_constraint co
JOIN pg_class c ON c.oid = co.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = co.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE c.relkind = 'r' AND `+userSchemas+`
ORDER BY co.conrelid, co.conname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r constraintRow
		var cols, refCols string
		if err := rows.Scan(&r.table, &r.name, &r.kind, &r.def, &cols, &r.refNsp, &r.refTable, &refCols, &r.upd, &r.del, &r.match, &r.deferrable, &r.deferred, &r.noInherit); err != nil {
			return err
		}
		t := in.tables[r.table]
		if t == nil {
			continue
		}
		if err := json.Unmarshal([]byte(cols), &r.cols); err != nil {
			return fmt.Errorf("constraint %s: %w", r.name, err)
		}
		if err := json.Unmarshal([]byte(refCols), &r.refCols); err != nil {
			return fmt.Errorf("constraint %s: %w", r.name, err)
		}
		switch r.kind {
		case "p":
			t.PrimaryKey = &schema.PrimaryKey{Name: r.name, Columns: r.cols}
		case "u":
			if strings.Contains(r.def, " INCLUDE (") {
				in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "unique constraint with INCLUDE", Name: schema.QualifiedName(t.Schema, t.Name) + "." + r.name})
				continue
			}
			t.Uniques = append(t.Uniques, &schema.Unique{Name: r.name, Columns: r.cols, Deferrable: r.deferrable,
				InitiallyDeferred: r.deferred, NullsNotDistinct: strings.HasPrefix(r.def, "UNIQUE NULLS NOT DISTINCT")})
		case "f":
			fk := &schema.ForeignKey{Name: r.name, Columns: r.cols, RefSchema: in.ns(r.refNsp), RefTable: r.refTable,
				RefColumns: r.refCols, OnUpdate: fkAction(r.upd), OnDelete: fkAction(r.del),
				Deferrable: r.deferrable, InitiallyDeferred: r.deferred}
			if r.match == "f" {
				fk.Match = "FULL"
			}
			if i := strings.Index(r.def, " ON DELETE SET NULL ("); i >= 0 {
				in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "foreign key with ON DELETE SET NULL (columns)", Name: schema.QualifiedName(t.Schema, t.Name) + "." + r.name})
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
		case "c":
			expr := strings.TrimPrefix(r.def, "CHECK ")
			expr = strings.TrimSuffix(expr, " NO INHERIT")
			expr = strings.TrimSuffix(expr, " NOT VALID")
			t.Checks = append(t.Checks, &schema.Check{Name: r.name, Expr: expr, NoInherit: r.noInherit})
		case "x":
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "exclusion constraint", Name: schema.QualifiedName(t.Schema, t.Name) + "." + r.name})
		case "t":
			// constraint triggers are reported with the triggers
		default:
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "constraint of type " + r.kind, Name: schema.QualifiedName(t.Schema, t.Name) + "." + r.name})
		}
	}
	return rows.Err()
}

func fkAction(c string) string {
	switch c {
	case "r":
		return "RESTRICT"
	case "c":
		return "CASCADE"
	case "n":
		return "SET NULL"
	case "d":
		return "SET DEFAULT"
	}
	return ""
}

type indexKey struct {
	Def      string `json:"d"`
	Col      bool   `json:"c"`
	Option   int    `json:"o"`
	OpClass  string `json:"oc"`
	Default  bool   `json:"od"`
	Coll     string `json:"co"`
	CollDiff bool   `json:"cd"`
}

func (in *inspector) indexes(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT i.indrelid, ic.relname, i.indisunique, am.amname, coalesce(pg_get_expr(i.indpred, i.indrelid, true), ''),
  i.indnkeyatts, coalesce(obj_description(ic.oid, 'pg_class'), ''), i.indnullsnotdistinct,
  (SELECT json_agg(json_build_object(
      'd', pg_get_indexdef(i.indexrelid, k.i::int, true),
      'c', k.n <> 0,
      'o', coalesce(i.indoption[k.i - 1], 0),
      'oc', coalesce((SELECT CASE WHEN ocn.nspname = 'pg_catalog' THEN quote_ident(oc.opcname) ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = i.indclass[k.i - 1]), ''),
      'od', coalesce((SELECT oc.opcdefault FROM pg_opclass oc WHERE oc.oid = i.indclass[k.i - 1]), true),
      'co', coalesce((SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = i.indcollation[k.i - 1]), ''),
      'cd', coalesce(i.indcollation[k.i - 1] <> coalesce((SELECT CASE WHEN k.n <> 0 THEN a.attcollation ELSE 0 END FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.n), 0) AND i.indcollation[k.i - 1] <> 0 AND (k.n <> 0 OR i.indcollation[k.i - 1] <> 100), false)
    ) ORDER BY k.i)
    FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, i))::text
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relkind = 'r' AND `+userSchemas+`
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p','u','x'))
ORDER BY i.indrelid, ic.relname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var oid uint32
		var name, method, where, comment, keys string
		var unique, nnd bool
		var nkey int
		if err := rows.Scan(&oid, &name, &unique, &method, &where, &nkey, &comment, &nnd, &keys); err != nil {
			return err
		}
		t := in.tables[oid]
		if t == nil {
			continue
		}
		var ks []indexKey
		if err := json.Unmarshal([]byte(keys), &ks); err != nil {
			return fmt.Errorf("index %s: %w", name, err)
		}
		idx := &schema.Index{Name: name, Unique: unique, Where: where, Comment: comment, NullsNotDistinct: nnd}
		if method != "btree" {
			idx.Method = method
		}
		for i, k := range ks {
			if i >= nkey {
				idx.Include = append(idx.Include, unquoteIdent(k.Def))
				continue
			}
			p := schema.IndexPart{}
			def := k.Def
			if k.Col {
				p.Column = unquoteIdent(def)
			} else {
				p.Expr = def
			}
			if method == "btree" {
				p.Desc = k.Option&1 != 0
				nullsFirst := k.Option&2 != 0
				if p.Desc && !nullsFirst {
					p.NullsLast = true
				}
				if !p.Desc && nullsFirst {
					p.NullsFirst = true
				}
			}
			if !k.Default && k.OpClass != "" {
				p.OpClass = k.OpClass
			}
			if k.CollDiff {
				p.Collation = k.Coll
			}
			idx.Parts = append(idx.Parts, p)
		}
		t.Indexes = append(t.Indexes, idx)
	}
	return rows.Err()
}

func (in *inspector) enums(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT n.nspname, t.typname, coalesce(obj_description(t.oid, 'pg_type'), ''),
  (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND `+userSchemas+` AND `+notExtension("t.oid", "pg_type")+`
ORDER BY n.nspname, t.typname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, name, comment string
		var vals sql.NullString
		if err := rows.Scan(&nsp, &name, &comment, &vals); err != nil {
			return err
		}
		if !in.wanted(nsp) || in.o.Skipped(in.ns(nsp), name) {
			continue
		}
		e := &schema.Enum{Schema: in.ns(nsp), Name: name, Comment: comment, Values: []string{}}
		if vals.Valid {
			if err := json.Unmarshal([]byte(vals.String), &e.Values); err != nil {
				return fmt.Errorf("enum %s: %w", name, err)
			}
		}
		in.s.Enums = append(in.s.Enums, e)
	}
	return rows.Err()
}

func (in *inspector) extensions(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' ORDER BY e.extname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name, nsp string
		if err := rows.Scan(&name, &nsp); err != nil {
			return err
		}
		if !in.o.Filter.Match("", name) {
			continue
		}
		in.s.Extensions = append(in.s.Extensions, &schema.Extension{Name: name, Schema: in.ns(nsp)})
	}
	return rows.Err()
}

func (in *inspector) views(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT n.nspname, quote_ident(n.nspname), c.relname, c.relkind::text, pg_get_viewdef(c.oid, true), coalesce(obj_description(c.oid, 'pg_class'), ''),
  `+dependsOnSQL("d.classid = 'pg_rewrite'::regclass AND d.objid IN (SELECT r.oid FROM pg_rewrite r WHERE r.ev_class = c.oid)", "c.oid", false)+`,
  c.relispopulated, coalesce((SELECT json_agg(pg_get_indexdef(i.indexrelid) ORDER BY i.indexrelid) FROM pg_index i WHERE i.indrelid = c.oid)::text, '[]')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v','m') AND `+userSchemas+` AND `+notExtension("c.oid", "pg_class")+`
ORDER BY n.nspname, c.relname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, qnsp, name, kind, def, comment, deps, indexes string
		var populated bool
		if err := rows.Scan(&nsp, &qnsp, &name, &kind, &def, &comment, &deps, &populated, &indexes); err != nil {
			return err
		}
		if !in.wanted(nsp) || in.o.Skipped(in.ns(nsp), name) {
			continue
		}
		ds, err := in.dependsOn(deps)
		if err != nil {
			return fmt.Errorf("view %s: %w", name, err)
		}
		if kind == "m" {
			var xs []string
			if err := json.Unmarshal([]byte(indexes), &xs); err != nil {
				return fmt.Errorf("materialized view %s: %w", name, err)
			}
			in.s.Objects = append(in.s.Objects, in.matview(nsp, qnsp, name, def, comment, populated, xs, ds))
			continue
		}
		in.s.Views = append(in.s.Views, &schema.View{Schema: in.ns(nsp), Name: name, Def: strings.TrimSpace(def), Comment: comment, DependsOn: ds})
	}
	return rows.Err()
}

// unmanaged lists aggregates, domains, composite and range types, rules
// and the other objects retort does not manage, and says so.
func (in *inspector) unmanaged(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `
SELECT 'aggregate', n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind = 'a' AND `+userSchemas+` AND `+notExtension("p.oid", "pg_proc")+`
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type' ELSE 'composite type' END, n.nspname, t.typname
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_class c ON c.oid = t.typrelid
WHERE (t.typtype IN ('d','r','m') OR (t.typtype = 'c' AND c.relkind = 'c')) AND `+userSchemas+` AND `+notExtension("t.oid", "pg_type")+`

UNION ALL
SELECT 'rule', n.nspname, c.relname || '.' || r.rulename
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN' AND `+userSchemas+`
UNION ALL
SELECT 'table inheritance', n.nspname, c.relname
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT c.relispartition AND `+userSchemas+`
UNION ALL
SELECT 'row level security', n.nspname, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND (c.relrowsecurity OR c.relforcerowsecurity) AND `+userSchemas+`
UNION ALL
SELECT 'storage parameters', n.nspname, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'i') AND c.reloptions IS NOT NULL AND `+userSchemas+`
UNION ALL
SELECT 'comment on constraint', n.nspname, c.relname || '.' || co.conname
FROM pg_description ds JOIN pg_constraint co ON ds.classoid = 'pg_constraint'::regclass AND ds.objoid = co.oid
JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE `+userSchemas+`
UNION ALL
SELECT 'comment on schema', '', n.nspname
FROM pg_description ds JOIN pg_namespace n ON ds.classoid = 'pg_namespace'::regclass AND ds.objoid = n.oid
WHERE `+userSchemas+` AND n.nspname <> 'public'
UNION ALL
SELECT 'policy', n.nspname, c.relname || '.' || po.polname
FROM pg_policy po JOIN pg_class c ON c.oid = po.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE `+userSchemas+`
ORDER BY 1, 2, 3`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, nsp, name string
		if err := rows.Scan(&kind, &nsp, &name); err != nil {
			return err
		}
		if nsp != "" && !in.wanted(nsp) {
			continue
		}
		base, _, _ := strings.Cut(name, ".")
		switch kind {
		case "rule", "policy", "comment on constraint", "table inheritance", "row level security", "storage parameters":
			if in.o.Skipped(in.ns(nsp), base) {
				continue
			}
		}
		in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: kind, Name: schema.QualifiedName(in.ns(nsp), name)})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sort.Slice(in.s.Unmanaged, func(i, j int) bool { return in.s.Unmanaged[i].String() < in.s.Unmanaged[j].String() })
	return nil
}

// unquoteIdent undoes quote_ident for a plain column reference.
func unquoteIdent(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}
