package sqlite

import "github.com/retortdb/retort/internal/diff"

// DiffOptions are how SQLite's schemas are diffed: foreign keys exist only
// inside CREATE TABLE, and a table whose columns change (or only their
// order) is rebuilt: a new table is created and the rows copied. Every
// name (tables, views, columns, indexes, constraints) is compared
// regardless of ASCII case, as SQLite does.
func (*Dialect) DiffOptions() diff.Options {
	return diff.Options{
		InlineForeignKeysOnly: true,
		RebuildsTables:        true,
		ColumnOrder:           diff.ColumnOrderRebuilt,
		FoldName:              func(_ diff.NameKind, name string) string { return diff.FoldASCII(name) },
	}
}
