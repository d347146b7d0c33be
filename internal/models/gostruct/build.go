package gostruct

import (
	"go/ast"
	"reflect"
	"sort"
	"strings"
)

// builder turns model structs into tables.
type builder struct {
	p      *pkg
	e      *errs
	m      *Model
	enums  map[string]*Enum
	claims map[string]*Table // table name → first struct claiming it
	// byStruct maps a struct name to its table (GORM relations).
	byStruct map[string]*Table
	// gormRels are GORM association fields, resolved once every table exists.
	gormRels []*gormRel
	// typeDecls remembers each table's struct.
	typeDecls map[*Table]*typeDecl
	gschemas  map[*Table]*gormSchema
}

// table builds one model struct's table.
func (b *builder) table(td *typeDecl, st *ast.StructType, flavor Flavor) {
	if b.claims == nil {
		b.claims = map[string]*Table{}
		b.byStruct = map[string]*Table{}
		b.typeDecls = map[*Table]*typeDecl{}
	}
	t := &Table{Struct: td.name, Pos: b.p.pos(td.spec), Flavor: flavor}
	switch {
	case td.directives["table"].value != "":
		t.Name = td.directives["table"].value
		if m, ok := b.p.tableNames[td.name]; ok && m.name != "" && m.name != t.Name {
			b.e.add(m.pos, "TableName() of %s returns %q but //retort:table says %q: keep one", td.name, m.name, t.Name)
		}
	case b.p.tableNames[td.name] != nil:
		m := b.p.tableNames[td.name]
		if m.name == "" {
			b.e.add(m.pos, "TableName() of %s must return a string literal for retort to read it; or name the table with a //retort:table NAME comment on the struct", td.name)
			return
		}
		t.Name = m.name
	default:
		if d, ok := td.directives["table"]; ok {
			b.e.add(d.pos, "//retort:table needs a table name")
			return
		}
		t.Name = tableName(td.name)
	}
	if d, ok := td.directives["comment"]; ok {
		t.Comment = d.value
	}
	if d, ok := td.directives["renamed-from"]; ok {
		if d.value == "" || strings.ContainsAny(d.value, " \t") {
			b.e.add(d.pos, "//retort:renamed-from on %s needs the table's earlier name, one word: //retort:renamed-from OLD", td.name)
			return
		}
		t.RenamedFrom = d.value
	}
	if prev, ok := b.claims[t.Name]; ok {
		b.e.add(t.Pos, "struct %s claims table %q, which struct %s (%s) already claims: give one a different table name (TableName() or //retort:table)", td.name, t.Name, prev.Struct, prev.Pos)
		return
	}
	b.claims[t.Name] = t
	b.byStruct[td.name] = t
	b.typeDecls[t] = td
	if flavor == FlavorGORM {
		b.gormTable(t, td, st)
	} else {
		b.retortTable(t, td, st)
	}
	b.m.Tables = append(b.m.Tables, t)
}

// tableCtx collects named uniques and indexes while fields are read.
type tableCtx struct {
	t       *Table
	uniques map[string]*Unique
	indexes map[string]*Index
	cols    map[string]*Column
}

func (b *builder) retortTable(t *Table, td *typeDecl, st *ast.StructType) {
	ctx := &tableCtx{t: t, uniques: map[string]*Unique{}, indexes: map[string]*Index{}, cols: map[string]*Column{}}
	b.retortFields(ctx, td.file, st, "", map[string]bool{td.name: true})
	if len(t.Columns) == 0 {
		b.e.add(t.Pos, "model struct %s has no columns", td.name)
	}
}

func (b *builder) retortFields(ctx *tableCtx, file *ast.File, st *ast.StructType, prefix string, seen map[string]bool) {
	for _, f := range st.Fields.List {
		tag := reflect.StructTag("")
		if f.Tag != nil {
			tag = reflect.StructTag(unquoteTag(f.Tag.Value))
		}
		dbTag, hasDB := tag.Lookup("db")
		rtTag := tag.Get("retort")
		if dbTagName(dbTag) == "-" || strings.TrimSpace(rtTag) == "-" {
			continue
		}
		pos := b.p.pos(f)
		if len(f.Names) == 0 {
			g := b.p.resolve(f.Type, file)
			if g.kind == "struct" && g.external == "" && !g.slice {
				if seen[g.structName] {
					b.e.add(pos, "embedded struct %s embeds itself", g.structName)
					continue
				}
				etd, est := b.p.structOf(g.structName)
				if est == nil {
					b.e.add(pos, "cannot inline embedded %s", exprString(f.Type))
					continue
				}
				seen[g.structName] = true
				b.retortFields(ctx, etd.file, est, prefix+g.structName+".", seen)
				delete(seen, g.structName)
				continue
			}
			if !ast.IsExported(typeNameOf(f.Type)) {
				continue
			}
			b.e.add(pos, "embedded field %s: retort inlines only structs declared in this package; name the field, or skip it with db:\"-\"", exprString(f.Type))
			continue
		}
		for _, n := range f.Names {
			if !n.IsExported() {
				continue
			}
			name := snakeName(n.Name)
			if hasDB && dbTagName(dbTag) != "" {
				name = dbTagName(dbTag)
			}
			doc := ""
			if f.Doc != nil {
				doc = strings.Join(strings.Fields(f.Doc.Text()), " ")
			}
			b.retortColumn(ctx, file, f, prefix+n.Name, name, rtTag, doc, pos)
		}
	}
}

func typeNameOf(x ast.Expr) string {
	switch t := unstar(x).(type) {
	case *ast.Ident:
		return t.Name
	case *ast.SelectorExpr:
		return t.Sel.Name
	}
	return ""
}

func (b *builder) retortColumn(ctx *tableCtx, file *ast.File, f *ast.Field, path, name, tag, doc string, pos Pos) {
	t := ctx.t
	g := b.p.resolve(f.Type, file)
	c := &Column{Name: name, Field: path, GoType: exprString(f.Type), Pos: pos, Kind: g.kind, Bits: g.bits,
		Elem: g.elem, Nullable: g.nullable, Comment: doc}
	if g.sqlTypes != nil {
		c.Types = copyMap(g.sqlTypes)
	}
	if g.enum != nil {
		c.Enum = append([]string(nil), g.enum...)
	}
	if prev, ok := ctx.cols[name]; ok {
		b.e.add(pos, "field %s maps to column %q, which field %s (%s) already uses: rename one with db:\"…\"", path, name, prev.Field, prev.Pos)
		return
	}
	ft := &fieldTags{b: b, ctx: ctx, c: c, path: path, name: name, pos: pos}
	ft.applyAll(parseRetortTag(tag))
	if !ft.settleKind(&g) {
		return
	}
	ft.settleNullability()
	ft.checkOptions(g)
	ft.settleForeignKey()
	ctx.cols[name] = c
	t.Columns = append(t.Columns, c)
}

func fkOptsAction(fk *ForeignKey, del bool) string {
	if fk == nil {
		return ""
	}
	if del {
		return fk.OnDelete
	}
	return fk.OnUpdate
}

func normAction(a string) string {
	a = strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(a, "_", " ")), " "))
	return a
}

func validAction(a string) bool {
	switch a {
	case "CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION":
		return true
	}
	return false
}

// parseCheck reads GORM's check convention: "name,expr" when the part before
// the first comma is a bare name, else just "expr", left for the server to
// name.
func parseCheck(v string, pos Pos) *Check {
	if name, expr, ok := strings.Cut(v, ","); ok && isCheckName(name) {
		return &Check{Name: name, Expr: strings.TrimSpace(expr), Pos: pos}
	}
	return &Check{Expr: v, Pos: pos}
}

func isCheckName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// constraintEnumName names a PostgreSQL enum type: the Go named type's
// snake_case name, else <table>_<column>.
func constraintEnumName(table, column string, g goType) string {
	if g.named != nil {
		return snakeName(g.named.name)
	}
	return table + "_" + column
}

func (b *builder) addEnum(c *Column, pos Pos) {
	if prev, ok := b.enums[c.EnumType]; ok {
		if strings.Join(prev.Values, "|") != strings.Join(c.Enum, "|") {
			b.e.add(pos, "enum type %s: values %s differ from %s at %s: one enum type has one list of values", c.EnumType, strings.Join(c.Enum, "|"), strings.Join(prev.Values, "|"), prev.Pos)
		}
		return
	}
	en := &Enum{Name: c.EnumType, Values: c.Enum, Pos: pos}
	b.enums[c.EnumType] = en
	b.m.Enums = append(b.m.Enums, en)
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// finish resolves GORM relations, sorts index parts and checks foreign keys.
func (b *builder) finish() {
	b.resolveGormRels()
	for _, t := range b.m.Tables {
		for _, ix := range t.Indexes {
			sort.SliceStable(ix.Parts, func(i, j int) bool { return ix.Parts[i].order < ix.Parts[j].order })
			if ix.Method != "" && !validMethod(ix.Method) {
				b.e.add(ix.Pos, "index %s: unknown method %q (btree, hash, gin, gist, spgist, brin)", ix.Name, ix.Method)
			}
		}
		for _, fk := range t.ForeignKeys {
			rt := b.claims[fk.RefTable]
			if rt == nil {
				b.e.add(fk.Pos, "foreign key %s references table %q, which no model defines: add its model, or fix the fk tag", fkLabel(t, fk), fk.RefTable)
				continue
			}
			for _, rc := range fk.RefColumns {
				if rt.Column(rc) == nil {
					b.e.add(fk.Pos, "foreign key %s references column %s.%s, which model %s does not have", fkLabel(t, fk), fk.RefTable, rc, rt.Struct)
				}
			}
		}
		for _, u := range t.Uniques {
			for _, c := range u.Columns {
				if t.Column(c) == nil {
					b.e.add(u.Pos, "unique constraint %s names column %q, which %s does not have", u.Name, c, t.Struct)
				}
			}
		}
	}
	sort.SliceStable(b.m.Tables, func(i, j int) bool { return b.m.Tables[i].Name < b.m.Tables[j].Name })
}

func fkLabel(t *Table, fk *ForeignKey) string {
	if fk.Name != "" {
		return fk.Name
	}
	return t.Name + "(" + strings.Join(fk.Columns, ", ") + ")"
}

func validMethod(m string) bool {
	switch m {
	case "btree", "hash", "gin", "gist", "spgist", "brin":
		return true
	}
	return false
}
