package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/schema"
)

type checkOptions struct {
	renames []string
	json    bool
	fleet   fleetFlags
}

func (a *app) checkCommand() *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Fail when the models and the database differ",
		Long: `Compare the database (which must be at its heads) with the models named by
models in retort.toml, as revision --autogenerate does, without writing a
file. When they agree it prints

    No new upgrade operations detected.

and exits 0; otherwise it lists each difference ("Detected added table
'users'") and exits 1: a gate for CI that the models and the revisions agree.

Exit status: 0 the models and the database agree; 1 they differ, or the
check could not run (the database is not at its heads, no models, no
connection; a FAILED line says why); 2 a wrong command line. --json prints
its object on stdout in every outcome, with "error" set when the check could
not run and "up_to_date": false when the database is not at its heads.
Across a fleet a target whose schema differs from the models counts as
failed; the models are loaded once per server (dev_url's, else each
target's) and cached.` + fleetHelp,
		Example: `  retort check
  retort check --json
  retort check --all`,
		Annotations: readsOnly(),
		Args:        noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if sel, isFleet, err := o.fleet.selector(cmd); err != nil || isFleet {
				if err != nil {
					return err
				}
				return a.checkFleet(cmd.Context(), o, sel)
			}
			return a.check(cmd.Context(), o)
		}),
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	cmd.Flags().StringArrayVar(&o.renames, "rename", nil, renameFlagHelp)
	o.fleet.register(cmd)
	return cmd
}

// checkJSON is what check --json prints, in every outcome: error is "" when
// the comparison ran, else the FAILED message; up_to_date is false when the
// database is not at its heads, null when an error came before knowing.
type checkJSON struct {
	Clean       bool                `json:"clean"`
	Dialect     string              `json:"dialect"`
	Differences []retort.Difference `json:"differences"`
	UpToDate    *bool               `json:"up_to_date"`
	Notes       []string            `json:"notes,omitempty"`
	Error       string              `json:"error"`
}

func (a *app) check(ctx context.Context, o *checkOptions) error {
	c, err := a.compare(ctx, a.noCache, o.renames)
	if o.json {
		return a.checkJSON(c, err)
	}
	if err != nil {
		return err
	}
	if c.Clean() {
		fmt.Fprintln(a.io.Out, "No new upgrade operations detected.")
		return nil
	}
	for _, d := range c.Differences {
		fmt.Fprintf(a.io.Out, "Detected %s\n", d.Detail)
	}
	for _, n := range c.Notices {
		fmt.Fprintf(a.io.Out, "Note: %s\n", n)
	}
	for _, n := range c.Notes {
		fmt.Fprintf(a.io.Out, "REVIEW: %s\n", n)
	}
	return failf("New upgrade operations detected: %d difference%s between the models and the database; "+
		"run `retort revision --autogenerate -m MESSAGE` to write a revision for them", len(c.Differences), plural(len(c.Differences)))
}

// checkJSON prints check's JSON for a comparison or the error that
// stopped it, and returns the error that sets the exit code.
func (a *app) checkJSON(c *retort.Comparison, err error) error {
	out := checkJSON{Differences: []retort.Difference{}}
	if err != nil {
		out.Error = a.redact(err.Error())
		if errors.Is(err, retort.ErrNotUpToDate) {
			out.UpToDate = new(bool)
		}
		if a.cfg != nil {
			if dsn, perr := a.cfg.DSN(); perr == nil {
				out.Dialect = dsn.Dialect
			}
		}
	} else {
		yes := true
		out.Clean, out.Dialect, out.UpToDate, out.Notes = c.Clean(), c.Dialect, &yes, c.Notes
		if c.Differences != nil {
			out.Differences = c.Differences
		}
	}
	if werr := writeJSON(a.io.Out, out); werr != nil {
		return werr
	}
	switch {
	case err != nil:
		return err
	case !out.Clean:
		return failf("New upgrade operations detected: %d difference%s", len(out.Differences), plural(len(out.Differences)))
	}
	return nil
}

// compare runs the façade's Compare with the models and filters of
// retort.toml. PostgreSQL and MySQL models are loaded into a scratch
// database on dev_url's server, else on the migrated database's server.
//
// The models' inspected schema is cached in the user's cache directory,
// keyed on their content, the server and the retort build; noCache
// (--no-cache, RETORT_NO_CACHE) skips it.
func (a *app) compare(ctx context.Context, noCache bool, renameFlags []string) (*retort.Comparison, error) {
	renames, err := parseRenames(renameFlags)
	if err != nil {
		return nil, err
	}
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	if err := needModels(cfg); err != nil {
		return nil, err
	}
	rep := a.newReporter()
	defer rep.done()
	s, err := a.openMigrator(ctx, false, rep)
	if err != nil {
		return nil, err
	}
	defer s.close()
	models, err := a.models(noCache, s.dialect, nil)
	if err != nil {
		return nil, err
	}
	models.Renames = renames
	c, err := s.m.Compare(ctx, models)
	if errors.Is(err, retort.ErrBadRename) {
		return nil, usageErrorf("%w", err)
	}
	return c, err
}

// needModels fails when retort.toml names no models.
func needModels(cfg *config.Config) error {
	if len(cfg.Models) > 0 {
		return nil
	}
	if cfg.Path == "" {
		return noConfig(cfg, "without one there are no models to compare with")
	}
	return failf("no models to compare with: set models in %s to the .sql files with the desired schema or to Go model package folders", cfg.Path)
}

// models are the models of retort.toml for Compare: PostgreSQL and MySQL
// models load into a scratch database on dev_url's server, else on target's
// (nil: url's).
func (a *app) models(noCache bool, dialectName string, target *config.DSN) (retort.Models, error) {
	cfg, err := a.config()
	if err != nil {
		return retort.Models{}, err
	}
	models := retort.Models{Paths: cfg.Models, Include: cfg.Include, Exclude: cfg.Exclude}
	if !noCache {
		models.CacheDir = a.cacheDir("models")
	}
	var dsn *config.DSN
	switch {
	case cfg.DevURL != "":
		if dsn, err = cfg.DevDSN(); err != nil {
			return models, fmt.Errorf("dev_url: %w", err)
		}
	case target != nil:
		dsn = target
	case cfg.URL != "":
		if dsn, err = cfg.DSN(); err != nil {
			return models, fmt.Errorf("dev_url: %w", err)
		}
	}
	if dsn != nil {
		if dsn.Dialect != dialectName && dialectName != "" {
			return models, failf("dev_url is a %s database but the migrated database is %s: the scratch database must be of the same kind", dsn.Dialect, dialectName)
		}
		models.DriverName, models.DataSource = dsn.DriverName, dsn.DataSource
	}
	return models, nil
}

// autogenerate writes a revision whose sections remove the differences
// between the models and the database.
func (a *app) autogenerate(ctx context.Context, o *revisionOptions, n script.NewRevision) error {
	var c *retort.Comparison
	var err error
	if o.baseline {
		c, err = a.baseline(ctx)
	} else {
		c, err = a.compare(ctx, a.noCache, o.renames)
	}
	if err != nil {
		return err
	}
	if more := a.askRenames(c); len(more) > 0 {
		if c, err = a.compare(ctx, a.noCache, append(slices.Clone(o.renames), more...)); err != nil {
			return err
		}
	}
	rep := a.newReporter()
	for _, d := range c.Differences {
		rep.info("Detected %s", d.Detail)
	}
	for _, n := range c.Notices {
		rep.info("%s", n)
	}
	for _, n := range c.Notes {
		rep.warn("REVIEW: " + n)
	}
	if c.Clean() && !o.allowEmpty && o.baseline {
		a.status("The database has no schema to baseline; no revision written (use --allow-empty to write one anyway)")
		return nil
	}
	if c.Clean() && !o.allowEmpty {
		a.status("No changes in schema detected; no revision written (use --allow-empty to write one anyway)")
		return nil
	}
	n.Upgrade, n.Downgrade = strings.TrimRight(c.Upgrade, "\n"), strings.TrimRight(c.Downgrade, "\n")
	_, err = a.createRevision(n)
	return err
}

const renameFlagHelp = "declare a rename, done in place keeping the data instead of a drop and an add: OLD=NEW renames table OLD to NEW, TABLE.OLD=NEW renames column OLD of TABLE (named by its new name) to NEW (repeatable)"

// parseRenames reads --rename flags: OLD=NEW (a table), TABLE.OLD=NEW (a
// column of TABLE, by its new name), SCHEMA.TABLE.OLD=NEW (PostgreSQL).
func parseRenames(flags []string) ([]retort.Rename, error) {
	var out []retort.Rename
	seen := map[string]string{}
	for _, f := range flags {
		lhs, to, ok := strings.Cut(f, "=")
		parts := strings.Split(lhs, ".")
		bad := !ok || to == "" || strings.Contains(to, ".") || len(parts) > 3 || slices.Contains(parts, "")
		if bad {
			return nil, usageErrorf("--rename %q: write OLD=NEW for a table or TABLE.OLD=NEW for a column of TABLE (its new name), e.g. --rename trends.score=rank", f)
		}
		var r retort.Rename
		switch len(parts) {
		case 1:
			r = retort.Rename{Table: parts[0], To: to}
		case 2:
			r = retort.Rename{Table: parts[0], Column: parts[1], To: to}
		case 3:
			r = retort.Rename{Schema: parts[0], Table: parts[1], Column: parts[2], To: to}
		}
		if prev, dup := seen[lhs]; dup {
			return nil, usageErrorf("--rename %q: %s is already renamed by --rename %q", f, lhs, prev)
		}
		seen[lhs] = f
		out = append(out, r)
	}
	return out, nil
}

// askRenames asks, when stdin is a terminal, about each likely rename of c
// ("Did you rename trends.score to trends.points? [y/N]") and returns the
// --rename flags of those answered yes. Without a terminal it asks nothing:
// the revision keeps the drop and the add under a review note.
func (a *app) askRenames(c *retort.Comparison) []string {
	if !a.io.InIsTTY || len(c.Likely) == 0 {
		return nil
	}
	in := bufio.NewReader(a.io.In)
	var flags []string
	for _, l := range c.Likely {
		fmt.Fprintf(a.io.Err, "Did you rename %s to %s? [y/N] ", l.Old, l.New)
		line, _ := in.ReadString('\n')
		if ans := strings.ToLower(strings.TrimSpace(line)); ans == "y" || ans == "yes" {
			r := l.Rename
			f := r.Table
			if r.Schema != "" {
				f = r.Schema + "." + f
			}
			if r.Column != "" {
				f += "." + r.Column
			}
			flags = append(flags, f+"="+r.To)
		}
	}
	return flags
}

// baseline runs the façade's Baseline with retort.toml's filters: the
// sections that create the database's current schema from nothing. A
// database already at a revision is a usage error (exit 2).
func (a *app) baseline(ctx context.Context) (*retort.Comparison, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	rep := a.newReporter()
	defer rep.done()
	s, err := a.openMigrator(ctx, false, rep)
	if err != nil {
		return nil, err
	}
	defer s.close()
	c, err := s.m.Baseline(ctx, schema.Filter{Include: cfg.Include, Exclude: cfg.Exclude})
	if errors.Is(err, retort.ErrAlreadyVersioned) {
		return nil, usageErrorf("--baseline: %w", err)
	}
	return c, err
}
