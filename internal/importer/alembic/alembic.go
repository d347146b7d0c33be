// Package alembic imports an Alembic history: each revision script becomes a
// retort revision with the same id, parents, branch labels, depends_on,
// message and create date. Bodies are translated from op.* calls without
// running Python, or rendered by Alembic itself in offline mode.
package alembic

import (
	"context"
	"errors"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/importer"
)

// Options are the choices of an Alembic import.
type Options struct {
	// Dialect is the target database's dialect: translated operations are
	// rendered in its SQL.
	Dialect dialect.Dialect
	// ViaAlembic renders each revision with Alembic's own offline mode
	// (Python and Alembic must be installed) instead of translating it.
	ViaAlembic bool
	// Python is the interpreter for ViaAlembic ("" = python3).
	Python string
}

// Import reads the Alembic history at path (a versions folder or an
// alembic.ini) and returns its revisions in graph order.
func Import(ctx context.Context, path string, opts Options) ([]importer.Revision, importer.Report, error) {
	return nil, importer.Report{}, errors.New("importing an Alembic history is not built yet")
}
