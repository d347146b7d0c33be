package lint

import (
	"maps"
	"slices"
)

// state is the schema as the revisions read so far leave it, as far as
// their DDL says: tables, columns and their types, named indexes and
// constraints. A table first met in an ALTER (created before the revisions,
// or by SQL the classifier does not read) is partial: only the columns the
// statements name are known.
type state struct {
	tables  map[string]*table
	indexes map[string]*index // named indexes and constraints, by name
	// objects: types, domains, sequences, views, functions, by "kind name"
	// ("type mood"); true when created by DDL lint read, false when known
	// only from a drop.
	objects map[string]bool
}

type table struct {
	name    string
	partial bool
	origin  string // its name when the section began; "" when created in it
	newIn   string // the revision that created it; "" when older
	columns map[string]*col
	order   []string
	refs    map[string]bool // tables its foreign keys reference
	charset string          // default character set (MySQL), "" when not said
}

type col struct {
	typ          string // "" when unknown
	charset      string // MySQL: the column's own character set
	notNull      bool
	notNullKnown bool
	pk           bool // in the primary key (whose nullability servers report differently)
	newIn        string
	// checked: a validated CHECK (col IS NOT NULL) exists, so SET NOT NULL
	// needs no scan (PostgreSQL 12+).
	checked bool
}

type index struct {
	table string
	// discovered: known only because a statement dropped it (its name may
	// be one the server gave an unnamed constraint).
	discovered bool
	newIn      string
	unique     bool
	notValid   bool
	// notNullOf: a CHECK constraint that says this column IS NOT NULL.
	notNullOf string
	cols      []string
}

func newState() *state {
	return &state{tables: map[string]*table{}, indexes: map[string]*index{}, objects: map[string]bool{}}
}

// clone is a deep copy.
func (s *state) clone() *state {
	c := newState()
	for k, t := range s.tables {
		nt := *t
		nt.columns = make(map[string]*col, len(t.columns))
		for n, cl := range t.columns {
			v := *cl
			nt.columns[n] = &v
		}
		nt.order = slices.Clone(t.order)
		nt.refs = maps.Clone(t.refs)
		c.tables[k] = &nt
	}
	for k, ix := range s.indexes {
		v := *ix
		v.cols = slices.Clone(ix.cols)
		c.indexes[k] = &v
	}
	c.objects = maps.Clone(s.objects)
	return c
}

// applier applies statements to a state, discovering into root the
// objects that must have existed before the revision for a statement to
// make sense (a table altered but never created in the revisions read).
type applier struct {
	st   *state
	root *state // nil: discover into st only
	rev  string
}

// table returns the table name, discovering it when unknown.
func (a *applier) table(name string) *table {
	if name == "" {
		return nil
	}
	if t := a.st.tables[name]; t != nil {
		return t
	}
	if a.root != nil && a.root.tables[name] != nil {
		return nil // existed before the revision, dropped or renamed since
	}
	t := &table{name: name, partial: true, columns: map[string]*col{}}
	a.st.tables[name] = t
	if a.root != nil && a.root != a.st {
		r := *t
		r.columns = map[string]*col{}
		a.root.tables[name] = &r
	}
	return t
}

// column returns the column of t, discovering it in a partial table.
func (a *applier) column(t *table, name string) *col {
	if t == nil || name == "" {
		return nil
	}
	if c := t.columns[name]; c != nil {
		return c
	}
	if !t.partial {
		return nil
	}
	if a.root != nil {
		if rt := a.root.tables[t.name]; rt != nil && rt.partial {
			if _, ok := rt.columns[name]; ok {
				return nil // existed before, dropped since
			}
			if t.newIn == "" {
				rt.columns[name] = &col{}
				rt.order = append(rt.order, name)
			}
		}
	}
	c := &col{}
	t.columns[name] = c
	t.order = append(t.order, name)
	return c
}

func (t *table) addColumn(c column, rev string) {
	if _, ok := t.columns[c.name]; !ok {
		t.order = append(t.order, c.name)
	}
	t.columns[c.name] = &col{typ: c.typ, charset: c.charset, notNull: c.notNull, notNullKnown: true, pk: c.primaryKey, newIn: rev}
	if c.references != "" {
		if t.refs == nil {
			t.refs = map[string]bool{}
		}
		t.refs[c.references] = true
	}
}

func (t *table) dropColumn(name string) {
	delete(t.columns, name)
	t.order = slices.DeleteFunc(t.order, func(n string) bool { return n == name })
}

// apply changes the state as s does.
func (a *applier) apply(s *stmt) {
	switch s.kind {
	case kCreateTable:
		if s.temporary {
			return
		}
		t := &table{name: s.table, newIn: a.rev, columns: map[string]*col{}, partial: s.asSelect, charset: s.charset}
		for _, c := range s.columns {
			t.addColumn(c, a.rev)
		}
		for _, c := range s.constraints {
			if c.kind == cForeignKey && c.references != "" {
				if t.refs == nil {
					t.refs = map[string]bool{}
				}
				t.refs[c.references] = true
			}
			if c.kind == cPrimaryKey {
				for _, n := range c.columns {
					if cl := t.columns[n]; cl != nil {
						cl.notNull, cl.pk = true, true
					}
				}
			}
			if c.name != "" {
				a.st.indexes[c.name] = &index{table: s.table, newIn: a.rev, unique: c.kind == cUnique || c.kind == cPrimaryKey, cols: c.columns}
			}
		}
		a.st.tables[s.table] = t
	case kDropTable:
		for _, n := range s.tables {
			a.dropTable(n)
		}
	case kRenameTables:
		for i := 0; i+1 < len(s.tables); i += 2 {
			a.renameTable(s.tables[i], s.tables[i+1])
		}
	case kCreateIndex:
		t := a.table(s.table)
		if t == nil {
			return
		}
		if s.index != "" {
			a.st.indexes[s.index] = &index{table: s.table, newIn: a.rev, unique: s.unique, cols: s.indexCols}
		}
	case kCreateObject:
		a.st.objects[s.object+" "+s.tables[0]] = true
	case kDropObject:
		kind := s.object
		if kind == "materialized" {
			kind = "view"
		}
		for _, n := range s.tables {
			key := kind + " " + n
			if _, ok := a.st.objects[key]; !ok && a.root != nil {
				if _, known := a.root.objects[key]; !known {
					a.root.objects[key] = false // known only from this drop
				}
			}
			delete(a.st.objects, key)
		}
	case kRenameIndex:
		if ix := a.st.indexes[s.tables[0]]; ix != nil && s.tables[1] != "" {
			delete(a.st.indexes, s.tables[0])
			a.st.indexes[s.tables[1]] = ix
		}
	case kDropIndex:
		if s.index == "" {
			return
		}
		if _, ok := a.st.indexes[s.index]; !ok && a.root != nil && a.root.indexes[s.index] == nil {
			a.root.indexes[s.index] = &index{table: s.table, discovered: true}
		}
		delete(a.st.indexes, s.index)
	case kAlterTable:
		t := a.table(s.table)
		if t == nil {
			return
		}
		for _, ac := range s.actions {
			t = a.alter(t, ac)
			if t == nil {
				return
			}
		}
	}
}

func (a *applier) dropTable(name string) {
	t := a.table(name)
	if t == nil {
		return
	}
	delete(a.st.tables, name)
	for k, ix := range a.st.indexes {
		if ix.table == name {
			delete(a.st.indexes, k)
		}
	}
}

func (a *applier) renameTable(from, to string) {
	t := a.table(from)
	if t == nil || to == "" {
		return
	}
	delete(a.st.tables, from)
	t.name = to
	a.st.tables[to] = t
	for _, ix := range a.st.indexes {
		if ix.table == from {
			ix.table = to
		}
	}
}

// alter applies one ALTER TABLE action; it returns the table (renamed).
func (a *applier) alter(t *table, ac action) *table {
	switch ac.kind {
	case aAddColumn:
		t.addColumn(ac.col, a.rev)
	case aDropColumn:
		a.column(t, ac.colName)
		t.dropColumn(ac.colName)
	case aAlterType:
		c := a.column(t, ac.colName)
		if c == nil {
			return t
		}
		c.typ = ac.typ
		if ac.modifyFull {
			c.charset = ac.col.charset
			c.notNull, c.notNullKnown = ac.col.notNull, true
			if ac.newName != "" && ac.newName != ac.colName {
				t.dropColumn(ac.colName)
				t.columns[ac.newName] = c
				t.order = append(t.order, ac.newName)
			}
		}
	case aSetNotNull:
		if c := a.column(t, ac.colName); c != nil {
			c.notNull, c.notNullKnown = true, true
		}
	case aDropNotNull:
		if c := a.column(t, ac.colName); c != nil {
			c.notNull, c.notNullKnown = false, true
		}
	case aAddConstraint:
		if ac.con.kind == cForeignKey && ac.con.references != "" {
			if t.refs == nil {
				t.refs = map[string]bool{}
			}
			t.refs[ac.con.references] = true
		}
		if ac.con.usingIndex && ac.con.indexName != "" {
			delete(a.st.indexes, ac.con.indexName) // the index becomes the constraint's
		}
		if ac.con.name != "" {
			ix := &index{table: t.name, newIn: a.rev, unique: ac.con.kind == cUnique || ac.con.kind == cPrimaryKey,
				notValid: ac.con.notValid, cols: ac.con.columns}
			if ac.con.kind == cCheck {
				ix.notNullOf = notNullCheck(ac.con.checkSQL)
			}
			a.st.indexes[ac.con.name] = ix
			if ix.notNullOf != "" && !ix.notValid {
				if c := t.columns[ix.notNullOf]; c != nil {
					c.checked = true
				}
			}
		}
	case aValidate:
		if ix := a.st.indexes[ac.con.name]; ix != nil {
			ix.notValid = false
			if ix.notNullOf != "" {
				if c := t.columns[ix.notNullOf]; c != nil {
					c.checked = true
				}
			}
		}
	case aDropConstraint:
		if _, ok := a.st.indexes[ac.con.name]; !ok && a.root != nil && a.root.indexes[ac.con.name] == nil && ac.con.name != "" {
			a.root.indexes[ac.con.name] = &index{table: t.name, discovered: true}
		}
		delete(a.st.indexes, ac.con.name)
	case aRenameColumn:
		c := a.column(t, ac.colName)
		if c == nil || ac.newName == "" {
			return t
		}
		t.dropColumn(ac.colName)
		t.columns[ac.newName] = c
		t.order = append(t.order, ac.newName)
	case aConvert:
		t.charset = ac.value
		for _, c := range t.columns {
			c.charset = ""
		}
	case aRenameTable:
		old := t.name
		a.renameTable(old, ac.newName)
		return a.st.tables[ac.newName]
	}
	return t
}

// notNullCheck returns the column a CHECK body "(col IS NOT NULL)" names,
// "" for any other check.
func notNullCheck(sql string) string {
	ts := tokenize(sql)
	for len(ts) >= 2 && ts[0].punct("(") && ts[len(ts)-1].punct(")") {
		ts = ts[1 : len(ts)-1]
	}
	if len(ts) == 4 && (ts[0].kind == tWord || ts[0].kind == tIdent) && ts[1].is("is") && ts[2].is("not") && ts[3].is("null") {
		return ts[0].name()
	}
	return ""
}
