package postgres

import "github.com/retortdb/retort/internal/diff"

// DiffOptions are how PostgreSQL's schemas are diffed: foreign keys are
// constraints of their own, columns are altered in place except where
// RecreateColumn says they cannot be, and column order is ignored because
// PostgreSQL cannot place a column; functions and procedures whose
// signature stays are replaced in place (replaceObject).
func (*Dialect) DiffOptions() diff.Options {
	return diff.Options{RecreateColumn: RecreateColumn, ReplaceObject: replaceObject}
}
