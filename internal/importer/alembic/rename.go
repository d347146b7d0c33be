package alembic

import (
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
	"github.com/retortdb/retort/schema"
)

// Every database's RENAME COLUMN and RENAME TABLE rewrite the definitions
// that name what was renamed: the table's CHECK expressions and index
// expressions, and other tables' foreign keys (SQLite edits their stored
// CREATE TABLE text; PostgreSQL and MariaDB keep them by reference). The
// state follows, so that a later rebuild or change of those definitions
// writes what the database holds.

// lexical is the dialect's reading of SQL text.
func (tr *translator) lexical() sqlsplit.Rules {
	if l, ok := tr.d.(dialect.Lexer); ok {
		return l.LexicalRules()
	}
	return sqlsplit.Rules{}
}

// sameName reports whether identifier token tk names n: a bare one in any
// case (PostgreSQL folds it to the lower case its names have, the others
// compare column names so), a quoted one as written unless the dialect
// folds those too.
func (tr *translator) sameName(tk sqlsplit.Token, n string) bool {
	switch tk.Kind {
	case sqlsplit.QuotedIdent:
		return tk.Text == n || tr.fl.foldQuotedColumns && strings.EqualFold(tk.Text, n)
	case sqlsplit.Word:
		return strings.EqualFold(tk.Text, n)
	}
	return false
}

// edit returns text with the tokens repl names replaced; repl returns ""
// to keep a token.
func edit(text string, toks []sqlsplit.Token, repl func(i int) string) string {
	var b strings.Builder
	last := 0
	for i, tk := range toks {
		if r := repl(i); r != "" {
			b.WriteString(text[last:tk.Offset])
			b.WriteString(r)
			last = tk.Offset + len(tk.Raw)
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// requote writes name for identifier token tk: quoted the way tk was when
// it was quoted, else as the dialect writes a name (SQLAlchemy's quoting
// on SQLite, whose RENAME writes the new name so).
func (tr *translator) requote(tk sqlsplit.Token, name string) string {
	if tk.Kind == sqlsplit.QuotedIdent {
		q := tk.Raw[:1]
		return q + strings.ReplaceAll(name, q, q+q) + q
	}
	if tr.text != nil {
		return quoteText(name)
	}
	return tr.d.QuoteIdent(name)
}

// renameColumnIn rewrites expression text: each reference to column from
// (bare, or qualified by a name) becomes to. A name followed by "(" is a
// function's and stays.
func (tr *translator) renameColumnIn(text, from, to string) string {
	return tr.rewrite(text, func(toks []sqlsplit.Token, i int) string {
		if !tr.sameName(toks[i], from) || i+1 < len(toks) && (toks[i+1].IsPunct("(") || toks[i+1].IsPunct(".")) {
			return ""
		}
		return tr.requote(toks[i], to)
	})
}

// renameQualifierIn rewrites expression text: each name from that
// qualifies a column (from.col) becomes to, quoted as SQLite's RENAME
// TABLE writes it.
func (tr *translator) renameQualifierIn(text, from, to string) string {
	return tr.rewrite(text, func(toks []sqlsplit.Token, i int) string {
		if !tr.sameName(toks[i], from) || i+1 >= len(toks) || !toks[i+1].IsPunct(".") || i > 0 && toks[i-1].IsPunct(".") {
			return ""
		}
		return tr.tableName(toks[i], to)
	})
}

// rewrite returns text with each token for which repl returns a
// replacement replaced.
func (tr *translator) rewrite(text string, repl func(toks []sqlsplit.Token, i int) string) string {
	if text == "" {
		return text
	}
	toks := sqlsplit.Tokens(text, tr.lexical())
	return edit(text, toks, func(i int) string { return repl(toks, i) })
}

// tableName writes a renamed table's name where tk named the old one:
// SQLite's RENAME TABLE always writes it double-quoted.
func (tr *translator) tableName(tk sqlsplit.Token, name string) string {
	if tr.text != nil {
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
	return tr.requote(tk, name)
}

// renameInReferences rewrites a CREATE TABLE text's REFERENCES clauses
// that name table: the table becomes toTable when that is set, and the
// referenced column fromCol becomes toCol when those are set.
func (tr *translator) renameInReferences(text, table, toTable, fromCol, toCol string) string {
	toks := sqlsplit.Tokens(text, tr.lexical())
	repl := map[int]string{}
	for i := 0; i < len(toks); i++ {
		if !toks[i].Is("REFERENCES") || i+1 >= len(toks) {
			continue
		}
		j := i + 1
		// A schema's name first: schema.table.
		for j+2 < len(toks) && toks[j+1].IsPunct(".") {
			j += 2
		}
		if !tr.sameName(toks[j], table) {
			continue
		}
		if toTable != "" {
			repl[j] = tr.tableName(toks[j], toTable)
		}
		if fromCol == "" || j+1 >= len(toks) || !toks[j+1].IsPunct("(") {
			continue
		}
		for k := j + 2; k < len(toks) && !toks[k].IsPunct(")"); k++ {
			if tr.sameName(toks[k], fromCol) {
				repl[k] = tr.requote(toks[k], toCol)
			}
		}
	}
	if len(repl) == 0 {
		return text
	}
	return edit(text, toks, func(i int) string { return repl[i] })
}

// renameReferences makes the other tables' foreign keys that reference
// table reference it as renamed: the table as toTable (when set), column
// fromCol as toCol (when set).
func (tr *translator) renameReferences(table, toTable, fromCol, toCol string) {
	for _, name := range tr.st.tableNames() {
		if name == table {
			continue // its own references: renamed with it
		}
		t := tr.st.table(name)
		var hit bool
		for _, fk := range t.ForeignKeys {
			if fk.RefTable == table && (name != table || toTable != "") {
				hit = true
			}
		}
		if !hit {
			continue
		}
		t = t.Clone()
		for _, fk := range t.ForeignKeys {
			if fk.RefTable != table {
				continue
			}
			if fromCol != "" {
				for i, c := range fk.RefColumns {
					if c == fromCol {
						fk.RefColumns[i] = toCol
					}
				}
			}
			if toTable != "" {
				fk.RefTable = toTable
			}
		}
		if tr.text != nil && t.SQL != "" {
			t.SQL = tr.renameInReferences(t.SQL, table, toTable, fromCol, toCol)
			t.Def = tr.text.TableDefinition(t.SQL)
		}
		tr.setTable(name, t)
	}
}

// renameColumnDefs renames column from in t's own definitions that name
// it in an expression: its CHECK constraints and expression indexes.
func (tr *translator) renameColumnDefs(t *schema.Table, from, to string) {
	for _, ch := range t.Checks {
		ch.Expr = tr.renameColumnIn(ch.Expr, from, to)
	}
	for _, x := range t.Indexes {
		for i := range x.Parts {
			x.Parts[i].Expr = tr.renameColumnIn(x.Parts[i].Expr, from, to)
		}
		x.Where = tr.renameColumnIn(x.Where, from, to)
	}
}
