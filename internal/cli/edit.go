package cli

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) editCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "edit REV",
		Short: "Open revision files in your editor",
		Long: `Open the file of every revision REV resolves to in $EDITOR, else $VISUAL,
else the first of sensible-editor, editor, nano, vim, code found on PATH.
REV is any target; "current" opens the database's current revisions.`,
		Example: `  retort edit head
  retort edit 1975
  EDITOR="code -w" retort edit shoppingcart@head`,
		Annotations: readsOnly(),
		Args:        targets(exactArgs(1, "one revision, e.g. 'retort edit head'")),
		RunE:        a.runE(func(cmd *cobra.Command, args []string) error { return a.edit(cmd.Context(), args[0]) }),
	}
	return cmd
}

func (a *app) edit(ctx context.Context, symbol string) error {
	_, revs, err := a.resolveWithCurrent(ctx, symbol)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		if symbol == "current" {
			return failf("No current revisions")
		}
		return failf("No revision files indicated by symbol '%s'", symbol)
	}
	editor, err := a.findEditor()
	if err != nil {
		return err
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	for _, r := range revs {
		if r.Path == "" {
			return failf("Revision %s is a Go revision; edit its Go source instead", r.ID)
		}
		path := r.Path
		if !filepath.IsAbs(path) {
			path = filepath.Join(cfg.ScriptLocation, filepath.FromSlash(path))
		}
		c := exec.CommandContext(ctx, editor[0], append(editor[1:], path)...)
		c.Stdin, c.Stdout, c.Stderr = a.io.In, a.io.Out, a.io.Err
		if err := c.Run(); err != nil {
			return fmt.Errorf("editor %s %s: %w", strings.Join(editor, " "), path, err)
		}
	}
	return nil
}

// findEditor is Alembic's choice: $EDITOR, $VISUAL, then common editors.
func (a *app) findEditor() ([]string, error) {
	for _, env := range []string{"EDITOR", "VISUAL"} {
		if v, ok := a.getenv(env); ok && strings.TrimSpace(v) != "" {
			return strings.Fields(v), nil
		}
	}
	for _, name := range []string{"sensible-editor", "editor", "nano", "vim", "code"} {
		if p, err := exec.LookPath(name); err == nil {
			return []string{p}, nil
		}
	}
	return nil, failf("No suitable editor found. Please set the 'EDITOR' or 'VISUAL' environment variables")
}
