package diff

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Rename is a rename someone declared: a table (Column "") from Table to To,
// or the column Column of table Table — named by its new name, as the
// models have it — to To.
type Rename struct {
	Schema string
	Table  string
	Column string
	To     string
}

// String is the rename as the --rename flag spells it.
func (r Rename) String() string {
	t := schema.QualifiedName(r.Schema, r.Table)
	if r.Column == "" {
		return t + "=" + r.To
	}
	return t + "." + r.Column + "=" + r.To
}

// ErrBadRename is wrapped by the errors of a declared rename that does not
// fit the schemas.
var ErrBadRename = errors.New("bad rename")

// renameError is a refused rename; it is ErrBadRename.
type renameError struct{ msg string }

func (e *renameError) Error() string        { return e.msg }
func (e *renameError) Is(target error) bool { return target == ErrBadRename }

func badRename(format string, args ...any) error {
	return &renameError{fmt.Sprintf(format, args...) + "; fix or drop the --rename (or the models' renamed-from hint)"}
}

// DiffRenamed returns the changes that turn from into to when renames are
// declared: the renames first (after the views that read what they rename
// are dropped), then the diff of from with the renames applied against to,
// so that keys, indexes, checks and foreign keys that follow a renamed
// object are not dropped and created again.
func DiffRenamed(from, to *schema.Schema, o Options, renames []Rename) ([]schema.Change, error) {
	if len(renames) == 0 {
		return Diff(from, to, o)
	}
	renamed, changes, touched, err := ApplyRenames(from, to, renames)
	if err != nil {
		return nil, err
	}
	d := &differ{from: renamed, to: to, o: o, renames: changes, renamedTables: touched}
	renamed.Objects, d.preRename = renameObjects(from.Objects, renames)
	return d.run()
}

// ApplyRenames returns a copy of from with renames applied, the rename
// changes, and the current (old) qualified names of the tables touched. It
// fails when a rename names a table or column that from does not have, or
// a new name that to does not have or from already has.
func ApplyRenames(from, to *schema.Schema, renames []Rename) (*schema.Schema, []schema.Change, []string, error) {
	out := *from
	out.Tables = make([]*schema.Table, len(from.Tables))
	for i, t := range from.Tables {
		out.Tables[i] = deepCloneTable(t)
	}
	find := func(s *schema.Schema, ns, name string) *schema.Table {
		for _, t := range s.Tables {
			if t.Schema == ns && t.Name == name {
				return t
			}
		}
		return nil
	}
	var changes []schema.Change
	var touched []string
	oldName := map[string]string{}
	renamedTables := map[*schema.Table]bool{}
	// Tables first: a column rename names its table by the new name.
	for _, r := range renames {
		if r.Column != "" {
			continue
		}
		q := schema.QualifiedName(r.Schema, r.Table)
		t := find(&out, r.Schema, r.Table)
		switch {
		case r.Table == r.To:
			return nil, nil, nil, badRename("rename %s: the old and new names are the same", r)
		case t == nil:
			return nil, nil, nil, badRename("rename %s: the database has no table %s", r, q)
		case find(&out, r.Schema, r.To) != nil:
			return nil, nil, nil, badRename("rename %s: the database already has a table %s", r, schema.QualifiedName(r.Schema, r.To))
		case find(to, r.Schema, r.To) == nil:
			return nil, nil, nil, badRename("rename %s: the models have no table %s", r, schema.QualifiedName(r.Schema, r.To))
		case find(to, r.Schema, r.Table) != nil:
			return nil, nil, nil, badRename("rename %s: the models still have table %s", r, q)
		}
		t.Name = r.To
		t.Def, t.SQL = replaceIdent(t.Def, r.Table, r.To), replaceIdent(t.SQL, r.Table, r.To)
		for _, x := range t.Indexes {
			x.SQL = replaceIdent(x.SQL, r.Table, r.To)
		}
		for _, o := range out.Tables {
			for _, fk := range o.ForeignKeys {
				if fk.RefTable == r.Table && (fk.RefSchema == r.Schema || fk.RefSchema == "" && o.Schema == r.Schema) {
					fk.RefTable = r.To
					if o != t {
						o.Def, o.SQL = renameReferences(o.Def, r.Table, r.To, "", ""), renameReferences(o.SQL, r.Table, r.To, "", "")
					}
				}
			}
		}
		renamedTables[t] = true
		oldName[schema.QualifiedName(r.Schema, r.To)] = q
		touched = append(touched, q)
		changes = append(changes, &schema.RenameTable{Schema: r.Schema, From: r.Table, To: r.To})
	}
	for _, r := range renames {
		if r.Column == "" {
			continue
		}
		q := schema.QualifiedName(r.Schema, r.Table)
		t := find(&out, r.Schema, r.Table)
		if t == nil {
			return nil, nil, nil, badRename("rename %s: the database has no table %s (name the table by its new name)", r, q)
		}
		dt := find(to, r.Schema, r.Table)
		switch {
		case r.Column == r.To:
			return nil, nil, nil, badRename("rename %s: the old and new names are the same", r)
		case column(t, r.Column) == nil:
			return nil, nil, nil, badRename("rename %s: table %s in the database has no column %s", r, q, r.Column)
		case column(t, r.To) != nil:
			return nil, nil, nil, badRename("rename %s: table %s in the database already has a column %s", r, q, r.To)
		case dt == nil:
			return nil, nil, nil, badRename("rename %s: the models have no table %s", r, q)
		case column(dt, r.To) == nil:
			return nil, nil, nil, badRename("rename %s: table %s in the models has no column %s", r, q, r.To)
		case column(dt, r.Column) != nil:
			return nil, nil, nil, badRename("rename %s: table %s in the models still has column %s", r, q, r.Column)
		}
		renameColumn(t, r.Column, r.To)
		renamedTables[t] = true
		for _, o := range out.Tables {
			for _, fk := range o.ForeignKeys {
				if fk.RefTable == t.Name && (fk.RefSchema == t.Schema || fk.RefSchema == "" && o.Schema == t.Schema) {
					fk.RefColumns = renamed(fk.RefColumns, r.Column, r.To)
					if o != t {
						o.Def, o.SQL = renameReferences(o.Def, t.Name, t.Name, r.Column, r.To), renameReferences(o.SQL, t.Name, t.Name, r.Column, r.To)
					}
				}
			}
		}
		if old, ok := oldName[q]; ok {
			touched = append(touched, old)
		} else {
			touched = append(touched, q)
		}
		changes = append(changes, &schema.RenameColumn{Schema: r.Schema, Table: r.Table, From: r.Column, To: r.To})
	}
	// A PostgreSQL serial column owns a sequence named for its table and
	// column; the models name it for the new names. Renaming it keeps its
	// value (a new sequence would start again at 1).
	for _, t := range out.Tables {
		dt := find(to, t.Schema, t.Name)
		if !renamedTables[t] || dt == nil {
			continue
		}
		for _, c := range t.Columns {
			dc := column(dt, c.Name)
			if c.Sequence == nil || dc == nil || dc.Sequence == nil || dc.Sequence.Schema != c.Sequence.Schema || dc.Sequence.Name == c.Sequence.Name {
				continue
			}
			seq := *c.Sequence
			old := seq.Name
			seq.Name = dc.Sequence.Name
			c.Sequence = &seq
			c.Default = strings.ReplaceAll(c.Default, "'"+old+"'", "'"+seq.Name+"'")
			c.Default = strings.ReplaceAll(c.Default, "."+old+"'", "."+seq.Name+"'")
			changes = append(changes, &schema.RenameSequence{Schema: seq.Schema, From: old, To: seq.Name})
		}
	}
	return &out, changes, touched, nil
}

func column(t *schema.Table, name string) *schema.Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// renameColumn renames column old of t (a copy) and every use of it in t.
func renameColumn(t *schema.Table, old, new string) {
	for _, c := range t.Columns {
		if c.Name == old {
			c.Name = new
		}
		if c.Generated != nil {
			g := *c.Generated
			g.Expr = replaceIdent(g.Expr, old, new)
			c.Generated = &g
		}
	}
	if t.PrimaryKey != nil {
		t.PrimaryKey.Columns = renamed(t.PrimaryKey.Columns, old, new)
	}
	for _, u := range t.Uniques {
		u.Columns = renamed(u.Columns, old, new)
	}
	for _, x := range t.Indexes {
		for i := range x.Parts {
			if x.Parts[i].Column == old {
				x.Parts[i].Column = new
			}
			x.Parts[i].Expr = replaceIdent(x.Parts[i].Expr, old, new)
		}
		x.Include = renamed(x.Include, old, new)
		x.Where = replaceIdent(x.Where, old, new)
		x.SQL = replaceIdent(x.SQL, old, new)
	}
	for _, fk := range t.ForeignKeys {
		fk.Columns = renamed(fk.Columns, old, new)
	}
	for _, c := range t.Checks {
		if c.Column == old {
			c.Column = new
		}
		c.Expr = replaceIdent(c.Expr, old, new)
	}
	t.Def, t.SQL = replaceIdent(t.Def, old, new), replaceIdent(t.SQL, old, new)
}

func renamed(list []string, old, new string) []string {
	out := slices.Clone(list)
	for i, s := range out {
		if s == old {
			out[i] = new
		}
	}
	return out
}

// deepCloneTable copies t deeply enough that renaming in the copy leaves t as
// it is.
func deepCloneTable(t *schema.Table) *schema.Table {
	c := *t
	c.Columns = make([]*schema.Column, len(t.Columns))
	for i, col := range t.Columns {
		cc := *col
		c.Columns[i] = &cc
	}
	if t.PrimaryKey != nil {
		pk := *t.PrimaryKey
		c.PrimaryKey = &pk
	}
	c.Uniques = make([]*schema.Unique, len(t.Uniques))
	for i, u := range t.Uniques {
		uu := *u
		c.Uniques[i] = &uu
	}
	c.Indexes = make([]*schema.Index, len(t.Indexes))
	for i, x := range t.Indexes {
		xx := *x
		xx.Parts = slices.Clone(x.Parts)
		c.Indexes[i] = &xx
	}
	c.ForeignKeys = make([]*schema.ForeignKey, len(t.ForeignKeys))
	for i, fk := range t.ForeignKeys {
		ff := *fk
		c.ForeignKeys[i] = &ff
	}
	c.Checks = make([]*schema.Check, len(t.Checks))
	for i, ch := range t.Checks {
		cc := *ch
		c.Checks[i] = &cc
	}
	if t.Uniques == nil {
		c.Uniques = nil
	}
	if t.Indexes == nil {
		c.Indexes = nil
	}
	if t.ForeignKeys == nil {
		c.ForeignKeys = nil
	}
	if t.Checks == nil {
		c.Checks = nil
	}
	return &c
}

// replaceIdent replaces the identifier old in SQL text s by new, bare or
// quoted ("old", `old`, [old]) keeping the quoting, and leaves string
// literals alone. A bare identifier matches regardless of case.
func replaceIdent(s, old, new string) string {
	if s == "" || !strings.Contains(strings.ToLower(s), strings.ToLower(old)) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == '\'':
			j := i + 1
			for j < len(s) {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(s))
			b.WriteString(s[i:j])
			i = j
		case ch == '"' || ch == '`' || ch == '[':
			end := byte(ch)
			if ch == '[' {
				end = ']'
			}
			j := strings.IndexByte(s[i+1:], end)
			if j < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			word := s[i+1 : i+1+j]
			if word == old {
				word = new
			}
			b.WriteByte(ch)
			b.WriteString(word)
			b.WriteByte(end)
			i += j + 2
		case identChar(ch) && !(ch >= '0' && ch <= '9'):
			j := i
			for j < len(s) && identChar(s[j]) {
				j++
			}
			word := s[i:j]
			if strings.EqualFold(word, old) {
				word = new
			}
			b.WriteString(word)
			i = j
		case identChar(ch):
			j := i
			for j < len(s) && identChar(s[j]) {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		default:
			b.WriteByte(ch)
			i++
		}
	}
	return b.String()
}

func identChar(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// renameReferences rewrites the REFERENCES clauses of table text s that
// name table: the table becomes newTable and, when oldCol is set, the
// referenced column oldCol becomes newCol. Nothing else in s changes.
func renameReferences(s, table, newTable, oldCol, newCol string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	lower := strings.ToLower(s)
	i := 0
	for {
		k := strings.Index(lower[i:], "references")
		if k < 0 {
			b.WriteString(s[i:])
			return b.String()
		}
		k += i + len("references")
		b.WriteString(s[i:k])
		i = k
		// the table name, bare or quoted
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		start := j
		if j < len(s) && (s[j] == '"' || s[j] == '`' || s[j] == '[') {
			end := byte(s[j])
			if end == '[' {
				end = ']'
			}
			e := strings.IndexByte(s[j+1:], end)
			if e < 0 {
				continue
			}
			j += e + 2
		} else {
			for j < len(s) && identChar(s[j]) {
				j++
			}
		}
		name := strings.Trim(s[start:j], "\"`[]")
		if !strings.EqualFold(name, table) {
			continue
		}
		b.WriteString(s[i:start])
		b.WriteString(replaceIdent(s[start:j], table, newTable))
		i = j
		if oldCol == "" {
			continue
		}
		open := strings.IndexByte(s[i:], '(')
		if open < 0 || strings.TrimSpace(s[i:i+open]) != "" {
			continue
		}
		cl := strings.IndexByte(s[i+open:], ')')
		if cl < 0 {
			continue
		}
		b.WriteString(replaceIdent(s[i:i+open+cl], oldCol, newCol))
		i += open + cl
	}
}
