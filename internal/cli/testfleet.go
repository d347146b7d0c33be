package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/fleet"
	"github.com/retortdb/retort/internal/term"
)

// testFleetHelp is appended to test --help.
const testFleetHelp = `

Fleets (docs/fleets.md, docs/testing.md): test never touches a target's
data, so --all (or --target NAME, --tenants GLOB, --shard I/N) tests once
per distinct server of the selected [fleet] targets, not once per tenant:
PostgreSQL and MySQL/MariaDB targets are grouped by the server's address
and user (their scratch databases are created on that server, beside the
tenants' databases, and dropped; a schemas fleet is one server), SQLite
targets by nothing (one run in memory). Up to -j servers are tested at
once; --fail-fast starts no further server after one fails. The summary
table (SERVER, TARGETS, RESULT, DURATION) says which targets each server
covers; --json prints one document. dev_url is not used: each server is
tested for itself. Exit status across a fleet: 0 every server passed; 7 a
check failed on a server (none failed to run); 1 a server could not be
tested (no connection, no right to create a database); 2 a wrong command
line; 130 interrupted.`

// testFleet runs retort test once per distinct server of the selected
// fleet targets.
func (a *app) testFleet(ctx context.Context, o *testOptions, rng string, sel fleet.Selector) error {
	if o.dialect != "" {
		return usageErrorf("--dialect names the database kind when no url is configured; across a fleet each target's URL says it: drop --dialect")
	}
	to, err := a.testOptions(o, rng)
	if err != nil {
		return err
	}
	cfg, targets, dsns, err := a.selectFleet(ctx, sel)
	if err != nil {
		return err
	}
	tts := make([]retort.TestTarget, len(targets))
	for i, t := range targets {
		tts[i] = retort.TestTarget{Name: t.Name, Dialect: dsns[i].Dialect, DriverName: dsns[i].DriverName, DataSource: dsns[i].DataSource}
	}
	servers, err := retort.TestServers(tts)
	if err != nil {
		return err
	}
	fsys, opts, err := a.testSource(cfg, &to, a.noCache)
	if err != nil {
		return err
	}
	rep := &testFleetReporter{a: a}
	if !a.quiet && a.io.ErrIsTTY && len(servers) > 0 {
		rep.progress = a.io.NewCountProgress(len(servers), "server")
	}
	if !a.quiet {
		rep.line("%s [retort] Testing %d target%s on %d server%s (once per server)", a.errColors().Dim("INFO "),
			len(targets), plural(len(targets)), len(servers), plural(len(servers)))
	}
	res, err := retort.TestFleet(ctx, fsys, servers, to,
		retort.FleetTestOptions{Parallelism: o.fleet.parallelism(cfg), FailFast: o.fleet.failFast, Events: rep.event}, opts...)
	rep.done()
	if err != nil {
		if errors.Is(err, retort.ErrTestInput) {
			return failf("%s", testInputMessage(err))
		}
		return err
	}
	if ctx.Err() != nil {
		msg := "stopped before it finished; no target's database was touched"
		if len(rep.scratch) > 0 {
			msg += "; scratch database(s) " + strings.Join(rep.scratch, ", ") + " dropped"
		}
		for _, s := range res.Servers {
			if s.Err != nil && strings.Contains(s.Err.Error(), "drop it by hand") {
				msg = "stopped before it finished, and a scratch database could not be dropped: " + s.Err.Error()
			}
		}
		return &interruptError{msg: msg, err: ctx.Err()}
	}
	if o.json {
		if err := writeJSON(a.io.Out, a.testFleetJSON(rng, res)); err != nil {
			return err
		}
	} else {
		rows := make([][]string, len(res.Servers))
		for i := range res.Servers {
			s := &res.Servers[i]
			dur := "-"
			if s.Started {
				dur = formatDuration(s.Duration)
			}
			rows[i] = []string{s.Name, targetsCell(s.Targets), a.serverResult(s), dur}
		}
		a.printFleetTable([]string{"SERVER", "TARGETS", "RESULT", "DURATION"}, rows)
		for i := range res.Servers {
			s := &res.Servers[i]
			if s.Report == nil {
				continue
			}
			for _, n := range s.Report.Notes {
				fmt.Fprintf(a.io.Err, "note: %s: %s\n", s.Name, n)
			}
			for _, f := range s.Report.Failures {
				fmt.Fprintln(a.io.Err, a.errColors().Red("FAILED:"), s.Name+": "+a.redact(f.String()))
			}
		}
	}
	return a.testFleetEnd(res, o.json)
}

// testFleetEnd prints the closing line and returns the exit: 1 when a
// server could not be tested, else 7 when a check failed, else nil.
func (a *app) testFleetEnd(res *retort.FleetTestResult, asJSON bool) error {
	var broken, failed, skipped []string
	targets := 0
	for i := range res.Servers {
		s := &res.Servers[i]
		targets += len(s.Targets)
		switch {
		case !s.Started:
			skipped = append(skipped, s.Name)
		case s.Err != nil:
			broken = append(broken, s.Name)
		case !s.Report.Passed():
			failed = append(failed, s.Name)
		}
	}
	n := len(res.Servers)
	if len(broken)+len(failed)+len(skipped) == 0 {
		if !asJSON {
			a.status("All %d server%s passed (%d target%s).", n, plural(n), targets, plural(targets))
		}
		return nil
	}
	var parts []string
	if len(failed) > 0 {
		parts = append(parts, fmt.Sprintf("a check failed on %d of %d servers (%s)", len(failed), n, strings.Join(failed, ", ")))
	}
	if len(broken) > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d servers could not be tested (%s)", len(broken), n, strings.Join(broken, ", ")))
	}
	if len(skipped) > 0 {
		parts = append(parts, fmt.Sprintf("%d not started (%s)", len(skipped), strings.Join(skipped, ", ")))
	}
	if !asJSON {
		fmt.Fprintln(a.io.Err, a.errColors().Red("FAILED:"), strings.Join(parts, "; "))
	}
	if len(broken) > 0 {
		return &silentError{code: ExitFailure}
	}
	return &silentError{code: ExitTestFailed}
}

// targetsCell lists a server's targets, a few by name.
func targetsCell(names []string) string {
	const show = 3
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s, … (%d)", strings.Join(names[:show], ", "), len(names))
}

// serverResult says in a few words what a server's test found.
func (a *app) serverResult(s *retort.ServerTestResult) string {
	switch {
	case !s.Started:
		return "not started"
	case s.Err != nil:
		return "COULD NOT RUN: " + oneLine(a.redact(s.Err.Error()))
	case !s.Report.Passed():
		return "FAILED: " + failedChecks(s.Report)
	}
	n := len(s.Report.Revisions)
	return fmt.Sprintf("passed (%d revision%s)", n, plural(n))
}

// failedChecks counts a report's failures and names their revisions.
func failedChecks(rep *retort.TestReport) string {
	var revs []string
	for _, f := range rep.Failures {
		if f.Revision != "" && !slices.Contains(revs, f.Revision) {
			revs = append(revs, f.Revision)
		}
	}
	n := len(rep.Failures)
	out := fmt.Sprintf("%d failed check%s", n, plural(n))
	if len(revs) > 0 {
		out += " (" + strings.Join(revs, ", ") + ")"
	}
	return out
}

// testFleetReporter shows a fleet test: a progress line on a terminal, and
// off one a log line as each server ends; failures and scratch databases
// always (unless -q).
type testFleetReporter struct {
	a        *app
	progress *term.Progress
	scratch  []string // every scratch database created, for an interrupt's message
}

func (r *testFleetReporter) event(e retort.FleetTestEvent) {
	a := r.a
	switch e.Kind {
	case retort.FleetTargetStart:
		if r.progress != nil {
			r.progress.Step(e.Started, fmt.Sprintf("%d done, %d failed; testing on %s", e.Done, e.Failed, e.Server))
		}
	case retort.FleetTargetEvent:
		if e.Test.Scratch != "" {
			r.scratch = append(r.scratch, e.Test.Scratch)
			if !a.quiet {
				r.line("%s [retort] %s: testing on scratch database %s (dropped afterwards)", a.errColors().Dim("INFO "), e.Server, e.Test.Scratch)
			}
		}
	case retort.FleetTargetDone:
		s := e.Result
		switch {
		case s.Err != nil:
			r.line("%s %s: %s", a.errColors().Red("FAILED"), s.Name, oneLine(a.redact(s.Err.Error())))
		case !s.Passed():
			r.line("%s %s: %s", a.errColors().Red("FAILED"), s.Name, failedChecks(s.Report))
		case !a.quiet && r.progress == nil:
			r.line("%s [retort] %s: %s (%s)", a.errColors().Dim("INFO "), s.Name, a.serverResult(s), formatDuration(s.Duration))
		}
		if r.progress != nil {
			r.progress.Step(e.Started, fmt.Sprintf("%d done, %d failed", e.Done, e.Failed))
		}
	}
}

// line writes a log line on stderr, through the progress line if drawn.
func (r *testFleetReporter) line(format string, args ...any) {
	w := r.a.io.Err
	if r.progress != nil {
		w = r.progress.Writer(w)
	}
	fmt.Fprintf(w, format+"\n", args...)
}

func (r *testFleetReporter) done() {
	if r.progress != nil {
		r.progress.Done()
	}
}

// testFleetServerJSON is one server in test --all --json.
type testFleetServerJSON struct {
	Server     string    `json:"server"`
	Dialect    string    `json:"dialect"`
	Targets    []string  `json:"targets"`
	OK         bool      `json:"ok"`
	Started    bool      `json:"started"`
	Result     string    `json:"result"`
	Error      string    `json:"error"`
	DurationMS float64   `json:"duration_ms"`
	Report     *testJSON `json:"report"` // null when no check ran
}

// testFleetJSONDoc is what test --all --json prints.
type testFleetJSONDoc struct {
	Command    string                `json:"command"`
	Range      string                `json:"range"`
	OK         bool                  `json:"ok"`
	Total      int                   `json:"total"`
	Passed     int                   `json:"passed"`
	Failed     int                   `json:"failed"`
	Errors     int                   `json:"errors"`
	NotStarted int                   `json:"not_started"`
	Targets    int                   `json:"targets"`
	DurationMS float64               `json:"duration_ms"`
	Servers    []testFleetServerJSON `json:"servers"`
}

func (a *app) testFleetJSON(rng string, res *retort.FleetTestResult) testFleetJSONDoc {
	doc := testFleetJSONDoc{Command: "test", Range: rng, Total: len(res.Servers), DurationMS: ms(res.Duration), Servers: []testFleetServerJSON{}}
	for i := range res.Servers {
		s := &res.Servers[i]
		j := testFleetServerJSON{Server: s.Name, Dialect: s.Dialect, Targets: s.Targets, OK: s.Passed(), Started: s.Started,
			Result: a.serverResult(s), DurationMS: ms(s.Duration)}
		if s.Err != nil {
			j.Error = a.redact(s.Err.Error())
		}
		if s.Report != nil {
			tj := testReportJSON(s.Report)
			j.Report = &tj
		}
		doc.Targets += len(s.Targets)
		switch {
		case !s.Started:
			doc.NotStarted++
		case s.Err != nil:
			doc.Errors++
		case !s.Report.Passed():
			doc.Failed++
		default:
			doc.Passed++
		}
		doc.Servers = append(doc.Servers, j)
	}
	doc.OK = doc.Passed == doc.Total
	return doc
}
