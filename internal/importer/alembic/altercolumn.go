package alembic

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// alterColumn is op.alter_column: nullable, server_default, type, comment
// and a new name, in Alembic's order (the rename last).
func (tr *translator) alterColumn(table, col string, a callArgs) error {
	for k := range a.kw {
		switch k {
		case "nullable", "server_default", "new_column_name", "type_", "existing_type", "existing_server_default",
			"existing_nullable", "comment", "existing_comment", "autoincrement", "existing_autoincrement", "schema":
		case "postgresql_using":
		default:
			return fmt.Errorf("alter_column with %s=…, which the importer does not translate", k)
		}
	}
	newName := ""
	if v, ok := a.kw["new_column_name"]; ok && !isNone(v) {
		n, err := name(v)
		if err != nil {
			return err
		}
		newName = n
	}
	err := tr.modify(table, func(tb *schema.Table) ([]schema.TableChange, error) {
		cur := tb.Column(col)
		if cur == nil {
			// A column the history did not create: existing_* says what it is.
			cur = &schema.Column{Name: col, Nullable: true}
			if v, ok := a.kw["existing_type"]; ok {
				ty, err := tr.columnType(v, col, table)
				if err != nil {
					return nil, err
				}
				cur.Type = schema.Type{SQL: ty.sql}
			}
			if v, ok := a.kw["existing_nullable"]; ok {
				cur.Nullable = !isFalse(v)
			}
			if v, ok := a.kw["existing_server_default"]; ok && !isNone(v) && !isFalse(v) {
				d, err := tr.serverDefault(v, cur.Type.SQL)
				if err != nil {
					return nil, err
				}
				cur.Default = d
			}
			tb.Columns = append(tb.Columns, cur)
		}
		from := *cur
		var change schema.ColumnChange
		if v, ok := a.kw["nullable"]; ok && !isNone(v) {
			n := !isFalse(v)
			if n != cur.Nullable {
				cur.Nullable = n
				change |= schema.ChangeNull
			}
		}
		if v, ok := a.kw["server_default"]; ok && !isFalse(v) {
			d := ""
			if !isNone(v) {
				var err error
				if d, err = tr.serverDefault(v, cur.Type.SQL); err != nil {
					return nil, err
				}
			}
			if d != cur.Default {
				cur.Default = d
				change |= schema.ChangeDefault
			}
		}
		if v, ok := a.kw["type_"]; ok && !isNone(v) {
			ty, err := tr.columnType(v, col, table)
			if err != nil {
				return nil, err
			}
			if len(ty.checks) > 0 || ty.enum != nil {
				return nil, fmt.Errorf("alter_column to an Enum or constraint-making type, which the importer does not translate")
			}
			if ty.sql != cur.Type.SQL {
				cur.Type = schema.Type{SQL: ty.sql}
				change |= schema.ChangeType
			}
		}
		if v, ok := a.kw["comment"]; ok && !isFalse(v) && tr.fl.comments {
			c := ""
			if !isNone(v) {
				var err error
				if c, err = name(v); err != nil {
					return nil, err
				}
			}
			if c != cur.Comment {
				cur.Comment = c
				change |= schema.ChangeComment
			}
		}
		var dropped []schema.TableChange
		if tr.fl.wholeColumnAlter {
			c, err := tr.wholeColumn(a, cur, newName != "")
			if err != nil {
				return nil, err
			}
			change |= c
			if writesWholeColumn(a, newName != "") {
				// Alembic's MODIFY/CHANGE writes the column without its
				// own CHECK, which MariaDB then drops. Where the import
				// writes no MODIFY (a rename alone is RENAME COLUMN, a
				// column left as it was nothing), the check is dropped
				// with one.
				var keep []*schema.Check
				for _, ch := range tb.Checks {
					if ch.Column != col {
						keep = append(keep, ch)
					} else if change == 0 {
						dropped = append(dropped, &schema.DropCheck{Check: ch})
					}
				}
				tb.Checks = keep
			}
		}
		if change == 0 {
			return dropped, nil
		}
		to := *cur
		return []schema.TableChange{&schema.ModifyColumn{From: &from, To: &to, Change: change}}, nil
	})
	if err != nil || newName == "" || newName == col {
		return err
	}
	return tr.renameColumn(table, col, newName)
}

func isFalse(e expr) bool {
	c, ok := e.(*eConst)
	return ok && c.Name == "False"
}

// renameColumn renames in place (in a SQLite batch too: the rename runs
// before the batch's rebuild, so the copy finds the column by its name).
func (tr *translator) renameColumn(table, from, to string) error {
	if err := tr.emit(&schema.RenameColumn{Table: table, From: from, To: to}); err != nil {
		return err
	}
	rename := func(t *schema.Table) {
		if t == nil {
			return
		}
		if c := t.Column(from); c != nil {
			c.Name = to
		}
		renameIn := func(cols []string) {
			for i, c := range cols {
				if c == from {
					cols[i] = to
				}
			}
		}
		if t.PrimaryKey != nil {
			renameIn(t.PrimaryKey.Columns)
		}
		for _, u := range t.Uniques {
			renameIn(u.Columns)
		}
		for _, fk := range t.ForeignKeys {
			renameIn(fk.Columns)
			if fk.RefTable == table {
				renameIn(fk.RefColumns) // the table's own
			}
		}
		tr.renameColumnDefs(t, from, to)
		for _, ch := range t.Checks {
			if ch.Column == from {
				ch.Column = to
			}
		}
		for _, x := range t.Indexes {
			for i := range x.Parts {
				if x.Parts[i].Column == from {
					x.Parts[i].Column = to
				}
			}
		}
	}
	tr.renameReferences(table, "", from, to)
	if b := tr.batch; b != nil && b.table == table {
		rename(b.from)
		rename(b.to)
		return nil
	}
	if t := tr.st.table(table); t != nil {
		t = t.Clone()
		rename(t)
		if tr.text != nil && t.SQL != "" {
			t.SQL = sqliteRecreated(t, t, tr.namedOf(table))
			t.Def = tr.text.TableDefinition(t.SQL)
		}
		tr.setTable(table, t)
	}
	return nil
}

// writesWholeColumn reports whether Alembic's MySQL alter_column writes
// the whole column: a rename (CHANGE) or a change of type, nullability,
// autoincrement or comment (MODIFY).
func writesWholeColumn(a callArgs, rename bool) bool {
	_, nullable := a.kw["nullable"]
	_, typ := a.kw["type_"]
	_, ai := a.kw["autoincrement"]
	comment, ok := a.kw["comment"]
	return rename || nullable || typ || ai || ok && !isFalse(comment)
}

// wholeColumn applies Alembic's MySQL rule: a rename (CHANGE) or a
// change of type, nullability, autoincrement or comment (MODIFY) writes
// the whole column, so what the call does not give is what its
// existing_* arguments say: NULL allowed, no default, no AUTO_INCREMENT
// and no comment when they say nothing.
func (tr *translator) wholeColumn(a callArgs, cur *schema.Column, rename bool) (schema.ColumnChange, error) {
	given := func(k string) (expr, bool) {
		v, ok := a.kw[k]
		return v, ok && !isFalse(v)
	}
	if !writesWholeColumn(a, rename) {
		return 0, nil
	}
	_, typ := a.kw["type_"]
	_, comment := given("comment")
	if _, ok := a.kw["existing_type"]; !ok && !typ {
		return 0, fmt.Errorf("alter_column on %s without existing_type (Alembic requires it)", tr.fl.title)
	}
	var change schema.ColumnChange
	if v, ok := a.kw["nullable"]; !ok || isNone(v) {
		n := true
		if e, ok := a.kw["existing_nullable"]; ok && !isNone(e) {
			n = !isFalse(e)
		}
		if n != cur.Nullable {
			cur.Nullable = n
			change |= schema.ChangeNull
		}
	}
	if _, ok := given("server_default"); !ok {
		d := ""
		if e, ok := given("existing_server_default"); ok && !isNone(e) {
			var err error
			if d, err = tr.serverDefault(e, cur.Type.SQL); err != nil {
				return 0, err
			}
		}
		if d != cur.Default {
			cur.Default = d
			change |= schema.ChangeDefault
		}
	}
	if autoinc := a.boolKw("autoincrement") || a.boolKw("existing_autoincrement"); autoinc != cur.AutoIncrement {
		cur.AutoIncrement = autoinc
		change |= schema.ChangeAutoIncrement
	}
	if !comment {
		c := ""
		if e, ok := given("existing_comment"); ok && !isNone(e) {
			var err error
			if c, err = name(e); err != nil {
				return 0, err
			}
		}
		if c != cur.Comment {
			cur.Comment = c
			change |= schema.ChangeComment
		}
	}
	return change, nil
}
