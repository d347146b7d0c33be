package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Domains are schema.Objects of kind "domain". Def (and SQL) is the CREATE
// DOMAIN statement with one clause a line, as domainDef writes it from the
// catalog, so that a change of the default, of NOT NULL or of a check is
// made in place (ALTER DOMAIN) by comparing the lines; a change of the base
// type or collation recreates the domain.

// domainClauses are the parts of a domain's definition.
type domainClauses struct {
	head    string // CREATE DOMAIN name AS type [COLLATE c]
	def     string // default expression, "" = none
	notNull bool
	checks  []domainCheck
}

type domainCheck struct{ name, def string }

// domainDef writes a domain's definition: the head, then DEFAULT, NOT NULL
// and each named check on its own line.
func domainDef(d domainClauses) string {
	lines := []string{d.head}
	if d.def != "" {
		lines = append(lines, "DEFAULT "+d.def)
	}
	if d.notNull {
		lines = append(lines, "NOT NULL")
	}
	for _, c := range d.checks {
		lines = append(lines, "CONSTRAINT "+quote(c.name)+" "+c.def)
	}
	return strings.Join(lines, "\n    ")
}

// parseDomainDef reads back what domainDef wrote.
func parseDomainDef(s string) domainClauses {
	lines := strings.Split(s, "\n    ")
	d := domainClauses{head: lines[0]}
	for _, l := range lines[1:] {
		switch {
		case strings.HasPrefix(l, "DEFAULT "):
			d.def = strings.TrimPrefix(l, "DEFAULT ")
		case l == "NOT NULL":
			d.notNull = true
		case strings.HasPrefix(l, "CONSTRAINT "):
			name, rest := cutIdent(strings.TrimPrefix(l, "CONSTRAINT "))
			d.checks = append(d.checks, domainCheck{name: name, def: strings.TrimPrefix(rest, " ")})
		}
	}
	return d
}

// cutIdent splits a leading identifier, quoted or not, from s.
func cutIdent(s string) (ident, rest string) {
	if !strings.HasPrefix(s, `"`) {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return s, ""
		}
		return s[:i], s[i:]
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] == '"' {
			if i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			return b.String(), s[i+1:]
		}
		b.WriteByte(s[i])
	}
	return b.String(), ""
}

// domains reads the domains (with their checks, default, NOT NULL and
// comment) as objects. A domain depends on the user types and domains it
// is based on and the functions its checks and default call.
func (in *inspector) domains(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),
  CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
     FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation) ELSE '' END,
  coalesce(t.typdefault, ''), t.typnotnull, coalesce(obj_description(t.oid, 'pg_type'), ''),
  coalesce((SELECT json_agg(json_build_array(c.conname, pg_get_constraintdef(c.oid, true)) ORDER BY c.conname)
     FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c')::text, '[]'),
  `+dependsOnSQL(`(d.classid = 'pg_type'::regclass AND d.objid = t.oid OR d.classid = 'pg_constraint'::regclass AND d.objid IN (SELECT c.oid FROM pg_constraint c WHERE c.contypid = t.oid))`, "0", true)+`
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type bt ON bt.oid = t.typbasetype
WHERE t.typtype = 'd' AND `+userSchemas+` AND `+notExtension("t.oid", "pg_type")+`
ORDER BY n.nspname, t.typname`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, name, base, coll, def, comment, checks, deps string
		var notNull bool
		if err := rows.Scan(&nsp, &name, &base, &coll, &def, &notNull, &comment, &checks, &deps); err != nil {
			return err
		}
		if !in.wanted(nsp) {
			continue
		}
		d := domainClauses{head: "CREATE DOMAIN " + qualify(in.ns(nsp), name) + " AS " + base, def: def, notNull: notNull}
		if coll != "" {
			d.head += " COLLATE " + coll
		}
		var cs [][2]string
		if err := json.Unmarshal([]byte(checks), &cs); err != nil {
			return fmt.Errorf("domain %s: %w", name, err)
		}
		for _, c := range cs {
			d.checks = append(d.checks, domainCheck{name: c[0], def: c[1]})
		}
		o := &schema.Object{Kind: "domain", Schema: in.ns(nsp), Name: name, Def: domainDef(d), Comment: comment}
		o.SQL = o.Def
		if o.DependsOn, err = in.dependsOn(deps); err != nil {
			return fmt.Errorf("domain %s: %w", name, err)
		}
		if in.o.SkippedObject(o) {
			continue
		}
		in.s.Objects = append(in.s.Objects, o)
	}
	return rows.Err()
}

// sameDomainHead reports whether two domain definitions share their base
// type and collation, so ALTER DOMAIN changes one into the other.
func sameDomainHead(from, to *schema.Object) bool {
	return parseDomainDef(from.Def).head == parseDomainDef(to.Def).head
}

// alterDomain changes a domain in place: checks that go or change are
// dropped first, then the default and NOT NULL change, then new and
// changed checks are added (each validated against the columns of the
// domain's type), then the comment.
func (r *renderer) alterDomain(c *schema.ReplaceObject) {
	f, t := parseDomainDef(c.From.Def), parseDomainDef(c.To.Def)
	name := qualify(c.To.Schema, c.To.Name)
	q := c.To.QualifiedName()
	alter := "ALTER DOMAIN " + name + " "
	fc, tc := map[string]string{}, map[string]string{}
	for _, ck := range f.checks {
		fc[ck.name] = ck.def
	}
	for _, ck := range t.checks {
		tc[ck.name] = ck.def
	}
	for _, ck := range f.checks {
		if d, ok := tc[ck.name]; !ok || d != ck.def {
			r.add(alter+"DROP CONSTRAINT "+quote(ck.name), "")
		}
	}
	if f.def != t.def {
		if t.def == "" {
			r.add(alter+"DROP DEFAULT", "")
		} else {
			r.add(alter+"SET DEFAULT "+t.def, "")
		}
	}
	if f.notNull != t.notNull {
		if t.notNull {
			r.add(alter+"SET NOT NULL", "fails if a column of domain "+q+" holds NULLs")
		} else {
			r.add(alter+"DROP NOT NULL", "")
		}
	}
	for _, ck := range t.checks {
		if d, ok := fc[ck.name]; !ok || d != ck.def {
			r.add(alter+"ADD CONSTRAINT "+quote(ck.name)+" "+ck.def, "fails if a value in a column of domain "+q+" violates the check")
		}
	}
	if c.From.Comment != c.To.Comment {
		r.add(commentOn(c.To), "")
	}
}
