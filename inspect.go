package retort

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Inspect reads the database's schema as the IR that autogenerate
// compares: tables, columns, indexes, constraints, views, sequences… The
// version and history tables (and a lock's own table, such as the lease
// table on a Galera cluster) are left out; filter's Include and Exclude
// patterns (path.Match syntax) choose the objects, as in Models.
func (m *Migrator) Inspect(ctx context.Context, filter schema.Filter) (*schema.Schema, error) {
	opts, err := m.inspectOptions(filter)
	if err != nil {
		return nil, err
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	s, err := autogen.Inspect(ctx, conn, m.d.Name(), opts)
	if err != nil {
		return nil, fmt.Errorf("inspect the database: %w", err)
	}
	return s, nil
}

// Diff returns the typed changes that turn from into to on this Migrator's
// dialect, in the order they must run (each has a Reverse). from and to are
// typically Inspect results; the database is not touched.
func (m *Migrator) Diff(from, to *schema.Schema) ([]schema.Change, error) {
	if from == nil || to == nil {
		return nil, fmt.Errorf("diff: both schemas are needed (an empty one is &schema.Schema{})")
	}
	return autogen.Diff(from, to, m.d.Name())
}

// inspectOptions leaves out the bookkeeping tables (with and without their
// schema) and keeps the objects filter chooses.
func (m *Migrator) inspectOptions(filter schema.Filter) (schema.InspectOptions, error) {
	if err := filter.Validate(); err != nil {
		return schema.InspectOptions{}, fmt.Errorf("include/exclude: %w", err)
	}
	names := []string{m.tables.Name}
	if m.tables.History != "" {
		names = append(names, m.tables.History)
	}
	if l, ok := m.d.(dialect.LockTableNamer); ok {
		names = append(names, l.LockTables()...)
	}
	skip := names
	if m.tables.Schema != "" {
		for _, n := range names {
			skip = append(skip, m.tables.Schema+"."+n)
		}
	}
	return schema.InspectOptions{Skip: skip, Filter: filter, ViewDefiner: m.o.viewDefiner}, nil
}
