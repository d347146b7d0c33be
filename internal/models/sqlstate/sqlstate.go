// Package sqlstate loads autogenerate's target schema from desired-state
// .sql files: they run in a scratch database — SQLite in memory, PostgreSQL
// and MariaDB/MySQL in a temporary database created on the configured server
// (or a dev_url) and always dropped afterwards — which is then inspected.
// Statements go many per round trip (run.go); PostgreSQL models that can
// reach nothing outside their own objects run in a scratch schema of the
// configured database instead, in one transaction rolled back.
// The server itself normalizes what the files say, so the result compares
// equal to a live database built from the same SQL.
//
// A Go model package is loaded the same way: internal/models/gostruct builds
// its schema IR and has the dialect's Renderer write it as statements, which
// run here like a file's, each carrying the file:line of the struct, field
// or tag it comes from for the server's errors.
//
// It imports schema (the result), the dialect packages (to inspect the
// scratch database) and internal/models/gostruct (Go models become DDL
// first); internal/archtest also allows internal/config. It must not import
// the façade, migrate, diff, autogen or the CLI.
package sqlstate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/models/gostruct"
	"github.com/retortdb/retort/schema"
)

// Source says where the desired state comes from and where to build it.
type Source struct {
	// Dialect names the dialect, as internal/dialect/registry.Lookup takes it.
	Dialect string
	// DriverName and DataSource open a connection to the server on which
	// the scratch database is created: the live database's own data source,
	// or a dev_url's. Unused for SQLite.
	DriverName, DataSource string
	// Files are the .sql files, run in order.
	Files []string
	// Inspect filters what is read back (Skip, Filter).
	Inspect schema.InspectOptions

	hooks *testHooks
}

// ErrScratchDatabase is wrapped by the error Load returns when it cannot
// create the scratch database.
var ErrScratchDatabase = dialect.ErrScratchDatabase

// StmtError is a statement of a desired-state file that the server refused.
type StmtError struct {
	File string
	Line int
	Err  error
}

func (e *StmtError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the server's error.
func (e *StmtError) Unwrap() error { return e.Err }

// inDatabase runs stmts in a scratch database and inspects it.
func inDatabase(ctx context.Context, d dialect.Dialect, in dialect.Inspector, src Source, stmts []located) (*schema.Schema, error) {
	if s, ok, err := inShards(ctx, d, src, stmts); err != nil || ok {
		return s, err
	}
	// Errors from opening the scratch database may quote its data source.
	red := config.NewRedactor(src.DataSource)
	r := &runner{d: d, src: src}
	defer r.close()
	conn, err := r.run(ctx, stmts)
	var se *StmtError
	if errors.As(err, &se) {
		return nil, se
	}
	if err != nil {
		return nil, red.Error(err)
	}
	s, err := in.Inspect(ctx, conn, src.Inspect)
	if err != nil {
		return nil, fmt.Errorf("inspect the models: %w", err)
	}
	return s, nil
}

// Load runs src.Files in a scratch database and returns its inspected schema.
func Load(ctx context.Context, src Source) (*schema.Schema, error) {
	if len(src.Files) == 0 {
		return nil, errors.New("no models: set models in retort.toml to the .sql files that hold the desired schema, or to Go model package folders")
	}
	type file struct {
		path  string
		stmts []Statement
	}
	var files []file
	for _, p := range src.Files {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read models: %w (check models in retort.toml)", err)
		}
		if fi.IsDir() {
			// A Go package of model structs: its schema IR rendered by this
			// dialect's Renderer; statements keep their model positions.
			m, err := gostruct.Load(p)
			if err != nil {
				return nil, err
			}
			stmts, err := m.Statements(src.Dialect)
			if err != nil {
				return nil, err
			}
			for _, st := range stmts {
				files = append(files, file{st.Pos.File, []Statement{{SQL: st.SQL, Line: st.Pos.Line}}})
			}
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read model file: %w", err)
		}
		stmts, err := splitModel(string(data), src.Dialect)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		files = append(files, file{p, stmts})
	}
	d, err := registry.Lookup(src.Dialect)
	if err != nil {
		return nil, err
	}
	in, ok := d.(dialect.Inspector)
	if !ok {
		return nil, fmt.Errorf("dialect %s cannot inspect a database", d.Name())
	}
	var stmts []located
	for _, f := range files {
		for _, st := range f.stmts {
			stmts = append(stmts, located{f.path, st})
		}
	}
	s, ok, err := inSchema(ctx, d, src, stmts)
	if err != nil {
		return nil, err
	}
	if !ok {
		if s, err = inDatabase(ctx, d, in, src, stmts); err != nil {
			return nil, err
		}
	}
	s.Unmanaged = src.Inspect.KeepUnmanaged(s.Unmanaged)
	if len(s.Unmanaged) > 0 {
		names := make([]string, len(s.Unmanaged))
		for i, u := range s.Unmanaged {
			names[i] = u.String()
		}
		return nil, fmt.Errorf("the models define %s, which retort does not manage yet; remove it from the model files or manage it by hand in a revision", strings.Join(names, ", "))
	}
	return s, nil
}
