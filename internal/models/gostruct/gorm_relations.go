package gostruct

import (
	"sort"
	"strings"

	"github.com/jinzhu/inflection"
)

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
		if i := strings.IndexByte(str, ','); i != -1 && regEnLetterAndMidline().MatchString(str[:i]) {
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
	title := func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
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
			if i := strings.IndexByte(str, ','); i != -1 && regEnLetterAndMidline().MatchString(str[:i]) {
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
