package gostruct

import (
	"go/ast"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
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
	defString  bool   // defValue is a string literal, quoted per dialect
	ignore     bool   // `-` / `-:migration`
	comment    string
	hasComment bool
	relation   bool // association field (struct or slice of structs)
	// renamedFrom is the column's earlier name, from a `retort` tag next to
	// the gorm one (retort:"renamed_from:OLD").
	renamedFrom string
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
		rawTag, renamedFrom := "", ""
		if fl.Tag != nil {
			tag := reflect.StructTag(unquoteTag(fl.Tag.Value))
			rawTag = tag.Get("gorm")
			for _, o := range parseRetortTag(tag.Get("retort")) {
				if o.key == "renamed_from" || o.key == "renamedfrom" {
					renamedFrom = o.val
				}
			}
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
				settings: parseTagSetting(rawTag, ";"), pos: b.p.pos(fl), goType: exprString(fl.Type), renamedFrom: renamedFrom}
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

var regEnLetterAndMidline = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\w-]+$`) })

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
			rendered = strings.Trim(strings.Trim(dv, "'"), `"`)
			f.defString = true
		case "time":
			for _, layout := range []string{"2006-01-02 15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02"} {
				if tm, err := time.Parse(layout, dv); err == nil {
					rendered = tm.Format("2006-01-02 15:04:05.999")
					f.defString = true
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
	if g.gormDB != "" {
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
			Nullable: !(f.notNull || f.primaryKey), Comment: f.comment, gorm: f, RenamedFrom: f.renamedFrom}
		if c.Kind == "int" || c.Kind == "uint" || c.Kind == "float" {
			c.Size = 0
		}
		switch {
		case f.defString:
			c.Defaults = gormStringDefaults(f.defValue)
		case f.defValue != "":
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
		if len(names) > 1 && regEnLetterAndMidline().MatchString(names[0]) {
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

// gormStringDefaults is a string default as each dialector quotes it: key ""
// for the standard quoting, a dialect's name where its dialector differs.
func gormStringDefaults(v string) map[string]string {
	std := quoteString(v)
	out := map[string]string{"": std}
	for name, d := range modelDialects() {
		if q := d.GORMLiteral(v); q != std {
			out[name] = q
		}
	}
	return out
}
