package diff

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// NameKind is a kind of named object, as Options.FoldName distinguishes
// them: servers compare the names of some kinds regardless of case and
// others exactly (MySQL's table names follow lower_case_table_names, its
// column names never do).
type NameKind int

const (
	// NameTable is a table's or a view's name.
	NameTable NameKind = iota
	// NameColumn is a column's name.
	NameColumn
	// NameIndex is an index's name.
	NameIndex
	// NameConstraint is a constraint's name (primary key, unique, check,
	// foreign key).
	NameConstraint
)

// FoldASCII is the folding of a server that compares names regardless of
// ASCII case (SQLite for every kind; MySQL for columns, indexes and
// constraints).
func FoldASCII(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			b := []byte(name)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return name
}

// fold returns name as the server compares names of kind k.
func (o Options) fold(k NameKind, name string) string {
	if o.FoldName == nil {
		return name
	}
	return o.FoldName(k, name)
}

// sameName reports whether the server takes a and b, names of kind k, for
// the same name.
func (o Options) sameName(k NameKind, a, b string) bool {
	return a == b || o.FoldName != nil && o.fold(k, a) == o.fold(k, b)
}

// caseRenames returns the renames that make the names of from that the
// server takes for names of to (the same but for case) spelled as to spells
// them: tables first, then columns named by their table's new name. A name
// that matches more than one, or whose exact spelling both sides still
// have, is left to the diff.
func caseRenames(from, to *schema.Schema, o Options) []Rename {
	if o.FoldName == nil {
		return nil
	}
	var out []Rename
	tableTo := map[*schema.Table]*schema.Table{} // from table → to table
	for _, f := range from.Tables {
		if t := to.Table(f.Schema, f.Name); t != nil {
			tableTo[f] = t
		}
	}
	for _, t := range to.Tables {
		if from.Table(t.Schema, t.Name) != nil {
			continue
		}
		var match *schema.Table
		n := 0
		for _, f := range from.Tables {
			if f.Schema == t.Schema && o.sameName(NameTable, f.Name, t.Name) {
				match, n = f, n+1
			}
		}
		if n != 1 || to.Table(match.Schema, match.Name) != nil || tableTo[match] != nil {
			continue
		}
		tableTo[match] = t
		out = append(out, Rename{Schema: t.Schema, Table: match.Name, To: t.Name})
	}
	for _, f := range from.Tables {
		t := tableTo[f]
		if t == nil {
			continue
		}
		for _, tc := range t.Columns {
			if f.Column(tc.Name) != nil {
				continue
			}
			var match *schema.Column
			n := 0
			for _, fc := range f.Columns {
				if o.sameName(NameColumn, fc.Name, tc.Name) {
					match, n = fc, n+1
				}
			}
			if n != 1 || t.Column(match.Name) != nil {
				continue
			}
			out = append(out, Rename{Schema: t.Schema, Table: t.Name, Column: match.Name, To: tc.Name})
		}
	}
	return out
}

// canonicalRefs returns a copy of s in which every reference to a table or
// column the server takes for the same (FoldName) is spelled as the object
// itself is: foreign keys' tables and columns, the column lists of keys
// and indexes, a check's column and the tables a view reads. s is left as
// it is. Without FoldName it returns s.
func canonicalRefs(s *schema.Schema, o Options) *schema.Schema {
	if o.FoldName == nil {
		return s
	}
	out := *s
	out.Tables = make([]*schema.Table, len(s.Tables))
	tables := map[tableKey]*schema.Table{}
	for i, t := range s.Tables {
		out.Tables[i] = t.Clone()
		tables[tableKey{t.Schema, o.fold(NameTable, t.Name)}] = out.Tables[i]
	}
	colName := func(t *schema.Table, name string) string {
		if t == nil || t.Column(name) != nil {
			return name
		}
		for _, c := range t.Columns {
			if o.sameName(NameColumn, c.Name, name) {
				return c.Name
			}
		}
		return name
	}
	cols := func(t *schema.Table, names []string) []string {
		if len(names) == 0 {
			return names
		}
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = colName(t, n)
		}
		return out
	}
	for _, t := range out.Tables {
		if t.PrimaryKey != nil {
			t.PrimaryKey.Columns = cols(t, t.PrimaryKey.Columns)
		}
		for _, u := range t.Uniques {
			u.Columns = cols(t, u.Columns)
		}
		for _, x := range t.Indexes {
			for i := range x.Parts {
				if x.Parts[i].Column != "" {
					x.Parts[i].Column = colName(t, x.Parts[i].Column)
				}
			}
			x.Include = cols(t, x.Include)
		}
		for _, c := range t.Checks {
			if c.Column != "" {
				c.Column = colName(t, c.Column)
			}
		}
		for _, fk := range t.ForeignKeys {
			fk.Columns = cols(t, fk.Columns)
			ns := fk.RefSchema
			if ns == "" {
				ns = t.Schema
			}
			rt := tables[tableKey{ns, o.fold(NameTable, fk.RefTable)}]
			if rt == nil && fk.RefSchema == "" {
				rt = tables[tableKey{"", o.fold(NameTable, fk.RefTable)}]
			}
			if rt != nil {
				fk.RefTable = rt.Name
				fk.RefColumns = cols(rt, fk.RefColumns)
			}
		}
	}
	if len(s.Views) > 0 {
		names := map[string]string{}
		for _, t := range s.Tables {
			q := schema.QualifiedName(t.Schema, t.Name)
			names[o.fold(NameTable, q)] = q
		}
		for _, v := range s.Views {
			q := schema.QualifiedName(v.Schema, v.Name)
			names[o.fold(NameTable, q)] = q
		}
		out.Views = make([]*schema.View, len(s.Views))
		for i, v := range s.Views {
			vv := *v
			vv.DependsOn = make([]string, len(v.DependsOn))
			for j, dep := range v.DependsOn {
				if q, ok := names[o.fold(NameTable, dep)]; ok {
					dep = q
				}
				vv.DependsOn[j] = dep
			}
			out.Views[i] = &vv
		}
	}
	return &out
}

// foldKey is a key of kind k folded as the server compares it, keeping
// the "\x00…" keys of unnamed objects (made of columns already spelled
// canonically) as they are.
func (o Options) foldKey(k NameKind, key string) string {
	if strings.HasPrefix(key, "\x00") {
		return key
	}
	return o.fold(k, key)
}
