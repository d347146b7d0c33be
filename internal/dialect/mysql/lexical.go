package mysql

import (
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// Lexical are MySQL's and MariaDB's rules for splitting SQL text into
// statements: backslash escapes in '…' and "…" strings, # comments,
// comments that do not nest, /*! … */ and /*M! … */ executable comments,
// the BEGIN … END bodies of stored programs with their compound statements
// (IF, WHILE, LOOP, REPEAT, FOR, CASE) and MariaDB's BEGIN NOT ATOMIC, and
// DELIMITER refused (it is the mysql client's, not SQL). No dollar quoting.
var Lexical = sqlsplit.Rules{
	Backslash:          true,
	HashComments:       true,
	ExecutableComments: true,
	Bodies:             true,
	Compound:           true,
	Delimiter:          true,
}

var _ dialect.Lexer = (*Dialect)(nil)

// LexicalRules returns Lexical.
func (*Dialect) LexicalRules() sqlsplit.Rules { return Lexical }
