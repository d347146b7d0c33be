package alembic

import (
	"fmt"
	"strconv"
	"strings"
)

// This file turns SQLAlchemy types and server defaults into the SQL that
// SQLAlchemy's DDL compiler (1.4 and 2.0) emits for the target database,
// so that the translated revisions create what Alembic creates. The
// SQLAlchemy dialect name comes from the retort dialect value
// (SQLAlchemyDialect), the one fact the two tools share; its flavour
// (flavour.go) says what that dialect's compiler does differently.

// saType is a SQLAlchemy type expression, read.
type saType struct {
	name string // last part of the dotted name: "String", "VARCHAR", "JSONB"
	args []expr
	kw   map[string]expr
	// enum values and name (Enum, ENUM)
	values     []string
	enumName   string
	createType bool // postgresql.ENUM(create_type=…), default true
	constraint bool // create_constraint=True
	item       *saType
}

// readType reads a type expression (sa.String(50), sa.Integer,
// postgresql.ARRAY(sa.Text())) for flavour fl, which chooses among
// .with_variant(type, "dialect") alternatives.
func readType(e expr, fl *flavour) (*saType, error) {
	if c, ok := e.(*eCall); ok {
		if at, ok := c.Fn.(*eAttr); ok && at.Name == "with_variant" {
			if len(c.Args) < 2 {
				return nil, fmt.Errorf("with_variant without a type and a dialect name")
			}
			for _, d := range c.Args[1:] {
				names := []expr{d}
				if l, ok := d.(*eList); ok {
					names = l.Items
				}
				for _, n := range names {
					if s, ok := n.(*eStr); ok && fl.picks(s.Value) {
						return readType(c.Args[0], fl)
					}
				}
			}
			return readType(at.X, fl)
		}
	}
	var fn expr = e
	var call *eCall
	if c, ok := e.(*eCall); ok {
		call = c
		fn = c.Fn
	}
	d := dotted(fn)
	if d == "" {
		return nil, fmt.Errorf("a column type that is not a SQLAlchemy type name")
	}
	t := &saType{name: d[strings.LastIndexByte(d, '.')+1:], kw: map[string]expr{}, createType: true}
	if call != nil {
		if call.Star {
			return nil, fmt.Errorf("a type built with *args")
		}
		t.args = call.Args
		for _, k := range call.Kw {
			t.kw[k.Name] = k.Value
		}
	}
	switch t.name {
	case "Enum", "ENUM":
		for _, a := range t.args {
			s, ok := a.(*eStr)
			if !ok || s.F {
				return nil, fmt.Errorf("an Enum whose values are not string literals (a Python enum class?)")
			}
			t.values = append(t.values, s.Value)
		}
		if n, ok := t.kw["name"]; ok {
			s, ok := n.(*eStr)
			if !ok {
				return nil, fmt.Errorf("an Enum whose name is not a string literal")
			}
			t.enumName = s.Value
		}
		if v, ok := t.kw["create_type"]; ok {
			t.createType = isTrue(v)
		}
		if v, ok := t.kw["create_constraint"]; ok {
			t.constraint = isTrue(v)
		}
	case "ARRAY":
		if len(t.args) == 0 {
			return nil, fmt.Errorf("an ARRAY without an item type")
		}
		it, err := readType(t.args[0], fl)
		if err != nil {
			return nil, err
		}
		t.item = it
	}
	return t, nil
}

func isTrue(e expr) bool {
	c, ok := e.(*eConst)
	return ok && c.Name == "True"
}

// intArg is the i-th positional argument or keyword name as an int (ok
// false when absent).
func (t *saType) intArg(i int, name string) (int, bool, error) {
	var e expr
	if i < len(t.args) {
		e = t.args[i]
	} else if v, ok := t.kw[name]; ok {
		e = v
	}
	if e == nil {
		return 0, false, nil
	}
	if c, ok := e.(*eConst); ok && c.Name == "None" {
		return 0, false, nil
	}
	n, ok := e.(*eNum)
	if !ok {
		return 0, false, fmt.Errorf("%s's %s is not a number literal", t.name, name)
	}
	v, err := strconv.Atoi(n.Text)
	if err != nil {
		return 0, false, fmt.Errorf("%s's %s is not a whole number", t.name, name)
	}
	return v, true, nil
}

func (t *saType) boolKw(name string) bool {
	v, ok := t.kw[name]
	return ok && isTrue(v)
}

// isInteger reports an integer type (for SERIAL / AUTO_INCREMENT).
func (t *saType) isInteger() bool {
	switch t.name {
	case "Integer", "INTEGER", "INT", "BigInteger", "BIGINT", "SmallInteger", "SMALLINT":
		return true
	}
	return false
}

// sql is the type's DDL on flavour fl.
func (t *saType) sql(fl *flavour, quote func(string) string) (string, error) {
	withLen := func(base string) (string, error) {
		n, ok, err := t.intArg(0, "length")
		if err != nil {
			return "", err
		}
		if !ok {
			if fl.varcharNeedsLength && base == "VARCHAR" {
				return "", fmt.Errorf("VARCHAR requires a length on %s", fl.title)
			}
			return base, nil
		}
		return fmt.Sprintf("%s(%d)", base, n), nil
	}
	precScale := func(base string) (string, error) {
		p, okp, err := t.intArg(0, "precision")
		if err != nil {
			return "", err
		}
		s, oks, err := t.intArg(1, "scale")
		if err != nil {
			return "", err
		}
		switch {
		case okp && oks:
			return fmt.Sprintf("%s(%d, %d)", base, p, s), nil
		case okp:
			return fmt.Sprintf("%s(%d)", base, p), nil
		}
		return base, nil
	}
	switch t.name {
	case "Integer", "INTEGER", "INT":
		if fl.intOptions {
			return mysqlInt("INTEGER", t)
		}
		return "INTEGER", nil
	case "BigInteger", "BIGINT":
		if fl.intOptions {
			return mysqlInt("BIGINT", t)
		}
		return "BIGINT", nil
	case "SmallInteger", "SMALLINT":
		if fl.intOptions {
			return mysqlInt("SMALLINT", t)
		}
		return "SMALLINT", nil
	case "TINYINT", "MEDIUMINT":
		return mysqlInt(t.name, t)
	case "String", "Unicode", "VARCHAR", "NVARCHAR", "AutoString":
		if t.name == "NVARCHAR" {
			return withLen(fl.nvarchar)
		}
		return withLen("VARCHAR")
	case "CHAR", "NCHAR":
		return withLen(t.name)
	case "Text", "UnicodeText", "TEXT", "CLOB":
		if t.name == "CLOB" {
			return "CLOB", nil
		}
		return withLen("TEXT")
	case "MEDIUMTEXT", "LONGTEXT", "TINYTEXT":
		return t.name, nil
	case "Boolean", "BOOLEAN":
		return fl.boolType, nil
	case "DateTime", "DATETIME", "TIMESTAMP":
		tz := t.boolKw("timezone")
		if len(t.args) > 0 && isTrue(t.args[0]) {
			tz = true
		}
		if fl.timeZones {
			p, ok, err := t.intArg(99, fl.fractionKw)
			if err != nil {
				return "", err
			}
			s := "TIMESTAMP"
			if ok {
				s += fmt.Sprintf("(%d)", p)
			}
			if tz {
				return s + " WITH TIME ZONE", nil
			}
			return s + " WITHOUT TIME ZONE", nil
		}
		base := "DATETIME"
		if t.name == "TIMESTAMP" {
			base = "TIMESTAMP"
		}
		if fl.fractionKw != "" {
			if p, ok, err := t.intArg(99, fl.fractionKw); err != nil {
				return "", err
			} else if ok {
				return fmt.Sprintf("%s(%d)", base, p), nil
			}
		}
		return base, nil
	case "Date", "DATE":
		return "DATE", nil
	case "Time", "TIME":
		if fl.timeZones {
			if t.boolKw("timezone") {
				return "TIME WITH TIME ZONE", nil
			}
			return "TIME WITHOUT TIME ZONE", nil
		}
		return "TIME", nil
	case "Interval", "INTERVAL":
		return fl.interval, nil
	case "Numeric", "NUMERIC":
		return precScale("NUMERIC")
	case "DECIMAL":
		return precScale("DECIMAL")
	case "Float", "FLOAT":
		p, ok, err := t.intArg(0, "precision")
		if err != nil {
			return "", err
		}
		if ok {
			return fmt.Sprintf("FLOAT(%d)", p), nil
		}
		return "FLOAT", nil
	case "REAL":
		return "REAL", nil
	case "Double", "DOUBLE", "DOUBLE_PRECISION":
		return fl.double, nil
	case "LargeBinary", "BLOB", "BYTEA", "BINARY", "VARBINARY", "LONGBLOB", "MEDIUMBLOB":
		switch t.name {
		case "BINARY", "VARBINARY":
			return withLen(t.name)
		case "LONGBLOB", "MEDIUMBLOB":
			return t.name, nil
		}
		if fl.blobLength {
			if n, ok, _ := t.intArg(0, "length"); ok {
				return fmt.Sprintf("%s(%d)", fl.blob, n), nil
			}
		}
		return fl.blob, nil
	case "JSON":
		return "JSON", nil
	case "JSONB":
		return "JSONB", nil
	case "Uuid", "UUID":
		return fl.uuid, nil
	case "INET", "CIDR", "MACADDR", "TSVECTOR", "MONEY", "OID", "CITEXT", "HSTORE", "INT4RANGE", "INT8RANGE", "NUMRANGE", "DATERANGE", "TSRANGE", "TSTZRANGE", "BIT", "YEAR":
		return t.name, nil
	case "ARRAY":
		if !fl.arrays {
			return "", fmt.Errorf("ARRAY exists only on PostgreSQL")
		}
		s, err := t.item.sql(fl, quote)
		if err != nil {
			return "", err
		}
		return s + "[]", nil
	case "Enum", "ENUM":
		return t.enumSQL(fl, quote)
	}
	return "", fmt.Errorf("the SQLAlchemy type %s is not known to the importer", t.name)
}

func mysqlInt(base string, t *saType) (string, error) {
	s := base
	if n, ok, err := t.intArg(0, "display_width"); err != nil {
		return "", err
	} else if ok {
		s += fmt.Sprintf("(%d)", n)
	}
	if t.boolKw("unsigned") {
		s += " UNSIGNED"
	}
	return s, nil
}

func (t *saType) enumSQL(fl *flavour, quote func(string) string) (string, error) {
	switch fl.enum {
	case enumType:
		if t.enumName == "" {
			return "", fmt.Errorf("an Enum without name= (%s needs a type name)", fl.title)
		}
		return quote(t.enumName), nil
	case enumInline:
		q := make([]string, len(t.values))
		for i, v := range t.values {
			q[i] = sqlString(v)
		}
		return "ENUM(" + strings.Join(q, ",") + ")", nil
	}
	n := 0
	for _, v := range t.values {
		if l := len([]rune(v)); l > n {
			n = l
		}
	}
	if l, ok, _ := t.intArg(99, "length"); ok {
		n = l
	}
	return fmt.Sprintf("VARCHAR(%d)", n), nil
}

func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
