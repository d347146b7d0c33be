package postgres

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Render returns the PostgreSQL statements that apply changes, in order.
// Risky or destructive statements carry a Review note.
func Render(changes []schema.Change) (*schema.Rendered, error) {
	r := &renderer{out: &schema.Rendered{}, recreated: dialect.RecreatedObjects(changes), rebuilt: rebuiltTables(changes)}
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
	// rebuilt are the tables (by qualified name) dropped and created again
	// (a partition key change).
	rebuilt map[string]bool
	// bodiesUnchecked is set once check_function_bodies is off.
	bodiesUnchecked bool
}

func (r *renderer) add(sql, review string) {
	r.out.Statements = append(r.out.Statements, schema.Statement{SQL: sql, Review: review})
}

func (r *renderer) change(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddNamespace:
		r.add("CREATE SCHEMA "+quote(c.Name), "")
	case *schema.DropNamespace:
		r.add("DROP SCHEMA "+quote(c.Name), "drops schema "+c.Name)
	case *schema.AddExtension:
		s := "CREATE EXTENSION IF NOT EXISTS " + quote(c.Extension.Name)
		if c.Extension.Schema != "" {
			s += " SCHEMA " + quote(c.Extension.Schema)
		}
		r.add(s, "")
	case *schema.DropExtension:
		r.add("DROP EXTENSION "+quote(c.Extension.Name), "drops extension "+c.Extension.Name+" and fails if something still uses it")
	case *schema.AddEnum:
		vals := make([]string, len(c.Enum.Values))
		for i, v := range c.Enum.Values {
			vals[i] = literal(v)
		}
		r.add(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", qualify(c.Enum.Schema, c.Enum.Name), strings.Join(vals, ", ")), "")
		if c.Enum.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON TYPE %s IS %s", qualify(c.Enum.Schema, c.Enum.Name), literal(c.Enum.Comment)), "")
		}
	case *schema.DropEnum:
		r.add("DROP TYPE "+qualify(c.Enum.Schema, c.Enum.Name), "")
	case *schema.ModifyEnum:
		return r.modifyEnum(c)
	case *schema.AddSequence:
		r.add("CREATE SEQUENCE "+qualify(c.Sequence.Schema, c.Sequence.Name)+sequenceOptions(nil, c.Sequence), "")
		if c.Sequence.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", qualify(c.Sequence.Schema, c.Sequence.Name), literal(c.Sequence.Comment)), "")
		}
	case *schema.DropSequence:
		r.add("DROP SEQUENCE "+qualify(c.Sequence.Schema, c.Sequence.Name), "")
	case *schema.ModifySequence:
		if opts := sequenceOptions(c.From, c.To); opts != "" {
			r.addSequenceAlter(c.To, c.From, c.To, "ALTER SEQUENCE "+qualify(c.To.Schema, c.To.Name)+opts, " RESTART")
		}
		if c.From.Comment != c.To.Comment {
			r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", qualify(c.To.Schema, c.To.Name), commentValue(c.To.Comment)), "")
		}
	case *schema.AddTable:
		r.createTable(c.Table)
	case *schema.DropTable:
		r.dropTable(c.Table)
	case *schema.ModifyTable:
		before, after := reparsed(c)
		changes := append(append(before, c.Changes...), after...)
		for _, tc := range changes {
			if err := r.tableChange(c.From, c.To, tc); err != nil {
				return err
			}
		}
	case *schema.RenameSequence:
		r.add("ALTER SEQUENCE "+qualify(c.Schema, c.From)+" RENAME TO "+quote(c.To), "")
	case *schema.RenameTable:
		r.add("ALTER TABLE "+qualify(c.Schema, c.From)+" RENAME TO "+quote(c.To), "")
	case *schema.RenameColumn:
		r.add("ALTER TABLE "+qualify(c.Schema, c.Table)+" RENAME COLUMN "+quote(c.From)+" TO "+quote(c.To), "")
	case *schema.AddView:
		r.add(fmt.Sprintf("CREATE VIEW %s AS\n%s", qualify(c.View.Schema, c.View.Name), arrayCasts(strings.TrimSuffix(strings.TrimSpace(c.View.Def), ";"))), "")
		if c.View.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON VIEW %s IS %s", qualify(c.View.Schema, c.View.Name), literal(c.View.Comment)), "")
		}
	case *schema.DropView:
		r.add("DROP VIEW "+qualify(c.View.Schema, c.View.Name), "")
	case *schema.AddObject, *schema.DropObject, *schema.ReplaceObject:
		return r.object(c)
	default:
		return fmt.Errorf("postgres: cannot render change %T (%s)", c, c)
	}
	return nil
}

func (r *renderer) createTable(t *schema.Table) {
	name := qualify(t.Schema, t.Name)
	var lines []string
	var after []string
	for _, c := range t.Columns {
		def, pre, post := columnDef(t, c)
		for _, p := range pre {
			r.add(p, "")
		}
		after = append(after, post...)
		lines = append(lines, def)
	}
	if pk := t.PrimaryKey; pk != nil {
		lines = append(lines, constraintPrefixUnlessDefault(pk.Name, defaultPKName(t))+"PRIMARY KEY ("+quoteList(pk.Columns)+")"+withParams(pk.StorageParams))
	}
	// A constraint without a name (a Go model's) takes the server's.
	for _, u := range t.Uniques {
		lines = append(lines, constraintPrefix(u.Name)+uniqueDef(u))
	}
	for _, ch := range t.Checks {
		if ch.Column == "" { // a column's is in its definition
			lines = append(lines, constraintPrefix(ch.Name)+checkDef(ch))
		}
	}
	for _, x := range t.Exclusions {
		lines = append(lines, constraintPrefix(x.Name)+x.Def)
	}
	for _, fk := range t.ForeignKeys {
		lines = append(lines, constraintPrefix(fk.Name)+foreignKeyDef(fk))
	}
	var body string
	if len(lines) > 0 || t.PartitionOf == nil {
		body = "(\n    " + strings.Join(lines, ",\n    ") + "\n)"
	}
	if p := t.PartitionOf; p != nil {
		if body != "" {
			body = " " + body
		}
		r.add(fmt.Sprintf("CREATE TABLE %s PARTITION OF %s%s %s%s", name, qualify(p.Schema, p.Table), body, p.Bound, tableSuffix(t)), "")
	} else {
		r.add(fmt.Sprintf("CREATE TABLE %s %s%s", name, body, tableSuffix(t)), "")
	}
	for _, a := range after {
		r.add(a, "")
	}
	for _, s := range rowSecurity(t, false, false) {
		r.add(s, "")
	}
	for _, x := range t.Indexes {
		r.addIndex(t, x)
	}
	if t.Comment != "" {
		r.add(fmt.Sprintf("COMMENT ON TABLE %s IS %s", name, literal(t.Comment)), "")
	}
	for _, c := range t.Columns {
		if c.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", name, quote(c.Name), literal(c.Comment)), "")
		}
	}
	r.constraintComments(t)
}

// tableSuffix is what follows a CREATE TABLE's body: the partition key and
// the storage parameters.
func tableSuffix(t *schema.Table) string {
	var s string
	if t.PartitionBy != "" {
		s += " PARTITION BY " + t.PartitionBy
	}
	if t.StorageParams != "" {
		s += " WITH (" + strings.Join(splitParams(t.StorageParams), ", ") + ")"
	}
	return s
}

// withParams is " WITH (…)" for storage parameters, "" for none.
func withParams(params string) string {
	if params == "" {
		return ""
	}
	return " WITH (" + strings.Join(splitParams(params), ", ") + ")"
}

// splitParams splits "a=1,b=2" into its parameters.
func splitParams(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// constraintComments comments the constraints of a new table.
func (r *renderer) constraintComments(t *schema.Table) {
	if pk := t.PrimaryKey; pk != nil && pk.Comment != "" {
		n := pk.Name
		if n == "" {
			n = defaultPKName(t)
		}
		r.commentConstraint(t, n, pk.Comment)
	}
	for _, u := range t.Uniques {
		r.commentConstraint(t, u.Name, u.Comment)
	}
	for _, c := range t.Checks {
		r.commentConstraint(t, c.Name, c.Comment)
	}
	for _, x := range t.Exclusions {
		r.commentConstraint(t, x.Name, x.Comment)
	}
	for _, fk := range t.ForeignKeys {
		r.commentConstraint(t, fk.Name, fk.Comment)
	}
}

// commentConstraint sets a named constraint's comment (a new one's only
// when it has one).
func (r *renderer) commentConstraint(t *schema.Table, name, comment string) {
	if name == "" || comment == "" {
		return
	}
	r.add(fmt.Sprintf("COMMENT ON CONSTRAINT %s ON %s IS %s", quote(name), qualify(t.Schema, t.Name), literal(comment)), "")
}

// dropTable drops a table; a partition is detached from its parent first,
// so that dropping it does not hold the parent longer than needed.
func (r *renderer) dropTable(t *schema.Table) {
	q := schema.QualifiedName(t.Schema, t.Name)
	what := "drops table " + q + " and all its data"
	if p := t.PartitionOf; p != nil {
		r.add(fmt.Sprintf("ALTER TABLE %s DETACH PARTITION %s", qualify(p.Schema, p.Table), qualify(t.Schema, t.Name)), "")
		what = "drops partition " + q + " (" + p.Bound + ") and all its data"
	}
	if t.PartitionBy != "" {
		what = "drops partitioned table " + q + " and all its data"
	}
	if r.rebuilt[q] {
		what = "rebuilds table " + q + ": PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them"
	}
	r.add("DROP TABLE "+qualify(t.Schema, t.Name), what)
}

// modifyTableOptions changes a table's storage parameters and a
// partition's bound (detached and attached again).
func (r *renderer) modifyTableOptions(c *schema.ModifyTableOptions) error {
	f, t := c.From, c.To
	name := qualify(t.Schema, t.Name)
	q := schema.QualifiedName(t.Schema, t.Name)
	if f.Collation != t.Collation || f.Engine != t.Engine || f.Options != t.Options || f.WithoutRowID != t.WithoutRowID || f.Strict != t.Strict {
		return fmt.Errorf("postgres: %s on table %s is not supported", c, q)
	}
	if f.StorageParams != t.StorageParams {
		set, reset := paramChanges(f.StorageParams, t.StorageParams)
		if len(reset) > 0 {
			r.add("ALTER TABLE "+name+" RESET ("+strings.Join(reset, ", ")+")", "")
		}
		if len(set) > 0 {
			r.add("ALTER TABLE "+name+" SET ("+strings.Join(set, ", ")+")", "")
		}
	}
	for _, s := range rowSecurity(t, f.RowSecurity, f.ForceRowSecurity) {
		r.add(s, "")
	}
	fp, tp := f.PartitionOf, t.PartitionOf
	if fp != nil && (tp == nil || *fp != *tp) {
		r.add(fmt.Sprintf("ALTER TABLE %s DETACH PARTITION %s", qualify(fp.Schema, fp.Table), name), "")
	}
	if tp != nil && (fp == nil || *fp != *tp) {
		r.add(fmt.Sprintf("ALTER TABLE %s ATTACH PARTITION %s %s", qualify(tp.Schema, tp.Table), name, tp.Bound),
			fmt.Sprintf("attaches %s to %s %s: the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)", q, schema.QualifiedName(tp.Schema, tp.Table), tp.Bound))
	}
	return nil
}

// paramChanges returns the storage parameters to reset ("k") and then to
// set ("k=v") to go from one list to the other. The server keeps the
// parameters a SET leaves alone in their place and appends the ones it
// sets, so when those kept would not come first in to's order, all are
// reset and set again in to's order.
func paramChanges(from, to string) (set, reset []string) {
	fm := map[string]string{}
	var kept []string // from's parameters that stay as they are, in from's order
	tm := map[string]string{}
	for _, p := range splitParams(to) {
		k, v, _ := strings.Cut(p, "=")
		tm[k] = v
	}
	for _, p := range splitParams(from) {
		k, v, _ := strings.Cut(p, "=")
		fm[k] = v
		if tv, ok := tm[k]; !ok {
			reset = append(reset, k)
		} else if tv == v {
			kept = append(kept, p)
		}
	}
	want := splitParams(to)
	if !slices.Equal(kept, want[:min(len(kept), len(want))]) {
		reset = nil
		for _, p := range splitParams(from) {
			k, _, _ := strings.Cut(p, "=")
			reset = append(reset, k)
		}
		return want, reset
	}
	return want[len(kept):], reset
}

func constraintPrefixUnlessDefault(name, def string) string {
	if name == "" || name == def {
		return ""
	}
	return "CONSTRAINT " + quote(name) + " "
}

func defaultPKName(t *schema.Table) string { return t.Name + "_pkey" }

func quoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quote(c)
	}
	return strings.Join(q, ", ")
}

func uniqueDef(u *schema.Unique) string {
	s := "UNIQUE "
	if u.NullsNotDistinct {
		s += "NULLS NOT DISTINCT "
	}
	s += "(" + quoteList(u.Columns) + ")" + withParams(u.StorageParams)
	return s + deferrable(u.Deferrable, u.InitiallyDeferred)
}

func deferrable(d, initially bool) string {
	switch {
	case d && initially:
		return " DEFERRABLE INITIALLY DEFERRED"
	case d:
		return " DEFERRABLE"
	}
	return ""
}

func checkDef(c *schema.Check) string {
	expr := arrayCasts(c.Expr)
	if !strings.HasPrefix(expr, "(") || !balanced(expr) {
		expr = "(" + expr + ")"
	}
	s := "CHECK " + expr
	if c.NoInherit {
		s += " NO INHERIT"
	}
	return s
}

// balanced reports whether a parenthesized expression's first "(" closes
// at its end, so "(a) AND (b)" is not taken as already wrapped.
func balanced(s string) bool {
	depth := 0
	inStr := false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if inStr {
			if ch == '\'' {
				inStr = false
			}
			continue
		}
		switch ch {
		case '\'':
			inStr = true
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		}
	}
	return depth == 0
}

func foreignKeyDef(fk *schema.ForeignKey) string {
	s := fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", quoteList(fk.Columns), qualify(fk.RefSchema, fk.RefTable), quoteList(fk.RefColumns))
	if fk.Match == "FULL" {
		s += " MATCH FULL"
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	return s + deferrable(fk.Deferrable, fk.InitiallyDeferred)
}

// serialKind reports whether c is exactly what "serial" (or bigserial,
// smallserial) creates, and which of them.
func serialKind(t *schema.Table, c *schema.Column) (string, bool) {
	s := c.Sequence
	if s == nil || c.Identity != nil || c.Nullable || c.Generated != nil {
		return "", false
	}
	var kind string
	switch c.Type.SQL {
	case "integer":
		kind = "serial"
	case "bigint":
		kind = "bigserial"
	case "smallint":
		kind = "smallserial"
	default:
		return "", false
	}
	if s.Schema != t.Schema || s.Name != serialName(t.Name, c.Name) || s.Type != c.Type.SQL || s.Comment != "" {
		return "", false
	}
	if *s != defaultSequence(s.Schema, s.Name, s.Type) {
		return "", false
	}
	return kind, c.Default == nextval(s)
}

func serialName(table, col string) string { return table + "_" + col + "_seq" }

func nextval(s *schema.Sequence) string {
	reg := qualify(s.Schema, s.Name)
	return "nextval(" + literal(reg) + "::regclass)"
}

func defaultSequence(ns, name, typ string) schema.Sequence {
	return schema.Sequence{Schema: ns, Name: name, Type: typ, Start: 1, Increment: 1, Min: 1, Max: typeMax(typ), Cache: 1}
}

// sequenceOptions renders the options of s that differ from from (or, when
// from is nil, from the defaults of a new sequence).
func sequenceOptions(from, s *schema.Sequence) string {
	var b strings.Builder
	if from == nil {
		d := defaultSequence(s.Schema, s.Name, "bigint")
		from = &d
		if s.Type != "" && s.Type != "bigint" {
			b.WriteString(" AS " + s.Type)
			d2 := defaultSequence(s.Schema, s.Name, s.Type)
			from = &d2
		}
	} else if from.Type != s.Type {
		b.WriteString(" AS " + s.Type)
	}
	if s.Increment != from.Increment {
		b.WriteString(" INCREMENT BY " + strconv.FormatInt(s.Increment, 10))
	}
	if s.Min != from.Min || (from.Type != s.Type && s.Min != 1) {
		b.WriteString(" MINVALUE " + strconv.FormatInt(s.Min, 10))
	}
	if s.Max != from.Max || from.Type != s.Type {
		b.WriteString(" MAXVALUE " + strconv.FormatInt(s.Max, 10))
	}
	if s.Start != from.Start {
		b.WriteString(" START WITH " + strconv.FormatInt(s.Start, 10))
	}
	if s.Cache != from.Cache {
		b.WriteString(" CACHE " + strconv.FormatInt(s.Cache, 10))
	}
	if s.Cycle != from.Cycle {
		if s.Cycle {
			b.WriteString(" CYCLE")
		} else {
			b.WriteString(" NO CYCLE")
		}
	}
	return b.String()
}

// identityOptions renders the sequence options of an identity column.
func identityOptions(t *schema.Table, c *schema.Column) string {
	s := c.Sequence
	if s == nil {
		return ""
	}
	var parts []string
	if s.Name != serialName(t.Name, c.Name) || s.Schema != t.Schema {
		parts = append(parts, "SEQUENCE NAME "+qualify(s.Schema, s.Name))
	}
	d := defaultSequence(s.Schema, s.Name, c.Type.SQL)
	if s.Type != "" && s.Type != c.Type.SQL {
		d = defaultSequence(s.Schema, s.Name, "bigint")
	}
	if opts := strings.TrimSpace(sequenceOptions(&d, s)); opts != "" {
		parts = append(parts, opts)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, " ") + ")"
}

// columnDef renders a column for CREATE TABLE / ADD COLUMN, with its
// column-level checks when t has them, and the statements that must run
// before (an owned sequence) and after (its OWNED BY).
func columnDef(t *schema.Table, c *schema.Column) (def string, pre, post []string) {
	var b strings.Builder
	b.WriteString(quote(c.Name) + " ")
	if kind, ok := serialKind(t, c); ok {
		b.WriteString(kind)
		if c.Collation != "" {
			b.WriteString(" COLLATE " + c.Collation)
		}
		return b.String() + columnChecks(t, c), nil, nil
	}
	b.WriteString(c.Type.SQL)
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if c.Generated != nil {
		b.WriteString(" GENERATED ALWAYS AS (" + arrayCasts(c.Generated.Expr) + ") STORED")
	}
	if c.Identity != nil {
		if c.Identity.Always {
			b.WriteString(" GENERATED ALWAYS AS IDENTITY")
		} else {
			b.WriteString(" GENERATED BY DEFAULT AS IDENTITY")
		}
		b.WriteString(identityOptions(t, c))
	} else if s := c.Sequence; s != nil {
		pre = append(pre, "CREATE SEQUENCE "+qualify(s.Schema, s.Name)+sequenceOptions(nil, s))
		post = append(post, fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s", qualify(s.Schema, s.Name), qualify(t.Schema, t.Name), quote(c.Name)))
		if s.Comment != "" {
			post = append(post, fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", qualify(s.Schema, s.Name), literal(s.Comment)))
		}
	}
	if c.Default != "" {
		b.WriteString(" DEFAULT " + c.Default)
	}
	if !c.Nullable {
		b.WriteString(" NOT NULL")
	}
	return b.String() + columnChecks(t, c), pre, post
}

// columnChecks are the checks of t that belong to column c (an imported
// history's: PostgreSQL itself reports every check as the table's),
// written in its definition.
func columnChecks(t *schema.Table, c *schema.Column) string {
	var s string
	for _, ch := range t.Checks {
		if ch.Column == c.Name {
			s += " " + constraintPrefix(ch.Name) + checkDef(ch)
		}
	}
	return s
}

func (r *renderer) addIndex(t *schema.Table, x *schema.Index) {
	var b strings.Builder
	b.WriteString("CREATE ")
	if x.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + quote(x.Name) + " ON " + qualify(t.Schema, t.Name))
	if x.Method != "" {
		b.WriteString(" USING " + x.Method)
	}
	parts := make([]string, len(x.Parts))
	for i, p := range x.Parts {
		s := quote(p.Column)
		if p.Column == "" {
			s = "(" + arrayCasts(p.Expr) + ")"
		}
		if p.Collation != "" {
			s += " COLLATE " + p.Collation
		}
		if p.OpClass != "" {
			s += " " + p.OpClass
		}
		if p.Desc {
			s += " DESC"
		}
		if p.NullsFirst {
			s += " NULLS FIRST"
		}
		if p.NullsLast {
			s += " NULLS LAST"
		}
		parts[i] = s
	}
	b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	if len(x.Include) > 0 {
		b.WriteString(" INCLUDE (" + quoteList(x.Include) + ")")
	}
	if x.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if x.StorageParams != "" {
		b.WriteString(" WITH (" + strings.Join(splitParams(x.StorageParams), ", ") + ")")
	}
	if x.Where != "" {
		b.WriteString(" WHERE " + arrayCasts(x.Where))
	}
	review := ""
	if x.Unique {
		review = "fails if existing rows hold duplicates"
	}
	r.add(b.String(), review)
	if x.Comment != "" {
		r.add(fmt.Sprintf("COMMENT ON INDEX %s IS %s", qualify(t.Schema, x.Name), literal(x.Comment)), "")
	}
}

func commentValue(s string) string {
	if s == "" {
		return "NULL"
	}
	return literal(s)
}

func (r *renderer) tableChange(from, to *schema.Table, c schema.TableChange) error {
	name := qualify(to.Schema, to.Name)
	q := schema.QualifiedName(to.Schema, to.Name)
	alter := "ALTER TABLE " + name + " "
	switch c := c.(type) {
	case *schema.AddColumn:
		def, pre, post := columnDef(to, c.Column)
		for _, p := range pre {
			r.add(p, "")
		}
		review := ""
		if !c.Column.Nullable && c.Column.Default == "" && c.Column.Identity == nil && c.Column.Sequence == nil && c.Column.Generated == nil {
			review = "adds NOT NULL column " + q + "." + c.Column.Name + " without a default: fails if the table has rows"
		}
		r.add(alter+"ADD COLUMN "+def, review)
		for _, p := range post {
			r.add(p, "")
		}
		if c.Column.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", name, quote(c.Column.Name), literal(c.Column.Comment)), "")
		}
	case *schema.DropColumn:
		review := "drops column " + q + "." + c.Column.Name + " and its data"
		if c.Column.Generated != nil {
			review = "" // computed from other columns, nothing is lost
		}
		r.add(alter+"DROP COLUMN "+quote(c.Column.Name), review)
	case *schema.ModifyColumn:
		return r.modifyColumn(from, to, c)
	case *schema.AddPrimaryKey:
		r.add(alter+"ADD "+constraintPrefix(c.PrimaryKey.Name)+"PRIMARY KEY ("+quoteList(c.PrimaryKey.Columns)+")"+withParams(c.PrimaryKey.StorageParams), "fails if existing rows hold duplicates or NULLs")
		n := c.PrimaryKey.Name
		if n == "" {
			n = defaultPKName(to)
		}
		r.commentConstraint(to, n, c.PrimaryKey.Comment)
	case *schema.DropPrimaryKey:
		r.add(alter+"DROP CONSTRAINT "+quote(c.PrimaryKey.Name), "")
	case *schema.AddUnique:
		r.add(alter+"ADD CONSTRAINT "+quote(c.Unique.Name)+" "+uniqueDef(c.Unique), "fails if existing rows hold duplicates")
		r.commentConstraint(to, c.Unique.Name, c.Unique.Comment)
	case *schema.DropUnique:
		r.add(alter+"DROP CONSTRAINT "+quote(c.Unique.Name), "")
	case *schema.AddIndex:
		r.addIndex(to, c.Index)
	case *schema.DropIndex:
		r.add("DROP INDEX "+qualify(to.Schema, c.Index.Name), "")
	case *schema.RenameIndex:
		r.add("ALTER INDEX "+qualify(to.Schema, c.From.Name)+" RENAME TO "+quote(c.To.Name), "")
	case *schema.AddForeignKey:
		r.add(alter+"ADD "+constraintPrefix(c.ForeignKey.Name)+foreignKeyDef(c.ForeignKey), "")
		r.commentConstraint(to, c.ForeignKey.Name, c.ForeignKey.Comment)
	case *schema.DropForeignKey:
		r.add(alter+"DROP CONSTRAINT "+quote(c.ForeignKey.Name), "")
	case *schema.AddCheck:
		r.add(alter+"ADD "+constraintPrefix(c.Check.Name)+checkDef(c.Check), "fails if existing rows violate the check")
		r.commentConstraint(to, c.Check.Name, c.Check.Comment)
	case *schema.AddExclusion:
		r.add(alter+"ADD "+constraintPrefix(c.Exclusion.Name)+c.Exclusion.Def, "fails if existing rows conflict under the exclusion constraint")
		r.commentConstraint(to, c.Exclusion.Name, c.Exclusion.Comment)
	case *schema.DropExclusion:
		r.add(alter+"DROP CONSTRAINT "+quote(c.Exclusion.Name), "")
	case *schema.ModifyConstraintComment:
		r.add(fmt.Sprintf("COMMENT ON CONSTRAINT %s ON %s IS %s", quote(c.Name), name, commentValue(c.To)), "")
	case *schema.DropCheck:
		r.add(alter+"DROP CONSTRAINT "+quote(c.Check.Name), "")
	case *schema.RenameConstraint:
		r.add(alter+"RENAME CONSTRAINT "+quote(c.From)+" TO "+quote(c.To), "")
	case *schema.ModifyTableComment:
		r.add(fmt.Sprintf("COMMENT ON TABLE %s IS %s", name, commentValue(c.To)), "")
	case *schema.ModifyTableOptions:
		return r.modifyTableOptions(c)
	default:
		return fmt.Errorf("postgres: cannot render table change %T (%s)", c, c)
	}
	return nil
}

func constraintPrefix(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + quote(name) + " "
}

func (r *renderer) modifyColumn(from, to *schema.Table, m *schema.ModifyColumn) error {
	f, t := m.From, m.To
	q := schema.QualifiedName(to.Schema, to.Name) + "." + t.Name
	col := "ALTER TABLE " + qualify(to.Schema, to.Name) + " ALTER COLUMN " + quote(t.Name) + " "
	if m.Change.Is(schema.ChangeGenerated) {
		if f.Generated != nil && t.Generated == nil && f.Generated.Stored {
			r.add(col+"DROP EXPRESSION", "")
		} else if f.Generated == nil && t.Generated != nil {
			// PostgreSQL cannot make a column generated (the downgrade of
			// a DROP EXPRESSION): it is dropped and added again, its values
			// computed; the diff moved what reads it out of the way.
			r.add("ALTER TABLE "+qualify(to.Schema, to.Name)+" DROP COLUMN "+quote(f.Name),
				"recreates "+q+" as a generated column: the values it holds are replaced by "+t.Generated.Expr)
			return r.tableChange(from, to, &schema.AddColumn{Column: t})
		} else {
			return fmt.Errorf("postgres: cannot change the generation of column %s in place", q)
		}
	}
	if f.Identity != nil && t.Identity == nil {
		r.add(col+"DROP IDENTITY", "")
	}
	typeChange := m.Change&(schema.ChangeType|schema.ChangeCollation) != 0
	var fseq, tseq *schema.Sequence // owned sequences of serial-style columns
	if f.Identity == nil {
		fseq = f.Sequence
	}
	if t.Identity == nil {
		tseq = t.Sequence
	}
	sameSeq := fseq != nil && tseq != nil && fseq.Name == tseq.Name && fseq.Schema == tseq.Schema
	dropSeq := fseq != nil && !sameSeq
	dropDefault := f.Default != "" && (f.Default != t.Default || typeChange || dropSeq)
	if dropDefault {
		r.add(col+"DROP DEFAULT", "")
	}
	if dropSeq {
		r.add("DROP SEQUENCE "+qualify(fseq.Schema, fseq.Name), "")
	}
	if typeChange {
		s := col + "TYPE " + t.Type.SQL
		if t.Collation != "" {
			s += " COLLATE " + t.Collation
		} else if f.Collation != "" {
			s += ` COLLATE "default"`
		}
		review := ""
		if m.Change.Is(schema.ChangeType) {
			review = r.typeChange(to, f, t)
		}
		if m.Change.Is(schema.ChangeType) {
			if needsUsing(f.Type, t.Type) {
				cast := usingCast(quote(t.Name), f.Type, t.Type)
				s += " USING " + cast
				review = fmt.Sprintf("changes the type of %s from %s to %s with USING %s: the cast fails on values it cannot convert, and the change with it (nothing is changed)", q, f.Type.SQL, t.Type.SQL, cast)
				if n := boundedString(t.Type); n > 0 {
					// An explicit cast to varchar(n) or char(n) truncates
					// without an error: a guard makes a value too long fail
					// the revision instead.
					text := usingCast(quote(t.Name), f.Type, parseType("text"))
					msg := fmt.Sprintf("retort: %s holds values longer than %d characters once converted to %s; change or delete them first (the type change was not made)", q, n, t.Type.SQL)
					r.add(fmt.Sprintf("DO $retort$BEGIN IF EXISTS (SELECT FROM %s WHERE length(%s) > %d) THEN RAISE EXCEPTION %s; END IF; END$retort$",
						qualify(to.Schema, to.Name), text, n, literal(msg)), "")
					review += fmt.Sprintf("; values longer than %d characters once converted fail the statement above, and nothing is changed", n)
				}
			}
		}
		r.add(s, review)
	}
	if tseq != nil {
		ts := tseq
		if !sameSeq {
			r.add("CREATE SEQUENCE "+qualify(ts.Schema, ts.Name)+sequenceOptions(nil, ts), "")
			r.add(fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s", qualify(ts.Schema, ts.Name), qualify(to.Schema, to.Name), quote(t.Name)), "")
			if ts.Comment != "" {
				r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", qualify(ts.Schema, ts.Name), literal(ts.Comment)), "")
			}
		} else if *fseq != *ts {
			if opts := sequenceOptions(fseq, ts); opts != "" {
				r.addSequenceAlter(ts, fseq, ts, "ALTER SEQUENCE "+qualify(ts.Schema, ts.Name)+opts, " RESTART")
			}
			if fseq.Comment != ts.Comment {
				r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", qualify(ts.Schema, ts.Name), commentValue(ts.Comment)), "")
			}
		}
	}
	if m.Change.Is(schema.ChangeNull) {
		if t.Nullable {
			r.add(col+"DROP NOT NULL", "")
		} else {
			r.add(col+"SET NOT NULL", "fails if "+q+" holds NULLs")
		}
	}
	if t.Default != "" && (dropDefault || f.Default != t.Default) {
		r.add(col+"SET DEFAULT "+t.Default, "")
	}
	if t.Identity != nil {
		if f.Identity == nil {
			gen := "BY DEFAULT"
			if t.Identity.Always {
				gen = "ALWAYS"
			}
			r.add(col+"ADD GENERATED "+gen+" AS IDENTITY"+identityOptions(to, t), "")
		} else {
			if f.Identity.Always != t.Identity.Always {
				if t.Identity.Always {
					r.add(col+"SET GENERATED ALWAYS", "")
				} else {
					r.add(col+"SET GENERATED BY DEFAULT", "")
				}
			}
			if fs, ts := f.Sequence, t.Sequence; fs != nil && ts != nil {
				if opts := identityAlter(fs, ts, typeChange); opts != "" {
					r.addSequenceAlter(ts, fs, ts, col+opts, " RESTART")
				}
			}
		}
	}
	if m.Change.Is(schema.ChangeComment) {
		r.add(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", qualify(to.Schema, to.Name), quote(t.Name), commentValue(t.Comment)), "")
	}
	return nil
}

// identityAlter renders ALTER COLUMN … SET options for an identity's
// sequence. A type change has already moved the sequence to the new type's
// bounds.
func identityAlter(f, t *schema.Sequence, typeChanged bool) string {
	var parts []string
	if t.Increment != f.Increment {
		parts = append(parts, "SET INCREMENT BY "+strconv.FormatInt(t.Increment, 10))
	}
	if t.Min != f.Min {
		parts = append(parts, "SET MINVALUE "+strconv.FormatInt(t.Min, 10))
	}
	if t.Max != f.Max {
		parts = append(parts, "SET MAXVALUE "+strconv.FormatInt(t.Max, 10))
	}
	if t.Start != f.Start {
		parts = append(parts, "SET START WITH "+strconv.FormatInt(t.Start, 10))
	}
	if t.Cache != f.Cache {
		parts = append(parts, "SET CACHE "+strconv.FormatInt(t.Cache, 10))
	}
	if t.Cycle != f.Cycle {
		if t.Cycle {
			parts = append(parts, "SET CYCLE")
		} else {
			parts = append(parts, "SET NO CYCLE")
		}
	}
	return strings.Join(parts, " ")
}

func (r *renderer) modifyEnum(c *schema.ModifyEnum) error {
	name := qualify(c.To.Schema, c.To.Name)
	if !slices.Equal(c.From.Values, c.To.Values) {
		if !c.Recreate && isSubsequence(c.From.Values, c.To.Values) {
			have := map[string]bool{}
			for _, v := range c.From.Values {
				have[v] = true
			}
			for i, v := range c.To.Values {
				if have[v] {
					continue
				}
				pos := ""
				if i+1 < len(c.To.Values) && have[c.To.Values[i+1]] {
					pos = " BEFORE " + literal(c.To.Values[i+1])
				} else if i > 0 {
					pos = " AFTER " + literal(c.To.Values[i-1])
				}
				r.add(fmt.Sprintf("ALTER TYPE %s ADD VALUE %s%s", name, literal(v), pos), "")
				have[v] = true
			}
		} else {
			old := qualify(c.To.Schema, c.To.Name+"__retort_old")
			why := fmt.Sprintf("recreates enum type %s to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone", schema.QualifiedName(c.To.Schema, c.To.Name))
			if isSubsequence(c.From.Values, c.To.Values) {
				why = fmt.Sprintf("recreates enum type %s, rewriting the columns that use it, because this migration uses its new values (PostgreSQL cannot use values added by ALTER TYPE … ADD VALUE in the same transaction)", schema.QualifiedName(c.To.Schema, c.To.Name))
			}
			r.add(fmt.Sprintf("ALTER TYPE %s RENAME TO %s", name, quote(c.To.Name+"__retort_old")), why)
			vals := make([]string, len(c.To.Values))
			for i, v := range c.To.Values {
				vals[i] = literal(v)
			}
			r.add(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", name, strings.Join(vals, ", ")), "")
			for _, u := range c.Users {
				tbl := qualify(u.Table.Schema, u.Table.Name)
				col := quote(u.Column.Name)
				if u.Column.Default != "" {
					r.add(fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT", tbl, col), "")
				}
				typ := name + strings.Repeat("[]", u.Column.Type.Array)
				via := "text" + strings.Repeat("[]", u.Column.Type.Array)
				r.add(fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s TYPE %s USING %s::%s::%s", tbl, col, typ, col, via, typ), "")
				if u.Column.Default != "" {
					r.add(fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s", tbl, col, u.Column.Default), "")
				}
			}
			r.add("DROP TYPE "+old, "")
		}
	}
	if c.From.Comment != c.To.Comment {
		r.add(fmt.Sprintf("COMMENT ON TYPE %s IS %s", name, commentValue(c.To.Comment)), "")
	}
	return nil
}

func isSubsequence(a, b []string) bool {
	i := 0
	for _, v := range b {
		if i < len(a) && a[i] == v {
			i++
		}
	}
	return i == len(a)
}

// RecreateColumn reports whether PostgreSQL cannot alter column from into
// to in place: a generated column's expression cannot change, and a plain
// column cannot become generated.
func RecreateColumn(from, to *schema.Column) bool {
	if from.Generated == nil && to.Generated == nil {
		return false
	}
	if from.Generated != nil && to.Generated == nil && from.Generated.Stored ||
		from.Generated == nil && to.Generated != nil && to.Generated.Stored {
		// DROP EXPRESSION keeps the values; the other way round (the
		// downgrade of it) modifyColumn drops and adds the column.
		return false
	}
	return from.Generated == nil || to.Generated == nil || *from.Generated != *to.Generated
}

// boundedString is the length of a scalar varchar(n) or char(n) type, 0
// for any other type.
func boundedString(t schema.Type) int {
	if t.Array > 0 {
		return 0
	}
	if lt, ok := parseLintType(strings.ToLower(t.SQL)); ok && (lt.name == "varchar" || lt.name == "char") && len(lt.args) == 1 {
		return lt.args[0]
	}
	return 0
}

// usingCast is the USING expression that converts col from one type to
// another: a direct cast where one exists, else through text; a scalar
// becomes a one-element array and an array its first element.
func usingCast(col string, from, to schema.Type) string {
	scalar := func(expr string, from, to schema.Type) string {
		cf, ct := typeCategory(from.Name), typeCategory(to.Name)
		// PostgreSQL casts boolean to and from integer only: other
		// numbers go through it.
		switch {
		case from.Name == "boolean" && ct == "number" && to.Name != "integer":
			return expr + "::integer::" + to.SQL
		case cf == "number" && to.Name == "boolean" && from.Name != "integer":
			return expr + "::integer::boolean"
		}
		direct := cf == "string" || cf == ct ||
			(cf == "number" || from.Name == "boolean") && (ct == "number" || to.Name == "boolean")
		if direct {
			return expr + "::" + to.SQL
		}
		return expr + "::text::" + to.SQL
	}
	elem := func(t schema.Type) schema.Type {
		e := parseType(strings.TrimSuffix(t.SQL, strings.Repeat("[]", t.Array)))
		return e
	}
	switch {
	case from.Array == 0 && to.Array == 1:
		return fmt.Sprintf("CASE WHEN %s IS NULL THEN NULL ELSE ARRAY[%s] END", col, scalar(col, from, elem(to)))
	case from.Array > 0 && to.Array == 0:
		return scalar("("+col+")[1]", elem(from), to)
	case from.Array > 0 && to.Array > 0:
		if from.Array == to.Array && typeCategory(elem(from).Name) == typeCategory(elem(to).Name) {
			return col + "::" + to.SQL
		}
		return col + "::text::" + to.SQL
	}
	return scalar(col, from, to)
}

// typeChange is the review note of a column type change, and for one that
// narrows (after TypeChange's facts) a guard statement, added before the
// ALTER, that fails the revision when a value would not survive the
// conversion unchanged: an ALTER … TYPE rounds numbers and truncates
// times without an error, and the guard makes that loud. A pure widening
// has no note.
func (r *renderer) typeChange(tbl *schema.Table, f, t *schema.Column) string {
	q := schema.QualifiedName(tbl.Schema, tbl.Name) + "." + t.Name
	tc := (*Dialect)(nil).TypeChange(strings.ToLower(f.Type.SQL), strings.ToLower(t.Type.SQL))
	if tc.Known && !tc.Narrows || widens(f.Type, t.Type) {
		return ""
	}
	if !tc.Known {
		return fmt.Sprintf("changes the type of %s from %s to %s: fails or loses data if existing values do not fit", q, f.Type.SQL, t.Type.SQL)
	}
	if ft, ok := parseLintType(strings.ToLower(f.Type.SQL)); ok && stringTypes[ft.name] && !needsUsing(f.Type, t.Type) && t.Type.Array == 0 {
		if tt, ok := parseLintType(strings.ToLower(t.Type.SQL)); ok && !stringTypes[tt.name] {
			return fmt.Sprintf("changes the type of %s from %s to %s: fails, changing nothing, on values that do not convert", q, f.Type.SQL, t.Type.SQL)
		}
	}
	col := quote(t.Name)
	cond := fmt.Sprintf("%s IS NOT NULL AND CAST(CAST(%s AS %s) AS %s) IS DISTINCT FROM %s", col, col, t.Type.SQL, f.Type.SQL, col)
	msg := fmt.Sprintf("retort: %s holds values that %s cannot hold unchanged; change or delete them first (the type change was not made)", q, t.Type.SQL)
	r.add(fmt.Sprintf("DO $retort$BEGIN IF EXISTS (SELECT FROM %s WHERE %s) THEN RAISE EXCEPTION %s; END IF; END$retort$",
		qualify(tbl.Schema, tbl.Name), cond, literal(msg)), "")
	return fmt.Sprintf("changes the type of %s from %s to %s: %s fail the statement above, and nothing is changed; every other value is kept",
		q, f.Type.SQL, t.Type.SQL, unfit(f.Type.SQL, t.Type.SQL))
}

// unfit says which values of type from type to cannot hold unchanged.
func unfit(from, to string) string {
	f, okf := parseLintType(strings.ToLower(from))
	t, okt := parseLintType(strings.ToLower(to))
	if okf && okt && !f.array && !t.array {
		switch {
		case intRank[t.name] > 0 && intRank[f.name] > 0:
			return "values outside " + to + "'s range"
		case t.name == "numeric" && len(t.args) > 0:
			p, sc := t.precision()
			return fmt.Sprintf("values of %d or more digits before the point, or with more than %d after it,", p-sc+1, sc)
		case intRank[t.name] > 0:
			return "values outside " + to + "'s range or with a fractional part"
		case (t.name == "varchar" || t.name == "char") && len(t.args) == 1:
			return fmt.Sprintf("strings longer than %d characters", t.args[0])
		case t.name == "date":
			return "values with a time of day other than midnight"
		}
	}
	return "values that " + to + " cannot hold unchanged (out of its range, too long, or rounded)"
}

// rebuiltTables returns the tables (by qualified name) that changes drop
// and create again.
func rebuiltTables(changes []schema.Change) map[string]bool {
	dropped := map[string]bool{}
	out := map[string]bool{}
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropTable:
			dropped[schema.QualifiedName(c.Table.Schema, c.Table.Name)] = true
		case *schema.AddTable:
			if q := schema.QualifiedName(c.Table.Schema, c.Table.Name); dropped[q] {
				out[q] = true
			}
		}
	}
	return out
}
