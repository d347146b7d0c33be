package cli

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/templates"
)

type initOptions struct {
	template string
}

func (a *app) initCommand() *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [--template NAME] DIR",
		Short: "Create a migrations folder: retort.toml and versions/",
		Long: `Create DIR with a retort.toml whose comments explain every key and an empty
versions/ folder for revision files. DIR may exist only if it is empty.
'retort list_templates' shows the templates; "gomain" adds a main.go that runs
retort with your application's own settings ('go run ./DIR upgrade head').`,
		Example: `  retort init migrations
  retort init --template gomain migrations`,
		Args: exactArgs(1, "the directory to create, e.g. 'retort init migrations'"),
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.init(o, args[0]) }),
	}
	cmd.Flags().StringVarP(&o.template, "template", "t", templates.Default, "template to use (see list_templates)")
	return cmd
}

func (a *app) init(o *initOptions, dir string) error {
	created, err := templates.Init(dir, o.template)
	if err != nil {
		return err
	}
	var toml string
	for _, p := range created {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			a.status("Creating directory %s ...  done", p)
			continue
		}
		a.status("Generating %s ...  done", p)
		if filepath.Base(p) == "retort.toml" {
			toml = p
		}
	}
	if toml != "" {
		a.status("Please edit configuration/connection settings in %s before proceeding.", toml)
	}
	return nil
}
