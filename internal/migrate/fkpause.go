package migrate

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
)

// A table rebuild on SQLite (its documented procedure for what ALTER TABLE
// cannot do) needs foreign keys off, which SQLite allows only outside a
// transaction, and a transaction, so that a rebuild that fails half-way is
// undone. A revision asks with a statement the dialect recognizes (PRAGMA
// foreign_keys = OFF). The transaction that will hold such a revision is
// opened with foreign keys off; every step in it is then checked (PRAGMA
// foreign_key_check) before its version rows are written, so a step that
// leaves a row pointing nowhere fails and the transaction rolls back; and
// the connection's settings come back when the transaction ends, however it
// ends.

// fkPause is an open transaction's foreign-key pause.
type fkPause struct {
	by      string // the revision that asked for it
	checked bool   // foreign keys were on: check every step
	restore func(context.Context) error
}

// pauseRequests returns, for each step, the revision that asks for foreign
// keys off ("" for none) among the steps of the transaction that step would
// open: the steps up to the next one that runs outside a transaction, or
// the step alone when each step commits on its own.
func (o *online) pauseRequests(plan *revision.Plan, units []*Unit, nonTx func(*Unit) bool) []string {
	p, ok := o.Dialect.(dialect.ForeignKeyPauser)
	if !ok {
		return nil
	}
	asks := make([]string, len(units))
	for i, u := range units {
		if u == nil || u.Go != nil || nonTx(u) {
			continue
		}
		for _, st := range u.Statements {
			if p.PausesForeignKeys(st.SQL) {
				asks[i] = stepRevID(plan.Steps[i])
				break
			}
		}
	}
	out := make([]string, len(units))
	for i := range units {
		for j := i; j < len(units) && !nonTx(units[j]); j++ {
			if asks[j] != "" {
				out[i] = asks[j]
				break
			}
			if !o.coalesce {
				break
			}
		}
	}
	return out
}

// beginAt opens the transaction that step i starts, with foreign keys off
// when a step it will hold asks for that.
func (o *online) beginAt(i int) error {
	if i < len(o.pauseBy) && o.pauseBy[i] != "" {
		p := o.Dialect.(dialect.ForeignKeyPauser)
		restore, checked, err := p.PauseForeignKeys(o.ctx, o.conn)
		if err != nil {
			return fmt.Errorf("revision %s rebuilds tables: %w", o.pauseBy[i], err)
		}
		o.pause = &fkPause{by: o.pauseBy[i], checked: checked, restore: restore}
	}
	if err := o.begin(); err != nil {
		o.resume()
		return err
	}
	return nil
}

// resume restores the connection after a paused transaction ended; a
// connection that cannot be restored is not reused.
func (o *online) resume() {
	if o.pause == nil {
		return
	}
	if err := o.pause.restore(o.cleanup); err != nil {
		o.discard()
	}
	o.pause = nil
}

// checkForeignKeys fails a step of a paused transaction that leaves a row
// breaking a foreign key.
func (o *online) checkForeignKeys(rev string) error {
	if o.pause == nil || !o.pause.checked {
		return nil
	}
	err := o.Dialect.(dialect.ForeignKeyPauser).ForeignKeyCheck(o.ctx, o.conn)
	if err == nil || rev == o.pause.by {
		return err
	}
	return fmt.Errorf("%w\nforeign keys were off in this transaction because revision %s rebuilds tables "+
		"(PRAGMA foreign_keys = OFF), so ON DELETE and ON UPDATE actions did not run; "+
		"set transaction_per_migration = true to run each revision in a transaction of its own", err, o.pause.by)
}
