package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
)

type ensureVersionOptions struct {
	sql bool
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
	return cmd
}

func (a *app) ensureVersion(ctx context.Context, o *ensureVersionOptions) error {
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
	return s.m.EnsureVersion(ctx, opts...)
}
