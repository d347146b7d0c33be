package sqlite

import (
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// trig is a trigger as sqlite_schema lists it.
type trig struct{ name, table, sql string }

// triggers makes the objects of the triggers on the inspected tables and
// views (INSTEAD OF triggers on views too): Def is the normalized text of
// the statement without the trigger's name, SQL the statement as stored,
// DependsOn the other tables and views its text names (a rebuild or a
// change of one of them creates the trigger again). A trigger on a table
// left out is left out; one that the filter rejects by name too.
func (in *inspector) triggers(trigs []trig) {
	relations := map[string]string{} // lower-case name → name
	for n := range in.tables {
		relations[strings.ToLower(n)] = n
	}
	for _, v := range in.s.Views {
		relations[strings.ToLower(v.Name)] = v.Name
	}
	for _, tr := range trigs {
		if in.o.Skipped("", tr.table) {
			continue
		}
		o := &schema.Object{Kind: "trigger", Name: tr.name, Table: tr.table, Def: definition(tr.sql), SQL: tr.sql}
		if in.o.SkippedObject(o) {
			continue
		}
		if relations[strings.ToLower(tr.table)] == "" {
			// On a table or view left out of the inspection (it is
			// skipped above) or not there at all: nothing to attach to.
			in.s.Unmanaged = append(in.s.Unmanaged, schema.Unmanaged{Kind: "trigger", Name: tr.name})
			continue
		}
		seen := map[string]bool{}
		for _, t := range tokenize(tr.sql) {
			if t.kind != 'w' && t.kind != 'q' {
				continue
			}
			n := relations[strings.ToLower(t.ident())]
			if n != "" && !strings.EqualFold(n, tr.table) && !seen[n] {
				seen[n] = true
				o.DependsOn = append(o.DependsOn, n)
			}
		}
		sort.Strings(o.DependsOn)
		in.s.Objects = append(in.s.Objects, o)
	}
}
