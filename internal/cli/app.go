package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
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
	noCache    bool

	ran      bool             // a command's RunE started (errors before it are usage errors)
	readOnly bool             // the running command only reads the database
	secrets  *config.Redactor // the passwords of every URL in use, kept out of all output

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

// cacheDir is the directory of one of retort's caches (sub: "models",
// "headers") in the user's cache directory, or "" when caching is off:
// --no-cache, RETORT_NO_CACHE set to anything but "" or "0", or no cache
// directory (os.UserCacheDir: $XDG_CACHE_HOME, else ~/.cache on Linux).
func (a *app) cacheDir(sub string) string {
	if a.noCache {
		return ""
	}
	if v, ok := a.getenv(envNoCache); ok && v != "" && v != "0" {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "retort", sub)
}

// envNoCache turns every cache off, as --no-cache does.
const envNoCache = "RETORT_NO_CACHE"

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
		a.readOnly = cmd.Annotations[readOnlyAnnotation] == "true"
		if f := cmd.Flags().Lookup("json"); f == nil || f.Value.String() != "true" {
			return fn(cmd, args)
		}
		// --json: a machine reads stdout, so it gets JSON in every outcome.
		// A command that failed before printing its own object prints
		// {"error": …} (the FAILED line still goes to stderr).
		out := &countingWriter{w: a.io.Out}
		saved := a.io.Out
		a.io.Out = out
		defer func() { a.io.Out = saved }()
		err := fn(cmd, args)
		if err != nil && out.n == 0 {
			var se *silentError
			if !errors.As(err, &se) {
				b, _ := json.MarshalIndent(struct {
					Error string `json:"error"`
				}{a.redact(err.Error())}, "", "  ")
				fmt.Fprintf(saved, "%s\n", b)
			}
		}
		return err
	}
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// readOnlyAnnotation marks a command that only reads the database: it never
// creates a SQLite file that does not exist (see readsOnly).
const readOnlyAnnotation = "retort:read-only"

// readsOnly is the Annotations of a command that only reads the database.
func readsOnly() map[string]string { return map[string]string{readOnlyAnnotation: "true"} }

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
	if cfg.Fleet != nil {
		for _, t := range cfg.Fleet.Targets {
			a.secrets.Add(t.URL)
		}
	}
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

// project loads the configuration and the revision graph (headers only),
// the way the library does (script.LoadGraph), from the same files Open reads.
func (a *app) project() (*project, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	fsys, locs, err := a.source(cfg)
	if err != nil {
		return nil, err
	}
	src := script.Source{FS: fsys, Locations: locs, Recursive: cfg.RecursiveVersionLocations}
	if fsys == nil {
		src.Dirs, src.HeaderCache = cfg.VersionLocations, a.cacheDir("headers")
	}
	_, g, err := script.LoadGraph(src, goRevisions(a.opts.GoMigrations))
	var le *script.LoadError
	if errors.As(err, &le) {
		return nil, le.Err
	}
	if err != nil {
		return nil, err
	}
	return &project{cfg: cfg, graph: g}, nil
}

// loadGraph is the revision graph for a command that also opened a Migrator
// (which keeps its own graph private): the same files, loaded the same way.
func (a *app) loadGraph() (*revision.Graph, error) {
	p, err := a.project()
	if err != nil {
		return nil, err
	}
	return p.graph, nil
}

// checkLocations fails with Alembic's advice when a version location is missing.
func checkLocations(cfg *config.Config) error {
	for _, dir := range cfg.VersionLocations {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			if cfg.Path == "" {
				return noConfig(cfg, "without one, revisions are read from "+dir+", which does not exist")
			}
			return failf("Path doesn't exist: %s.  Please use the 'init' command to create a new scripts folder.", dir)
		}
	}
	return nil
}

// noConfig is the error of a command that needed what no retort.toml gave:
// it says first that there is none and where retort looked, then what that
// left missing.
func noConfig(cfg *config.Config, missing string) error {
	return failf("no config file: looked for %s in %s; run `retort init migrations` to create one, or pass -c PATH (%s)",
		strings.Join(config.Searched(), " and "), cfg.Dir, missing)
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

// source is where revision files are read: Options.FS and the locations
// in it, or (nil FS) straight from the OS, which loads faster and shows
// absolute paths.
func (a *app) source(cfg *config.Config) (fs.FS, []string, error) {
	if a.opts.FS != nil {
		locs, err := fsLocations(cfg)
		return a.opts.FS, locs, err
	}
	return nil, nil, checkLocations(cfg)
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
	return a.open(ctx, offline, true, rep, extra...)
}

// currentRows reads the database's version rows through a Migrator opened
// without revision files: commands that load the graph themselves for
// display (current, history -i, show current) then read the files once.
// It returns the database as messages may show it.
func (a *app) currentRows(ctx context.Context) (rows []string, display string, err error) {
	s, err := a.open(ctx, false, false, nil)
	if err != nil {
		return nil, "", err
	}
	defer s.close()
	rows, err = s.m.Current(ctx)
	return rows, s.display, err
}

// open is openMigrator; withFiles false opens the Migrator over no revision
// files (the locations are still checked), for reading version rows only.
func (a *app) open(ctx context.Context, offline, withFiles bool, rep *reporter, extra ...retort.Option) (*session, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	s := &session{close: func() {}}
	db := a.opts.DB
	var dsn *config.DSN
	switch {
	case db != nil:
		s.dialect = a.opts.Dialect
		s.display = s.dialect + " database given in code"
		if offline {
			db = nil
		}
	default:
		if cfg.URL == "" {
			if cfg.Path == "" {
				return nil, noConfig(cfg, "without one there is no database URL: pass --url or set RETORT_DATABASE_URL")
			}
			if cfg.Fleet != nil {
				return nil, failf("no database URL: %s has a [fleet] but no url; pass --all (or --target NAME, --tenants GLOB) to run across the fleet, or set url, RETORT_DATABASE_URL or --url for one database", cfg.Path)
			}
			return nil, fmt.Errorf("no database URL: set url in %s, RETORT_DATABASE_URL, or pass --url", cfg.Path)
		}
		if dsn, err = cfg.DSN(); err != nil {
			return nil, err
		}
		s.dialect, s.display = dsn.Dialect, dsn.Redacted
	}
	// The revision files before the database: without them (or without a
	// config file) the database is not worth opening.
	fsys, locs, err := a.source(cfg)
	if err != nil {
		return nil, err
	}
	if dsn != nil && !offline {
		if db, err = a.openDB(ctx, dsn); err != nil {
			return nil, err
		}
		s.close = func() { db.Close() }
	}
	var opts []retort.Option
	if s.dialect != "" {
		opts = append(opts, retort.WithDialect(s.dialect))
	}
	opts = append(opts, a.migratorOptions(cfg, rep, withFiles, fsys, locs)...)
	opts = append(opts, extra...)
	if !withFiles {
		fsys = nil
	}
	m, err := retort.Open(ctx, db, fsys, opts...)
	if err != nil {
		s.close()
		return nil, err
	}
	s.m = m
	return s, nil
}

// migratorOptions are the options of every Migrator a command opens: what
// retort.toml says, the events to report, and where the revision files are
// (none when withFiles is false).
func (a *app) migratorOptions(cfg *config.Config, rep *reporter, withFiles bool, fsys fs.FS, locs []string) []retort.Option {
	opts := []retort.Option{
		retort.WithLockTimeout(cfg.LockTimeout),
		retort.WithLockLease(cfg.LockLease),
		retort.WithNodeLocalDDL(cfg.AllowNodeLocalDDL),
		retort.WithRecursiveVersionLocations(cfg.RecursiveVersionLocations),
		retort.WithVersionTable(cfg.VersionTable, cfg.VersionTableSchema),
		retort.WithHistoryTable(cfg.HistoryTable),
		retort.WithTransactionPerMigration(cfg.TransactionPerMigration),
		retort.WithViewDefiner(cfg.ViewDefiner),
	}
	if len(a.opts.GoMigrations) > 0 && withFiles { // Go revisions may name files as parents
		opts = append(opts, retort.WithGoMigrations(a.opts.GoMigrations...))
	}
	if rep != nil {
		opts = append(opts, retort.WithEvents(rep.event))
	}
	switch {
	case !withFiles:
	case fsys != nil:
		opts = append(opts, retort.WithVersionLocations(locs...))
	default:
		opts = append(opts, retort.WithVersionDirs(cfg.VersionLocations...), retort.WithHeaderCache(a.cacheDir("headers")))
		if cfg.ScriptLocation != "" {
			// History rows and messages name files as versions/x.sql.
			opts = append(opts, retort.WithScriptLocation(cfg.ScriptLocation))
		}
	}
	return opts
}

// openDB opens and pings the database a URL names. A command that only
// reads never creates a SQLite file: a missing one is an error naming it.
func (a *app) openDB(ctx context.Context, dsn *config.DSN) (*sql.DB, error) {
	file := dsn.File()
	if file != "" && a.readOnly {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, a.missingDB(dsn)
		}
		dsn = dsn.NoCreate() // and should it vanish before the open, still create nothing
	}
	db, err := openDB(dsn, a.io.Err)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dsn.Redacted, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if file == "" {
			return nil, fmt.Errorf("cannot connect to %s: %w; %s", dsn.Redacted, err, connectAdvice(dsn.Dialect, err))
		}
		if _, serr := os.Stat(file); a.readOnly && errors.Is(serr, fs.ErrNotExist) {
			return nil, a.missingDB(dsn)
		}
		return nil, fmt.Errorf("cannot open SQLite database %s (%s): %w; %s", absPath(file), dsn.Redacted, err, sqliteHint(file))
	}
	return db, nil
}

// connectAdvice is what to fix after a server refused the first
// connection: the dialect's reading of its error, else the generic advice.
func connectAdvice(name string, err error) string {
	if d, lerr := registry.Lookup(name); lerr == nil {
		if c, ok := d.(dialect.ConnectAdvisor); ok {
			if advice, ok := c.ConnectAdvice(err); ok {
				return advice
			}
		}
	}
	return "check the URL and that the server is running"
}

// missingDB says that the SQLite file a read-only command was to read does
// not exist.
func (a *app) missingDB(dsn *config.DSN) error {
	where := ""
	if c := a.cfg; c != nil && c.URLDir != "" && c.Path != "" {
		if d, err := config.ParseURL(c.URL); err == nil && !filepath.IsAbs(d.File()) {
			where = fmt.Sprintf(" in %s, relative to its directory", c.Path)
		}
	}
	return failf("SQLite database %s does not exist (url %s%s); this command only reads a database and creates none: "+
		"check the url, or run `retort upgrade head` to create the database", absPath(dsn.File()), a.redact(dsn.Redacted), where)
}

// sqliteHint says what to check when a SQLite file cannot be opened.
func sqliteHint(file string) string {
	dir := filepath.Dir(absPath(file))
	if st, err := os.Stat(dir); err != nil {
		return fmt.Sprintf("the directory %s does not exist: create it, or correct the path in the URL", dir)
	} else if !st.IsDir() {
		return fmt.Sprintf("%s is not a directory: correct the path in the URL", dir)
	}
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		return fmt.Sprintf("%s is a directory, not a database file: correct the path in the URL", absPath(file))
	}
	return fmt.Sprintf("check the path, and that you may read and write %s and its directory %s", absPath(file), dir)
}

// absPath is p made absolute for a message (p itself if that fails).
func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
