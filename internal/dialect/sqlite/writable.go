package sqlite

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.WritableChecker = (*Dialect)(nil)

// CheckWritable implements dialect.WritableChecker: a connection with
// PRAGMA query_only on refuses every write.
func (*Dialect) CheckWritable(ctx context.Context, q dialect.RowQuerier) error {
	var queryOnly int
	if err := q.QueryRowContext(ctx, "PRAGMA query_only").Scan(&queryOnly); err != nil {
		return fmt.Errorf("ask whether the database takes writes: %w", err)
	}
	if queryOnly != 0 {
		return fmt.Errorf("the connection is read-only (PRAGMA query_only is on): remove query_only from the URL to migrate; nothing was run")
	}
	return nil
}
