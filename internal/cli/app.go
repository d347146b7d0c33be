package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/term"
)

// app is the state of one Run: streams, global flags, and what they load.
type app struct {
	opts   Options
	io     *term.IOStreams
	getenv func(string) (string, bool)

	// global flags
	configPath string
	url        string
	x          []string
	quiet      bool
	noColor    bool

	ran     bool             // a command's RunE started (errors before it are usage errors)
	secrets *config.Redactor // the passwords of every URL in use, kept out of all output

	cfg *config.Config // loaded on first use
}

// newApp wraps the output streams so that nothing written reaches the user
// with a password in it: stderr (messages, log lines) is redacted by shape
// and of every known password; stdout carries data (--sql scripts, JSON,
// revision text) that masking by shape could change, so only the known
// passwords are removed from it.
func newApp(o Options) *app {
	a := &app{opts: o, getenv: o.Getenv, secrets: config.NewRedactor()}
	io := *o.IO
	io.Out = a.secrets.ScrubWriter(o.IO.Out)
	io.Err = a.secrets.RedactWriter(o.IO.Err)
	a.io = &io
	return a
}

// color reports whether output may be coloured: a terminal, no --no-color,
// no NO_COLOR.
func (a *app) color() bool {
	if a.noColor {
		return false
	}
	if v, ok := a.getenv("NO_COLOR"); ok && v != "" {
		return false
	}
	return a.io.ColorEnabled
}

// colors returns the colour helpers for stdout, disabled unless color()
// allows.
func (a *app) colors() term.Colors {
	if !a.color() {
		return (&term.IOStreams{}).Colors()
	}
	return a.io.Colors()
}

// errColors returns the colour helpers for stderr: colour also needs stderr
// to be a terminal.
func (a *app) errColors() term.Colors {
	if !a.io.ErrIsTTY {
		return (&term.IOStreams{}).Colors()
	}
	return a.colors()
}

// runE wraps a command body: it marks that flags and arguments were accepted
// (so later errors are failures, not usage errors).
func (a *app) runE(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		a.ran = true
		return fn(cmd, args)
	}
}

// config loads retort.toml once: -c, else Options.ConfigPath, else
// RETORT_CONFIG, else migrations/retort.toml or retort.toml.
func (a *app) config() (*config.Config, error) {
	if a.cfg != nil {
		return a.cfg, nil
	}
	explicit := a.configPath
	if explicit == "" {
		explicit = a.opts.ConfigPath
	}
	if explicit == "" {
		if v, ok := a.getenv("RETORT_CONFIG"); ok {
			explicit = v
		}
	}
	path, err := config.Find(explicit)
	if err != nil {
		return nil, err
	}
	x, err := parseX(a.x)
	if err != nil {
		return nil, err
	}
	u := a.url
	if u == "" {
		u = a.opts.URL
	}
	env, _ := a.getenv(config.EnvURL)
	a.secrets.Add(u, a.opts.URL, env)
	cfg, err := config.Load(path, a.getenv, config.Overrides{URL: u, X: x})
	if err != nil {
		return nil, err
	}
	a.secrets.Add(cfg.URL, cfg.DevURL) // as expanded from ${VAR}s
	a.cfg = cfg
	return cfg, nil
}

// parseX turns repeated -x key=value into a map; a bare key means "".
func parseX(xs []string) (map[string]string, error) {
	if len(xs) == 0 {
		return nil, nil
	}
	m := make(map[string]string, len(xs))
	for _, kv := range xs {
		k, v, _ := strings.Cut(kv, "=")
		if k == "" {
			return nil, usageErrorf("-x %q: expected key=value", kv)
		}
		m[k] = v
	}
	return m, nil
}

// project is the configuration and revision graph a command works on.
type project struct {
	cfg   *config.Config
	graph *revision.Graph
}

// project loads the configuration and the revision graph (headers only).
func (a *app) project() (*project, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	var revs []*revision.Revision
	if a.opts.FS != nil {
		locs, err := fsLocations(cfg)
		if err != nil {
			return nil, err
		}
		set, err := script.Load(a.opts.FS, locs, cfg.RecursiveVersionLocations)
		if err != nil {
			return nil, err
		}
		revs = set.Revisions()
	} else {
		if err := checkLocations(cfg); err != nil {
			return nil, err
		}
		set, err := script.LoadOS(cfg.VersionLocations, cfg.RecursiveVersionLocations)
		if err != nil {
			return nil, err
		}
		revs = set.Revisions()
	}
	revs = append(revs, goRevisions(a.opts.GoMigrations)...)
	g, err := revision.New(revs)
	if err != nil {
		return nil, err
	}
	return &project{cfg: cfg, graph: g}, nil
}

// checkLocations fails with Alembic's advice when a version location is missing.
func checkLocations(cfg *config.Config) error {
	for _, dir := range cfg.VersionLocations {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			hint := "Please use the 'init' command to create a new scripts folder"
			if cfg.Path == "" {
				hint += ", or point -c/--config at your retort.toml"
			}
			return failf("Path doesn't exist: %s.  %s.", dir, hint)
		}
	}
	return nil
}

// goRevisions turns Go migrations into graph nodes.
func goRevisions(ms []retort.GoMigration) []*revision.Revision {
	revs := make([]*revision.Revision, 0, len(ms))
	for _, m := range ms {
		revs = append(revs, &revision.Revision{
			ID:           m.ID,
			Parents:      m.Parents,
			DependsOn:    m.DependsOn,
			BranchLabels: m.BranchLabels,
			Message:      m.Message,
			Doc:          m.Message,
		})
	}
	return revs
}

// fsLocations gives the version locations relative to the script location,
// which is the root of Options.FS.
func fsLocations(cfg *config.Config) ([]string, error) {
	locs := make([]string, 0, len(cfg.VersionLocations))
	for _, dir := range cfg.VersionLocations {
		rel, err := filepath.Rel(cfg.ScriptLocation, dir)
		if err != nil || !filepath.IsLocal(rel) && rel != "." {
			return nil, fmt.Errorf("version location %s is outside script_location %s; a file system given in code can only hold locations inside it", dir, cfg.ScriptLocation)
		}
		locs = append(locs, filepath.ToSlash(rel))
	}
	return locs, nil
}

// source is where the façade reads revision files: a file system, the
// locations in it, and the prefix that turns its paths into what users see.
func (a *app) source(cfg *config.Config) (fs.FS, []string, string, error) {
	if a.opts.FS != nil {
		locs, err := fsLocations(cfg)
		return a.opts.FS, locs, "", err
	}
	if err := checkLocations(cfg); err != nil {
		return nil, nil, "", err
	}
	if locs, err := fsLocations(cfg); err == nil {
		return os.DirFS(cfg.ScriptLocation), locs, cfg.ScriptLocation + string(filepath.Separator), nil
	}
	// Locations outside the script location: read from the volume root.
	vol := filepath.VolumeName(cfg.ScriptLocation) + string(filepath.Separator)
	locs := make([]string, 0, len(cfg.VersionLocations))
	for _, dir := range cfg.VersionLocations {
		rel, err := filepath.Rel(vol, dir)
		if err != nil {
			return nil, nil, "", err
		}
		locs = append(locs, filepath.ToSlash(rel))
	}
	return os.DirFS(vol), locs, vol, nil
}

// session is an opened Migrator and what to say about its database.
type session struct {
	m       *retort.Migrator
	display string // the database as messages may show it (password redacted)
	dialect string
	close   func()
}

// openMigrator opens the database (unless offline) and the façade over the
// revision files. Offline sessions (--sql) need only the dialect.
func (a *app) openMigrator(ctx context.Context, offline bool, rep *reporter, extra ...retort.Option) (*session, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	s := &session{close: func() {}}
	db := a.opts.DB
	switch {
	case db != nil:
		s.dialect = a.opts.Dialect
		s.display = s.dialect + " database given in code"
		if offline {
			db = nil
		}
	default:
		if cfg.URL == "" {
			where := "retort.toml"
			if cfg.Path != "" {
				where = cfg.Path
			}
			return nil, fmt.Errorf("no database URL: set url in %s, RETORT_DATABASE_URL, or pass --url", where)
		}
		dsn, err := config.ParseURL(cfg.URL)
		if err != nil {
			return nil, err
		}
		s.dialect, s.display = dsn.Dialect, dsn.Redacted
		if !offline {
			db, err = openDB(dsn.DriverName, dsn.DataSource, a.io.Err)
			if err != nil {
				return nil, fmt.Errorf("open %s: %w", dsn.Redacted, err)
			}
			if err := db.PingContext(ctx); err != nil {
				db.Close()
				return nil, fmt.Errorf("cannot connect to %s: %w; check the URL and that the server is running", dsn.Redacted, err)
			}
			s.close = func() { db.Close() }
		}
	}
	fsys, locs, prefix, err := a.source(cfg)
	if err != nil {
		s.close()
		return nil, err
	}
	opts := []retort.Option{
		retort.WithLockTimeout(cfg.LockTimeout),
		retort.WithVersionLocations(locs...),
		retort.WithRecursiveVersionLocations(cfg.RecursiveVersionLocations),
		retort.WithVersionTable(cfg.VersionTable, cfg.VersionTableSchema),
		retort.WithHistoryTable(cfg.HistoryTable),
		retort.WithTransactionPerMigration(cfg.TransactionPerMigration),
		retort.WithPathPrefix(prefix),
	}
	if s.dialect != "" {
		opts = append(opts, retort.WithDialect(s.dialect))
	}
	if len(a.opts.GoMigrations) > 0 {
		opts = append(opts, retort.WithGoMigrations(a.opts.GoMigrations...))
	}
	if rep != nil {
		opts = append(opts, retort.WithEvents(rep.event))
	}
	opts = append(opts, extra...)
	if a.opts.FS == nil {
		// Straight from the OS: absolute paths in messages, faster loading.
		fsys = nil
		opts = append(opts, retort.WithVersionDirs(cfg.VersionLocations...))
	}
	m, err := retort.Open(ctx, db, fsys, opts...)
	if err != nil {
		s.close()
		return nil, err
	}
	dbClose := s.close
	s.m = m
	s.close = func() {
		m.Close()
		dbClose()
	}
	return s, nil
}
