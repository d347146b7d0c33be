package alembic

import (
	"sort"

	"github.com/retortdb/retort/schema"
)

// state is the schema the translated operations have built so far, as
// the rendering of the next operation needs it: SQLite rebuilds a table
// from its whole definition, and every renderer takes a column's old
// definition to change it. Each entry carries the stamp of the operation
// that last touched it, so that a merge takes, for every table, the
// version of the parent that changed it last.
type state struct {
	tables map[string]tableEntry
	enums  map[string]enumEntry
	// named lists each table's named constraints in the order they were
	// made (SQLite's batch mode writes them so).
	named map[string]namedEntry
	// base, when set, holds the entries this state does not: a
	// downgrade's translation writes over its revision's end state
	// without copying it.
	base *state
}

type namedEntry struct {
	names []string
	stamp int
}

type tableEntry struct {
	t     *schema.Table // nil: dropped
	stamp int
}

type enumEntry struct {
	e     *schema.Enum // nil: dropped
	stamp int
}

func newState() *state {
	return &state{tables: map[string]tableEntry{}, enums: map[string]enumEntry{}, named: map[string]namedEntry{}}
}

// merge is the union of the states of a revision's parents: for each name,
// the entry stamped last.
func merge(parents []*state) *state {
	s := newState()
	for _, p := range parents {
		p.each(func(k string, v tableEntry) {
			if cur, ok := s.tables[k]; !ok || v.stamp > cur.stamp {
				s.tables[k] = v
			}
		}, func(k string, v enumEntry) {
			if cur, ok := s.enums[k]; !ok || v.stamp > cur.stamp {
				s.enums[k] = v
			}
		}, func(k string, v namedEntry) {
			if cur, ok := s.named[k]; !ok || v.stamp > cur.stamp {
				s.named[k] = v
			}
		})
	}
	return s
}

// each calls the functions for every entry, a base's first.
func (s *state) each(tf func(string, tableEntry), ef func(string, enumEntry), nf func(string, namedEntry)) {
	if s.base != nil {
		s.base.each(tf, ef, nf)
	}
	for k, v := range s.tables {
		tf(k, v)
	}
	for k, v := range s.enums {
		ef(k, v)
	}
	for k, v := range s.named {
		nf(k, v)
	}
}

// overlay is a state that reads s and writes only itself.
func (s *state) overlay() *state {
	o := newState()
	o.base = s
	return o
}

func (s *state) table(name string) *schema.Table { return s.tableEntry(name).t }

func (s *state) tableEntry(name string) tableEntry {
	if e, ok := s.tables[name]; ok || s.base == nil {
		return e
	}
	return s.base.tableEntry(name)
}

func (s *state) enum(name string) enumEntry {
	if e, ok := s.enums[name]; ok || s.base == nil {
		return e
	}
	return s.base.enum(name)
}

func (s *state) namedOf(table string) []string {
	if e, ok := s.named[table]; ok || s.base == nil {
		return e.names
	}
	return s.base.namedOf(table)
}

// tableNames lists the live tables, sorted.
func (s *state) tableNames() []string {
	live := map[string]bool{}
	s.each(func(k string, v tableEntry) { live[k] = v.t != nil }, func(string, enumEntry) {}, func(string, namedEntry) {})
	var out []string
	for k, ok := range live {
		if ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
