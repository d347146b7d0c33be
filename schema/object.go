package schema

import (
	"fmt"
	"sort"
	"strings"
)

// Object is a schema object that retort manages as a whole definition:
// functions, procedures, triggers, materialized views, events, domains,
// policies. The dialect's inspector reads it and normalises Def; the diff
// compares Def and Comment and orders objects by DependsOn; the dialect's
// renderer writes SQL (or its own statements built from the fields).
type Object struct {
	// Kind is the kind of object, as people say it: "function",
	// "procedure", "trigger", "materialized view", "event", "domain",
	// "policy".
	Kind string `json:"kind"`
	// Schema and Name are the object's identity within its kind. A
	// function's or procedure's Name includes its argument types, as the
	// dialect spells them: "f(integer, text)".
	Schema string `json:"schema,omitempty"`
	Name   string `json:"name"`
	// Table is the qualified name ("schema.name" or "name") of the table or
	// view the object is attached to (triggers, policies); "" = none. It is
	// part of the identity.
	Table string `json:"table,omitempty"`
	// Def is the normalised definition, compared for equality. A difference
	// in Def is a change of the object.
	Def string `json:"def"`
	// SQL is the statement (or statements, separated by ";\n") that
	// creates the object, as the server reports it; rendered, not
	// compared.
	SQL string `json:"sql,omitempty"`
	// Comment is the object's comment ("" = none), compared.
	Comment string `json:"comment,omitempty"`
	// DependsOn names, qualified as QualifiedName spells them, the tables,
	// views, types and objects the object needs to exist first (an object
	// by its QualifiedName: "public.f(integer)").
	DependsOn []string `json:"depends_on,omitempty"`
}

// QualifiedName is the object's "schema.name", or "name" in the default
// schema: what other objects' DependsOn call it.
func (o *Object) QualifiedName() string { return QualifiedName(o.Schema, o.Name) }

// Key is the object's identity: two objects with the same Key are the same
// object in two states.
func (o *Object) Key() string {
	return o.Kind + "\x00" + o.Schema + "\x00" + o.Table + "\x00" + o.Name
}

// BaseName is Name without a function's argument list: "f" for
// "f(integer, text)".
func (o *Object) BaseName() string {
	if i := strings.IndexByte(o.Name, '('); i > 0 && strings.HasSuffix(o.Name, ")") {
		return o.Name[:i]
	}
	return o.Name
}

// String is what people call it: `function "public.f(integer)"`,
// `trigger "audit" on "users"`.
func (o *Object) String() string {
	s := fmt.Sprintf("%s %q", o.Kind, o.QualifiedName())
	if o.Table != "" {
		s += fmt.Sprintf(" on %q", o.Table)
	}
	return s
}

// Object returns the object of the given kind and key parts, or nil.
func (s *Schema) Object(kind, ns, table, name string) *Object {
	for _, o := range s.Objects {
		if o.Kind == kind && o.Schema == ns && o.Table == table && o.Name == name {
			return o
		}
	}
	return nil
}

// sortObjects orders objects by kind, schema, table and name, and each
// one's DependsOn.
func sortObjects(objs []*Object) {
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].Key() < objs[j].Key() })
	for _, o := range objs {
		sort.Strings(o.DependsOn)
	}
}

// MatchObject reports whether the filter lets object o through. A pattern
// matches the object's name with or without its argument list ("f" and
// "f(integer)" both match function f(integer)).
func (f Filter) MatchObject(o *Object) bool {
	names := []string{o.Name}
	if b := o.BaseName(); b != o.Name {
		names = append(names, b)
	}
	any := func(patterns []string) bool {
		for _, n := range names {
			if matchAny(patterns, o.Schema, n) {
				return true
			}
		}
		return false
	}
	if len(f.Include) > 0 && !any(f.Include) {
		return false
	}
	return !any(f.Exclude)
}

// SkippedObject reports whether object o is filtered out (see
// Filter.MatchObject).
func (o InspectOptions) SkippedObject(obj *Object) bool {
	return !o.Filter.MatchObject(obj)
}

// AddObject creates an object.
type AddObject struct{ Object *Object }

// DropObject drops an object.
type DropObject struct{ Object *Object }

// ReplaceObject changes an object in place (CREATE OR REPLACE, or a new
// comment): the dialect said it can (diff.Options.ReplaceObject); otherwise
// the diff drops and adds it.
type ReplaceObject struct{ From, To *Object }

func (*AddObject) change()     {}
func (*DropObject) change()    {}
func (*ReplaceObject) change() {}

// Reverse of an add drops it.
func (c *AddObject) Reverse() Change { return &DropObject{Object: c.Object} }

// Reverse of a drop adds it.
func (c *DropObject) Reverse() Change { return &AddObject{Object: c.Object} }

// Reverse of a replace replaces back.
func (c *ReplaceObject) Reverse() Change { return &ReplaceObject{From: c.To, To: c.From} }

func (c *AddObject) String() string  { return "add " + c.Object.String() }
func (c *DropObject) String() string { return "drop " + c.Object.String() }
func (c *ReplaceObject) String() string {
	var what []string
	if c.From.Def != c.To.Def {
		what = append(what, "definition")
	}
	if c.From.Comment != c.To.Comment {
		what = append(what, "comment")
	}
	if len(what) == 0 {
		what = append(what, "statement")
	}
	return "replace " + c.To.String() + ": " + strings.Join(what, ", ")
}
