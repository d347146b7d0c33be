package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/term"
)

// reporter turns the façade's events into log lines on stderr, Alembic's
// way ("INFO  [retort] Running upgrade  -> 1975ea83b712, create account
// table (12 ms)"), and on a terminal a progress line while steps run.
type reporter struct {
	a        *app
	mu       sync.Mutex
	progress *term.Progress
	warned   map[string]bool
	// pending is set while a step's "Running …" line has been written
	// without its newline: off a terminal the line appears when the step
	// starts (as Alembic's does) and gets its duration when it ends.
	pending bool
}

func (a *app) newReporter() *reporter {
	return &reporter{a: a, warned: map[string]bool{}}
}

// w is where log lines go: stderr, through the progress line if one is drawn.
func (r *reporter) w() io.Writer {
	if r.progress != nil {
		return r.progress.Writer(r.a.io.Err)
	}
	return r.a.io.Err
}

func (r *reporter) event(e retort.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e.Kind {
	case retort.EventStepStart:
		if r.progress == nil && e.Total > 0 && !r.a.quiet && r.a.io.ErrIsTTY {
			r.progress = r.a.io.NewProgress(e.Total)
		}
		if r.progress != nil {
			r.progress.Step(e.Step, e.Text)
		} else if !r.a.quiet {
			r.endPending()
			level := r.a.errColors().Dim("INFO ")
			fmt.Fprintf(r.a.io.Err, "%s [retort] Running %s", level, r.a.redact(e.Text))
			r.pending = true
		}
	case retort.EventStepDone:
		if r.pending {
			fmt.Fprintf(r.a.io.Err, " (%s)\n", formatDuration(e.Duration))
			r.pending = false
			return
		}
		r.info("Running %s (%s)", e.Text, formatDuration(e.Duration))
	case retort.EventWarning:
		r.warn(e.Text)
	case retort.EventLockWait:
		r.info("%s", capitalize(e.Text))
	case retort.EventLockAcquired:
		// Said only when it was waited for: the wait line already told.
	case retort.EventInfo:
		r.info("%s", e.Text)
	}
}

// info writes an INFO log line unless -q.
func (r *reporter) info(format string, args ...any) {
	if r.a.quiet {
		return
	}
	r.endPending()
	level := r.a.errColors().Dim("INFO ")
	fmt.Fprintf(r.w(), "%s [retort] %s\n", level, r.a.redact(fmt.Sprintf(format, args...)))
}

// warn writes a WARN log line once per text, even with -q.
func (r *reporter) warn(text string) {
	if r.warned[text] {
		return
	}
	r.warned[text] = true
	r.endPending()
	level := r.a.errColors().Yellow("WARN ")
	fmt.Fprintf(r.w(), "%s [retort] %s\n", level, r.a.redact(text))
}

// warnings prints a result's warnings that no event reported yet.
func (r *reporter) warnings(ws []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, w := range ws {
		r.warn(w)
	}
}

// done erases the progress line.
func (r *reporter) done() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.endPending()
	if r.progress != nil {
		r.progress.Done()
		r.progress = nil
	}
}

// endPending finishes a "Running …" line whose step did not report its end
// (it failed), so what follows starts on a line of its own.
func (r *reporter) endPending() {
	if r.pending {
		fmt.Fprintln(r.a.io.Err)
		r.pending = false
	}
}

// formatDuration renders a step's duration: "0.04 ms", "2.5 ms", "12 ms",
// "12.3 s".
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000)
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
	case d < 10*time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	default:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// oneLine folds a multi-line message onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
