package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Row-level security policies are schema.Objects of kind "policy",
// attached to their table (Object.Table). Def (and SQL) is the CREATE
// POLICY statement written from pg_policy with every clause spelled out
// (AS PERMISSIVE, FOR ALL, TO PUBLIC) and the roles sorted, so that two
// equal policies compare equal. A changed policy is dropped and created
// again; a comment changes in place. Whether row-level security is enabled
// (and forced) on the table is a property of the table
// (Table.RowSecurity, Table.ForceRowSecurity).

// policyCommands are pg_policy.polcmd's letters.
var policyCommands = map[string]string{"*": "ALL", "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}

// policies reads the row-level security policies of the inspected tables.
// A policy depends on its table and on the other tables, views and
// functions its expressions use.
func (in *inspector) policies(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT p.polrelid, p.polname, p.polpermissive, p.polcmd::text,
  coalesce((SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END, ', ' ORDER BY CASE WHEN r = 0 THEN '' ELSE pg_get_userbyid(r)::text END) FROM unnest(p.polroles) r), 'PUBLIC'),
  coalesce(pg_get_expr(p.polqual, p.polrelid, true), ''), coalesce(pg_get_expr(p.polwithcheck, p.polrelid, true), ''),
  coalesce(obj_description(p.oid, 'pg_policy'), ''),
  `+dependsOnSQL("d.classid = 'pg_policy'::regclass AND d.objid = p.oid", "p.polrelid", false)+`
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE `+userSchemas+`
ORDER BY p.polrelid, p.polname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rel uint32
		var name, cmd, roles, qual, check, comment, deps string
		var permissive bool
		if err := rows.Scan(&rel, &name, &permissive, &cmd, &roles, &qual, &check, &comment, &deps); err != nil {
			return err
		}
		t := in.tables[rel]
		if t == nil {
			continue
		}
		tq := schema.QualifiedName(t.Schema, t.Name)
		var b strings.Builder
		b.WriteString("CREATE POLICY " + quote(name) + " ON " + qualify(t.Schema, t.Name))
		if permissive {
			b.WriteString(" AS PERMISSIVE")
		} else {
			b.WriteString(" AS RESTRICTIVE")
		}
		b.WriteString(" FOR " + policyCommands[cmd] + " TO " + roles)
		if qual != "" {
			b.WriteString(" USING (" + qual + ")")
		}
		if check != "" {
			b.WriteString(" WITH CHECK (" + check + ")")
		}
		o := &schema.Object{Kind: "policy", Schema: t.Schema, Name: name, Table: tq, Def: b.String(), Comment: comment, DependsOn: []string{tq}}
		o.SQL = o.Def
		ds, err := in.dependsOn(deps)
		if err != nil {
			return fmt.Errorf("policy %s: %w", name, err)
		}
		o.DependsOn = append(o.DependsOn, ds...)
		if in.o.SkippedObject(o) {
			continue
		}
		in.s.Objects = append(in.s.Objects, o)
	}
	return rows.Err()
}

// rowSecurity renders the statements that take a table's row-level
// security from one state to the other.
func rowSecurity(t *schema.Table, fromOn, fromForce bool) []string {
	alter := "ALTER TABLE " + qualify(t.Schema, t.Name) + " "
	var out []string
	if fromOn != t.RowSecurity {
		if t.RowSecurity {
			out = append(out, alter+"ENABLE ROW LEVEL SECURITY")
		} else {
			out = append(out, alter+"DISABLE ROW LEVEL SECURITY")
		}
	}
	if fromForce != t.ForceRowSecurity {
		if t.ForceRowSecurity {
			out = append(out, alter+"FORCE ROW LEVEL SECURITY")
		} else {
			out = append(out, alter+"NO FORCE ROW LEVEL SECURITY")
		}
	}
	return out
}
