package postgres

import (
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// Lexical are PostgreSQL's rules for splitting SQL text into statements:
// E'…' strings with backslash escapes (a backslash is ordinary in '…'),
// $tag$ dollar quoting, nested /* */ comments, and the BEGIN ATOMIC … END
// body of a SQL-standard function. "…" is an identifier; # is an operator.
//
// /*! … */ is a comment to PostgreSQL, but both splitters before the one
// in internal/sqlsplit sent it as a statement (an empty one to the
// server), so ExecutableComments stays on: model files split as before.
var Lexical = sqlsplit.Rules{
	NestedComments:     true,
	EStrings:           true,
	DollarQuotes:       true,
	ExecutableComments: true,
	Bodies:             true,
}

var _ dialect.Lexer = (*Dialect)(nil)

// LexicalRules returns Lexical.
func (*Dialect) LexicalRules() sqlsplit.Rules { return Lexical }
