package sqlite

import "strings"

// SQLite keeps a table as its CREATE TABLE text, and ALTER TABLE ADD
// COLUMN and DROP COLUMN edit that text in place, each in its own way.
// These functions make the same edits, so that what a renderer or an
// importer expects the stored text to be is what SQLite stores.

// tableLayout is where a CREATE TABLE text's columns are.
type tableLayout struct {
	names  []string // the columns, unquoted
	starts []int    // the offset of each column's name
	// end is where ADD COLUMN writes (SQLite's addColOffset): the ','
	// that opens the table constraints, else the closing ')'.
	end int
}

// readLayout reads sql's columns; ok is false when sql is not a CREATE
// TABLE with a parenthesized body and a column.
func readLayout(sql string) (tableLayout, bool) {
	c, ok := parseCreate(sql)
	items, closing, ok := body(sql, c, ok)
	l := tableLayout{end: closing}
	for _, it := range items {
		if it.isConstraint() {
			l.end = it.sep
			break
		}
		l.names = append(l.names, it.toks[0].ident())
		l.starts = append(l.starts, it.toks[0].start)
	}
	return l, ok && len(l.names) > 0
}

// addColumnText is sql after ALTER TABLE ADD COLUMN def: ", def" at the
// end of the columns, before the table constraints.
func addColumnText(sql, def string) (string, bool) {
	l, ok := readLayout(sql)
	if !ok {
		return "", false
	}
	return sql[:l.end] + ", " + def + sql[l.end:], true
}

// dropColumnText is sql after ALTER TABLE DROP COLUMN name. SQLite cuts
// a column from its name to the next column's name; the last one from the
// ',' before it (the nearest one back in the text, as SQLite looks for it)
// to the end of the columns. ok is false when the text has no such column,
// or only that one (which SQLite cannot drop).
func dropColumnText(sql, name string) (string, bool) {
	l, ok := readLayout(sql)
	if !ok || len(l.names) < 2 {
		return "", false
	}
	for i, n := range l.names {
		if !strings.EqualFold(n, name) {
			continue
		}
		if i+1 < len(l.names) {
			return sql[:l.starts[i]] + sql[l.starts[i+1]:], true
		}
		p := strings.LastIndexByte(sql[:l.starts[i]], ',')
		if p < 0 {
			return "", false
		}
		return sql[:p] + sql[l.end:], true
	}
	return "", false
}

// AddColumnText is the stored text of the table whose CREATE TABLE text
// is sql after ALTER TABLE ADD COLUMN def; ok is false when sql cannot be
// read.
func (*Dialect) AddColumnText(sql, def string) (string, bool) { return addColumnText(sql, def) }

// DropColumnText is the stored text of the table whose CREATE TABLE text
// is sql after ALTER TABLE DROP COLUMN name; ok is false when sql cannot
// be read or SQLite could not drop the column from it.
func (*Dialect) DropColumnText(sql, name string) (string, bool) { return dropColumnText(sql, name) }
