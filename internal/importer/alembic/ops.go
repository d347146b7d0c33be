package alembic

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// callArgs are a call's arguments, read by position or keyword.
type callArgs struct {
	pos  []expr
	kw   map[string]expr
	star bool
}

func argsOf(c *eCall) callArgs {
	a := callArgs{pos: c.Args, kw: map[string]expr{}, star: c.Star}
	for _, k := range c.Kw {
		a.kw[k.Name] = k.Value
	}
	return a
}

func (a callArgs) get(i int, name string) expr {
	if i >= 0 && i < len(a.pos) {
		return a.pos[i]
	}
	if v, ok := a.kw[name]; ok {
		return v
	}
	return nil
}

func isNone(e expr) bool {
	c, ok := e.(*eConst)
	return ok && c.Name == "None"
}

// name reads a name: a string literal or op.f("…") (Alembic's "this name
// is final", which a translation keeps as written).
func name(e expr) (string, error) {
	switch v := e.(type) {
	case *eStr:
		if v.F {
			return "", fmt.Errorf("an f-string (Python logic)")
		}
		return v.Value, nil
	case *eCall:
		if d := dotted(v.Fn); (d == "op.f" || d == "f" || strings.HasSuffix(d, ".f") || d == "sa.sql.elements.conv" || d == "conv") && len(v.Args) == 1 {
			return name(v.Args[0])
		}
	}
	return "", fmt.Errorf("a name that is not a string literal (Python logic)")
}

func (a callArgs) str(i int, key string) (string, error) {
	e := a.get(i, key)
	if e == nil {
		return "", fmt.Errorf("%s is missing", key)
	}
	return name(e)
}

// optName is an optional name: "" when absent or None.
func (a callArgs) optName(i int, key string) (string, error) {
	e := a.get(i, key)
	if e == nil || isNone(e) {
		return "", nil
	}
	return name(e)
}

func (a callArgs) names(i int, key string) ([]string, error) {
	e := a.get(i, key)
	if e == nil {
		return nil, fmt.Errorf("%s is missing", key)
	}
	return nameList(e)
}

func nameList(e expr) ([]string, error) {
	if s, err := name(e); err == nil {
		return []string{s}, nil
	}
	l, ok := e.(*eList)
	if !ok {
		return nil, fmt.Errorf("a list of names that is not a literal list")
	}
	var out []string
	for _, it := range l.Items {
		s, err := name(it)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (a callArgs) noSchema() error {
	if v, ok := a.kw["schema"]; ok && !isNone(v) {
		return fmt.Errorf("an operation on a named schema (schema=…), which the importer does not translate")
	}
	return nil
}

func (a callArgs) boolKw(key string) bool {
	v, ok := a.kw[key]
	return ok && isTrue(v)
}

// op translates op.<name>(…) (or batch_op.<name>(…) on table batch).
func (tr *translator) op(op string, c *eCall, batch string) error {
	a := argsOf(c)
	if a.star {
		return fmt.Errorf("op.%s with *args or **kwargs (Python logic)", op)
	}
	if err := a.noSchema(); err != nil {
		return err
	}
	// In a batch block the table argument is left out.
	t := 1
	if batch != "" {
		t = 0
	}
	tableArg := func(i int, key string) (string, error) {
		if batch != "" {
			return batch, nil
		}
		return a.str(i, key)
	}
	switch op {
	case "create_table":
		return tr.createTable(a)
	case "drop_table":
		n, err := a.str(0, "table_name")
		if err != nil {
			return err
		}
		return tr.dropTable(n)
	case "rename_table":
		from, err := a.str(0, "old_table_name")
		if err != nil {
			return err
		}
		to, err := a.str(1, "new_table_name")
		if err != nil {
			return err
		}
		return tr.renameTable(from, to)
	case "add_column":
		table, err := tableArg(0, "table_name")
		if err != nil {
			return err
		}
		return tr.addColumn(table, a.get(t, "column"))
	case "drop_column":
		table, err := tableArg(0, "table_name")
		if err != nil {
			return err
		}
		col, err := a.str(t, "column_name")
		if err != nil {
			return err
		}
		return tr.dropColumn(table, col)
	case "alter_column":
		table, err := tableArg(0, "table_name")
		if err != nil {
			return err
		}
		col, err := a.str(t, "column_name")
		if err != nil {
			return err
		}
		return tr.alterColumn(table, col, a)
	case "create_index":
		n, err := a.str(0, "index_name")
		if err != nil {
			return err
		}
		table, err := tableArg(1, "table_name")
		if err != nil {
			return err
		}
		return tr.createIndex(n, table, a.get(1+t, "columns"), a)
	case "drop_index":
		n, err := a.str(0, "index_name")
		if err != nil {
			return err
		}
		table := batch
		if table == "" {
			if table, err = a.optName(1, "table_name"); err != nil {
				return err
			}
		}
		from := len(tr.out)
		if err := tr.dropIndex(n, table); err != nil {
			return err
		}
		if tr.fl.concurrentIndexes && a.boolKw(tr.fl.kwPrefix+"concurrently") {
			tr.concurrently(from)
		}
		return nil
	case "create_unique_constraint":
		n, err := a.optName(0, "constraint_name")
		if err != nil {
			return err
		}
		table, err := tableArg(1, "table_name")
		if err != nil {
			return err
		}
		cols, err := a.names(1+t, "columns")
		if err != nil {
			return err
		}
		tr.noteNamed(table, n)
		return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
			u := &schema.Unique{Name: n, Columns: cols}
			tb.Uniques = append(tb.Uniques, u)
			return []schema.TableChange{&schema.AddUnique{Unique: u}}, nil
		})
	case "create_primary_key":
		n, err := a.optName(0, "constraint_name")
		if err != nil {
			return err
		}
		table, err := tableArg(1, "table_name")
		if err != nil {
			return err
		}
		cols, err := a.names(1+t, "columns")
		if err != nil {
			return err
		}
		return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
			pk := &schema.PrimaryKey{Name: n, Columns: cols}
			tb.PrimaryKey = pk
			for _, c := range cols {
				if col := tb.Column(c); col != nil {
					col.Nullable = false
				}
			}
			return []schema.TableChange{&schema.AddPrimaryKey{PrimaryKey: pk}}, nil
		})
	case "create_check_constraint":
		n, err := a.optName(0, "constraint_name")
		if err != nil {
			return err
		}
		table, err := tableArg(1, "table_name")
		if err != nil {
			return err
		}
		cond, err := sqlText(a.get(1+t, "condition"))
		if err != nil {
			return err
		}
		tr.noteNamed(table, n)
		return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
			ch := &schema.Check{Name: n, Expr: cond}
			tb.Checks = append(tb.Checks, ch)
			return []schema.TableChange{&schema.AddCheck{Check: ch}}, nil
		})
	case "create_foreign_key":
		return tr.createForeignKey(a, batch)
	case "drop_constraint":
		n, err := a.str(0, "constraint_name")
		if err != nil {
			return err
		}
		table, err := tableArg(1, "table_name")
		if err != nil {
			return err
		}
		kind := ""
		if v := a.get(1+t, "type_"); v != nil && !isNone(v) {
			if kind, err = name(v); err != nil {
				return err
			}
		}
		return tr.dropConstraint(table, n, kind)
	case "execute":
		sql, err := sqlText(a.get(0, "sqltext"))
		if err != nil {
			return fmt.Errorf("op.execute of %s", err)
		}
		tr.raw(sql, "", "")
		return nil
	case "bulk_insert":
		return tr.bulkInsert(a)
	case "create_table_comment", "drop_table_comment":
		table, err := tableArg(0, "table_name")
		if err != nil {
			return err
		}
		comment := ""
		if op == "create_table_comment" {
			if comment, err = a.str(t, "comment"); err != nil {
				return err
			}
		}
		if !tr.fl.comments {
			return nil // the database keeps no comments, and Alembic writes none there
		}
		return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
			c := &schema.ModifyTableComment{From: tb.Comment, To: comment}
			tb.Comment = comment
			return []schema.TableChange{c}, nil
		})
	}
	return fmt.Errorf("op.%s, which the importer does not translate", op)
}

// sqlText reads a SQL string: a literal or sa.text("…").
func sqlText(e expr) (string, error) {
	switch v := e.(type) {
	case *eStr:
		if v.F {
			return "", fmt.Errorf("an f-string (Python logic)")
		}
		return v.Value, nil
	case *eCall:
		d := dotted(v.Fn)
		if (d == "sa.text" || d == "text" || d == "sqlalchemy.text" || strings.HasSuffix(d, ".text")) && len(v.Args) == 1 && len(v.Kw) == 0 {
			return sqlText(v.Args[0])
		}
	}
	return "", fmt.Errorf("SQL that is not a string literal or sa.text(\"…\") (Python logic)")
}

func (tr *translator) dropTable(n string) error {
	t := tr.st.table(n)
	if t == nil {
		t = &schema.Table{Name: n}
	}
	if err := tr.emit(&schema.DropTable{Table: t}); err != nil {
		return err
	}
	tr.st.tables[n] = tableEntry{t: nil, stamp: tr.next()}
	return nil
}

func (tr *translator) renameTable(from, to string) error {
	if err := tr.emit(&schema.RenameTable{From: from, To: to}); err != nil {
		return err
	}
	t := tr.st.table(from)
	tr.st.tables[from] = tableEntry{t: nil, stamp: tr.next()}
	if t != nil {
		t = t.Clone()
		t.Name = to
		for _, ch := range t.Checks {
			ch.Expr = tr.renameQualifierIn(ch.Expr, from, to)
		}
		if tr.text != nil && t.SQL != "" {
			// SQLite rewrites the name in the stored text; the definition
			// (which leaves the name out) stays.
			t.SQL = strings.Replace(t.SQL, quoteText(from), quoteText(to), 1)
		}
		tr.setTable(to, t)
	}
	tr.st.named[to] = namedEntry{names: tr.namedOf(from), stamp: tr.next()}
	tr.renameReferences(from, to, "", "")
	return nil
}

func (tr *translator) addColumn(table string, e expr) error {
	if e == nil {
		return fmt.Errorf("add_column without a column")
	}
	cs, err := tr.readColumn(e, table)
	if err != nil {
		return err
	}
	if cs.pk {
		return fmt.Errorf("add_column of a primary key column, which the importer does not translate")
	}
	// Alembic adds the column, then the constraints and index the column
	// brings. SQLite cannot ALTER constraints: there Alembic skips them
	// (with a warning) unless a batch rebuilds the table.
	// A CHECK among the column's arguments is part of the column's
	// definition instead: Alembic writes it in the ADD COLUMN, on every
	// database, SQLite too.
	constraints := tr.text == nil || (tr.batch != nil && tr.batch.table == table)
	var colChecks, tableChecks []*schema.Check
	for _, ch := range cs.colChecks {
		if ch.Column != "" {
			colChecks = append(colChecks, ch)
		} else {
			tableChecks = append(tableChecks, ch)
		}
	}
	if !constraints && (cs.unique && !cs.index || len(cs.fks) > 0 || len(cs.checks)+len(tableChecks) > 0) {
		tr.notes = append(tr.notes, fmt.Sprintf("%s: add_column of %s.%s leaves its constraints out on SQLite, as Alembic does (with a warning); a batch_alter_table block keeps them",
			tr.pos(e.pos()), table, cs.col.Name))
	}
	var named []string
	err = tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		tb.Columns = append(tb.Columns, cs.col)
		for _, ch := range colChecks {
			tb.Checks = append(tb.Checks, ch)
			named = append(named, ch.Name)
		}
		out := []schema.TableChange{&schema.AddColumn{Column: cs.col}}
		if constraints {
			if cs.unique && !cs.index {
				u := &schema.Unique{Columns: []string{cs.col.Name}}
				tb.Uniques = append(tb.Uniques, u)
				out = append(out, &schema.AddUnique{Unique: u})
			}
			for _, ch := range append(append([]*schema.Check(nil), cs.checks...), tableChecks...) {
				tb.Checks = append(tb.Checks, ch)
				out = append(out, &schema.AddCheck{Check: ch})
				named = append(named, ch.Name)
			}
			for _, fk := range cs.fks {
				tb.ForeignKeys = append(tb.ForeignKeys, fk)
				out = append(out, &schema.AddForeignKey{ForeignKey: fk})
				named = append(named, fk.Name)
			}
		}
		if cs.index {
			names := []string{"ix_" + table + "_" + cs.col.Name}
			if tr.text != nil && tr.batch != nil && tr.batch.table == table {
				// Alembic's move and copy also makes the index under a
				// name after its temporary table, and keeps both.
				names = append(names, "ix__alembic_tmp_"+table+"_"+cs.col.Name)
			}
			for _, ix := range names {
				x := &schema.Index{Name: ix, Unique: cs.unique, Parts: []schema.IndexPart{{Column: cs.col.Name}}}
				tb.Indexes = append(tb.Indexes, x)
				out = append(out, &schema.AddIndex{Index: x})
			}
		}
		return out, nil
	})
	if err == nil {
		tr.noteNamed(table, named...)
	}
	return err
}

func (tr *translator) dropColumn(table, col string) error {
	return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		c := tb.Column(col)
		if c == nil {
			c = &schema.Column{Name: col, Nullable: true}
		}
		var out []schema.TableChange
		// What goes with the column: its indexes and constraints.
		var keep []*schema.Index
		for _, x := range tb.Indexes {
			if indexUses(x, col) {
				out = append(out, &schema.DropIndex{Index: x})
				continue
			}
			keep = append(keep, x)
		}
		tb.Indexes = keep
		// The column's own checks go with it, on every database.
		var checks []*schema.Check
		for _, ch := range tb.Checks {
			if ch.Column != col {
				checks = append(checks, ch)
			}
		}
		tb.Checks = checks
		var cols []*schema.Column
		for _, cc := range tb.Columns {
			if cc.Name != col {
				cols = append(cols, cc)
			}
		}
		tb.Columns = cols
		return append(out, &schema.DropColumn{Column: c}), nil
	})
}

func indexUses(x *schema.Index, col string) bool {
	for _, p := range x.Parts {
		if p.Column == col {
			return true
		}
	}
	return false
}

func (tr *translator) createIndex(n, table string, cols expr, a callArgs) error {
	if cols == nil {
		return fmt.Errorf("create_index without columns")
	}
	x := &schema.Index{Name: n, Unique: a.boolKw("unique")}
	items := []expr{cols}
	if l, ok := cols.(*eList); ok {
		items = l.Items
	}
	for _, it := range items {
		if s, err := name(it); err == nil {
			x.Parts = append(x.Parts, schema.IndexPart{Column: s})
			continue
		}
		e, err := sqlText(it)
		if err != nil {
			return fmt.Errorf("an index key that is not a column name or sa.text(\"…\")")
		}
		x.Parts = append(x.Parts, schema.IndexPart{Expr: e})
	}
	concurrently := false
	for k, v := range a.kw {
		switch {
		case k == "unique" || k == "table_name" || k == "columns" || k == "index_name" || k == "schema" || k == "if_not_exists":
		case k == tr.fl.kwPrefix+"concurrently" && tr.fl.concurrentIndexes:
			concurrently = isTrue(v)
		case strings.HasSuffix(k, "_where"):
			if !strings.HasPrefix(k, tr.fl.kwPrefix) {
				continue
			}
			w, err := sqlText(v)
			if err != nil {
				return err
			}
			x.Where = w
		case k == tr.fl.kwPrefix+"using":
			m, err := name(v)
			if err != nil {
				return err
			}
			x.Method = m
		case strings.HasPrefix(k, tr.fl.kwPrefix):
			return fmt.Errorf("create_index with %s=…, which the importer does not translate", k)
		}
	}
	from := len(tr.out)
	err := tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		tb.Indexes = append(tb.Indexes, x)
		return []schema.TableChange{&schema.AddIndex{Index: x}}, nil
	})
	if err == nil && concurrently {
		tr.concurrently(from)
	}
	return err
}

// concurrently makes the CREATE/DROP INDEX statements written since out[from]
// PostgreSQL's CONCURRENTLY ones (postgresql_concurrently=True), which run
// outside a transaction: Alembic needs autocommit_block for them, and the
// revision becomes a no-transaction one.
func (tr *translator) concurrently(from int) {
	for i := from; i < len(tr.out); i++ {
		for _, verb := range []string{"CREATE INDEX ", "CREATE UNIQUE INDEX ", "DROP INDEX "} {
			if j := strings.Index(tr.out[i], verb); j >= 0 {
				tr.out[i] = tr.out[i][:j] + verb + "CONCURRENTLY " + tr.out[i][j+len(verb):]
				break
			}
		}
	}
	tr.noTx = true
}

func (tr *translator) dropIndex(n, table string) error {
	if table == "" {
		for _, tn := range tr.st.tableNames() {
			for _, x := range tr.st.table(tn).Indexes {
				if x.Name == n {
					table = tn
				}
			}
		}
	}
	if table == "" {
		// Alembic drops it by name alone; so does the statement.
		tr.raw("DROP INDEX "+tr.d.QuoteIdent(n), "", "")
		return nil
	}
	return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		var keep []*schema.Index
		x := &schema.Index{Name: n}
		for _, i := range tb.Indexes {
			if i.Name == n {
				x = i
				continue
			}
			keep = append(keep, i)
		}
		tb.Indexes = keep
		return []schema.TableChange{&schema.DropIndex{Index: x}}, nil
	})
}

func (tr *translator) createForeignKey(a callArgs, batch string) error {
	n, err := a.optName(0, "constraint_name")
	if err != nil {
		return err
	}
	i := 1
	table := batch
	if batch == "" {
		if table, err = a.str(1, "source_table"); err != nil {
			return err
		}
		i = 2
	}
	ref, err := a.str(i, "referent_table")
	if err != nil {
		return err
	}
	local, err := a.names(i+1, "local_cols")
	if err != nil {
		return err
	}
	remote, err := a.names(i+2, "remote_cols")
	if err != nil {
		return err
	}
	fk := &schema.ForeignKey{Name: n, Columns: local, RefTable: ref, RefColumns: remote}
	if err := fkOptions(fk, a.kw); err != nil {
		return err
	}
	tr.noteNamed(table, n)
	return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		tb.ForeignKeys = append(tb.ForeignKeys, fk)
		return []schema.TableChange{&schema.AddForeignKey{ForeignKey: fk}}, nil
	})
}

func fkOptions(fk *schema.ForeignKey, kw map[string]expr) error {
	for k, v := range kw {
		switch k {
		case "ondelete", "onupdate":
			if isNone(v) {
				continue
			}
			s, err := name(v)
			if err != nil {
				return err
			}
			if k == "ondelete" {
				fk.OnDelete = strings.ToUpper(s)
			} else {
				fk.OnUpdate = strings.ToUpper(s)
			}
		case "deferrable":
			fk.Deferrable = isTrue(v)
		case "initially":
			s, err := name(v)
			if err != nil {
				return err
			}
			fk.InitiallyDeferred = strings.EqualFold(s, "DEFERRED")
		case "match":
			s, err := name(v)
			if err != nil {
				return err
			}
			fk.Match = strings.ToUpper(s)
		case "name", "constraint_name", "source_table", "referent_table", "local_cols", "remote_cols", "source_schema", "referent_schema", "use_alter":
			if (k == "source_schema" || k == "referent_schema") && !isNone(v) {
				return fmt.Errorf("a foreign key across schemas (%s=…), which the importer does not translate", k)
			}
		default:
			return fmt.Errorf("a foreign key with %s=…, which the importer does not translate", k)
		}
	}
	return nil
}

func (tr *translator) dropConstraint(table, n, kind string) error {
	tr.dropNamed(table, n)
	return tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		if kind == "" || kind == "foreignkey" {
			for i, fk := range tb.ForeignKeys {
				if fk.Name == n {
					tb.ForeignKeys = append(tb.ForeignKeys[:i:i], tb.ForeignKeys[i+1:]...)
					return []schema.TableChange{&schema.DropForeignKey{ForeignKey: fk}}, nil
				}
			}
		}
		if kind == "" || kind == "unique" {
			for i, u := range tb.Uniques {
				if u.Name == n {
					tb.Uniques = append(tb.Uniques[:i:i], tb.Uniques[i+1:]...)
					return []schema.TableChange{&schema.DropUnique{Unique: u}}, nil
				}
			}
		}
		if kind == "" || kind == "check" {
			for i, c := range tb.Checks {
				if c.Name == n {
					tb.Checks = append(tb.Checks[:i:i], tb.Checks[i+1:]...)
					return []schema.TableChange{&schema.DropCheck{Check: c}}, nil
				}
			}
		}
		if kind == "" || kind == "primary" {
			if pk := tb.PrimaryKey; pk != nil && (pk.Name == n || kind == "primary") {
				tb.PrimaryKey = nil
				return []schema.TableChange{&schema.DropPrimaryKey{PrimaryKey: pk}}, nil
			}
		}
		// Not created by the imported history: drop it by name.
		switch kind {
		case "foreignkey":
			return []schema.TableChange{&schema.DropForeignKey{ForeignKey: &schema.ForeignKey{Name: n}}}, nil
		case "unique":
			return []schema.TableChange{&schema.DropUnique{Unique: &schema.Unique{Name: n}}}, nil
		case "check":
			return []schema.TableChange{&schema.DropCheck{Check: &schema.Check{Name: n}}}, nil
		case "primary":
			return []schema.TableChange{&schema.DropPrimaryKey{PrimaryKey: &schema.PrimaryKey{Name: n}}}, nil
		}
		return nil, fmt.Errorf("drop_constraint of %s, a constraint the imported history did not create, without type_=", n)
	})
}
