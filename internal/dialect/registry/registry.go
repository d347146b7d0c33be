// Package registry resolves a dialect's name, or one of its aliases, to its
// dialect value. It is the one table of dialect values: adding a dialect is
// its package, its line in internal/dialect's NameInfos and its line here.
//
// It imports internal/dialect and the dialect packages (which cannot import
// it: they import internal/dialect), and nothing else of retort's.
package registry

import (
	"database/sql"
	"fmt"
	"reflect"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
)

// dialects returns a fresh value of every dialect, keyed by canonical name.
// A literal built per call: there is no package state to change.
func dialects() map[string]func() dialect.Dialect {
	return map[string]func() dialect.Dialect{
		dialect.Postgres: func() dialect.Dialect { return postgres.New() },
		dialect.MySQL:    func() dialect.Dialect { return mysql.New() },
		dialect.SQLite:   func() dialect.Dialect { return sqlite.New() },
	}
}

// Lookup returns the dialect that name (canonical or an alias: "postgresql",
// "mariadb", "sqlite3") names.
func Lookup(name string) (dialect.Dialect, error) {
	if c, ok := dialect.Canonical(name); ok {
		if mk, ok := dialects()[c]; ok {
			return mk(), nil
		}
	}
	return nil, fmt.Errorf("unknown dialect %q: use %s", name, dialect.NameList())
}

// Names lists the canonical names, in the order messages name them.
func Names() []string {
	infos := dialect.NameInfos()
	names := make([]string, len(infos))
	for i, n := range infos {
		names[i] = n.Name
	}
	return names
}

// Detect returns the dialect db's database/sql driver speaks, judged by
// the driver's Go package; ok is false for a driver retort does not know.
func Detect(db *sql.DB) (d dialect.Dialect, ok bool) {
	t := reflect.TypeOf(db.Driver())
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	name, ok := dialect.ForDriverPackage(t.PkgPath())
	if !ok {
		return nil, false
	}
	d, err := Lookup(name)
	return d, err == nil
}
