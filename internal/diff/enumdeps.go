package diff

import (
	"regexp"

	"github.com/retortdb/retort/schema"
)

// enumDependents moves out of the way the checks and indexes whose
// expressions read a column of an enum type that is recreated: PostgreSQL
// rewrites such expressions (a literal 'x'::mood) when the column changes
// type and fails with "operator does not exist: mood = mood__old", and a
// literal of a removed value cannot be parsed at all. They are dropped
// before the type changes (with the foreign keys, phase b) and the desired
// ones added with the table's other changes afterwards. The downgrade,
// the same list reversed, does the mirror image.
func enumDependents(p *tablePlan, enumCols map[string]bool) {
	if len(enumCols) == 0 {
		return
	}
	var pats []*regexp.Regexp
	for c := range enumCols {
		pats = append(pats, regexp.MustCompile(`(^|[^A-Za-z0-9_$"])(`+regexp.QuoteMeta(c)+`|"`+regexp.QuoteMeta(c)+`")($|[^A-Za-z0-9_$"])`))
	}
	reads := func(exprs ...string) bool {
		for _, e := range exprs {
			for _, re := range pats {
				if e != "" && re.MatchString(e) {
					return true
				}
			}
		}
		return false
	}
	indexReads := func(x *schema.Index) bool {
		if reads(x.Where) {
			return true
		}
		for _, part := range x.Parts {
			if reads(part.Expr) {
				return true
			}
		}
		return false
	}
	fromChecks, toChecks := map[string]bool{}, map[string]bool{}
	fromIdx, toIdx := map[string]bool{}, map[string]bool{}
	var drops, adds []schema.TableChange
	for _, c := range p.from.Checks {
		if reads(c.Expr) {
			fromChecks[c.Name] = true
			drops = append(drops, &schema.DropCheck{Check: c})
		}
	}
	for _, x := range p.from.Indexes {
		if indexReads(x) {
			fromIdx[x.Name] = true
			drops = append(drops, &schema.DropIndex{Index: x})
		}
	}
	for _, c := range p.to.Checks {
		if reads(c.Expr) {
			toChecks[c.Name] = true
			adds = append(adds, &schema.AddCheck{Check: c})
		}
	}
	for _, x := range p.to.Indexes {
		if indexReads(x) {
			toIdx[x.Name] = true
			adds = append(adds, &schema.AddIndex{Index: x})
		}
	}
	if len(drops) == 0 && len(adds) == 0 {
		return
	}
	var main, extraDrops []schema.TableChange
	for _, ch := range p.main {
		switch c := ch.(type) {
		case *schema.DropCheck:
			if fromChecks[c.Check.Name] {
				continue
			}
		case *schema.AddCheck:
			if toChecks[c.Check.Name] {
				continue
			}
		case *schema.DropIndex:
			if fromIdx[c.Index.Name] {
				continue
			}
		case *schema.AddIndex:
			if toIdx[c.Index.Name] {
				continue
			}
		case *schema.RenameIndex:
			if fromIdx[c.From.Name] || toIdx[c.To.Name] {
				if !fromIdx[c.From.Name] {
					extraDrops = append(extraDrops, &schema.DropIndex{Index: c.From})
				}
				if !toIdx[c.To.Name] {
					adds = append(adds, &schema.AddIndex{Index: c.To})
				}
				continue
			}
		case *schema.RenameConstraint:
			if c.Kind == "check" && (fromChecks[c.From] || toChecks[c.To]) {
				if !fromChecks[c.From] {
					extraDrops = append(extraDrops, &schema.DropCheck{Check: checkNamed(p.from, c.From)})
				}
				if !toChecks[c.To] {
					adds = append(adds, &schema.AddCheck{Check: checkNamed(p.to, c.To)})
				}
				continue
			}
		}
		main = append(main, ch)
	}
	p.early = drops
	p.main = append(append(extraDrops, main...), adds...)
}

func checkNamed(t *schema.Table, name string) *schema.Check {
	for _, c := range t.Checks {
		if c.Name == name {
			return c
		}
	}
	return &schema.Check{Name: name}
}
