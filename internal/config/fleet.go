package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/retortdb/retort/internal/suggest"
)

// Fleet is the [fleet] table: the many databases (tenants) one command may
// run across with --all. Exactly one way of naming them is used: URLs
// (urls and/or urls_file), a URL template with tenant names (url with
// tenants or tenants_file), or the PostgreSQL schemas matching a pattern
// (schemas) on the database of the top-level url.
type Fleet struct {
	// Targets are the databases that urls, urls_file or the template name,
	// in the order written; empty for Schemas.
	Targets []FleetTarget
	// Schemas is a name pattern (*, ?, [a-z]): every schema of the database
	// at Config.URL whose name matches is a target, with the version and
	// history tables in that schema. The schemas are listed when a command
	// runs, so a tenant added since is included.
	Schemas string
	// Jobs is the default for -j (0: the command's default).
	Jobs int
}

// FleetTarget is one database of a fleet.
type FleetTarget struct {
	Name   string // the tenant's name, or the URL with its password hidden
	URL    string // after ${VAR} expansion and {tenant} substitution
	URLDir string // what a relative SQLite path in URL is relative to
}

// fleetKeys lists the keys of [fleet], in the order the docs show them.
var fleetKeys = []string{"urls", "urls_file", "url", "tenants", "tenants_file", "schemas", "jobs"}

// TenantPlaceholder is what a fleet url template replaces with each tenant's name.
const TenantPlaceholder = "{tenant}"

// tenantName is what a tenant name may be: it becomes part of a URL and
// of a database, schema or file name, so it holds nothing that would need
// quoting there.
var tenantName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*$`) })

// fleet reads the [fleet] table; nil when there is none.
func (d *decoder) fleet() *Fleet {
	const key = "fleet"
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return nil
	}
	tbl, isTable := v.(map[string]any)
	if !isTable {
		d.err = d.fail(key, typeErr("a table ([fleet])", v))
		return nil
	}
	var unknown []string
	for k := range tbl {
		if !slices.Contains(fleetKeys, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		var errs []error
		for _, k := range unknown {
			msg := fmt.Sprintf("%q in [fleet]", k)
			if s := closest(k, fleetKeys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known keys: " + strings.Join(fleetKeys, ", ") + ")"
			}
			errs = append(errs, d.fail(key, fmt.Errorf("%w %s", ErrUnknownKey, msg)))
		}
		d.err = errors.Join(errs...)
		return nil
	}
	sub := &decoder{file: d.file, data: d.data, raw: tbl, getenv: d.getenv, here: d.here}
	f := &Fleet{}
	urls := sub.list("urls")
	var urlsFile, template, tenantsFile string
	sub.str("urls_file", &urlsFile)
	sub.str("url", &template)
	tenants := sub.list("tenants")
	sub.str("tenants_file", &tenantsFile)
	sub.str("schemas", &f.Schemas)
	sub.integer("jobs", &f.Jobs)
	if sub.err != nil {
		d.err = d.rekey(sub.err)
		return nil
	}
	fail := func(k string, err error) *Fleet {
		if k != key {
			err = fmt.Errorf("%s: %w", k, err)
		}
		d.err = d.fail(key, err)
		return nil
	}
	_, hasURLs := tbl["urls"]
	_, hasTenants := tbl["tenants"]
	byURL := hasURLs || urlsFile != ""
	byTemplate := template != "" || hasTenants || tenantsFile != ""
	bySchema := f.Schemas != ""
	ways := 0
	for _, b := range []bool{byURL, byTemplate, bySchema} {
		if b {
			ways++
		}
	}
	switch {
	case ways == 0:
		return fail("fleet", errors.New("names no targets: set urls or urls_file (a list of URLs), url with tenants or tenants_file (a URL template), or schemas (PostgreSQL schemas matching a pattern)"))
	case ways > 1:
		return fail("fleet", errors.New("mixes ways of naming targets: use one of urls/urls_file, url with tenants/tenants_file, or schemas"))
	case f.Jobs < 0:
		return fail("jobs", fmt.Errorf("must be at least 1, not %d", f.Jobs))
	}
	switch {
	case byURL:
		if urlsFile != "" {
			lines, err := d.readFleetFile(urlsFile)
			if err != nil {
				return fail("urls_file", err)
			}
			urls = append(urls, lines...)
		}
		for _, u := range urls {
			name, raw := "", u
			if fields := strings.Fields(u); len(fields) == 2 && !strings.Contains(fields[0], ":") {
				name, raw = fields[0], fields[1] // "NAME URL" in a urls_file
			}
			dsn, err := ParseURLIn(raw, d.here)
			if err != nil {
				return fail("urls", fmt.Errorf("%s: %w", Redact(raw), err))
			}
			if name == "" {
				name = dsn.Redacted
			}
			f.Targets = append(f.Targets, FleetTarget{Name: name, URL: raw, URLDir: d.here})
		}
		if len(f.Targets) == 0 {
			return fail("urls", errors.New("names no database: list at least one URL"))
		}
	case byTemplate:
		if template == "" {
			return fail("url", errors.New("tenants need a URL template: set url in [fleet] to a URL with {tenant} where each tenant's name goes"))
		}
		if !strings.Contains(template, TenantPlaceholder) {
			return fail("url", fmt.Errorf("%s has no %s: write it where each tenant's name goes, such as postgres://app@db/app_{tenant}", Redact(template), TenantPlaceholder))
		}
		if tenantsFile != "" {
			lines, err := d.readFleetFile(tenantsFile)
			if err != nil {
				return fail("tenants_file", err)
			}
			tenants = append(tenants, lines...)
		}
		if len(tenants) == 0 {
			return fail("tenants", errors.New("no tenants: list their names in tenants or tenants_file"))
		}
		for _, t := range tenants {
			if !tenantName().MatchString(t) {
				return fail("tenants", fmt.Errorf("%q is not a tenant name: use letters, digits, _, . and - (it becomes part of a URL and a database name)", t))
			}
			raw := strings.ReplaceAll(template, TenantPlaceholder, t)
			if _, err := ParseURLIn(raw, d.here); err != nil {
				return fail("url", fmt.Errorf("tenant %s: %w", t, err))
			}
			f.Targets = append(f.Targets, FleetTarget{Name: t, URL: raw, URLDir: d.here})
		}
	case bySchema:
		if !validPattern(f.Schemas) {
			return fail("schemas", fmt.Errorf("%q is not a valid pattern: use *, ? and [a-z]", f.Schemas))
		}
	}
	seenName, seenURL := map[string]bool{}, map[string]string{}
	for _, t := range f.Targets {
		if seenName[t.Name] {
			return fail("fleet", fmt.Errorf("target %s is listed twice: each database may appear once", Redact(t.Name)))
		}
		seenName[t.Name] = true
		if other, dup := seenURL[t.URL]; dup {
			return fail("fleet", fmt.Errorf("targets %s and %s are the same database: each database may appear once", Redact(other), Redact(t.Name)))
		}
		seenURL[t.URL] = t.Name
	}
	return f
}

// rekey turns an error about a [fleet] key into one located at the table.
func (d *decoder) rekey(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return d.fail("fleet", fmt.Errorf("%s: %w", e.Key, e.Err))
	}
	return err
}

// readFleetFile reads a file of URLs or tenant names, relative to the
// config file's directory: one per line, blank lines and lines starting
// with # ignored, ${VAR} expanded.
func (d *decoder) readFleetFile(p string) ([]string, error) {
	if !filepath.IsAbs(p) {
		p = filepath.Join(d.here, p)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", p, errors.Unwrap(err))
	}
	var out []string
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := Expand(line, d.getenv)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", p, i+1, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// validPattern reports whether p is a well-formed name pattern.
func validPattern(p string) bool {
	_, err := filepath.Match(p, "")
	return err == nil
}

// closest returns the one of known closest to k, if close enough to be a typo.
func closest(k string, known []string) string {
	return suggest.Closest(strings.ToLower(strings.ReplaceAll(k, "-", "_")), known, 3)
}
