package alembic

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// colType is a column's type on the target, with what the type brings.
type colType struct {
	sql    string
	st     *saType
	enum   *schema.Enum    // a PostgreSQL enum type to create with the table
	check  *schema.Check   // the CHECK a non-native Enum or Boolean makes (create_constraint=True)
	checks []*schema.Check // check, when set, as a list
}

// colSpec is a sa.Column(…) read.
type colSpec struct {
	col        *schema.Column
	typ        *colType
	pk, unique bool
	index      bool
	fks        []*schema.ForeignKey
	checks     []*schema.Check
	autoinc    string          // "auto", "true", "false"
	identity   bool            // sa.Identity(…)
	colChecks  []*schema.Check // sa.CheckConstraint(…) among the column's arguments (the column's, unless Column is "")
	hasDefault bool
}

func (tr *translator) columnType(e expr, col, table string) (*colType, error) {
	st, err := readType(e, tr.fl)
	if err != nil {
		return nil, err
	}
	sql, err := st.sql(tr.fl, tr.d.QuoteIdent)
	if err != nil {
		return nil, err
	}
	ct := &colType{sql: sql, st: st}
	switch st.name {
	case "Enum", "ENUM":
		if tr.fl.enum == enumType {
			ct.enum = &schema.Enum{Name: st.enumName, Values: st.values}
		} else if tr.fl.enum == enumString && st.constraint {
			q := make([]string, len(st.values))
			for i, v := range st.values {
				q[i] = sqlString(v)
			}
			ct.check = &schema.Check{Name: st.enumName, Expr: quoteText(col) + " IN (" + strings.Join(q, ", ") + ")"}
		}
	case "Boolean":
		if !tr.fl.nativeBoolean && st.boolKw("create_constraint") {
			n := ""
			if v, ok := st.kw["name"]; ok {
				if n, err = name(v); err != nil {
					return nil, err
				}
			}
			ct.check = &schema.Check{Name: n, Expr: quoteText(col) + " IN (0, 1)"}
		}
	}
	if ct.check != nil {
		ct.checks = []*schema.Check{ct.check}
	}
	return ct, nil
}

// readColumn reads sa.Column("name", type, *items, **kw).
func (tr *translator) readColumn(e expr, table string) (*colSpec, error) {
	c, ok := e.(*eCall)
	if !ok || !strings.HasSuffix(dotted(c.Fn), "Column") {
		return nil, fmt.Errorf("a column that is not sa.Column(…)")
	}
	a := argsOf(c)
	if a.star {
		return nil, fmt.Errorf("sa.Column with *args (Python logic)")
	}
	n, err := a.str(0, "name")
	if err != nil {
		return nil, fmt.Errorf("sa.Column: %w", err)
	}
	rest := a.pos
	if len(rest) > 0 {
		rest = rest[1:]
	}
	var typeExpr expr
	if v, ok := a.kw["type_"]; ok {
		typeExpr = v
	} else if len(rest) > 0 {
		if call, ok := rest[0].(*eCall); !ok || !strings.HasSuffix(dotted(call.Fn), "ForeignKey") {
			typeExpr = rest[0]
			rest = rest[1:]
		}
	}
	cs := &colSpec{col: &schema.Column{Name: n, Nullable: true}, autoinc: "auto"}
	defer func() {
		// An identity column is NOT NULL, as SQLAlchemy writes it.
		if cs.col.Identity != nil {
			cs.col.Nullable = false
		}
	}()
	for _, it := range rest {
		call, ok := it.(*eCall)
		if ok && strings.HasSuffix(dotted(call.Fn), "CheckConstraint") {
			// A column's own CHECK: written after the column, as
			// SQLAlchemy does.
			ca := argsOf(call)
			expr, err := sqlText(ca.get(0, "sqltext"))
			if err != nil {
				return nil, fmt.Errorf("column %s: %w", n, err)
			}
			cn, err := ca.optName(-1, "name")
			if err != nil {
				return nil, err
			}
			ch := &schema.Check{Name: cn, Expr: expr, Column: n}
			if cn != "" && !tr.fl.namedColumnChecks {
				// The column definition cannot name it (SQLAlchemy's
				// CONSTRAINT name CHECK there is MariaDB's syntax
				// error): the table's, under its name.
				ch.Column = ""
			}
			cs.colChecks = append(cs.colChecks, ch)
			continue
		}
		if ok && strings.HasSuffix(dotted(call.Fn), "Identity") {
			if err := tr.identity(cs, argsOf(call)); err != nil {
				return nil, fmt.Errorf("column %s: %w", n, err)
			}
			continue
		}
		if !ok || !strings.HasSuffix(dotted(call.Fn), "ForeignKey") {
			return nil, fmt.Errorf("column %s: an argument that is not a ForeignKey or Identity (Computed and Sequence are not translated)", n)
		}
		fa := argsOf(call)
		target, err := fa.str(0, "column")
		if err != nil {
			return nil, err
		}
		i := strings.LastIndexByte(target, '.')
		if i < 0 {
			return nil, fmt.Errorf("column %s: ForeignKey(%q) does not name table.column", n, target)
		}
		fk := &schema.ForeignKey{Columns: []string{n}, RefTable: target[:i], RefColumns: []string{target[i+1:]}}
		if fk.Name, err = fa.optName(-1, "name"); err != nil {
			return nil, err
		}
		if err := fkOptions(fk, fa.kw); err != nil {
			return nil, err
		}
		cs.fks = append(cs.fks, fk)
	}
	if typeExpr == nil {
		if len(cs.fks) == 0 {
			return nil, fmt.Errorf("column %s has no type", n)
		}
		return nil, fmt.Errorf("column %s takes its type from its ForeignKey, which the importer does not look up", n)
	}
	if cs.typ, err = tr.columnType(typeExpr, n, table); err != nil {
		return nil, fmt.Errorf("column %s: %w", n, err)
	}
	cs.col.Type = schema.Type{SQL: cs.typ.sql}
	cs.checks = cs.typ.checks
	nullableSet := false
	for k, v := range a.kw {
		switch k {
		case "name", "type_":
		case "primary_key":
			cs.pk = isTrue(v)
		case "nullable":
			cs.col.Nullable = !isFalse(v)
			nullableSet = true
		case "unique":
			cs.unique = isTrue(v)
		case "index":
			cs.index = isTrue(v)
		case "server_default":
			if isNone(v) {
				continue
			}
			d, err := tr.serverDefault(v, cs.col.Type.SQL)
			if err != nil {
				return nil, fmt.Errorf("column %s: %w", n, err)
			}
			cs.col.Default = d
			cs.hasDefault = true
		case "comment":
			if isNone(v) {
				continue
			}
			s, err := name(v)
			if err != nil {
				return nil, err
			}
			if tr.fl.comments {
				cs.col.Comment = s
			}
		case "autoincrement":
			switch {
			case isTrue(v):
				cs.autoinc = "true"
			case isFalse(v):
				cs.autoinc = "false"
			}
		case "default", "onupdate", "doc", "info", "key", "quote", "system", "sort_order", "insert_default":
			// Python-side values and metadata: nothing in the database.
		default:
			return nil, fmt.Errorf("column %s with %s=…, which the importer does not translate", n, k)
		}
	}
	if cs.pk && !nullableSet {
		cs.col.Nullable = false
	}
	return cs, nil
}

// serverDefault is server_default=… as the target's DDL writes it.
func (tr *translator) serverDefault(e expr, typ string) (string, error) {
	switch v := e.(type) {
	case *eStr:
		if v.F {
			return "", fmt.Errorf("a server_default f-string (Python logic)")
		}
		return sqlString(v.Value), nil
	case *eCall:
		d := dotted(v.Fn)
		if txt, err := sqlText(v); err == nil {
			if tr.fl.parenDefaults {
				return reflectedDefault(txt), nil
			}
			return txt, nil
		}
		last := d[strings.LastIndexByte(d, '.')+1:]
		if (last == "true" || last == "false") && len(v.Args) == 0 {
			return tr.fl.boolLiteral(last == "true"), nil
		}
		if i := strings.Index(d, "func."); i >= 0 && (i == 0 || d[i-1] == '.') {
			fn := d[i+len("func."):]
			var args []string
			for _, a := range v.Args {
				l, err := tr.literal(a)
				if err != nil {
					return "", fmt.Errorf("a server_default function with an argument that is not a literal")
				}
				args = append(args, l)
			}
			if len(v.Kw) > 0 {
				return "", fmt.Errorf("a server_default function with keyword arguments")
			}
			return tr.exprDefault(tr.function(fn, args)), nil
		}
	}
	return "", fmt.Errorf("a server_default that is not a string, sa.text(…), sa.func.…() or sa.true()/sa.false()")
}

// exprDefault wraps an SQL expression default as SQLite's compiler does.
func (tr *translator) exprDefault(s string) string {
	if tr.fl.parenDefaults {
		return "(" + s + ")"
	}
	return s
}

// function is sa.func.<fn>(args) compiled: the ANSI functions without
// parentheses, now() as SQLite spells it.
func (tr *translator) function(fn string, args []string) string {
	switch strings.ToLower(fn) {
	case "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp", "current_user", "session_user", "user":
		if len(args) == 0 {
			return strings.ToUpper(fn)
		}
	case "now":
		if tr.fl.nowAs != "" && len(args) == 0 {
			return tr.fl.nowAs
		}
	}
	return fn + "(" + strings.Join(args, ", ") + ")"
}

// createTable is op.create_table(name, *columns_and_constraints, **kw).
func (tr *translator) createTable(a callArgs) error {
	tname, err := a.str(0, "table_name")
	if err != nil {
		return err
	}
	t := &schema.Table{Name: tname}
	var explicit, derived []string // SQLite constraint lines in SQLAlchemy's creation order
	var explicitNames, derivedNames []string
	var enums []*schema.Enum
	var pkCols []string
	var specs []*colSpec
	for k, v := range a.kw {
		switch {
		case k == "comment":
			if isNone(v) {
				continue
			}
			s, err := name(v)
			if err != nil {
				return err
			}
			if tr.fl.comments {
				t.Comment = s
			}
		case k == "schema" || k == "info" || k == "keep_existing" || k == "extend_existing":
		case strings.HasPrefix(k, "mysql_") || strings.HasPrefix(k, "mariadb_"):
			// The target's own table options: the ones that change
			// nothing retort compares are taken, the others refused.
			// Another database's are ignored, as SQLAlchemy does.
			if tr.fl.owns(k) && !tr.fl.tableOptions[k] {
				return fmt.Errorf("create_table with %s=…, which the importer does not translate", k)
			}
		default:
			return fmt.Errorf("create_table with %s=…, which the importer does not translate", k)
		}
	}
	for _, it := range a.pos[1:] {
		call, ok := it.(*eCall)
		if !ok {
			return fmt.Errorf("create_table: an item that is not a Column or constraint (Python logic)")
		}
		kind := dotted(call.Fn)
		kind = kind[strings.LastIndexByte(kind, '.')+1:]
		ca := argsOf(call)
		if ca.star {
			return fmt.Errorf("create_table: %s with *args (Python logic)", kind)
		}
		cname, err := ca.optName(-1, "name")
		if err != nil {
			return err
		}
		switch kind {
		case "Column":
			cs, err := tr.readColumn(call, tname)
			if err != nil {
				return err
			}
			specs = append(specs, cs)
			t.Columns = append(t.Columns, cs.col)
			if cs.pk {
				pkCols = append(pkCols, cs.col.Name)
			}
			if cs.typ.enum != nil && cs.typ.st.createType {
				enums = append(enums, cs.typ.enum)
			}
			if cs.unique && !cs.index {
				u := &schema.Unique{Columns: []string{cs.col.Name}}
				t.Uniques = append(t.Uniques, u)
				derived = append(derived, sqliteUnique(u))
				derivedNames = append(derivedNames, u.Name)
			}
			for _, ch := range cs.checks {
				t.Checks = append(t.Checks, ch)
				derived = append(derived, sqliteCheck(ch))
				derivedNames = append(derivedNames, ch.Name)
			}
			t.Checks = append(t.Checks, cs.colChecks...)
			for _, fk := range cs.fks {
				t.ForeignKeys = append(t.ForeignKeys, fk)
				derived = append(derived, sqliteFK(fk))
				derivedNames = append(derivedNames, fk.Name)
			}
			if cs.index {
				t.Indexes = append(t.Indexes, &schema.Index{Name: "ix_" + tname + "_" + cs.col.Name, Unique: cs.unique,
					Parts: []schema.IndexPart{{Column: cs.col.Name}}})
			}
		case "PrimaryKeyConstraint":
			cols, err := strArgs(ca.pos)
			if err != nil {
				return err
			}
			t.PrimaryKey = &schema.PrimaryKey{Name: cname, Columns: cols}
		case "UniqueConstraint":
			cols, err := strArgs(ca.pos)
			if err != nil {
				return err
			}
			u := &schema.Unique{Name: cname, Columns: cols}
			if ca.boolKw("deferrable") {
				u.Deferrable = true
			}
			t.Uniques = append(t.Uniques, u)
			explicit = append(explicit, sqliteUnique(u))
			explicitNames = append(explicitNames, u.Name)
		case "CheckConstraint":
			expr, err := sqlText(ca.get(0, "sqltext"))
			if err != nil {
				return err
			}
			ch := &schema.Check{Name: cname, Expr: expr}
			t.Checks = append(t.Checks, ch)
			explicit = append(explicit, sqliteCheck(ch))
			explicitNames = append(explicitNames, ch.Name)
		case "ForeignKeyConstraint":
			cols, err := ca.names(0, "columns")
			if err != nil {
				return err
			}
			refs, err := ca.names(1, "refcolumns")
			if err != nil {
				return err
			}
			fk := &schema.ForeignKey{Name: cname, Columns: cols}
			for _, r := range refs {
				i := strings.LastIndexByte(r, '.')
				if i < 0 {
					return fmt.Errorf("ForeignKeyConstraint: %q does not name table.column", r)
				}
				fk.RefTable = r[:i]
				fk.RefColumns = append(fk.RefColumns, r[i+1:])
			}
			kw := map[string]expr{}
			for k, v := range ca.kw {
				if k != "name" {
					kw[k] = v
				}
			}
			if err := fkOptions(fk, kw); err != nil {
				return err
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
			explicit = append(explicit, sqliteFK(fk))
			explicitNames = append(explicitNames, fk.Name)
		case "Index":
			xn, err := ca.str(0, "name")
			if err != nil {
				return err
			}
			x := &schema.Index{Name: xn, Unique: ca.boolKw("unique")}
			for _, p := range ca.pos[1:] {
				if s, err := name(p); err == nil {
					x.Parts = append(x.Parts, schema.IndexPart{Column: s})
				} else if e, err := sqlText(p); err == nil {
					x.Parts = append(x.Parts, schema.IndexPart{Expr: e})
				} else {
					return fmt.Errorf("index %s: a key that is not a column name or sa.text(…)", xn)
				}
			}
			if w, ok := ca.kw[tr.fl.kwPrefix+"where"]; ok {
				if x.Where, err = sqlText(w); err != nil {
					return err
				}
			}
			t.Indexes = append(t.Indexes, x)
		default:
			return fmt.Errorf("create_table: %s, which the importer does not translate", kind)
		}
	}
	if t.PrimaryKey == nil && len(pkCols) > 0 {
		t.PrimaryKey = &schema.PrimaryKey{Columns: pkCols}
	}
	if pk := t.PrimaryKey; pk != nil {
		for _, c := range pk.Columns {
			if col := t.Column(c); col != nil {
				col.Nullable = false
			}
		}
		if len(pk.Columns) == 1 {
			for _, cs := range specs {
				if cs.col.Name == pk.Columns[0] {
					tr.autoIncrement(cs)
				}
			}
		}
	}
	var changes []schema.Change
	for _, e := range enums {
		if cur := tr.st.enum(e.Name); cur.e != nil {
			continue
		}
		changes = append(changes, &schema.AddEnum{Enum: e})
		tr.setEnum(e.Name, e)
	}
	if tr.text != nil {
		t.SQL = sqliteTable(t, append(explicit, derived...))
		t.Def = tr.text.TableDefinition(t.SQL)
	}
	changes = append(changes, &schema.AddTable{Table: t})
	if err := tr.emit(changes...); err != nil {
		return err
	}
	tr.setTable(tname, serialsResolved(t))
	tr.st.named[tname] = namedEntry{stamp: tr.next()}
	tr.noteNamed(tname, append(explicitNames, derivedNames...)...)
	return nil
}

// autoIncrement applies SQLAlchemy's autoincrement rule to the single
// primary key column: an integer column without a foreign key (unless
// autoincrement=True) or a server default becomes SERIAL on PostgreSQL
// and AUTO_INCREMENT on MySQL; SQLite's INTEGER PRIMARY KEY is a rowid
// already.
func (tr *translator) autoIncrement(cs *colSpec) {
	if cs.autoinc == "false" || !cs.typ.st.isInteger() || cs.hasDefault || cs.col.Identity != nil {
		return
	}
	if len(cs.fks) > 0 && cs.autoinc != "true" {
		return
	}
	if s, ok := tr.fl.serials[cs.col.Type.SQL]; ok {
		cs.col.Type.SQL = s
	}
	if tr.fl.autoIncrement {
		cs.col.AutoIncrement = true
	}
}

func strArgs(es []expr) ([]string, error) {
	var out []string
	for _, e := range es {
		s, err := name(e)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// identity reads sa.Identity(always=…, start=…, increment=…): an identity
// column on PostgreSQL; elsewhere SQLAlchemy renders none, and the column
// is an autoincrement key as any other.
func (tr *translator) identity(cs *colSpec, a callArgs) error {
	for k, v := range a.kw {
		switch k {
		case "always", "on_null":
		case "start", "increment", "minvalue", "cache":
			if n, ok := v.(*eNum); !ok || n.Text != "1" {
				return fmt.Errorf("an Identity with %s other than 1, which the importer does not translate", k)
			}
		default:
			return fmt.Errorf("an Identity with %s=…, which the importer does not translate", k)
		}
	}
	cs.identity = true
	if tr.fl.identity {
		cs.col.Identity = &schema.Identity{Always: a.boolKw("always")}
	}
	return nil
}

// serialsResolved is t as the database holds it after CREATE TABLE with
// SERIAL columns: an integer type whose default takes the next value of
// the table_column_seq sequence. A later change of the column starts from
// that, as PostgreSQL does.
func serialsResolved(t *schema.Table) *schema.Table {
	var out *schema.Table
	for i, c := range t.Columns {
		base, ok := map[string]string{"SERIAL": "INTEGER", "BIGSERIAL": "BIGINT", "SMALLSERIAL": "SMALLINT"}[c.Type.SQL]
		if !ok {
			continue
		}
		if out == nil {
			out = t.Clone()
		}
		col := out.Columns[i]
		col.Type = schema.Type{SQL: base}
		col.Default = "nextval('" + strings.ReplaceAll(t.Name+"_"+c.Name+"_seq", "'", "''") + "'::regclass)"
	}
	if out == nil {
		return t
	}
	return out
}
