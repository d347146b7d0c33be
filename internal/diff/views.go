package diff

import (
	"sort"

	"github.com/retortdb/retort/schema"
)

// views returns the view drops (dependents first) and creations (in
// dependency order) for views that changed, vanished, appeared, or read
// something affected.
func (d *differ) views(affected map[string]bool) (drops, adds []schema.Change) {
	fromViews := map[string]*schema.View{}
	for _, v := range d.from.Views {
		fromViews[schema.QualifiedName(v.Schema, v.Name)] = v
	}
	toViews := map[string]*schema.View{}
	for _, v := range d.to.Views {
		toViews[schema.QualifiedName(v.Schema, v.Name)] = v
	}
	// A view is redone when it changed or reads something redone, to a fixed point.
	redo := map[string]bool{}
	for q, v := range fromViews {
		t := toViews[q]
		if t == nil || t.Def != v.Def || t.Comment != v.Comment || !sameViewClauses(t, v) {
			redo[q] = true
		}
	}
	for q := range toViews {
		if fromViews[q] == nil {
			redo[q] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for q, v := range fromViews {
			if redo[q] {
				continue
			}
			for _, dep := range v.DependsOn {
				if affected[dep] || (redo[dep] && fromViews[dep] != nil) {
					redo[q] = true
					changed = true
					break
				}
			}
		}
	}
	dropOrder := viewOrder(d.from.Views)
	for i := len(dropOrder) - 1; i >= 0; i-- {
		v := dropOrder[i]
		if redo[schema.QualifiedName(v.Schema, v.Name)] {
			drops = append(drops, &schema.DropView{View: v})
		}
	}
	for _, v := range viewOrder(d.to.Views) {
		q := schema.QualifiedName(v.Schema, v.Name)
		if redo[q] {
			adds = append(adds, &schema.AddView{View: v})
		}
	}
	return drops, adds
}

// viewOrder sorts views so that a view comes after those it reads.
func viewOrder(views []*schema.View) []*schema.View {
	byName := map[string]*schema.View{}
	for _, v := range views {
		byName[schema.QualifiedName(v.Schema, v.Name)] = v
	}
	done := map[string]bool{}
	var out []*schema.View
	var visit func(v *schema.View)
	visit = func(v *schema.View) {
		q := schema.QualifiedName(v.Schema, v.Name)
		if done[q] {
			return
		}
		done[q] = true
		deps := append([]string(nil), v.DependsOn...)
		sort.Strings(deps)
		for _, dep := range deps {
			if dv := byName[dep]; dv != nil {
				visit(dv)
			}
		}
		out = append(out, v)
	}
	for _, v := range views {
		visit(v)
	}
	return out
}

// sameViewClauses reports whether two views agree on the clauses beside
// their query (MySQL/MariaDB ALGORITHM, DEFINER, SQL SECURITY, CHECK
// OPTION); a change to one recreates the view.
func sameViewClauses(a, b *schema.View) bool {
	return a.Algorithm == b.Algorithm && a.Definer == b.Definer && a.Security == b.Security && a.CheckOption == b.CheckOption
}
