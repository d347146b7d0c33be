package sqlite

import (
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.LintAdvisor = (*Dialect)(nil)

// LintRuleSets: internal/lint's SQLite rules (what ALTER TABLE cannot do,
// rebuilds and foreign keys).
func (*Dialect) LintRuleSets() []string { return []string{"sqlite"} }

// MaxIdentifierBytes: SQLite keeps names of any length.
func (*Dialect) MaxIdentifierBytes() int { return 0 }

// SameType: a declared type is kept as written; compare it so.
func (*Dialect) SameType(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// TypeChange: SQLite has no ALTER COLUMN; a type changes only by a rebuild,
// which the rules see as such.
func (*Dialect) TypeChange(from, to string) dialect.TypeChange { return dialect.TypeChange{} }
