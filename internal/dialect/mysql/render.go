package mysql

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Render returns the MySQL/MariaDB statements that apply changes, in order.
// Risky or destructive statements carry a Review note.
func Render(changes []schema.Change) (*schema.Rendered, error) {
	r := &agRenderer{out: &schema.Rendered{}}
	for _, c := range changes {
		if err := r.change(c); err != nil {
			return nil, err
		}
	}
	return r.out, nil
}

type agRenderer struct {
	out *schema.Rendered
}

func (r *agRenderer) add(sql, review string) {
	r.out.Statements = append(r.out.Statements, schema.Statement{SQL: sql, Review: review})
}

func (r *agRenderer) change(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddTable:
		r.createTable(c.Table)
	case *schema.DropTable:
		r.add("DROP TABLE "+agQualify(c.Table.Schema, c.Table.Name), "drops table "+c.Table.Name+" and all its data")
	case *schema.ModifyTable:
		return r.modifyTable(c)
	case *schema.AddView:
		r.add("CREATE VIEW "+agQualify(c.View.Schema, c.View.Name)+" AS "+c.View.Def, "")
	case *schema.DropView:
		r.add("DROP VIEW "+agQualify(c.View.Schema, c.View.Name), "")
	case *schema.AddNamespace, *schema.DropNamespace, *schema.AddEnum, *schema.DropEnum, *schema.ModifyEnum,
		*schema.AddExtension, *schema.DropExtension,
		*schema.AddSequence, *schema.DropSequence, *schema.ModifySequence:
		return fmt.Errorf("mysql: %s is not supported by MySQL/MariaDB", c)
	default:
		return fmt.Errorf("mysql: cannot render change %T (%s)", c, c)
	}
	return nil
}

// agColumnDef renders a column for CREATE TABLE, ADD and MODIFY COLUMN,
// with its column-level check when t has one.
func agColumnDef(t *schema.Table, c *schema.Column) string {
	var b strings.Builder
	b.WriteString(agQuote(c.Name) + " " + c.Type.SQL)
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if g := c.Generated; g != nil {
		b.WriteString(" GENERATED ALWAYS AS (" + g.Expr + ")")
		if g.Stored {
			b.WriteString(" STORED")
		} else {
			b.WriteString(" VIRTUAL")
		}
	} else {
		if !c.Nullable {
			b.WriteString(" NOT NULL")
		} else if strings.HasPrefix(strings.ToLower(c.Type.SQL), "timestamp") {
			b.WriteString(" NULL")
		}
		if c.Default != "" {
			if agLiteralDefault(c.Default) || strings.HasPrefix(c.Default, "(") && strings.HasSuffix(c.Default, ")") {
				b.WriteString(" DEFAULT " + c.Default)
			} else {
				b.WriteString(" DEFAULT (" + c.Default + ")")
			}
		}
		if c.OnUpdate != "" {
			b.WriteString(" ON UPDATE " + c.OnUpdate)
		}
		if c.AutoIncrement {
			b.WriteString(" AUTO_INCREMENT")
		}
	}
	if c.Comment != "" {
		b.WriteString(" COMMENT " + agString(c.Comment))
	}
	if t != nil {
		for _, ch := range t.Checks {
			if ch.Column == c.Name {
				b.WriteString(" CHECK (" + ch.Expr + ")")
			}
		}
	}
	return b.String()
}

func agCols(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = agQuote(c)
	}
	return strings.Join(q, ", ")
}

func agIndexParts(x *schema.Index) string {
	parts := make([]string, len(x.Parts))
	for i, p := range x.Parts {
		s := agQuote(p.Column)
		if p.Column == "" {
			s = "(" + p.Expr + ")"
		}
		if p.Prefix > 0 {
			s += fmt.Sprintf("(%d)", p.Prefix)
		}
		if p.Desc {
			s += " DESC"
		}
		parts[i] = s
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func agIndexKind(x *schema.Index) string {
	switch {
	case x.Method == "FULLTEXT":
		return "FULLTEXT "
	case x.Method == "SPATIAL":
		return "SPATIAL "
	case x.Unique:
		return "UNIQUE "
	}
	return ""
}

func agIndexTail(x *schema.Index) string {
	s := ""
	if x.Method == "HASH" {
		s += " USING HASH"
	}
	if x.Comment != "" {
		s += " COMMENT " + agString(x.Comment)
	}
	return s
}

func agFKDef(fk *schema.ForeignKey) string {
	s := fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", agCols(fk.Columns), agQualify(fk.RefSchema, fk.RefTable), agCols(fk.RefColumns))
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	return s
}

// agAddFK is the ALTER TABLE clause adding fk to t. A foreign key added by
// ALTER TABLE replaces an index the server generated for an earlier foreign
// key on the same columns with a new one named after the constraint, so the
// index the table is meant to keep (say "post_id") would come back renamed.
// Dropping and adding that index in the same statement makes it the user's
// own, which the new foreign key then uses as it is. Only indexes named as
// the server names the ones it generates (after the first column) are
// concerned: one the user created is kept anyway.
func agAddFK(t *schema.Table, fk *schema.ForeignKey) string {
	add := "ADD CONSTRAINT " + agQuote(fk.Name) + " " + agFKDef(fk)
	for _, x := range t.Indexes {
		if x.Name == fk.Name || x.Unique || x.Method != "" || len(x.Parts) != len(fk.Columns) || !agGeneratedName(x.Name, fk.Columns[0]) {
			continue
		}
		same := true
		for i, p := range x.Parts {
			if p.Column != fk.Columns[i] || p.Prefix != 0 || p.Desc {
				same = false
				break
			}
		}
		if same {
			return "DROP INDEX " + agQuote(x.Name) + ", ADD INDEX " + agQuote(x.Name) + " " + agIndexParts(x) + agIndexTail(x) + ", " + add
		}
	}
	return add
}

// agGeneratedName reports whether name is how the server names an index it
// generates for a foreign key starting with column col: "col" or "col_2".
func agGeneratedName(name, col string) bool {
	if name == col {
		return true
	}
	rest, ok := strings.CutPrefix(name, col+"_")
	if !ok || rest == "" {
		return false
	}
	for _, ch := range rest {
		if ch < '0' || ch > '9' {
			return false
		}
	}
	return true
}

func agCharset(collation string) string {
	cs, _, _ := strings.Cut(collation, "_")
	return cs
}

func (r *agRenderer) createTable(t *schema.Table) {
	var lines []string
	for _, c := range t.Columns {
		lines = append(lines, agColumnDef(t, c))
	}
	if t.PrimaryKey != nil {
		lines = append(lines, "PRIMARY KEY ("+agCols(t.PrimaryKey.Columns)+")")
	}
	for _, u := range t.Uniques {
		lines = append(lines, "UNIQUE KEY "+agQuote(u.Name)+" ("+agCols(u.Columns)+")")
	}
	for _, x := range t.Indexes {
		lines = append(lines, agIndexKind(x)+"KEY "+agQuote(x.Name)+" "+agIndexParts(x)+agIndexTail(x))
	}
	for _, ch := range t.Checks {
		if ch.Column == "" {
			lines = append(lines, "CONSTRAINT "+agQuote(ch.Name)+" CHECK ("+ch.Expr+")")
		}
	}
	for _, fk := range t.ForeignKeys {
		lines = append(lines, "CONSTRAINT "+agQuote(fk.Name)+" "+agFKDef(fk))
	}
	s := fmt.Sprintf("CREATE TABLE %s (\n    %s\n)", agQualify(t.Schema, t.Name), strings.Join(lines, ",\n    "))
	if t.Engine != "" {
		s += " ENGINE=" + t.Engine
	}
	if t.Collation != "" {
		s += " DEFAULT CHARSET=" + agCharset(t.Collation) + " COLLATE=" + t.Collation
	}
	if t.Options != "" {
		s += " " + t.Options
	}
	if t.Comment != "" {
		s += " COMMENT=" + agString(t.Comment)
	}
	r.add(s, "")
}

// agOptionsChange is the ALTER TABLE clause turning table options from into
// to ("" when equal): changed and new ones set, removed ones reset.
func agOptionsChange(from, to string) string {
	have := map[string]string{}
	for _, o := range strings.Fields(from) {
		k, v, _ := strings.Cut(o, "=")
		have[strings.ToLower(k)] = v
	}
	var out []string
	want := map[string]bool{}
	for _, o := range strings.Fields(to) {
		k, v, _ := strings.Cut(o, "=")
		want[strings.ToLower(k)] = true
		if old, ok := have[strings.ToLower(k)]; !ok || old != v {
			out = append(out, o)
		}
	}
	for _, o := range strings.Fields(from) {
		k, _, _ := strings.Cut(o, "=")
		if want[strings.ToLower(k)] {
			continue
		}
		switch strings.ToLower(k) {
		case "checksum", "delay_key_write", "pack_keys":
			out = append(out, k+"=0")
		default:
			out = append(out, k+"=DEFAULT")
		}
	}
	return strings.Join(out, " ")
}

func (r *agRenderer) tableChange(from, to *schema.Table, c schema.TableChange) error {
	alter := "ALTER TABLE " + agQualify(to.Schema, to.Name) + " "
	switch c := c.(type) {
	case *schema.AddColumn:
		pos := agPosition(to, c.Column.Name)
		review := ""
		if !c.Column.Nullable && c.Column.Default == "" && !c.Column.AutoIncrement && c.Column.Generated == nil {
			review = "adds NOT NULL column " + to.Name + "." + c.Column.Name + " without a default: existing rows get the type's zero value"
		}
		r.add(alter+"ADD COLUMN "+agColumnDef(to, c.Column)+pos, review)
	case *schema.DropColumn:
		review := "drops column " + to.Name + "." + c.Column.Name + " and its data"
		if c.Column.Generated != nil {
			review = "" // computed from other columns, nothing is lost
		}
		r.add(alter+"DROP COLUMN "+agQuote(c.Column.Name), review)
	case *schema.ModifyColumn:
		review := ""
		if c.Change.Is(schema.ChangeType) && !agWidens(c.From.Type, c.To.Type) {
			review = fmt.Sprintf("changes the type of %s.%s from %s to %s: fails or truncates if existing values do not fit", to.Name, c.To.Name, c.From.Type.SQL, c.To.Type.SQL)
		} else if c.Change.Is(schema.ChangeNull) && !c.To.Nullable {
			review = "sets NOT NULL on " + to.Name + "." + c.To.Name + ": fails if it holds NULLs"
		}
		pos := ""
		if c.Change.Is(schema.ChangePosition) {
			pos = " FIRST"
			for i, col := range to.Columns {
				if col.Name == c.To.Name && i > 0 {
					pos = " AFTER " + agQuote(to.Columns[i-1].Name)
				}
			}
		}
		r.add(alter+"MODIFY COLUMN "+agColumnDef(to, c.To)+pos, review)
	case *schema.AddPrimaryKey:
		r.add(alter+"ADD PRIMARY KEY ("+agCols(c.PrimaryKey.Columns)+")", "fails if existing rows hold duplicates or NULLs")
	case *schema.DropPrimaryKey:
		r.add(alter+"DROP PRIMARY KEY", "")
	case *schema.AddUnique:
		r.add(alter+"ADD CONSTRAINT "+agQuote(c.Unique.Name)+" UNIQUE ("+agCols(c.Unique.Columns)+")", "fails if existing rows hold duplicates")
	case *schema.DropUnique:
		r.add("DROP INDEX "+agQuote(c.Unique.Name)+" ON "+agQualify(to.Schema, to.Name), "")
	case *schema.AddIndex:
		review := ""
		if c.Index.Unique {
			review = "fails if existing rows hold duplicates"
		}
		r.add("CREATE "+agIndexKind(c.Index)+"INDEX "+agQuote(c.Index.Name)+" ON "+agQualify(to.Schema, to.Name)+" "+agIndexParts(c.Index)+agIndexTail(c.Index), review)
	case *schema.DropIndex:
		r.add("DROP INDEX "+agQuote(c.Index.Name)+" ON "+agQualify(to.Schema, to.Name), "")
	case *schema.RenameIndex:
		r.add(alter+"RENAME INDEX "+agQuote(c.From.Name)+" TO "+agQuote(c.To.Name), "")
	case *schema.AddForeignKey:
		r.add(alter+agAddFK(to, c.ForeignKey), "")
	case *schema.DropForeignKey:
		r.add(alter+"DROP FOREIGN KEY "+agQuote(c.ForeignKey.Name), "")
	case *schema.AddCheck:
		if c.Check.Column != "" {
			if col := to.Column(c.Check.Column); col != nil {
				r.add(alter+"MODIFY COLUMN "+agColumnDef(to, col), "fails if existing rows violate the check")
				return nil
			}
		}
		r.add(alter+"ADD CONSTRAINT "+agQuote(c.Check.Name)+" CHECK ("+c.Check.Expr+")", "fails if existing rows violate the check")
	case *schema.DropCheck:
		if c.Check.Column != "" {
			// A column-level check goes with its column's definition.
			if col := to.Column(c.Check.Column); col != nil {
				r.add(alter+"MODIFY COLUMN "+agColumnDef(to, col), "")
			}
			return nil
		}
		r.add(alter+"DROP CONSTRAINT "+agQuote(c.Check.Name), "")
	case *schema.RenameConstraint:
		return r.renameConstraint(from, to, c)
	case *schema.ModifyTableComment:
		r.add(alter+"COMMENT = "+agString(c.To), "")
	case *schema.ModifyTableOptions:
		if c.From.Engine != c.To.Engine && c.To.Engine != "" {
			r.add(alter+"ENGINE = "+c.To.Engine, "changes the storage engine of "+to.Name+": rewrites the table")
		}
		if o := agOptionsChange(c.From.Options, c.To.Options); o != "" {
			r.add(alter+o, "changes table options of "+to.Name+": may rebuild the table")
		}
		if c.From.Collation != c.To.Collation && c.To.Collation != "" {
			r.add(alter+"CONVERT TO CHARACTER SET "+agCharset(c.To.Collation)+" COLLATE "+c.To.Collation,
				"converts every text column of "+to.Name+" to "+c.To.Collation+": rewrites the table")
			for _, col := range to.Columns {
				if col.Collation != "" {
					r.add(alter+"MODIFY COLUMN "+agColumnDef(to, col), "")
				}
			}
		}
	case *schema.ModifyTriggers:
		return fmt.Errorf("mysql: triggers of table %s are not managed", to.Name)
	default:
		return fmt.Errorf("mysql: cannot render table change %T (%s)", c, c)
	}
	return nil
}

// renameConstraint: MySQL renames indexes but not foreign keys or checks,
// which are dropped and added again under the new name.
func (r *agRenderer) renameConstraint(from, to *schema.Table, c *schema.RenameConstraint) error {
	alter := "ALTER TABLE " + agQualify(to.Schema, to.Name) + " "
	switch c.Kind {
	case "unique":
		r.add(alter+"RENAME INDEX "+agQuote(c.From)+" TO "+agQuote(c.To), "")
		return nil
	case "foreign key":
		for _, fk := range to.ForeignKeys {
			if fk.Name == c.To {
				r.add(alter+"DROP FOREIGN KEY "+agQuote(c.From), "")
				r.add(alter+agAddFK(to, fk), "")
				return nil
			}
		}
	case "check":
		for _, ch := range to.Checks {
			if ch.Name == c.To {
				r.add(alter+"DROP CONSTRAINT "+agQuote(c.From), "")
				r.add(alter+"ADD CONSTRAINT "+agQuote(c.To)+" CHECK ("+ch.Expr+")", "")
				return nil
			}
		}
	case "primary key":
		return nil // always PRIMARY
	}
	return fmt.Errorf("mysql: cannot rename %s constraint %s of %s", c.Kind, c.From, to.Name)
}

// agPositionOrder returns m's changes with the column moves in the order
// of the target table, each after its predecessor there: moves applied in
// any other order (a reversed upgrade) would not give the target order.
func agPositionOrder(m *schema.ModifyTable) []schema.TableChange {
	out := append([]schema.TableChange(nil), m.Changes...)
	var slots []int
	var moves []*schema.ModifyColumn
	for i, c := range out {
		if mc, ok := c.(*schema.ModifyColumn); ok && mc.Change.Is(schema.ChangePosition) {
			slots = append(slots, i)
			moves = append(moves, mc)
		}
	}
	pos := map[string]int{}
	for i, c := range m.To.Columns {
		pos[c.Name] = i
	}
	sort.SliceStable(moves, func(i, j int) bool { return pos[moves[i].To.Name] < pos[moves[j].To.Name] })
	for k, i := range slots {
		out[i] = moves[k]
	}
	return out
}

// modifyTable renders a table's changes. MySQL insists that an
// AUTO_INCREMENT column is a key at every moment, so AUTO_INCREMENT is
// removed before keys are dropped and added after keys are created, and a
// primary key that changes is dropped and added in one statement.
// agPosition places a new column as in t: " FIRST", " AFTER prev", or ""
// at the end.
func agPosition(t *schema.Table, name string) string {
	for i, col := range t.Columns {
		if col.Name != name {
			continue
		}
		switch {
		case i == 0:
			return " FIRST"
		case i < len(t.Columns)-1:
			return " AFTER " + agQuote(t.Columns[i-1].Name)
		}
	}
	return ""
}

// agFKIndexDrops returns the index drops of m that could leave a foreign
// key the table keeps without an index: the server refuses those ("needed
// in a foreign key constraint") unless the index replacing it comes in the
// same statement, so they go in one ALTER TABLE with the indexes added.
func agFKIndexDrops(m *schema.ModifyTable, changes []schema.TableChange) map[schema.TableChange]bool {
	kept := map[string]bool{}
	for _, fk := range m.From.ForeignKeys {
		for _, tf := range m.To.ForeignKeys {
			if tf.Name == fk.Name {
				kept[fk.Name] = true
			}
		}
	}
	if len(kept) == 0 {
		return nil
	}
	serves := func(cols []string) bool {
		for _, fk := range m.From.ForeignKeys {
			if kept[fk.Name] && len(cols) >= len(fk.Columns) && slices.Equal(cols[:len(fk.Columns)], fk.Columns) {
				return true
			}
		}
		return false
	}
	out := map[schema.TableChange]bool{}
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropIndex:
			cols := make([]string, len(c.Index.Parts))
			for i, p := range c.Index.Parts {
				cols[i] = p.Column
			}
			if serves(cols) {
				out[c] = true
			}
		case *schema.DropUnique:
			if serves(c.Unique.Columns) {
				out[c] = true
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// keysTogether renders the index drops in drops and every index and unique
// key changes adds in one ALTER TABLE.
func (r *agRenderer) keysTogether(m *schema.ModifyTable, changes []schema.TableChange, drops map[schema.TableChange]bool) {
	var clauses []string
	review := ""
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropIndex:
			if drops[c] {
				clauses = append(clauses, "DROP INDEX "+agQuote(c.Index.Name))
			}
		case *schema.DropUnique:
			if drops[c] {
				clauses = append(clauses, "DROP INDEX "+agQuote(c.Unique.Name))
			}
		}
	}
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.AddIndex:
			clauses = append(clauses, "ADD "+agIndexKind(c.Index)+"INDEX "+agQuote(c.Index.Name)+" "+agIndexParts(c.Index)+agIndexTail(c.Index))
			if c.Index.Unique {
				review = "fails if existing rows hold duplicates"
			}
		case *schema.AddUnique:
			clauses = append(clauses, "ADD CONSTRAINT "+agQuote(c.Unique.Name)+" UNIQUE ("+agCols(c.Unique.Columns)+")")
			review = "fails if existing rows hold duplicates"
		}
	}
	r.add("ALTER TABLE "+agQualify(m.To.Schema, m.To.Name)+" "+strings.Join(clauses, ", "), review)
}

// agPKBeforeDrops moves the primary key change at index pk before the first
// drop of a column of from's primary key: the server refuses to drop a
// column of a multi-column primary key. It returns the changes and the new
// index of the primary key change.
func agPKBeforeDrops(from *schema.Table, changes []schema.TableChange, pk int) ([]schema.TableChange, int) {
	if from.PrimaryKey == nil {
		return changes, pk
	}
	for i, c := range changes[:pk] {
		dc, ok := c.(*schema.DropColumn)
		if !ok || !slices.Contains(from.PrimaryKey.Columns, dc.Column.Name) {
			continue
		}
		out := append([]schema.TableChange(nil), changes[:i]...)
		out = append(out, changes[pk])
		out = append(out, changes[i:pk]...)
		out = append(out, changes[pk+1:]...)
		return out, i
	}
	return changes, pk
}

// agNullAfterPK moves the changes that make a column of from's primary key
// nullable to just after the primary key change at index pk: the server
// keeps primary key columns NOT NULL, so done before, they would stay so.
func agNullAfterPK(from *schema.Table, changes []schema.TableChange, pk int) []schema.TableChange {
	if from.PrimaryKey == nil {
		return changes
	}
	inPK := map[string]bool{}
	for _, c := range from.PrimaryKey.Columns {
		inPK[c] = true
	}
	var out, moved []schema.TableChange
	for i, c := range changes {
		if mc, ok := c.(*schema.ModifyColumn); ok && i < pk && mc.Change.Is(schema.ChangeNull) && mc.To.Nullable && inPK[mc.To.Name] {
			moved = append(moved, c)
			continue
		}
		out = append(out, c)
		if i == pk {
			out = append(out, moved...)
		}
	}
	return out
}

func (r *agRenderer) modifyTable(m *schema.ModifyTable) error {
	changes := agPositionOrder(m)
	dropPK, addPK := -1, -1
	for i, c := range changes {
		switch c.(type) {
		case *schema.DropPrimaryKey:
			dropPK = i
		case *schema.AddPrimaryKey:
			addPK = i
		}
	}
	if dropPK >= 0 && addPK > dropPK {
		changes, addPK = agPKBeforeDrops(m.From, changes, addPK)
		changes = agNullAfterPK(m.From, changes, addPK)
	}
	alter := "ALTER TABLE " + agQualify(m.To.Schema, m.To.Name) + " "
	var later []*schema.Column
	for _, c := range changes {
		if mc, ok := c.(*schema.ModifyColumn); ok && mc.Change.Is(schema.ChangeAutoIncrement) && !mc.To.AutoIncrement {
			col := *mc.From
			col.AutoIncrement = false
			r.add(alter+"MODIFY COLUMN "+agColumnDef(m.From, &col), "")
		}
	}
	// An AUTO_INCREMENT column must be a key from the start: a new one is
	// added together with the new primary key, and one dropped goes with the
	// primary key it held.
	var autoAdd, autoDrop *schema.Column
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.AddColumn:
			if c.Column.AutoIncrement && addPK >= 0 {
				autoAdd = c.Column
			}
		case *schema.DropColumn:
			if c.Column.AutoIncrement && dropPK >= 0 && addPK < 0 {
				autoDrop = c.Column
			}
		}
	}
	keep := agFKIndexDrops(m, changes)
	keysDone := false
	for _, c := range changes {
		if keep[c] {
			continue // in the combined statement below
		}
		switch c.(type) {
		case *schema.AddIndex, *schema.AddUnique:
			if len(keep) > 0 {
				if !keysDone {
					r.keysTogether(m, changes, keep)
					keysDone = true
				}
				continue
			}
		}
		switch c := c.(type) {
		case *schema.AddColumn:
			if c.Column == autoAdd {
				pk := changes[addPK].(*schema.AddPrimaryKey)
				var b strings.Builder
				b.WriteString(alter + "ADD COLUMN " + agColumnDef(m.To, c.Column) + agPosition(m.To, c.Column.Name))
				if dropPK >= 0 {
					b.WriteString(", DROP PRIMARY KEY")
				}
				b.WriteString(", ADD PRIMARY KEY (" + agCols(pk.PrimaryKey.Columns) + ")")
				r.add(b.String(), "")
				continue
			}
		case *schema.DropColumn:
			if c.Column == autoDrop {
				r.add(alter+"DROP PRIMARY KEY, DROP COLUMN "+agQuote(c.Column.Name), "drops column "+m.To.Name+"."+c.Column.Name+" and its data")
				continue
			}
		case *schema.DropPrimaryKey:
			if addPK >= 0 || autoDrop != nil {
				continue
			}
		case *schema.AddPrimaryKey:
			if autoAdd != nil {
				continue
			}
			if dropPK >= 0 {
				r.add(alter+"DROP PRIMARY KEY, ADD PRIMARY KEY ("+agCols(c.PrimaryKey.Columns)+")", "fails if existing rows hold duplicates or NULLs")
				continue
			}
		case *schema.ModifyColumn:
			if c.Change == schema.ChangeAutoIncrement && !c.To.AutoIncrement {
				continue // done above
			}
			if c.Change == schema.ChangeAutoIncrement {
				later = append(later, c.To)
				continue
			}
			if c.Change.Is(schema.ChangeAutoIncrement) && c.To.AutoIncrement {
				col := *c.To
				col.AutoIncrement = false
				mc := *c
				mc.To = &col
				later = append(later, c.To)
				if err := r.tableChange(m.From, m.To, &mc); err != nil {
					return err
				}
				continue
			}
		}
		if err := r.tableChange(m.From, m.To, c); err != nil {
			return err
		}
	}
	if len(keep) > 0 && !keysDone {
		r.keysTogether(m, changes, keep)
	}
	for _, col := range later {
		r.add(alter+"MODIFY COLUMN "+agColumnDef(m.To, col), "")
	}
	return nil
}
