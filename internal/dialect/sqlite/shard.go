package sqlite

import (
	"github.com/retortdb/retort/internal/dialect"
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
// unqualified; ok is false for anything else.
func plainCreate(st string) (plain, bool) {
	ts := tokenize(st)
	for _, t := range ts {
		if t.kind == 'p' && t.text == ";" {
			return plain{}, false // SQLite may read two statements there
		}
	}
	word := func(i int, w string) bool {
		return i < len(ts) && ts[i].kind == 'w' && foldName(ts[i].text) == w
	}
	name := func(i int) (string, bool) {
		if i >= len(ts) || ts[i].kind != 'w' && ts[i].kind != 'q' {
			return "", false
		}
		return foldName(ts[i].ident()), true
	}
	punct := func(i int, p string) bool { return i < len(ts) && ts[i].kind == 'p' && ts[i].text == p }
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
