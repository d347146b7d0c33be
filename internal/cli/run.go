// Package cli is retort's command line: one cobra command per verb (one file
// each, with an options struct), text for people on stdout, log lines and
// errors on stderr, --json for machines, and typed exit codes.
//
// It holds no migration logic. It imports the façade (package retort) for
// everything that touches a database, internal/config, internal/script and
// internal/revision to read a project, internal/migrate for the errors it
// explains, internal/templates for init and internal/term for the terminal;
// internal/archtest also allows the dialect packages, diff, models, autogen
// and schema. It must not import internal/versiontable (bookkeeping goes
// through the façade), the public cli package, which wraps it, or cmd/….
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
	"runtime/debug"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/term"
)

// Exit codes. 3-6 are status's findings (docs/commands.md), worst first
// when several apply: a failed step, unknown rows, edited files, pending
// revisions (the last only with status --exit-code).
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the command failed; a FAILED line says why
	ExitUsage   = 2 // the command line was wrong (unknown flag, missing argument, blank target)

	ExitPending = 3 // status --exit-code: revisions are waiting to be applied
	ExitEdited  = 4 // status: applied revision files changed since they ran
	ExitUnknown = 5 // status: version rows name revisions no file defines
	ExitPartial = 6 // status: a step failed part-way and waits for `retort resolve`

	// ExitInterrupted (130) is declared with the interrupt handling.
)

// Options configure a run from code; the public cli package builds them from
// its functional options. The zero value behaves like the retort binary.
type Options struct {
	// ConfigPath is the retort.toml to read when -c is not given.
	ConfigPath string
	// URL is the database URL when --url is not given; it wins over
	// RETORT_DATABASE_URL and the file.
	URL string
	// DB is an open database handle to use instead of a URL; Dialect names
	// its dialect ("postgres", "mysql", "sqlite"). The handle is not closed.
	DB      *sql.DB
	Dialect string
	// GoMigrations join the revision graph next to the SQL files.
	GoMigrations []retort.GoMigration
	// FS holds the revision files instead of the operating system's files:
	// its root is the script location (version locations are looked up
	// relative to it). Commands that write files still use the OS.
	FS fs.FS
	// Version is printed by --version (default: the module's build version).
	Version string
	// Getenv reads the environment (default os.LookupEnv).
	Getenv func(string) (string, bool)
	// IO holds the standard streams (default term.System()).
	IO *term.IOStreams
}

// PlainStreams returns streams over in, out and errOut that are not
// terminals: no colour, no progress line.
func PlainStreams(in io.Reader, out, errOut io.Writer) *term.IOStreams {
	return &term.IOStreams{In: in, Out: out, Err: errOut}
}

// Run executes the command line args (without the program name) and returns
// the exit code. Panics are recovered and reported as a FAILED line: no stack
// trace reaches the user.
func Run(ctx context.Context, args []string, o Options) (code int) {
	if o.IO == nil {
		o.IO = term.System()
	}
	if o.Getenv == nil {
		o.Getenv = os.LookupEnv
	}
	a := newApp(o)
	defer func() {
		if p := recover(); p != nil {
			// Plain text: whatever panicked may panic again.
			fmt.Fprintf(o.IO.Err, "FAILED: internal error: %s; please report this with the command you ran\n",
				a.redact(fmt.Sprint(p)))
			code = ExitFailure
		}
	}()
	root := a.rootCommand()
	root.SetArgs(fixNegativeArgs(root, args))
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	var ue *usageError
	if errors.As(err, &ue) || !a.ran {
		if !a.ran && wantsJSON(args) {
			// The command line was refused before the command ran: a
			// machine reading stdout still gets one JSON document.
			b, _ := json.MarshalIndent(struct {
				Error string `json:"error"`
			}{a.redact(err.Error())}, "", "  ")
			fmt.Fprintf(a.io.Out, "%s\n", b)
		}
		a.printError(err)
		path := root.Name()
		if cmd != nil {
			path = cmd.CommandPath()
		}
		fmt.Fprintf(a.io.Err, "Run '%s --help' for usage.\n", path)
		return ExitUsage
	}
	var se *silentError
	if errors.As(err, &se) {
		return se.code
	}
	var ie *interruptError
	if errors.As(err, &ie) || ctx.Err() != nil {
		a.printInterrupt(err)
		return ExitInterrupted
	}
	a.printError(err)
	return ExitFailure
}

// usageError marks a wrong command line (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// silentError ends a command with an exit code after it printed its own
// explanation.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// printError writes "FAILED: <message>" to stderr with any password redacted.
func (a *app) printError(err error) {
	msg := a.redact(err.Error())
	fmt.Fprintln(a.io.Err, a.errColors().Red("FAILED:"), msg)
}

// redact removes passwords from text: whatever stands where a password
// stands (config.Redact), and the passwords of the URLs in use wherever they
// appear. The output streams do the same; this is for text that is data on
// stdout (a JSON field naming the database).
func (a *app) redact(s string) string { return a.secrets.Redact(s) }

// version is what --version prints.
func (o Options) version() string {
	if o.Version != "" {
		return o.Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// cmdError is a failure whose message is meant for the user as it stands,
// often Alembic's own wording (capitalised, with punctuation).
type cmdError struct{ msg string }

func (e *cmdError) Error() string { return e.msg }

// failf builds a cmdError.
func failf(format string, args ...any) error {
	return &cmdError{msg: fmt.Sprintf(format, args...)}
}

// wantsJSON reports whether the command line asks for --json (before "--").
func wantsJSON(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "--json", "--json=true":
			return true
		}
	}
	return false
}
