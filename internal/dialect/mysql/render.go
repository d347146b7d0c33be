package mysql

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Render returns the MySQL/MariaDB statements that apply changes, in order.
// Risky or destructive statements carry a Review note.
func Render(changes []schema.Change) (*schema.Rendered, error) {
	r := &renderer{out: &schema.Rendered{}, recreated: dialect.RecreatedObjects(changes)}
	for _, c := range changes {
		if err := r.change(c); err != nil {
			return nil, err
		}
	}
	return r.out, nil
}

type renderer struct {
	out *schema.Rendered
	// recreated are the objects dropped and created again (no review note
	// on their drop).
	recreated map[string]bool
}

func (r *renderer) add(sql, review string) {
	r.out.Statements = append(r.out.Statements, schema.Statement{SQL: sql, Review: review})
}

func (r *renderer) change(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddTable:
		r.createTable(c.Table)
	case *schema.DropTable:
		r.add("DROP TABLE "+qualify(c.Table.Schema, c.Table.Name), "drops table "+c.Table.Name+" and all its data")
	case *schema.ModifyTable:
		return r.modifyTable(c)
	case *schema.RenameTable:
		if strings.EqualFold(c.From, c.To) {
			// Where the server compares table names regardless of case
			// (lower_case_table_names 2), a new name that differs only in
			// case goes through a free name, in one statement.
			tmp := c.To + "__retort_case"
			r.add("RENAME TABLE "+qualify(c.Schema, c.From)+" TO "+qualify(c.Schema, tmp)+", "+qualify(c.Schema, tmp)+" TO "+qualify(c.Schema, c.To), "")
			break
		}
		r.add("ALTER TABLE "+qualify(c.Schema, c.From)+" RENAME TO "+quote(c.To), "")
	case *schema.RenameColumn:
		r.add("ALTER TABLE "+qualify(c.Schema, c.Table)+" RENAME COLUMN "+quote(c.From)+" TO "+quote(c.To), "")
	case *schema.AddView:
		r.add(createView(c.View), "")
	case *schema.DropView:
		r.add("DROP VIEW "+qualify(c.View.Schema, c.View.Name), "")
	case *schema.AddObject, *schema.DropObject, *schema.ReplaceObject:
		return r.object(c)
	case *schema.AddSequence, *schema.DropSequence, *schema.ModifySequence, *schema.RenameSequence:
		return r.sequence(c)
	case *schema.AddNamespace, *schema.DropNamespace, *schema.AddEnum, *schema.DropEnum, *schema.ModifyEnum,
		*schema.AddExtension, *schema.DropExtension:
		return fmt.Errorf("mysql: %s is not supported by MySQL/MariaDB", c)
	default:
		return fmt.Errorf("mysql: cannot render change %T (%s)", c, c)
	}
	return nil
}

// columnDef renders a column for CREATE TABLE, ADD and MODIFY COLUMN,
// with its column-level check when t has one.
func columnDef(t *schema.Table, c *schema.Column) string {
	var b strings.Builder
	b.WriteString(quote(c.Name) + " " + c.Type.SQL)
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
			if literalDefault(c.Default) || strings.HasPrefix(c.Default, "(") && strings.HasSuffix(c.Default, ")") {
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
		b.WriteString(" COMMENT " + literal(c.Comment))
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

// constraintPrefix is "CONSTRAINT name " for a named constraint and "" for
// one that takes the server's name.
func constraintPrefix(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + quote(name) + " "
}

// nameOf is a key's quoted name and a space, "" for a key the server names.
func nameOf(name string) string {
	if name == "" {
		return ""
	}
	return quote(name) + " "
}

func quoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quote(c)
	}
	return strings.Join(q, ", ")
}

func indexParts(x *schema.Index) string {
	parts := make([]string, len(x.Parts))
	for i, p := range x.Parts {
		s := quote(p.Column)
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

func indexKind(x *schema.Index) string {
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

func indexTail(x *schema.Index) string {
	s := ""
	switch x.Method {
	case "BTREE", "HASH", "RTREE":
		s += " USING " + x.Method
	}
	if x.Comment != "" {
		s += " COMMENT " + literal(x.Comment)
	}
	if x.Hidden != "" {
		s += " " + x.Hidden
	}
	return s
}

func foreignKeyDef(fk *schema.ForeignKey) string {
	s := fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", quoteList(fk.Columns), qualify(fk.RefSchema, fk.RefTable), quoteList(fk.RefColumns))
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	return s
}

// addForeignKey is the ALTER TABLE clause adding fk to t. A foreign key added by
// ALTER TABLE replaces an index the server generated for an earlier foreign
// key on the same columns with a new one named after the constraint, so the
// index the table is meant to keep (say "post_id") would come back renamed.
// Dropping and adding that index in the same statement makes it the user's
// own, which the new foreign key then uses as it is. Only indexes named as
// the server names the ones it generates (after the first column) are
// concerned: one the user created is kept anyway.
func addForeignKey(t *schema.Table, fk *schema.ForeignKey) string {
	add := "ADD " + constraintPrefix(fk.Name) + foreignKeyDef(fk)
	for _, x := range t.Indexes {
		if fk.Name == "" || x.Name == fk.Name || x.Unique || x.Method != "" || len(x.Parts) != len(fk.Columns) || !generatedIndexName(x.Name, fk.Columns[0]) {
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
			return "DROP INDEX " + quote(x.Name) + ", ADD INDEX " + quote(x.Name) + " " + indexParts(x) + indexTail(x) + ", " + add
		}
	}
	return add
}

// generatedIndexName reports whether name is how the server names an index it
// generates for a foreign key starting with column col: "col" or "col_2".
func generatedIndexName(name, col string) bool {
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

func charsetOf(collation string) string {
	cs, _, _ := strings.Cut(collation, "_")
	return cs
}

func (r *renderer) createTable(t *schema.Table) {
	var lines []string
	for _, c := range t.Columns {
		lines = append(lines, columnDef(t, c))
	}
	if t.PrimaryKey != nil {
		lines = append(lines, "PRIMARY KEY ("+quoteList(t.PrimaryKey.Columns)+")")
	}
	// A key or constraint without a name (a Go model's) takes the server's.
	for _, u := range t.Uniques {
		lines = append(lines, "UNIQUE KEY "+nameOf(u.Name)+"("+quoteList(u.Columns)+")")
	}
	for _, x := range t.Indexes {
		lines = append(lines, indexKind(x)+"KEY "+quote(x.Name)+" "+indexParts(x)+indexTail(x))
	}
	for _, ch := range t.Checks {
		if ch.Column == "" {
			lines = append(lines, constraintPrefix(ch.Name)+"CHECK ("+ch.Expr+")")
		}
	}
	for _, fk := range t.ForeignKeys {
		lines = append(lines, constraintPrefix(fk.Name)+foreignKeyDef(fk))
	}
	s := fmt.Sprintf("CREATE TABLE %s (\n    %s\n)", qualify(t.Schema, t.Name), strings.Join(lines, ",\n    "))
	if t.Engine != "" {
		s += " ENGINE=" + t.Engine
	}
	if t.Collation != "" {
		s += " DEFAULT CHARSET=" + charsetOf(t.Collation) + " COLLATE=" + t.Collation
	}
	if t.Options != "" {
		s += " " + t.Options
	}
	if t.Comment != "" {
		s += " COMMENT=" + literal(t.Comment)
	}
	if t.Partitioning != nil {
		s += "\n" + partitionClause(t.Partitioning)
	}
	r.add(s, "")
}

// optionsChange is the ALTER TABLE clause turning table options from into
// to ("" when equal): changed and new ones set, removed ones reset.
func optionsChange(from, to string) string {
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

func (r *renderer) tableChange(from, to *schema.Table, c schema.TableChange) error {
	alter := "ALTER TABLE " + qualify(to.Schema, to.Name) + " "
	switch c := c.(type) {
	case *schema.AddColumn:
		pos := position(to, c.Column.Name)
		review := ""
		if !c.Column.Nullable && c.Column.Default == "" && !c.Column.AutoIncrement && c.Column.Generated == nil {
			review = "adds NOT NULL column " + to.Name + "." + c.Column.Name + " without a default: existing rows get the type's zero value"
		}
		r.add(alter+"ADD COLUMN "+columnDef(to, c.Column)+pos, review)
	case *schema.DropColumn:
		review := "drops column " + to.Name + "." + c.Column.Name + " and its data"
		if c.Column.Generated != nil {
			review = "" // computed from other columns, nothing is lost
		}
		r.add(alter+"DROP COLUMN "+quote(c.Column.Name), review)
	case *schema.ModifyColumn:
		if c.Change.Is(schema.ChangeGenerated) && isVirtual(c.From) != isVirtual(c.To) {
			return r.rebuildColumn(to, c)
		}
		review := ""
		narrows := c.Change.Is(schema.ChangeType) && narrowsType(c.From.Type, c.To.Type)
		if narrows {
			review = fmt.Sprintf("changes the type of %s.%s from %s to %s: %s fail it in strict mode, and the table is left as it was; every other value is kept",
				to.Name, c.To.Name, c.From.Type.SQL, c.To.Type.SQL, unfit(c.From.Type, c.To.Type))
		} else if c.Change.Is(schema.ChangeNull) && !c.To.Nullable {
			review = "sets NOT NULL on " + to.Name + "." + c.To.Name + ": fails if it holds NULLs"
		}
		pos := ""
		if c.Change.Is(schema.ChangePosition) {
			pos = " FIRST"
			for i, col := range to.Columns {
				if col.Name == c.To.Name && i > 0 {
					pos = " AFTER " + quote(to.Columns[i-1].Name)
				}
			}
		}
		if !narrows {
			r.add(alter+"MODIFY COLUMN "+columnDef(to, c.To)+pos, review)
			break
		}
		// A MODIFY outside strict mode truncates and clips values that do
		// not fit, with only a warning; even in strict mode it rounds
		// decimals and cuts times off dates with only a note. The guard
		// fails first on values that would be rounded, the MODIFY runs in
		// strict mode (restored after), and a copying ALTER that fails
		// leaves the table as it was.
		if cond := roundingGuard(quote(c.To.Name), c.From.Type, c.To.Type); cond != "" {
			sel := "SELECT 1 FROM " + qualify(to.Schema, to.Name) + " WHERE " + cond
			r.add("SELECT ("+sel+" UNION ALL "+sel+") AS "+quote("retort: fails (Subquery returns more than 1 row) when "+to.Name+"."+c.To.Name+" holds values "+c.To.Type.SQL+" would not keep unchanged"), "")
		}
		r.add("SET @retort_sql_mode = @@SESSION.sql_mode", "")
		r.add("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')", "")
		r.add(alter+"MODIFY COLUMN "+columnDef(to, c.To)+pos, review)
		r.add("SET SESSION sql_mode = @retort_sql_mode", "")
	case *schema.AddPrimaryKey:
		r.add(alter+"ADD PRIMARY KEY ("+quoteList(c.PrimaryKey.Columns)+")", "fails if existing rows hold duplicates or NULLs")
	case *schema.DropPrimaryKey:
		r.add(alter+"DROP PRIMARY KEY", "")
	case *schema.AddUnique:
		r.add(alter+"ADD CONSTRAINT "+quote(c.Unique.Name)+" UNIQUE ("+quoteList(c.Unique.Columns)+")", "fails if existing rows hold duplicates")
	case *schema.DropUnique:
		r.add("DROP INDEX "+quote(c.Unique.Name)+" ON "+qualify(to.Schema, to.Name), "")
	case *schema.AddIndex:
		review := ""
		if c.Index.Unique {
			review = "fails if existing rows hold duplicates"
		}
		r.add("CREATE "+indexKind(c.Index)+"INDEX "+quote(c.Index.Name)+" ON "+qualify(to.Schema, to.Name)+" "+indexParts(c.Index)+indexTail(c.Index), review)
	case *schema.DropIndex:
		r.add("DROP INDEX "+quote(c.Index.Name)+" ON "+qualify(to.Schema, to.Name), "")
	case *schema.RenameIndex:
		r.add(alter+"RENAME INDEX "+quote(c.From.Name)+" TO "+quote(c.To.Name), "")
	case *schema.AddForeignKey:
		r.add(alter+addForeignKey(to, c.ForeignKey), "")
	case *schema.DropForeignKey:
		r.add(alter+"DROP FOREIGN KEY "+quote(c.ForeignKey.Name), "")
	case *schema.AddCheck:
		if c.Check.Column != "" {
			if col := to.Column(c.Check.Column); col != nil {
				r.add(alter+"MODIFY COLUMN "+columnDef(to, col), "fails if existing rows violate the check")
				return nil
			}
		}
		add := "ADD CHECK (" // unnamed: the server names it
		if c.Check.Name != "" {
			add = "ADD CONSTRAINT " + quote(c.Check.Name) + " CHECK ("
		}
		r.add(alter+add+c.Check.Expr+")", "fails if existing rows violate the check")
	case *schema.DropCheck:
		if c.Check.Column != "" {
			// A column-level check goes with its column's definition.
			if col := to.Column(c.Check.Column); col != nil {
				r.add(alter+"MODIFY COLUMN "+columnDef(to, col), "")
			}
			return nil
		}
		r.add(alter+"DROP CONSTRAINT "+quote(c.Check.Name), "")
	case *schema.RenameConstraint:
		return r.renameConstraint(from, to, c)
	case *schema.ModifyTableComment:
		r.add(alter+"COMMENT = "+literal(c.To), "")
	case *schema.ModifyTableOptions:
		if c.From.Engine != c.To.Engine && c.To.Engine != "" {
			r.add(alter+"ENGINE = "+c.To.Engine, "changes the storage engine of "+to.Name+": rewrites the table")
		}
		if o := optionsChange(c.From.Options, c.To.Options); o != "" {
			r.add(alter+o, "changes table options of "+to.Name+": may rebuild the table")
		}
		if c.From.Collation != c.To.Collation && c.To.Collation != "" {
			r.add(alter+"CONVERT TO CHARACTER SET "+charsetOf(c.To.Collation)+" COLLATE "+c.To.Collation,
				"converts every text column of "+to.Name+" to "+c.To.Collation+": rewrites the table")
			// CONVERT resets every column's collation and, where the new
			// character set takes more bytes a character, promotes the
			// text types (TEXT to MEDIUMTEXT): put back what the table
			// says.
			for _, col := range to.Columns {
				if col.Collation != "" || convertPromotes(col.Type) {
					r.add(alter+"MODIFY COLUMN "+columnDef(to, col), "")
				}
			}
		}
	case *schema.AddPartition, *schema.DropPartition, *schema.ModifyPartitioning:
		return r.partitionChange(to, c)
	default:
		return fmt.Errorf("mysql: cannot render table change %T (%s)", c, c)
	}
	return nil
}

// renameConstraint: MySQL renames indexes but not foreign keys or checks,
// which are dropped and added again under the new name.
func (r *renderer) renameConstraint(from, to *schema.Table, c *schema.RenameConstraint) error {
	alter := "ALTER TABLE " + qualify(to.Schema, to.Name) + " "
	switch c.Kind {
	case "unique":
		r.add(alter+"RENAME INDEX "+quote(c.From)+" TO "+quote(c.To), "")
		return nil
	case "foreign key":
		for _, fk := range to.ForeignKeys {
			if fk.Name == c.To {
				r.add(alter+"DROP FOREIGN KEY "+quote(c.From), "")
				r.add(alter+addForeignKey(to, fk), "")
				return nil
			}
		}
	case "check":
		for _, ch := range to.Checks {
			if ch.Name == c.To {
				r.add(alter+"DROP CONSTRAINT "+quote(c.From), "")
				r.add(alter+"ADD CONSTRAINT "+quote(c.To)+" CHECK ("+ch.Expr+")", "")
				return nil
			}
		}
	case "primary key":
		return nil // always PRIMARY
	}
	return fmt.Errorf("mysql: cannot rename %s constraint %s of %s", c.Kind, c.From, to.Name)
}

// convertPromotes reports whether CONVERT TO CHARACTER SET may give a
// column of type t a larger type (TINYTEXT, TEXT and MEDIUMTEXT grow to
// keep their length in characters).
func convertPromotes(t schema.Type) bool {
	switch strings.ToLower(t.Name) {
	case "tinytext", "text", "mediumtext":
		return true
	}
	return false
}

func isVirtual(c *schema.Column) bool { return c.Generated != nil && !c.Generated.Stored }

// rebuildColumn changes a column to or from VIRTUAL, which MariaDB cannot
// MODIFY ("not yet supported for generated columns"), by building it
// again in its place (the diff moved what reads it out of the way): a
// generated column is dropped and added, its values computed; a virtual
// column that becomes a regular one is added under a temporary name,
// filled with the values it gives, and takes the old one's place and name.
func (r *renderer) rebuildColumn(to *schema.Table, c *schema.ModifyColumn) error {
	alter := "ALTER TABLE " + qualify(to.Schema, to.Name) + " "
	q := to.Name + "." + c.To.Name
	if c.To.Generated != nil {
		review := ""
		if c.From.Generated == nil {
			review = "recreates " + q + " as a generated column: the values it holds are replaced by " + c.To.Generated.Expr
		}
		r.add(alter+"DROP COLUMN "+quote(c.From.Name), review)
		r.add(alter+"ADD COLUMN "+columnDef(to, c.To)+position(to, c.To.Name), "")
		return nil
	}
	tmp := "_retort_new_" + c.To.Name
	if len(tmp) > 64 {
		tmp = tmp[:64]
	}
	def := *c.To
	def.Name = tmp
	r.add(alter+"ADD COLUMN "+columnDef(to, &def)+" AFTER "+quote(c.From.Name),
		"rebuilds "+q+" as a regular column (MariaDB cannot MODIFY a virtual column into one): the values it gives are copied")
	r.add("UPDATE "+qualify(to.Schema, to.Name)+" SET "+quote(tmp)+" = "+quote(c.From.Name), "")
	r.add(alter+"DROP COLUMN "+quote(c.From.Name), "")
	r.add(alter+"RENAME COLUMN "+quote(tmp)+" TO "+quote(c.To.Name), "")
	if c.Change.Is(schema.ChangePosition) {
		r.add(alter+"MODIFY COLUMN "+columnDef(to, c.To)+position(to, c.To.Name), "")
	}
	return nil
}

// positionOrder returns m's changes with the column moves in the order
// of the target table, each after its predecessor there: moves applied in
// any other order (a reversed upgrade) would not give the target order.
func positionOrder(m *schema.ModifyTable) []schema.TableChange {
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
// position places a new column as in t: " FIRST", " AFTER prev", or ""
// at the end.
func position(t *schema.Table, name string) string {
	for i, col := range t.Columns {
		if col.Name != name {
			continue
		}
		switch {
		case i == 0:
			return " FIRST"
		case i < len(t.Columns)-1:
			return " AFTER " + quote(t.Columns[i-1].Name)
		}
	}
	return ""
}

// fkIndexDrops returns the index drops of m that could leave a foreign
// key the table keeps without an index: the server refuses those ("needed
// in a foreign key constraint") unless the index replacing it comes in the
// same statement, so they go in one ALTER TABLE with the indexes added.
func fkIndexDrops(m *schema.ModifyTable, changes []schema.TableChange) map[schema.TableChange]bool {
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
func (r *renderer) keysTogether(m *schema.ModifyTable, changes []schema.TableChange, drops map[schema.TableChange]bool) {
	var clauses []string
	review := ""
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropIndex:
			if drops[c] {
				clauses = append(clauses, "DROP INDEX "+quote(c.Index.Name))
			}
		case *schema.DropUnique:
			if drops[c] {
				clauses = append(clauses, "DROP INDEX "+quote(c.Unique.Name))
			}
		}
	}
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.AddIndex:
			clauses = append(clauses, "ADD "+indexKind(c.Index)+"INDEX "+quote(c.Index.Name)+" "+indexParts(c.Index)+indexTail(c.Index))
			if c.Index.Unique {
				review = "fails if existing rows hold duplicates"
			}
		case *schema.AddUnique:
			clauses = append(clauses, "ADD CONSTRAINT "+quote(c.Unique.Name)+" UNIQUE ("+quoteList(c.Unique.Columns)+")")
			review = "fails if existing rows hold duplicates"
		}
	}
	r.add("ALTER TABLE "+qualify(m.To.Schema, m.To.Name)+" "+strings.Join(clauses, ", "), review)
}

// pkBeforeDrops moves the primary key change at index pk before the first
// drop of a column of from's primary key: the server refuses to drop a
// column of a multi-column primary key. It returns the changes and the new
// index of the primary key change.
func pkBeforeDrops(from *schema.Table, changes []schema.TableChange, pk int) ([]schema.TableChange, int) {
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

// nullAfterPK moves the changes that make a column of from's primary key
// nullable to just after the primary key change at index pk: the server
// keeps primary key columns NOT NULL, so done before, they would stay so.
func nullAfterPK(from *schema.Table, changes []schema.TableChange, pk int) []schema.TableChange {
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

func (r *renderer) modifyTable(m *schema.ModifyTable) error {
	changes := positionOrder(m)
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
		changes, addPK = pkBeforeDrops(m.From, changes, addPK)
		changes = nullAfterPK(m.From, changes, addPK)
	}
	alter := "ALTER TABLE " + qualify(m.To.Schema, m.To.Name) + " "
	var later []*schema.Column
	for _, c := range changes {
		if mc, ok := c.(*schema.ModifyColumn); ok && mc.Change.Is(schema.ChangeAutoIncrement) && !mc.To.AutoIncrement {
			col := *mc.From
			col.AutoIncrement = false
			r.add(alter+"MODIFY COLUMN "+columnDef(m.From, &col), "")
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
	keep := fkIndexDrops(m, changes)
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
				b.WriteString(alter + "ADD COLUMN " + columnDef(m.To, c.Column) + position(m.To, c.Column.Name))
				if dropPK >= 0 {
					b.WriteString(", DROP PRIMARY KEY")
				}
				b.WriteString(", ADD PRIMARY KEY (" + quoteList(pk.PrimaryKey.Columns) + ")")
				r.add(b.String(), "")
				continue
			}
		case *schema.DropColumn:
			if c.Column == autoDrop {
				r.add(alter+"DROP PRIMARY KEY, DROP COLUMN "+quote(c.Column.Name), "drops column "+m.To.Name+"."+c.Column.Name+" and its data")
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
				r.add(alter+"DROP PRIMARY KEY, ADD PRIMARY KEY ("+quoteList(c.PrimaryKey.Columns)+")", "fails if existing rows hold duplicates or NULLs")
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
		r.add(alter+"MODIFY COLUMN "+columnDef(m.To, col), "")
	}
	return nil
}

// narrowsType reports whether a column type change may not keep every
// value, after TypeChange's facts (unknown changes are assumed to).
func narrowsType(from, to schema.Type) bool {
	if timeish[from.Name] && timeish[to.Name] && to.Precision < from.Precision {
		return true // fractional seconds rounded away
	}
	if widens(from, to) || from.Name == to.Name && spatialTypes[from.Name] {
		return false // a spatial column's reference system is a label: no value changes
	}
	tc := (*Dialect)(nil).TypeChange(strings.ToLower(from.SQL), strings.ToLower(to.SQL))
	return !tc.Known || tc.Narrows
}

var fractional = map[string]bool{"decimal": true, "numeric": true, "float": true, "double": true, "real": true}

// roundingGuard is the condition of the rows whose value a MODIFY from one
// type to the other rounds or cuts even in strict mode (only a note), or "".
func roundingGuard(col string, from, to schema.Type) string {
	switch {
	case (to.Name == "decimal" || to.Name == "numeric") && fractional[from.Name] && (from.Name != to.Name || from.Scale > to.Scale):
		return fmt.Sprintf("%s <> ROUND(%s, %d)", col, col, to.Scale)
	case intRankName(to.Name) && fractional[from.Name]:
		return fmt.Sprintf("%s <> ROUND(%s)", col, col)
	case to.Name == "date" && (from.Name == "datetime" || from.Name == "timestamp"):
		return fmt.Sprintf("%s <> DATE(%s)", col, col)
	case timeish[to.Name] && timeish[from.Name] && to.Precision < from.Precision:
		// Fewer fractional-second digits: the rest is rounded away.
		return fmt.Sprintf("MICROSECOND(%s) %% %d <> 0", col, int(math.Pow10(6-to.Precision)))
	case to.Name == "float" && (from.Name == "double" || from.Name == "real" || fractional[from.Name] && from.Name != "float"):
		return fmt.Sprintf("%s <> CAST(%s AS FLOAT)", col, col)
	case (to.Name == "varchar" || to.Name == "char") && to.Length > 0:
		// Strict mode refuses a value too long, except for trailing
		// spaces, which it cuts with only a note.
		return fmt.Sprintf("CHAR_LENGTH(%s) > %d", col, to.Length)
	}
	return ""
}

// spatialTypes are the geometry types.
var spatialTypes = map[string]bool{"geometry": true, "point": true, "linestring": true, "polygon": true,
	"multipoint": true, "multilinestring": true, "multipolygon": true, "geometrycollection": true}

// timeish are the types with fractional seconds.
var timeish = map[string]bool{"time": true, "datetime": true, "timestamp": true}

func intRankName(n string) bool { return intBytes[n] > 0 || n == "integer" }

// unfit says which values of type from type to cannot hold.
func unfit(from, to schema.Type) string {
	switch {
	case intRankName(to.Name):
		if fractional[from.Name] {
			return "values outside " + to.SQL + "'s range or with a fractional part"
		}
		return "values outside " + to.SQL + "'s range"
	case to.Name == "decimal" || to.Name == "numeric":
		return fmt.Sprintf("values of %d or more digits before the point, or with more than %d after it,", to.Precision-to.Scale+1, to.Scale)
	case (to.Name == "varchar" || to.Name == "char") && to.Length > 0:
		return fmt.Sprintf("strings longer than %d characters", to.Length)
	case to.Name == "date":
		return "values with a time of day other than midnight"
	case timeish[to.Name] && timeish[from.Name] && to.Precision < from.Precision:
		return fmt.Sprintf("values with more than %d fractional-second digits", to.Precision)
	case to.Name == "enum" || to.Name == "set":
		return "values not among its members"
	}
	return "values that " + to.SQL + " cannot hold"
}
