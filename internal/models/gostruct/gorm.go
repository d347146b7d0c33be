package gostruct

import (
	"fmt"
	"go/ast"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jinzhu/inflection"
)

// This file mirrors GORM v1.31's schema parsing (gorm.io/gorm/schema) and
// its PostgreSQL, MySQL and SQLite dialectors' DataTypeOf, so that a
// GORM-tagged struct renders to the schema GORM's AutoMigrate creates. The
// tests compare both on real servers.

// gormField is GORM's view of one struct field.
type gormField struct {
	name       string   // Go field name
	bind       []string // Go field path
	rawTag     string   // the field's own gorm tag (indexes are parsed from it)
	settings   map[string]string
	g          goType
	pos        Pos
	goType     string
	doc        string
	dbName     string
	dataType   string // bool int uint float string time bytes, or an SQL type
	gormType   string // GORMDataType
	size       int
	precision  int
	scale      int
	primaryKey bool
	autoInc    bool
	notNull    bool
	unique     bool
	hasDefault bool
	defValue   string // rendered DEFAULT expression, "" = none
	ignore     bool   // `-` / `-:migration`
	comment    string
	hasComment bool
	relation   bool // association field (struct or slice of structs)
}

// gormSchema is one GORM model's parsed fields.
type gormSchema struct {
	t           *Table
	structName  string
	fields      []*gormField
	dbNames     []string
	byDB        map[string]*gormField
	byName      map[string]*gormField
	primary     []*gormField
	prioritized *gormField
}

func (s *gormSchema) lookUp(name string) *gormField {
	if f := s.byDB[name]; f != nil {
		return f
	}
	return s.byName[name]
}

type gormRel struct {
	schema *gormSchema // the struct that declares the association field
	field  *gormField
	target string // struct name of the associated model
}

// parseTagSetting is GORM's schema.ParseTagSetting.
func parseTagSetting(str, sep string) map[string]string {
	settings := map[string]string{}
	names := strings.Split(str, sep)
	var parsed []string
	for i := 0; i < len(names); i++ {
		s := names[i]
		for strings.HasSuffix(s, `\`) && i+1 < len(names) {
			i++
			s = s[:len(s)-1] + sep + names[i]
		}
		parsed = append(parsed, s)
	}
	for _, tag := range parsed {
		values := strings.Split(tag, ":")
		k := strings.TrimSpace(strings.ToUpper(values[0]))
		if len(values) >= 2 {
			settings[k] = strings.ReplaceAll(strings.Join(values[1:], ":"), `\"`, `"`)
		} else if k != "" {
			settings[k] = k
		}
	}
	return settings
}

// gormSerialized reports a `serializer:…` (or `json`) field.
func gormSerialized(s map[string]string) bool {
	return s["SERIALIZER"] != "" || s["JSON"] != ""
}

func checkTruth(vals ...string) bool {
	for _, v := range vals {
		if v != "" && !strings.EqualFold(v, "false") {
			return true
		}
	}
	return false
}

func (b *builder) gormTable(t *Table, td *typeDecl, st *ast.StructType) {
	if b.gschemas == nil {
		b.gschemas = map[*Table]*gormSchema{}
	}
	s := &gormSchema{t: t, structName: td.name, byDB: map[string]*gormField{}, byName: map[string]*gormField{}}
	b.gschemas[t] = s
	fields := b.gormFields(td.file, st, nil, map[string]bool{td.name: true})
	s.fields = fields
	for _, f := range fields {
		if f.relation || f.dataType == "" && !f.ignore {
			continue
		}
		if f.dbName == "" {
			f.dbName = snakeName(f.name)
		}
		if v, ok := s.byDB[f.dbName]; !ok || len(f.bind) < len(v.bind) {
			if !ok {
				s.dbNames = append(s.dbNames, f.dbName)
			}
			s.byDB[f.dbName] = f
			s.byName[f.name] = f
			if v != nil && v.primaryKey {
				for i, p := range s.primary {
					if p.dbName == v.dbName {
						s.primary = append(s.primary[:i], s.primary[i+1:]...)
						break
					}
				}
			}
			if f.primaryKey {
				s.primary = append(s.primary, f)
			}
		}
		if _, ok := s.byName[f.name]; !ok {
			s.byName[f.name] = f
		}
	}
	for _, f := range fields {
		if f.relation {
			s.byName[f.name] = f
		}
	}
	pf := s.lookUp("id")
	if pf == nil {
		pf = s.lookUp("ID")
	}
	if pf != nil && !pf.relation {
		if pf.primaryKey {
			s.prioritized = pf
		} else if len(s.primary) == 0 {
			pf.primaryKey = true
			s.prioritized = pf
			s.primary = append(s.primary, pf)
		}
	}
	if s.prioritized == nil {
		if len(s.primary) == 1 {
			s.prioritized = s.primary[0]
		} else {
			for _, f := range s.primary {
				if f.autoInc {
					s.prioritized = f
					break
				}
			}
		}
	}
	if f := s.prioritized; f != nil && (f.gormType == "int" || f.gormType == "uint") {
		if _, ok := f.settings["AUTOINCREMENT"]; !ok {
			f.hasDefault = true
			f.autoInc = true
		}
	}
	for _, f := range fields {
		if f.relation {
			b.gormRels = append(b.gormRels, &gormRel{schema: s, field: f, target: f.g.structName})
		}
	}
	b.gormColumns(s)
}

// gormFields flattens a struct's fields as GORM does: embedded structs (and
// `embedded` fields) inlined with their tag settings and prefix.
func (b *builder) gormFields(file *ast.File, st *ast.StructType, bind []string, seen map[string]bool) []*gormField {
	var out []*gormField
	for _, fl := range st.Fields.List {
		rawTag := ""
		if fl.Tag != nil {
			rawTag = reflect.StructTag(unquoteTag(fl.Tag.Value)).Get("gorm")
		}
		names := fl.Names
		anonymous := len(names) == 0
		if anonymous {
			names = []*ast.Ident{{Name: typeNameOf(fl.Type), NamePos: fl.Pos()}}
		}
		for _, n := range names {
			if !ast.IsExported(n.Name) {
				continue
			}
			f := &gormField{name: n.Name, bind: append(append([]string(nil), bind...), n.Name), rawTag: rawTag,
				settings: parseTagSetting(rawTag, ";"), pos: b.p.pos(fl), goType: exprString(fl.Type)}
			if fl.Doc != nil {
				f.doc = strings.Join(strings.Fields(fl.Doc.Text()), " ")
			}
			f.g = b.p.resolve(fl.Type, file)
			if v, ok := f.settings["-"]; ok {
				switch strings.ToLower(strings.TrimSpace(v)) {
				case "-", "all", "migration":
					continue
				}
			}
			_, embeddedTag := f.settings["EMBEDDED"]
			if f.g.kind == "struct" && !f.g.slice && (anonymous || embeddedTag) {
				var inner []*gormField
				switch {
				case f.g.external == "gorm.Model":
					inner = b.gormModelFields(f)
				case seen[f.g.structName]:
					b.e.add(f.pos, "embedded struct %s embeds itself", f.g.structName)
					continue
				default:
					etd, est := b.p.structOf(f.g.structName)
					if est == nil {
						b.e.add(f.pos, "cannot inline embedded %s", f.goType)
						continue
					}
					seen[f.g.structName] = true
					inner = b.gormFields(etd.file, est, f.bind, seen)
					delete(seen, f.g.structName)
				}
				prefix, hasPrefix := f.settings["EMBEDDEDPREFIX"]
				for _, ef := range inner {
					if hasPrefix && !ef.relation {
						if ef.dbName == "" {
							ef.dbName = snakeName(ef.name)
						}
						ef.dbName = prefix + ef.dbName
					}
					// An embedded field is a primary key only by its own tag.
					if ef.primaryKey && !checkTruth(ef.settings["PRIMARYKEY"], ef.settings["PRIMARY_KEY"]) {
						ef.primaryKey = false
					}
					for k, v := range f.settings {
						ef.settings[k] = v
					}
				}
				out = append(out, inner...)
				continue
			}
			b.gormField(f)
			if f.relation && f.g.external != "" {
				continue
			}
			out = append(out, f)
		}
	}
	return out
}

// gormModelFields are gorm.Model's fields.
func (b *builder) gormModelFields(owner *gormField) []*gormField {
	mk := func(name, tag string, g goType, goType string) *gormField {
		f := &gormField{name: name, bind: append(append([]string(nil), owner.bind...), name), rawTag: tag,
			settings: parseTagSetting(tag, ";"), pos: owner.pos, goType: goType, g: g}
		b.gormField(f)
		return f
	}
	return []*gormField{
		mk("ID", "primarykey", basicTypes["uint"], "uint"),
		mk("CreatedAt", "", knownExternal["time.Time"], "time.Time"),
		mk("UpdatedAt", "", knownExternal["time.Time"], "time.Time"),
		mk("DeletedAt", "index", knownExternal["gorm.io/gorm.DeletedAt"], "gorm.DeletedAt"),
	}
}

var regEnLetterAndMidline = regexp.MustCompile(`^[\w-]+$`)

// gormField fills in GORM's ParseField results.
func (b *builder) gormField(f *gormField) {
	s := f.settings
	f.dbName = s["COLUMN"]
	f.primaryKey = checkTruth(s["PRIMARYKEY"], s["PRIMARY_KEY"])
	f.autoInc = checkTruth(s["AUTOINCREMENT"])
	f.hasDefault = f.autoInc
	f.notNull = checkTruth(s["NOT NULL"], s["NOTNULL"])
	f.unique = checkTruth(s["UNIQUE"])
	f.comment, f.hasComment = s["COMMENT"]
	if _, ok := s["GENERATED"]; ok {
		b.e.add(f.pos, "field %s: generated columns (gorm:\"generated:…\") are not supported yet; write the column in a hand-written revision and skip the field with gorm:\"-:migration\"", f.name)
		return
	}
	if gormSerialized(s) {
		// GORM stores serialized fields in a string column.
		f.g = goType{kind: "string", gorm: "string", nullable: f.g.nullable}
	}
	g := f.g
	if g.kind == "struct" {
		if g.external != "" {
			b.e.add(f.pos, "field %s: %s is GORM's embedded model; embed it anonymously", f.name, f.goType)
			f.relation = true
			return
		}
		f.relation = true
		return
	}
	if g.gorm == "" || g.gorm == "custom" {
		if _, ok := s["TYPE"]; !ok {
			why := g.why
			if why == "" {
				why = "GORM has no data type for " + f.goType
			}
			b.e.add(f.pos, "field %s: cannot map %s to an SQL type (%s): give one with gorm:\"type:…\", or skip the field with gorm:\"-\"", f.name, f.goType, why)
			return
		}
	}
	f.dataType = g.gorm
	if f.dataType == "custom" {
		f.dataType = ""
	}
	if v, ok := s["DEFAULT"]; ok {
		f.hasDefault = true
		f.defValue = strings.TrimSpace(v)
	}
	if v, ok := s["SIZE"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		f.size = n
	}
	if v, ok := s["PRECISION"]; ok {
		f.precision, _ = strconv.Atoi(v)
	}
	if v, ok := s["SCALE"]; ok {
		f.scale, _ = strconv.Atoi(v)
	}
	// Defaults: GORM parses literal defaults by the Go kind and renders them
	// as SQL literals; expressions with parentheses and null pass through.
	dv := f.defValue
	skip := strings.Contains(dv, "(") && strings.Contains(dv, ")") || strings.ToLower(dv) == "null" || dv == ""
	rendered := ""
	if f.hasDefault && dv != "" && dv != "(-)" {
		rendered = dv
	}
	if f.hasDefault && !skip {
		switch g.gorm {
		case "bool":
			v, err := strconv.ParseBool(dv)
			if err != nil {
				b.e.add(f.pos, "field %s: default %q is not a bool", f.name, dv)
			}
			rendered = strconv.FormatBool(v)
		case "int":
			v, err := strconv.ParseInt(dv, 0, 64)
			if err != nil {
				b.e.add(f.pos, "field %s: default %q is not an integer", f.name, dv)
			}
			rendered = strconv.FormatInt(v, 10)
		case "uint":
			v, err := strconv.ParseUint(dv, 0, 64)
			if err != nil {
				b.e.add(f.pos, "field %s: default %q is not an unsigned integer", f.name, dv)
			}
			rendered = strconv.FormatUint(v, 10)
		case "float":
			v, err := strconv.ParseFloat(dv, 64)
			if err != nil {
				b.e.add(f.pos, "field %s: default %q is not a number", f.name, dv)
			}
			rendered = strconv.FormatFloat(v, 'f', -1, 64)
		case "string":
			v := strings.Trim(strings.Trim(dv, "'"), `"`)
			rendered = quoteString(v)
		case "time":
			for _, layout := range []string{"2006-01-02 15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02"} {
				if tm, err := time.Parse(layout, dv); err == nil {
					rendered = quoteString(tm.Format("2006-01-02 15:04:05.999"))
					break
				}
			}
		}
	}
	f.defValue = rendered
	if f.dataType == "" && g.gorm != "custom" {
		f.dataType = g.gorm
	}
	f.gormType = f.dataType
	if v, ok := s["TYPE"]; ok {
		switch lv := strings.ToLower(v); lv {
		case "bool", "int", "uint", "float", "string", "time", "bytes":
			f.dataType = lv
		default:
			f.dataType = v
		}
	}
	if f.size == 0 {
		switch g.kind {
		case "int", "uint", "float":
			f.size = g.bits
		}
		if g.gorm == "int" && g.kind != "int" && g.kind != "uint" {
			f.size = 64
		}
	}
	if g.gormDB != nil {
		f.g.gormDB = g.gormDB
	}
}

// gormColumns turns the parsed fields into the table's columns, keys,
// indexes, uniques and checks.
func (b *builder) gormColumns(s *gormSchema) {
	t := s.t
	for _, dbn := range s.dbNames {
		f := s.byDB[dbn]
		if f.ignore || f.dataType == "" {
			continue
		}
		c := &Column{Name: dbn, Field: strings.Join(f.bind, "."), GoType: f.goType, Pos: f.pos, Kind: f.g.kind, Bits: f.g.bits,
			Size: f.size, Precision: f.precision, Scale: f.scale, Identity: f.autoInc,
			Nullable: !(f.notNull || f.primaryKey), Comment: f.comment, gorm: f}
		if c.Kind == "int" || c.Kind == "uint" || c.Kind == "float" {
			c.Size = 0
		}
		if f.defValue != "" {
			c.Defaults = map[string]string{"": f.defValue}
		}
		t.Columns = append(t.Columns, c)
	}
	for _, f := range s.primary {
		t.PrimaryKey = append(t.PrimaryKey, f.dbName)
	}
	// Indexes (schema.ParseIndexes), over every field in struct order.
	byName := map[string]*Index{}
	for _, f := range s.fields {
		if f.relation || f.settings["INDEX"] == "" && f.settings["UNIQUEINDEX"] == "" {
			continue
		}
		for _, fi := range b.gormFieldIndexes(t, f) {
			ix := byName[fi.Name]
			if ix == nil {
				ix = &Index{Name: fi.Name, Pos: fi.Pos}
				byName[fi.Name] = ix
				t.Indexes = append(t.Indexes, ix)
			}
			if ix.Class == "" {
				ix.Class = fi.Class
			}
			if ix.Method == "" {
				ix.Method = fi.Method
			}
			if ix.Where == "" {
				ix.Where = fi.Where
			}
			if ix.Comment == "" {
				ix.Comment = fi.Comment
			}
			ix.Parts = append(ix.Parts, fi.Parts...)
			sort.SliceStable(ix.Parts, func(i, j int) bool { return ix.Parts[i].order < ix.Parts[j].order })
		}
	}
	for _, ix := range t.Indexes {
		if ix.Class == "UNIQUE" {
			ix.Unique, ix.Class = true, ""
		}
	}
	// Unique constraints (schema.ParseUniqueConstraints).
	for _, f := range s.fields {
		if f.unique && !f.relation && f.dbName != "" && s.byDB[f.dbName] == f {
			t.Uniques = append(t.Uniques, &Unique{Name: constraintName("uni", t.Name, f.dbName), Columns: []string{f.dbName}, Pos: f.pos})
		}
	}
	// Checks (schema.ParseCheckConstraints), named and sorted by name.
	checks := map[string]*Check{}
	for _, dbn := range s.dbNames {
		f := s.byDB[dbn]
		chk := f.settings["CHECK"]
		if chk == "" {
			continue
		}
		names := strings.Split(chk, ",")
		if len(names) > 1 && regEnLetterAndMidline.MatchString(names[0]) {
			checks[names[0]] = &Check{Name: names[0], Expr: strings.Join(names[1:], ","), Pos: f.pos}
		} else {
			if names[0] == "" {
				chk = strings.Join(names[1:], ",")
			}
			n := constraintName("chk", t.Name, dbn)
			checks[n] = &Check{Name: n, Expr: chk, Pos: f.pos}
		}
	}
	keys := make([]string, 0, len(checks))
	for k := range checks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Checks = append(t.Checks, checks[k])
	}
}

// gormFieldIndexes is schema.parseFieldIndexes.
func (b *builder) gormFieldIndexes(t *Table, f *gormField) []*Index {
	var out []*Index
	for _, value := range strings.Split(f.rawTag, ";") {
		if value == "" {
			continue
		}
		v := strings.Split(value, ":")
		k := strings.TrimSpace(strings.ToUpper(v[0]))
		if k != "INDEX" && k != "UNIQUEINDEX" {
			continue
		}
		tag := strings.Join(v[1:], ":")
		idx := strings.IndexByte(tag, ',')
		settings := parseTagSetting(strings.Join(strings.Split(tag, ",")[1:], ","), ",")
		length, _ := strconv.Atoi(settings["LENGTH"])
		if idx == -1 {
			idx = len(tag)
		}
		name := tag[:idx]
		if name == "" {
			sub := f.name
			if comp, ok := settings["COMPOSITE"]; ok {
				if comp == "" || comp == "COMPOSITE" {
					b.e.add(f.pos, "field %s: the composite index option needs a name", f.name)
					continue
				}
				sub = comp
			}
			name = constraintName("idx", t.Name, snakeName(sub))
		}
		if k == "UNIQUEINDEX" || settings["UNIQUE"] != "" {
			settings["CLASS"] = "UNIQUE"
		}
		priority, err := strconv.Atoi(settings["PRIORITY"])
		if err != nil {
			priority = 10
		}
		part := IndexPart{Column: f.dbName, Expr: settings["EXPRESSION"], Collate: settings["COLLATE"], Length: length, order: priority}
		if part.Expr != "" {
			part.Column = ""
		}
		switch strings.ToUpper(strings.TrimSpace(settings["SORT"])) {
		case "DESC":
			part.Desc = true
		case "", "ASC":
		default:
			b.e.add(f.pos, "field %s: index sort must be asc or desc, got %q", f.name, settings["SORT"])
		}
		if settings["OPTION"] != "" {
			b.e.add(f.pos, "field %s: index option %q is not supported by retort; drop it or write the index in SQL", f.name, settings["OPTION"])
		}
		out = append(out, &Index{Name: name, Class: strings.ToUpper(settings["CLASS"]), Method: strings.ToLower(settings["TYPE"]),
			Where: settings["WHERE"], Comment: settings["COMMENT"], Parts: []IndexPart{part}, Pos: f.pos})
	}
	return out
}

// resolveGormRels turns GORM associations into foreign keys
// (schema.guessRelation and Relationship.ParseConstraint).
func (b *builder) resolveGormRels() {
	type built struct {
		rel      *gormRel
		belongs  bool
		fkTable  *gormSchema
		refTable *gormSchema
		fks      []*gormField
		refs     []*gormField
	}
	var all []*built
	for _, r := range b.gormRels {
		if jt := r.field.settings["MANY2MANY"]; jt != "" {
			if tt := b.byStruct[r.target]; tt == nil || tt.Flavor != FlavorGORM {
				b.e.add(r.field.pos, "field %s: association with %s, which is not a GORM model in this package (tag it, or skip the field with gorm:\"-\")", r.field.name, r.target)
			} else {
				b.joinTable(r, b.gschemas[tt], jt)
			}
			continue
		}
		if _, ok := r.field.settings["POLYMORPHIC"]; ok {
			b.e.add(r.field.pos, "field %s: polymorphic associations are not supported yet; add gorm:\"-:migration\" and declare the foreign key yourself", r.field.name)
			continue
		}
		tt := b.byStruct[r.target]
		if tt == nil || tt.Flavor != FlavorGORM {
			b.e.add(r.field.pos, "field %s: association with %s, which is not a GORM model in this package (tag it, or skip the field with gorm:\"-\")", r.field.name, r.target)
			continue
		}
		target := b.gschemas[tt]
		self := target == r.schema
		var levels []bool // true = belongs-to
		switch {
		case r.field.settings["BELONGSTO"] != "":
			levels = []bool{true, false}
		case r.field.g.slice:
			levels = []bool{false}
		case self:
			levels = []bool{true, false}
		default:
			levels = []bool{false, true}
		}
		var res *built
		for _, belongs := range levels {
			primary, foreign := r.schema, target
			if belongs {
				primary, foreign = target, r.schema
			}
			fks, refs, ok := guessRefs(r, primary, foreign, belongs)
			if ok {
				res = &built{rel: r, belongs: belongs, fkTable: foreign, refTable: primary, fks: fks, refs: refs}
				break
			}
		}
		if res == nil {
			b.e.add(r.field.pos, "field %s: cannot find the foreign key of association %s; name it with gorm:\"foreignKey:…\" (and references:…), or skip the field with gorm:\"-\"", r.field.name, r.target)
			continue
		}
		for i, fk := range res.fks {
			ref := res.refs[i]
			if !strings.Contains(strings.ToLower(ref.dataType), "auto_increment") && !strings.Contains(strings.ToLower(ref.dataType), "primary key") {
				fk.dataType = ref.dataType
			}
			fk.gormType = ref.gormType
			if fk.size == 0 {
				fk.size = ref.size
			}
		}
		all = append(all, res)
	}
	for _, r := range all {
		str := r.rel.field.settings["CONSTRAINT"]
		if str == "-" {
			continue
		}
		if r.belongs {
			// A has-one/has-many declared on the other side wins.
			dup := false
			for _, o := range all {
				if o != r && !o.belongs && o.rel.schema == r.refTable && o.fkTable == r.fkTable && sameFields(o.fks, r.fks) && sameFields(o.refs, r.refs) {
					dup = true
				}
			}
			if dup {
				continue
			}
		}
		settings := parseTagSetting(str, ",")
		name := constraintName("fk", r.rel.schema.t.Name, snakeName(r.rel.field.name))
		if i := strings.IndexByte(str, ','); i != -1 && regEnLetterAndMidline.MatchString(str[:i]) {
			name = str[:i]
		}
		fk := &ForeignKey{Name: name, RefTable: r.refTable.t.Name, OnDelete: strings.ToUpper(settings["ONDELETE"]), OnUpdate: strings.ToUpper(settings["ONUPDATE"]), Pos: r.rel.field.pos}
		for i := range r.fks {
			fk.Columns = append(fk.Columns, r.fks[i].dbName)
			fk.RefColumns = append(fk.RefColumns, r.refs[i].dbName)
		}
		exists := false
		for _, o := range r.fkTable.t.ForeignKeys {
			if o.Name == fk.Name {
				exists = true
			}
		}
		if !exists {
			r.fkTable.t.ForeignKeys = append(r.fkTable.t.ForeignKeys, fk)
		}
	}
	for _, t := range b.m.Tables {
		sort.SliceStable(t.ForeignKeys, func(i, j int) bool { return t.ForeignKeys[i].Name < t.ForeignKeys[j].Name })
	}
	// Refresh columns whose type followed the referenced key.
	for _, s := range b.gschemas {
		for _, c := range s.t.Columns {
			if f := c.gorm; f != nil {
				c.Size = f.size
				if c.Kind == "int" || c.Kind == "uint" || c.Kind == "float" {
					c.Size = 0
				}
			}
		}
	}
}

// joinTable adds the join table of a many2many association as GORM's
// buildMany2ManyRelation builds it: one primary-key column per key of each
// side, named <Struct><Field>, with a foreign key to each side.
func (b *builder) joinTable(r *gormRel, target *gormSchema, many2many string) {
	name := many2many
	if strings.ToLower(name) != name {
		name = tableName(name)
	}
	if b.claims[name] != nil {
		return // declared as a model, or by the other side of the association
	}
	own, refs := r.schema.primary, target.primary
	if fk := toColumns(r.field.settings["FOREIGNKEY"]); len(fk) > 0 {
		own = nil
		for _, n := range fk {
			f := r.schema.lookUp(n)
			if f == nil {
				b.e.add(r.field.pos, "field %s: foreign key %s is not a field of %s", r.field.name, n, r.schema.structName)
				return
			}
			own = append(own, f)
		}
	}
	if rk := toColumns(r.field.settings["REFERENCES"]); len(rk) > 0 {
		refs = nil
		for _, n := range rk {
			f := target.lookUp(n)
			if f == nil {
				b.e.add(r.field.pos, "field %s: reference %s is not a field of %s", r.field.name, n, target.structName)
				return
			}
			refs = append(refs, f)
		}
	}
	joinFK := toColumns(r.field.settings["JOINFOREIGNKEY"])
	joinRef := toColumns(r.field.settings["JOINREFERENCES"])
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	t := &Table{Name: name, Struct: r.schema.structName + "." + r.field.name, Pos: r.field.pos, Flavor: FlavorGORM}
	js := &gormSchema{t: t, byDB: map[string]*gormField{}, byName: map[string]*gormField{}}
	mk := func(fieldName string, from *gormField) *gormField {
		settings := parseTagSetting(from.rawTag, ";")
		for _, k := range []string{"COLUMN", "AUTOINCREMENT", "INDEX", "UNIQUE", "UNIQUEINDEX"} {
			delete(settings, k)
		}
		settings["PRIMARYKEY"] = "PRIMARYKEY"
		f := &gormField{name: fieldName, bind: []string{fieldName}, settings: settings, pos: r.field.pos, goType: from.goType, g: from.g}
		b.gormField(f)
		f.dbName = snakeName(fieldName)
		if !strings.Contains(strings.ToLower(from.dataType), "auto_increment") && !strings.Contains(strings.ToLower(from.dataType), "primary key") {
			f.dataType = from.dataType
		}
		f.gormType = from.gormType
		if f.size == 0 {
			f.size = from.size
		}
		return f
	}
	ownNames := map[string]bool{}
	var ownFields, refFields []*gormField
	for i, of := range own {
		n := title(r.schema.structName) + of.name
		if i < len(joinFK) {
			n = title(joinFK[i])
		}
		ownNames[n] = true
		ownFields = append(ownFields, mk(n, of))
	}
	for i, rf := range refs {
		n := title(target.structName) + rf.name
		if ownNames[n] {
			if r.field.name != target.structName {
				n = inflection.Singular(r.field.name) + rf.name
			} else {
				n += "Reference"
			}
		}
		if i < len(joinRef) {
			n = title(joinRef[i])
		}
		if ownNames[n] {
			continue
		}
		refFields = append(refFields, mk(n, rf))
	}
	for _, f := range append(append([]*gormField(nil), ownFields...), refFields...) {
		f.primaryKey = true
		js.fields = append(js.fields, f)
		js.dbNames = append(js.dbNames, f.dbName)
		js.byDB[f.dbName] = f
		js.byName[f.name] = f
		js.primary = append(js.primary, f)
	}
	b.gormColumns(js)
	relName, relRefName := r.schema.structName, target.structName
	if relName == relRefName {
		relRefName = r.field.name
	}
	str := r.field.settings["CONSTRAINT"]
	if str != "-" {
		settings := parseTagSetting(str, ",")
		for _, side := range []struct {
			rel    string
			fields []*gormField
			keys   []*gormField
			ref    *Table
		}{{relName, ownFields, own, r.schema.t}, {relRefName, refFields, refs, target.t}} {
			name := constraintName("fk", t.Name, snakeName(side.rel))
			if i := strings.IndexByte(str, ','); i != -1 && regEnLetterAndMidline.MatchString(str[:i]) {
				name = str[:i]
			}
			fk := &ForeignKey{Name: name, RefTable: side.ref.Name, OnDelete: strings.ToUpper(settings["ONDELETE"]), OnUpdate: strings.ToUpper(settings["ONUPDATE"]), Pos: r.field.pos}
			for i, f := range side.fields {
				fk.Columns = append(fk.Columns, f.dbName)
				fk.RefColumns = append(fk.RefColumns, side.keys[i].dbName)
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
		}
	}
	b.claims[name] = t
	b.gschemas[t] = js
	b.m.Tables = append(b.m.Tables, t)
}

func sameFields(a, b []*gormField) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func guessRefs(r *gormRel, primary, foreign *gormSchema, belongs bool) (fks, refs []*gormField, ok bool) {
	fkNames := toColumns(r.field.settings["FOREIGNKEY"])
	refNames := toColumns(r.field.settings["REFERENCES"])
	var primaryFields []*gormField
	if len(fkNames) > 0 {
		for _, n := range fkNames {
			f := foreign.lookUp(n)
			if f == nil || f.relation {
				return nil, nil, false
			}
			fks = append(fks, f)
		}
	} else {
		if len(refNames) > 0 {
			for _, n := range refNames {
				if f := primary.lookUp(n); f != nil {
					primaryFields = append(primaryFields, f)
				}
			}
		} else {
			primaryFields = primary.primary
		}
		var matched []*gormField
		for _, pf := range primaryFields {
			look := primary.structName + pf.name
			if belongs {
				look = r.field.name + pf.name
			}
			names := []string{look}
			if len(primaryFields) == 1 {
				base := strings.TrimSuffix(look, pf.name)
				names = append(names, base+"ID", base+"Id", snakeName(base+"ID"))
			}
			for _, n := range names {
				if f := foreign.lookUp(n); f != nil && !f.relation {
					fks = append(fks, f)
					matched = append(matched, pf)
					break
				}
			}
		}
		primaryFields = matched
	}
	switch {
	case len(fks) == 0:
		return nil, nil, false
	case len(refNames) > 0:
		for i, n := range refNames {
			f := primary.lookUp(n)
			if f == nil {
				return nil, nil, false
			}
			if len(primaryFields) < i+1 {
				primaryFields = append(primaryFields, f)
			} else if f != primaryFields[i] {
				return nil, nil, false
			}
		}
	case len(primaryFields) == 0:
		if len(fks) == 1 && primary.prioritized != nil {
			primaryFields = []*gormField{primary.prioritized}
		} else if len(primary.primary) == len(fks) {
			primaryFields = primary.primary
		} else {
			return nil, nil, false
		}
	}
	if len(primaryFields) != len(fks) {
		return nil, nil, false
	}
	return fks, primaryFields, true
}

func toColumns(v string) []string {
	if v == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(v, ",") {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// gormColumn renders a GORM column as the dialector's FullDataTypeOf would.
func (r *renderer) gormColumn(t *Table, c *Column) (string, bool) {
	f := c.gorm
	typ := gormDataTypeOf(f, r.d)
	pkInType := strings.Contains(strings.ToUpper(typ), "PRIMARY KEY")
	s := r.q(c.Name) + " " + typ
	if f.notNull {
		s += " NOT NULL"
	}
	if f.hasDefault && f.defValue != "" {
		s += " DEFAULT " + f.defValue
	}
	if r.d == MySQL && f.hasComment {
		s += " COMMENT " + r.str(f.comment)
	}
	return s, pkInType
}

func gormDataTypeOf(f *gormField, d string) string {
	if t := f.g.gormDB[d]; t != "" && f.settings["TYPE"] == "" {
		return t
	}
	switch d {
	case Postgres:
		return gormPostgresType(f)
	case MySQL:
		return gormMySQLType(f)
	}
	return gormSQLiteType(f)
}

func gormIntSize(f *gormField, typ string) int {
	size := f.size
	if typ == "uint" {
		size++
	}
	return size
}

func gormPostgresType(f *gormField) string {
	intType := func(typ string) string {
		switch size := gormIntSize(f, typ); {
		case size <= 16:
			return "smallint"
		case size <= 32:
			return "integer"
		}
		return "bigint"
	}
	serial := map[string]string{"smallint": "smallserial", "integer": "serial", "bigint": "bigserial"}
	switch f.dataType {
	case "bool":
		return "boolean"
	case "int", "uint":
		it := intType(f.dataType)
		if f.autoInc {
			return serial[it]
		}
		return it
	case "float":
		if f.precision > 0 {
			if f.scale > 0 {
				return fmt.Sprintf("numeric(%d, %d)", f.precision, f.scale)
			}
			return fmt.Sprintf("numeric(%d)", f.precision)
		}
		return "decimal"
	case "string":
		if f.size > 0 && f.size <= 10485760 {
			return fmt.Sprintf("varchar(%d)", f.size)
		}
		return "text"
	case "time":
		if f.precision > 0 {
			return fmt.Sprintf("timestamptz(%d)", f.precision)
		}
		return "timestamptz"
	case "bytes":
		return "bytea"
	}
	typ := f.dataType
	if f.autoInc && !strings.Contains(strings.ToLower(typ), "serial") {
		return serial[intType(f.gormType)]
	}
	return typ
}

func gormMySQLType(f *gormField) string {
	switch f.dataType {
	case "bool":
		return "boolean"
	case "int", "uint":
		var typ string
		switch {
		case f.size <= 8:
			typ = "tinyint"
		case f.size <= 16:
			typ = "smallint"
		case f.size <= 24:
			typ = "mediumint"
		case f.size <= 32:
			typ = "int"
		default:
			typ = "bigint"
		}
		if f.dataType == "uint" {
			typ += " unsigned"
		}
		if f.autoInc {
			typ += " AUTO_INCREMENT"
		}
		return typ
	case "float":
		if f.precision > 0 {
			return fmt.Sprintf("decimal(%d, %d)", f.precision, f.scale)
		}
		if f.size <= 32 {
			return "float"
		}
		return "double"
	case "string":
		size := f.size
		if size == 0 {
			hasIndex := f.settings["INDEX"] != "" || f.settings["UNIQUE"] != ""
			if f.primaryKey || f.hasDefault || hasIndex {
				size = 191
			}
		}
		switch {
		case size >= 65536 && size <= 1<<24:
			return "mediumtext"
		case size > 1<<24 || size <= 0:
			return "longtext"
		}
		return fmt.Sprintf("varchar(%d)", size)
	case "time":
		precision := f.precision
		if precision == 0 && f.settings["PRECISION"] == "" {
			precision = 3
		}
		p := ""
		if precision > 0 {
			p = fmt.Sprintf("(%d)", precision)
		}
		if f.notNull || f.primaryKey {
			return "datetime" + p
		}
		return "datetime" + p + " NULL"
	case "bytes":
		switch {
		case f.size > 0 && f.size < 65536:
			return fmt.Sprintf("varbinary(%d)", f.size)
		case f.size >= 65536 && f.size <= 1<<24:
			return "mediumblob"
		}
		return "longblob"
	}
	typ := f.dataType
	if f.autoInc && !strings.Contains(strings.ToLower(typ), " auto_increment") {
		typ += " AUTO_INCREMENT"
	}
	return typ
}

func gormSQLiteType(f *gormField) string {
	switch f.dataType {
	case "bool":
		return "numeric"
	case "int", "uint":
		if f.autoInc {
			return "integer PRIMARY KEY AUTOINCREMENT"
		}
		return "integer"
	case "float":
		return "real"
	case "string":
		return "text"
	case "time":
		if v, ok := f.settings["TYPE"]; ok {
			return v
		}
		return "datetime"
	case "bytes":
		return "blob"
	}
	return f.dataType
}
