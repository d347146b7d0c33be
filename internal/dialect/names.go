package dialect

import "strings"

// Names of the supported dialects: what Dialect.Name returns and
// config.DSN.Dialect holds. This is their one definition; every other
// package spells a dialect with these constants.
const (
	Postgres = "postgres"
	MySQL    = "mysql"
	SQLite   = "sqlite"
)

// NameInfo is what is known of a dialect by its name alone, before there is
// a dialect value: the layers below the registry (config's URL parsing)
// need it, and cannot import the dialect packages.
type NameInfo struct {
	// Name is the canonical name.
	Name string
	// Aliases are the other names WithDialect and a URL scheme accept.
	Aliases []string
	// Driver is the database/sql driver retort opens the database with.
	Driver string
	// DriverPackages are import-path fragments of the database/sql drivers
	// that speak the dialect, to recognise it from a *sql.DB.
	DriverPackages []string
	// FileDatabase is true when a URL names a file (SQLite), not a
	// database on a server.
	FileDatabase bool
}

// NameInfos lists the supported dialects in the order messages name them.
// It is a literal, built on each call: no package state to change.
func NameInfos() []NameInfo {
	return []NameInfo{
		{Name: Postgres, Aliases: []string{"postgresql"}, Driver: "pgx", DriverPackages: []string{"jackc/pgx", "lib/pq"}},
		{Name: MySQL, Aliases: []string{"mariadb"}, Driver: "mysql", DriverPackages: []string{"go-sql-driver/mysql"}},
		{Name: SQLite, Aliases: []string{"sqlite3"}, Driver: "sqlite", DriverPackages: []string{"sqlite"}, FileDatabase: true},
	}
}

// Canonical returns the dialect that name or one of its aliases names
// (exactly, in lower case); ok is false for anything else.
func Canonical(name string) (canonical string, ok bool) {
	for _, n := range NameInfos() {
		if name == n.Name {
			return n.Name, true
		}
		for _, a := range n.Aliases {
			if name == a {
				return n.Name, true
			}
		}
	}
	return "", false
}

// Info returns the facts about the dialect named name (canonical).
func Info(name string) (NameInfo, bool) {
	for _, n := range NameInfos() {
		if n.Name == name {
			return n, true
		}
	}
	return NameInfo{}, false
}

// ForDriverName returns the dialect that database/sql driver name opens.
func ForDriverName(driver string) (string, bool) {
	for _, n := range NameInfos() {
		if n.Driver == driver {
			return n.Name, true
		}
	}
	return "", false
}

// ForDriverPackage returns the dialect spoken by the database/sql driver
// whose Go package path is pkgPath.
func ForDriverPackage(pkgPath string) (string, bool) {
	for _, n := range NameInfos() {
		for _, p := range n.DriverPackages {
			if strings.Contains(pkgPath, p) {
				return n.Name, true
			}
		}
	}
	return "", false
}

// NameList is the canonical names joined for a message: "postgres, mysql
// or sqlite".
func NameList() string {
	infos := NameInfos()
	names := make([]string, len(infos))
	for i, n := range infos {
		names[i] = n.Name
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
