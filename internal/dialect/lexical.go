package dialect

import "github.com/retortdb/retort/internal/sqlsplit"

// Lexer is implemented by every dialect: its lexical rules, with which
// internal/sqlsplit cuts the dialect's SQL text (desired-state model files)
// into statements. Revision files do not use it: they are split before a
// connection says which database will run them, with sqlsplit.AllDialects.
type Lexer interface {
	LexicalRules() sqlsplit.Rules
}
