package retort

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/schema"
)

// Models says where autogenerate's target schema comes from.
type Models struct {
	// Paths are desired-state .sql files and folders of Go model packages,
	// in order.
	Paths []string
	// DriverName and DataSource (database/sql form) name the server on
	// which PostgreSQL and MySQL models are loaded into a scratch database
	// that is dropped afterwards: a dev_url's, or the migrated database's
	// own server. Unused for SQLite (the scratch database is in memory).
	DriverName, DataSource string
	// Include and Exclude are name patterns (path.Match syntax) of the
	// objects to compare; the version and history tables are never
	// compared.
	Include, Exclude []string
	// CacheDir, when set, keeps the models' inspected schema between runs,
	// keyed on the models' content, the server's version, the options and
	// the retort build, so that an unchanged set of models is not loaded
	// into a scratch database again. "" loads them every time.
	CacheDir string
	// Renames are the renames the comparison takes as declared: each turns
	// a drop and an add into a rename in place, keeping the data.
	Renames []Rename
}

// Rename declares that a table, or a column, was renamed: a table Table to
// To (Column ""), or the column Column of table Table — the table's new
// name, as the models have it — to To. Schema is the PostgreSQL schema
// ("" the default).
type Rename struct {
	Schema, Table, Column, To string
}

// LikelyRename is a drop and an add that look like a rename: Old and New
// name the objects ("trends.score", "trends.points"); Rename would make it
// one.
type LikelyRename struct {
	Old, New string
	Rename   Rename
}

// ErrBadRename is wrapped by Compare's error when a declared rename names
// a table or column the database does not have, or a new name the models do
// not have.
var ErrBadRename = diff.ErrBadRename

// Difference is one difference between the database and the models.
type Difference struct {
	Op     string `json:"op"`     // Alembic's diff name where one exists: add_table, remove_column, modify_type, …
	Object string `json:"object"` // what differs: "users", "users.email"
	Detail string `json:"detail"` // how, for people: "added table 'users'"
}

// Comparison is the difference between the database and the models, and
// the revision sections that would remove it.
type Comparison struct {
	Dialect     string
	Differences []Difference
	// Upgrade and Downgrade are revision section bodies (SQL with
	// "-- REVIEW:" notes on risky steps); empty when nothing differs.
	Upgrade, Downgrade string
	// Notes name likely renames that were not declared and so are done as
	// a drop and an add (which lose the data), with the flag that would
	// make each a rename.
	Notes []string
	// Likely are the same likely renames, spelled out (for a prompt).
	Likely []LikelyRename
	// Notices say which renamed-from hints of the models were ignored and
	// why (the old name is gone: the rename has shipped).
	Notices []string
}

// Clean reports whether the database and the models agree.
func (c *Comparison) Clean() bool { return len(c.Differences) == 0 }

// ErrNotUpToDate is returned by Compare when the database is not at the
// heads of the revision graph: autogenerate compares the models with the
// schema the revisions produce, so they must all be applied first.
var ErrNotUpToDate = errors.New("target database is not up to date")

// notUpToDateError keeps Alembic's wording and says what to do.
type notUpToDateError struct{ rows, heads []string }

func (e *notUpToDateError) Error() string {
	return fmt.Sprintf("Target database is not up to date. It is at %s, the revisions' heads are %s: "+
		"run `retort upgrade heads` first (the models are compared with the schema all revisions produce)",
		listOrBase(e.rows), listOrBase(e.heads))
}

func (e *notUpToDateError) Unwrap() error { return ErrNotUpToDate }

func listOrBase(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}

// Compare inspects the database, loads the models into a scratch database,
// and returns their differences and the SQL of a revision that removes
// them. The database must be at the graph's heads.
func (m *Migrator) Compare(ctx context.Context, models Models) (*Comparison, error) {
	opts, err := m.inspectOptions(schema.Filter{Include: models.Include, Exclude: models.Exclude})
	if err != nil {
		return nil, err
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, _, _, err := m.versionRows(ctx, conn, true)
	if err != nil {
		return nil, err
	}
	if err := m.unknownRows(rows); err != nil {
		return nil, err
	}
	var heads []string
	for _, r := range m.graph.RealHeads() {
		heads = append(heads, r.ID)
	}
	rows = slices.Clone(rows)
	slices.Sort(rows)
	slices.Sort(heads)
	if !slices.Equal(rows, heads) {
		return nil, &notUpToDateError{rows: rows, heads: heads}
	}

	name := m.d.Name()
	// The models load (a scratch database, on another connection or in
	// the process) while the database is inspected and the models' rename
	// hints are read: neither waits for the other.
	cache := sqlstate.Cache{Dir: models.CacheDir, ServerVersion: serverVersion(ctx, conn, m.d), Build: Version()}
	lctx, cancelLoad := context.WithCancel(ctx)
	defer cancelLoad()
	type loaded struct {
		s   *schema.Schema
		err error
	}
	load := make(chan loaded, 1)
	go func() {
		s, err := sqlstate.LoadCached(lctx, sqlstate.Source{
			Dialect: name, DriverName: models.DriverName, DataSource: models.DataSource,
			Files: models.Paths, Inspect: opts,
		}, cache)
		load <- loaded{s, err}
	}()
	current, err := autogen.Inspect(ctx, conn, name, opts)
	if err != nil {
		cancelLoad()
		<-load // its scratch database dropped
		return nil, fmt.Errorf("inspect the database: %w", err)
	}
	hints, herr := sqlstate.Hints(models.Paths)
	l := <-load
	if l.err != nil {
		return nil, l.err
	}
	if herr != nil {
		return nil, herr
	}
	desired := l.s
	var renames []diff.Rename
	for _, r := range models.Renames {
		renames = append(renames, diff.Rename(r))
	}
	hinted, notices := hintRenames(hints, current, desired, renames)
	renames = append(renames, hinted...)
	report, err := autogen.CheckRenamed(current, desired, name, renames)
	if err != nil {
		return nil, err
	}
	c := &Comparison{Dialect: name, Notes: report.Notes, Notices: notices}
	for _, l := range report.Likely {
		c.Likely = append(c.Likely, LikelyRename{Old: l.Old, New: l.New, Rename: Rename(l.Rename)})
	}
	for _, d := range report.Differences {
		c.Differences = append(c.Differences, Difference{Op: d.Op, Object: d.Object, Detail: d.Detail})
	}
	if c.Clean() {
		return c, nil
	}
	if c.Upgrade, c.Downgrade, _, err = autogen.GenerateRenamed(ctx, current, desired, name, renames); err != nil {
		return nil, err
	}
	c.Upgrade = m.reviewLint(ctx, c.Upgrade)
	return c, nil
}

// serverVersion identifies the database server (the models' cache key
// includes it: another server version may normalize differently).
func serverVersion(ctx context.Context, q schema.Querier, d dialect.Dialect) string {
	v, ok := d.(dialect.ServerVersioner)
	if !ok {
		return ""
	}
	rows, err := q.QueryContext(ctx, v.ServerVersionQuery())
	if err != nil {
		return ""
	}
	defer rows.Close()
	var s string
	if rows.Next() {
		_ = rows.Scan(&s)
	}
	return s
}

// hintRenames turns the models' renamed-from hints into renames, leaving
// out those a declared rename already covers. A hint whose old name the
// database no longer has (the rename has shipped), or whose new name it
// already has, is ignored with a notice, so hints can stay in the models.
func hintRenames(hints []sqlstate.Hint, current, desired *schema.Schema, declared []diff.Rename) ([]diff.Rename, []string) {
	find := func(s *schema.Schema, ns, name string) *schema.Table {
		for _, t := range s.Tables {
			if t.Schema == ns && strings.EqualFold(t.Name, name) {
				return t
			}
		}
		return nil
	}
	col := func(t *schema.Table, name string) *schema.Column {
		for _, c := range t.Columns {
			if strings.EqualFold(c.Name, name) {
				return c
			}
		}
		return nil
	}
	var out []diff.Rename
	var notices []string
	oldOf := map[string]string{} // new table name -> current name
	for _, r := range declared {
		if r.Column == "" {
			oldOf[schema.QualifiedName(r.Schema, r.To)] = r.Table
		}
	}
	ignore := func(h sqlstate.Hint, why string) {
		notices = append(notices, fmt.Sprintf("%s: renamed-from hint ignored: %s", h.Where, why))
	}
	for _, h := range hints {
		if h.Column != "" {
			continue
		}
		nt, ot := find(desired, h.Schema, h.Table), find(current, h.Schema, h.From)
		switch {
		case nt == nil:
			ignore(h, fmt.Sprintf("the models have no table %s", h.Table))
		case find(current, h.Schema, h.Table) != nil:
			ignore(h, fmt.Sprintf("the database already has table %s", nt.Name))
		case ot == nil:
			ignore(h, fmt.Sprintf("the database has no table %s (the rename has shipped?)", h.From))
		case oldOf[schema.QualifiedName(h.Schema, nt.Name)] != "":
			// declared by a flag too
		default:
			oldOf[schema.QualifiedName(h.Schema, nt.Name)] = ot.Name
			out = append(out, diff.Rename{Schema: h.Schema, Table: ot.Name, To: nt.Name})
		}
	}
	// A column hint whose new name the database still has is a rename
	// that shipped, unless that column is itself renamed away by another
	// hint (a chain: b from a, c from b), found to a fixed point. A swap
	// (a from b, b from a) stays ambiguous with one that shipped: declare
	// it with --rename.
	movedAway := map[string]bool{} // table\x00column of the database renamed by a hint
	for changed := true; changed; {
		changed = false
		for _, h := range hints {
			nt := find(desired, h.Schema, h.Table)
			if h.Column == "" || nt == nil {
				continue
			}
			ct := find(current, h.Schema, nt.Name)
			if old := oldOf[schema.QualifiedName(h.Schema, nt.Name)]; old != "" {
				ct = find(current, h.Schema, old)
			}
			nc := col(nt, h.Column)
			if ct == nil || nc == nil || col(ct, h.From) == nil {
				continue
			}
			from := strings.ToLower(ct.Name + "\x00" + col(ct, h.From).Name)
			if movedAway[from] {
				continue
			}
			if c := col(ct, nc.Name); c == nil || movedAway[strings.ToLower(ct.Name+"\x00"+c.Name)] {
				movedAway[from] = true
				changed = true
			}
		}
	}
	for _, h := range hints {
		if h.Column == "" {
			continue
		}
		nt := find(desired, h.Schema, h.Table)
		if nt == nil {
			ignore(h, fmt.Sprintf("the models have no table %s", h.Table))
			continue
		}
		ct := find(current, h.Schema, nt.Name)
		if old := oldOf[schema.QualifiedName(h.Schema, nt.Name)]; old != "" {
			ct = find(current, h.Schema, old)
		}
		nc := col(nt, h.Column)
		switch {
		case ct == nil:
			ignore(h, fmt.Sprintf("the database has no table %s", nt.Name))
		case nc == nil:
			ignore(h, fmt.Sprintf("table %s in the models has no column %s", nt.Name, h.Column))
		case col(ct, nc.Name) != nil && !movedAway[strings.ToLower(ct.Name+"\x00"+col(ct, nc.Name).Name)]:
			ignore(h, fmt.Sprintf("table %s in the database already has column %s", ct.Name, nc.Name))
		case col(ct, h.From) == nil:
			ignore(h, fmt.Sprintf("table %s in the database has no column %s (the rename has shipped?)", ct.Name, h.From))
		case slices.ContainsFunc(declared, func(r diff.Rename) bool {
			return r.Column != "" && r.Schema == h.Schema && r.Table == nt.Name && r.Column == col(ct, h.From).Name
		}):
		default:
			out = append(out, diff.Rename{Schema: h.Schema, Table: nt.Name, Column: col(ct, h.From).Name, To: nc.Name})
		}
	}
	return out, notices
}

// ErrAlreadyVersioned is returned by Baseline when the database already has
// version rows: a baseline is the first revision of a database that has no
// history, and one that is at a revision has one.
var ErrAlreadyVersioned = errors.New("the database is already at a revision")

// alreadyVersionedError names the rows and says what to do instead.
type alreadyVersionedError struct{ rows []string }

func (e *alreadyVersionedError) Error() string {
	return fmt.Sprintf("the database is already at revision %s: a baseline is the first revision of a database "+
		"that has no history; use `retort revision --autogenerate` (without --baseline) to write the next revision",
		strings.Join(e.rows, ", "))
}

func (e *alreadyVersionedError) Unwrap() error { return ErrAlreadyVersioned }

// Baseline returns the revision sections that create the database's
// current schema from nothing (and whose downgrade drops it all, in
// dependency order): the first revision of a database that existed before
// retort managed it. Write it with NewRevision, then Stamp the database at
// it without running it. No models are needed; filter chooses the objects
// (the version, history and lock tables are never included). A database
// that already has version rows is refused with ErrAlreadyVersioned.
func (m *Migrator) Baseline(ctx context.Context, filter schema.Filter) (*Comparison, error) {
	opts, err := m.inspectOptions(filter)
	if err != nil {
		return nil, err
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, _, err := m.tables.Rows(ctx, conn)
	if err != nil {
		return nil, err
	}
	if len(rows) > 0 {
		rows = slices.Clone(rows)
		slices.Sort(rows)
		return nil, &alreadyVersionedError{rows: rows}
	}
	name := m.d.Name()
	current, err := autogen.Inspect(ctx, conn, name, opts)
	if err != nil {
		return nil, fmt.Errorf("inspect the database: %w", err)
	}
	empty := &schema.Schema{}
	report, err := autogen.Check(empty, current, name)
	if err != nil {
		return nil, err
	}
	c := &Comparison{Dialect: name}
	for _, d := range report.Differences {
		c.Differences = append(c.Differences, Difference{Op: d.Op, Object: d.Object, Detail: d.Detail})
	}
	if c.Clean() {
		return c, nil
	}
	if c.Upgrade, c.Downgrade, _, err = autogen.Generate(ctx, empty, current, name); err != nil {
		return nil, err
	}
	if len(current.Unmanaged) > 0 {
		var note strings.Builder
		for _, u := range current.Unmanaged {
			fmt.Fprintf(&note, "-- REVIEW: %s is in the database but retort does not manage it: it is not in this baseline; add its SQL by hand\n", u)
		}
		c.Upgrade = note.String() + "\n" + c.Upgrade
	}
	return c, nil
}
