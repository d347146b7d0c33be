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

// modelDialect is what a dialect provides so that models become its schema
// IR (internal/dialect/models.go and each dialect's models.go), and the
// Renderer that writes that IR as DDL.
type modelDialect interface {
	Name() string
	dialect.Renderer
	// GoColumnType is retort's SQL type for a Go field (docs/models.md).
	GoColumnType(f dialect.GoField) (string, error)
	// GORMColumn is the column GORM's dialector writes for a field.
	GORMColumn(f dialect.GORMField) dialect.GORMColumn
	// QuoteIdentAlways quotes a name inside model SQL text (an enum type
	// used as a column type, an enum column in its CHECK).
	QuoteIdentAlways(name string) string
	// GORMLiteral is a string default as GORM's dialector's Explain writes
	// it; GORMComment the comment the server keeps for a comment tag.
	GORMLiteral(s string) string
	GORMComment(s string) string
	// EnumColumn is an enum column's type; namedType says the enum is a
	// type created first, check that its values are held by a CHECK.
	EnumColumn(typeName string, values []string) (typ string, namedType, check bool)
	IdentityStyle() dialect.IdentityStyle
	// ForeignKeysOnlyInline: a cycle's foreign keys stay in CREATE TABLE.
	ForeignKeysOnlyInline() bool
	// IndexComments, IndexKeyPrefixes, IndexClasses, IndexAccessMethods and
	// PartialIndexes say which index options of a model the dialect keeps.
	IndexComments() bool
	IndexKeyPrefixes() bool
	IndexClasses() bool
	IndexAccessMethods() bool
	PartialIndexes() bool
}

var (
	_ modelDialect = (*postgres.Dialect)(nil)
	_ modelDialect = (*mysql.Dialect)(nil)
	_ modelDialect = (*sqlite.Dialect)(nil)
)

// modelDialects are the dialects models build for, by canonical name (the
// names retort tags and Load's callers use): every registered dialect.
func modelDialects() map[string]modelDialect {
	out := map[string]modelDialect{}
	for _, name := range registry.Names() {
		d, err := registry.Lookup(name)
		if err != nil {
			continue
		}
		if md, ok := d.(modelDialect); ok {
			out[name] = md
		}
	}
	return out
}

// dialectNames are the dialect names, sorted.
func dialectNames() []string {
	var out []string
	for n := range modelDialects() {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func isDialect(s string) bool {
	_, ok := modelDialects()[s]
	return ok
}

func modelDialectFor(name string) (modelDialect, error) {
	d, ok := modelDialects()[name]
	if !ok {
		return nil, fmt.Errorf("render models: unknown dialect %q (postgres, mysql, sqlite)", name)
	}
	return d, nil
}
