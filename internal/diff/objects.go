package diff

import (
	"sort"

	"github.com/retortdb/retort/schema"
)

// Objects (schema.Object: functions, procedures, triggers, materialized
// views, events, domains, policies) fall into two groups, by what they need:
//
//   - early objects need no table or view: functions, procedures and
//     domains that tables may use (in defaults, checks, generated columns,
//     column types). They are created with the types, after enums and
//     sequences (phase 3), and dropped with them once no table uses them
//     (phase 8).
//   - late objects are attached to a table or view (Object.Table), or
//     depend on one, directly or through another late object: triggers,
//     policies, materialized views, events reading tables. They are
//     ordered together with the views (phases 1 and 9): dropped before
//     anything changes and created after every table and view exists.
//
// An object whose Def or Comment changes is replaced in place when the
// dialect says it can (Options.ReplaceObject), else dropped and created
// again. An object is also dropped and created again (redone) when
// something it needs is: a view or object it depends on that is redone, a
// table it depends on that changes (as views are), a table it is attached
// to that is rebuilt (Options.RebuildsTables) and an enum type recreated
// under it. A view that depends on a redone object is redone too.

// readerNode is a view or an object in the dependency graph that orders
// them.
type readerNode struct {
	view *schema.View
	obj  *schema.Object
}

func (n readerNode) name() string {
	if n.view != nil {
		return schema.QualifiedName(n.view.Schema, n.view.Name)
	}
	return n.obj.QualifiedName()
}

// deps are the names the node needs: what it depends on and, for an object
// attached to a view (an INSTEAD OF trigger), the view.
func (n readerNode) deps() []string {
	var out []string
	if n.view != nil {
		out = append(out, n.view.DependsOn...)
	} else {
		out = append(out, n.obj.DependsOn...)
		if n.obj.Table != "" {
			out = append(out, n.obj.Table)
		}
	}
	sort.Strings(out)
	return out
}

// objectSide indexes one side's objects.
type objectSide struct {
	byKey  map[string]*schema.Object
	byName map[string]*schema.Object
	late   map[string]bool // by Key
}

func newObjectSide(s *schema.Schema) objectSide {
	side := objectSide{byKey: map[string]*schema.Object{}, byName: map[string]*schema.Object{}, late: map[string]bool{}}
	for _, o := range s.Objects {
		side.byKey[o.Key()] = o
		if o.Table == "" { // nothing names an attached object (a trigger) in its DependsOn
			side.byName[o.QualifiedName()] = o
		}
	}
	relations := map[string]bool{}
	for _, t := range s.Tables {
		relations[schema.QualifiedName(t.Schema, t.Name)] = true
	}
	for _, v := range s.Views {
		relations[schema.QualifiedName(v.Schema, v.Name)] = true
	}
	var visit func(o *schema.Object, seen map[string]bool) bool
	visit = func(o *schema.Object, seen map[string]bool) bool {
		if o.Table != "" {
			return true
		}
		if seen[o.Key()] {
			return false
		}
		seen[o.Key()] = true
		for _, d := range o.DependsOn {
			if relations[d] {
				return true
			}
			if dep := side.byName[d]; dep != nil && visit(dep, seen) {
				return true
			}
		}
		return false
	}
	for _, o := range s.Objects {
		if visit(o, map[string]bool{}) {
			side.late[o.Key()] = true
		}
	}
	return side
}

// readers fills the phases for views and objects: drops of views and late
// objects (phase 1), early objects dropped to be created again (phase 2b),
// early objects created, replaced and dropped (phases 3 and 8), views and
// late objects created and replaced (phase 9). affected are the tables
// (by qualified name) that change or go, rebuilt those whose attached
// objects a rebuild drops, recreatedTypes the enum types rebuilt under
// their users.
func (d *differ) readers(p *phases, affected, recreatedTypes map[string]bool) {
	from, to := newObjectSide(d.from), newObjectSide(d.to)
	isLate := func(key string) bool { return from.late[key] || to.late[key] }
	// Names compare as the server compares them.
	for q := range affected {
		affected[d.o.fold(NameTable, q)] = true
	}

	fromViews := map[string]*schema.View{}
	for _, v := range d.from.Views {
		fromViews[schema.QualifiedName(v.Schema, v.Name)] = v
	}
	toViews := map[string]*schema.View{}
	for _, v := range d.to.Views {
		toViews[schema.QualifiedName(v.Schema, v.Name)] = v
	}

	// redoView and redoObj hold what is dropped and created again, by view
	// name and object key; replace the objects changed in place.
	redoView := map[string]bool{}
	redoObj := map[string]bool{}
	replace := map[string]bool{}
	for q, v := range fromViews {
		t := toViews[q]
		if t == nil || t.Def != v.Def || t.Comment != v.Comment || !sameViewClauses(t, v) {
			redoView[q] = true
		}
	}
	for q := range toViews {
		if fromViews[q] == nil {
			redoView[q] = true
		}
	}
	for k, f := range from.byKey {
		t := to.byKey[k]
		switch {
		case t == nil:
			redoObj[k] = true // dropped for good
		case t.Def == f.Def && t.Comment == f.Comment:
		case d.o.ReplaceObject != nil && d.o.ReplaceObject(f, t):
			replace[k] = true
		default:
			redoObj[k] = true
		}
	}
	for k := range to.byKey {
		if from.byKey[k] == nil {
			redoObj[k] = true // created
		}
	}
	// A redone object or view redoes what depends on it (by name in the
	// current state), to a fixed point.
	redoneName := func(name string) bool {
		if redoView[name] && fromViews[name] != nil {
			return true
		}
		if o := from.byName[name]; o != nil && redoObj[o.Key()] {
			return true
		}
		return affected[name] || affected[d.o.fold(NameTable, name)] || recreatedTypes[name]
	}
	for changed := true; changed; {
		changed = false
		for q, v := range fromViews {
			if redoView[q] {
				continue
			}
			for _, dep := range v.DependsOn {
				if redoneName(dep) {
					redoView[q], changed = true, true
					break
				}
			}
		}
		for k, o := range from.byKey {
			if redoObj[k] {
				continue
			}
			need := false
			// The object as renamed and as the database has it: affected
			// names a renamed table by its old name.
			for _, o := range []*schema.Object{o, d.original(o)} {
				need = need || o.Table != "" && (d.o.RebuildsTables && affected[o.Table] || d.rebuilt[o.Table] || redoView[o.Table] && fromViews[o.Table] != nil)
				for _, dep := range o.DependsOn {
					need = need || redoneName(dep)
				}
			}
			if need {
				redoObj[k], changed = true, true
				delete(replace, k)
			}
		}
	}

	// Views and late objects, ordered together.
	var fromNodes, toNodes []readerNode
	for _, v := range d.from.Views {
		fromNodes = append(fromNodes, readerNode{view: v})
	}
	for _, v := range d.to.Views {
		toNodes = append(toNodes, readerNode{view: v})
	}
	var fromEarly, toEarly []readerNode
	for _, o := range d.from.Objects {
		if isLate(o.Key()) {
			fromNodes = append(fromNodes, readerNode{obj: o})
		} else {
			fromEarly = append(fromEarly, readerNode{obj: o})
		}
	}
	for _, o := range d.to.Objects {
		if isLate(o.Key()) {
			toNodes = append(toNodes, readerNode{obj: o})
		} else {
			toEarly = append(toEarly, readerNode{obj: o})
		}
	}
	dropOrder := nodeOrder(fromNodes)
	for i := len(dropOrder) - 1; i >= 0; i-- {
		n := dropOrder[i]
		switch {
		case n.view != nil && redoView[n.name()]:
			p.dropViews = append(p.dropViews, &schema.DropView{View: n.view})
		case n.obj != nil && redoObj[n.obj.Key()]:
			p.dropViews = append(p.dropViews, &schema.DropObject{Object: d.original(n.obj)})
		}
	}
	for _, n := range nodeOrder(toNodes) {
		switch {
		case n.view != nil && redoView[n.name()]:
			p.addViews = append(p.addViews, &schema.AddView{View: n.view})
		case n.obj != nil && redoObj[n.obj.Key()]:
			p.addViews = append(p.addViews, &schema.AddObject{Object: n.obj})
		case n.obj != nil && replace[n.obj.Key()]:
			p.addViews = append(p.addViews, &schema.ReplaceObject{From: from.byKey[n.obj.Key()], To: n.obj})
		}
	}

	// Early objects: those dropped for good go with the types (phase 8);
	// those created again are dropped before the types change (phase 2b).
	dropOrder = nodeOrder(fromEarly)
	for i := len(dropOrder) - 1; i >= 0; i-- {
		o := dropOrder[i].obj
		if !redoObj[o.Key()] {
			continue
		}
		if to.byKey[o.Key()] == nil {
			p.dropEarlyObjects = append(p.dropEarlyObjects, &schema.DropObject{Object: d.original(o)})
		} else {
			p.redoEarlyObjects = append(p.redoEarlyObjects, &schema.DropObject{Object: d.original(o)})
		}
	}
	for _, n := range nodeOrder(toEarly) {
		switch k := n.obj.Key(); {
		case redoObj[k]:
			p.createEarlyObjects = append(p.createEarlyObjects, &schema.AddObject{Object: n.obj})
		case replace[k]:
			p.createEarlyObjects = append(p.createEarlyObjects, &schema.ReplaceObject{From: from.byKey[k], To: n.obj})
		}
	}
}

// original is the object as the database has it before declared renames
// (what a drop that runs before the renames names).
func (d *differ) original(o *schema.Object) *schema.Object {
	if orig := d.preRename[o]; orig != nil {
		return orig
	}
	return o
}

// nodeOrder sorts nodes so that each comes after those it needs, keeping
// the given order otherwise.
func nodeOrder(nodes []readerNode) []readerNode {
	byName := map[string][]readerNode{}
	for _, n := range nodes {
		byName[n.name()] = append(byName[n.name()], n)
	}
	done := map[readerNode]bool{}
	var out []readerNode
	var visit func(n readerNode)
	visit = func(n readerNode) {
		if done[n] {
			return
		}
		done[n] = true
		for _, dep := range n.deps() {
			for _, dn := range byName[dep] {
				visit(dn)
			}
		}
		out = append(out, n)
	}
	for _, n := range nodes {
		visit(n)
	}
	return out
}

// renameObjects returns copies of objs with declared renames applied: the
// table an object is attached to or depends on takes its new name, and the
// renamed table's and columns' names in its Def and SQL too (as the server
// rewrites them). The map leads from each copy that changed to the object
// as it was.
func renameObjects(objs []*schema.Object, renames []Rename) ([]*schema.Object, map[*schema.Object]*schema.Object) {
	if len(objs) == 0 {
		return objs, nil
	}
	orig := map[*schema.Object]*schema.Object{}
	out := make([]*schema.Object, len(objs))
	for i, o := range objs {
		c := *o
		c.DependsOn = append([]string(nil), o.DependsOn...)
		out[i] = &c
		orig[&c] = o
	}
	for _, r := range renames {
		if r.Column != "" {
			continue
		}
		oldQ, newQ := schema.QualifiedName(r.Schema, r.Table), schema.QualifiedName(r.Schema, r.To)
		for _, o := range out {
			touched := o.Table == oldQ
			if touched {
				o.Table = newQ
			}
			for i, dep := range o.DependsOn {
				if dep == oldQ {
					o.DependsOn[i], touched = newQ, true
				}
			}
			if touched {
				o.Def, o.SQL = replaceIdent(o.Def, r.Table, r.To), replaceIdent(o.SQL, r.Table, r.To)
			}
		}
	}
	for _, r := range renames {
		if r.Column == "" {
			continue
		}
		q := schema.QualifiedName(r.Schema, r.Table)
		for _, o := range out {
			if o.Table == q || slicesContains(o.DependsOn, q) {
				o.Def, o.SQL = replaceIdent(o.Def, r.Column, r.To), replaceIdent(o.SQL, r.Column, r.To)
			}
		}
	}
	return out, orig
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
