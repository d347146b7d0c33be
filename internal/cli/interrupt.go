package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/migrate"
)

// ExitInterrupted is the exit code of a run stopped by Ctrl-C (SIGINT) or
// SIGTERM: 128 + SIGINT, as shells report it.
const ExitInterrupted = 130

// interruptError is a run stopped by a signal, with what the database
// holds now.
type interruptError struct {
	msg string
	err error
}

func (e *interruptError) Error() string { return e.msg }
func (e *interruptError) Unwrap() error { return e.err }

// interrupted explains a run that failed because its context was cancelled
// (Ctrl-C): what was rolled back, what stays committed (MySQL/MariaDB DDL,
// no-transaction sections) and where the version rows are, read afresh
// rather than assumed. res is what the façade returned (nil when no step
// had begun).
func (a *app) interrupted(ctx context.Context, s *session, err error, res *retort.Result) error {
	var pe *migrate.PartialError
	if errors.As(err, &pe) {
		c := *pe
		c.Interrupted, c.Err, c.SQL = true, nil, ""
		return &interruptError{msg: c.Error(), err: err}
	}
	if res == nil {
		return &interruptError{msg: "stopped before any revision ran; nothing was changed", err: err}
	}
	// The run's connection may be gone with the cancelled context: ask on
	// a fresh one, with a bound so that a second Ctrl-C is not needed.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	rows, rerr := s.m.Current(rctx)
	slices.Sort(rows)
	before := slices.Sorted(slices.Values(res.Before))
	switch {
	case rerr != nil:
		return &interruptError{msg: fmt.Sprintf("the step that was running was rolled back, %d step(s) committed before it stay applied; "+
			"the version rows could not be read afterwards (%v): run `retort status`", len(res.Steps), rerr), err: err}
	case len(res.Steps) == 0 && slices.Equal(rows, before):
		return &interruptError{msg: fmt.Sprintf("rolled back: the database is as it was before this run (at %s)", rowsText(rows)), err: err}
	default:
		return &interruptError{msg: fmt.Sprintf("rolled back the step that was running; the %d step(s) committed before it stay applied: the database is at %s",
			len(res.Steps), rowsText(rows)), err: err}
	}
}

// printInterrupt writes "INTERRUPTED: <message>" to stderr: what the
// database holds for a migration run, else what the command said.
func (a *app) printInterrupt(err error) {
	msg := "stopped before it finished; run `retort status` to see the database's state"
	var ie *interruptError
	if errors.As(err, &ie) {
		msg = ie.msg
	}
	fmt.Fprintln(a.io.Err, a.errColors().Red("INTERRUPTED:"), a.redact(msg))
}
