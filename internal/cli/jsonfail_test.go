package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/term"
)

// Every command with --json prints a JSON object on stdout when it fails,
// with the failure in "error" (passwords redacted), and exits non-zero:
// a script reading stdout never gets an empty document.
func TestJSONInEveryOutcome(t *testing.T) {
	t.Parallel()
	io, _, _, _ := term.Test()
	root := newApp(Options{IO: io}).rootCommand()
	var cmds []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() && c.Flags().Lookup("json") != nil {
			cmds = append(cmds, strings.TrimPrefix(c.CommandPath(), root.Name()+" "))
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	// A command line refused before the command runs (exit 2).
	for _, name := range cmds {
		args := append(strings.Fields(name), "--json", "--no-such-flag")
		got := run(t, Options{}, args...)
		var obj map[string]any
		if got.code != ExitUsage || json.Unmarshal([]byte(got.out), &obj) != nil || obj["error"] == nil {
			t.Errorf("%v: exit %d, stdout %q; want exit 2 and {\"error\": …}", args, got.code, got.out)
		}
	}
	if len(cmds) < 5 {
		t.Fatalf("found only %v with --json", cmds)
	}
	dir := t.TempDir()
	missing := "sqlite:///" + filepath.Join(dir, "nowhere", "app.db")
	secretURL := "postgresql://app:S3cretJSON@127.0.0.1:1/app"
	for _, name := range cmds {
		for _, setup := range []struct{ cfg, url string }{
			{filepath.Join(dir, "none.toml"), missing},           // no config file
			{writeProject(t, missing), ""},                       // a SQLite file that does not exist
			{writeProject(t, secretURL), ""},                     // a server that does not answer
			{filepath.Join(dir, "none.toml"), secretURL + "?x="}, // --url and no config
		} {
			args := append(strings.Fields(name), "--json")
			if setup.url != "" {
				args = append(args, "--url", setup.url)
			}
			switch name {
			case "upgrade", "stamp":
				args = append(args, "head")
			case "downgrade":
				args = append(args, "-1")
			case "show":
				args = append(args, "head")
			}
			got := run(t, Options{}, append([]string{"-c", setup.cfg}, args...)...)
			var obj any
			if err := json.Unmarshal([]byte(got.out), &obj); err != nil {
				t.Errorf("%v: exit %d, stdout is not one JSON document (%v): %q; stderr %q", args, got.code, err, got.out, got.err)
				continue
			}
			if got.code == ExitOK {
				continue // needs no database (list_templates)
			}
			if m, _ := obj.(map[string]any); m == nil || m["error"] == nil || m["error"] == "" {
				t.Errorf("%v: no \"error\" in %q", args, got.out)
			}
			if strings.Contains(got.out+got.err, "S3cretJSON") {
				t.Errorf("%v: the password is in the output", args)
			}
		}
	}
}
