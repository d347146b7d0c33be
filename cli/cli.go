// Package cli runs retort's command line from a program of your own: the
// role Alembic's env.py plays. A migrations/main.go that calls
//
//	cli.Main(cli.WithURL(settings.DatabaseURL), cli.WithGoMigrations(backfill))
//
// makes `go run ./migrations upgrade head` behave exactly like the retort
// binary, every command and flag included, with the connection taken from
// the application's own settings and Go revisions joined to the graph.
//
// It imports the façade (package retort, whose types its options carry) and
// internal/cli (the commands it runs); internal/term is allowed too. It must
// not import anything else of retort's: it is a thin public wrapper.
package cli

import (
	"context"
	"database/sql"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"github.com/retortdb/retort"
	icli "github.com/retortdb/retort/internal/cli"
)

// Option configures Main and Run.
type Option func(*icli.Options)

// WithURL sets the database URL. The --url flag still wins; the URL wins
// over RETORT_DATABASE_URL and retort.toml. An empty url changes nothing.
// A relative SQLite path in it is relative to the working directory, as the
// application that gave it reads it.
func WithURL(url string) Option {
	return func(o *icli.Options) { o.URL = url }
}

// WithDB runs against an open database handle instead of a URL. dialect is
// "postgres", "mysql" or "sqlite". The handle is not closed.
func WithDB(db *sql.DB, dialect string) Option {
	return func(o *icli.Options) { o.DB, o.Dialect = db, dialect }
}

// WithGoMigrations adds Go revisions (for data migrations) to the graph of
// SQL revision files.
func WithGoMigrations(ms ...retort.GoMigration) Option {
	return func(o *icli.Options) { o.GoMigrations = append(o.GoMigrations, ms...) }
}

// WithFS reads revision files from fsys (an embed.FS, say) instead of the
// disk. Its root is the script location: with the default layout it holds
// versions/. Commands that write files (revision, merge) still write to the
// disk locations of retort.toml.
func WithFS(fsys fs.FS) Option {
	return func(o *icli.Options) { o.FS = fsys }
}

// WithConfig names the retort.toml to read when -c/--config is not given.
func WithConfig(path string) Option {
	return func(o *icli.Options) { o.ConfigPath = path }
}

// WithStdio replaces the process's standard streams (for tests, or to
// capture output); they are treated as not being terminals.
func WithStdio(in io.Reader, out, errOut io.Writer) Option {
	return func(o *icli.Options) { o.IO = icli.PlainStreams(in, out, errOut) }
}

// WithVersion sets what --version prints.
func WithVersion(v string) Option {
	return func(o *icli.Options) { o.Version = v }
}

// Main runs the command line in os.Args and exits with its status: 0 on
// success, 1 when the command failed, 2 for a wrong command line, 3-6 for
// what `status` finds (docs/commands.md). An
// interrupt (Ctrl-C) or SIGTERM cancels the run, which rolls back what it
// can, releases the migration lock, says what the database holds and exits
// with 130.
func Main(opts ...Option) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], opts...)
	stop()
	os.Exit(code)
}

// Run runs the command line args (without the program name) and returns the
// exit status instead of exiting.
func Run(ctx context.Context, args []string, opts ...Option) int {
	var o icli.Options
	for _, opt := range opts {
		opt(&o)
	}
	return icli.Run(ctx, args, o)
}
