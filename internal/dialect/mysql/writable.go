package mysql

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.WritableChecker = (*Dialect)(nil)

// CheckWritable implements dialect.WritableChecker: a server with
// read_only on (a replica, as a rule) is refused even for users whose
// privileges would let them write through it, since migrating a replica
// splits it from its primary.
func (*Dialect) CheckWritable(ctx context.Context, q dialect.RowQuerier) error {
	var readOnly int
	if err := q.QueryRowContext(ctx, "SELECT @@global.read_only").Scan(&readOnly); err != nil {
		return fmt.Errorf("ask whether the server takes writes: %w", err)
	}
	if readOnly != 0 {
		return fmt.Errorf("the server is read-only (read_only is ON, as on a replica): run migrations against the primary; nothing was run")
	}
	return nil
}
