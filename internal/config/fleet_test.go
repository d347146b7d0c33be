package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFleetLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("urls.txt", "# tenants on two servers\n\npostgres://app:${PW}@db1/shop\n  eu postgres://app:${PW}@db2/shop  \n")
	write("tenants.txt", "acme\n# globex left\n\ninitech\n")
	tests := []struct {
		name, body string
		want       *Fleet
	}{
		{"none", `url = "sqlite:///a.db"`, nil},
		{"urls", "[fleet]\nurls = [\"sqlite:///a.db\", \"postgres://app:${PW}@db/x\"]\njobs = 8\n", &Fleet{Jobs: 8, Targets: []FleetTarget{
			{Name: "sqlite:///a.db", URL: "sqlite:///a.db", URLDir: dir},
			{Name: "postgres://app:***@db/x", URL: "postgres://app:s3cret-pw@db/x", URLDir: dir},
		}}},
		{"urls_file", "[fleet]\nurls_file = \"urls.txt\"\n", &Fleet{Targets: []FleetTarget{
			{Name: "postgres://app:***@db1/shop", URL: "postgres://app:s3cret-pw@db1/shop", URLDir: dir},
			{Name: "eu", URL: "postgres://app:s3cret-pw@db2/shop", URLDir: dir},
		}}},
		{"template", "[fleet]\nurl = \"mysql://root:${PW}@db/app_{tenant}\"\ntenants = [\"acme\", \"globex\"]\n", &Fleet{Targets: []FleetTarget{
			{Name: "acme", URL: "mysql://root:s3cret-pw@db/app_acme", URLDir: dir},
			{Name: "globex", URL: "mysql://root:s3cret-pw@db/app_globex", URLDir: dir},
		}}},
		{"tenants_file", "[fleet]\nurl = \"sqlite:///tenants/{tenant}.db\"\ntenants_file = \"tenants.txt\"\n", &Fleet{Targets: []FleetTarget{
			{Name: "acme", URL: "sqlite:///tenants/acme.db", URLDir: dir},
			{Name: "initech", URL: "sqlite:///tenants/initech.db", URLDir: dir},
		}}},
		{"schemas", "url = \"postgres://db/app\"\n[fleet]\nschemas = \"tenant_*\"\n", &Fleet{Schemas: "tenant_*"}},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name+".toml")
		if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p, env("PW", "s3cret-pw"), Overrides{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(c.Fleet, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, c.Fleet, tt.want)
		}
		if c.Fleet != nil {
			for _, ft := range c.Fleet.Targets {
				if strings.Contains(ft.Name, "s3cret") {
					t.Errorf("%s: target name %q shows the password", tt.name, ft.Name)
				}
			}
		}
	}
}

// TestFleetErrors: every bad [fleet] is an error naming the file, the
// line of [fleet], the key and what to do, and never a password.
func TestFleetErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad-tenants.txt"), []byte("acme\nglo bex\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("# nobody yet\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, want string
		is               error
	}{
		{"not a table", "fleet = \"all\"\n", `$FILE:1:1: fleet: expected a table ([fleet]), got a string`, nil},
		{"unknown key", "[fleet]\ntenant = [\"a\"]\n", `$FILE:1:2: fleet: unknown key "tenant" in [fleet] (did you mean "tenants"?)`, ErrUnknownKey},
		{"unknown key, no suggestion", "[fleet]\nparallel = 3\n", `$FILE:1:2: fleet: unknown key "parallel" in [fleet] (known keys: urls, urls_file, url, tenants, tenants_file, schemas, jobs)`, ErrUnknownKey},
		{"empty", "url = \"x\"\n\n[fleet]\n", `$FILE:3:2: fleet: names no targets: set urls or urls_file (a list of URLs), url with tenants or tenants_file (a URL template), or schemas (PostgreSQL schemas matching a pattern)`, nil},
		{"mixed", "[fleet]\nurls = [\"sqlite:///a.db\"]\nschemas = \"t_*\"\n", `$FILE:1:2: fleet: mixes ways of naming targets: use one of urls/urls_file, url with tenants/tenants_file, or schemas`, nil},
		{"template without tenant", "[fleet]\nurl = \"postgres://app:hunter2@db/app\"\ntenants = [\"a\"]\n", `$FILE:1:2: fleet: url: postgres://app:***@db/app has no {tenant}: write it where each tenant's name goes, such as postgres://app@db/app_{tenant}`, nil},
		{"tenants without template", "[fleet]\ntenants = [\"a\"]\n", `$FILE:1:2: fleet: url: tenants need a URL template: set url in [fleet] to a URL with {tenant} where each tenant's name goes`, nil},
		{"no tenants", "[fleet]\nurl = \"sqlite:///{tenant}.db\"\ntenants = []\n", `$FILE:1:2: fleet: tenants: no tenants: list their names in tenants or tenants_file`, nil},
		{"no tenants in file", "[fleet]\nurl = \"sqlite:///{tenant}.db\"\ntenants_file = \"empty.txt\"\n", `$FILE:1:2: fleet: tenants: no tenants: list their names in tenants or tenants_file`, nil},
		{"bad tenant name", "[fleet]\nurl = \"sqlite:///{tenant}.db\"\ntenants_file = \"bad-tenants.txt\"\n", `$FILE:1:2: fleet: tenants: "glo bex" is not a tenant name: use letters, digits, _, . and - (it becomes part of a URL and a database name)`, nil},
		{"tenant with slash", "[fleet]\nurl = \"sqlite:///{tenant}.db\"\ntenants = [\"../etc\"]\n", `$FILE:1:2: fleet: tenants: "../etc" is not a tenant name: use letters, digits, _, . and - (it becomes part of a URL and a database name)`, nil},
		{"duplicate tenant", "[fleet]\nurl = \"sqlite:///{tenant}.db\"\ntenants = [\"a\", \"b\", \"a\"]\n", `$FILE:1:2: fleet: target a is listed twice: each database may appear once`, nil},
		{"duplicate url", "[fleet]\nurls = [\"postgres://app:hunter2@db/x\", \"postgres://app:hunter2@db/x\"]\n", `$FILE:1:2: fleet: target postgres://app:***@db/x is listed twice: each database may appear once`, nil},
		{"same url, two names", "[fleet]\nurls = [\"a sqlite:///x.db\", \"b sqlite:///x.db\"]\n", `$FILE:1:2: fleet: targets a and b are the same database: each database may appear once`, nil},
		{"bad url", "[fleet]\nurls = [\"oracle://app:hunter2@db/x\"]\n", `$FILE:1:2: fleet: urls: oracle://app:***@db/x: `, nil},
		{"missing urls_file", "[fleet]\nurls_file = \"nope.txt\"\n", `$FILE:1:2: fleet: urls_file: cannot read $DIR/nope.txt: no such file or directory`, nil},
		{"no urls", "[fleet]\nurls = []\n", `$FILE:1:2: fleet: urls: names no database: list at least one URL`, nil},
		{"urls type", "[fleet]\nurls = \"sqlite:///a.db\"\n", `$FILE:1:2: fleet: urls: expected an array of strings, got a string`, nil},
		{"unset variable", "[fleet]\nurl = \"postgres://app:${PW}@db/{tenant}\"\ntenants = [\"a\"]\n", `$FILE:1:2: fleet: url: environment variable PW is not set (use ${PW:-default} to give a default)`, ErrUnsetVariable},
		{"bad pattern", "url = \"postgres://db/x\"\n[fleet]\nschemas = \"t_[\"\n", `$FILE:2:2: fleet: schemas: "t_[" is not a valid pattern: use *, ? and [a-z]`, nil},
		{"jobs", "[fleet]\nschemas = \"t_*\"\njobs = -1\n", `$FILE:1:2: fleet: jobs: must be at least 1, not -1`, nil},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".toml")
		if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p, env(), Overrides{})
		if err == nil {
			t.Errorf("%s: Load succeeded", tt.name)
			continue
		}
		got := strings.ReplaceAll(strings.ReplaceAll(err.Error(), p, "$FILE"), dir, "$DIR")
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: errors.Is(%v) is false", tt.name, tt.is)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: error shows the password: %s", tt.name, err)
		}
		var ce *Error
		if !errors.As(err, &ce) || ce.File != p {
			t.Errorf("%s: not a *config.Error naming the file: %#v", tt.name, err)
		}
	}
}
