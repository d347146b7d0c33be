package sqlite

import (
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// Lexical are SQLite's rules for splitting SQL text into statements:
// standard strings (a backslash is ordinary), "…" identifiers, comments
// that do not nest, and the BEGIN … END body of CREATE TRIGGER. No dollar
// quoting ($name is a parameter).
var Lexical = sqlsplit.Rules{
	Bodies: true,
}

var _ dialect.Lexer = (*Dialect)(nil)

// LexicalRules returns Lexical.
func (*Dialect) LexicalRules() sqlsplit.Rules { return Lexical }
