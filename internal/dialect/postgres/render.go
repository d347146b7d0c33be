package postgres

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Render returns the PostgreSQL statements that apply changes, in order.
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
	case *schema.AddNamespace:
		r.add("CREATE SCHEMA "+agQuote(c.Name), "")
	case *schema.DropNamespace:
		r.add("DROP SCHEMA "+agQuote(c.Name), "drops schema "+c.Name)
	case *schema.AddExtension:
		s := "CREATE EXTENSION IF NOT EXISTS " + agQuote(c.Extension.Name)
		if c.Extension.Schema != "" {
			s += " SCHEMA " + agQuote(c.Extension.Schema)
		}
		r.add(s, "")
	case *schema.DropExtension:
		r.add("DROP EXTENSION "+agQuote(c.Extension.Name), "drops extension "+c.Extension.Name+" and fails if something still uses it")
	case *schema.AddEnum:
		vals := make([]string, len(c.Enum.Values))
		for i, v := range c.Enum.Values {
			vals[i] = agString(v)
		}
		r.add(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", agQualify(c.Enum.Schema, c.Enum.Name), strings.Join(vals, ", ")), "")
		if c.Enum.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON TYPE %s IS %s", agQualify(c.Enum.Schema, c.Enum.Name), agString(c.Enum.Comment)), "")
		}
	case *schema.DropEnum:
		r.add("DROP TYPE "+agQualify(c.Enum.Schema, c.Enum.Name), "")
	case *schema.ModifyEnum:
		return r.modifyEnum(c)
	case *schema.AddSequence:
		r.add("CREATE SEQUENCE "+agQualify(c.Sequence.Schema, c.Sequence.Name)+agSeqOptions(nil, c.Sequence), "")
		if c.Sequence.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", agQualify(c.Sequence.Schema, c.Sequence.Name), agString(c.Sequence.Comment)), "")
		}
	case *schema.DropSequence:
		r.add("DROP SEQUENCE "+agQualify(c.Sequence.Schema, c.Sequence.Name), "")
	case *schema.ModifySequence:
		if opts := agSeqOptions(c.From, c.To); opts != "" {
			r.add("ALTER SEQUENCE "+agQualify(c.To.Schema, c.To.Name)+opts, "")
		}
		if c.From.Comment != c.To.Comment {
			r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", agQualify(c.To.Schema, c.To.Name), agCommentValue(c.To.Comment)), "")
		}
	case *schema.AddTable:
		r.createTable(c.Table)
	case *schema.DropTable:
		r.add("DROP TABLE "+agQualify(c.Table.Schema, c.Table.Name), "drops table "+schema.QualifiedName(c.Table.Schema, c.Table.Name)+" and all its data")
	case *schema.ModifyTable:
		before, after := agReparsed(c)
		changes := append(append(before, c.Changes...), after...)
		for _, tc := range changes {
			if err := r.tableChange(c.From, c.To, tc); err != nil {
				return err
			}
		}
	case *schema.AddView:
		r.add(fmt.Sprintf("CREATE VIEW %s AS\n%s", agQualify(c.View.Schema, c.View.Name), agArrayCasts(strings.TrimSuffix(strings.TrimSpace(c.View.Def), ";"))), "")
		if c.View.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON VIEW %s IS %s", agQualify(c.View.Schema, c.View.Name), agString(c.View.Comment)), "")
		}
	case *schema.DropView:
		r.add("DROP VIEW "+agQualify(c.View.Schema, c.View.Name), "")
	default:
		return fmt.Errorf("postgres: cannot render change %T (%s)", c, c)
	}
	return nil
}

func (r *agRenderer) createTable(t *schema.Table) {
	name := agQualify(t.Schema, t.Name)
	var lines []string
	var after []string
	for _, c := range t.Columns {
		def, pre, post := agColumnDef(t, c)
		for _, p := range pre {
			r.add(p, "")
		}
		after = append(after, post...)
		lines = append(lines, def)
	}
	if pk := t.PrimaryKey; pk != nil {
		lines = append(lines, agConstraintName(pk.Name, agDefaultPKName(t))+"PRIMARY KEY ("+agQuoteList(pk.Columns)+")")
	}
	for _, u := range t.Uniques {
		lines = append(lines, "CONSTRAINT "+agQuote(u.Name)+" "+agUniqueDef(u))
	}
	for _, ch := range t.Checks {
		lines = append(lines, "CONSTRAINT "+agQuote(ch.Name)+" "+agCheckDef(ch))
	}
	for _, fk := range t.ForeignKeys {
		lines = append(lines, "CONSTRAINT "+agQuote(fk.Name)+" "+agFKDef(fk))
	}
	r.add(fmt.Sprintf("CREATE TABLE %s (\n    %s\n)", name, strings.Join(lines, ",\n    ")), "")
	for _, a := range after {
		r.add(a, "")
	}
	for _, x := range t.Indexes {
		r.addIndex(t, x)
	}
	if t.Comment != "" {
		r.add(fmt.Sprintf("COMMENT ON TABLE %s IS %s", name, agString(t.Comment)), "")
	}
	for _, c := range t.Columns {
		if c.Comment != "" {
			r.add(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", name, agQuote(c.Name), agString(c.Comment)), "")
		}
	}
}

func agConstraintName(name, def string) string {
	if name == "" || name == def {
		return ""
	}
	return "CONSTRAINT " + agQuote(name) + " "
}

func agDefaultPKName(t *schema.Table) string { return t.Name + "_pkey" }

func agQuoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = agQuote(c)
	}
	return strings.Join(q, ", ")
}

func agUniqueDef(u *schema.Unique) string {
	s := "UNIQUE "
	if u.NullsNotDistinct {
		s += "NULLS NOT DISTINCT "
	}
	s += "(" + agQuoteList(u.Columns) + ")"
	return s + agDeferrable(u.Deferrable, u.InitiallyDeferred)
}

func agDeferrable(d, initially bool) string {
	switch {
	case d && initially:
		return " DEFERRABLE INITIALLY DEFERRED"
	case d:
		return " DEFERRABLE"
	}
	return ""
}

func agCheckDef(c *schema.Check) string {
	expr := agArrayCasts(c.Expr)
	if !strings.HasPrefix(expr, "(") || !agBalanced(expr) {
		expr = "(" + expr + ")"
	}
	s := "CHECK " + expr
	if c.NoInherit {
		s += " NO INHERIT"
	}
	return s
}

// agBalanced reports whether a parenthesized expression's first "(" closes
// at its end, so "(a) AND (b)" is not taken as already wrapped.
func agBalanced(s string) bool {
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

func agFKDef(fk *schema.ForeignKey) string {
	s := fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", agQuoteList(fk.Columns), agQualify(fk.RefSchema, fk.RefTable), agQuoteList(fk.RefColumns))
	if fk.Match == "FULL" {
		s += " MATCH FULL"
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	return s + agDeferrable(fk.Deferrable, fk.InitiallyDeferred)
}

// agSerial reports whether c is exactly what "serial" (or bigserial,
// smallserial) creates, and which of them.
func agSerial(t *schema.Table, c *schema.Column) (string, bool) {
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
	if s.Schema != t.Schema || s.Name != agSerialName(t.Name, c.Name) || s.Type != c.Type.SQL || s.Comment != "" {
		return "", false
	}
	if *s != agDefaultSeq(s.Schema, s.Name, s.Type) {
		return "", false
	}
	return kind, c.Default == agNextval(s)
}

func agSerialName(table, col string) string { return table + "_" + col + "_seq" }

func agNextval(s *schema.Sequence) string {
	reg := agQualify(s.Schema, s.Name)
	return "nextval(" + agString(reg) + "::regclass)"
}

func agDefaultSeq(ns, name, typ string) schema.Sequence {
	return schema.Sequence{Schema: ns, Name: name, Type: typ, Start: 1, Increment: 1, Min: 1, Max: agTypeMax(typ), Cache: 1}
}

// agSeqOptions renders the options of s that differ from from (or, when
// from is nil, from the defaults of a new sequence).
func agSeqOptions(from, s *schema.Sequence) string {
	var b strings.Builder
	if from == nil {
		d := agDefaultSeq(s.Schema, s.Name, "bigint")
		from = &d
		if s.Type != "" && s.Type != "bigint" {
			b.WriteString(" AS " + s.Type)
			d2 := agDefaultSeq(s.Schema, s.Name, s.Type)
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

// agIdentityOptions renders the sequence options of an identity column.
func agIdentityOptions(t *schema.Table, c *schema.Column) string {
	s := c.Sequence
	if s == nil {
		return ""
	}
	var parts []string
	if s.Name != agSerialName(t.Name, c.Name) || s.Schema != t.Schema {
		parts = append(parts, "SEQUENCE NAME "+agQualify(s.Schema, s.Name))
	}
	d := agDefaultSeq(s.Schema, s.Name, c.Type.SQL)
	if s.Type != "" && s.Type != c.Type.SQL {
		d = agDefaultSeq(s.Schema, s.Name, "bigint")
	}
	if opts := strings.TrimSpace(agSeqOptions(&d, s)); opts != "" {
		parts = append(parts, opts)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, " ") + ")"
}

// agColumnDef renders a column for CREATE TABLE / ADD COLUMN, with the
// statements that must run before (an owned sequence) and after (its
// OWNED BY).
func agColumnDef(t *schema.Table, c *schema.Column) (def string, pre, post []string) {
	var b strings.Builder
	b.WriteString(agQuote(c.Name) + " ")
	if kind, ok := agSerial(t, c); ok {
		b.WriteString(kind)
		if c.Collation != "" {
			b.WriteString(" COLLATE " + c.Collation)
		}
		return b.String(), nil, nil
	}
	b.WriteString(c.Type.SQL)
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if c.Generated != nil {
		b.WriteString(" GENERATED ALWAYS AS (" + agArrayCasts(c.Generated.Expr) + ") STORED")
	}
	if c.Identity != nil {
		if c.Identity.Always {
			b.WriteString(" GENERATED ALWAYS AS IDENTITY")
		} else {
			b.WriteString(" GENERATED BY DEFAULT AS IDENTITY")
		}
		b.WriteString(agIdentityOptions(t, c))
	} else if s := c.Sequence; s != nil {
		pre = append(pre, "CREATE SEQUENCE "+agQualify(s.Schema, s.Name)+agSeqOptions(nil, s))
		post = append(post, fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s", agQualify(s.Schema, s.Name), agQualify(t.Schema, t.Name), agQuote(c.Name)))
		if s.Comment != "" {
			post = append(post, fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", agQualify(s.Schema, s.Name), agString(s.Comment)))
		}
	}
	if c.Default != "" {
		b.WriteString(" DEFAULT " + c.Default)
	}
	if !c.Nullable {
		b.WriteString(" NOT NULL")
	}
	return b.String(), pre, post
}

func (r *agRenderer) addIndex(t *schema.Table, x *schema.Index) {
	var b strings.Builder
	b.WriteString("CREATE ")
	if x.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + agQuote(x.Name) + " ON " + agQualify(t.Schema, t.Name))
	if x.Method != "" {
		b.WriteString(" USING " + x.Method)
	}
	parts := make([]string, len(x.Parts))
	for i, p := range x.Parts {
		s := agQuote(p.Column)
		if p.Column == "" {
			s = "(" + agArrayCasts(p.Expr) + ")"
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
		b.WriteString(" INCLUDE (" + agQuoteList(x.Include) + ")")
	}
	if x.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if x.Where != "" {
		b.WriteString(" WHERE " + agArrayCasts(x.Where))
	}
	review := ""
	if x.Unique {
		review = "fails if existing rows hold duplicates"
	}
	r.add(b.String(), review)
	if x.Comment != "" {
		r.add(fmt.Sprintf("COMMENT ON INDEX %s IS %s", agQualify(t.Schema, x.Name), agString(x.Comment)), "")
	}
}

func agCommentValue(s string) string {
	if s == "" {
		return "NULL"
	}
	return agString(s)
}

func (r *agRenderer) tableChange(from, to *schema.Table, c schema.TableChange) error {
	name := agQualify(to.Schema, to.Name)
	q := schema.QualifiedName(to.Schema, to.Name)
	alter := "ALTER TABLE " + name + " "
	switch c := c.(type) {
	case *schema.AddColumn:
		def, pre, post := agColumnDef(to, c.Column)
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
			r.add(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", name, agQuote(c.Column.Name), agString(c.Column.Comment)), "")
		}
	case *schema.DropColumn:
		review := "drops column " + q + "." + c.Column.Name + " and its data"
		if c.Column.Generated != nil {
			review = "" // computed from other columns, nothing is lost
		}
		r.add(alter+"DROP COLUMN "+agQuote(c.Column.Name), review)
	case *schema.ModifyColumn:
		return r.modifyColumn(from, to, c)
	case *schema.AddPrimaryKey:
		r.add(alter+"ADD "+agConstraintNameAlways(c.PrimaryKey.Name)+"PRIMARY KEY ("+agQuoteList(c.PrimaryKey.Columns)+")", "fails if existing rows hold duplicates or NULLs")
	case *schema.DropPrimaryKey:
		r.add(alter+"DROP CONSTRAINT "+agQuote(c.PrimaryKey.Name), "")
	case *schema.AddUnique:
		r.add(alter+"ADD CONSTRAINT "+agQuote(c.Unique.Name)+" "+agUniqueDef(c.Unique), "fails if existing rows hold duplicates")
	case *schema.DropUnique:
		r.add(alter+"DROP CONSTRAINT "+agQuote(c.Unique.Name), "")
	case *schema.AddIndex:
		r.addIndex(to, c.Index)
	case *schema.DropIndex:
		r.add("DROP INDEX "+agQualify(to.Schema, c.Index.Name), "")
	case *schema.RenameIndex:
		r.add("ALTER INDEX "+agQualify(to.Schema, c.From.Name)+" RENAME TO "+agQuote(c.To.Name), "")
	case *schema.AddForeignKey:
		r.add(alter+"ADD CONSTRAINT "+agQuote(c.ForeignKey.Name)+" "+agFKDef(c.ForeignKey), "")
	case *schema.DropForeignKey:
		r.add(alter+"DROP CONSTRAINT "+agQuote(c.ForeignKey.Name), "")
	case *schema.AddCheck:
		r.add(alter+"ADD CONSTRAINT "+agQuote(c.Check.Name)+" "+agCheckDef(c.Check), "fails if existing rows violate the check")
	case *schema.DropCheck:
		r.add(alter+"DROP CONSTRAINT "+agQuote(c.Check.Name), "")
	case *schema.RenameConstraint:
		r.add(alter+"RENAME CONSTRAINT "+agQuote(c.From)+" TO "+agQuote(c.To), "")
	case *schema.ModifyTableComment:
		r.add(fmt.Sprintf("COMMENT ON TABLE %s IS %s", name, agCommentValue(c.To)), "")
	case *schema.ModifyTableOptions, *schema.ModifyTriggers:
		return fmt.Errorf("postgres: %s on table %s is not supported", c, q)
	default:
		return fmt.Errorf("postgres: cannot render table change %T (%s)", c, c)
	}
	return nil
}

func agConstraintNameAlways(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + agQuote(name) + " "
}

func (r *agRenderer) modifyColumn(from, to *schema.Table, m *schema.ModifyColumn) error {
	f, t := m.From, m.To
	q := schema.QualifiedName(to.Schema, to.Name) + "." + t.Name
	col := "ALTER TABLE " + agQualify(to.Schema, to.Name) + " ALTER COLUMN " + agQuote(t.Name) + " "
	if m.Change.Is(schema.ChangeGenerated) {
		if f.Generated != nil && t.Generated == nil && f.Generated.Stored {
			r.add(col+"DROP EXPRESSION", "")
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
		r.add("DROP SEQUENCE "+agQualify(fseq.Schema, fseq.Name), "")
	}
	if typeChange {
		s := col + "TYPE " + t.Type.SQL
		if t.Collation != "" {
			s += " COLLATE " + t.Collation
		} else if f.Collation != "" {
			s += ` COLLATE "default"`
		}
		review := ""
		if m.Change.Is(schema.ChangeType) && !agWidens(f.Type, t.Type) {
			review = fmt.Sprintf("changes the type of %s from %s to %s: fails or loses data if existing values do not fit", q, f.Type.SQL, t.Type.SQL)
		}
		if m.Change.Is(schema.ChangeType) {
			if agNeedsUsing(f.Type, t.Type) {
				cast := agUsing(agQuote(t.Name), f.Type, t.Type)
				s += " USING " + cast
				review = fmt.Sprintf("changes the type of %s from %s to %s with USING %s: the cast fails on values it cannot convert", q, f.Type.SQL, t.Type.SQL, cast)
			}
		}
		r.add(s, review)
	}
	if tseq != nil {
		ts := tseq
		if !sameSeq {
			r.add("CREATE SEQUENCE "+agQualify(ts.Schema, ts.Name)+agSeqOptions(nil, ts), "")
			r.add(fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s", agQualify(ts.Schema, ts.Name), agQualify(to.Schema, to.Name), agQuote(t.Name)), "")
			if ts.Comment != "" {
				r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", agQualify(ts.Schema, ts.Name), agString(ts.Comment)), "")
			}
		} else if *fseq != *ts {
			if opts := agSeqOptions(fseq, ts); opts != "" {
				r.add("ALTER SEQUENCE "+agQualify(ts.Schema, ts.Name)+opts, "")
			}
			if fseq.Comment != ts.Comment {
				r.add(fmt.Sprintf("COMMENT ON SEQUENCE %s IS %s", agQualify(ts.Schema, ts.Name), agCommentValue(ts.Comment)), "")
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
			r.add(col+"ADD GENERATED "+gen+" AS IDENTITY"+agIdentityOptions(to, t), "")
		} else {
			if f.Identity.Always != t.Identity.Always {
				if t.Identity.Always {
					r.add(col+"SET GENERATED ALWAYS", "")
				} else {
					r.add(col+"SET GENERATED BY DEFAULT", "")
				}
			}
			if fs, ts := f.Sequence, t.Sequence; fs != nil && ts != nil {
				if opts := agIdentityAlter(fs, ts, typeChange); opts != "" {
					r.add(col+opts, "")
				}
			}
		}
	}
	if m.Change.Is(schema.ChangeComment) {
		r.add(fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", agQualify(to.Schema, to.Name), agQuote(t.Name), agCommentValue(t.Comment)), "")
	}
	return nil
}

// agIdentityAlter renders ALTER COLUMN … SET options for an identity's
// sequence. A type change has already moved the sequence to the new type's
// bounds.
func agIdentityAlter(f, t *schema.Sequence, typeChanged bool) string {
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

func (r *agRenderer) modifyEnum(c *schema.ModifyEnum) error {
	name := agQualify(c.To.Schema, c.To.Name)
	if !agEqualStrings(c.From.Values, c.To.Values) {
		if !c.Recreate && agIsSubsequence(c.From.Values, c.To.Values) {
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
					pos = " BEFORE " + agString(c.To.Values[i+1])
				} else if i > 0 {
					pos = " AFTER " + agString(c.To.Values[i-1])
				}
				r.add(fmt.Sprintf("ALTER TYPE %s ADD VALUE %s%s", name, agString(v), pos), "")
				have[v] = true
			}
		} else {
			old := agQualify(c.To.Schema, c.To.Name+"__retort_old")
			why := fmt.Sprintf("recreates enum type %s to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone", schema.QualifiedName(c.To.Schema, c.To.Name))
			if agIsSubsequence(c.From.Values, c.To.Values) {
				why = fmt.Sprintf("recreates enum type %s, rewriting the columns that use it, because this migration uses its new values (PostgreSQL cannot use values added by ALTER TYPE … ADD VALUE in the same transaction)", schema.QualifiedName(c.To.Schema, c.To.Name))
			}
			r.add(fmt.Sprintf("ALTER TYPE %s RENAME TO %s", name, agQuote(c.To.Name+"__retort_old")), why)
			vals := make([]string, len(c.To.Values))
			for i, v := range c.To.Values {
				vals[i] = agString(v)
			}
			r.add(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", name, strings.Join(vals, ", ")), "")
			for _, u := range c.Users {
				tbl := agQualify(u.Table.Schema, u.Table.Name)
				col := agQuote(u.Column.Name)
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
		r.add(fmt.Sprintf("COMMENT ON TYPE %s IS %s", name, agCommentValue(c.To.Comment)), "")
	}
	return nil
}

func agEqualStrings(a, b []string) bool {
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

func agIsSubsequence(a, b []string) bool {
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
	if from.Generated != nil && to.Generated == nil && from.Generated.Stored {
		return false
	}
	return from.Generated == nil || to.Generated == nil || *from.Generated != *to.Generated
}

// agUsing is the USING expression that converts col from one type to
// another: a direct cast where one exists, else through text; a scalar
// becomes a one-element array and an array its first element.
func agUsing(col string, from, to schema.Type) string {
	scalar := func(expr string, from, to schema.Type) string {
		cf, ct := agTypeCategory(from.Name), agTypeCategory(to.Name)
		direct := cf == "string" || cf == ct ||
			(cf == "number" || from.Name == "boolean") && (ct == "number" || to.Name == "boolean")
		if direct {
			return expr + "::" + to.SQL
		}
		return expr + "::text::" + to.SQL
	}
	elem := func(t schema.Type) schema.Type {
		e := agParseType(strings.TrimSuffix(t.SQL, strings.Repeat("[]", t.Array)))
		return e
	}
	switch {
	case from.Array == 0 && to.Array == 1:
		return fmt.Sprintf("CASE WHEN %s IS NULL THEN NULL ELSE ARRAY[%s] END", col, scalar(col, from, elem(to)))
	case from.Array > 0 && to.Array == 0:
		return scalar("("+col+")[1]", elem(from), to)
	case from.Array > 0 && to.Array > 0:
		if from.Array == to.Array && agTypeCategory(elem(from).Name) == agTypeCategory(elem(to).Name) {
			return col + "::" + to.SQL
		}
		return col + "::text::" + to.SQL
	}
	return scalar(col, from, to)
}
