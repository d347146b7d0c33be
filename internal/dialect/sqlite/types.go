package sqlite

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/schema"
)

// parseType reads a declared column type. SQLite keeps the declaration
// as written; it is compared upper-cased with single spaces, so "varchar(20)"
// and "VARCHAR (20)" are the same type.
func parseType(s string) schema.Type {
	norm := strings.ToUpper(strings.Join(strings.Fields(s), " "))
	norm = strings.ReplaceAll(norm, " (", "(")
	norm = strings.ReplaceAll(norm, ", ", ",")
	t := schema.Type{SQL: norm, Name: strings.ToLower(norm)}
	if i := strings.IndexByte(norm, '('); i >= 0 && strings.HasSuffix(norm, ")") {
		t.Name = strings.ToLower(strings.TrimSpace(norm[:i]))
		args := strings.Split(norm[i+1:len(norm)-1], ",")
		n, _ := strconv.Atoi(strings.TrimSpace(args[0]))
		if len(args) > 1 {
			t.Precision = n
			t.Scale, _ = strconv.Atoi(strings.TrimSpace(args[1]))
		} else {
			t.Length = n
		}
	}
	return t
}

// quote quotes an identifier when it is not a plain lower-case word.
// quoteAlways quotes an identifier whether or not it needs it, as a table
// rendered from the IR (a Go model's) names everything: the statement is
// stored as the table's definition, so it does not depend on which words a
// future SQLite reserves.
func quoteAlways(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func quote(name string) string {
	plain := name != ""
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9') {
			continue
		}
		plain = false
		break
	}
	if plain && !keywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// keywords is keywordList as a set, built once and only read: quote runs
// for every name a renderer writes.
var keywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(keywordList) {
		m[w] = true
	}
	return m
}()

// keywordList holds SQLite key words that cannot be bare identifiers.
const keywordList = ` abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade case cast check
collate column commit conflict constraint create cross current current_date current_time current_timestamp database default deferrable deferred
delete desc detach distinct do drop each else end escape except exclude exclusive exists explain fail filter first following for foreign from full
generated glob group groups having if ignore immediate in index indexed initially inner insert instead intersect into is isnull join key last left
like limit match materialized natural no not nothing notnull null nulls of offset on or order others outer over partition plan pragma preceding
primary query raise range recursive references regexp reindex release rename replace restrict returning right rollback row rows savepoint select
set table temp temporary then ties to transaction trigger unbounded union unique update using vacuum values view virtual when where window with without `
