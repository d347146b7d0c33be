// Package gostruct reads a Go package's model structs from source — with
// go/parser and go/ast only, never building or running the user's program —
// and renders them as desired-state DDL for PostgreSQL, MySQL/MariaDB or
// SQLite. The desired-state loader applies that DDL to a scratch database and
// inspects it, so the server itself normalizes types and defaults and models
// written in Go compare exactly like hand-written SQL.
//
// Two tag conventions are read (docs/models.md): retort's own (`db:"…"` for
// the column name, `retort:"…"` for schema options) and GORM's (`gorm:"…"`),
// which follows GORM's naming strategy and type mapping so that the schema
// equals what GORM's AutoMigrate creates.
//
// It imports internal/dialect, the dialect packages and the dialect
// registry, and nothing else of retort: each dialect value supplies the type
// mappings and DDL spelling facts (internal/dialect/models.go) so this
// package compares no dialect names. internal/archtest also allows schema,
// internal/config and other models packages. It must not import the façade,
// migrate, diff, autogen or the CLI.
package gostruct

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// Flavor says which tag convention a table's struct follows.
type Flavor string

const (
	// FlavorRetort: `db` + `retort` tags, retort's type mapping and nullability.
	FlavorRetort Flavor = "retort"
	// FlavorGORM: `gorm` tags (or an embedded gorm.Model), GORM's naming
	// strategy, type mapping and nullability.
	FlavorGORM Flavor = "gorm"
)

// Model is a package's model structs, read from source.
type Model struct {
	Dir     string   `json:"-"`
	Package string   `json:"package"`
	Tables  []*Table `json:"tables"`
	// Enums are the PostgreSQL enum types the tables use (MySQL renders them
	// inline as ENUM(…), SQLite as a CHECK constraint).
	Enums []*Enum `json:"enums,omitempty"`
}

// Pos is a source position: file and line.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

func posOf(p token.Position) Pos { return Pos{File: p.Filename, Line: p.Line} }

// Table is one model struct.
type Table struct {
	Name        string        `json:"name"`
	Struct      string        `json:"struct"`
	Pos         Pos           `json:"pos"`
	Flavor      Flavor        `json:"flavor"`
	Comment     string        `json:"comment,omitempty"`
	Columns     []*Column     `json:"columns"`
	PrimaryKey  []string      `json:"primary_key,omitempty"`
	Uniques     []*Unique     `json:"uniques,omitempty"`
	Indexes     []*Index      `json:"indexes,omitempty"`
	ForeignKeys []*ForeignKey `json:"foreign_keys,omitempty"`
	Checks      []*Check      `json:"checks,omitempty"`
}

// Column is one column, from one struct field (possibly inside an embedded
// struct).
type Column struct {
	Name string `json:"name"`
	// Field is the Go field path, e.g. "Timestamps.CreatedAt".
	Field string `json:"field"`
	// GoType is the field's type as written, e.g. "*time.Time".
	GoType string `json:"go_type"`
	Pos    Pos    `json:"pos"`
	// Kind is the logical type the Go type maps to: bool, int, uint, float,
	// string, time, timestamp, date, interval, bytes, uuid, json, decimal,
	// array, or "custom" (only an explicit SQL type).
	Kind string `json:"kind"`
	// Bits is the integer or float width (8, 16, 32, 64).
	Bits int `json:"bits,omitempty"`
	// Elem is the element kind of an array column.
	Elem string `json:"elem,omitempty"`
	// Types holds explicit SQL types: key "" for every dialect, or a dialect
	// name for an override.
	Types     map[string]string `json:"types,omitempty"`
	Size      int               `json:"size,omitempty"`
	Precision int               `json:"precision,omitempty"`
	Scale     int               `json:"scale,omitempty"`
	Nullable  bool              `json:"nullable"`
	// Defaults holds server defaults as SQL text, keyed like Types.
	Defaults map[string]string `json:"defaults,omitempty"`
	// Identity is an auto-generated integer key (PostgreSQL identity or
	// serial, MySQL AUTO_INCREMENT, SQLite AUTOINCREMENT).
	Identity bool   `json:"identity,omitempty"`
	Comment  string `json:"comment,omitempty"`
	// Enum lists allowed values; EnumType names the PostgreSQL enum type.
	Enum     []string `json:"enum,omitempty"`
	EnumType string   `json:"enum_type,omitempty"`

	gorm *gormField // GORM's view of the field (FlavorGORM only)
}

// Unique is a UNIQUE constraint.
type Unique struct {
	Name    string   `json:"name"`
	Columns []string `json:"columns"`
	Pos     Pos      `json:"pos"`
}

// Index is a (possibly unique, partial or expression) index.
type Index struct {
	Name    string      `json:"name"`
	Unique  bool        `json:"unique,omitempty"`
	Parts   []IndexPart `json:"parts"`
	Method  string      `json:"method,omitempty"`
	Where   string      `json:"where,omitempty"`
	Comment string      `json:"comment,omitempty"`
	Pos     Pos         `json:"pos"`
	// Class is GORM's MySQL index class (FULLTEXT, SPATIAL).
	Class string `json:"class,omitempty"`
}

// IndexPart is one key of an index.
type IndexPart struct {
	Column  string `json:"column,omitempty"`
	Expr    string `json:"expr,omitempty"`
	Desc    bool   `json:"desc,omitempty"`
	Collate string `json:"collate,omitempty"`
	Length  int    `json:"length,omitempty"` // MySQL prefix length
	order   int
}

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name       string   `json:"name"`
	Columns    []string `json:"columns"`
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns"`
	OnDelete   string   `json:"on_delete,omitempty"`
	OnUpdate   string   `json:"on_update,omitempty"`
	Pos        Pos      `json:"pos"`
}

// Check is a CHECK constraint.
type Check struct {
	Name string `json:"name"`
	Expr string `json:"expr"`
	Pos  Pos    `json:"pos"`
}

// Enum is a PostgreSQL enum type used by enum columns.
type Enum struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
	Pos    Pos      `json:"pos"`
}

// Table returns the table named name, or nil.
func (m *Model) Table(name string) *Table {
	for _, t := range m.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Column returns the column named name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Error is one problem in the model source, at a file:line.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem found, sorted by position. errors.As finds the
// first *Error through it.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes the individual errors to errors.Is/As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

type errs struct{ list ErrorList }

func (e *errs) add(p Pos, format string, args ...any) {
	e.list = append(e.list, &Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	sort.SliceStable(e.list, func(i, j int) bool {
		a, b := e.list[i].Pos, e.list[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return e.list
}
