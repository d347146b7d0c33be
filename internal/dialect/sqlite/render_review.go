package sqlite

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

// rebuildRisks returns the review notes of a rebuild's row copy: what in
// the existing rows makes it fail or changes them, one note per change, in
// the words PostgreSQL's and MySQL's notes use for the same change.
func rebuildRisks(m *schema.ModifyTable) []string {
	f, t := m.From, m.To
	var out []string
	for _, c := range m.Changes {
		switch c := c.(type) {
		case *schema.AddColumn:
			col := c.Column
			if !col.Nullable && col.Default == "" && col.Generated == nil && !isRowidAlias(t, col) {
				out = append(out, "adds NOT NULL column "+t.Name+"."+col.Name+" without a default: fails if the table has rows")
			}
		case *schema.DropColumn:
			if c.Column.Generated == nil {
				out = append(out, "drops column "+t.Name+"."+c.Column.Name+" and its data")
			}
		case *schema.ModifyColumn:
			out = append(out, columnRisks(f, t, c)...)
		case *schema.AddPrimaryKey:
			if copiesValues(f, t, c.PrimaryKey.Columns) {
				out = append(out, "adds primary key ("+strings.Join(c.PrimaryKey.Columns, ", ")+") on "+t.Name+": fails if existing rows hold duplicates")
			}
		case *schema.AddUnique:
			if copiesValues(f, t, c.Unique.Columns) {
				out = append(out, "adds unique ("+strings.Join(c.Unique.Columns, ", ")+") on "+t.Name+": fails if existing rows hold duplicates")
			}
		case *schema.AddCheck:
			out = append(out, "adds check ("+c.Check.Expr+") on "+t.Name+": fails if existing rows violate the check")
		case *schema.AddForeignKey:
			fk := c.ForeignKey
			if !copiesValues(f, t, fk.Columns) {
				continue
			}
			out = append(out, fmt.Sprintf("adds foreign key %s (%s) -> %s: fails if an existing row references no row of %s (PRAGMA foreign_key_check)",
				t.Name, strings.Join(fk.Columns, ", "), fk.RefTable, fk.RefTable))
		case *schema.ModifyTableOptions:
			if c.To.Strict && !c.From.Strict {
				out = append(out, "makes "+t.Name+" STRICT: fails if existing values do not fit their columns' types")
			}
		}
	}
	return out
}

// columnRisks are the notes of one column change copied by a rebuild.
func columnRisks(f, t *schema.Table, c *schema.ModifyColumn) []string {
	q := t.Name + "." + c.To.Name
	var out []string
	if c.Change.Is(schema.ChangeType) {
		from, to := c.From.Type.SQL, c.To.Type.SQL
		fa, ta := affinity(from), affinity(to)
		switch {
		case isRowidAlias(t, c.To) && !isRowidAlias(f, c.From):
			out = append(out, fmt.Sprintf("changes the type of %s from %s to %s: fails if it holds values that are not integers (the column becomes the rowid)", q, typeName(from), typeName(to)))
		case t.Strict:
			out = append(out, fmt.Sprintf("changes the type of %s from %s to %s: fails if existing values do not fit (STRICT table)", q, typeName(from), typeName(to)))
		case fa != ta && ta == "TEXT":
			out = append(out, fmt.Sprintf("changes the type of %s from %s to %s: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')",
				q, typeName(from), typeName(to)))
		case fa != ta && ta != "BLOB" && c.From.Generated == nil && c.To.Generated == nil:
			out = append(out, fmt.Sprintf("changes the type of %s from %s to %s: values that %s affinity would store as something else (%s) fail the guard above it, and nothing is changed; every other value is kept",
				q, typeName(from), typeName(to), ta, affinityEffect(ta)))
		}
	}
	if c.Change.Is(schema.ChangeNull) && !c.To.Nullable && !isRowidAlias(t, c.To) {
		out = append(out, "fails if "+q+" holds NULLs")
	}
	if c.Change.Is(schema.ChangeCollation) && inUniqueKey(t, c.To.Name) {
		out = append(out, "changes the collation of "+q+", which a unique key uses: fails if existing values become duplicates")
	}
	if c.Change.Is(schema.ChangeGenerated) && c.From.Generated == nil && c.To.Generated != nil {
		out = append(out, "makes "+q+" a generated column: its stored values are replaced by the expression's")
	}
	return out
}

// copiesValues reports whether a key over columns meets values from the
// existing rows: false when every column is new and starts out NULL (NULLs
// never collide).
func copiesValues(f, t *schema.Table, columns []string) bool {
	for _, name := range columns {
		c := t.Column(name)
		if f.Column(name) != nil || c == nil || !c.Nullable || c.Default != "" || c.Generated != nil {
			return true
		}
	}
	return false
}

func typeName(s string) string {
	if s == "" {
		return "(no type)"
	}
	return s
}

// affinity is a declared type's column affinity (SQLite's datatype3
// rules, section 3.1).
func affinity(decl string) string {
	u := strings.ToUpper(decl)
	switch {
	case strings.Contains(u, "INT"):
		return "INTEGER"
	case strings.Contains(u, "CHAR"), strings.Contains(u, "CLOB"), strings.Contains(u, "TEXT"):
		return "TEXT"
	case u == "" || strings.Contains(u, "BLOB"):
		return "BLOB"
	case strings.Contains(u, "REAL"), strings.Contains(u, "FLOA"), strings.Contains(u, "DOUB"):
		return "REAL"
	}
	return "NUMERIC"
}

func affinityEffect(aff string) string {
	return "text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL"
}

// isRowidAlias reports whether c is t's INTEGER PRIMARY KEY, an alias of
// the rowid: NULL there means "the next rowid", never a NOT NULL failure.
func isRowidAlias(t *schema.Table, c *schema.Column) bool {
	return !t.WithoutRowID && t.PrimaryKey != nil && len(t.PrimaryKey.Columns) == 1 &&
		t.PrimaryKey.Columns[0] == c.Name && strings.EqualFold(c.Type.SQL, "INTEGER")
}

// inUniqueKey reports whether a primary key, unique constraint or unique
// index of t uses column.
func inUniqueKey(t *schema.Table, column string) bool {
	var keys [][]string
	if t.PrimaryKey != nil {
		keys = append(keys, t.PrimaryKey.Columns)
	}
	for _, u := range t.Uniques {
		keys = append(keys, u.Columns)
	}
	for _, x := range t.Indexes {
		if x.Unique {
			for _, p := range x.Parts {
				keys = append(keys, []string{p.Column})
			}
		}
	}
	for _, k := range keys {
		if slices.Contains(k, column) {
			return true
		}
	}
	return false
}
