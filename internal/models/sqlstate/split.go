package sqlstate

import (
	"github.com/retortdb/retort/internal/dialect"
	mysqlinspect "github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/sqlsplit"
)

// Statement is one SQL statement of a file, without its trailing ';'.
// (A type of its own, not an alias, so that code copying it into a
// script.Statement keeps compiling if either gains a field.)
type Statement sqlsplit.Statement

// Split splits SQL text into statements with the one splitter
// (internal/sqlsplit): MySQL's lexical rules when isMySQL is set, else
// PostgreSQL's. Load splits model files with their own dialect's rules
// (splitModel); Split serves callers that know only whether the text is
// MySQL's.
func Split(text string, isMySQL bool) ([]Statement, error) {
	r := postgres.Lexical
	if isMySQL {
		r = mysqlinspect.Lexical
	}
	return split(text, r)
}

// splitModel splits a model file of the dialect named name with the
// lexical rules its dialect gives (PostgreSQL's for a name the registry does
// not know: Load reports that after splitting, as it always has).
func splitModel(text, name string) ([]Statement, error) {
	var l dialect.Lexer = postgres.New()
	if d, err := registry.Lookup(name); err == nil {
		if dl, ok := d.(dialect.Lexer); ok {
			l = dl
		}
	}
	return split(text, l.LexicalRules())
}

func split(text string, r sqlsplit.Rules) ([]Statement, error) {
	ss, err := sqlsplit.Split(text, 1, r)
	if err != nil {
		return nil, err
	}
	var out []Statement
	for _, s := range ss {
		out = append(out, Statement(s))
	}
	return out, nil
}
