// Package autogen turns the difference between a database and its models
// into a revision's upgrade and downgrade SQL: the diff's changes rendered
// for the dialect, the downgrade derived by reversing them, and "-- REVIEW:"
// notes on risky or destructive steps. Check reports the same differences
// for people (text) and machines (JSON).
//
// It imports schema (the IR and its typed changes), internal/diff (to
// compute the changes) and the dialect packages (to render them; a dialect
// says how its schemas are diffed with DiffOptions, and autogen only
// resolves the name). It must not import internal/models (the caller loads
// the target schema), internal/migrate, internal/script, the façade or the
// CLI; it prints nothing.
package autogen

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/diff"
	"github.com/retortdb/retort/schema"
)

// backend is what autogenerate needs of a dialect.
type backend struct {
	dialect dialect.Dialect
	inspect func(ctx context.Context, db schema.Querier, o schema.InspectOptions) (*schema.Schema, error)
	render  func(changes []schema.Change) (*schema.Rendered, error)
}

// backendFor resolves a dialect name (as config.DSN.Dialect spells it)
// through the registry; everything else asks the dialect value.
func backendFor(name string) (backend, error) {
	d, err := registry.Lookup(name)
	if err != nil {
		return backend{}, err
	}
	in, ok := d.(dialect.Inspector)
	if !ok {
		return backend{}, fmt.Errorf("dialect %s cannot inspect a database", d.Name())
	}
	r, ok := d.(dialect.Renderer)
	if !ok {
		return backend{}, fmt.Errorf("dialect %s cannot render changes", d.Name())
	}
	return backend{d, in.Inspect, r.Render}, nil
}

// diffOptioner is implemented by dialects whose schemas are diffed with
// other than diff's zero Options, named for what the dialect can do
// ("rebuilds tables to change columns"), never for which dialect it is.
type diffOptioner interface {
	DiffOptions() diff.Options
}

// serverDiffOptioner is implemented by dialects whose diff options depend
// on a server setting the inspector read into the current schema (how
// MySQL compares table names: lower_case_table_names).
type serverDiffOptioner interface {
	DiffOptionsFor(current *schema.Schema) diff.Options
}

var (
	_ serverDiffOptioner = (*mysql.Dialect)(nil)
	_ diffOptioner       = (*postgres.Dialect)(nil)
	_ diffOptioner       = (*mysql.Dialect)(nil)
	_ diffOptioner       = (*sqlite.Dialect)(nil)
)

// Inspect reads the schema of the database behind db (a *sql.DB or
// *sql.Conn) for dialect. Pass the version and history table names in
// o.Skip so they are never part of a diff.
func Inspect(ctx context.Context, db schema.Querier, dialect string, o schema.InspectOptions) (*schema.Schema, error) {
	b, err := backendFor(dialect)
	if err != nil {
		return nil, err
	}
	s, err := b.inspect(ctx, db, o)
	if err != nil {
		return nil, err
	}
	// An object excluded by name is neither refused nor reported, of
	// whatever kind (see schema.Filter.MatchObject).
	s.Unmanaged = o.KeepUnmanaged(s.Unmanaged)
	return s, nil
}

// Diff returns the changes that turn current into desired on dialect.
func Diff(current, desired *schema.Schema, dialect string) ([]schema.Change, error) {
	return DiffRenamed(current, desired, dialect, nil)
}

// DiffRenamed returns the changes that turn current into desired on
// dialect, with the declared renames done in place (see diff.DiffRenamed).
func DiffRenamed(current, desired *schema.Schema, dialect string, renames []diff.Rename) ([]schema.Change, error) {
	b, err := backendFor(dialect)
	if err != nil {
		return nil, err
	}
	var o diff.Options
	if d, ok := b.dialect.(serverDiffOptioner); ok {
		o = d.DiffOptionsFor(current)
	} else if d, ok := b.dialect.(diffOptioner); ok {
		o = d.DiffOptions()
	}
	return diff.DiffRenamed(current, desired, o, renames)
}

// Render returns the dialect's SQL for changes.
func Render(changes []schema.Change, dialect string) (*schema.Rendered, error) {
	b, err := backendFor(dialect)
	if err != nil {
		return nil, err
	}
	return b.render(changes)
}

// Generate diffs current against desired and returns the upgrade and
// downgrade SQL text of a revision (empty strings when nothing differs),
// and the changes the upgrade makes.
func Generate(ctx context.Context, current, desired *schema.Schema, dialect string) (up, down string, changes []schema.Change, err error) {
	return GenerateRenamed(ctx, current, desired, dialect, nil)
}

// GenerateRenamed is Generate with declared renames. A likely rename that
// was not declared (a column dropped and one of the same type added in the
// same table, a table dropped and one with the same columns added) stays a
// drop and an add, under a "-- REVIEW:" note at the top of the upgrade that
// names the --rename flag that would make it one.
func GenerateRenamed(ctx context.Context, current, desired *schema.Schema, dialect string, renames []diff.Rename) (up, down string, changes []schema.Change, err error) {
	if err := ctx.Err(); err != nil {
		return "", "", nil, err
	}
	changes, err = DiffRenamed(current, desired, dialect, renames)
	if err != nil {
		return "", "", nil, fmt.Errorf("autogenerate: %w", err)
	}
	if len(changes) == 0 {
		return "", "", nil, nil
	}
	ru, err := Render(changes, dialect)
	if err != nil {
		return "", "", nil, fmt.Errorf("autogenerate upgrade: %w", err)
	}
	rd, err := Render(schema.Reverse(changes), dialect)
	if err != nil {
		return "", "", nil, fmt.Errorf("autogenerate downgrade: %w", err)
	}
	return withNotes(Text(ru), append(LikelyRenames(changes), UnmanagedNotes(current)...)), Text(rd), changes, nil
}

// UnmanagedNotes names each object of the database that retort does not
// manage, one note each: no change touches it, and an exclude rule naming
// it says that is meant.
func UnmanagedNotes(current *schema.Schema) []string {
	var out []string
	for _, u := range current.Unmanaged {
		out = append(out, fmt.Sprintf("%s is in the database but retort does not manage it: it is left as it is (exclude it by name to say so)", u))
	}
	return out
}

// withNotes puts a "-- REVIEW:" line per note at the top of a section,
// after its no-transaction directive.
func withNotes(text string, notes []string) string {
	if len(notes) == 0 {
		return text
	}
	var b strings.Builder
	const nt = "-- +retort no-transaction\n"
	if strings.HasPrefix(text, nt) {
		b.WriteString(nt)
		text = strings.TrimPrefix(text, nt)
	}
	for _, n := range notes {
		b.WriteString("-- REVIEW: " + n + "\n")
	}
	b.WriteString("\n" + text)
	return b.String()
}

// Text renders statements as a revision section: each statement ends with
// ";", "-- REVIEW: why" lines above those a human should look at (one per
// line of the statement's review), and
// "-- +retort StatementBegin/End" around statements with inner semicolons.
func Text(r *schema.Rendered) string {
	var b strings.Builder
	if r.NoTransaction {
		b.WriteString("-- +retort no-transaction\n")
	}
	for i, st := range r.Statements {
		if i > 0 {
			b.WriteString("\n")
		}
		if st.Comment != "" {
			for _, l := range strings.Split(st.Comment, "\n") {
				b.WriteString("-- " + l + "\n")
			}
		}
		if st.Review != "" {
			for _, l := range strings.Split(st.Review, "\n") {
				b.WriteString("-- REVIEW: " + l + "\n")
			}
		}
		sql := strings.TrimRight(strings.TrimSpace(st.SQL), ";")
		block := strings.Contains(sql, ";")
		if block {
			b.WriteString("-- +retort StatementBegin\n")
		}
		b.WriteString(sql + ";\n")
		if block {
			b.WriteString("-- +retort StatementEnd\n")
		}
	}
	return b.String()
}
