package migrate

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/versiontable"
)

// RecordApplied settles a step that failed part-way as applied, in one
// transaction: the version-row changes the step would have made (changes,
// decoded from u), its
// history row's status, and for an upgrade the checksum and path of its
// file as it is now (sum, path; u is updated). Any failure rolls all of it
// back, so the version table is never half-settled.
func RecordApplied(ctx context.Context, conn *sql.Conn, d dialect.Dialect, t *versiontable.Tables, u *versiontable.Entry,
	changes []versiontable.Change, sum, path string) error {
	if _, err := conn.ExecContext(ctx, d.Begin()); err != nil {
		return err
	}
	rollback := func() { _, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK") }
	for _, c := range changes {
		if err := t.Apply(ctx, conn, c); err != nil {
			rollback()
			return fmt.Errorf("resolve %s --applied: %w (the version rows changed since the failure; inspect them and use `retort stamp`)", u.Revision, err)
		}
	}
	if err := t.SetStatus(ctx, conn, u.ID, versiontable.StatusResolvedApplied, true); err != nil {
		rollback()
		return err
	}
	if u.Direction == DirectionName(revision.Up) && (sum != u.Checksum || path != u.Path) {
		if err := t.SetChecksum(ctx, conn, u.ID, sum, path); err != nil {
			rollback()
			return err
		}
		u.Checksum, u.Path = sum, path
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		rollback()
		return err
	}
	return nil
}
