package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// dependsOnSQL is a json list of {"n": schema, "r": name} naming what the
// objects that pg_depend rows matching cond (on alias d) depend on, by
// normal dependency: tables, views and materialized views, functions and
// procedures (with their argument types, as an Object's Name spells them)
// and, with types, the types (an array type as its element type, a table's
// row type as the table). The objects of the system schemas and of
// extensions are left out. self excludes the object itself (a view's rule
// depends on its own view).
func dependsOnSQL(cond, self string, types bool) string {
	q := `coalesce((SELECT json_agg(DISTINCT jsonb_build_object('n', x.n, 'r', x.r))::text FROM (
  SELECT dn.nspname AS n, dc.relname AS r
  FROM pg_depend d JOIN pg_class dc ON d.refclassid = 'pg_class'::regclass AND dc.oid = d.refobjid
  JOIN pg_namespace dn ON dn.oid = dc.relnamespace
  WHERE ` + cond + ` AND d.deptype = 'n' AND dc.relkind IN ('r','p','v','m','f') AND dc.oid <> ` + self + `
  UNION
  SELECT dn.nspname, dp.proname || '(' || oidvectortypes(dp.proargtypes) || ')'
  FROM pg_depend d JOIN pg_proc dp ON d.refclassid = 'pg_proc'::regclass AND dp.oid = d.refobjid
  JOIN pg_namespace dn ON dn.oid = dp.pronamespace
  WHERE ` + cond + ` AND d.deptype = 'n' AND ` + notExtension("dp.oid", "pg_proc")
	if types {
		q += `
  UNION
  SELECT dn.nspname, coalesce(dc.relname, bt.typname)
  FROM pg_depend d JOIN pg_type t0 ON d.refclassid = 'pg_type'::regclass AND t0.oid = d.refobjid
  JOIN pg_type bt ON bt.oid = CASE WHEN t0.typcategory = 'A' AND t0.typelem <> 0 THEN t0.typelem ELSE t0.oid END
  JOIN pg_namespace dn ON dn.oid = bt.typnamespace
  LEFT JOIN pg_class dc ON dc.oid = bt.typrelid AND bt.typrelid <> 0
  WHERE ` + cond + ` AND d.deptype = 'n' AND ` + notExtension("bt.oid", "pg_type")
	}
	return q + `
) x WHERE x.n NOT IN ('pg_catalog', 'information_schema')), '[]')`
}

// dependsOn turns dependsOnSQL's list into qualified names.
func (in *inspector) dependsOn(list string) ([]string, error) {
	var deps []struct{ N, R string }
	if err := json.Unmarshal([]byte(list), &deps); err != nil {
		return nil, err
	}
	var out []string
	for _, d := range deps {
		out = append(out, schema.QualifiedName(in.ns(d.N), d.R))
	}
	sort.Strings(out)
	return out, nil
}

// objects reads functions, procedures and triggers (materialized views are
// read with the views).
func (in *inspector) objects(ctx context.Context) error {
	if err := in.functions(ctx); err != nil {
		return err
	}
	return in.triggers(ctx)
}

// functions reads functions and procedures (not aggregates, which stay
// unmanaged), but those of extensions. A function's Def and SQL are
// pg_get_functiondef's text, with the schema left out of its name when it
// is the current one (so a database whose current schema has another name
// compares equal); its Name carries its argument types, so an overload is
// another function.
func (in *inspector) functions(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT n.nspname, quote_ident(n.nspname), p.proname, p.prokind::text, oidvectortypes(p.proargtypes),
  pg_get_functiondef(p.oid), coalesce(obj_description(p.oid, 'pg_proc'), ''),
  `+dependsOnSQL("d.classid = 'pg_proc'::regclass AND d.objid = p.oid", "0", true)+`
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f','p','w') AND `+userSchemas+` AND `+notExtension("p.oid", "pg_proc")+`
ORDER BY n.nspname, p.proname, 5`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, qnsp, name, kind, args, def, comment, deps string
		if err := rows.Scan(&nsp, &qnsp, &name, &kind, &args, &def, &comment, &deps); err != nil {
			return err
		}
		if !in.wanted(nsp) {
			continue
		}
		o := &schema.Object{Kind: "function", Schema: in.ns(nsp), Name: name + "(" + args + ")", Comment: comment}
		if kind == "p" {
			o.Kind = "procedure"
		}
		if in.o.SkippedObject(o) {
			continue
		}
		if o.Schema == "" {
			def = unqualifyRoutine(def, qnsp)
		}
		o.Def, o.SQL = strings.TrimSpace(def), strings.TrimSpace(def)
		if o.DependsOn, err = in.dependsOn(deps); err != nil {
			return fmt.Errorf("%s: %w", o, err)
		}
		in.s.Objects = append(in.s.Objects, o)
	}
	return rows.Err()
}

// unqualifyRoutine drops the schema qnsp from the routine's name in the
// first line of pg_get_functiondef's text.
func unqualifyRoutine(def, qnsp string) string {
	first, rest, _ := strings.Cut(def, "\n")
	for _, kw := range []string{" FUNCTION ", " PROCEDURE "} {
		if i := strings.Index(first, kw+qnsp+"."); i >= 0 {
			first = first[:i] + kw + first[i+len(kw)+len(qnsp)+1:]
			break
		}
	}
	if rest == "" {
		return first
	}
	return first + "\n" + rest
}

// triggers reads the triggers users created (not those implementing
// foreign keys, nor the clones a partition gets of its parent's), each
// attached to its table; Def and SQL are pg_get_triggerdef's text, which
// names the table and function without a schema when the search path
// finds them.
func (in *inspector) triggers(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT n.nspname, c.relname, tg.tgname, pg_get_triggerdef(tg.oid, true),
  coalesce(obj_description(tg.oid, 'pg_trigger'), ''),
  `+dependsOnSQL("d.classid = 'pg_trigger'::regclass AND d.objid = tg.oid", "c.oid", false)+`
FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND `+userSchemas+` AND `+notExtension("tg.oid", "pg_trigger")+`
ORDER BY n.nspname, c.relname, tg.tgname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, table, name, def, comment, deps string
		if err := rows.Scan(&nsp, &table, &name, &def, &comment, &deps); err != nil {
			return err
		}
		if !in.wanted(nsp) || in.o.Skipped(in.ns(nsp), table) {
			continue
		}
		o := &schema.Object{Kind: "trigger", Schema: in.ns(nsp), Name: name, Table: schema.QualifiedName(in.ns(nsp), table),
			Def: strings.TrimSpace(def), SQL: strings.TrimSpace(def), Comment: comment}
		if in.o.SkippedObject(o) {
			continue
		}
		if o.DependsOn, err = in.dependsOn(deps); err != nil {
			return fmt.Errorf("%s: %w", o, err)
		}
		in.s.Objects = append(in.s.Objects, o)
	}
	return rows.Err()
}

// matview makes the object of a materialized view: SQL creates it as the
// catalog says it was made (WITH NO DATA when it is not populated) and its
// indexes; Def is its query and its indexes' definitions, with the
// current schema left out of the indexes' table name.
func (in *inspector) matview(nsp, qnsp, name, def, comment string, populated bool, indexes []string, deps []string) *schema.Object {
	q := qualify(in.ns(nsp), name)
	query := strings.TrimSuffix(strings.TrimSpace(def), ";")
	create := "CREATE MATERIALIZED VIEW " + q + " AS\n" + query
	if !populated {
		create += "\nWITH NO DATA"
	}
	stmts := []string{create}
	defs := []string{query}
	sort.Strings(indexes)
	for _, x := range indexes {
		if in.ns(nsp) == "" {
			x = strings.Replace(x, " ON "+qnsp+".", " ON ", 1)
		}
		stmts = append(stmts, x)
		defs = append(defs, x)
	}
	return &schema.Object{Kind: "materialized view", Schema: in.ns(nsp), Name: name,
		Def: strings.Join(defs, ";\n"), SQL: strings.Join(stmts, ";\n"), Comment: comment, DependsOn: deps}
}
