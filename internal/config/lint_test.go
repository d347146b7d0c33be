package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLintTable(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, toml string
		err        string // "" : loads
		disable    []string
		severity   map[string]string
	}{
		{name: "none", toml: "url = \"sqlite:///x.db\"\n"},
		{name: "both", toml: "[lint]\ndisable = [\"drop-table\"]\n[lint.severity]\npg-lock-timeout = \"error\"\n",
			disable: []string{"drop-table"}, severity: map[string]string{"pg-lock-timeout": "error"}},
		{name: "unknown key", toml: "[lint]\ndisabled = [\"x\"]\n", err: `"disabled" in [lint] (did you mean "disable"?)`},
		{name: "disable not a list", toml: "[lint]\ndisable = \"x\"\n", err: "disable: expected an array of rule ids"},
		{name: "level not a string", toml: "[lint.severity]\nx = 1\n", err: "severity: x: expected"},
		{name: "not a table", toml: "lint = 1\n", err: "expected a table"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(p, []byte(c.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(p, nil, Overrides{})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want %q", err, c.err)
				}
				if strings.Contains(c.err, "did you mean") && !errors.Is(err, ErrUnknownKey) {
					t.Errorf("not ErrUnknownKey: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(cfg.Lint.Disable, ",") != strings.Join(c.disable, ",") || len(cfg.Lint.Severity) != len(c.severity) {
				t.Errorf("lint %+v, want %v %v", cfg.Lint, c.disable, c.severity)
			}
			for k, v := range c.severity {
				if cfg.Lint.Severity[k] != v {
					t.Errorf("severity %s = %q, want %q", k, cfg.Lint.Severity[k], v)
				}
			}
			// LintError places a complaint at the [lint] table.
			if c.name == "both" {
				e := cfg.LintError(errors.New("unknown rule"))
				if !strings.Contains(e.Error(), FileName+":1:") {
					t.Errorf("LintError = %v, want the [lint] line", e)
				}
			}
		})
	}
}
