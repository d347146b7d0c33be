package postgres

import (
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.ScratchSchema = (*Dialect)(nil)

// scratchSchemaKinds are the statements that may run in a scratch schema:
// they create or change objects that unqualified names resolve to the
// schema first on the search path, or insert rows into them. Anything
// else (SET, DO, functions, extensions, grants, COMMENT ON SCHEMA…) may
// reach objects outside it.
var scratchSchemaKinds = []string{
	"CREATE TABLE ", "CREATE UNLOGGED TABLE ",
	"CREATE INDEX ", "CREATE UNIQUE INDEX ",
	"CREATE SEQUENCE ", "CREATE TYPE ", "CREATE DOMAIN ",
	"CREATE VIEW ", "CREATE OR REPLACE VIEW ",
	"ALTER TABLE ", "ALTER INDEX ", "ALTER SEQUENCE ", "ALTER TYPE ", "ALTER DOMAIN ",
	"COMMENT ON TABLE ", "COMMENT ON COLUMN ", "COMMENT ON INDEX ", "COMMENT ON VIEW ",
	"COMMENT ON SEQUENCE ", "COMMENT ON TYPE ", "COMMENT ON DOMAIN ", "COMMENT ON CONSTRAINT ",
	// Rows (reference data in the models): their expressions, and the
	// defaults and checks they run, reach the schema's objects and
	// pg_catalog's functions, as in a scratch database; the search path
	// is checked again after them (ScratchSchemaBegin's verify).
	"INSERT INTO ",
}

// qualified finds a name followed by a dot and another name: schema.table,
// "Schema"."t", t.col. It is applied to the whole text, strings and
// comments included, so it errs on the side of a scratch database.
var qualified = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[A-Za-z_"][A-Za-z0-9_$"]*\s*\.\s*[A-Za-z_"*]`) })

// commentOnColumn is COMMENT ON COLUMN's table.column, the one name that
// must have a dot: replaced before the check for qualified names, which
// then still catches schema.table.column.
var commentOnColumn = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^COMMENT\s+ON\s+COLUMN\s+("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)\s*\.\s*("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)\s+IS\s`)
})

// ScratchSchemaSafe implements dialect.ScratchSchema.
func (*Dialect) ScratchSchemaSafe(stmts []string) bool {
	for _, st := range stmts {
		st = skipLeadingComments(st)
		st = commentOnColumn().ReplaceAllString(st, "COMMENT ON COLUMN column IS ")
		head := st
		if len(head) > 200 {
			head = head[:200]
		}
		head = strings.Join(strings.Fields(strings.ToUpper(head)), " ") + " "
		ok := false
		for _, k := range scratchSchemaKinds {
			if strings.HasPrefix(head, k) {
				ok = true
				break
			}
		}
		if !ok || qualified().MatchString(st) || strings.Contains(strings.ToLower(st), "search_path") {
			return false
		}
	}
	return true
}

// skipLeadingComments drops the white space and comments before a
// statement's first word.
func skipLeadingComments(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n\f")
		switch {
		case strings.HasPrefix(s, "--"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s, "*/")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		default:
			return s
		}
	}
}

// ScratchSchemaBegin implements dialect.ScratchSchema. The lock table
// holds max_locks_per_transaction × (max_connections +
// max_prepared_transactions) locks for the whole server.
func (*Dialect) ScratchSchemaBegin(name string) (check, begin, verify string) {
	check = `SELECT (SELECT count(*) FROM pg_event_trigger WHERE evtenabled <> 'D'),
  current_setting('max_locks_per_transaction')::bigint * (current_setting('max_connections')::bigint + current_setting('max_prepared_transactions')::bigint)`
	// name is a plain identifier (dialect.ScratchName).
	return check, "CREATE SCHEMA " + name + ";\nSET LOCAL search_path = " + name,
		"SELECT current_schemas(false) = ARRAY['" + name + "']::name[] AND current_setting('search_path') = '" + name + "'"
}

// LocksPerStatement implements dialect.ScratchSchema: a CREATE TABLE with
// a primary key holds about four (table, TOAST table and index, key), an
// index two; measured, 1,400 tables of bench/autogen (three statements
// each) filled the 6,400 of a default server.
func (*Dialect) LocksPerStatement() int { return 2 }
