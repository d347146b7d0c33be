package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/importer"
	"github.com/retortdb/retort/internal/importer/alembic"
	"github.com/retortdb/retort/internal/suggest"
)

type importOptions struct {
	dryRun     bool
	json       bool
	viaAlembic bool
	python     string
	dialect    string
	stateTable string
	verify     string
}

// importFormats are the formats `retort import` takes.
func importFormats() []string { return append([]string{"alembic"}, importer.Formats()...) }

func (a *app) importCommand() *cobra.Command {
	o := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FORMAT PATH",
		Short: "Turn another tool's migration history into retort revisions",
		Long: `Read another migration tool's history and write it into this project's
(empty) version folder as retort revision files, one linear history:

  alembic   PATH is the versions folder or alembic.ini; ids, parents, branch
            labels, depends_on and messages are kept, op.* calls become SQL
            for the database's dialect (--via-alembic: Alembic renders it)
  goose     VERSION_name.sql with -- +goose Up/Down, StatementBegin/End,
            NO TRANSACTION; Go migrations become blocks left for a person
  migrate   golang-migrate's VERSION_title.up.sql / .down.sql
  dbmate    VERSION_name.sql with -- migrate:up / -- migrate:down
  atlas     VERSION_name.sql checked against atlas.sum (no down sections)

Revision ids are the source versions (20230102150405_add_users.sql becomes
revision 20230102150405), so they stay recognisable. What cannot be
translated is quoted in the revision under "-- +retort manual"; upgrade and
downgrade refuse such a section until a person replaces the block with SQL.
Nothing is written unless the whole import checks out.

With --url, the database's state table of the source tool (goose_db_version,
schema_migrations, atlas_schema_revisions) is read and the matching revision
is stamped in retort's version table, so production is not re-baselined. A
dirty, half-applied, out-of-order or unknown state is refused and nothing is
written. The source table is left in place: the old tool keeps working
during the move. For alembic, retort reads the same alembic_version table:
the rows are checked against the import and nothing is stamped; where Python
Alembic is installed, --url (or --verify URL) also runs both histories on
scratch databases of that server and refuses an import whose schema differs.

See docs/importing.md.`,
		Example: `  retort import goose db/migrations
  retort import migrate ./migrations --url "$DATABASE_URL"
  retort import dbmate db/migrations --dry-run
  retort import alembic alembic.ini --dialect postgres`,
		Args:        exactArgs(2, "a format and a path, e.g. 'retort import goose db/migrations'"),
		Annotations: readsOnly(), // a SQLite --url must name an existing database
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return importFormats(), cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: a.runE(func(cmd *cobra.Command, args []string) error {
			return a.importRun(cmd.Context(), o, args[0], args[1])
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&o.dryRun, "dry-run", false, "print what would be written and stamped; write and stamp nothing")
	f.BoolVar(&o.json, "json", false, "print the import report as JSON (see docs/commands.md)")
	f.BoolVar(&o.viaAlembic, "via-alembic", false, "alembic: render each revision with Alembic's offline mode (needs Python and Alembic)")
	f.StringVar(&o.python, "python", "", "alembic --via-alembic or --verify: the Python interpreter (default python3)")
	f.StringVar(&o.stateTable, "state-table", "", "with --url: the source tool's state table, `[SCHEMA.]NAME`, when not the tool's default")
	f.StringVar(&o.dialect, "dialect", "", "alembic: the database the SQL is for (postgres, mysql, sqlite); default: the url's")
	f.StringVar(&o.verify, "verify", "", "alembic: check the import on two scratch databases of the server this `URL` reaches (a SQLite URL: temporary files): both histories upgraded to heads, compared, downgraded to base, compared; needs Python and Alembic")
	return cmd
}

// importReport is what import prints with --json.
type importReport struct {
	Format          string             `json:"format"`
	Source          string             `json:"source"`
	Folder          string             `json:"folder"`
	DryRun          bool               `json:"dry_run"`
	AlreadyImported bool               `json:"already_imported"`
	Revisions       []importRevision   `json:"revisions"`
	Translated      int                `json:"translated"`
	Manual          []importManualJSON `json:"manual"`
	Notes           []string           `json:"notes"`
	State           *importStateJSON   `json:"state"`
	// Verification is what --verify found (alembic), nil without it.
	Verification *alembicVerification `json:"verification,omitempty"`
}

type importRevision struct {
	ID            string `json:"id"`
	Path          string `json:"path"`
	Source        string `json:"source"`
	SourceVersion string `json:"source_version"`
	// Content is the file's text, on a dry run only.
	Content string `json:"content,omitempty"`
}

type importManualJSON struct {
	File    string `json:"file"`
	Source  string `json:"source"`
	Section string `json:"section"`
	Reason  string `json:"reason"`
}

type importStateJSON struct {
	Table         string   `json:"table"`
	Applied       []string `json:"applied"`
	Stamped       string   `json:"stamped"`
	SourceVersion string   `json:"source_version"`
	Note          string   `json:"note"`
}

func (a *app) importRun(ctx context.Context, o *importOptions, format, path string) error {
	if err := a.checkImportArgs(o, format); err != nil {
		return err
	}
	p, err := a.project()
	if err != nil {
		return err
	}
	cfg := p.cfg
	if cfg.Path == "" {
		return noConfig(cfg, "import writes into the project's version folder")
	}
	if len(cfg.VersionLocations) != 1 {
		return failf("%s has %d version locations; import writes one linear history into one: set a single version_locations entry for the import",
			cfg.Path, len(cfg.VersionLocations))
	}
	takeOver := a.url != ""
	var dsn *config.DSN
	if takeOver || format == "alembic" && o.dialect == "" && cfg.URL != "" {
		if dsn, err = cfg.DSN(); err != nil {
			return err
		}
	}

	revs, rep, err := a.importRead(ctx, o, format, path, dsn)
	if err != nil {
		return err
	}
	files, err := importer.Plan(revs, importer.Target{
		Dir:                cfg.VersionLocations[0],
		FileTemplate:       cfg.FileTemplate,
		TruncateSlugLength: cfg.TruncateSlugLength,
		Existing:           p.graph.Revisions(),
	})
	already := errors.Is(err, importer.ErrAlreadyImported)
	if err != nil && !already {
		return err
	}
	out := newImportReport(format, path, cfg.VersionLocations[0], o.dryRun, already, revs, rep, files)

	var stampID string
	if takeOver {
		state, err := a.importState(ctx, dsn, format, o.stateTable, revs, already)
		if err != nil {
			return err
		}
		out.State = state
		stampID = state.Stamped
	}
	implicit := false
	if format == "alembic" && o.verify == "" && a.url != "" {
		// --url of an Alembic import is also where the import is checked
		// against Alembic's own run, where Python Alembic is installed.
		if p, ok := alembicPython(ctx, o.python); ok {
			o.verify, o.python, implicit = a.url, p, true
		} else {
			out.Notes = append(out.Notes, "not checked against Alembic's own run: Python with alembic and sqlalchemy was not found (install python3-alembic, or name the interpreter with --python)")
		}
	}
	if o.verify != "" {
		if p, ok := alembicPython(ctx, o.python); ok {
			o.python = p
		}
		v, err := a.importVerify(ctx, o, path, files)
		switch {
		case err != nil && implicit:
			// Only --verify makes the check a condition of the import.
			out.Notes = append(out.Notes, a.redact("not checked against Alembic's own run: "+strings.TrimPrefix(err.Error(), "--verify: ")))
		case err != nil:
			return err
		}
		out.Verification = v
		if v != nil && !v.Equal() {
			if err := a.printImport(&out, files, o); err != nil {
				return err
			}
			return failf("the imported history does not produce the schema Alembic's does (differences above); nothing was written: fix the blocks or the translation, or import with --via-alembic")
		}
	}
	if o.dryRun {
		return a.printImport(&out, files, o)
	}
	if !already {
		undo, err := importer.Write(files)
		if err != nil {
			return err
		}
		if stampID != "" {
			if err := a.importStamp(ctx, stampID); err != nil {
				if uerr := undo(); uerr != nil {
					return fmt.Errorf("%w; removing the imported files failed too: %v", err, uerr)
				}
				return fmt.Errorf("%w (the imported files were removed again)", err)
			}
		}
	}
	return a.printImport(&out, files, o)
}

// alembicPython returns python, or where it is "" the first of python3 on
// PATH and the system's /usr/bin/python3 that imports alembic and
// sqlalchemy; ok is false when none does.
func alembicPython(ctx context.Context, python string) (string, bool) {
	candidates := []string{python}
	if python == "" {
		candidates = []string{"python3", "/usr/bin/python3"}
	}
	for _, p := range candidates {
		if exec.CommandContext(ctx, p, "-c", "import alembic, sqlalchemy").Run() == nil {
			return p, true
		}
	}
	return python, false
}

// importVerify checks the planned files against Alembic's own run of the
// history at path (verifyAlembicImport), from a temporary folder, so that
// nothing is written into the project before the check passes.
func (a *app) importVerify(ctx context.Context, o *importOptions, path string, files []importer.File) (*alembicVerification, error) {
	for _, f := range files {
		if len(f.Manual) > 0 {
			return nil, failf("--verify runs the imported history, and revision %s holds a block left for a person (%s, from %s) that cannot run: import without --verify, replace the blocks with SQL, then compare with `retort check` or `retort test`; nothing was written",
				f.ID, f.Manual[0].Reason, f.Manual[0].Pos)
		}
	}
	dir, err := os.MkdirTemp("", "retort-import-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Path)), f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	v, err := verifyAlembicImport(ctx, o.verify, path, dir, o.python)
	if err != nil {
		return nil, fmt.Errorf("--verify: %w", err)
	}
	return v, nil
}

// checkImportArgs refuses a format retort does not import (naming the
// nearest one) and flags that do not go with it.
func (a *app) checkImportArgs(o *importOptions, format string) error {
	if !slices.Contains(importFormats(), format) {
		hint := ""
		if s := suggest.Closest(strings.ToLower(format), importFormats(), 3); s != "" {
			hint = fmt.Sprintf("; did you mean %q?", s)
		}
		return usageErrorf("unknown format %q%s (known: %s)", format, hint, strings.Join(importFormats(), ", "))
	}
	switch {
	case format != "alembic" && (o.viaAlembic || o.python != "" || o.dialect != ""):
		return usageErrorf("--via-alembic, --python and --dialect are for 'retort import alembic'")
	case o.stateTable != "" && (a.url == "" || format == "alembic"):
		return usageErrorf("--state-table names the state table --url takes over; it needs --url, and an Alembic import reads the version_table of retort.toml")
	case o.verify != "" && format != "alembic":
		return usageErrorf("--verify checks an Alembic import against Alembic itself; it is for 'retort import alembic'")
	case o.python != "" && !o.viaAlembic && o.verify == "" && (format != "alembic" || a.url == ""):
		return usageErrorf("--python is the interpreter of --via-alembic and --verify; add one of them")
	}
	return nil
}

// newImportReport is the report of an import planned as files.
func newImportReport(format, path, folder string, dryRun, already bool, revs []importer.Revision, rep importer.Report, files []importer.File) importReport {
	out := importReport{Format: format, Source: path, Folder: folder, DryRun: dryRun,
		AlreadyImported: already, Revisions: []importRevision{}, Translated: rep.Translated,
		Manual: []importManualJSON{}, Notes: nonNil(rep.Notes)}
	for i, f := range files {
		ir := importRevision{ID: f.ID, Path: f.Path, Source: revs[i].Source, SourceVersion: revs[i].SourceVersion}
		if dryRun {
			ir.Content = string(f.Data)
		}
		out.Revisions = append(out.Revisions, ir)
		for _, m := range f.Manual {
			out.Manual = append(out.Manual, importManualJSON{File: m.Target, Source: m.Pos, Section: m.Section, Reason: m.Reason})
		}
	}
	return out
}

// importRead reads the source history: Alembic's through its package, the
// folder formats through importer.Read.
func (a *app) importRead(ctx context.Context, o *importOptions, format, path string, dsn *config.DSN) ([]importer.Revision, importer.Report, error) {
	if format != "alembic" {
		return importer.Read(format, path)
	}
	name := o.dialect
	if name == "" {
		if dsn == nil {
			return nil, importer.Report{}, failf("say which database the translated SQL is for: pass --dialect postgres, mysql or sqlite, or set the project's url (or --url)")
		}
		name = dsn.Dialect
	}
	d, err := registry.Lookup(name)
	if err != nil {
		return nil, importer.Report{}, usageErrorf("--dialect: %w", err)
	}
	return alembic.Import(ctx, path, alembic.Options{Dialect: d, ViaAlembic: o.viaAlembic, Python: o.python})
}

// importState reads the source tool's state on the --url database and says
// what to stamp. It refuses a database that retort's version table already
// describes, unless that is this import run again (already).
func (a *app) importState(ctx context.Context, dsn *config.DSN, format, stateTable string, revs []importer.Revision, already bool) (*importStateJSON, error) {
	d, err := registry.Lookup(dsn.Dialect)
	if err != nil {
		return nil, err
	}
	if file := dsn.File(); file != "" {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, failf("SQLite database %s does not exist (url %s): --url names the database whose %s state to take over; check the path",
				absPath(file), a.redact(dsn.Redacted), importer.ToolName(format))
		}
	}
	db, err := a.openDB(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	cfg := a.cfg
	if format == "alembic" {
		rows, err := importer.AlembicState(ctx, db, d, dialect.Table{Schema: cfg.VersionTableSchema, Name: cfg.VersionTable}, revs)
		if err != nil {
			return nil, err
		}
		return &importStateJSON{Table: cfg.VersionTable, Applied: nonNil(rows),
			Note: "retort reads the same version table as Alembic: nothing to stamp"}, nil
	}
	var table dialect.Table
	if stateTable != "" {
		table.Name = stateTable
		if schema, name, ok := strings.Cut(stateTable, "."); ok {
			table = dialect.Table{Schema: schema, Name: name}
		}
	}
	st, err := importer.ReadState(ctx, db, d, format, table, revs)
	if err != nil {
		var se *importer.StateError
		if errors.As(err, &se) {
			return nil, failf("cannot take over %s's state: %s; nothing was written", importer.ToolName(format), err)
		}
		return nil, err
	}
	out := &importStateJSON{Table: st.Table, Applied: nonNil(st.Applied), Stamped: st.Revision, SourceVersion: st.SourceVersion}
	if st.Table == "" {
		out.Note = "the database has no " + importer.ToolName(format) + " state table: nothing to stamp"
	} else if st.Revision == "" {
		out.Note = st.Table + " records no applied version: nothing to stamp"
	}
	rows, err := a.importRows(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case len(rows) == 0:
	case already && st.Revision != "" && slices.Equal(rows, []string{st.Revision}):
		out.Note = "already stamped at " + st.Revision
		out.Stamped = ""
	default:
		return nil, failf("the database already has rows in %s (%s): retort (or Alembic) manages it already, so there is no state to take over; "+
			"import without --url, or use a database that %s alone manages", cfg.VersionTable, strings.Join(rows, ", "), importer.ToolName(format))
	}
	return out, nil
}

// importRows reads retort's version rows, opening no revision file (the
// project's folder may be empty still).
func (a *app) importRows(ctx context.Context) ([]string, error) {
	rows, _, err := a.currentRows(ctx)
	return rows, err
}

// importStamp records rev in retort's version table through the façade,
// over the files just written.
func (a *app) importStamp(ctx context.Context, rev string) error {
	rep := a.newReporter()
	defer rep.done()
	s, err := a.openMigrator(ctx, false, rep)
	if err != nil {
		return err
	}
	defer s.close()
	_, err = s.m.Stamp(ctx, []string{rev})
	rep.done()
	return err
}

// printImport prints the report: JSON, or lines for people (the files
// themselves too on a dry run).
func (a *app) printImport(r *importReport, files []importer.File, o *importOptions) error {
	if o.json {
		return writeJSON(a.io.Out, r)
	}
	w := a.io.Out
	verb := "Imported"
	switch {
	case r.DryRun:
		verb = "Would import"
	case r.AlreadyImported:
		verb = "Already imported"
	}
	if v := r.Verification; v != nil && !v.Equal() {
		verb = "Did not import"
	}
	fmt.Fprintf(w, "%s %d %s revision%s from %s into %s (%d translated completely).\n",
		verb, len(r.Revisions), importer.ToolName(r.Format), plural(len(r.Revisions)), r.Source, r.Folder, r.Translated)
	for i, rev := range r.Revisions {
		fmt.Fprintf(w, "  %s  %s  (from %s)\n", rev.ID, relPath(rev.Path), rev.Source)
		if r.DryRun && !r.AlreadyImported {
			fmt.Fprintf(w, "\n%s\n", indent(string(files[i].Data), "    "))
		}
	}
	if len(r.Manual) > 0 {
		fmt.Fprintf(w, "Left for a person (upgrade and downgrade refuse these sections until the block is replaced with SQL):\n")
		for _, m := range r.Manual {
			fmt.Fprintf(w, "  %s (%s): %s; from %s\n", relPath(m.File), m.Section, m.Reason, m.Source)
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintf(w, "Notes:\n")
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	if v := r.Verification; v != nil {
		if v.Equal() {
			fmt.Fprintf(w, "Verified: upgraded to heads and downgraded to base on scratch databases, the imported history and Alembic's leave the same schema.\n")
		} else {
			for _, step := range []struct {
				what  string
				diffs []string
			}{{"at heads", v.Differences}, {"at base, after both downgraded", v.DownDifferences}} {
				if len(step.diffs) == 0 {
					continue
				}
				fmt.Fprintf(w, "Differences %s (what would turn the import's schema into Alembic's):\n", step.what)
				for _, d := range step.diffs {
					fmt.Fprintf(w, "  - %s\n", d)
				}
			}
		}
	}
	if s := r.State; s != nil {
		switch {
		case s.Stamped != "" && r.DryRun:
			fmt.Fprintf(w, "Would stamp revision %s: %s records version %s as the last applied.\n", s.Stamped, s.Table, s.SourceVersion)
		case s.Stamped != "":
			fmt.Fprintf(w, "Stamped revision %s: %s records version %s as the last applied. %s is left in place for the old tool.\n",
				s.Stamped, s.Table, s.SourceVersion, s.Table)
		case s.Note != "":
			fmt.Fprintf(w, "Database: %s.\n", s.Note)
		}
	}
	return nil
}

// relPath shows p relative to the working directory when it is inside it.
func relPath(p string) string {
	if rel, err := filepath.Rel(absPath("."), p); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return p
}

func indent(s, pre string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "\n")
}
