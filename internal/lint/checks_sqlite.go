package lint

// The checks of the SQLite rules (rule set "sqlite").

import (
	"fmt"
	"slices"
	"strings"
)

func checkSQLiteAddColumn(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	for _, a := range s.actions {
		if a.kind != aAddColumn || a.col.name == "" {
			continue
		}
		col := a.col
		why := ""
		def := strings.ToLower(strings.TrimSpace(col.defaultSQL))
		switch {
		case col.primaryKey:
			why = "PRIMARY KEY"
		case col.unique:
			why = "UNIQUE"
		case col.generated:
			why = "a stored generated column"
		case col.notNull && (!col.hasDefault || def == "null"):
			why = "NOT NULL without a non-null default"
		case strings.HasPrefix(def, "(") || def == "current_timestamp" || def == "current_date" || def == "current_time":
			why = fmt.Sprintf("a non-constant default (%s)", col.defaultSQL)
		}
		if why != "" {
			c.report(r, s, "SQLite cannot ADD COLUMN %s.%s with %s: the statement fails", s.table, col.name, why)
		}
	}
}

func checkSQLiteUnsupported(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	for _, a := range s.actions {
		what := ""
		switch a.kind {
		case aAlterType, aSetNotNull, aDropNotNull, aSetDefault:
			what = "change a column (ALTER/MODIFY COLUMN)"
		case aAddConstraint:
			what = "add a constraint"
		case aDropConstraint, aDropPrimaryKey:
			what = "drop a constraint"
		}
		if what != "" {
			c.report(r, s, "SQLite's ALTER TABLE cannot %s: the statement fails", what)
			return
		}
	}
	if len(s.actions) > 1 {
		c.report(r, s, "SQLite's ALTER TABLE takes one action per statement: the statement fails")
		return
	}
	t := c.st.tables[s.table]
	for _, a := range s.actions {
		if a.kind != aDropColumn || t == nil {
			continue
		}
		if col := t.columns[a.colName]; col != nil && col.pk {
			c.report(r, s, "SQLite cannot drop %s.%s, which is in the primary key: the statement fails", s.table, a.colName)
			continue
		}
		for _, n := range sortedKeys(c.st.indexes) {
			if ix := c.st.indexes[n]; ix.table == s.table && slices.Contains(ix.cols, a.colName) {
				c.report(r, s, "SQLite cannot drop %s.%s, which index or constraint %s uses: the statement fails", s.table, a.colName, n)
				break
			}
		}
	}
}

func checkSQLiteRebuildFK(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kDropTable || c.fkOff {
		return
	}
	for _, n := range s.tables {
		t := c.st.tables[n]
		if t == nil {
			continue
		}
		for _, other := range sortedKeys(c.st.tables) {
			if other == n {
				continue
			}
			if c.st.tables[other].refs[n] {
				c.report(r, s, "drops %s, which %s references, with foreign keys on: its rows are deleted first, running ON DELETE actions on %s (or failing)", n, other, other)
				return
			}
		}
	}
}

// touchesExistingOnce is touchesExisting, computed once a section.

// touchesExisting reports whether the section runs DDL or DML on a table

// that existed before the revision.

// notCopied lists the columns of the old table (cols) that an INSERT …

// SELECT with a column list leaves out.

// withCharset appends MySQL's character set to a type ("varchar(50)

// charset utf8mb4"): the column's own, else the table's. The dialect reads

// it (a VARCHAR's length prefix is counted in bytes).
