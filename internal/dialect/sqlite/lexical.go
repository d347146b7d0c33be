package sqlite

import (
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// Lexical are SQLite's rules for splitting SQL text into statements:
// standard strings (a backslash is ordinary), "…" identifiers, comments
// that do not nest, and the BEGIN … END body of CREATE TRIGGER.
//
// SQLite has no dollar quoting ($name is a parameter) and reads /*! … */ as
// a comment, but both splitters before the one in internal/sqlsplit read
// $tag$ quotes and sent /*! … */ as a statement in SQLite text; valid
// SQLite holds neither outside a string, so both stay on and model files
// split as before.
var Lexical = sqlsplit.Rules{
	DollarQuotes:       true,
	ExecutableComments: true,
	Bodies:             true,
}

var _ dialect.Lexer = (*Dialect)(nil)

// LexicalRules returns Lexical.
func (*Dialect) LexicalRules() sqlsplit.Rules { return Lexical }
