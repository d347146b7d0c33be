package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
)

type statusOptions struct {
	json     bool
	exitCode bool
	fleet    fleetFlags
}

func (a *app) statusCommand() *cobra.Command {
	o := &statusOptions{}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the database's state: current rows, pending revisions, anything odd",
		Long: `Show the database's version rows, the revisions an 'upgrade heads' would
run, and anything that needs attention: rows naming revisions no file
defines, applied revision files edited since they ran, and a step that failed
part-way (MySQL/MariaDB) waiting for 'retort resolve'. Changes nothing.

Exit status, for CI (the worst finding wins):
  0  up to date, or only pending revisions (without --exit-code)
  1  status could not be read (a FAILED line says why)
  3  revisions are pending (only with --exit-code)
  4  an applied revision file was edited since it ran (see 'retort rehash')
  5  a version row names a revision no file defines
  6  a revision failed part-way and waits for 'retort resolve'
Across a fleet (--all, --target, --tenants): 1 when a target's status could
not be read or a target was not started, else the worst of the targets'
codes above; the table says which target has what.` + fleetHelp,
		Example: `  retort status
  retort status --json
  retort status --exit-code || echo "not up to date"
  retort status --all --exit-code --json`,
		Annotations: readsOnly(),
		Args:        noArgs,
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			if sel, isFleet, err := o.fleet.selector(cmd); err != nil || isFleet {
				if err != nil {
					return err
				}
				return a.statusFleet(cmd.Context(), o, sel)
			}
			return a.dbStatus(cmd.Context(), o)
		}),
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (see docs/commands.md)")
	cmd.Flags().BoolVar(&o.exitCode, "exit-code", false, "exit 3 when revisions are pending, not only on problems")
	o.fleet.register(cmd)
	return cmd
}

// statusExit is the exit code for a status: the worst finding.
func statusExit(st *retort.Status, pendingFails bool) int {
	switch {
	case st.Failed != nil:
		return ExitPartial
	case len(st.Unknown) > 0:
		return ExitUnknown
	case len(st.Edited) > 0:
		return ExitEdited
	case len(st.Pending) > 0 && pendingFails:
		return ExitPending
	}
	return ExitOK
}

type editedJSON struct {
	Revision        string `json:"revision"`
	Path            string `json:"path"`
	AppliedChecksum string `json:"applied_checksum"`
	CurrentChecksum string `json:"current_checksum"`
}

type failedJSON struct {
	Revision  string    `json:"revision"`
	Direction string    `json:"direction"`
	Path      string    `json:"path"`
	Line      int       `json:"line"`
	Executed  int       `json:"executed"`
	Total     int       `json:"total"`
	Statement string    `json:"statement"`
	Error     string    `json:"error"`
	StartedAt time.Time `json:"started_at"`
}

type statusJSON struct {
	Database string       `json:"database"`
	Current  []string     `json:"current"`
	Pending  []string     `json:"pending"`
	Unknown  []string     `json:"unknown"`
	Edited   []editedJSON `json:"edited"`
	Failed   *failedJSON  `json:"failed"`
	UpToDate bool         `json:"up_to_date"`
}

func (a *app) dbStatus(ctx context.Context, o *statusOptions) error {
	s, err := a.openMigrator(ctx, false, nil)
	if err != nil {
		return err
	}
	defer s.close()
	st, err := s.m.Status(ctx)
	if err != nil {
		return err
	}
	upToDate := isUpToDate(st)
	if o.json {
		if err := writeJSON(a.io.Out, a.statusToJSON(s.display, st)); err != nil {
			return err
		}
	} else {
		a.printStatus(s.m, s.display, st, upToDate)
	}
	// The report above says what is wrong: the code only gates.
	if code := statusExit(st, o.exitCode); code != ExitOK {
		return &silentError{code: code}
	}
	return nil
}

func isUpToDate(st *retort.Status) bool {
	return len(st.Pending) == 0 && len(st.Unknown) == 0 && len(st.Edited) == 0 && st.Failed == nil
}

// statusToJSON is status's --json object for the database display names.
func (a *app) statusToJSON(display string, st *retort.Status) statusJSON {
	out := statusJSON{
		Database: a.redact(display),
		Current:  nonNil(st.Current),
		Pending:  nonNil(st.Pending),
		Unknown:  nonNil(st.Unknown),
		Edited:   []editedJSON{},
		UpToDate: isUpToDate(st),
	}
	for _, e := range st.Edited {
		out.Edited = append(out.Edited, editedJSON{e.Revision, e.Path, e.Applied, e.Now})
	}
	if f := st.Failed; f != nil {
		out.Failed = &failedJSON{f.Revision, f.Direction, f.Path, f.Line, f.Executed, f.Total, f.Statement, config.Redact(f.Error), f.StartedAt}
	}
	return out
}

func (a *app) printStatus(m *retort.Migrator, display string, st *retort.Status, upToDate bool) {
	w := a.io.Out
	c := a.colors()
	fmt.Fprintf(w, "Database: %s\n", a.redact(display))
	if len(st.Current) == 0 {
		fmt.Fprintln(w, "Current:  <base> (no version rows)")
	} else {
		fmt.Fprintln(w, "Current:")
		for _, row := range st.Current {
			if line, ok := m.CurrentLine(row); ok {
				fmt.Fprintf(w, "  %s\n", line)
			} else {
				fmt.Fprintf(w, "  %s %s\n", row, c.Red("(unknown: no revision file defines it)"))
			}
		}
	}
	switch {
	case len(st.Unknown) > 0:
		fmt.Fprintln(w, "Pending:  unknown until the version table names known revisions")
	case len(st.Pending) == 0:
		fmt.Fprintln(w, "Pending:  none")
	default:
		fmt.Fprintf(w, "Pending:  %d revision%s to reach heads ('retort upgrade heads'):\n", len(st.Pending), plural(len(st.Pending)))
		for _, id := range st.Pending {
			msg := ""
			if rs, err := m.Revision(id); err == nil && len(rs) == 1 && rs[0].Message != "" {
				msg = ", " + rs[0].Message
			}
			fmt.Fprintf(w, "  %s%s\n", id, msg)
		}
	}
	if len(st.Unknown) > 0 {
		fmt.Fprintf(w, "%s rows naming revisions no file defines: %s\n", c.Red("Unknown:"), strings.Join(st.Unknown, ", "))
		fmt.Fprintln(w, "  Restore the missing files, or if the schema is at a known revision: retort stamp --purge <revision>")
	}
	if len(st.Edited) > 0 {
		fmt.Fprintf(w, "%s applied revision files changed since they ran:\n", c.Yellow("Edited:"))
		for _, e := range st.Edited {
			fmt.Fprintf(w, "  %s  %s  (checksum %s when applied, %s now)\n", e.Revision, e.Path, shortSum(e.Applied), shortSum(e.Now))
		}
		fmt.Fprintln(w, "  Restore the files, or if the edits are intended: retort rehash")
	}
	if f := st.Failed; f != nil {
		where := f.Path
		if f.Line > 0 {
			where = fmt.Sprintf("%s:%d", f.Path, f.Line)
		}
		what := "was interrupted"
		if f.Error != "" {
			what = "failed: " + oneLine(config.Redact(f.Error))
		}
		fmt.Fprintf(w, "%s the %s of %s stopped after %d of %d statements at %s and %s\n",
			c.Red("Failed:"), f.Direction, f.Revision, f.Executed, f.Total, where, what)
		fmt.Fprintf(w, "  Finish or undo its statements by hand, then: retort resolve %s --applied (or --rolled-back)\n", f.Revision)
	}
	if upToDate {
		fmt.Fprintln(w, c.Green("Up to date."))
	}
}

func shortSum(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}
