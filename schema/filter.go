package schema

import (
	"fmt"
	"path"
	"strings"
)

// InspectOptions says what an inspector reads.
type InspectOptions struct {
	// Schemas limits PostgreSQL inspection to these schemas ("" or the
	// current schema means the default one). Empty: every schema that is not
	// a system schema.
	Schemas []string
	// Skip names tables that are never part of a schema: the version table
	// and the history table. A name may be "schema.table".
	Skip []string
	// Filter selects objects by name.
	Filter Filter
	// ViewDefiner says how much of a MySQL/MariaDB view's (or routine's)
	// DEFINER is kept, and so compared: ViewDefinerUser ("", the default)
	// keeps the user, so a definer that differs only by the connecting host
	// is not drift; ViewDefinerExact keeps user and host; ViewDefinerIgnore
	// keeps nothing.
	ViewDefiner string
}

// The ViewDefiner rules.
const (
	ViewDefinerUser   = "user"
	ViewDefinerExact  = "exact"
	ViewDefinerIgnore = "ignore"
)

// Filter selects objects by name patterns (path.Match syntax: *, ?, [a-z]).
// A pattern without a dot matches the object name; with a dot it matches
// "schema.name". Include empty means everything; Exclude wins over Include.
type Filter struct {
	Include []string
	Exclude []string
}

// Validate reports a malformed pattern.
func (f Filter) Validate() error {
	for _, p := range append(append([]string(nil), f.Include...), f.Exclude...) {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("bad name pattern %q: %w", p, err)
		}
	}
	return nil
}

// Match reports whether the object ns.name passes the filter.
func (f Filter) Match(ns, name string) bool {
	if len(f.Include) > 0 && !matchAny(f.Include, ns, name) {
		return false
	}
	return !matchAny(f.Exclude, ns, name)
}

func matchAny(patterns []string, ns, name string) bool {
	q := QualifiedName(ns, name)
	for _, p := range patterns {
		target := name
		if strings.Contains(p, ".") {
			target = q
			if ns == "" {
				target = "." + name
			}
		}
		if ok, _ := path.Match(p, target); ok {
			return true
		}
	}
	return false
}

// Skipped reports whether ns.name is one of o.Skip or filtered out.
func (o InspectOptions) Skipped(ns, name string) bool {
	for _, s := range o.Skip {
		if s == name || s == QualifiedName(ns, name) {
			return true
		}
	}
	return !o.Filter.Match(ns, name)
}

// MatchUnmanaged reports whether an object the inspector lists by qualified
// name q passes the filter (an unmanaged object: "schema.name", "name",
// "table.trigger", "f(integer)"). A pattern may name the object by its
// full name, by its own name, or by the table it belongs to; a function's
// argument list is not part of its name. Exclude wins over Include.
func (f Filter) MatchUnmanaged(q string) bool {
	if i := strings.IndexByte(q, '('); i > 0 {
		q = q[:i]
	}
	type cand struct{ ns, name string }
	cands := []cand{{"", q}}
	if parts := strings.Split(q, "."); len(parts) > 1 {
		last := len(parts) - 1
		cands = append(cands,
			cand{parts[0], strings.Join(parts[1:], ".")}, // schema.name
			cand{"", parts[last]},                        // its own name
			cand{"", parts[0]},                           // table.trigger: the table
		)
		if len(parts) > 2 {
			cands = append(cands, cand{parts[0], parts[1]}) // schema.table.trigger
		}
	}
	hit := func(patterns []string) bool {
		for _, c := range cands {
			if matchAny(patterns, c.ns, c.name) {
				return true
			}
		}
		return false
	}
	if hit(f.Exclude) {
		return false
	}
	return len(f.Include) == 0 || hit(f.Include)
}

// KeepUnmanaged returns the unmanaged objects of list that o's filter
// keeps: one excluded by name is neither refused nor reported.
func (o InspectOptions) KeepUnmanaged(list []Unmanaged) []Unmanaged {
	var out []Unmanaged
	for _, u := range list {
		if o.Filter.MatchUnmanaged(u.Name) {
			out = append(out, u)
		}
	}
	return out
}
