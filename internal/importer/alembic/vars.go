package alembic

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// valueRoots are the names whose calls build values without doing
// anything: SQLAlchemy's types, columns and constructs, Alembic's op.f and
// op.get_bind (the connection, used only as an argument).
var valueRoots = map[string]bool{"sa": true, "sqlalchemy": true, "postgresql": true, "mysql": true, "sqlite": true,
	"pg": true, "sqlmodel": true, "types": true}

// pure reports whether evaluating e does nothing but build a value.
func pure(e expr, depth int) bool {
	if depth > 20 {
		return false
	}
	switch v := e.(type) {
	case *eStr:
		return !v.F
	case *eNum, *eConst, *eName:
		return true
	case *eUnary:
		return pure(v.X, depth+1)
	case *eAttr:
		return dotted(v) != ""
	case *eList:
		for _, it := range v.Items {
			if !pure(it, depth+1) {
				return false
			}
		}
		return true
	case *eDict:
		for i := range v.Keys {
			if !pure(v.Keys[i], depth+1) || !pure(v.Values[i], depth+1) {
				return false
			}
		}
		return true
	case *eCall:
		d := dotted(v.Fn)
		root, _, _ := strings.Cut(d, ".")
		last := d[strings.LastIndexByte(d, '.')+1:]
		ok := d == "op.f" || d == "op.get_bind" || valueRoots[root] ||
			last == "Column" || last == "Enum" || last == "ENUM" || last == "table" || last == "column" || last == "text"
		if !ok || v.Star {
			return false
		}
		for _, a := range v.Args {
			if !pure(a, depth+1) {
				return false
			}
		}
		for _, k := range v.Kw {
			if !pure(k.Value, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// bind records name = e when e only builds a value; false otherwise. An
// attribute set on a bound call (my_enum.create_type = False) becomes
// that keyword argument of the call.
func (tr *translator) bind(name string, e expr) bool {
	if !pure(e, 0) {
		return false
	}
	if v, attr, ok := strings.Cut(name, "."); ok {
		call, isCall := tr.vars[v].(*eCall)
		if !isCall || strings.Contains(attr, ".") {
			return false
		}
		c := *call
		c.Kw = append([]kwarg{}, call.Kw...)
		for i, k := range c.Kw {
			if k.Name == attr {
				c.Kw = append(c.Kw[:i:i], c.Kw[i+1:]...)
				break
			}
		}
		c.Kw = append(c.Kw, kwarg{Name: attr, Value: e})
		tr.vars[v] = &c
		return true
	}
	if tr.vars == nil {
		tr.vars = map[string]expr{}
	}
	tr.vars[name] = tr.resolve(e, 0)
	return true
}

// resolveBudget bounds the nodes resolve copies for one translator: a
// module whose constants name each other over and over must not make a
// translation take exponential time.
const resolveBudget = 200000

// resolve replaces the names bound in vars by their values, in a copy.
func (tr *translator) resolve(e expr, depth int) expr {
	if depth > 20 || e == nil || tr.resolved > resolveBudget {
		return e
	}
	tr.resolved++
	switch v := e.(type) {
	case *eName:
		if x, ok := tr.vars[v.Name]; ok {
			return x
		}
		if x, ok := tr.mod.consts[v.Name]; ok {
			return tr.resolve(x, depth+1)
		}
	case *eAttr:
		c := *v
		c.X = tr.resolve(v.X, depth+1)
		return &c
	case *eCall:
		c := *v
		c.Fn = tr.resolve(v.Fn, depth+1)
		c.Args = make([]expr, len(v.Args))
		for i, a := range v.Args {
			c.Args[i] = tr.resolve(a, depth+1)
		}
		c.Kw = make([]kwarg, len(v.Kw))
		for i, k := range v.Kw {
			c.Kw[i] = kwarg{Name: k.Name, Value: tr.resolve(k.Value, depth+1)}
		}
		return &c
	case *eList:
		c := *v
		c.Items = make([]expr, len(v.Items))
		for i, it := range v.Items {
			c.Items[i] = tr.resolve(it, depth+1)
		}
		return &c
	case *eCompare:
		c := *v
		c.L = tr.resolve(v.L, depth+1)
		c.R = tr.resolve(v.R, depth+1)
		return &c
	case *eDict:
		c := *v
		c.Keys = make([]expr, len(v.Keys))
		c.Values = make([]expr, len(v.Values))
		for i := range v.Keys {
			c.Keys[i] = tr.resolve(v.Keys[i], depth+1)
			c.Values[i] = tr.resolve(v.Values[i], depth+1)
		}
		return &c
	}
	return e
}

// enumOp translates sa.Enum(…, name=…).create(op.get_bind(), checkfirst=…)
// and .drop(…): the named type on PostgreSQL, nothing elsewhere (as
// SQLAlchemy does). done is false when call is something else.
func (tr *translator) enumOp(call *eCall) (done bool, err error) {
	at, ok := call.Fn.(*eAttr)
	if !ok || (at.Name != "create" && at.Name != "drop") {
		return false, nil
	}
	ctor, ok := at.X.(*eCall)
	if !ok {
		return false, nil
	}
	d := dotted(ctor.Fn)
	if last := d[strings.LastIndexByte(d, '.')+1:]; last != "Enum" && last != "ENUM" {
		return false, nil
	}
	st, err := readType(ctor, tr.fl)
	if err != nil {
		return true, err
	}
	if tr.fl.enum != enumType {
		return true, nil
	}
	if st.enumName == "" {
		return true, fmt.Errorf("an Enum created or dropped without name=")
	}
	checkfirst := argsOf(call).boolKw("checkfirst")
	cur := tr.st.enum(st.enumName).e
	if at.Name == "create" {
		if cur != nil && checkfirst {
			return true, nil
		}
		e := &schema.Enum{Name: st.enumName, Values: st.values}
		if err := tr.emit(&schema.AddEnum{Enum: e}); err != nil {
			return true, err
		}
		tr.setEnum(st.enumName, e)
		return true, nil
	}
	if cur == nil && checkfirst {
		return true, nil
	}
	e := cur
	if e == nil {
		e = &schema.Enum{Name: st.enumName, Values: st.values}
	}
	if err := tr.emit(&schema.DropEnum{Enum: e}); err != nil {
		return true, err
	}
	tr.setEnum(st.enumName, nil)
	return true, nil
}

// bindTable names the table create_table made as sa.table(name,
// sa.column(…), …), what op.bulk_insert reads.
func (tr *translator) bindTable(name string, create *eCall) {
	a := argsOf(create)
	tname, err := a.str(0, "table_name")
	if err != nil {
		return
	}
	line := create.line
	t := &eCall{line: line, Fn: &eAttr{line: line, X: &eName{line, "sa"}, Name: "table"}, Args: []expr{&eStr{line: line, Value: tname}}}
	if tb := tr.st.table(tname); tb != nil {
		for _, c := range tb.Columns {
			t.Args = append(t.Args, &eCall{line: line, Fn: &eAttr{line: line, X: &eName{line, "sa"}, Name: "column"}, Args: []expr{&eStr{line: line, Value: c.Name}}})
		}
	}
	if tr.vars == nil {
		tr.vars = map[string]expr{}
	}
	tr.vars[name] = t
}
