package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/revision"
)

// rootCommand builds `retort` with its global flags and every verb.
func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "retort",
		Short: "Database schema migrations: a graph of reviewed SQL revisions",
		Long: `retort manages database schema migrations the way Alembic does: a graph of
reviewed revision scripts, upgrade and downgrade to any target, and the same
alembic_version table. It works with PostgreSQL, MySQL/MariaDB and SQLite.

Configuration comes from retort.toml (-c/--config; default
migrations/retort.toml, then retort.toml). The database URL comes from --url,
RETORT_DATABASE_URL, or the file's url key, in that order. A relative SQLite
path written in the file is relative to the file's directory; one from the
command line or the environment, to the working directory.`,
		Example: `  retort init migrations
  retort revision -m "create account table"
  retort upgrade head
  retort history --graph
  retort downgrade -1`,
		Version:           a.opts.version(),
		SilenceErrors:     true,
		SilenceUsage:      true,
		DisableAutoGenTag: true,
		Args:              cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
					return usageErrorf("unknown command %q for %q; did you mean %s?", args[0], cmd.CommandPath(), strings.Join(s, " or "))
				}
				return usageErrorf("unknown command %q for %q", args[0], cmd.CommandPath())
			}
			cmd.SetOut(a.io.Err)
			_ = cmd.Help()
			return usageErrorf("missing command")
		},
	}
	root.SetIn(a.io.In)
	root.SetOut(a.io.Out)
	root.SetErr(a.io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	root.SetVersionTemplate("retort {{.Version}}\n")
	root.Flags().Bool("version", false, "print retort's version and exit")

	pf := root.PersistentFlags()
	pf.StringVarP(&a.configPath, "config", "c", "", "path to retort.toml (default migrations/retort.toml, then retort.toml; env RETORT_CONFIG)")
	pf.StringVar(&a.url, "url", "", "database URL; overrides RETORT_DATABASE_URL and the file's url (a relative SQLite path is relative to the working directory)")
	pf.StringArrayVarP(&a.x, "x-arg", "x", nil, "extra `key=value` setting (repeatable)")
	pf.BoolVarP(&a.quiet, "quiet", "q", false, "print no INFO log lines or status messages")
	pf.BoolVar(&a.noColor, "no-color", false, "never colour the output (also: NO_COLOR set)")
	pf.BoolVar(&a.noCache, "no-cache", false, "use no cache: read every revision file and load the models into a scratch database even if unchanged since the last run (also: "+envNoCache+"=1)")

	root.AddGroup(
		&cobra.Group{ID: "files", Title: "Revision files:"},
		&cobra.Group{ID: "graph", Title: "Reading the revision graph:"},
		&cobra.Group{ID: "db", Title: "Running migrations:"},
	)
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add("files",
		a.initCommand(),
		a.listTemplatesCommand(),
		a.revisionCommand(),
		a.mergeCommand(),
		a.squashCommand(),
		a.editCommand(),
		a.lintCommand(),
		a.importCommand(),
	)
	add("graph",
		a.headsCommand(),
		a.branchesCommand(),
		a.historyCommand(),
		a.showCommand(),
		a.graphCommand(),
	)
	add("db",
		a.upgradeCommand(),
		a.downgradeCommand(),
		a.currentCommand(),
		a.stampCommand(),
		a.ensureVersionCommand(),
		a.statusCommand(),
		a.rehashCommand(),
		a.resolveCommand(),
		a.checkCommand(),
		a.testCommand(),
	)
	root.AddCommand(a.completionCommand(root))
	root.SetHelpCommandGroupID("")
	return root
}

// exactArgs accepts exactly n positional arguments, else a usage error
// saying what is expected.
func exactArgs(n int, want string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s takes %s (got %d argument%s)", cmd.CommandPath(), want, len(args), plural(len(args)))
		}
		return nil
	}
}

// minArgs accepts at least n positional arguments.
func minArgs(n int, want string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorf("%s takes %s", cmd.CommandPath(), want)
		}
		return nil
	}
}

// targets checks a command's positional arguments with count, then refuses
// any that is empty or blank (revision.CheckTarget): an unset shell
// variable must never reach the planner, where Alembic's grammar would read
// it as base.
func targets(count cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := count(cmd, args); err != nil {
			return err
		}
		for _, arg := range args {
			if err := revision.CheckTarget(arg); err != nil {
				return usageErrorf("%s: %w", cmd.CommandPath(), err)
			}
		}
		return nil
	}
}

// noArgs accepts no positional argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments (got %q)", cmd.CommandPath(), args[0])
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// status prints a status line to stdout unless -q.
func (a *app) status(format string, args ...any) {
	if a.quiet {
		return
	}
	fmt.Fprintf(a.io.Out, format+"\n", args...)
}
