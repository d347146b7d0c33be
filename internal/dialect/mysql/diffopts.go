package mysql

import "github.com/retortdb/retort/internal/diff"

// DiffOptions are how MySQL's and MariaDB's schemas are diffed: foreign
// keys are constraints of their own, columns are altered in place, and a
// column can be moved in place (AFTER), so its position is compared.
func (*Dialect) DiffOptions() diff.Options {
	return diff.Options{ColumnOrder: diff.ColumnOrderMoved}
}
