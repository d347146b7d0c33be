package importer

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// State is what a source tool's state table says about a database.
type State struct {
	// Table is the state table as read ("goose_db_version"); "" when the
	// database has none.
	Table string
	// Applied are the source versions applied, in history order.
	Applied []string
	// Revision is the imported revision the database is at: the one to
	// stamp; "" when nothing is applied (nothing to stamp).
	Revision string
	// SourceVersion is the source tool's version of Revision.
	SourceVersion string
	// baseline is a version that stands for every version up to it
	// (Atlas's baseline revision).
	baseline string
}

// StateError is a source state that cannot be taken over: dirty, partly
// applied, unknown or out of order. Reason says what to do.
type StateError struct {
	Table  string
	Reason string
}

func (e *StateError) Error() string { return e.Table + ": " + e.Reason }

// ReadState reads the state table of format's tool on db (goose_db_version;
// golang-migrate's or dbmate's schema_migrations; Atlas's
// atlas_schema_revisions) and maps it onto revs, the imported history.
// It only reads: the table stays as it is, so the old tool keeps working.
// The applied versions must be a prefix of the history, with nothing dirty
// or half applied, or it returns a *StateError.
//
// table names the state table when the tool was told to use another one
// (goose -table, golang-migrate's x-migrations-table, dbmate
// --migrations-table, Atlas --revisions-schema); a zero table means the
// tool's default.
func ReadState(ctx context.Context, db *sql.DB, d dialect.Dialect, format string, table dialect.Table, revs []Revision) (*State, error) {
	var (
		st      *State
		applied []string
		err     error
	)
	cands := func(defaults ...dialect.Table) []dialect.Table {
		if table.Name != "" {
			return []dialect.Table{table}
		}
		return defaults
	}
	switch format {
	case "goose":
		st, applied, err = gooseState(ctx, db, d, cands(dialect.Table{Name: "goose_db_version"}))
	case "migrate":
		st, applied, err = migrateState(ctx, db, d, cands(dialect.Table{Name: "schema_migrations"}))
	case "dbmate":
		st, applied, err = dbmateState(ctx, db, d, cands(dialect.Table{Name: "schema_migrations"}))
	case "atlas":
		const name = "atlas_schema_revisions"
		st, applied, err = atlasState(ctx, db, d, cands(dialect.Table{Schema: name, Name: name}, dialect.Table{Name: name}))
	default:
		return nil, fmt.Errorf("no state table is known for format %q", format)
	}
	if err != nil {
		return nil, err
	}
	if st.Table == "" {
		if table.Name != "" {
			return nil, fmt.Errorf("the database has no table %s (the state table given); check its name and schema", qualified(table))
		}
		return st, nil
	}
	if format == "migrate" && len(applied) == 1 {
		// golang-migrate's one version stands for every version up to it.
		st.baseline, applied = applied[0], nil
	}
	if st.baseline != "" {
		applied = append(applied, st.baseline)
		for i, r := range revs {
			if r.SourceVersion == st.baseline {
				for _, r := range revs[:i] {
					applied = append(applied, r.SourceVersion)
				}
				break
			}
		}
	}
	return st, st.match(applied, revs)
}

// match checks that applied (source versions, any order) are exactly the
// first revisions of revs, and sets the revision to stamp.
func (st *State) match(applied []string, revs []Revision) error {
	index := make(map[string]int, len(revs))
	for i, r := range revs {
		index[r.SourceVersion] = i
	}
	var unknown []string
	for _, v := range applied {
		if _, ok := index[v]; !ok {
			unknown = append(unknown, v)
		}
	}
	if len(unknown) > 0 {
		return &StateError{Table: st.Table, Reason: fmt.Sprintf(
			"the database has version%s %s applied, which no imported file holds: import the folder the database was migrated from, or restore the missing files",
			plural(len(unknown)), strings.Join(unknown, ", "))}
	}
	slices.SortFunc(applied, func(a, b string) int { return index[a] - index[b] })
	applied = slices.Compact(applied)
	st.Applied = applied
	if len(applied) == 0 {
		return nil
	}
	last := index[applied[len(applied)-1]]
	if last+1 != len(applied) {
		var missing []string
		for _, r := range revs[:last] {
			if !slices.Contains(applied, r.SourceVersion) {
				missing = append(missing, r.SourceVersion)
			}
		}
		return &StateError{Table: st.Table, Reason: fmt.Sprintf(
			"version %s is applied but earlier version%s %s %s not (applied out of order): retort's history is linear; apply %s with the old tool first, then import again",
			applied[len(applied)-1], plural(len(missing)), strings.Join(missing, ", "), isAre(len(missing)), strings.Join(missing, ", "))}
	}
	st.Revision = revs[last].File.ID
	st.SourceVersion = revs[last].SourceVersion
	return nil
}

func qualified(t dialect.Table) string {
	if t.Schema == "" {
		return t.Name
	}
	return t.Schema + "." + t.Name
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// findTable returns the name of the first of the candidate tables that
// exists (qualified for a query) and its columns; "" when none does.
func findTable(ctx context.Context, db *sql.DB, d dialect.Dialect, cands ...dialect.Table) (string, []string, error) {
	bk, ok := d.(dialect.Bookkeeper)
	if !ok {
		return "", nil, fmt.Errorf("dialect %s cannot list tables", d.Name())
	}
	for i, t := range cands {
		q, args := bk.ColumnsQuery(t.Schema, t.Name)
		rows, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			if t.Schema != "" && i < len(cands)-1 {
				continue // a schema the database does not have
			}
			return "", nil, fmt.Errorf("look for table %s: %w", t.Name, err)
		}
		var cols []string
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return "", nil, err
			}
			cols = append(cols, strings.ToLower(c))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", nil, err
		}
		if len(cols) > 0 {
			name := d.QuoteIdent(t.Name)
			if t.Schema != "" {
				name = d.QuoteIdent(t.Schema) + "." + name
			}
			return name, cols, nil
		}
	}
	return "", nil, nil
}

// needColumns refuses a table that lacks a column the tool writes.
func needColumns(table, tool string, have []string, want ...string) error {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return &StateError{Table: table, Reason: fmt.Sprintf(
				"the table has no column %s, so it is not %s's state table (another tool's table of the same name?); check the format you gave", w, tool)}
		}
	}
	return nil
}

// gooseState reads goose_db_version the way goose does: rows newest first,
// and each version's newest row says whether it is applied (goose writes a
// row with is_applied false when it rolls one back). Version 0 is the row
// goose writes when it creates the table.
func gooseState(ctx context.Context, db *sql.DB, d dialect.Dialect, cands []dialect.Table) (*State, []string, error) {
	table, cols, err := findTable(ctx, db, d, cands...)
	if err != nil || table == "" {
		return &State{}, nil, err
	}
	if err := needColumns(table, "goose", cols, "id", "version_id", "is_applied"); err != nil {
		return nil, nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT version_id, is_applied FROM "+table+" ORDER BY id DESC")
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	var applied []string
	for rows.Next() {
		var (
			v  int64
			on bool
		)
		if err := rows.Scan(&v, &on); err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", table, err)
		}
		if seen[v] {
			continue
		}
		seen[v] = true
		if on && v != 0 {
			applied = append(applied, strconv.FormatInt(v, 10))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	return &State{Table: table}, applied, nil
}

// migrateState reads golang-migrate's schema_migrations: one row, the
// version and whether a migration failed half way (dirty).
func migrateState(ctx context.Context, db *sql.DB, d dialect.Dialect, cands []dialect.Table) (*State, []string, error) {
	table, cols, err := findTable(ctx, db, d, cands...)
	if err != nil || table == "" {
		return &State{}, nil, err
	}
	if err := needColumns(table, "golang-migrate", cols, "version", "dirty"); err != nil {
		return nil, nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT version, dirty FROM "+table)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	var versions []int64
	dirty := false
	for rows.Next() {
		var (
			v int64
			x bool
		)
		if err := rows.Scan(&v, &x); err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", table, err)
		}
		versions = append(versions, v)
		dirty = dirty || x
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	st := &State{Table: table}
	switch {
	case len(versions) > 1:
		return nil, nil, &StateError{Table: st.Table, Reason: fmt.Sprintf(
			"golang-migrate keeps one row, but the table has %d: fix it with `migrate force VERSION` first", len(versions))}
	case dirty:
		return nil, nil, &StateError{Table: st.Table, Reason: fmt.Sprintf(
			"golang-migrate left version %d dirty: a migration failed half way; fix the database and run `migrate force %d` first (or force the version before it if that migration's changes are not there)",
			versions[0], versions[0])}
	case len(versions) == 0 || versions[0] < 0:
		return st, nil, nil
	}
	return st, []string{strconv.FormatInt(versions[0], 10)}, nil
}

// dbmateState reads dbmate's schema_migrations: one row per applied
// version.
func dbmateState(ctx context.Context, db *sql.DB, d dialect.Dialect, cands []dialect.Table) (*State, []string, error) {
	table, cols, err := findTable(ctx, db, d, cands...)
	if err != nil || table == "" {
		return &State{}, nil, err
	}
	if err := needColumns(table, "dbmate", cols, "version"); err != nil {
		return nil, nil, err
	}
	if slices.Contains(cols, "dirty") {
		return nil, nil, &StateError{Table: table, Reason: "the table has a dirty column: it is golang-migrate's, not dbmate's; import with the format migrate"}
	}
	applied, err := strings1(ctx, db, "SELECT version FROM "+table)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	return &State{Table: table}, applied, nil
}

// atlasState reads atlas_schema_revisions (in its own schema where the
// database has schemas, else in the connection's): every revision row is
// applied, unless it records an error or fewer statements applied than it
// has (Atlas's partial revision).
func atlasState(ctx context.Context, db *sql.DB, d dialect.Dialect, cands []dialect.Table) (*State, []string, error) {
	table, cols, err := findTable(ctx, db, d, cands...)
	if err != nil || table == "" {
		return &State{}, nil, err
	}
	name := table
	if err := needColumns(name, "Atlas", cols, "version", "type", "applied", "total", "error"); err != nil {
		return nil, nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT version, "+d.QuoteIdent("type")+", applied, total, "+d.QuoteIdent("error")+" FROM "+table)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	var (
		applied  []string
		baseline string
	)
	for rows.Next() {
		var (
			v                 string
			kind, done, total int64
			errText           sql.NullString
		)
		if err := rows.Scan(&v, &kind, &done, &total, &errText); err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", table, err)
		}
		switch {
		case kind&atlasBaseline != 0:
			// `atlas migrate apply --baseline V`: the database was at V
			// without running the files up to it.
			baseline = v
		case kind&atlasResolved != 0:
			// `atlas migrate set` or a resolved failure: done, whatever
			// the counters say.
		case errText.Valid && errText.String != "":
			return nil, nil, &StateError{Table: name, Reason: fmt.Sprintf(
				"Atlas recorded an error for version %s (%s): fix the database, and finish or resolve it with Atlas (`atlas migrate apply` or `atlas migrate set`) first",
				v, firstLine(errText.String))}
		case done < total:
			return nil, nil, &StateError{Table: name, Reason: fmt.Sprintf(
				"version %s is partly applied (%d of %d statements): finish it with Atlas (`atlas migrate apply`) or resolve it (`atlas migrate set`) first",
				v, done, total)}
		}
		applied = append(applied, v)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", table, err)
	}
	return &State{Table: table, baseline: baseline}, applied, nil
}

// Atlas's revision types (a bit set): a baseline row stands for every
// version up to it; a resolved one was marked done by a person.
const (
	atlasBaseline = 1
	atlasResolved = 4
)

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

func strings1(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// AlembicState checks the version rows of an imported Alembic history's
// database (table, Alembic's alembic_version): retort reads the same table,
// so there is nothing to stamp, but every row must name an imported
// revision. It returns the rows.
func AlembicState(ctx context.Context, db *sql.DB, d dialect.Dialect, table dialect.Table, revs []Revision) ([]string, error) {
	name, _, err := findTable(ctx, db, d, table)
	if err != nil || name == "" {
		return nil, err
	}
	rows, err := strings1(ctx, db, "SELECT version_num FROM "+name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	known := map[string]bool{}
	for _, r := range revs {
		known[r.File.ID] = true
	}
	for _, v := range rows {
		if !known[v] {
			return nil, &StateError{Table: table.Name, Reason: fmt.Sprintf(
				"the database is at revision %s, which the imported history does not have: import the versions folder the database was migrated with", v)}
		}
	}
	return rows, nil
}
