package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
	"github.com/retortdb/retort/schema"
)

// object renders the changes of functions, procedures, triggers and
// materialized views (schema.Object). An object is created from its SQL as
// the server reported it (pg_get_functiondef, pg_get_triggerdef, the
// materialized view's query and indexes), dropped by name, and replaced in
// place (CREATE OR REPLACE) where replaceObject says the server allows it.
func (r *renderer) object(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddObject:
		if err := r.createObject(c.Object); err != nil {
			return err
		}
		if c.Object.Comment != "" {
			r.add(commentOn(c.Object), "")
		}
	case *schema.DropObject:
		s, err := dropObject(c.Object)
		if err != nil {
			return err
		}
		r.add(s, dialect.ObjectDropReview(c.Object, r.recreated))
	case *schema.ReplaceObject:
		if c.From.Def != c.To.Def {
			if err := r.createObject(c.To); err != nil {
				return err
			}
		}
		if c.From.Comment != c.To.Comment || c.From.Def != c.To.Def && c.To.Comment != "" {
			r.add(commentOn(c.To), "")
		}
	}
	return nil
}

// createObject adds the statements of o.SQL.
func (r *renderer) createObject(o *schema.Object) error {
	if _, err := objectKeyword(o); err != nil {
		return err
	}
	if strings.TrimSpace(o.SQL) == "" {
		return fmt.Errorf("postgres: %s has no CREATE statement to render", o)
	}
	if sqlBody(o) && !r.bodiesUnchecked {
		r.bodiesUnchecked = true
		r.out.Statements = append(r.out.Statements, schema.Statement{SQL: "SET check_function_bodies = false",
			Comment: "A SQL function's body is checked when it runs, not when it is created: it may read\na table this revision creates after it (pg_dump does the same)."})
	}
	stmts, err := sqlsplit.Split(o.SQL, 1, Lexical)
	if err != nil {
		return fmt.Errorf("postgres: %s: %w", o, err)
	}
	for _, st := range stmts {
		r.add(st.SQL, "")
	}
	return nil
}

// objectKeyword is the object's kind as DROP and COMMENT ON spell it.
func objectKeyword(o *schema.Object) (string, error) {
	switch o.Kind {
	case "function", "procedure", "trigger", "materialized view":
		return strings.ToUpper(o.Kind), nil
	}
	return "", fmt.Errorf("postgres: retort cannot render %s", o)
}

// objectName is the object as DROP and COMMENT ON name it: a function with
// its argument types, a trigger with its table.
func objectName(o *schema.Object) string {
	switch o.Kind {
	case "function", "procedure":
		base := o.BaseName()
		return qualify(o.Schema, base) + strings.TrimPrefix(o.Name, base)
	case "trigger":
		return quote(o.Name) + " ON " + qualifiedTable(o.Table)
	}
	return qualify(o.Schema, o.Name)
}

// qualifiedTable quotes a qualified name "schema.name" or "name".
func qualifiedTable(q string) string {
	if ns, name, ok := strings.Cut(q, "."); ok {
		return qualify(ns, name)
	}
	return qualify("", q)
}

func dropObject(o *schema.Object) (string, error) {
	kw, err := objectKeyword(o)
	if err != nil {
		return "", err
	}
	return "DROP " + kw + " " + objectName(o), nil
}

func commentOn(o *schema.Object) string {
	kw, _ := objectKeyword(o)
	return fmt.Sprintf("COMMENT ON %s %s IS %s", kw, objectName(o), commentValue(o.Comment))
}

// replaceObject reports whether PostgreSQL changes from into to in place:
// a comment always; a function or procedure with CREATE OR REPLACE when its
// signature (argument names and defaults) and return type stay the same.
// A trigger or materialized view is dropped and created again.
func replaceObject(from, to *schema.Object) bool {
	if from.Def == to.Def {
		return true
	}
	switch to.Kind {
	case "function", "procedure":
		return functionHeader(from.Def) == functionHeader(to.Def)
	}
	return false
}

// functionHeader is the part of pg_get_functiondef's text that CREATE OR
// REPLACE cannot change: the CREATE line with the arguments and the RETURNS
// line, up to the LANGUAGE line.
func functionHeader(def string) string {
	var head []string
	for _, l := range strings.Split(def, "\n") {
		if strings.HasPrefix(l, " LANGUAGE ") || strings.HasPrefix(l, "AS ") || strings.HasPrefix(l, "BEGIN ") {
			break
		}
		head = append(head, l)
	}
	return strings.Join(head, "\n")
}

// sqlBody reports whether o is a function or procedure in LANGUAGE sql
// with a string body, which PostgreSQL checks against the tables when it is
// created (check_function_bodies); a BEGIN ATOMIC body records what it
// reads instead, and is ordered after it.
func sqlBody(o *schema.Object) bool {
	if o.Kind != "function" && o.Kind != "procedure" {
		return false
	}
	return strings.Contains(o.Def, "\n LANGUAGE sql\n") && !strings.Contains(o.Def, "\nBEGIN ATOMIC")
}
