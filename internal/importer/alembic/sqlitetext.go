package alembic

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/retortdb/retort/schema"
)

// On a database whose catalog is the CREATE TABLE text (SQLite), the table
// Alembic leaves is SQLAlchemy's text: its column layout, its order of
// constraints. The importer writes that text into Table.SQL, which the
// dialect's renderer then uses verbatim (to create the table, or to
// rebuild it), so that the imported history stores what Alembic's does.

// sqliteColumn is a column line of t as SQLAlchemy's SQLite compiler
// writes it, with the column's own CHECK constraints after it.
func sqliteColumn(t *schema.Table, c *schema.Column) string {
	s := quoteText(c.Name) + " " + c.Type.SQL
	if c.Default != "" {
		s += " DEFAULT " + c.Default
	}
	if !c.Nullable {
		s += " NOT NULL"
	}
	for _, ch := range t.Checks {
		if ch.Column == c.Name {
			s += " " + sqliteCheck(ch)
		}
	}
	return s
}

// quoteText quotes a name as SQLAlchemy's SQLite preparer does: only a
// name that is not a lower-case identifier, or is a reserved word. A check
// expression is compared as written, so the quoting must be SQLAlchemy's.
func quoteText(n string) string {
	plain := n != "" && !sqliteReserved[strings.ToLower(n)]
	for i, c := range n {
		if !(c == '_' || c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '$')) {
			plain = false
			break
		}
	}
	if plain {
		return n
	}
	return `"` + strings.ReplaceAll(n, `"`, `""`) + `"`
}

// sqliteReserved is SQLAlchemy's SQLite RESERVED_WORDS.
var sqliteReserved = wordSet(`add after all alter analyze and as asc attach autoincrement before begin between by cascade case cast check collate column commit conflict constraint create cross current_date current_time current_timestamp database default deferrable deferred delete desc detach distinct drop each else end escape except exclusive exists explain false fail for foreign from full glob group having if ignore immediate in index indexed initially inner insert instead intersect into is isnull join key left like limit match natural not notnull null of offset on or order outer plan pragma primary query raise references reindex rename replace restrict right rollback row select set table temp temporary then to transaction trigger true union unique update using vacuum values view virtual when where`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func quoteTextList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteText(c)
	}
	return strings.Join(q, ", ")
}

func namedPrefix(n string) string {
	if n == "" {
		return ""
	}
	return "CONSTRAINT " + quoteText(n) + " "
}

func sqlitePK(pk *schema.PrimaryKey) string {
	return namedPrefix(pk.Name) + "PRIMARY KEY (" + quoteTextList(pk.Columns) + ")"
}

func sqliteUnique(u *schema.Unique) string {
	return namedPrefix(u.Name) + "UNIQUE (" + quoteTextList(u.Columns) + ")"
}

func sqliteCheck(c *schema.Check) string {
	return namedPrefix(c.Name) + "CHECK (" + c.Expr + ")"
}

func sqliteFK(fk *schema.ForeignKey) string {
	s := namedPrefix(fk.Name) + "FOREIGN KEY(" + quoteTextList(fk.Columns) + ") REFERENCES " + quoteText(fk.RefTable) + " (" + quoteTextList(fk.RefColumns) + ")"
	if fk.OnDelete != "" {
		s += " ON DELETE " + fk.OnDelete
	}
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + fk.OnUpdate
	}
	if fk.Deferrable {
		s += " DEFERRABLE"
		if fk.InitiallyDeferred {
			s += " INITIALLY DEFERRED"
		}
	}
	return s
}

// sqliteTable writes CREATE TABLE with the constraint lines given in order.
func sqliteTable(t *schema.Table, constraints []string) string {
	lines := make([]string, 0, len(t.Columns)+len(constraints)+1)
	for _, c := range t.Columns {
		lines = append(lines, sqliteColumn(t, c))
	}
	if t.PrimaryKey != nil {
		lines = append(lines, sqlitePK(t.PrimaryKey))
	}
	lines = append(lines, constraints...)
	return "CREATE TABLE " + quoteText(t.Name) + " (\n\t" + strings.Join(lines, ", \n\t") + "\n)"
}

var nonWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\W`) })

// reflectedDefault is a default as SQLAlchemy writes it again after
// reading it back from SQLite (batch mode's "move and copy"): text that
// does not start with a quote or a parenthesis and holds a non-word
// character goes in parentheses.
func reflectedDefault(d string) string {
	d = strings.TrimSpace(d)
	if d == "" {
		return d
	}
	if !strings.ContainsAny(d[:1], `'"(`) && nonWord().MatchString(d) {
		return "(" + d + ")"
	}
	return d
}

// sqliteRecreated is the text batch mode's "move and copy" leaves: the
// table as SQLAlchemy writes it from what it reflected (from's), with
// what was added since: columns first, then the primary key, the named
// constraints (in the order they were made: named lists them) and the
// unnamed ones.
func sqliteRecreated(t, from *schema.Table, named []string) string {
	for _, c := range t.Columns {
		c.Default = reflectedDefault(c.Default)
	}
	byName := map[string]string{}
	var unnamed []string
	add := func(name, text string) {
		if name != "" {
			byName[name] = text
		} else {
			unnamed = append(unnamed, text)
		}
	}
	for _, u := range t.Uniques {
		add(u.Name, sqliteUnique(u))
	}
	for _, fk := range t.ForeignKeys {
		add(fk.Name, sqliteFK(fk))
	}
	for _, ch := range t.Checks {
		if ch.Column != "" && !hasColumnCheck(from, ch) {
			continue // a new column's: in its definition, as written
		}
		// SQLAlchemy reflects a named column CHECK as the table's.
		ch.Column = ""
		add(ch.Name, sqliteCheck(ch))
	}
	var lines []string
	for _, n := range named {
		if text, ok := byName[n]; ok {
			lines = append(lines, text)
			delete(byName, n)
		}
	}
	var rest []string
	for n := range byName {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	for _, n := range rest {
		lines = append(lines, byName[n])
	}
	return sqliteTable(t, append(lines, unnamed...))
}

// hasColumnCheck reports whether from holds column check ch.
func hasColumnCheck(from *schema.Table, ch *schema.Check) bool {
	for _, c := range from.Checks {
		if c.Column == ch.Column && c.Name == ch.Name && c.Expr == ch.Expr {
			return true
		}
	}
	return false
}
