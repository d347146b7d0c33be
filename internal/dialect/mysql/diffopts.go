package mysql

import (
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// DiffOptions are how MySQL's and MariaDB's schemas are diffed: foreign
// keys are constraints of their own, columns are altered in place, and a
// column can be moved in place (AFTER), so its position is compared.
// Column, index and constraint names are compared regardless of case, as
// the server does; table names exactly (lower_case_table_names 0, see
// DiffOptionsFor).
func (*Dialect) DiffOptions() diff.Options {
	return diff.Options{ColumnOrder: diff.ColumnOrderMoved, FoldName: foldName(false)}
}

// DiffOptionsFor are DiffOptions for a database inspected from a server
// whose lower_case_table_names is current's: with 1 or 2, table and view
// names are compared regardless of case too.
func (d *Dialect) DiffOptionsFor(current *schema.Schema) diff.Options {
	o := d.DiffOptions()
	o.FoldName = foldName(current != nil && current.LowerCaseTableNames != 0)
	return o
}

// foldName is how the server compares names: columns, indexes and
// constraints regardless of case, tables (and views, and databases) so
// only when tables is set.
func foldName(tables bool) func(diff.NameKind, string) string {
	return func(k diff.NameKind, name string) string {
		if k == diff.NameTable && !tables {
			return name
		}
		return diff.FoldASCII(name)
	}
}
