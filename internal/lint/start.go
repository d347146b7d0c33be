package lint

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// fromSchema is the tracked schema of an inspected database: every table
// and column known, with the server's own spelling of each type.
func fromSchema(s *schema.Schema) *state {
	st := newState()
	if s == nil {
		return st
	}
	for _, t := range s.Tables {
		name := t.Name
		nt := &table{name: name, columns: map[string]*col{}, charset: collationCharset(t.Collation)}
		for _, c := range t.Columns {
			nt.order = append(nt.order, c.Name)
			nt.columns[c.Name] = &col{typ: strings.ToLower(c.Type.SQL), charset: collationCharset(c.Collation),
				notNull: !c.Nullable, notNullKnown: true}
		}
		if t.PrimaryKey != nil {
			for _, n := range t.PrimaryKey.Columns {
				if c := nt.columns[n]; c != nil {
					c.pk = true
				}
			}
		}
		for _, fk := range t.ForeignKeys {
			if nt.refs == nil {
				nt.refs = map[string]bool{}
			}
			nt.refs[fk.RefTable] = true
			if fk.Name != "" {
				st.indexes[fk.Name] = &index{table: name, cols: fk.Columns}
			}
		}
		if pk := t.PrimaryKey; pk != nil && pk.Name != "" {
			st.indexes[pk.Name] = &index{table: name, unique: true, cols: pk.Columns}
		}
		for _, u := range t.Uniques {
			st.indexes[u.Name] = &index{table: name, unique: true, cols: u.Columns}
		}
		for _, ix := range t.Indexes {
			var cols []string
			for _, p := range ix.Parts {
				cols = append(cols, p.Column)
			}
			st.indexes[ix.Name] = &index{table: name, unique: ix.Unique, cols: cols}
		}
		for _, ck := range t.Checks {
			st.indexes[ck.Name] = &index{table: name, notNullOf: notNullCheck("(" + ck.Expr + ")")}
		}
		st.tables[name] = nt
	}
	return st
}

// collationCharset is the character set a MySQL collation belongs to
// ("utf8mb4_0900_ai_ci" → "utf8mb4"); "" when none is said.
func collationCharset(c string) string {
	c = strings.ToLower(c)
	if i := strings.IndexByte(c, '_'); i > 0 {
		return c[:i]
	}
	return c
}
