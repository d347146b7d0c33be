package diff

import (
	"reflect"
	"strings"

	"github.com/retortdb/retort/schema"
)

// planTable compares one table on both sides.
func (d *differ) planTable(f, t *schema.Table) (*tablePlan, error) {
	p := &tablePlan{from: f, to: t}
	var (
		dropCons, renames, addCols, modCols, dropCols, addCons, tail []schema.TableChange
	)
	recreated := map[string]bool{}
	var addGenerated []schema.TableChange // added after the columns they read change
	for _, tc := range t.Columns {
		fc := f.Column(tc.Name)
		if fc == nil {
			if tc.Generated != nil {
				addGenerated = append(addGenerated, &schema.AddColumn{Column: tc})
				continue
			}
			addCols = append(addCols, &schema.AddColumn{Column: tc})
			continue
		}
		if d.o.RecreateColumn != nil && !columnsEqual(fc, tc) && d.o.RecreateColumn(fc, tc) {
			recreated[tc.Name] = true
			dropCols = append(dropCols, &schema.DropColumn{Column: fc})
			addCols = append(addCols, &schema.AddColumn{Column: tc})
			continue
		}
		if ch := columnChange(fc, tc); ch != 0 {
			modCols = append(modCols, &schema.ModifyColumn{From: fc, To: tc, Change: ch})
		}
	}
	for _, fc := range f.Columns {
		if t.Column(fc.Name) == nil {
			dropCols = append(dropCols, &schema.DropColumn{Column: fc})
		}
	}
	// A generated column that reads a column whose type changes is dropped
	// and added again around the change: databases refuse to alter a column
	// a generation expression uses.
	if !d.o.InlineForeignKeys {
		retyped := map[string]bool{}
		for _, c := range modCols {
			if m := c.(*schema.ModifyColumn); m.Change&(schema.ChangeType|schema.ChangeCollation) != 0 {
				retyped[m.To.Name] = true
			}
		}
		var kept []schema.TableChange
		for _, c := range modCols {
			m := c.(*schema.ModifyColumn)
			if m.From.Generated != nil && m.To.Generated != nil && !recreated[m.To.Name] && readsAny(m.From.Generated.Expr, retyped) {
				recreated[m.To.Name] = true
				dropCols = append(dropCols, &schema.DropColumn{Column: m.From})
				addGenerated = append(addGenerated, &schema.AddColumn{Column: m.To})
				continue
			}
			kept = append(kept, c)
		}
		modCols = kept
		for _, tc := range t.Columns {
			fc := f.Column(tc.Name)
			if fc != nil && fc.Generated != nil && tc.Generated != nil && columnsEqual(fc, tc) && readsAny(fc.Generated.Expr, retyped) {
				recreated[tc.Name] = true
				dropCols = append(dropCols, &schema.DropColumn{Column: fc})
				addGenerated = append(addGenerated, &schema.AddColumn{Column: tc})
			}
		}
	}
	if d.o.ColumnOrder && !sameCommonOrder(f, t) {
		// Move every kept column, in the new order, after its predecessor.
		mod := map[string]*schema.ModifyColumn{}
		for _, c := range modCols {
			mod[c.(*schema.ModifyColumn).To.Name] = c.(*schema.ModifyColumn)
		}
		modCols = nil
		for _, tc := range t.Columns {
			fc := f.Column(tc.Name)
			if fc == nil || recreated[tc.Name] {
				continue
			}
			m := mod[tc.Name]
			if m == nil {
				m = &schema.ModifyColumn{From: fc, To: tc}
			}
			m.Change |= schema.ChangePosition
			modCols = append(modCols, m)
		}
	}
	// Dropped columns go after added ones in the list the table runs, but
	// recreated columns must be dropped before they are added again.
	if len(recreated) > 0 {
		var first, rest []schema.TableChange
		for _, c := range dropCols {
			if recreated[c.(*schema.DropColumn).Column.Name] {
				first = append(first, c)
			} else {
				rest = append(rest, c)
			}
		}
		addCols = append(first, addCols...)
		dropCols = rest
	}
	touches := func(cols []string, exprs ...string) bool {
		for _, c := range cols {
			if recreated[c] {
				return true
			}
		}
		for _, e := range exprs {
			for c := range recreated {
				if mentions(e, c) {
					return true
				}
			}
		}
		return false
	}

	// Primary key.
	switch fp, tp := f.PrimaryKey, t.PrimaryKey; {
	case fp == nil && tp == nil:
	case fp != nil && tp != nil && equalStrings(fp.Columns, tp.Columns) && !touches(fp.Columns):
		if fp.Name != tp.Name {
			renames = append(renames, &schema.RenameConstraint{Kind: "primary key", From: fp.Name, To: tp.Name})
		}
	default:
		if fp != nil {
			dropCons = append(dropCons, &schema.DropPrimaryKey{PrimaryKey: fp})
		}
		if tp != nil {
			addCons = append(addCons, &schema.AddPrimaryKey{PrimaryKey: tp})
		}
	}

	// Unique constraints.
	{
		fm, tm := map[string]*schema.Unique{}, map[string]*schema.Unique{}
		for _, u := range f.Uniques {
			fm[uniqueKey(u)] = u
		}
		for _, u := range t.Uniques {
			tm[uniqueKey(u)] = u
		}
		var gone, fresh []*schema.Unique
		for _, u := range f.Uniques {
			if tu := tm[uniqueKey(u)]; tu == nil || !uniqueEqual(u, tu) || touches(u.Columns) {
				gone = append(gone, u)
			}
		}
		for _, u := range t.Uniques {
			if fu := fm[uniqueKey(u)]; fu == nil || !uniqueEqual(fu, u) || touches(u.Columns) {
				fresh = append(fresh, u)
			}
		}
		for _, g := range gone {
			if g.Name != "" && tm[uniqueKey(g)] == nil && !touches(g.Columns) {
				if i := findUnique(fresh, g); i >= 0 && fresh[i].Name != "" && fm[uniqueKey(fresh[i])] == nil {
					renames = append(renames, &schema.RenameConstraint{Kind: "unique", From: g.Name, To: fresh[i].Name})
					fresh = append(fresh[:i], fresh[i+1:]...)
					continue
				}
			}
			dropCons = append(dropCons, &schema.DropUnique{Unique: g})
		}
		for _, u := range fresh {
			addCons = append(addCons, &schema.AddUnique{Unique: u})
		}
	}

	// Indexes.
	{
		fm, tm := map[string]*schema.Index{}, map[string]*schema.Index{}
		for _, x := range f.Indexes {
			fm[x.Name] = x
		}
		for _, x := range t.Indexes {
			tm[x.Name] = x
		}
		ixTouched := func(x *schema.Index) bool {
			var cols, exprs []string
			for _, p := range x.Parts {
				cols = append(cols, p.Column)
				exprs = append(exprs, p.Expr)
			}
			cols = append(cols, x.Include...)
			return touches(cols, append(exprs, x.Where)...)
		}
		var gone, fresh []*schema.Index
		for _, x := range f.Indexes {
			if tx := tm[x.Name]; tx == nil || !indexEqual(x, tx) || ixTouched(x) {
				gone = append(gone, x)
			}
		}
		for _, x := range t.Indexes {
			if fx := fm[x.Name]; fx == nil || !indexEqual(fx, x) || ixTouched(x) {
				fresh = append(fresh, x)
			}
		}
		for _, g := range gone {
			if tm[g.Name] == nil && !ixTouched(g) {
				if i := findIndex(fresh, g); i >= 0 && fm[fresh[i].Name] == nil {
					renames = append(renames, &schema.RenameIndex{From: g, To: fresh[i]})
					fresh = append(fresh[:i], fresh[i+1:]...)
					continue
				}
			}
			dropCons = append(dropCons, &schema.DropIndex{Index: g})
		}
		for _, x := range fresh {
			addCons = append(addCons, &schema.AddIndex{Index: x})
		}
	}

	// Checks.
	{
		fm, tm := map[string]*schema.Check{}, map[string]*schema.Check{}
		for _, c := range f.Checks {
			fm[checkKey(c)] = c
		}
		for _, c := range t.Checks {
			tm[checkKey(c)] = c
		}
		var gone, fresh []*schema.Check
		for _, c := range f.Checks {
			if tc := tm[checkKey(c)]; tc == nil || *tc != *c || touches(nil, c.Expr) {
				gone = append(gone, c)
			}
		}
		for _, c := range t.Checks {
			if fc := fm[checkKey(c)]; fc == nil || *fc != *c || touches(nil, c.Expr) {
				fresh = append(fresh, c)
			}
		}
		for _, g := range gone {
			if g.Name != "" && tm[checkKey(g)] == nil && !touches(nil, g.Expr) && g.Column == "" {
				if i := findCheck(fresh, g); i >= 0 && fresh[i].Name != "" && fm[checkKey(fresh[i])] == nil {
					renames = append(renames, &schema.RenameConstraint{Kind: "check", From: g.Name, To: fresh[i].Name})
					fresh = append(fresh[:i], fresh[i+1:]...)
					continue
				}
			}
			dropCons = append(dropCons, &schema.DropCheck{Check: g})
		}
		for _, c := range fresh {
			addCons = append(addCons, &schema.AddCheck{Check: c})
		}
	}

	// Foreign keys.
	{
		fm, tm := map[string]*schema.ForeignKey{}, map[string]*schema.ForeignKey{}
		for _, fk := range f.ForeignKeys {
			fm[fkKey(fk)] = fk
		}
		for _, fk := range t.ForeignKeys {
			tm[fkKey(fk)] = fk
		}
		var gone, fresh []*schema.ForeignKey
		for _, fk := range f.ForeignKeys {
			if tf := tm[fkKey(fk)]; tf == nil || !fkEqual(fk, tf) || touches(fk.Columns) {
				gone = append(gone, fk)
			}
		}
		for _, fk := range t.ForeignKeys {
			if ff := fm[fkKey(fk)]; ff == nil || !fkEqual(ff, fk) || touches(fk.Columns) {
				fresh = append(fresh, fk)
			}
		}
		if d.o.InlineForeignKeys {
			for _, g := range gone {
				dropCons = append(dropCons, &schema.DropForeignKey{ForeignKey: g})
			}
			for _, fk := range fresh {
				addCons = append(addCons, &schema.AddForeignKey{ForeignKey: fk})
			}
		} else {
			var renamed []*schema.ForeignKey
			for _, g := range gone {
				if g.Name != "" && tm[fkKey(g)] == nil && !touches(g.Columns) {
					if i := findFK(fresh, g); i >= 0 && fresh[i].Name != "" && fm[fkKey(fresh[i])] == nil {
						renames = append(renames, &schema.RenameConstraint{Kind: "foreign key", From: g.Name, To: fresh[i].Name})
						renamed = append(renamed, g)
						fresh = append(fresh[:i], fresh[i+1:]...)
						continue
					}
				}
			}
			p.dropFKs = fkMinus(gone, renamed)
			p.addFKs = fresh
		}
	}

	if f.Comment != t.Comment {
		tail = append(tail, &schema.ModifyTableComment{From: f.Comment, To: t.Comment})
	}
	if f.Collation != t.Collation || f.Engine != t.Engine || f.Options != t.Options || f.WithoutRowID != t.WithoutRowID || f.Strict != t.Strict || f.Def != t.Def {
		tail = append(tail, &schema.ModifyTableOptions{From: f, To: t})
	}
	if !reflect.DeepEqual(triggerSQL(f.Triggers), triggerSQL(t.Triggers)) {
		tail = append(tail, &schema.ModifyTriggers{From: f.Triggers, To: t.Triggers})
	}
	// Column order matters where a dialect keeps it (SQLite rebuilds,
	// MySQL adds AFTER): an order change alone still needs a step.
	if d.o.InlineForeignKeys && len(addCols)+len(dropCols)+len(modCols) == 0 && !sameOrder(f, t) && f.Def == t.Def {
		tail = append(tail, &schema.ModifyTableOptions{From: f, To: t})
	}

	for _, group := range [][]schema.TableChange{dropCons, renames, addCols, modCols, addGenerated, dropCols, addCons, tail} {
		p.main = append(p.main, group...)
	}
	return p, nil
}

func sameOrder(f, t *schema.Table) bool {
	if len(f.Columns) != len(t.Columns) {
		return false
	}
	for i := range f.Columns {
		if f.Columns[i].Name != t.Columns[i].Name {
			return false
		}
	}
	return true
}

func triggerSQL(ts []*schema.Trigger) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Name+"\x00"+t.SQL)
	}
	return out
}

// touchForeignKeys moves foreign keys that must be dropped and added again
// because something they rely on changes: a column type on either side, or
// a key of the referenced table.
func (d *differ) touchForeignKeys(plans map[tableKey]*tablePlan) {
	typeChanged := map[tableKey]map[string]bool{}
	keyDropped := map[tableKey]bool{}
	for k, p := range plans {
		for _, c := range p.main {
			switch c := c.(type) {
			case *schema.ModifyColumn:
				if c.Change&(schema.ChangeType|schema.ChangeCollation) != 0 {
					if typeChanged[k] == nil {
						typeChanged[k] = map[string]bool{}
					}
					typeChanged[k][c.To.Name] = true
				}
			case *schema.DropColumn:
				if typeChanged[k] == nil {
					typeChanged[k] = map[string]bool{}
				}
				typeChanged[k][c.Column.Name] = true
			case *schema.DropPrimaryKey, *schema.DropUnique:
				keyDropped[k] = true
			case *schema.DropIndex:
				if c.Index.Unique {
					keyDropped[k] = true
				}
			}
		}
	}
	for k, p := range plans {
		for _, fk := range p.from.ForeignKeys {
			if containsFK(p.dropFKs, fk) {
				continue
			}
			tf := findFKByKey(p.to.ForeignKeys, fk)
			if tf == nil || containsFK(p.addFKs, tf) {
				continue
			}
			rk := tableKey{fk.RefSchema, fk.RefTable}
			touched := keyDropped[rk]
			for _, c := range fk.Columns {
				if typeChanged[k][c] {
					touched = true
				}
			}
			for _, c := range fk.RefColumns {
				if typeChanged[rk][c] {
					touched = true
				}
			}
			if touched {
				p.dropFKs = append(p.dropFKs, fk)
				p.addFKs = append(p.addFKs, tf)
			}
		}
	}
}

func containsFK(list []*schema.ForeignKey, fk *schema.ForeignKey) bool {
	for _, x := range list {
		if x == fk {
			return true
		}
	}
	return false
}

func findFKByKey(list []*schema.ForeignKey, fk *schema.ForeignKey) *schema.ForeignKey {
	for _, x := range list {
		if fkKey(x) == fkKey(fk) {
			return x
		}
	}
	return nil
}

// fkKey identifies a foreign key: its name, or its definition when unnamed.
func fkKey(fk *schema.ForeignKey) string {
	if fk.Name != "" {
		return fk.Name
	}
	return "\x00" + strings.Join(fk.Columns, ",") + "\x00" + fk.RefSchema + "." + fk.RefTable + "\x00" + strings.Join(fk.RefColumns, ",")
}

func columnChange(f, t *schema.Column) schema.ColumnChange {
	var ch schema.ColumnChange
	if f.Type.SQL != t.Type.SQL {
		ch |= schema.ChangeType
	}
	if f.Nullable != t.Nullable {
		ch |= schema.ChangeNull
	}
	if f.Default != t.Default {
		ch |= schema.ChangeDefault
	}
	if !reflect.DeepEqual(f.Identity, t.Identity) {
		ch |= schema.ChangeIdentity
	}
	if !reflect.DeepEqual(f.Sequence, t.Sequence) {
		ch |= schema.ChangeSequence
	}
	if !reflect.DeepEqual(f.Generated, t.Generated) {
		ch |= schema.ChangeGenerated
	}
	if f.Collation != t.Collation {
		ch |= schema.ChangeCollation
	}
	if f.Comment != t.Comment {
		ch |= schema.ChangeComment
	}
	if f.AutoIncrement != t.AutoIncrement {
		ch |= schema.ChangeAutoIncrement
	}
	if f.OnUpdate != t.OnUpdate {
		ch |= schema.ChangeOnUpdate
	}
	return ch
}

func columnsEqual(f, t *schema.Column) bool { return columnChange(f, t) == 0 }

func uniqueEqual(a, b *schema.Unique) bool {
	return equalStrings(a.Columns, b.Columns) && a.Deferrable == b.Deferrable &&
		a.InitiallyDeferred == b.InitiallyDeferred && a.NullsNotDistinct == b.NullsNotDistinct
}

func findUnique(list []*schema.Unique, u *schema.Unique) int {
	for i, x := range list {
		if uniqueEqual(x, u) {
			return i
		}
	}
	return -1
}

func indexEqual(a, b *schema.Index) bool {
	x, y := *a, *b
	x.Name, y.Name, x.SQL, y.SQL = "", "", "", ""
	return reflect.DeepEqual(x, y)
}

func findIndex(list []*schema.Index, ix *schema.Index) int {
	for i, x := range list {
		if indexEqual(x, ix) {
			return i
		}
	}
	return -1
}

func findCheck(list []*schema.Check, c *schema.Check) int {
	for i, x := range list {
		if x.Expr == c.Expr && x.NoInherit == c.NoInherit && x.Column == "" {
			return i
		}
	}
	return -1
}

func fkEqual(a, b *schema.ForeignKey) bool {
	x, y := *a, *b
	x.Name, y.Name = "", ""
	return reflect.DeepEqual(x, y)
}

func findFK(list []*schema.ForeignKey, fk *schema.ForeignKey) int {
	for i, x := range list {
		if fkEqual(x, fk) {
			return i
		}
	}
	return -1
}

// mentions reports whether expression e names column c as a word.
func mentions(e, c string) bool {
	if e == "" || c == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(e[i:], c)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWord(e[j-1])
		after := j+len(c) >= len(e) || !isWord(e[j+len(c)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWord(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// uniqueKey identifies a unique constraint: its name, or its columns when unnamed.
func uniqueKey(u *schema.Unique) string {
	if u.Name != "" {
		return u.Name
	}
	return "\x00" + strings.Join(u.Columns, ",")
}

// checkKey identifies a check: its name, or its expression when unnamed.
func checkKey(c *schema.Check) string {
	if c.Name != "" {
		return c.Name
	}
	return "\x00" + c.Column + "\x00" + c.Expr
}

// sameCommonOrder reports whether the columns both tables have come in the
// same order.
func sameCommonOrder(f, t *schema.Table) bool {
	var a, b []string
	for _, c := range f.Columns {
		if t.Column(c.Name) != nil {
			a = append(a, c.Name)
		}
	}
	for _, c := range t.Columns {
		if f.Column(c.Name) != nil {
			b = append(b, c.Name)
		}
	}
	return equalStrings(a, b)
}

func readsAny(expr string, cols map[string]bool) bool {
	for c := range cols {
		if mentions(expr, c) {
			return true
		}
	}
	return false
}
