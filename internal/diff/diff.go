// Package diff compares two schemas (schema IR) and returns the ordered,
// dependency-aware changes that turn one into the other: referenced tables
// before referencing ones, dependents dropped first, foreign keys that close
// a cycle added by a separate step, views dropped before and recreated after
// the tables they read change. The downgrade is schema.Reverse of the result.
//
// It knows no SQL dialect: the few places where dialects differ are Options.
// It imports only the public schema package; it must not import the dialect
// packages, models or anything that touches a database.
package diff

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Options are the dialect hooks of a diff.
type Options struct {
	// InlineForeignKeys is set for dialects whose foreign keys are only part
	// of CREATE TABLE (SQLite): they are compared as table changes and never
	// split into separate steps.
	InlineForeignKeys bool
	// ColumnOrder is set for dialects that can move a column in place
	// (MySQL): a changed order of the columns both sides have is a change.
	ColumnOrder bool
	// RecreateColumn reports that a column cannot be altered from one
	// definition to the other and must be dropped and added again.
	RecreateColumn func(from, to *schema.Column) bool
}

// Diff returns the changes that turn from into to.
func Diff(from, to *schema.Schema, o Options) ([]schema.Change, error) {
	d := &differ{from: from, to: to, o: o}
	return d.run()
}

type tableKey struct{ ns, name string }

func keyOf(t *schema.Table) tableKey { return tableKey{t.Schema, t.Name} }

type differ struct {
	from, to *schema.Schema
	o        Options
}

// tablePlan is the work for one table that exists on both sides.
type tablePlan struct {
	from, to *schema.Table
	// dropFKs are dropped first (phase b), addFKs added last (phase g).
	dropFKs, addFKs []*schema.ForeignKey
	// early are dropped with dropFKs (see enumDependents).
	early []schema.TableChange
	main  []schema.TableChange
}

func (d *differ) run() ([]schema.Change, error) {
	var (
		early, dropFKs, create, modify, addFKs, drops, late []schema.Change
	)
	fromTables := map[tableKey]*schema.Table{}
	for _, t := range d.from.Tables {
		fromTables[keyOf(t)] = t
	}
	toTables := map[tableKey]*schema.Table{}
	for _, t := range d.to.Tables {
		toTables[keyOf(t)] = t
	}

	// Namespaces.
	for _, n := range minus(d.to.Namespaces, d.from.Namespaces) {
		early = append(early, &schema.AddNamespace{Name: n})
	}
	var dropNS []schema.Change
	for _, n := range minus(d.from.Namespaces, d.to.Namespaces) {
		dropNS = append(dropNS, &schema.DropNamespace{Name: n})
	}

	// Extensions (after the schemas they live in, dropped before those).
	fromExt := map[string]*schema.Extension{}
	for _, e := range d.from.Extensions {
		fromExt[e.Name] = e
	}
	toExt := map[string]*schema.Extension{}
	var dropExt []schema.Change
	for _, e := range d.to.Extensions {
		toExt[e.Name] = e
		switch f := fromExt[e.Name]; {
		case f == nil:
			early = append(early, &schema.AddExtension{Extension: e})
		case *f != *e:
			early = append(early, &schema.DropExtension{Extension: f}, &schema.AddExtension{Extension: e})
		}
	}
	for _, e := range d.from.Extensions {
		if toExt[e.Name] == nil {
			dropExt = append(dropExt, &schema.DropExtension{Extension: e})
		}
	}

	// Enums.
	recreated := map[string]bool{}
	fromEnums := map[string]*schema.Enum{}
	for _, e := range d.from.Enums {
		fromEnums[schema.QualifiedName(e.Schema, e.Name)] = e
	}
	toEnums := map[string]*schema.Enum{}
	for _, e := range d.to.Enums {
		q := schema.QualifiedName(e.Schema, e.Name)
		toEnums[q] = e
		f := fromEnums[q]
		switch {
		case f == nil:
			early = append(early, &schema.AddEnum{Enum: e})
		case !equalStrings(f.Values, e.Values) || f.Comment != e.Comment:
			me := &schema.ModifyEnum{From: f, To: e, Users: enumUsers(d.from, f)}
			if !equalStrings(f.Values, e.Values) {
				// Either direction may use values it adds (the downgrade
				// adds back the values the upgrade removes).
				me.Recreate = usesNewValues(d.to, f, e) || usesNewValues(d.from, e, f)
				recreated[q] = me.Recreate || !isSubsequence(f.Values, e.Values)
			}
			early = append(early, me)
		}
	}
	var dropEnums []schema.Change
	for _, e := range d.from.Enums {
		if toEnums[schema.QualifiedName(e.Schema, e.Name)] == nil {
			dropEnums = append(dropEnums, &schema.DropEnum{Enum: e})
		}
	}

	// Standalone sequences.
	fromSeqs := map[string]*schema.Sequence{}
	for _, s := range d.from.Sequences {
		fromSeqs[schema.QualifiedName(s.Schema, s.Name)] = s
	}
	toSeqs := map[string]bool{}
	for _, s := range d.to.Sequences {
		q := schema.QualifiedName(s.Schema, s.Name)
		toSeqs[q] = true
		f := fromSeqs[q]
		switch {
		case f == nil:
			early = append(early, &schema.AddSequence{Sequence: s})
		case *f != *s:
			early = append(early, &schema.ModifySequence{From: f, To: s})
		}
	}
	var dropSeqs []schema.Change
	for _, s := range d.from.Sequences {
		if !toSeqs[schema.QualifiedName(s.Schema, s.Name)] {
			dropSeqs = append(dropSeqs, &schema.DropSequence{Sequence: s})
		}
	}

	// Tables on both sides.
	plans := map[tableKey]*tablePlan{}
	var planOrder []tableKey
	for _, t := range d.to.Tables {
		f := fromTables[keyOf(t)]
		if f == nil {
			continue
		}
		p, err := d.planTable(f, t)
		if err != nil {
			return nil, err
		}
		enumCols := map[string]bool{}
		for q, full := range recreated {
			for _, c := range f.Columns {
				if full && typeNames(c.Type, fromEnums[q]) {
					enumCols[c.Name] = true
				}
			}
		}
		enumDependents(p, enumCols)
		plans[keyOf(t)] = p
		planOrder = append(planOrder, keyOf(t))
	}
	if !d.o.InlineForeignKeys {
		d.touchForeignKeys(plans)
	}

	// Phase b: foreign keys dropped first (changed ones, and all those of
	// tables about to be dropped, so that nothing they need is held).
	state := map[tableKey]*schema.Table{} // current state of tables on both sides
	for _, k := range planOrder {
		p := plans[k]
		state[k] = p.from
		if len(p.dropFKs) == 0 && len(p.early) == 0 {
			continue
		}
		next := cloneTable(p.from)
		next.ForeignKeys = fkMinus(next.ForeignKeys, p.dropFKs)
		mt := &schema.ModifyTable{From: p.from, To: next}
		for _, fk := range p.dropFKs {
			mt.Changes = append(mt.Changes, &schema.DropForeignKey{ForeignKey: fk})
		}
		for _, ch := range p.early {
			switch c := ch.(type) {
			case *schema.DropCheck:
				next.Checks = checkMinus(next.Checks, c.Check.Name)
			case *schema.DropIndex:
				next.Indexes = indexMinus(next.Indexes, c.Index.Name)
			}
		}
		mt.Changes = append(mt.Changes, p.early...)
		dropFKs = append(dropFKs, mt)
		state[k] = next
	}

	// New tables, referenced first. Tables dropped are the mirror image:
	// computed as the creation of to→from, reversed.
	var newTables, goneTables []*schema.Table
	for _, t := range d.to.Tables {
		if fromTables[keyOf(t)] == nil {
			newTables = append(newTables, t)
		}
	}
	for _, t := range d.from.Tables {
		if toTables[keyOf(t)] == nil {
			goneTables = append(goneTables, t)
		}
	}
	// Tables whose keys and column types stay as they are can be referenced
	// by a new table's inline foreign keys.
	unchanged := map[tableKey]map[string]bool{}
	for _, k := range planOrder {
		if cols, ok := keysStable(plans[k]); ok {
			unchanged[k] = cols
		}
	}
	cr, crFK := d.createTables(newTables, unchanged)
	create = append(create, cr...)
	dr, drFK := d.createTables(goneTables, unchanged)

	// Phase f: changes inside existing tables.
	for _, k := range planOrder {
		p := plans[k]
		if len(p.main) == 0 {
			continue
		}
		next := cloneTable(p.to)
		next.ForeignKeys = fkMinus(next.ForeignKeys, p.addFKs)
		if d.o.InlineForeignKeys {
			next = p.to
		}
		modify = append(modify, &schema.ModifyTable{From: state[k], To: next, Changes: p.main})
		state[k] = next
	}
	// Phase g: foreign keys added last.
	for _, k := range planOrder {
		p := plans[k]
		if len(p.addFKs) == 0 {
			continue
		}
		mt := &schema.ModifyTable{From: state[k], To: p.to}
		for _, fk := range p.addFKs {
			mt.Changes = append(mt.Changes, &schema.AddForeignKey{ForeignKey: fk})
		}
		addFKs = append(addFKs, mt)
	}
	addFKs = append(addFKs, crFK...)

	// Dropped tables: the reverse of creating them.
	dropFKs = append(dropFKs, schema.Reverse(drFK)...)
	drops = append(drops, schema.Reverse(dr)...)
	late = append(late, dropSeqs...)
	late = append(late, dropEnums...)
	late = append(late, dropExt...)
	late = append(late, dropNS...)

	// Views: dropped before anything they read changes, created after.
	affected := map[string]bool{}
	for _, k := range planOrder {
		p := plans[k]
		if len(p.main) > 0 || len(p.addFKs) > 0 || len(p.dropFKs) > 0 {
			affected[schema.QualifiedName(k.ns, k.name)] = true
		}
	}
	for _, t := range goneTables {
		affected[schema.QualifiedName(t.Schema, t.Name)] = true
	}
	for q, full := range recreated {
		if !full {
			continue
		}
		for _, u := range enumUsers(d.from, fromEnums[q]) {
			affected[schema.QualifiedName(u.Table.Schema, u.Table.Name)] = true
		}
	}
	viewDrops, viewAdds := d.views(affected)

	var out []schema.Change
	out = append(out, viewDrops...)
	out = append(out, dropFKs...)
	out = append(out, early...)
	out = append(out, create...)
	out = append(out, modify...)
	out = append(out, addFKs...)
	out = append(out, drops...)
	out = append(out, late...)
	out = append(out, viewAdds...)
	return out, nil
}

// createTables orders tables so that referenced ones come first and returns
// the AddTable changes and, for foreign keys that cannot be inline (they
// close a cycle, or point at a table that is not ready), the ModifyTable
// changes that add them afterwards.
func (d *differ) createTables(tables []*schema.Table, unchanged map[tableKey]map[string]bool) (creates, fks []schema.Change) {
	byKey := map[tableKey]*schema.Table{}
	for _, t := range tables {
		byKey[keyOf(t)] = t
	}
	done := map[tableKey]bool{}
	visiting := map[tableKey]bool{}
	var order []*schema.Table
	var visit func(t *schema.Table)
	visit = func(t *schema.Table) {
		k := keyOf(t)
		if done[k] || visiting[k] {
			return
		}
		visiting[k] = true
		for _, fk := range t.ForeignKeys {
			if rt := byKey[tableKey{fk.RefSchema, fk.RefTable}]; rt != nil {
				visit(rt)
			}
		}
		visiting[k] = false
		done[k] = true
		order = append(order, t)
	}
	for _, t := range tables {
		visit(t)
	}
	created := map[tableKey]bool{}
	for _, t := range order {
		k := keyOf(t)
		var later []*schema.ForeignKey
		if !d.o.InlineForeignKeys {
			for _, fk := range t.ForeignKeys {
				rk := tableKey{fk.RefSchema, fk.RefTable}
				if rk == k || created[rk] || (byKey[rk] == nil && stableFor(unchanged, rk, fk.RefColumns)) {
					continue
				}
				later = append(later, fk)
			}
		}
		created[k] = true
		if len(later) == 0 {
			creates = append(creates, &schema.AddTable{Table: t})
			continue
		}
		first := cloneTable(t)
		first.ForeignKeys = fkMinus(first.ForeignKeys, later)
		creates = append(creates, &schema.AddTable{Table: first})
		mt := &schema.ModifyTable{From: first, To: t}
		for _, fk := range later {
			mt.Changes = append(mt.Changes, &schema.AddForeignKey{ForeignKey: fk})
		}
		fks = append(fks, mt)
	}
	return creates, fks
}

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
		if t == nil || t.Def != v.Def || t.Comment != v.Comment {
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

// enumUsers lists the columns of s whose type is e or an array of it.
func enumUsers(s *schema.Schema, e *schema.Enum) []schema.EnumUser {
	var out []schema.EnumUser
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if typeNames(c.Type, e) {
				out = append(out, schema.EnumUser{Table: t, Column: c})
			}
		}
	}
	return out
}

// typeNames reports whether type t names enum e.
func typeNames(t schema.Type, e *schema.Enum) bool {
	name := unquote(t.Name)
	if name == "" {
		name = unquote(strings.TrimRight(t.SQL, "[]"))
	}
	return name == e.Name || (e.Schema != "" && name == e.Schema+"."+e.Name)
}

func unquote(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			parts[i] = strings.ReplaceAll(p[1:len(p)-1], `""`, `"`)
		}
	}
	return strings.Join(parts, ".")
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isSubsequence reports whether a's values appear in b in the same order.
func isSubsequence(a, b []string) bool {
	i := 0
	for _, v := range b {
		if i < len(a) && a[i] == v {
			i++
		}
	}
	return i == len(a)
}

func checkMinus(all []*schema.Check, name string) []*schema.Check {
	var out []*schema.Check
	for _, c := range all {
		if c.Name != name {
			out = append(out, c)
		}
	}
	return out
}

func indexMinus(all []*schema.Index, name string) []*schema.Index {
	var out []*schema.Index
	for _, x := range all {
		if x.Name != name {
			out = append(out, x)
		}
	}
	return out
}

func fkMinus(all, some []*schema.ForeignKey) []*schema.ForeignKey {
	var out []*schema.ForeignKey
	for _, fk := range all {
		skip := false
		for _, s := range some {
			if fk == s {
				skip = true
			}
		}
		if !skip {
			out = append(out, fk)
		}
	}
	return out
}

func cloneTable(t *schema.Table) *schema.Table {
	c := *t
	c.Columns = append([]*schema.Column(nil), t.Columns...)
	c.Uniques = append([]*schema.Unique(nil), t.Uniques...)
	c.Indexes = append([]*schema.Index(nil), t.Indexes...)
	c.ForeignKeys = append([]*schema.ForeignKey(nil), t.ForeignKeys...)
	c.Checks = append([]*schema.Check(nil), t.Checks...)
	c.Triggers = append([]*schema.Trigger(nil), t.Triggers...)
	c.SQL = ""
	return &c
}

// Unmanaged returns an error naming the objects of s that retort does not
// manage, or nil.
func Unmanaged(s *schema.Schema) error {
	if len(s.Unmanaged) == 0 {
		return nil
	}
	names := make([]string, len(s.Unmanaged))
	for i, u := range s.Unmanaged {
		names[i] = u.String()
	}
	return fmt.Errorf("retort does not manage %s yet; remove it from the models or exclude it by name", strings.Join(names, ", "))
}

// usesNewValues reports whether something in s names a value that to adds
// to from (a default, a check, an index predicate, a view).
var arrayLiteral = regexp.MustCompile(`'\{(?:[^']|'')*\}'`)

// inArrayLiteral reports whether text holds an array literal ('{a,"b c"}')
// with the element v.
func inArrayLiteral(text, v string) bool {
	for _, lit := range arrayLiteral.FindAllString(text, -1) {
		inner := strings.ReplaceAll(lit[2:len(lit)-2], "''", "'")
		for _, e := range strings.Split(inner, ",") {
			e = strings.TrimSpace(e)
			if len(e) >= 2 && e[0] == '"' && e[len(e)-1] == '"' {
				e = strings.ReplaceAll(strings.ReplaceAll(e[1:len(e)-1], `\"`, `"`), `\\`, `\`)
			}
			if e == v {
				return true
			}
		}
	}
	return false
}

func usesNewValues(s *schema.Schema, from, to *schema.Enum) bool {
	var texts []string
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			texts = append(texts, c.Default)
			if c.Generated != nil {
				texts = append(texts, c.Generated.Expr)
			}
		}
		for _, c := range t.Checks {
			texts = append(texts, c.Expr)
		}
		for _, x := range t.Indexes {
			texts = append(texts, x.Where)
			for _, p := range x.Parts {
				texts = append(texts, p.Expr)
			}
		}
	}
	for _, v := range s.Views {
		texts = append(texts, v.Def)
	}
	for _, v := range minus(to.Values, from.Values) {
		lit := "'" + strings.ReplaceAll(v, "'", "''") + "'"
		for _, t := range texts {
			if strings.Contains(t, lit) || inArrayLiteral(t, v) {
				return true
			}
		}
	}
	return false
}

// stableFor reports whether table k keeps the key made of cols as it is.
func stableFor(unchanged map[tableKey]map[string]bool, k tableKey, cols []string) bool {
	changed, ok := unchanged[k]
	if !ok {
		return false
	}
	for _, c := range cols {
		if changed[c] {
			return false
		}
	}
	return true
}

// keysStable reports whether a table's plan leaves its keys alone, so a
// foreign key created early may reference it, and which columns change type.
func keysStable(p *tablePlan) (map[string]bool, bool) {
	changed := map[string]bool{}
	for _, c := range p.main {
		switch c := c.(type) {
		case *schema.DropPrimaryKey, *schema.AddPrimaryKey, *schema.DropUnique, *schema.AddUnique:
			return nil, false
		case *schema.AddIndex:
			if c.Index.Unique {
				return nil, false
			}
		case *schema.DropIndex:
			if c.Index.Unique {
				return nil, false
			}
		case *schema.ModifyColumn:
			if c.Change&(schema.ChangeType|schema.ChangeCollation) != 0 {
				changed[c.To.Name] = true
			}
		}
	}
	return changed, true
}
