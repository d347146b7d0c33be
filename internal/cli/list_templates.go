package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/templates"
)

type listTemplatesOptions struct {
	json bool
}

func (a *app) listTemplatesCommand() *cobra.Command {
	o := &listTemplatesOptions{}
	cmd := &cobra.Command{
		Use:   "list_templates",
		Short: "List the templates 'init' can use",
		Example: `  retort list_templates
  retort init --template gomain migrations`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.listTemplates(o) }),
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

type templateJSON struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

func (a *app) listTemplates(o *listTemplatesOptions) error {
	list := templates.List()
	if o.json {
		out := make([]templateJSON, 0, len(list))
		for _, t := range list {
			out = append(out, templateJSON{t.Name, t.Description})
		}
		return writeJSON(a.io.Out, map[string]any{"templates": out})
	}
	w := a.io.Out
	fmt.Fprintln(w, "Available templates:")
	fmt.Fprintln(w)
	for _, t := range list {
		fmt.Fprintf(w, "%s - %s\n", t.Name, t.Description)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Templates are used via the 'init' command, e.g.:")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  retort init --template %s ./migrations\n", templates.Default)
	return nil
}
