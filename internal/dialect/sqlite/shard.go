package sqlite

import (
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
	"github.com/retortdb/retort/schema"
)

// SQLite re-reads its schema after every CREATE: a scan of the whole
// sqlite_schema, and every table visited to clear its foreign key cache. N
// tables created in one database cost time quadratic in N (the sqlite3
// shell pays it too: 12 s of 5,000 tables). CREATE TABLE and CREATE INDEX
// depend on nothing else in the database but the names they take (a
// foreign key's target is looked up when rows change, never when the
// table is created), so models made only of those run as well in several
// databases as in one, each holding some tables with their indexes.

var _ dialect.ScratchSharder = (*Dialect)(nil)

// ScratchShards implements dialect.ScratchSharder: a group for each CREATE
// TABLE, with the CREATE INDEX statements on that table. Any other
// statement (a view, a trigger, ALTER, INSERT, PRAGMA, a virtual or
// temporary table, CREATE TABLE … AS, a schema-qualified name, an index
// before its table) or any name taken twice (tables and indexes share one
// namespace) makes it nil: those run in one database, which also reports
// what SQLite refuses at its file:line.
func (*Dialect) ScratchShards(stmts []string) [][]int {
	var groups [][]int
	names := map[string]bool{} // every object's name, folded
	tables := map[string]int{} // a table's folded name → its group
	for i, st := range stmts {
		c, ok := plainCreate(st)
		if !ok || names[c.name] {
			return nil
		}
		names[c.name] = true
		if c.table == "" {
			tables[c.name] = len(groups)
			groups = append(groups, []int{i})
			continue
		}
		g, ok := tables[c.table]
		if !ok {
			return nil
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// ShardReader implements dialect.ScratchSharder.
func (*Dialect) ShardReader(n int, o schema.InspectOptions) dialect.ShardReader {
	return newShardReader(n, o)
}

// plain is a CREATE TABLE or CREATE INDEX statement's object name and, for
// an index, its table's, both folded as SQLite compares names.
type plain struct{ name, table string }

// plainCreate recognises "CREATE TABLE [IF NOT EXISTS] name (…" and
// "CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (…", names
// unqualified; ok is false for anything else, and for a statement holding
// what SQLite may read otherwise than the splitter: \v or \f, a ';', a
// dollar quote or '$', an unterminated quote or comment, a nested comment,
// a [name] holding a quote, a comment, a '$' or a ';'.
func plainCreate(st string) (plain, bool) {
	if strings.ContainsAny(st, "\v\f") {
		return plain{}, false // blanks to the splitter; \v is no blank to SQLite
	}
	var ts []sqlsplit.Token
	all := sqlsplit.Tokens(st, Lexical)
	for i := 0; i < len(all); i++ {
		t := all[i]
		if t.Has(sqlsplit.Unterminated|sqlsplit.NestedComment) || t.IsPunct(";") || t.Raw[0] == '$' {
			return plain{}, false
		}
		if t.IsPunct("[") {
			// SQLite's [name], which the splitter does not know: its name
			// runs to the first ']'. Accepted only when nothing in it opens
			// a quote, a comment or a dollar quote, or is a ';' (so that
			// the splitter's tokens stop at the same ']').
			k := strings.IndexByte(st[t.Offset:], ']')
			if k < 0 {
				return plain{}, false
			}
			name := st[t.Offset+1 : t.Offset+k]
			if strings.ContainsAny(name, "'\"`;$[") || strings.Contains(name, "--") || strings.Contains(name, "/*") {
				return plain{}, false
			}
			j := i + 1
			for j < len(all) && all[j].Offset < t.Offset+k {
				j++
			}
			if j == len(all) || all[j].Offset != t.Offset+k || !all[j].IsPunct("]") {
				return plain{}, false
			}
			t = sqlsplit.Token{Kind: sqlsplit.QuotedIdent, Text: name, Raw: st[t.Offset : t.Offset+k+1], Offset: t.Offset}
			i = j
		}
		if t.Kind != sqlsplit.Comment {
			ts = append(ts, t)
		}
	}
	word := func(i int, w string) bool {
		return i < len(ts) && ts[i].Kind == sqlsplit.Word && foldName(ts[i].Text) == w
	}
	name := func(i int) (string, bool) {
		if i >= len(ts) || ts[i].Kind != sqlsplit.Word && ts[i].Kind != sqlsplit.QuotedIdent {
			return "", false
		}
		return foldName(ts[i].Text), true
	}
	punct := func(i int, p string) bool { return i < len(ts) && ts[i].IsPunct(p) }
	ifNotExists := func(i int) int {
		if word(i, "if") && word(i+1, "not") && word(i+2, "exists") {
			return i + 3
		}
		return i
	}
	if !word(0, "create") {
		return plain{}, false
	}
	switch {
	case word(1, "table"):
		i := ifNotExists(2)
		n, ok := name(i)
		if !ok || !punct(i+1, "(") {
			return plain{}, false
		}
		return plain{name: n}, true
	case word(1, "index"), word(1, "unique") && word(2, "index"):
		i := 2
		if word(1, "unique") {
			i = 3
		}
		i = ifNotExists(i)
		n, ok := name(i)
		if !ok || !word(i+1, "on") {
			return plain{}, false
		}
		t, ok := name(i + 2)
		if !ok || !punct(i+3, "(") {
			return plain{}, false
		}
		return plain{name: n, table: t}, true
	}
	return plain{}, false
}

// foldName is name as SQLite compares names: ASCII letters in lower case,
// every other character as it is.
func foldName(name string) string {
	b := []byte(name)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
