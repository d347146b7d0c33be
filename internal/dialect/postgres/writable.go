package postgres

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.WritableChecker = (*Dialect)(nil)

// CheckWritable implements dialect.WritableChecker: a standby in recovery,
// or a session whose transactions are read-only (default_transaction_read_only
// set for the server, the database or the user), refuses every write.
func (*Dialect) CheckWritable(ctx context.Context, q dialect.RowQuerier) error {
	var recovery bool
	var readOnly string
	if err := q.QueryRowContext(ctx, "SELECT pg_is_in_recovery(), current_setting('transaction_read_only')").Scan(&recovery, &readOnly); err != nil {
		return fmt.Errorf("ask whether the database takes writes: %w", err)
	}
	switch {
	case recovery:
		return fmt.Errorf("the server is a standby in recovery (pg_is_in_recovery() is true) and takes no writes: run migrations against the primary; nothing was run")
	case readOnly == "on":
		return fmt.Errorf("the session is read-only (transaction_read_only is on, from default_transaction_read_only for the server, database or user): connect to a writable primary, or turn it off for the migration user (ALTER ROLE … SET default_transaction_read_only = off); nothing was run")
	}
	return nil
}
