package diff

import (
	"reflect"
	"strings"

	"github.com/retortdb/retort/schema"
)

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
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

func checkMinus(all []*schema.Check, name string) []*schema.Check {
	var out []*schema.Check
	for _, c := range all {
		if c.Name != name {
			out = append(out, c)
		}
	}
	return out
}

func indexMinus(all []*schema.Index, name string) []*schema.Index {
	var out []*schema.Index
	for _, x := range all {
		if x.Name != name {
			out = append(out, x)
		}
	}
	return out
}

func fkMinus(all, some []*schema.ForeignKey) []*schema.ForeignKey {
	var out []*schema.ForeignKey
	for _, fk := range all {
		skip := false
		for _, s := range some {
			if fk == s {
				skip = true
			}
		}
		if !skip {
			out = append(out, fk)
		}
	}
	return out
}

func cloneTable(t *schema.Table) *schema.Table {
	c := *t
	c.Columns = append([]*schema.Column(nil), t.Columns...)
	c.Uniques = append([]*schema.Unique(nil), t.Uniques...)
	c.Indexes = append([]*schema.Index(nil), t.Indexes...)
	c.ForeignKeys = append([]*schema.ForeignKey(nil), t.ForeignKeys...)
	c.Checks = append([]*schema.Check(nil), t.Checks...)
	c.Exclusions = append([]*schema.Exclusion(nil), t.Exclusions...)
	c.SQL = ""
	return &c
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
		a.InitiallyDeferred == b.InitiallyDeferred && a.NullsNotDistinct == b.NullsNotDistinct && a.StorageParams == b.StorageParams
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

// checkEqual compares two checks but for their names and comments (a comment
// changes in place).
func checkEqual(a, b *schema.Check) bool {
	x, y := *a, *b
	// Matched by key, the names are equal but for case where the server
	// folds them (a rename then, not a new check); comments change apart.
	x.Name, y.Name = "", ""
	x.Comment, y.Comment = "", ""
	return x == y
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
	x.Comment, y.Comment = "", ""
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
