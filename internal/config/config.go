// Package config owns retort.toml: loading, ${VAR} / ${VAR:-default}
// expansion, defaults, flag and environment overrides, and database URL
// normalization (SQLAlchemy-style URLs to Go driver DSNs) with redaction.
//
// It must not import any other retort package: the CLI, the façade and
// migrate read it, and it needs nothing of theirs.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// FileName is the config file's name.
const FileName = "retort.toml"

// EnvURL overrides the file's url (and is itself overridden by --url).
const EnvURL = "RETORT_DATABASE_URL"

// Defaults.
const (
	DefaultVersionTable       = "alembic_version"
	DefaultHistoryTable       = "retort_history"
	DefaultFileTemplate       = "%(rev)s_%(slug)s"
	DefaultTruncateSlugLength = 40
)

// Config is a loaded, expanded and defaulted retort.toml. Paths are absolute.
type Config struct {
	Path                      string            // the file read ("" when none)
	Dir                       string            // its directory (or the working directory)
	ScriptLocation            string            // folder holding versions/ (default: Dir)
	URL                       string            // database URL after expansion and overrides
	URLDir                    string            // what a relative SQLite path in URL is relative to ("" = the working directory)
	DevURL                    string            // scratch database for autogenerate (optional)
	DevURLDir                 string            // the same for DevURL
	Models                    []string          // autogenerate targets, absolute
	Include                   []string          // autogenerate: name patterns of objects to compare (empty = all)
	Exclude                   []string          // autogenerate: name patterns of objects never compared
	ViewDefiner               string            // view_definer: "user" (default), "exact" or "ignore"
	VersionTable              string            // default "alembic_version"
	VersionTableSchema        string            // optional
	HistoryTable              string            // default "retort_history"; "" when history_table = false
	FileTemplate              string            // default "%(rev)s_%(slug)s"
	TruncateSlugLength        int               // default 40
	Timezone                  string            // IANA name; "" = local time
	VersionLocations          []string          // absolute dirs; default [ScriptLocation/versions]
	RecursiveVersionLocations bool              //
	TransactionPerMigration   bool              //
	LockTimeout               time.Duration     // lock_timeout; 0 = wait as long as it takes
	LockLease                 time.Duration     // lock_lease; 0 = the default (a lease lock's duration: Galera)
	AllowNodeLocalDDL         bool              // allow_node_local_ddl: run where a cluster applies DDL on one node only
	X                         map[string]string // -x key=value
	Fleet                     *Fleet            // [fleet]: the databases --all runs across (nil: none)
	Lint                      Lint              // [lint]: rules off and re-levelled
}

// Overrides are what flags and the environment say, applied after the file.
type Overrides struct {
	URL string            // --url; wins over RETORT_DATABASE_URL, which wins over the file
	X   map[string]string // -x
}

// DSN parses the configured URL, a relative SQLite path taken from URLDir;
// ErrNoURL when there is none.
func (c *Config) DSN() (*DSN, error) { return ParseURLIn(c.URL, c.URLDir) }

// DevDSN parses dev_url as DSN parses url.
func (c *Config) DevDSN() (*DSN, error) { return ParseURLIn(c.DevURL, c.DevURLDir) }

// Location is the time zone for revision dates: Timezone, or time.Local.
func (c *Config) Location() (*time.Location, error) {
	if c.Timezone == "" {
		return time.Local, nil
	}
	return time.LoadLocation(c.Timezone)
}

// Error is a problem in a config file, located as precisely as known.
type Error struct {
	File   string // as given to Load
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
	Key    string // the key concerned, if any
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrUnknownKey is matched by the error for a key retort.toml does not have.
var ErrUnknownKey = errors.New("unknown key")

// Searched lists, in order, the paths Find tries when none is given,
// relative to the working directory.
func Searched() []string {
	return []string{filepath.Join("migrations", FileName), FileName}
}

// Find returns the config path to use: explicit if given, else the first of
// Searched that exists; "" when none exists (callers decide whether that is
// an error).
//
// An explicit directory means the retort.toml inside it.
func Find(explicit string) (string, error) {
	if explicit != "" {
		fi, err := os.Stat(explicit)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("config file %s does not exist: %w", explicit, fs.ErrNotExist)
			}
			return "", fmt.Errorf("config file %s: %w", explicit, err)
		}
		if fi.IsDir() {
			p := filepath.Join(explicit, FileName)
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("config directory %s has no %s (run `retort init %s` to create one): %w", explicit, FileName, explicit, fs.ErrNotExist)
			}
			return p, nil
		}
		return explicit, nil
	}
	for _, p := range Searched() {
		fi, err := os.Stat(p)
		if err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", nil
}

// Load reads path (may be "" for pure defaults in the working directory),
// expands ${VAR} with getenv, applies defaults and overrides.
// TOML errors carry line and column; an unset ${VAR} without default is an error
// naming the key.
//
// An empty url is not an error here: commands that need a database say so.
func Load(path string, getenv func(string) (string, bool), o Overrides) (*Config, error) {
	if getenv == nil {
		getenv = func(string) (string, bool) { return "", false }
	}
	c := &Config{
		VersionTable:       DefaultVersionTable,
		HistoryTable:       DefaultHistoryTable,
		FileTemplate:       DefaultFileTemplate,
		TruncateSlugLength: DefaultTruncateSlugLength,
	}
	var raw map[string]any
	var data string
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read config: %w", err)
		}
		data = string(b)
		if _, err := toml.Decode(data, &raw); err != nil {
			var pe toml.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{File: path, Line: pe.Position.Line, Column: pe.Position.Col,
					Err: fmt.Errorf("invalid TOML: %s", Redact(pe.Message))}
			}
			return nil, &Error{File: path, Err: fmt.Errorf("invalid TOML: %s", Redact(err.Error()))}
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		c.Path = abs
		c.Dir = filepath.Dir(abs)
	} else {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("working directory: %w", err)
		}
		c.Dir = wd
	}

	urlOverridden := o.URL != ""
	if v, ok := getenv(EnvURL); ok && v != "" {
		urlOverridden = true
	}
	d := decoder{file: path, data: data, raw: raw, getenv: getenv, here: c.Dir}
	if err := d.unknownKeys(); err != nil {
		return nil, err
	}

	scriptLocation := "."
	d.str("script_location", &scriptLocation)
	c.URLDir = d.url("url", &c.URL)
	if urlOverridden && errors.Is(d.err, ErrUnsetVariable) {
		d.err = nil // the file's url is not used, so its variables need not be set
	}
	c.DevURLDir = d.url("dev_url", &c.DevURL)
	models := d.list("models")
	c.Include = d.list("include")
	c.Exclude = d.list("exclude")
	d.str("view_definer", &c.ViewDefiner)
	d.str("version_table", &c.VersionTable)
	d.str("version_table_schema", &c.VersionTableSchema)
	d.historyTable(&c.HistoryTable)
	d.str("file_template", &c.FileTemplate)
	d.integer("truncate_slug_length", &c.TruncateSlugLength)
	d.str("timezone", &c.Timezone)
	locations := d.list("version_locations")
	d.boolean("recursive_version_locations", &c.RecursiveVersionLocations)
	d.boolean("transaction_per_migration", &c.TransactionPerMigration)
	var lockTimeout, lockLease string
	d.str("lock_timeout", &lockTimeout)
	d.str("lock_lease", &lockLease)
	d.boolean("allow_node_local_ddl", &c.AllowNodeLocalDDL)
	c.Fleet = d.fleet()
	d.lint(&c.Lint)
	if d.err != nil {
		return nil, d.err
	}

	switch {
	case strings.TrimSpace(c.VersionTable) == "":
		return nil, d.fail("version_table", errors.New("must not be empty (the default is "+DefaultVersionTable+")"))
	case c.FileTemplate == "":
		return nil, d.fail("file_template", errors.New("must not be empty (the default is "+DefaultFileTemplate+")"))
	case c.ViewDefiner != "" && c.ViewDefiner != "user" && c.ViewDefiner != "exact" && c.ViewDefiner != "ignore":
		return nil, d.fail("view_definer", fmt.Errorf("%q is not a rule: use \"user\" (the default: a definer that differs only by host is not drift), \"exact\" or \"ignore\"", c.ViewDefiner))
	case c.TruncateSlugLength < 1:
		return nil, d.fail("truncate_slug_length", fmt.Errorf("must be at least 1, not %d", c.TruncateSlugLength))
	}
	if c.Timezone != "" {
		if _, err := time.LoadLocation(c.Timezone); err != nil {
			return nil, d.fail("timezone", fmt.Errorf("unknown time zone %q: use an IANA name such as \"UTC\" or \"Europe/Berlin\"", c.Timezone))
		}
	}
	if lockTimeout != "" {
		dur, err := time.ParseDuration(lockTimeout)
		if err != nil || dur < 0 {
			return nil, d.fail("lock_timeout", fmt.Errorf("%q is not a duration: write a number with a unit, such as \"30s\" or \"2m\"", lockTimeout))
		}
		c.LockTimeout = dur
	}
	if lockLease != "" {
		dur, err := time.ParseDuration(lockLease)
		if err != nil || (dur != 0 && dur < time.Second) {
			return nil, d.fail("lock_lease", fmt.Errorf("%q is not a duration of at least one second: write a number with a unit, such as \"30s\" or \"2m\"", lockLease))
		}
		c.LockLease = dur
	}

	c.ScriptLocation = c.abs(scriptLocation)
	for _, m := range models {
		c.Models = append(c.Models, c.abs(m))
	}
	if len(locations) == 0 {
		c.VersionLocations = []string{filepath.Join(c.ScriptLocation, "versions")}
	}
	for _, l := range locations {
		c.VersionLocations = append(c.VersionLocations, c.abs(l))
	}

	if v, ok := getenv(EnvURL); ok && v != "" {
		c.URL, c.URLDir = v, ""
	}
	if o.URL != "" {
		c.URL, c.URLDir = o.URL, ""
	}
	c.X = make(map[string]string, len(o.X))
	for k, v := range o.X {
		c.X[k] = v
	}
	return c, nil
}

// abs resolves p against the config file's directory.
func (c *Config) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(c.Dir, p)
}

// keys lists every key retort.toml has, in the order the docs show them.
var keys = []string{
	"script_location", "url", "dev_url", "models", "version_table", "version_table_schema",
	"history_table", "file_template", "truncate_slug_length", "timezone", "version_locations",
	"recursive_version_locations", "transaction_per_migration", "lock_timeout",
	"lock_lease", "allow_node_local_ddl",
	"include", "exclude", "view_definer", "fleet", "lint",
}

// Keys returns the names of every key retort.toml accepts.
func Keys() []string { return append([]string(nil), keys...) }

// decoder checks and expands the raw TOML values; the first error sticks.
type decoder struct {
	file   string
	data   string
	raw    map[string]any
	getenv func(string) (string, bool)
	here   string
	err    error
}

func (d *decoder) fail(key string, err error) error {
	line, col := keyLine(d.data, key)
	return &Error{File: d.file, Line: line, Column: col, Key: key, Err: err}
}

func (d *decoder) unknownKeys() error {
	type unknown struct {
		key       string
		line, col int
	}
	var us []unknown
	for k := range d.raw {
		if !slices.Contains(keys, k) {
			line, col := keyLine(d.data, k)
			us = append(us, unknown{k, line, col})
		}
	}
	if len(us) == 0 {
		return nil
	}
	sort.Slice(us, func(i, j int) bool {
		if us[i].line != us[j].line {
			return us[i].line < us[j].line
		}
		return us[i].key < us[j].key
	})
	var errs []error
	for _, u := range us {
		msg := fmt.Sprintf("%q", u.key)
		if u.key == "sqlalchemy" { // Alembic's sqlalchemy.url
			msg += ` (did you mean "url"?)`
		} else if s := closest(u.key, keys); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (known keys: " + strings.Join(keys, ", ") + ")"
		}
		errs = append(errs, &Error{File: d.file, Line: u.line, Column: u.col, Err: fmt.Errorf("%w %s", ErrUnknownKey, msg)})
	}
	return errors.Join(errs...)
}

// expand expands a string value; "%(here)s" (Alembic's spelling) is the
// config file's directory.
func (d *decoder) expand(key, v string) (string, bool) {
	s, err := Expand(v, d.getenv)
	if err != nil {
		d.err = d.fail(key, err)
		return "", false
	}
	if key != "file_template" {
		s = strings.ReplaceAll(s, "%(here)s", d.here)
	}
	return s, true
}

func (d *decoder) str(key string, dst *string) {
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return
	}
	s, isStr := v.(string)
	if !isStr {
		d.err = d.fail(key, typeErr("a string", v))
		return
	}
	if s, ok := d.expand(key, s); ok {
		*dst = s
	}
}

// envMark marks where an environment variable's value starts in a url
// being expanded: a NUL byte, which no environment variable can hold.
const envMark = "\x00"

// url reads a database URL key and returns the directory a relative SQLite
// path in it is relative to: the file's, when the file's own text gives the
// URL (a ${VAR:-default} default included), else "" (the working
// directory), when any environment variable supplies part of it, since the
// application that reads that variable resolves it there too.
func (d *decoder) url(key string, dst *string) string {
	getenv := d.getenv
	defer func() { d.getenv = getenv }()
	d.getenv = func(name string) (string, bool) {
		v, ok := getenv(name)
		if ok && v != "" {
			v = envMark + v
		}
		return v, ok
	}
	v := *dst
	d.str(key, &v)
	*dst = strings.ReplaceAll(v, envMark, "")
	if *dst == "" || strings.Contains(v, envMark) {
		return ""
	}
	return d.here
}

func (d *decoder) list(key string) []string {
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return nil
	}
	items, isList := v.([]any)
	if !isList {
		d.err = d.fail(key, typeErr("an array of strings", v))
		return nil
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, isStr := it.(string)
		if !isStr {
			d.err = d.fail(key, fmt.Errorf("item %d: %w", i+1, typeErr("a string", it)))
			return nil
		}
		s, ok := d.expand(key, s)
		if !ok {
			return nil
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) integer(key string, dst *int) {
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return
	}
	n, isInt := v.(int64)
	if !isInt {
		d.err = d.fail(key, typeErr("an integer", v))
		return
	}
	*dst = int(n)
}

func (d *decoder) boolean(key string, dst *bool) {
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return
	}
	b, isBool := v.(bool)
	if !isBool {
		d.err = d.fail(key, typeErr("true or false", v))
		return
	}
	*dst = b
}

// historyTable: a table name, true (the default name) or false (off).
func (d *decoder) historyTable(dst *string) {
	const key = "history_table"
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return
	}
	switch v := v.(type) {
	case bool:
		if !v {
			*dst = ""
		}
	case string:
		if s, ok := d.expand(key, v); ok {
			*dst = s
		}
	default:
		d.err = d.fail(key, typeErr("a table name or false", v))
	}
}

func typeErr(want string, got any) error {
	return fmt.Errorf("expected %s, got %s", want, tomlType(got))
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date/time"
	}
	return fmt.Sprintf("%T", v)
}

// keyLine finds where a top-level key is set: the line, and the key's
// column. A key set inside or as a [table] is found at its header.
func keyLine(data, key string) (int, int) {
	inTable := false
	for i, line := range strings.Split(data, "\n") {
		t := strings.TrimLeft(line, " \t")
		col := len(line) - len(t) + 1
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(t, "[] \t\r")
			if j := strings.IndexAny(name, ".]"); j >= 0 {
				name = name[:j]
			}
			if unquoteKey(strings.TrimSpace(name)) == key {
				return i + 1, col + strings.Index(t, name)
			}
			inTable = true
			continue
		}
		if inTable {
			continue
		}
		j := strings.IndexAny(t, "=.")
		if j <= 0 {
			continue
		}
		if unquoteKey(strings.TrimSpace(t[:j])) == key {
			return i + 1, col
		}
	}
	return 0, 0
}

func unquoteKey(k string) string {
	if len(k) >= 2 && (k[0] == '"' && k[len(k)-1] == '"' || k[0] == '\'' && k[len(k)-1] == '\'') {
		return k[1 : len(k)-1]
	}
	return k
}
