package sqlite

import "github.com/retortdb/retort/internal/diff"

// DiffOptions are how SQLite's schemas are diffed: foreign keys exist only
// inside CREATE TABLE, and a table whose columns change (or only their
// order) is rebuilt: a new table is created and the rows copied.
func (*Dialect) DiffOptions() diff.Options {
	return diff.Options{
		InlineForeignKeysOnly: true,
		RebuildsTables:        true,
		ColumnOrder:           diff.ColumnOrderRebuilt,
	}
}
