package gostruct

import (
	"slices"
	"strconv"
	"strings"
)

// fieldTags is one retort-tagged field while the options of its `retort`
// tag are applied: the column being built and what the options say that is
// checked only after all of them are read (nullability, the key, the
// foreign key and its actions).
type fieldTags struct {
	b          *builder
	ctx        *tableCtx
	c          *Column
	path, name string
	pos        Pos

	null, notNull, pk bool
	fk                *ForeignKey
	fkOpts            []option
}

// tagHandler applies one `retort` tag option (docs/models.md lists them).
type tagHandler struct {
	// names are the option's spellings.
	names []string
	// subs are the sub-options it accepts ("index:name,where:…"); any
	// other is an error.
	subs []string
	// verbatim options take their whole value as written and are not
	// checked for sub-options (see verbatimOptions).
	verbatim bool
	// repeat options may be given more than once (a column in two indexes).
	repeat bool
	apply  func(f *fieldTags, o option)
}

// retortTags is every `retort` tag option. An option not listed here is
// refused as unknown.
var retortTags = []tagHandler{
	{names: []string{"type"}, subs: dialectNames(), apply: (*fieldTags).typeOpt},
	{names: []string{"pk", "primarykey", "primary_key"}, apply: func(f *fieldTags, _ option) { f.pk = true }},
	{names: []string{"identity", "autoincrement", "auto_increment"}, apply: func(f *fieldTags, _ option) { f.c.Identity = true }},
	{names: []string{"null"}, apply: func(f *fieldTags, _ option) { f.null = true }},
	{names: []string{"notnull", "not_null"}, apply: func(f *fieldTags, _ option) { f.notNull = true }},
	{names: []string{"fk", "references"}, subs: []string{"ondelete", "onupdate", "name"}, apply: (*fieldTags).fkOpt},
	{names: []string{"ondelete", "onupdate"}, apply: func(f *fieldTags, o option) { f.fkOpts = append(f.fkOpts, o) }},
	{names: []string{"unique"}, repeat: true, apply: (*fieldTags).uniqueOpt},
	{names: []string{"index"}, repeat: true, subs: indexSubs, apply: (*fieldTags).indexOpt},
	{names: []string{"uniqueindex"}, subs: indexSubs, apply: (*fieldTags).indexOpt},
	{names: []string{"default"}, subs: dialectNames(), apply: (*fieldTags).defaultOpt},
	{names: []string{"check"}, verbatim: true, repeat: true, apply: (*fieldTags).checkOpt},
	{names: []string{"comment"}, verbatim: true, apply: (*fieldTags).commentOpt},
	{names: []string{"size", "length"}, apply: (*fieldTags).sizeOpt},
	{names: []string{"precision"}, subs: []string{"scale"}, apply: (*fieldTags).precisionOpt},
	{names: []string{"scale"}, apply: (*fieldTags).scaleOpt},
	{names: []string{"enum"}, verbatim: true, apply: (*fieldTags).enumOpt},
	{names: []string{"renamed_from", "renamedfrom"}, apply: func(f *fieldTags, o option) { f.c.RenamedFrom = o.val }},
}

var indexSubs = []string{"where", "method", "using", "unique", "desc", "order", "expr"}

func tagHandlerFor(key string) *tagHandler {
	for i := range retortTags {
		if slices.Contains(retortTags[i].names, key) {
			return &retortTags[i]
		}
	}
	return nil
}

// applyAll applies the options in the order written, refusing unknown
// options, repeats and unknown sub-options.
func (f *fieldTags) applyAll(opts []option) {
	seen := map[string]bool{}
	for _, o := range opts {
		h := tagHandlerFor(o.key)
		if seen[o.key] && (h == nil || !h.repeat) {
			f.errorf("option %q given twice in retort tag", o.key)
			continue
		}
		seen[o.key] = true
		if h == nil {
			f.errorf("unknown retort tag option %q (see docs/models.md for the options)", o.key)
			continue
		}
		if !h.verbatim && f.badSubs(o, h.subs) {
			continue
		}
		h.apply(f, o)
	}
}

func (f *fieldTags) errorf(format string, args ...any) {
	f.b.e.add(f.pos, "field %s: "+format, append([]any{f.path}, args...)...)
}

// badSubs reports (once) a sub-option of o that is not in allowed.
func (f *fieldTags) badSubs(o option, allowed []string) bool {
	for _, s := range o.subs {
		if slices.Contains(allowed, s.key) {
			continue
		}
		hint := ""
		if o.val == "" && s.val == "" {
			hint = "; separate options with ';' (retort:\"pk;identity\")"
		}
		f.errorf("unknown sub-option %q of %q in retort tag%s", s.key, o.key, hint)
		return true
	}
	return false
}

// perDialect reads "value,mysql=other" into a map keyed by dialect name
// ("" for every dialect).
func perDialect(o option) map[string]string {
	m := map[string]string{}
	if o.val != "" {
		m[""] = o.val
	}
	for _, s := range o.subs {
		m[s.key] = s.val
	}
	return m
}

func (f *fieldTags) typeOpt(o option) {
	if o.val == "" && len(o.subs) == 0 {
		f.errorf("type needs an SQL type (type:jsonb)")
		return
	}
	if f.c.Types == nil {
		f.c.Types = map[string]string{}
	}
	for k, v := range perDialect(o) {
		f.c.Types[k] = v
	}
}

func (f *fieldTags) defaultOpt(o option) {
	if o.val == "" && len(o.subs) == 0 {
		f.errorf("default needs an SQL expression (default:0, default:'draft', default:now())")
		return
	}
	f.c.Defaults = perDialect(o)
}

func (f *fieldTags) fkOpt(o option) {
	tbl, col, ok := strings.Cut(o.val, ".")
	if !ok || tbl == "" || col == "" {
		f.errorf("fk needs table.column (fk:users.id), got %q", o.val)
		return
	}
	fk := &ForeignKey{Columns: []string{f.name}, RefTable: tbl, RefColumns: []string{col}, Pos: f.pos}
	for _, s := range o.subs {
		switch s.key {
		case "ondelete":
			fk.OnDelete = s.val
		case "onupdate":
			fk.OnUpdate = s.val
		case "name":
			fk.Name = s.val
		}
	}
	f.fk = fk
}

func (f *fieldTags) uniqueOpt(o option) {
	uname := o.val
	u := f.ctx.uniques[uname]
	if u == nil || uname == "" {
		u = &Unique{Name: uname, Pos: f.pos}
		f.ctx.uniques[uname] = u
		f.ctx.t.Uniques = append(f.ctx.t.Uniques, u)
	}
	u.Columns = append(u.Columns, f.name)
}

func (f *fieldTags) indexOpt(o option) {
	t := f.ctx.t
	iname := o.val
	if iname == "" {
		iname = constraintName("ix", t.Name, f.name)
	}
	ix := f.ctx.indexes[iname]
	if ix == nil {
		ix = &Index{Name: iname, Pos: f.pos}
		f.ctx.indexes[iname] = ix
		t.Indexes = append(t.Indexes, ix)
	}
	part := IndexPart{Column: f.name, order: len(ix.Parts) * 10}
	if o.key == "uniqueindex" {
		ix.Unique = true
	}
	for _, s := range o.subs {
		switch s.key {
		case "where":
			if ix.Where != "" && ix.Where != s.val {
				f.errorf("index %s already has where:%s", iname, ix.Where)
			}
			ix.Where = s.val
		case "method", "using":
			ix.Method = strings.ToLower(s.val)
		case "unique":
			ix.Unique = true
		case "desc":
			part.Desc = true
		case "expr":
			part.Column, part.Expr = "", s.val
		case "order":
			n, err := strconv.Atoi(s.val)
			if err != nil {
				f.errorf("index order must be a number, got %q", s.val)
			}
			part.order = n
		}
	}
	ix.Parts = append(ix.Parts, part)
}

func (f *fieldTags) checkOpt(o option) {
	if o.val == "" {
		f.errorf("check needs an SQL expression (check:price >= 0)")
		return
	}
	f.ctx.t.Checks = append(f.ctx.t.Checks, parseCheck(o.val, f.pos))
}

func (f *fieldTags) commentOpt(o option) {
	if o.val == "-" {
		f.c.Comment = ""
	} else {
		f.c.Comment = o.val
	}
}

func (f *fieldTags) sizeOpt(o option) {
	n, err := strconv.Atoi(o.val)
	if err != nil || n <= 0 {
		f.errorf("size must be a positive number, got %q", o.val)
		return
	}
	f.c.Size = n
}

func (f *fieldTags) precisionOpt(o option) {
	n, err := strconv.Atoi(o.val)
	if err != nil || n <= 0 {
		f.errorf("precision must be a positive number, got %q", o.val)
		return
	}
	f.c.Precision = n
	for _, s := range o.subs {
		if f.c.Scale, err = strconv.Atoi(s.val); err != nil || f.c.Scale < 0 {
			f.errorf("scale must be a number, got %q", s.val)
		}
	}
}

func (f *fieldTags) scaleOpt(o option) {
	n, err := strconv.Atoi(o.val)
	if err != nil || n < 0 {
		f.errorf("scale must be a number, got %q", o.val)
		return
	}
	f.c.Scale = n
}

func (f *fieldTags) enumOpt(o option) {
	vals := splitEnum(o.val)
	if len(vals) == 0 {
		f.errorf("enum needs values (enum:draft|published)")
		return
	}
	f.c.Enum = vals
}

// settleKind checks that the column has an SQL type on every dialect: the
// Go type's mapping or an explicit type. It reports false when the field
// cannot be a column.
func (f *fieldTags) settleKind(g *goType) bool {
	c := f.c
	if c.Kind == "" && c.Types[""] == "" {
		if g.why == "" && g.kind == "" {
			g.why = "type " + c.GoType + " has no SQL mapping"
		}
		if len(c.Types) == 0 {
			f.errorf("cannot map %s to an SQL type (%s): give one with retort:\"type:…\", or skip the field with db:\"-\"", c.GoType, g.why)
			return false
		}
		for _, d := range dialectNames() {
			if c.Types[d] == "" {
				f.errorf("%s; its type is given for some dialects only: add type:… for every dialect", g.why)
				return false
			}
		}
		c.Kind = "custom"
	}
	switch c.Kind {
	case "struct":
		if c.Types[""] == "" {
			f.errorf("%s is a struct; embed it to inline its fields, give it a column type (retort:\"type:jsonb,mysql=json,sqlite=text\"), or skip it with db:\"-\"", c.GoType)
			return false
		}
		c.Kind = "custom"
	case "":
		c.Kind = "custom"
	}
	return true
}

// settleNullability applies null, notnull and pk: a key column is never
// null.
func (f *fieldTags) settleNullability() {
	c := f.c
	if f.null && f.notNull {
		f.errorf("conflicting options null and notnull")
	}
	if f.null {
		c.Nullable = true
	}
	if f.notNull {
		c.Nullable = false
	}
	if f.pk {
		if f.null {
			f.errorf("a primary key column cannot be null")
		}
		c.Nullable = false
		f.ctx.t.PrimaryKey = append(f.ctx.t.PrimaryKey, f.name)
	}
}

// checkOptions refuses options that do not fit the field's type or each
// other, and records the enum type of an enum column.
func (f *fieldTags) checkOptions(g goType) {
	c := f.c
	if c.Identity && c.Kind != "int" && c.Kind != "uint" {
		f.errorf("identity needs an integer field, not %s", c.GoType)
	}
	if c.Identity && c.Defaults != nil {
		f.errorf("conflicting options identity and default")
	}
	if c.Size > 0 && c.Kind != "string" && c.Kind != "bytes" && c.Types[""] == "" {
		f.errorf("size applies to string and []byte fields, not %s", c.GoType)
	}
	if c.Precision > 0 && c.Kind != "decimal" && c.Kind != "float" && c.Kind != "time" && c.Types[""] == "" {
		f.errorf("precision applies to decimal, float and time fields, not %s", c.GoType)
	}
	if c.Enum != nil {
		switch {
		case c.Kind != "string":
			f.errorf("enum applies to string fields, not %s", c.GoType)
		case c.Types[""] != "":
			f.errorf("conflicting options enum and type: an enum column's type is the enum")
		default:
			c.EnumType = constraintEnumName(f.ctx.t.Name, f.name, g)
			f.b.addEnum(c, f.pos)
		}
	}
}

// settleForeignKey adds the fk option's foreign key with the ondelete and
// onupdate options given beside it.
func (f *fieldTags) settleForeignKey() {
	fk := f.fk
	if fk != nil {
		for _, o := range f.fkOpts {
			if o.key == "ondelete" {
				fk.OnDelete = o.val
			} else {
				fk.OnUpdate = o.val
			}
		}
		fk.OnDelete = normAction(fk.OnDelete)
		fk.OnUpdate = normAction(fk.OnUpdate)
		f.ctx.t.ForeignKeys = append(f.ctx.t.ForeignKeys, fk)
	} else if len(f.fkOpts) > 0 {
		f.errorf("%s without fk:table.column", f.fkOpts[0].key)
	}
	for _, a := range []string{fkOptsAction(fk, true), fkOptsAction(fk, false)} {
		if a != "" && !validAction(a) {
			f.errorf("unknown foreign key action %q (cascade, restrict, set null, set default, no action)", a)
		}
	}
}
