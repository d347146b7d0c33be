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
