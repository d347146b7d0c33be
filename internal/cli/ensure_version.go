package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

type ensureVersionOptions struct {
	sql  bool
	json bool
}

func (a *app) ensureVersionCommand() *cobra.Command {
	o := &ensureVersionOptions{}
	cmd := &cobra.Command{
		Use:   "ensure_version",
		Short: "Create the version table if it does not exist",
		Long: `Create the alembic_version table (name and schema from retort.toml) when it
is missing; an existing table is left alone. --sql prints its CREATE TABLE.`,
		Example: `  retort ensure_version
  retort ensure_version --sql`,
		Args: noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error { return a.ensureVersion(cmd.Context(), o) }),
	}
	cmd.Flags().BoolVar(&o.sql, "sql", false, "print the CREATE TABLE instead of running it")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	return cmd
}

func (a *app) ensureVersion(ctx context.Context, o *ensureVersionOptions) error {
	if o.sql && o.json {
		return usageErrorf("--sql and --json cannot be combined: --sql prints SQL")
	}
	rep := a.newReporter()
	defer rep.done()
	s, err := a.openMigrator(ctx, o.sql, rep)
	if err != nil {
		return err
	}
	defer s.close()
	var opts []retort.RunOption
	if o.sql {
		rep.info("Generating static SQL")
		opts = append(opts, retort.SQLTo(a.io.Out))
	}
	if err := s.m.EnsureVersion(ctx, opts...); err != nil {
		return err
	}
	if o.json {
		cfg, err := a.config()
		if err != nil {
			return err
		}
		return writeJSON(a.io.Out, map[string]any{
			"version_table": cfg.VersionTable,
			"schema":        cfg.VersionTableSchema,
		})
	}
	return nil
}
