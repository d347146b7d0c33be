package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
)

type lintOptions struct {
	database bool
	stairway bool
	format   string
	json     bool
	dialect  string
	rules    bool
}

func (a *app) lintCommand() *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [RANGE]",
		Short: "Check revision files for lock hazards, data loss and broken downgrades",
		Long: `Check the revision files of RANGE (every revision when omitted) with rules
that have stable ids: lock and rewrite hazards on existing tables
(PostgreSQL's CREATE INDEX without CONCURRENTLY, a NOT NULL column without a
default, a foreign key without NOT VALID, a type change that rewrites the
table…), MySQL/MariaDB ALTERs that copy the table and implicit commits,
what SQLite's ALTER TABLE refuses, drops of tables and columns, downgrades
that are missing or do not undo their upgrade, messages that say nothing and
"-- REVIEW:" notes left in a file. ` + "`retort lint --rules`" + ` lists the rules; docs/lint.md
explains each with its safe alternative.

Lint reads files only. It knows the schema at each revision by reading the
DDL of the revisions before it in graph order, so a table created earlier in
the same revision is new (indexing it needs no CONCURRENTLY) and a type
change that keeps the table (varchar(50) to varchar(100), to text) is not
reported. The dialect is the configured URL's (no connection is made), or
--dialect.

--database connects to the configured database instead (reading only): it
lints the revisions the database has not applied, starting from its
inspected schema, so tables made outside the revisions and the server's
own column types are known exactly.

--stairway measures the downgrade check instead of reading it from the DDL:
each revision linted is upgraded, downgraded and upgraded again on a scratch
database (retort test's stairway; retort_scratch_… on the server of dev_url,
else of url, whose user must be allowed to create databases; SQLite in
memory), the schemas are inspected and compared, and each difference is a
downgrade-not-reverse finding at the downgrade, naming the objects. This
also checks revisions whose DDL lint cannot read (a DO block, CREATE TABLE …
AS SELECT). The scratch database is dropped afterwards, also on Ctrl-C; the
configured database is never written. With --database, the revisions it has
not applied are the ones measured. A revision the stairway cannot reach (its
upgrade, or an earlier one, fails there) keeps the check from the DDL, and a
WARN line on stderr says so.

RANGE is START:END as history takes it (both ends inclusive; either may be
empty), or one revision (an id or prefix, head, label@head).

Silence one finding with a comment above the statement (or at the end of
its last line) naming the rule and saying why:

    -- retort:ignore drop-column the column is unused since release 4.2
    ALTER TABLE users DROP COLUMN legacy;

Turn rules off or change their level in retort.toml's [lint] table.

Exit status: 0 no finding at error level (warnings do not fail); 1 a finding
at error level, or lint could not run (a FAILED line says why); 2 a wrong
command line.`,
		Example: `  retort lint
  retort lint ae1027a6acf:head
  retort lint head --format github
  retort lint --json
  retort lint --database
  retort lint --stairway
  retort lint --dialect sqlite --stairway
  retort lint --rules`,
		Annotations: readsOnly(),
		// --format json is --json: a machine reads stdout, and gets JSON
		// in every outcome (see runE).
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if o.format == "json" {
				return cmd.Flags().Set("json", "true")
			}
			return nil
		},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("%s takes at most one RANGE (got %d arguments)", cmd.CommandPath(), len(args))
			}
			if len(args) == 1 && strings.TrimSpace(args[0]) == "" {
				return usageErrorf("%s: RANGE is empty; omit it to lint every revision", cmd.CommandPath())
			}
			return nil
		},
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			rangeSpec := ""
			if len(args) == 1 {
				rangeSpec = args[0]
			}
			if o.json {
				if cmd.Flags().Changed("format") && o.format != "json" {
					return usageErrorf("--json and --format %s disagree; give one", o.format)
				}
				o.format = "json"
			}
			switch o.format {
			case "text", "json", "github":
			default:
				return usageErrorf("--format %q: use text, json or github", o.format)
			}
			if o.dialect != "" {
				if _, err := registry.Lookup(o.dialect); err != nil {
					return usageErrorf("--dialect: %w", err)
				}
			}
			if o.rules {
				return a.lintRules(o)
			}
			if o.database && o.dialect != "" {
				return usageErrorf("--database and --dialect disagree: the database says its dialect; give one")
			}
			return a.lint(cmd.Context(), rangeSpec, o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output: text (for people), json, or github (workflow annotation lines)")
	f.BoolVar(&o.json, "json", false, "print JSON (the same as --format json; see docs/commands.md)")
	f.StringVar(&o.dialect, "dialect", "", "lint for this dialect (postgres, mysql, sqlite) instead of the configured URL's")
	f.BoolVar(&o.rules, "rules", false, "list the rules and exit")
	f.BoolVar(&o.stairway, "stairway", false, "check downgrades by running upgrade, downgrade, upgrade on a scratch database and comparing schemas (created and dropped; SQLite in memory)")
	f.BoolVar(&o.database, "database", false, "start from the configured database's inspected schema and lint the revisions it has not applied (reads only)")
	return cmd
}

// lintJSON is what lint --json prints.
type lintJSON struct {
	Dialect  string           `json:"dialect"`
	Findings []retort.Finding `json:"findings"`
	Errors   int              `json:"errors"`
	Warnings int              `json:"warnings"`
}

func (a *app) lint(ctx context.Context, rangeSpec string, o *lintOptions) error {
	var s *session
	var err error
	if o.database {
		s, err = a.openMigrator(ctx, false, nil)
	} else {
		s, err = a.openForLint(ctx, o.dialect)
	}
	if err != nil {
		return err
	}
	defer s.close()
	cfg, _ := a.config()
	lo := retort.LintOptions{Disable: cfg.Lint.Disable, Severity: cfg.Lint.Severity, Database: o.database}
	var scratch []string
	if o.stairway {
		name, driver, ds, err := a.scratchServer(cfg, o.dialect, "lint --stairway")
		if err != nil {
			return err
		}
		if canonical, _ := dialect.Canonical(name); canonical != s.m.Dialect() {
			return failf("lint --stairway: the scratch server (dev_url) is %s but the revisions are linted for %s; point dev_url at a %s server", canonical, s.m.Dialect(), s.m.Dialect())
		}
		lo.Stairway = &retort.LintStairway{DriverName: driver, DataSource: ds, Log: a.io.Err, Events: func(e retort.TestEvent) {
			if e.Scratch == "" {
				return
			}
			scratch = append(scratch, e.Scratch)
			if !a.quiet {
				fmt.Fprintf(a.io.Err, "%s [retort] Stairway on scratch database %s (dropped afterwards)\n", a.errColors().Dim("INFO "), e.Scratch)
			}
		}, Notes: func(n string) {
			fmt.Fprintf(a.io.Err, "%s [retort] %s\n", a.errColors().Yellow("WARN "), a.redact(n))
		}}
	}
	fs, err := s.m.Lint(ctx, rangeSpec, lo)
	if errors.Is(err, retort.ErrLintConfig) {
		return cfg.LintError(err)
	}
	if err != nil {
		if ctx.Err() != nil && o.stairway {
			msg := "stopped before it finished; the configured database was not touched"
			if len(scratch) > 0 {
				msg += "; scratch database(s) " + strings.Join(scratch, ", ") + " dropped"
			}
			if strings.Contains(err.Error(), "drop it by hand") {
				msg = "stopped before it finished, and a scratch database could not be dropped: " + err.Error()
			}
			return &interruptError{msg: msg, err: err}
		}
		return err
	}
	errs, warns := 0, 0
	for i := range fs {
		fs[i].File = displayPath(fs[i].File)
		if fs[i].Severity == "error" {
			errs++
		} else {
			warns++
		}
	}
	switch o.format {
	case "json":
		if fs == nil {
			fs = []retort.Finding{}
		}
		if err := writeJSON(a.io.Out, lintJSON{Dialect: s.m.Dialect(), Findings: fs, Errors: errs, Warnings: warns}); err != nil {
			return err
		}
	case "github":
		for _, f := range fs {
			fmt.Fprintln(a.io.Out, githubAnnotation(f))
		}
	default:
		a.printFindings(fs)
		switch {
		case len(fs) == 0:
			a.status("No findings.")
		default:
			a.status("%d error%s, %d warning%s.", errs, plural(errs), warns, plural(warns))
		}
	}
	if errs > 0 {
		return &silentError{code: ExitFailure}
	}
	return nil
}

// printFindings writes each finding for people: where, what, why, and
// what to do instead.
func (a *app) printFindings(fs []retort.Finding) {
	c := a.colors()
	for i, f := range fs {
		if i > 0 {
			fmt.Fprintln(a.io.Out)
		}
		level := c.Yellow(f.Severity)
		if f.Severity == "error" {
			level = c.Red(f.Severity)
		}
		fmt.Fprintf(a.io.Out, "%s:%d: %s [%s] %s\n", f.File, f.Line, level, f.Rule, f.Message)
		if f.Statement != "" {
			for _, l := range strings.Split(f.Statement, "\n") {
				fmt.Fprintf(a.io.Out, "    %s\n", l)
			}
		}
		fmt.Fprintf(a.io.Out, "  safe: %s\n", f.Safe)
	}
}

// githubAnnotation is a GitHub Actions workflow command:
// ::error file=F,line=L,title=RULE::MESSAGE.
func githubAnnotation(f retort.Finding) string {
	level := "warning"
	if f.Severity == "error" {
		level = "error"
	}
	return fmt.Sprintf("::%s file=%s,line=%d,title=%s::%s", level, ghProperty(f.File), f.Line, ghProperty("retort lint "+f.Rule),
		ghData(f.Message+". Safe: "+f.Safe))
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// displayPath shows an absolute file path relative to the working
// directory when it lies under it.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return p
}

func (a *app) lintRules(o *lintOptions) error {
	rules := retort.LintRules()
	if o.format == "json" {
		return writeJSON(a.io.Out, map[string]any{"rules": rules})
	}
	tw := tabwriter.NewWriter(a.io.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tLEVEL\tDIALECT\tFINDS")
	for _, r := range rules {
		set := r.Set
		if set == "" {
			set = "all"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, set, r.Doc)
	}
	return tw.Flush()
}

// openForLint opens the Migrator over the revision files without a
// connection: the dialect is --dialect's, else the configured URL's (or the
// database given in code).
func (a *app) openForLint(ctx context.Context, name string) (*session, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	if name == "" && (cfg.URL != "" || a.opts.DB != nil) {
		return a.open(ctx, true, true, nil)
	}
	if name == "" {
		if cfg.Path == "" {
			return nil, noConfig(cfg, "lint needs the dialect: pass --dialect, --url or set RETORT_DATABASE_URL")
		}
		return nil, failf("lint needs the dialect: set url in %s, RETORT_DATABASE_URL, or pass --url or --dialect (postgres, mysql, sqlite)", cfg.Path)
	}
	fsys, locs, err := a.source(cfg)
	if err != nil {
		return nil, err
	}
	canonical, _ := dialect.Canonical(name)
	opts := append(a.migratorOptions(cfg, nil, true, fsys, locs), retort.WithDialect(canonical))
	m, err := retort.Open(ctx, nil, fsys, opts...)
	if err != nil {
		return nil, err
	}
	return &session{m: m, dialect: canonical, close: func() {}}, nil
}
