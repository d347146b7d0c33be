package alembic

import (
	"fmt"
	"strings"
)

// bulkInsert is op.bulk_insert(sa.table(…), [ {…}, … ]) of literal rows.
func (tr *translator) bulkInsert(a callArgs) error {
	tbl, ok := a.get(0, "table").(*eCall)
	if !ok || !strings.HasSuffix(dotted(tbl.Fn), "table") || len(tbl.Args) == 0 {
		return fmt.Errorf("bulk_insert into something other than sa.table(\"name\", sa.column(…), …)")
	}
	tname, err := name(tbl.Args[0])
	if err != nil {
		return err
	}
	var cols []string
	for _, c := range tbl.Args[1:] {
		cc, ok := c.(*eCall)
		if !ok || len(cc.Args) == 0 {
			return fmt.Errorf("bulk_insert with a table column that is not sa.column(\"name\", …)")
		}
		n, err := name(cc.Args[0])
		if err != nil {
			return err
		}
		cols = append(cols, n)
	}
	rows, ok := a.get(1, "rows").(*eList)
	if !ok {
		return fmt.Errorf("bulk_insert rows that are not a literal list (Python logic)")
	}
	for _, r := range rows.Items {
		d, ok := r.(*eDict)
		if !ok {
			return fmt.Errorf("a bulk_insert row that is not a literal dict")
		}
		vals := map[string]string{}
		for i, k := range d.Keys {
			ks, err := name(k)
			if err != nil {
				return err
			}
			v, err := tr.literal(d.Values[i])
			if err != nil {
				return fmt.Errorf("bulk_insert value of %s: %w", ks, err)
			}
			vals[ks] = v
		}
		var names, values []string
		for _, c := range cols {
			if v, ok := vals[c]; ok {
				names = append(names, tr.d.QuoteIdent(c))
				values = append(values, v)
			}
		}
		if len(names) != len(vals) {
			return fmt.Errorf("a bulk_insert row with a key that is not a column of its sa.table")
		}
		tr.raw(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", tr.d.QuoteIdent(tname), strings.Join(names, ", "), strings.Join(values, ", ")), "", "")
	}
	return nil
}

// literal is a Python literal as SQL.
func (tr *translator) literal(e expr) (string, error) {
	switch v := e.(type) {
	case *eStr:
		if v.F || v.B {
			return "", fmt.Errorf("an f-string or bytes value (Python logic)")
		}
		return sqlString(v.Value), nil
	case *eNum:
		if strings.ContainsAny(v.Text, "jJxXoObB_") {
			return "", fmt.Errorf("the number %s", v.Text)
		}
		return v.Text, nil
	case *eConst:
		switch v.Name {
		case "None":
			return "NULL", nil
		case "True", "False":
			return tr.fl.boolLiteral(v.Name == "True"), nil
		}
	case *eUnary:
		if n, ok := v.X.(*eNum); ok && v.Op == "-" {
			return "-" + n.Text, nil
		}
	}
	return "", fmt.Errorf("a value that is not a literal (Python logic)")
}
