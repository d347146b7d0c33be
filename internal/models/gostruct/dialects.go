package gostruct

import (
	"fmt"
	"sort"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/dialect/sqlite"
)

// ddlDialect is what a dialect provides so that models can be written as
// its DDL (internal/dialect/models.go and each dialect's models.go).
type ddlDialect interface {
	Name() string
	// GoColumnType is retort's SQL type for a Go field (docs/models.md).
	GoColumnType(f dialect.GoField) (string, error)
	// GORMColumnType is the type GORM's dialector gives a field.
	GORMColumnType(f dialect.GORMField) string
	// QuoteIdentAlways quotes every identifier.
	QuoteIdentAlways(name string) string
	// CommentLiteral and GORMLiteral are string literals: a comment's, and
	// one as GORM's dialector's Explain writes it.
	CommentLiteral(s string) string
	GORMLiteral(s string) string
	// EnumColumn is an enum column's type; namedType says the enum is a
	// type created first, check that its values are held by a CHECK.
	EnumColumn(typeName string, values []string) (typ string, namedType, check bool)
	IdentityStyle() dialect.IdentityStyle
	// ForeignKeysOnlyInline: a cycle's foreign keys stay in CREATE TABLE.
	ForeignKeysOnlyInline() bool
	// InlineComments: COMMENT clauses; CommentStatements: COMMENT ON.
	InlineComments() bool
	CommentStatements() bool
	IndexKeyPrefixes() bool
	IndexExprsParenthesized() bool
	IndexClasses() bool
	IndexAccessMethods() bool
	PartialIndexes() bool
}

var (
	_ ddlDialect = (*postgres.Dialect)(nil)
	_ ddlDialect = (*mysql.Dialect)(nil)
	_ ddlDialect = (*sqlite.Dialect)(nil)
)

// ddlDialects are the dialects models render for, by canonical name (the
// names retort tags and Load's callers use): every registered dialect.
func ddlDialects() map[string]ddlDialect {
	out := map[string]ddlDialect{}
	for _, name := range registry.Names() {
		d, err := registry.Lookup(name)
		if err != nil {
			continue
		}
		if dd, ok := d.(ddlDialect); ok {
			out[name] = dd
		}
	}
	return out
}

// dialectNames are the dialect names, sorted.
func dialectNames() []string {
	var out []string
	for n := range ddlDialects() {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func isDialect(s string) bool {
	_, ok := ddlDialects()[s]
	return ok
}

func ddlDialectFor(name string) (ddlDialect, error) {
	d, ok := ddlDialects()[name]
	if !ok {
		return nil, fmt.Errorf("render models: unknown dialect %q (postgres, mysql, sqlite)", name)
	}
	return d, nil
}
