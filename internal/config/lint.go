package config

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Lint is retort.toml's [lint] table: rules `retort lint` does not run and
// levels it changes. The rule ids are checked by the linter (this package
// knows none); LintError places its complaint in the file.
type Lint struct {
	Disable  []string          // disable = ["pg-prefer-jsonb"]
	Severity map[string]string // [lint.severity] rule-id = "error" | "warning" | "off"
}

// lintKeys are the keys of the [lint] table.
var lintKeys = []string{"disable", "severity"}

// lint reads the [lint] table.
func (d *decoder) lint(dst *Lint) {
	const key = "lint"
	v, ok := d.raw[key]
	if !ok || d.err != nil {
		return
	}
	tbl, isTable := v.(map[string]any)
	if !isTable {
		d.err = d.fail(key, typeErr("a table ([lint])", v))
		return
	}
	names := make([]string, 0, len(tbl))
	for k := range tbl {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		switch k {
		case "disable":
			items, isList := tbl[k].([]any)
			if !isList {
				d.err = d.fail(key, fmt.Errorf("disable: %w", typeErr("an array of rule ids", tbl[k])))
				return
			}
			for i, it := range items {
				s, isStr := it.(string)
				if !isStr {
					d.err = d.fail(key, fmt.Errorf("disable: item %d: %w", i+1, typeErr("a string", it)))
					return
				}
				dst.Disable = append(dst.Disable, s)
			}
		case "severity":
			m, isTable := tbl[k].(map[string]any)
			if !isTable {
				d.err = d.fail(key, fmt.Errorf("severity: %w", typeErr("a table of rule-id = \"error\" | \"warning\" | \"off\"", tbl[k])))
				return
			}
			dst.Severity = make(map[string]string, len(m))
			for id, lv := range m {
				s, isStr := lv.(string)
				if !isStr {
					d.err = d.fail(key, fmt.Errorf("severity: %s: %w", id, typeErr("\"error\", \"warning\" or \"off\"", lv)))
					return
				}
				dst.Severity[id] = s
			}
		default:
			msg := fmt.Sprintf("%q in [lint]", k)
			if s := closest(k, lintKeys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known keys: " + strings.Join(lintKeys, ", ") + ")"
			}
			d.err = d.fail(key, fmt.Errorf("%w %s", ErrUnknownKey, msg))
			return
		}
	}
}

// LintError places an error about the [lint] table (an unknown rule id, a
// bad level) at the table in the config file.
func (c *Config) LintError(err error) error {
	if c.Path == "" {
		return err
	}
	data, rerr := readFile(c.Path)
	line, col := 0, 0
	if rerr == nil {
		line, col = keyLine(data, "lint")
	}
	return &Error{File: c.Path, Line: line, Column: col, Key: "lint", Err: err}
}

var errNoFile = errors.New("no config file")

func readFile(path string) (string, error) {
	if path == "" {
		return "", errNoFile
	}
	b, err := os.ReadFile(path)
	return string(b), err
}
