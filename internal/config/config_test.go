package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// writeConfig writes a retort.toml into a fresh directory and returns its path.
func writeConfig(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadAllKeys(t *testing.T) {
	t.Parallel()
	p := writeConfig(t, `
script_location = "db"
url = "postgresql+asyncpg://app:${DB_PASSWORD}@${DB_HOST:-localhost}/shop"
dev_url = "${DEV_URL:-sqlite://}"
models = ["../schema.sql", "${MODELS_DIR:-models}", "/abs/models.sql"]
version_table = "alembic_version_app"
version_table_schema = "meta"
history_table = "app_history"
file_template = "%(year)d_%(rev)s_%(slug)s"
truncate_slug_length = 60
timezone = "Europe/Berlin"
version_locations = ["%(here)s/db/versions", "more/versions", "/abs/versions"]
recursive_version_locations = true
transaction_per_migration = true
lock_timeout = "1m30s"
lock_lease = "45s"
allow_node_local_ddl = true
`)
	dir := filepath.Dir(p)
	c, err := Load(p, env("DB_PASSWORD", "pw"), Overrides{X: map[string]string{"tenant": "acme"}})
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Path:                      p,
		Dir:                       dir,
		ScriptLocation:            filepath.Join(dir, "db"),
		URL:                       "postgresql+asyncpg://app:pw@localhost/shop",
		DevURL:                    "sqlite://",
		DevURLDir:                 dir, // the file's text; URLDir is "": ${DB_PASSWORD} is the environment's
		Models:                    []string{filepath.Join(filepath.Dir(dir), "schema.sql"), filepath.Join(dir, "models"), "/abs/models.sql"},
		VersionTable:              "alembic_version_app",
		VersionTableSchema:        "meta",
		HistoryTable:              "app_history",
		FileTemplate:              "%(year)d_%(rev)s_%(slug)s",
		TruncateSlugLength:        60,
		Timezone:                  "Europe/Berlin",
		VersionLocations:          []string{filepath.Join(dir, "db", "versions"), filepath.Join(dir, "more", "versions"), "/abs/versions"},
		RecursiveVersionLocations: true,
		TransactionPerMigration:   true,
		LockTimeout:               90 * time.Second,
		LockLease:                 45 * time.Second,
		AllowNodeLocalDDL:         true,
		X:                         map[string]string{"tenant": "acme"},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Load:\n got %+v\nwant %+v", c, want)
	}
	loc, err := c.Location()
	if err != nil || loc.String() != "Europe/Berlin" {
		t.Errorf("Location() = %v, %v", loc, err)
	}
}

func TestLoadDefaults(t *testing.T) {
	t.Parallel()
	p := writeConfig(t, "# nothing set\n")
	dir := filepath.Dir(p)
	c, err := Load(p, env(), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Path:               p,
		Dir:                dir,
		ScriptLocation:     dir,
		VersionTable:       "alembic_version",
		HistoryTable:       "retort_history",
		FileTemplate:       "%(rev)s_%(slug)s",
		TruncateSlugLength: 40,
		VersionLocations:   []string{filepath.Join(dir, "versions")},
		X:                  map[string]string{},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Load:\n got %+v\nwant %+v", c, want)
	}
	if _, err := c.DSN(); !errors.Is(err, ErrNoURL) {
		t.Errorf("DSN() with no url = %v, want ErrNoURL", err)
	}
	if loc, err := c.Location(); err != nil || loc != time.Local {
		t.Errorf("Location() = %v, %v; want Local", loc, err)
	}
}

func TestLoadScriptLocation(t *testing.T) {
	t.Parallel()
	p := writeConfig(t, `script_location = "scripts"`)
	dir := filepath.Dir(p)
	c, err := Load(p, env(), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if c.ScriptLocation != filepath.Join(dir, "scripts") {
		t.Errorf("ScriptLocation = %s", c.ScriptLocation)
	}
	if want := []string{filepath.Join(dir, "scripts", "versions")}; !reflect.DeepEqual(c.VersionLocations, want) {
		t.Errorf("VersionLocations = %v, want %v", c.VersionLocations, want)
	}
}

func TestLoadEmptyVersionLocations(t *testing.T) {
	t.Parallel()
	p := writeConfig(t, "version_locations = []")
	c, err := Load(p, env(), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(filepath.Dir(p), "versions")}; !reflect.DeepEqual(c.VersionLocations, want) {
		t.Errorf("VersionLocations = %v, want %v", c.VersionLocations, want)
	}
}

func TestLoadHistoryTable(t *testing.T) {
	t.Parallel()
	tests := []struct{ value, want string }{
		{`false`, ""},
		{`true`, "retort_history"},
		{`"audit"`, "audit"},
		{`""`, ""},
		{`"${HISTORY:-}"`, ""},
		{`"${HISTORY:-h}"`, "h"},
	}
	for _, tt := range tests {
		c, err := Load(writeConfig(t, "history_table = "+tt.value), env(), Overrides{})
		if err != nil {
			t.Errorf("history_table = %s: %v", tt.value, err)
			continue
		}
		if c.HistoryTable != tt.want {
			t.Errorf("history_table = %s: HistoryTable = %q, want %q", tt.value, c.HistoryTable, tt.want)
		}
	}
}

func TestLoadURLPrecedence(t *testing.T) {
	t.Parallel()
	withURL := writeConfig(t, `url = "sqlite:///file.db"`)
	withVar := writeConfig(t, `url = "${DATABASE_URL}"`)
	noURL := writeConfig(t, ``)
	tests := []struct {
		name string
		path string
		env  []string
		flag string
		want string
	}{
		{"file", withURL, nil, "", "sqlite:///file.db"},
		{"env beats file", withURL, []string{EnvURL, "sqlite:///env.db"}, "", "sqlite:///env.db"},
		{"flag beats env", withURL, []string{EnvURL, "sqlite:///env.db"}, "sqlite:///flag.db", "sqlite:///flag.db"},
		{"flag beats file", withURL, nil, "sqlite:///flag.db", "sqlite:///flag.db"},
		{"empty env is ignored", withURL, []string{EnvURL, ""}, "", "sqlite:///file.db"},
		{"file var", withVar, []string{"DATABASE_URL", "sqlite:///var.db"}, "", "sqlite:///var.db"},
		{"unset file var with env", withVar, []string{EnvURL, "sqlite:///env.db"}, "", "sqlite:///env.db"},
		{"unset file var with flag", withVar, nil, "sqlite:///flag.db", "sqlite:///flag.db"},
		{"env without file url", noURL, []string{EnvURL, "sqlite:///env.db"}, "", "sqlite:///env.db"},
		{"nothing", noURL, nil, "", ""},
		{"override is not expanded", noURL, nil, "sqlite:///$${X}.db", "sqlite:///$${X}.db"},
		{"no file", "", []string{EnvURL, "sqlite:///env.db"}, "", "sqlite:///env.db"},
	}
	for _, tt := range tests {
		c, err := Load(tt.path, env(tt.env...), Overrides{URL: tt.flag})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if c.URL != tt.want {
			t.Errorf("%s: URL = %q, want %q", tt.name, c.URL, tt.want)
		}
	}
	// Without an override the unset variable is an error naming file and key.
	_, err := Load(withVar, env(), Overrides{})
	want := withVar + ":1:1: url: environment variable DATABASE_URL is not set (use ${DATABASE_URL:-default} to give a default)"
	if err == nil || err.Error() != want {
		t.Errorf("unset ${DATABASE_URL}: %v\nwant %s", err, want)
	}
	if !errors.Is(err, ErrUnsetVariable) {
		t.Errorf("unset ${DATABASE_URL}: errors.Is(ErrUnsetVariable) is false")
	}
}

func TestLoadXIsCopied(t *testing.T) {
	t.Parallel()
	x := map[string]string{"a": "1"}
	c, err := Load("", env(), Overrides{X: x})
	if err != nil {
		t.Fatal(err)
	}
	x["a"] = "changed"
	if c.X["a"] != "1" {
		t.Errorf("X follows the caller's map: %v", c.X)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want string // exact error, with $FILE for the path
		is   error
	}{
		{"invalid toml", "url = \"x\"\nmodels = [\"a\",\n  nope]\n", "$FILE:3:3: invalid TOML: expected value but found \"nope\" instead", nil},
		{"unterminated string", "version_table = \"alembic\n", "$FILE:1:25: invalid TOML: strings cannot contain newlines", nil},
		{"unquoted url", "url = postgres://u:hunter2@h/db\n", "$FILE:1:7: invalid TOML: expected value but found \"postgres\" instead", nil},
		{"duplicate key", "url = \"a\"\nurl = \"b\"\n", "$FILE:2:11: invalid TOML: Key 'url' has already been defined.", nil},
		{"unknown key", "url = \"x\"\nscrip_location = \"db\"\n", `$FILE:2:1: unknown key "scrip_location" (did you mean "script_location"?)`, ErrUnknownKey},
		{"unknown key, no suggestion", "  colour = \"red\"\n", `$FILE:1:3: unknown key "colour" (known keys: script_location, url, dev_url, models, version_table, version_table_schema, history_table, file_template, truncate_slug_length, timezone, version_locations, recursive_version_locations, transaction_per_migration, lock_timeout, lock_lease, allow_node_local_ddl, include, exclude, view_definer, fleet, lint)`, ErrUnknownKey},
		{"alembic key", "sqlalchemy.url = \"x\"\n", `$FILE:1:1: unknown key "sqlalchemy" (did you mean "url"?)`, ErrUnknownKey},
		{"unknown table", "url = \"x\"\n[alembic]\nscript_location = \".\"\n", `$FILE:2:2: unknown key "alembic" (known keys: script_location, url, dev_url, models, version_table, version_table_schema, history_table, file_template, truncate_slug_length, timezone, version_locations, recursive_version_locations, transaction_per_migration, lock_timeout, lock_lease, allow_node_local_ddl, include, exclude, view_definer, fleet, lint)`, ErrUnknownKey},
		{"two unknown keys", "version-table = \"v\"\nmodel = []\n", "$FILE:1:1: unknown key \"version-table\" (did you mean \"version_table\"?)\n$FILE:2:1: unknown key \"model\" (did you mean \"models\"?)", ErrUnknownKey},
		{"bad view_definer", "view_definer = \"host\"\n", `$FILE:1:1: view_definer: "host" is not a rule: use "user" (the default: a definer that differs only by host is not drift), "exact" or "ignore"`, nil},
		{"string wanted", "url = 5\n", "$FILE:1:1: url: expected a string, got an integer", nil},
		{"string wanted, got table", "url = {a = 1}\n", "$FILE:1:1: url: expected a string, got a table", nil},
		{"list wanted", "models = \"schema.sql\"\n", "$FILE:1:1: models: expected an array of strings, got a string", nil},
		{"list item", "version_locations = [\"a\", 2]\n", "$FILE:1:1: version_locations: item 2: expected a string, got an integer", nil},
		{"integer wanted", "\n\ntruncate_slug_length = \"40\"\n", "$FILE:3:1: truncate_slug_length: expected an integer, got a string", nil},
		{"integer wanted, got float", "truncate_slug_length = 4.5\n", "$FILE:1:1: truncate_slug_length: expected an integer, got a float", nil},
		{"bool wanted", "transaction_per_migration = \"yes\"\n", "$FILE:1:1: transaction_per_migration: expected true or false, got a string", nil},
		{"bool wanted 2", "recursive_version_locations = 1\n", "$FILE:1:1: recursive_version_locations: expected true or false, got an integer", nil},
		{"date", "timezone = 2024-01-01\n", "$FILE:1:1: timezone: expected a string, got a date/time", nil},
		{"history table type", "history_table = 0\n", "$FILE:1:1: history_table: expected a table name or false, got an integer", nil},
		{"bad timezone", "url = \"x\"\ntimezone = \"Mars/Olympus\"\n", "$FILE:2:1: timezone: unknown time zone \"Mars/Olympus\": use an IANA name such as \"UTC\" or \"Europe/Berlin\"", nil},
		{"bad lock timeout", "lock_timeout = \"30\"\n", "$FILE:1:1: lock_timeout: \"30\" is not a duration: write a number with a unit, such as \"30s\" or \"2m\"", nil},
		{"negative lock timeout", "lock_timeout = \"-1s\"\n", "$FILE:1:1: lock_timeout: \"-1s\" is not a duration: write a number with a unit, such as \"30s\" or \"2m\"", nil},
		{"lock timeout type", "lock_timeout = 30\n", "$FILE:1:1: lock_timeout: expected a string, got an integer", nil},
		{"bad lock lease", "lock_lease = \"30\"\n", "$FILE:1:1: lock_lease: \"30\" is not a duration of at least one second: write a number with a unit, such as \"30s\" or \"2m\"", nil},
		{"short lock lease", "lock_lease = \"500ms\"\n", "$FILE:1:1: lock_lease: \"500ms\" is not a duration of at least one second: write a number with a unit, such as \"30s\" or \"2m\"", nil},
		{"negative lock lease", "lock_lease = \"-5s\"\n", "$FILE:1:1: lock_lease: \"-5s\" is not a duration of at least one second: write a number with a unit, such as \"30s\" or \"2m\"", nil},
		{"node-local DDL type", "allow_node_local_ddl = \"yes\"\n", "$FILE:1:1: allow_node_local_ddl: expected true or false, got a string", nil},
		{"slug length", "truncate_slug_length = 0\n", "$FILE:1:1: truncate_slug_length: must be at least 1, not 0", nil},
		{"empty version table", "version_table = \"\"\n", "$FILE:1:1: version_table: must not be empty (the default is alembic_version)", nil},
		{"empty file template", "file_template = \"\"\n", "$FILE:1:1: file_template: must not be empty (the default is %(rev)s_%(slug)s)", nil},
		{"unset var in list", "models = [\"${MODELS}\"]\n", "$FILE:1:1: models: environment variable MODELS is not set (use ${MODELS:-default} to give a default)", ErrUnsetVariable},
		{"unset var in dev_url", "dev_url = \"${DEV}\"\n", "$FILE:1:1: dev_url: environment variable DEV is not set (use ${DEV:-default} to give a default)", ErrUnsetVariable},
		{"bad reference", "url = \"${DB\"\n", "$FILE:1:1: url: unterminated reference ${DB: missing }", nil},
		{"quoted key", "\"url\" = 1\n", "$FILE:1:1: url: expected a string, got an integer", nil},
	}
	var golden strings.Builder
	for _, tt := range tests {
		p := writeConfig(t, tt.body)
		_, err := Load(p, env(), Overrides{})
		if err == nil {
			t.Errorf("%s: Load succeeded", tt.name)
			continue
		}
		got := strings.ReplaceAll(err.Error(), p, "$FILE")
		fmt.Fprintf(&golden, "# %s\n%s\n", tt.name, got)
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: errors.Is(%v) is false", tt.name, tt.is)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: error shows the password", tt.name)
		}
		var ce *Error
		if !errors.As(err, &ce) || ce.File != p {
			t.Errorf("%s: not a *config.Error naming the file: %#v", tt.name, err)
		}
	}
	checkGolden(t, "load_errors.golden", golden.String())

	missing := filepath.Join(t.TempDir(), "absent.toml")
	if _, err := Load(missing, env(), Overrides{}); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
}

func TestKeyLine(t *testing.T) {
	t.Parallel()
	data := "# url = \"no\"\n\nurl=\"a\"\n  models   = []\n'timezone' = \"UTC\"\nsub.key = 1\n[table]\nversion_table = \"x\"\n[[arr]]\n"
	tests := []struct {
		key       string
		line, col int
	}{
		{"url", 3, 1}, {"models", 4, 3}, {"timezone", 5, 1}, {"sub", 6, 1},
		{"table", 7, 2}, {"version_table", 0, 0}, {"arr", 9, 3}, {"absent", 0, 0},
	}
	for _, tt := range tests {
		line, col := keyLine(data, tt.key)
		if line != tt.line || col != tt.col {
			t.Errorf("keyLine(%q) = %d:%d, want %d:%d", tt.key, line, col, tt.line, tt.col)
		}
	}
}

func TestKeysDocumented(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "configuration.md"))
	if err != nil {
		t.Fatalf("docs/configuration.md: %v", err)
	}
	for _, k := range Keys() {
		if !strings.Contains(string(doc), "`"+k+"`") {
			t.Errorf("docs/configuration.md does not document `%s`", k)
		}
	}
}

// Find and Load("") work in the working directory, so these tests change it
// and cannot run in parallel.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)

	if got, err := Find(""); err != nil || got != "" {
		t.Errorf("Find in an empty directory = %q, %v; want \"\"", got, err)
	}
	mustWrite(t, FileName, "")
	if got, err := Find(""); err != nil || got != FileName {
		t.Errorf("Find = %q, %v; want %s", got, err, FileName)
	}
	mustWrite(t, filepath.Join("migrations", FileName), "")
	want := filepath.Join("migrations", FileName)
	if got, err := Find(""); err != nil || got != want {
		t.Errorf("Find = %q, %v; want %s (migrations/ first)", got, err, want)
	}
	mustWrite(t, filepath.Join("other", "custom.toml"), "")
	if got, err := Find("other/custom.toml"); err != nil || got != "other/custom.toml" {
		t.Errorf("Find(explicit) = %q, %v", got, err)
	}
	mustWrite(t, filepath.Join("dironly", FileName), "")
	if got, err := Find("dironly"); err != nil || got != filepath.Join("dironly", FileName) {
		t.Errorf("Find(directory) = %q, %v", got, err)
	}
	if _, err := Find("nope.toml"); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "config file nope.toml does not exist") {
		t.Errorf("Find(missing) = %v", err)
	}
	if _, err := Find("other"); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "config directory other has no retort.toml") {
		t.Errorf("Find(directory without retort.toml) = %v", err)
	}
	// A directory named retort.toml is not a config file.
	t.Chdir(t.TempDir())
	if err := os.Mkdir(FileName, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(""); err != nil || got != "" {
		t.Errorf("Find with a retort.toml directory = %q, %v", got, err)
	}

	// Load("") is defaults in the working directory.
	wd, _ := os.Getwd()
	c, err := Load("", env(), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != "" || c.Dir != wd || c.ScriptLocation != wd || c.VersionLocations[0] != filepath.Join(wd, "versions") {
		t.Errorf("Load(\"\") = %+v", c)
	}
	// A relative path is made absolute.
	mustWrite(t, filepath.Join("m", FileName), `script_location = "."`)
	c, err = Load(filepath.Join("m", FileName), env(), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != filepath.Join(wd, "m", FileName) || c.ScriptLocation != filepath.Join(wd, "m") {
		t.Errorf("Load(relative) = %+v", c)
	}
	// Errors name the file as given.
	mustWrite(t, filepath.Join("m", FileName), `typo = 1`)
	if _, err := Load(filepath.Join("m", FileName), env(), Overrides{}); err == nil || !strings.HasPrefix(err.Error(), "m/retort.toml:1:1: ") {
		t.Errorf("Load error = %v", err)
	}
}

func mustWrite(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
