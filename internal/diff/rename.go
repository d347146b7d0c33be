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
//
// Where the server compares names regardless of case (Options.FoldName),
// references are first spelled as the objects they name, and a table or
// column whose name changes only in case is renamed after the declared
// renames.
func DiffRenamed(from, to *schema.Schema, o Options, renames []Rename) ([]schema.Change, error) {
	if !o.RebuildsTables {
		from, to = canonicalRefs(from, o), canonicalRefs(to, o)
	}
	d := &differ{from: from, to: to, o: o}
	if len(renames) > 0 {
		renamed, changes, touched, err := ApplyRenames(from, to, renames)
		if err != nil {
			return nil, err
		}
		renamed.Objects, d.preRename = renameObjects(from.Objects, renames)
		d.from, d.renames, d.renamedTables = renamed, changes, touched
		if o.RebuildsTables {
			d.renames, d.respelled = renamedByRebuild(from, renamed, changes)
		}
	}
	if cr := caseRenames(d.from, to, o); len(cr) > 0 {
		before := d.from
		renamed, changes, touched, err := ApplyRenames(d.from, to, cr)
		if err != nil {
			return nil, err
		}
		var pre map[*schema.Object]*schema.Object
		renamed.Objects, pre = renameObjects(before.Objects, cr)
		for now, was := range pre {
			if orig := d.preRename[was]; orig != nil {
				was = orig
			}
			if d.preRename == nil {
				d.preRename = map[*schema.Object]*schema.Object{}
			}
			d.preRename[now] = was
		}
		d.from = renamed
		d.renamedTables = append(d.renamedTables, touched...)
		if !o.RebuildsTables {
			d.renames = append(d.renames, changes...)
		} else {
			// Where a table's text is its catalog (SQLite), the new
			// spelling is made by rebuilding the table from the models'
			// text, starting from the table as the database has it.
			for k, t := range respelledTables(before, renamed) {
				if d.respelled == nil {
					d.respelled = map[tableKey]*schema.Table{}
				}
				if d.respelled[k] == nil {
					d.respelled[k] = t
				}
			}
		}
	}
	return d.run()
}

// renamedByRebuild turns declared renames into what a dialect that
// rebuilds tables (SQLite) runs: SQLite's RENAME TO writes the new name
// quoted into the table's text and the REFERENCES of other tables, so the
// text would not be the models'. Columns are renamed in place (their text
// keeps its form), the table under its old name; a renamed table, and
// every table whose foreign keys name it, is instead rebuilt from the
// models' text. It returns those column renames and, by the tables' new
// keys, the tables as the database has them after them.
func renamedByRebuild(from, renamedSchema *schema.Schema, changes []schema.Change) ([]schema.Change, map[tableKey]*schema.Table) {
	oldName := map[tableKey]string{} // new key → old name
	froms := map[tableKey]bool{}
	for _, c := range changes {
		if r, ok := c.(*schema.RenameTable); ok {
			froms[tableKey{r.Schema, r.From}] = true
		}
	}
	for _, c := range changes {
		if r, ok := c.(*schema.RenameTable); ok {
			if froms[tableKey{r.Schema, r.To}] {
				return chainRenamedByRebuild(from, renamedSchema, changes)
			}
			oldName[tableKey{r.Schema, r.To}] = r.From
		}
	}
	var out []schema.Change
	steps := map[tableKey][]*schema.RenameColumn{} // by the table's old key
	for _, c := range changes {
		switch r := c.(type) {
		case *schema.RenameTable:
			continue
		case *schema.RenameColumn:
			rc := *r
			if old, ok := oldName[tableKey{r.Schema, r.Table}]; ok {
				rc.Table = old
			}
			steps[tableKey{rc.Schema, rc.Table}] = append(steps[tableKey{rc.Schema, rc.Table}], &rc)
			out = append(out, &rc)
		default:
			out = append(out, c)
		}
	}
	state := func(t *schema.Table) *schema.Table {
		c := t.Clone()
		for _, st := range steps[keyOf(t)] {
			renameColumn(c, st.From, st.To)
		}
		return c
	}
	respelled := map[tableKey]*schema.Table{}
	renamedOld := map[tableKey]bool{}
	for k, old := range oldName {
		renamedOld[tableKey{k.ns, old}] = true
		if t := from.Table(k.ns, old); t != nil {
			respelled[k] = state(t)
		}
	}
	for _, t := range from.Tables {
		if renamedOld[keyOf(t)] {
			continue
		}
		for _, fk := range t.ForeignKeys {
			ns := fk.RefSchema
			if ns == "" {
				ns = t.Schema
			}
			if renamedOld[tableKey{ns, fk.RefTable}] {
				respelled[keyOf(t)] = state(t)
				break
			}
		}
	}
	return out, respelled
}

// chainRenamedByRebuild is renamedByRebuild for a chain or a swap of table
// renames, where a table takes a name another gives up: a rebuild cannot
// create it while that one still holds it, so the renames are made in
// place, and every table they touch (renamed, or naming a renamed one in
// its foreign keys) is rebuilt from the models' text after them. So that
// the downgrade too ends on the database's own text, those tables are
// first rebuilt as they are (from their text) before the renames: the
// downgrade runs that step last.
func chainRenamedByRebuild(from, renamedSchema *schema.Schema, changes []schema.Change) ([]schema.Change, map[tableKey]*schema.Table) {
	renamedOld := map[tableKey]bool{}
	for _, c := range changes {
		if r, ok := c.(*schema.RenameTable); ok {
			renamedOld[tableKey{r.Schema, r.From}] = true
		}
	}
	var pre []schema.Change
	respelled := map[tableKey]*schema.Table{}
	for i, t := range from.Tables {
		touched := renamedOld[keyOf(t)]
		for _, fk := range t.ForeignKeys {
			ns := fk.RefSchema
			if ns == "" {
				ns = t.Schema
			}
			touched = touched || renamedOld[tableKey{ns, fk.RefTable}]
		}
		if !touched || t.SQL == "" {
			continue
		}
		pre = append(pre, &schema.ModifyTable{From: t, To: t, Changes: []schema.TableChange{&schema.ModifyTableOptions{From: t, To: t}}})
		// As the database has it after the renames: its text is SQLite's
		// (names quoted), not known here, so none is given and the table
		// is rebuilt rather than altered in place.
		after := renamedSchema.Tables[i].Clone()
		after.SQL = ""
		respelled[keyOf(after)] = after
	}
	return append(pre, changes...), respelled
}

// respelledTables maps the tables of renamed (by key) whose name or
// column names differ from before's to the table before had.
func respelledTables(before, renamed *schema.Schema) map[tableKey]*schema.Table {
	out := map[tableKey]*schema.Table{}
	for i, t := range renamed.Tables {
		b := before.Tables[i]
		same := b.Name == t.Name && len(b.Columns) == len(t.Columns)
		for j := 0; same && j < len(t.Columns); j++ {
			same = b.Columns[j].Name == t.Columns[j].Name
		}
		if !same {
			out[keyOf(t)] = b
		}
	}
	return out
}

// ApplyRenames returns a copy of from with renames applied, the rename
// changes, and the current (old) qualified names of the tables touched. It
// fails when a rename names a table or column that from does not have, or
// a new name that to does not have or from already has.
func ApplyRenames(from, to *schema.Schema, renames []Rename) (*schema.Schema, []schema.Change, []string, error) {
	out := *from
	out.Tables = make([]*schema.Table, len(from.Tables))
	for i, t := range from.Tables {
		out.Tables[i] = t.Clone()
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
	// Tables first (a column rename names its table by the new name),
	// checked as one set against the database as it is, then made in an
	// order in which every new name is free (a swap through a temporary
	// name).
	tableSources, tableTargets := map[tableKey]Rename{}, map[tableKey]Rename{}
	var tableSet []Rename
	for _, r := range renames {
		if r.Column != "" {
			continue
		}
		if o, dup := tableSources[tableKey{r.Schema, r.Table}]; dup {
			return nil, nil, nil, badRename("rename %s: table %s is renamed twice (also %s)", r, schema.QualifiedName(r.Schema, r.Table), o)
		}
		if o, dup := tableTargets[tableKey{r.Schema, r.To}]; dup {
			return nil, nil, nil, badRename("rename %s: two tables are renamed to %s (also %s)", r, schema.QualifiedName(r.Schema, r.To), o)
		}
		tableSources[tableKey{r.Schema, r.Table}], tableTargets[tableKey{r.Schema, r.To}] = r, r
		tableSet = append(tableSet, r)
	}
	for _, r := range tableSet {
		q := schema.QualifiedName(r.Schema, r.Table)
		_, toRenamedAway := tableSources[tableKey{r.Schema, r.To}]
		_, fromTaken := tableTargets[tableKey{r.Schema, r.Table}]
		switch {
		case r.Table == r.To:
			return nil, nil, nil, badRename("rename %s: the old and new names are the same", r)
		case find(&out, r.Schema, r.Table) == nil:
			return nil, nil, nil, badRename("rename %s: the database has no table %s", r, q)
		case find(&out, r.Schema, r.To) != nil && !toRenamedAway:
			return nil, nil, nil, badRename("rename %s: the database already has a table %s", r, schema.QualifiedName(r.Schema, r.To))
		case find(to, r.Schema, r.To) == nil:
			return nil, nil, nil, badRename("rename %s: the models have no table %s", r, schema.QualifiedName(r.Schema, r.To))
		case find(to, r.Schema, r.Table) != nil && !fromTaken:
			return nil, nil, nil, badRename("rename %s: the models still have table %s", r, q)
		}
	}
	bySchema := map[string][][2]string{}
	var schemas []string
	for _, r := range tableSet {
		if _, ok := bySchema[r.Schema]; !ok {
			schemas = append(schemas, r.Schema)
		}
		bySchema[r.Schema] = append(bySchema[r.Schema], [2]string{r.Table, r.To})
	}
	firstName := map[tableKey]string{} // current name → name in the database
	for _, ns := range schemas {
		var names []string
		for _, t := range out.Tables {
			if t.Schema == ns {
				names = append(names, t.Name)
			}
		}
		for _, st := range orderRenames(names, bySchema[ns]) {
			r := Rename{Schema: ns, Table: st[0], To: st[1]}
			q := schema.QualifiedName(r.Schema, r.Table)
			t := find(&out, r.Schema, r.Table)
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
			orig, ok := firstName[tableKey{ns, r.Table}]
			if !ok {
				orig = r.Table
			}
			delete(firstName, tableKey{ns, r.Table})
			firstName[tableKey{ns, r.To}] = orig
			oldName[schema.QualifiedName(r.Schema, r.To)] = schema.QualifiedName(ns, orig)
			touched = append(touched, q)
			changes = append(changes, &schema.RenameTable{Schema: r.Schema, From: r.Table, To: r.To})
		}
	}
	// Column renames, table by table: each set is checked against the
	// table as it is before any of them (so a swap a→b, b→a or a chain
	// a→b, b→c is one consistent set), then made in an order in which
	// every new name is free, a cycle going through a free temporary name.
	type tableRenames struct {
		t, dt *schema.Table
		q     string
		list  []Rename
	}
	var groups []*tableRenames
	byTable := map[*schema.Table]*tableRenames{}
	for _, r := range renames {
		if r.Column == "" {
			continue
		}
		q := schema.QualifiedName(r.Schema, r.Table)
		t := find(&out, r.Schema, r.Table)
		if t == nil {
			return nil, nil, nil, badRename("rename %s: the database has no table %s (name the table by its new name)", r, q)
		}
		g := byTable[t]
		if g == nil {
			g = &tableRenames{t: t, dt: find(to, r.Schema, r.Table), q: q}
			byTable[t] = g
			groups = append(groups, g)
		}
		g.list = append(g.list, r)
	}
	for _, g := range groups {
		t, dt, q := g.t, g.dt, g.q
		sources, targets := map[string]Rename{}, map[string]Rename{}
		for _, r := range g.list {
			if o, dup := sources[r.Column]; dup {
				return nil, nil, nil, badRename("rename %s: column %s of table %s is renamed twice (also %s)", r, r.Column, q, o)
			}
			if o, dup := targets[r.To]; dup {
				return nil, nil, nil, badRename("rename %s: two columns of table %s are renamed to %s (also %s)", r, q, r.To, o)
			}
			sources[r.Column], targets[r.To] = r, r
		}
		for _, r := range g.list {
			_, toRenamedAway := sources[r.To]
			_, fromTaken := targets[r.Column]
			switch {
			case r.Column == r.To:
				return nil, nil, nil, badRename("rename %s: the old and new names are the same", r)
			case column(t, r.Column) == nil:
				return nil, nil, nil, badRename("rename %s: table %s in the database has no column %s", r, q, r.Column)
			case column(t, r.To) != nil && !toRenamedAway:
				return nil, nil, nil, badRename("rename %s: table %s in the database already has a column %s", r, q, r.To)
			case dt == nil:
				return nil, nil, nil, badRename("rename %s: the models have no table %s", r, q)
			case column(dt, r.To) == nil:
				return nil, nil, nil, badRename("rename %s: table %s in the models has no column %s", r, q, r.To)
			case column(dt, r.Column) != nil && !fromTaken:
				return nil, nil, nil, badRename("rename %s: table %s in the models still has column %s", r, q, r.Column)
			}
		}
		for _, st := range renameOrder(t, g.list) {
			r := Rename{Schema: t.Schema, Table: t.Name, Column: st[0], To: st[1]}
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

// renameOrder returns the steps (old, new) that make the column renames of
// t, each to a name no other column holds at that point (regardless of
// case, as some servers compare them): a rename whose new name is still
// held waits for that column to move, and a cycle (a swap) moves one of
// its columns to a free temporary name first. Reversed, the same steps
// undo it.
func renameOrder(t *schema.Table, list []Rename) [][2]string {
	var names []string
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	var pairs [][2]string
	for _, r := range list {
		pairs = append(pairs, [2]string{r.Column, r.To})
	}
	return orderRenames(names, pairs)
}

// orderRenames returns the steps (old, new) that rename pairs among
// objects named names, each to a name no other object holds at that
// point (regardless of case): a rename whose new name is still held waits
// for that object to move, and a cycle moves one of its objects to a free
// temporary name first.
func orderRenames(names []string, pairs [][2]string) [][2]string {
	held := map[string]bool{}
	for _, n := range names {
		held[strings.ToLower(n)] = true
	}
	taken := func(name, self string) bool {
		return held[strings.ToLower(name)] && !strings.EqualFold(name, self)
	}
	type pend struct{ from, to string }
	var pending []pend
	for _, p := range pairs {
		pending = append(pending, pend{p[0], p[1]})
	}
	var out [][2]string
	move := func(from, to string) {
		out = append(out, [2]string{from, to})
		delete(held, strings.ToLower(from))
		held[strings.ToLower(to)] = true
	}
	for len(pending) > 0 {
		progressed := false
		for i := 0; i < len(pending); i++ {
			p := pending[i]
			if taken(p.to, p.from) {
				continue
			}
			move(p.from, p.to)
			pending = append(pending[:i], pending[i+1:]...)
			i--
			progressed = true
		}
		if progressed {
			continue
		}
		// Every new name is held: by an object still to move (a cycle,
		// broken by moving that object to a free temporary name), or by
		// one that stays, which the caller refuses before (then the
		// renames are left in the order given).
		var p *pend
		for i := range pending {
			for j := range pending {
				if strings.EqualFold(pending[j].from, pending[i].to) {
					p = &pending[j]
				}
			}
			if p != nil {
				break
			}
		}
		if p == nil {
			for _, q := range pending {
				out = append(out, [2]string{q.from, q.to})
			}
			return out
		}
		tmp := tempName(p.from, func(n string) bool { return held[strings.ToLower(n)] })
		move(p.from, tmp)
		p.from = tmp
	}
	return out
}

// tempName is a name for column c while a cycle of renames goes round,
// that taken does not report as held.
func tempName(c string, taken func(string) bool) string {
	base := "_retort_tmp_" + c
	if len(base) > 56 {
		base = base[:56]
	}
	name := base
	for i := 2; taken(name); i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	return name
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
