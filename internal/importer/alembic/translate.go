package alembic

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/importer"
	"github.com/retortdb/retort/schema"
)

// definer is what a dialect whose catalog is the CREATE statement text
// (SQLite) gives: the normalized definition a table's text compares by.
type definer interface {
	TableDefinition(sql string) string
	// AddColumnText and DropColumnText are the stored text after ALTER
	// TABLE ADD COLUMN and DROP COLUMN, which edit it in place.
	AddColumnText(sql, def string) (string, bool)
	DropColumnText(sql, name string) (string, bool)
}

// sqlaNamer names the SQLAlchemy dialect of a retort dialect.
type sqlaNamer interface {
	SQLAlchemyDialect() string
}

// translator turns the op.* calls of one section into SQL, tracking the
// schema they build.
type translator struct {
	d      dialect.Dialect
	render dialect.Renderer
	fl     *flavour // what the SQLAlchemy dialect does differently
	text   definer  // non-nil: tables are kept as SQLAlchemy's text
	st     *state
	stamp  *int
	mod    *module
	sect   string

	out    []string // statements and blocks, in order
	manual []importer.Manual
	fkOff  bool // a rebuild switched foreign keys off
	noTx   bool
	batch  *batchState
	// vars are the names bound to values the translation can read: the
	// module's constants and the section's own simple assignments.
	vars     map[string]expr
	notes    []string // for the report: what a person should know
	depth    int      // helper functions being translated in place
	resolved int      // nodes resolve has copied (resolveBudget)
	// lastManual is the index in out of the last manual block, and
	// manualFrom its first line, so that the next one can join it.
	lastManual, manualFrom int
}

// batchState collects a batch_alter_table block that SQLite does by "move
// and copy": every change of the block in one rebuild.
type batchState struct {
	table    string
	from, to *schema.Table
	changes  []schema.TableChange
}

func newTranslator(d dialect.Dialect, st *state, stamp *int, mod *module, sect string) (*translator, error) {
	r, ok := d.(dialect.Renderer)
	if !ok {
		return nil, fmt.Errorf("the %s dialect cannot render schema changes", d.Name())
	}
	n, ok := d.(sqlaNamer)
	if !ok {
		return nil, fmt.Errorf("the %s dialect has no SQLAlchemy counterpart to import Alembic revisions for", d.Name())
	}
	fl := flavourNamed(n.SQLAlchemyDialect())
	if fl == nil {
		return nil, fmt.Errorf("the %s dialect's SQLAlchemy dialect %s is not one the importer translates for", d.Name(), n.SQLAlchemyDialect())
	}
	t := &translator{d: d, render: r, fl: fl, st: st, stamp: stamp, mod: mod, sect: sect, lastManual: -1}
	if def, ok := d.(definer); ok {
		t.text = def
	}
	return t, nil
}

// body is the section's SQL.
func (tr *translator) body() string {
	var parts []string
	if tr.fkOff {
		parts = append(parts, "-- Rebuilding tables: retort switches foreign keys off around this revision.\nPRAGMA foreign_keys = OFF;")
	}
	parts = append(parts, tr.out...)
	return strings.Join(parts, "\n\n")
}

func (tr *translator) pos(line int) string { return fmt.Sprintf("%s:%d", tr.mod.path, line) }

// leave records statements as a block for a person. Statements left one
// after the other, with nothing translated between them, make one block.
func (tr *translator) leave(s stmt, reason string) {
	if n := len(tr.manual); n > 0 && tr.lastManual == len(tr.out)-1 {
		m := &tr.manual[n-1]
		m.Text = sourceLines(tr.mod.src, tr.manualFrom, s.endLine)
		if !strings.Contains(m.Reason, reason) {
			m.Reason += "; " + reason
		}
		tr.out[len(tr.out)-1] = importer.ManualBlock(*m)
		return
	}
	m := importer.Manual{Pos: tr.pos(s.line), Section: tr.sect, Text: sourceLines(tr.mod.src, s.line, s.endLine), Reason: reason}
	tr.manual = append(tr.manual, m)
	tr.out = append(tr.out, importer.ManualBlock(m))
	tr.lastManual = len(tr.out) - 1
	tr.manualFrom = s.line
}

// section translates a def's body.
func (tr *translator) section(body []stmt) {
	for _, s := range body {
		tr.statement(s)
	}
}

func (tr *translator) statement(s stmt) {
	switch s.kind {
	case sPass, sImport:
		return
	case sExpr:
		if str, ok := s.expr.(*eStr); ok && !str.F {
			return // a docstring or a bare string
		}
		call, ok := tr.resolve(s.expr, 0).(*eCall)
		if !ok {
			tr.leave(s, "a Python expression that is not an op.* call")
			return
		}
		if done, err := tr.enumOp(call); done {
			if err != nil {
				tr.leave(s, err.Error())
			}
			return
		}
		if at, ok := call.Fn.(*eAttr); ok && at.Name == "execute" {
			// conn.execute(sa.text("…")) on conn = op.get_bind(): op.execute.
			if c, ok := at.X.(*eCall); ok && dotted(c.Fn) == "op.get_bind" {
				call = &eCall{line: call.line, Fn: &eAttr{line: call.line, X: &eName{call.line, "op"}, Name: "execute"}, Args: call.Args, Kw: call.Kw, Star: call.Star}
				if len(call.Args) != 1 || len(call.Kw) != 0 {
					tr.leave(s, "a connection's execute with parameters (Python logic)")
					return
				}
			}
		}
		name := dotted(call.Fn)
		if f, ok := tr.mod.funcs[name]; ok && !f.params && len(call.Args) == 0 && len(call.Kw) == 0 && !call.Star && tr.depth < 5 {
			// A helper of the module called without arguments: its body
			// is translated in place.
			tr.depth++
			tr.section(f.body)
			tr.depth--
			return
		}
		if !strings.HasPrefix(name, "op.") {
			tr.leave(s, "a call of "+orWhat(name, "a Python expression")+", not of an op.* operation")
			return
		}
		if err := tr.op(strings.TrimPrefix(name, "op."), call, ""); err != nil {
			tr.leave(s, err.Error())
		}
	case sWith:
		tr.with(s)
	case sOther:
		tr.leave(s, s.reason)
	case sIf:
		tr.ifStmt(s)
	case sAssign:
		if call, ok := tr.resolve(s.expr, 0).(*eCall); ok && dotted(call.Fn) == "op.create_table" && !strings.Contains(s.target, ".") {
			// t = op.create_table(…): the table is made, and t names it
			// for a later op.bulk_insert(t, …).
			if err := tr.op("create_table", call, ""); err != nil {
				tr.leave(s, err.Error())
				return
			}
			tr.bindTable(s.target, call)
			return
		}
		if !tr.bind(s.target, s.expr) {
			tr.leave(s, "a Python variable")
		}
	case sDef:
		tr.leave(s, "a nested Python function")
	default:
		tr.leave(s, "a Python statement")
	}
}

func orWhat(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// with translates "with op.batch_alter_table(name, …) as batch_op:", and
// "with op.get_context().autocommit_block():", whose statements run
// outside a transaction: the revision becomes a no-transaction one.
func (tr *translator) with(s stmt) {
	call, ok := tr.resolve(s.expr, 0).(*eCall)
	if !ok {
		tr.leave(s, "a with block that is not op.batch_alter_table(…) as name")
		return
	}
	if at, isAttr := call.Fn.(*eAttr); isAttr && at.Name == "autocommit_block" && s.target == "" {
		if c, ok := at.X.(*eCall); ok && dotted(c.Fn) == "op.get_context" {
			tr.noTx = true
			tr.section(s.body)
			return
		}
	}
	if dotted(call.Fn) != "op.batch_alter_table" || s.target == "" {
		tr.leave(s, "a with block that is not op.batch_alter_table(…) as name")
		return
	}
	a := argsOf(call)
	table, err := a.str(0, "table_name")
	if err != nil {
		tr.leave(s, "batch_alter_table: "+err.Error())
		return
	}
	if err := a.noSchema(); err != nil {
		tr.leave(s, err.Error())
		return
	}
	if v, ok := a.kw["copy_from"]; ok && !isNone(v) {
		tr.leave(s, "batch_alter_table with copy_from (a Table object built in Python)")
		return
	}
	recreate := "auto"
	if v, ok := a.kw["recreate"]; ok {
		if r, ok := v.(*eStr); ok {
			recreate = r.Value
		}
	}
	if tr.text != nil && recreate != "never" && (recreate == "always" || needsRecreate(s.body, s.target)) {
		from := tr.st.table(table)
		if from == nil {
			tr.leave(s, fmt.Sprintf("batch_alter_table: table %s is not created by the imported history, so SQLite's move and copy cannot be written", table))
			return
		}
		tr.batch = &batchState{table: table, from: from.Clone(), to: from.Clone()}
		defer tr.endBatch()
	}
	for _, b := range s.body {
		if b.kind == sPass {
			continue
		}
		call, ok := tr.resolve(b.expr, 0).(*eCall)
		if b.kind != sExpr || !ok || !strings.HasPrefix(dotted(call.Fn), s.target+".") {
			if b.kind == sExpr {
				if str, ok := b.expr.(*eStr); ok && !str.F {
					continue
				}
			}
			tr.leave(b, "Python inside a batch_alter_table block that is not a "+s.target+".* call")
			continue
		}
		if err := tr.op(strings.TrimPrefix(dotted(call.Fn), s.target+"."), call, table); err != nil {
			tr.leave(b, err.Error())
		}
	}
}

// needsRecreate is Alembic's SQLite rule: a batch is done by move and copy
// unless it only adds columns with plain defaults and creates or drops
// indexes.
func needsRecreate(body []stmt, as string) bool {
	for _, b := range body {
		call, ok := b.expr.(*eCall)
		if b.kind != sExpr || !ok {
			continue
		}
		switch strings.TrimPrefix(dotted(call.Fn), as+".") {
		case "create_index", "drop_index":
		case "add_column":
			// A default that is an expression, or a constraint the
			// column brings (a ForeignKey, unique=True), needs the table
			// rebuilt.
			if len(call.Args) > 0 {
				if col, ok := call.Args[0].(*eCall); ok {
					for _, a := range col.Args {
						if c, ok := a.(*eCall); ok && strings.HasSuffix(dotted(c.Fn), "ForeignKey") {
							return true
						}
					}
					for _, k := range col.Kw {
						switch k.Name {
						case "server_default":
							if _, plain := k.Value.(*eStr); !plain && !isNone(k.Value) {
								return true
							}
						case "unique":
							if isTrue(k.Value) {
								return true
							}
						}
					}
				}
			}
		default:
			return true
		}
	}
	return false
}

// endBatch writes a collected SQLite batch as one rebuild.
func (tr *translator) endBatch() {
	b := tr.batch
	tr.batch = nil
	to := b.to.Clone()
	// Alembic's move and copy leaves out the unnamed CHECK constraints it
	// reflected (it cannot tell them from a type's own); so does the
	// import.
	var checks []*schema.Check
	for _, ch := range to.Checks {
		if ch.Name == "" && hasCheck(b.from, ch.Expr) {
			b.changes = append(b.changes, &schema.DropCheck{Check: ch})
			continue
		}
		checks = append(checks, ch)
	}
	to.Checks = checks
	to.SQL = sqliteRecreated(to, b.from, tr.namedOf(b.table))
	to.Def = tr.text.TableDefinition(to.SQL)
	changes := b.changes
	if len(changes) == 0 || onlyIndexes(changes) {
		// Alembic rebuilds even when nothing but a name changed: the
		// table's text becomes SQLAlchemy's again.
		changes = append([]schema.TableChange{&schema.ModifyTableOptions{From: b.from, To: to}}, changes...)
	}
	if err := tr.emit(&schema.ModifyTable{From: b.from, To: to, Changes: changes}); err != nil {
		tr.out = append(tr.out, "-- "+err.Error())
		return
	}
	tr.setTable(b.table, to)
}

func hasCheck(t *schema.Table, expr string) bool {
	for _, ch := range t.Checks {
		if ch.Name == "" && ch.Expr == expr {
			return true
		}
	}
	return false
}

func onlyIndexes(cs []schema.TableChange) bool {
	for _, c := range cs {
		switch c.(type) {
		case *schema.AddIndex, *schema.DropIndex:
		default:
			return false
		}
	}
	return true
}

// emit renders changes and appends the statements.
func (tr *translator) emit(changes ...schema.Change) error {
	r, err := tr.render.Render(changes)
	if err != nil {
		return err
	}
	if r.NoTransaction {
		tr.noTx = true
	}
	for _, st := range r.Statements {
		sql := strings.TrimRight(strings.TrimSpace(st.SQL), ";")
		if strings.EqualFold(sql, "PRAGMA foreign_keys = OFF") {
			tr.fkOff = true
			continue
		}
		tr.raw(sql, st.Comment, st.Review)
	}
	return nil
}

// raw appends one statement with its comment lines.
func (tr *translator) raw(sql, comment, review string) {
	var b strings.Builder
	if comment != "" {
		for _, l := range strings.Split(comment, "\n") {
			b.WriteString("-- " + l + "\n")
		}
	}
	if review != "" {
		for _, l := range strings.Split(review, "\n") {
			b.WriteString("-- REVIEW: " + l + "\n")
		}
	}
	sql = strings.TrimRight(strings.TrimSpace(sql), ";")
	if strings.Contains(sql, ";") {
		b.WriteString("-- +retort StatementBegin\n" + sql + ";\n-- +retort StatementEnd")
	} else {
		b.WriteString(sql + ";")
	}
	tr.out = append(tr.out, b.String())
}

func (tr *translator) next() int {
	*tr.stamp++
	return *tr.stamp
}

func (tr *translator) setTable(name string, t *schema.Table) {
	tr.st.tables[name] = tableEntry{t: t, stamp: tr.next()}
}

func (tr *translator) setEnum(name string, e *schema.Enum) {
	tr.st.enums[name] = enumEntry{e: e, stamp: tr.next()}
}

// modify changes table name through fn, which edits a copy and returns the
// changes it made; they are rendered at once, or collected by a batch.
func (tr *translator) modify(name string, fn func(t *schema.Table) ([]schema.TableChange, error)) error {
	if b := tr.batch; b != nil && b.table == name {
		cs, err := fn(b.to)
		if err != nil {
			return err
		}
		b.changes = append(b.changes, cs...)
		return nil
	}
	from := tr.st.table(name)
	if from == nil {
		// A table the imported history did not create (it existed before
		// the first revision): what the operation says is all there is.
		from = &schema.Table{Name: name}
	}
	from = from.Clone()
	to := from.Clone()
	cs, err := fn(to)
	if err != nil {
		return err
	}
	if tr.text != nil {
		to.SQL = tr.nextText(from, to, cs)
		to.Def = tr.text.TableDefinition(to.SQL)
	}
	if err := tr.emit(&schema.ModifyTable{From: from, To: to, Changes: cs}); err != nil {
		return err
	}
	tr.setTable(name, to)
	return nil
}

// nextText is the SQLite text of to after cs: ADD COLUMN and DROP COLUMN
// (Alembic's, outside a batch) edit the stored text as SQLite does; other
// changes rebuild it.
func (tr *translator) nextText(from, to *schema.Table, cs []schema.TableChange) string {
	native := from.SQL != ""
	text := from.SQL
	for _, c := range cs {
		switch c := c.(type) {
		case *schema.AddColumn:
			t, ok := tr.text.AddColumnText(text, sqliteColumn(to, c.Column))
			text, native = t, native && ok
		case *schema.DropColumn:
			t, ok := tr.text.DropColumnText(text, c.Column.Name)
			text, native = t, native && ok
		case *schema.AddIndex, *schema.DropIndex:
		default:
			native = false
		}
	}
	if native {
		return text
	}
	return sqliteRecreated(to, from, tr.namedOf(to.Name))
}

// namedOf lists table's named constraints in the order they were made.
func (tr *translator) namedOf(table string) []string { return tr.st.namedOf(table) }

// noteNamed records constraints made on table, in order.
func (tr *translator) noteNamed(table string, names ...string) {
	cur := append([]string(nil), tr.namedOf(table)...)
	for _, n := range names {
		if n != "" {
			cur = append(cur, n)
		}
	}
	tr.st.named[table] = namedEntry{names: cur, stamp: tr.next()}
}

// dropNamed forgets a dropped constraint.
func (tr *translator) dropNamed(table, name string) {
	var cur []string
	for _, n := range tr.namedOf(table) {
		if n != name {
			cur = append(cur, n)
		}
	}
	tr.st.named[table] = namedEntry{names: cur, stamp: tr.next()}
}

// ifStmt translates the branch an if statement takes on the target when
// every condition asks only which database it runs on
// (op.get_bind().dialect.name == "postgresql", … in (…)); any other if is
// left for a person whole.
func (tr *translator) ifStmt(s stmt) {
	for _, b := range s.branches {
		if b.cond == nil {
			tr.section(b.body)
			return
		}
		taken, ok := tr.dialectCondition(tr.resolve(b.cond, 0))
		if !ok {
			tr.leave(s, "a Python if statement whose condition is not the database's dialect name")
			return
		}
		if taken {
			tr.section(b.body)
			return
		}
	}
}

// dialectCondition evaluates X.dialect.name == "name" (!=, in, not in a
// tuple or list of names), X being op.get_bind() or op.get_context().
func (tr *translator) dialectCondition(e expr) (taken, ok bool) {
	c, isCmp := e.(*eCompare)
	if !isCmp {
		return false, false
	}
	l, r := c.L, c.R
	if !isDialectName(l) {
		if c.Op != "==" && c.Op != "!=" || !isDialectName(r) {
			return false, false
		}
		l, r = r, l
	}
	var names []string
	switch v := r.(type) {
	case *eStr:
		names = []string{v.Value}
	case *eList:
		for _, it := range v.Items {
			s, isStr := it.(*eStr)
			if !isStr {
				return false, false
			}
			names = append(names, s.Value)
		}
	default:
		return false, false
	}
	match := false
	for _, n := range names {
		if n == tr.fl.name {
			match = true
		}
	}
	switch c.Op {
	case "==", "in":
		return match, true
	case "!=", "not in":
		return !match, true
	}
	return false, false
}

// isDialectName reports op.get_bind().dialect.name or
// op.get_context().dialect.name (bind names resolved).
func isDialectName(e expr) bool {
	n, ok := e.(*eAttr)
	if !ok || n.Name != "name" {
		return false
	}
	d, ok := n.X.(*eAttr)
	if !ok || d.Name != "dialect" {
		return false
	}
	c, ok := d.X.(*eCall)
	return ok && (dotted(c.Fn) == "op.get_bind" || dotted(c.Fn) == "op.get_context")
}
