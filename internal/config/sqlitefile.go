package config

import (
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// ParseURLIn is ParseURL with a relative SQLite file path taken as relative
// to dir: the config file's directory for a url written in retort.toml. An
// empty dir leaves the path relative to the working directory, as --url and
// RETORT_DATABASE_URL are; absolute paths and in-memory databases are never
// changed.
func ParseURLIn(raw, dir string) (*DSN, error) {
	d, err := ParseURL(raw)
	if err != nil || dir == "" {
		return d, err
	}
	f := d.File()
	if f == "" || filepath.IsAbs(f) {
		return d, nil
	}
	abs := filepath.Join(dir, f)
	query := ""
	if i := strings.IndexByte(d.DataSource, '?'); i >= 0 {
		query = d.DataSource[i:] // the path part of a URI filename holds no raw "?"
	}
	d.DataSource = "file:" + escapeSQLitePath(abs) + query
	d.Database = abs
	return d, nil
}

// File is the SQLite database file the DSN opens, as written or resolved;
// "" for an in-memory database or a server's.
func (d *DSN) File() string {
	if info, ok := dialect.Info(d.Dialect); !ok || !info.FileDatabase || d.Memory {
		return ""
	}
	return d.Database
}

// NoCreate returns the DSN opening its SQLite file read-write but never
// creating it (SQLite's mode=rw), for commands that only read: opening a
// missing file then fails instead of leaving an empty database behind. A
// mode the URL sets itself is kept; other DSNs are returned as they are.
func (d *DSN) NoCreate() *DSN {
	if d.File() == "" {
		return d
	}
	i := strings.IndexByte(d.DataSource, '?')
	if i >= 0 {
		ps, err := parseQuery(d.DataSource[i+1:])
		if err != nil || hasParam(ps, "mode") {
			return d
		}
	}
	c := *d
	if i >= 0 {
		c.DataSource += "&mode=rw"
	} else {
		c.DataSource += "?mode=rw"
	}
	return &c
}
