package sqlite

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Render returns the SQLite statements that apply changes, in order. What
// SQLite's ALTER TABLE cannot do is done by a table rebuild, SQLite's
// documented procedure for other schema changes in Alembic's "move and
// copy" order: the table is renamed aside, created anew (from its stored
// CREATE statement when known, so the stored schema is exactly the desired
// table's text), its rows copied, the old table dropped, and its indexes
// created again. Its triggers go with the old table: they are objects the
// diff drops before the rebuild and creates again after it.
//
// A revision with a rebuild starts with PRAGMA foreign_keys = OFF and runs
// in a transaction like any other: the runner (migrate) sees the PRAGMA,
// which is a no-op inside a transaction, switches foreign keys off before
// the transaction begins, checks them with PRAGMA foreign_key_check before
// the revision's version rows are written, and switches them back on after.
// So a rebuild that fails rolls back and leaves the table as it was.
func Render(changes []schema.Change) (*schema.Rendered, error) {
	r := &renderer{recreated: dialect.RecreatedObjects(changes)}
	for _, c := range changes {
		if err := r.change(c); err != nil {
			return nil, err
		}
	}
	out := &schema.Rendered{}
	if r.rebuilt {
		out.Statements = append(out.Statements, schema.Statement{SQL: "PRAGMA foreign_keys = OFF", Comment: rebuildComment})
	}
	out.Statements = append(out.Statements, r.stmts...)
	return out, nil
}

const rebuildComment = `Rebuilding tables. retort switches foreign keys off before this revision's transaction
begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
before the revision is recorded, and switches them back on after: a failure rolls back.`

type renderer struct {
	stmts   []schema.Statement
	rebuilt bool
	// recreated are the objects dropped and created again (no review note
	// on their drop).
	recreated map[string]bool
}

func (r *renderer) add(sql, review string) {
	r.stmts = append(r.stmts, schema.Statement{SQL: sql, Review: review})
}

func (r *renderer) change(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddTable:
		r.add(createTable(c.Table, c.Table.Name), "")
		for _, x := range c.Table.Indexes {
			r.add(createIndex(c.Table, x), "")
		}
	case *schema.DropTable:
		r.add("DROP TABLE "+quote(c.Table.Name), "drops table "+c.Table.Name+" and all its data")
	case *schema.ModifyTable:
		return r.modifyTable(c)
	case *schema.RenameTable:
		if strings.EqualFold(c.From, c.To) {
			// SQLite refuses a new name that differs only in case (it
			// takes it for the table's own): go through a free name.
			tmp := c.To + "__retort_case"
			r.add("ALTER TABLE "+quote(c.From)+" RENAME TO "+quote(tmp), "")
			r.add("ALTER TABLE "+quote(tmp)+" RENAME TO "+quote(c.To), "")
			break
		}
		r.add("ALTER TABLE "+quote(c.From)+" RENAME TO "+quote(c.To), "")
	case *schema.RenameColumn:
		r.add("ALTER TABLE "+quote(c.Table)+" RENAME COLUMN "+quote(c.From)+" TO "+quote(c.To), "")
	case *schema.AddView:
		if c.View.SQL != "" {
			r.add(c.View.SQL, "")
		} else {
			r.add("CREATE VIEW "+quote(c.View.Name)+" AS "+c.View.Def, "")
		}
	case *schema.DropView:
		r.add("DROP VIEW "+quote(c.View.Name), "")
	case *schema.AddObject, *schema.DropObject, *schema.ReplaceObject:
		return r.object(c)
	case *schema.AddNamespace, *schema.DropNamespace, *schema.AddEnum, *schema.DropEnum, *schema.ModifyEnum,
		*schema.AddExtension, *schema.DropExtension,
		*schema.AddSequence, *schema.DropSequence, *schema.ModifySequence, *schema.RenameSequence:
		return fmt.Errorf("sqlite: %s is not supported by SQLite", c)
	default:
		return fmt.Errorf("sqlite: cannot render change %T (%s)", c, c)
	}
	return nil
}

func (r *renderer) modifyTable(m *schema.ModifyTable) error {
	if stmts, ok := native(m); ok {
		r.stmts = append(r.stmts, stmts...)
		return nil
	}
	return r.rebuild(m)
}

// native renders m with plain ALTER TABLE / CREATE INDEX statements when
// SQLite can do all of it that way and the stored table text ends up the
// same as the desired one.
func native(m *schema.ModifyTable) ([]schema.Statement, bool) {
	if m.From.Name != m.To.Name || m.From == m.To {
		// Spelled in another case, or a table to itself (the diff asks
		// for the table rebuilt from its own text): rebuilt.
		return nil, false
	}
	for _, c := range m.To.Columns {
		if fc := columnFolded(m.From, c.Name); fc != nil && fc.Name != c.Name {
			return nil, false
		}
	}
	var out []schema.Statement
	var added []string // column definitions as written in the desired table
	// edits are what the statements do to the stored text, in order.
	var edits []func(string) (string, bool)
	dropped := map[string]bool{} // indexes dropped by the statements so far
	optionsChanged := false
	for _, c := range m.Changes {
		switch c := c.(type) {
		case *schema.AddColumn:
			seg, ok := columnSource(m.To, c.Column)
			if !ok || !canAddColumn(m.To, c.Column, seg) {
				return nil, false
			}
			added = append(added, seg)
			edits = append(edits, func(s string) (string, bool) { return addColumnText(s, seg) })
			out = append(out, schema.Statement{SQL: "ALTER TABLE " + quote(m.To.Name) + " ADD COLUMN " + seg})
		case *schema.DropColumn:
			col := c.Column
			if !canDropColumn(m.From, col, dropped) {
				return nil, false
			}
			edits = append(edits, func(s string) (string, bool) { return dropColumnText(s, col.Name) })
			out = append(out, schema.Statement{SQL: "ALTER TABLE " + quote(m.To.Name) + " DROP COLUMN " + quote(col.Name),
				Review: "drops column " + m.To.Name + "." + col.Name + " and its data"})
		case *schema.AddIndex:
			out = append(out, schema.Statement{SQL: createIndex(m.To, c.Index), Review: uniqueReview(c.Index)})
		case *schema.DropIndex:
			dropped[c.Index.Name] = true
			out = append(out, schema.Statement{SQL: "DROP INDEX " + quote(c.Index.Name)})
		case *schema.RenameIndex:
			out = append(out, schema.Statement{SQL: "DROP INDEX " + quote(c.From.Name)}, schema.Statement{SQL: createIndex(m.To, c.To)})
		case *schema.ModifyTableOptions:
			optionsChanged = true
		default:
			return nil, false
		}
	}
	if len(edits) > 0 || optionsChanged {
		// Only when the stored text becomes what the models say.
		if m.From.SQL == "" || m.To.SQL == "" {
			return nil, false
		}
		if len(added) > 0 {
			for i, c := range m.To.Columns[len(m.To.Columns)-len(added):] {
				if seg, _ := columnSource(m.To, c); seg != added[i] {
					return nil, false
				}
			}
		}
		sim := m.From.SQL
		for _, e := range edits {
			var ok bool
			if sim, ok = e(sim); !ok {
				return nil, false
			}
		}
		if definition(sim) != m.To.Def {
			return nil, false
		}
	}
	return out, true
}

// canDropColumn applies SQLite's ALTER TABLE DROP COLUMN restrictions to
// column c of t: not in the primary key, a unique constraint, an index
// (but those in dropped, gone by then) or one of t's foreign keys, named by no CHECK but its own and by no
// generated column, and not generated itself (retort leaves those to a
// rebuild). A view or trigger that names it makes SQLite refuse the
// statement, and the revision stops there, rolled back.
func canDropColumn(t *schema.Table, c *schema.Column, dropped map[string]bool) bool {
	if c.Generated != nil {
		return false
	}
	is := func(n string) bool { return strings.EqualFold(n, c.Name) }
	if t.PrimaryKey != nil && slices.ContainsFunc(t.PrimaryKey.Columns, is) {
		return false
	}
	for _, u := range t.Uniques {
		if slices.ContainsFunc(u.Columns, is) {
			return false
		}
	}
	names := func(expr string) bool {
		for _, tk := range tokenize(expr) {
			if (tk.kind == 'w' || tk.kind == 'q') && is(tk.ident()) {
				return true
			}
		}
		return false
	}
	for _, x := range t.Indexes {
		if dropped[x.Name] {
			continue
		}
		if names(x.Where) {
			return false
		}
		for _, p := range x.Parts {
			if is(p.Column) || names(p.Expr) {
				return false
			}
		}
	}
	for _, fk := range t.ForeignKeys {
		if slices.ContainsFunc(fk.Columns, is) {
			return false
		}
	}
	for _, ch := range t.Checks {
		if !is(ch.Column) && names(ch.Expr) {
			return false
		}
	}
	for _, o := range t.Columns {
		if o.Generated != nil && names(o.Generated.Expr) {
			return false
		}
	}
	return true
}

// columnSource returns a column's definition as written in t's CREATE TABLE.
func columnSource(t *schema.Table, c *schema.Column) (string, bool) {
	if t.SQL == "" {
		return "", false
	}
	items, ok := tableItems(t.SQL)
	if !ok {
		return "", false
	}
	for _, it := range items {
		if !it.isConstraint() && len(it.toks) > 0 && strings.EqualFold(it.toks[0].ident(), c.Name) {
			return it.text, true
		}
	}
	return "", false
}

// canAddColumn applies SQLite's ALTER TABLE ADD COLUMN restrictions.
func canAddColumn(t *schema.Table, c *schema.Column, seg string) bool {
	toks := tokenize(seg)
	for i, tok := range toks {
		switch strings.ToLower(tok.text) {
		case "primary", "unique", "stored":
			return false
		case "default":
			// An expression in parentheses or CURRENT_*, as written
			// (the column's Default may be read back without them).
			if i+1 < len(toks) && (toks[i+1].text == "(" || strings.HasPrefix(strings.ToLower(toks[i+1].text), "current_")) {
				return false
			}
		}
	}
	if c.Generated != nil {
		return !c.Generated.Stored
	}
	d := strings.TrimSpace(c.Default)
	if strings.HasPrefix(d, "(") || strings.HasPrefix(strings.ToUpper(d), "CURRENT_") {
		return false
	}
	if !c.Nullable && (d == "" || strings.EqualFold(d, "NULL")) {
		return false
	}
	for _, fk := range t.ForeignKeys {
		for _, col := range fk.Columns {
			if col == c.Name && d != "" && !strings.EqualFold(d, "NULL") {
				return false
			}
		}
	}
	return true
}

// rebuild moves the table aside, creates it anew and copies its rows. The
// move happens under legacy_alter_table = ON so that nothing else follows
// the table to its temporary name: other tables' foreign keys, triggers and
// views keep naming it (SQLite's newer RENAME would rewrite them to the
// temporary name, and then point at a dropped table). The order is
// Alembic's, not the "create new_X, copy, drop X, rename new_X to X" of
// SQLite's documentation, because that final RENAME rewrites the table's
// own CREATE statement with its name quoted: the stored schema would no
// longer be the models' text. With foreign keys off and legacy renames the
// two orders make the same changes.
func (r *renderer) rebuild(m *schema.ModifyTable) error {
	r.rebuilt = true
	f, t := m.From, m.To
	old := "_retort_old_" + t.Name
	if len(old) > 60 {
		old = old[:60]
	}
	var what []string
	for _, c := range m.Changes {
		what = append(what, c.String())
	}
	r.fitGuards(m)
	r.add("PRAGMA legacy_alter_table = ON", "")
	r.add("ALTER TABLE "+quote(f.Name)+" RENAME TO "+quote(old),
		fmt.Sprintf("rebuilds table %s (SQLite cannot ALTER this: %s); its rows are copied", t.Name, strings.Join(what, "; ")))
	r.add("PRAGMA legacy_alter_table = OFF", "")
	r.add(createTable(t, t.Name), "")
	var cols []string
	for _, c := range t.Columns {
		if c.Generated != nil {
			continue
		}
		if fc := columnFolded(f, c.Name); fc != nil {
			// SQLite finds the old column whatever the case.
			cols = append(cols, quote(c.Name))
		}
	}
	risks := rebuildRisks(m)
	if len(cols) > 0 {
		list := strings.Join(cols, ", ")
		r.add(fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s", quote(t.Name), list, list, quote(old)), strings.Join(risks, "\n"))
	}
	if hasAutoIncrement(f) && hasAutoIncrement(t) {
		// The copy set the counter to the largest id copied; the old
		// table's counter also counts deleted rows, whose ids
		// AUTOINCREMENT never hands out again.
		r.stmts = append(r.stmts,
			schema.Statement{SQL: "DELETE FROM sqlite_sequence WHERE name = " + literal(t.Name),
				Comment: "AUTOINCREMENT: keep the old table's counter, so that ids of deleted rows are not used again."},
			schema.Statement{SQL: "UPDATE sqlite_sequence SET name = " + literal(t.Name) + " WHERE name = " + literal(old)})
	}
	r.add("DROP TABLE "+quote(old), "")
	added := map[string]bool{} // unique indexes the rows have not met yet
	for _, c := range m.Changes {
		if a, ok := c.(*schema.AddIndex); ok {
			added[a.Index.Name] = true
		}
	}
	for _, x := range t.Indexes {
		review := ""
		if added[x.Name] && len(cols) > 0 {
			review = uniqueReview(x)
		}
		r.add(createIndex(t, x), review)
	}
	return nil
}

// columnFolded is t's column named name regardless of ASCII case, as
// SQLite finds it.
func columnFolded(t *schema.Table, name string) *schema.Column {
	if c := t.Column(name); c != nil {
		return c
	}
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

func hasAutoIncrement(t *schema.Table) bool {
	for _, c := range t.Columns {
		if c.AutoIncrement {
			return true
		}
	}
	return false
}

func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func uniqueReview(x *schema.Index) string {
	if x.Unique {
		return "fails if existing rows hold duplicates"
	}
	return ""
}

// createTable is t's CREATE TABLE under name: the stored statement when
// known, else rendered from the IR. SQLite stores that text as the table's
// definition (compared as Table.Def), so the IR is written in the layout
// GORM's AutoMigrate writes, which Go models must match: columns, primary
// key, unique constraints, foreign keys (ON DELETE before ON UPDATE), then
// checks; the primary key goes in its column only where AUTOINCREMENT needs
// it there; every name quoted.
func createTable(t *schema.Table, name string) string {
	if t.SQL != "" {
		if s, ok := withName(t.SQL, quote(name)); ok {
			if name == t.Name {
				return t.SQL
			}
			return s
		}
	}
	var lines []string
	inlinePK := ""
	if pk := t.PrimaryKey; pk != nil && len(pk.Columns) == 1 && pk.Name == "" {
		if c := t.Column(pk.Columns[0]); c != nil && c.AutoIncrement {
			inlinePK = c.Name
		}
	}
	for _, c := range t.Columns {
		var b strings.Builder
		b.WriteString(quoteAlways(c.Name))
		if c.Type.SQL != "" {
			b.WriteString(" " + c.Type.SQL)
		}
		if c.Name == inlinePK {
			b.WriteString(" PRIMARY KEY AUTOINCREMENT")
		}
		if c.Collation != "" {
			b.WriteString(" COLLATE " + quote(c.Collation))
		}
		if !c.Nullable {
			b.WriteString(" NOT NULL")
		}
		if c.Default != "" {
			b.WriteString(" DEFAULT " + defaultExpr(c.Default))
		}
		if g := c.Generated; g != nil {
			b.WriteString(" GENERATED ALWAYS AS (" + g.Expr + ")")
			if g.Stored {
				b.WriteString(" STORED")
			} else {
				b.WriteString(" VIRTUAL")
			}
		}
		for _, ch := range t.Checks {
			if ch.Column == c.Name {
				if ch.Name != "" {
					b.WriteString(" CONSTRAINT " + quoteAlways(ch.Name))
				}
				b.WriteString(" CHECK (" + ch.Expr + ")")
			}
		}
		lines = append(lines, b.String())
	}
	if t.PrimaryKey != nil && inlinePK == "" {
		lines = append(lines, constraintPrefix(t.PrimaryKey.Name)+"PRIMARY KEY ("+quoteList(t.PrimaryKey.Columns)+")")
	}
	for _, u := range t.Uniques {
		lines = append(lines, constraintPrefix(u.Name)+"UNIQUE ("+quoteList(u.Columns)+")")
	}
	for _, fk := range t.ForeignKeys {
		s := constraintPrefix(fk.Name) + "FOREIGN KEY (" + quoteList(fk.Columns) + ") REFERENCES " + quoteAlways(fk.RefTable) + " (" + quoteList(fk.RefColumns) + ")"
		if fk.OnDelete != "" {
			s += " ON DELETE " + fk.OnDelete
		}
		if fk.OnUpdate != "" {
			s += " ON UPDATE " + fk.OnUpdate
		}
		if fk.Deferrable {
			s += " DEFERRABLE"
			if fk.InitiallyDeferred {
				s += " INITIALLY DEFERRED"
			}
		}
		lines = append(lines, s)
	}
	for _, ch := range t.Checks {
		if ch.Column == "" {
			lines = append(lines, constraintPrefix(ch.Name)+"CHECK ("+ch.Expr+")")
		}
	}
	s := "CREATE TABLE " + quoteAlways(name) + " (\n  " + strings.Join(lines, ",\n  ") + "\n)"
	var opts []string
	if t.WithoutRowID {
		opts = append(opts, "WITHOUT ROWID")
	}
	if t.Strict {
		opts = append(opts, "STRICT")
	}
	if len(opts) > 0 {
		s += " " + strings.Join(opts, ", ")
	}
	return s
}

func constraintPrefix(n string) string {
	if n == "" {
		return ""
	}
	return "CONSTRAINT " + quoteAlways(n) + " "
}

// quoteList quotes the names of a rendered table's or index's key.
func quoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteAlways(c)
	}
	return strings.Join(q, ", ")
}

// defaultExpr writes a default as SQLite wants it: literals bare, expressions
// in parentheses. A double-quoted word is a string literal there (GORM's
// dialector writes string defaults so).
func defaultExpr(d string) string {
	if d == "" || d[0] == '\'' || d[0] == '"' || d[0] == '(' || strings.EqualFold(d, "NULL") || strings.EqualFold(d, "TRUE") || strings.EqualFold(d, "FALSE") ||
		strings.HasPrefix(strings.ToUpper(d), "CURRENT_") || strings.HasPrefix(strings.ToUpper(d), "X'") {
		return d
	}
	if _, err := strconv.ParseFloat(strings.TrimPrefix(strings.TrimPrefix(d, "-"), "+"), 64); err == nil {
		return d
	}
	return "(" + d + ")"
}

// collation names a collation in a rendered index: bare when it is a plain
// word that is no key word (NOCASE, as the models write it), else quoted.
func collation(name string) string {
	if name == "" || keywords[strings.ToLower(name)] {
		return quoteAlways(name)
	}
	for i, c := range name {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return quoteAlways(name)
		}
	}
	return name
}

// createIndex is x's CREATE INDEX: the stored statement when known, else
// rendered from the IR with every name quoted, as createTable does.
func createIndex(t *schema.Table, x *schema.Index) string {
	if x.SQL != "" {
		return x.SQL
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if x.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + quoteAlways(x.Name) + " ON " + quoteAlways(t.Name) + " (")
	for i, p := range x.Parts {
		if i > 0 {
			b.WriteString(", ")
		}
		if p.Column != "" {
			b.WriteString(quoteAlways(p.Column))
		} else {
			b.WriteString(p.Expr)
		}
		if p.Collation != "" {
			b.WriteString(" COLLATE " + collation(p.Collation))
		}
		if p.Desc {
			b.WriteString(" DESC")
		}
	}
	b.WriteString(")")
	if x.Where != "" {
		b.WriteString(" WHERE " + x.Where)
	}
	return b.String()
}

// fitGuards adds, before a rebuild, one guard per column whose type change
// moves it to another affinity: the copy would store some values as
// something else ('007' becomes 7 under INTEGER affinity, 2^53+1 loses
// digits under REAL) without an error. The guard stores every value in a
// temporary column of the new type next to the value as it is, under a
// CHECK that they are the same number or the same text: a value that would
// change fails the CHECK, naming the column, and the revision's
// transaction leaves the table as it was.
func (r *renderer) fitGuards(m *schema.ModifyTable) {
	for _, c := range m.Changes {
		mc, ok := c.(*schema.ModifyColumn)
		if !ok || !changesAffinity(m.To, mc) {
			continue
		}
		msg := fmt.Sprintf("retort: %s.%s holds values that %s would store as something else; change them first (the type change was not made)",
			m.To.Name, mc.To.Name, typeName(mc.To.Type.SQL))
		r.add(fmt.Sprintf("CREATE TEMP TABLE _retort_fit (o, v %s, CONSTRAINT %s CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)))",
			mc.To.Type.SQL, quoteAlways(msg)), "")
		r.add(fmt.Sprintf("INSERT INTO _retort_fit SELECT %s, %s FROM %s", quote(mc.From.Name), quote(mc.From.Name), quote(m.From.Name)), "")
		r.add("DROP TABLE _retort_fit", "")
	}
}

// changesAffinity reports whether a column type change copied by a rebuild
// may store values differently (and is guarded by fitGuards).
func changesAffinity(t *schema.Table, c *schema.ModifyColumn) bool {
	if !c.Change.Is(schema.ChangeType) || c.From.Generated != nil || c.To.Generated != nil || t.Strict || isRowidAlias(t, c.To) {
		return false
	}
	fa, ta := affinity(c.From.Type.SQL), affinity(c.To.Type.SQL)
	return fa != ta && ta != "BLOB" && ta != "TEXT" // TEXT keeps a number as its own text
}
