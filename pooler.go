package retort

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
)

// detectPooler asks the dialect whether conn goes through a
// transaction-mode connection pooler, says so as an info event, and
// refuses a pooler no migration can run through (docs/poolers.md).
func (m *Migrator) detectPooler(ctx context.Context, conn *sql.Conn) (bool, error) {
	p, ok := m.d.(dialect.PoolerDetector)
	if !ok {
		return false, nil
	}
	note, err := p.DetectPooler(ctx, conn, m.db)
	if err != nil {
		return false, err
	}
	if note == "" {
		return false, nil
	}
	m.emit(Event{Kind: EventInfo, Text: note})
	return true, nil
}

// warnSessionState wraps a run's loader, behind a transaction-mode pooler,
// to warn about each revision statement that leaves session state: it
// lasts only until its transaction ends as far as this run can tell, and
// stays on the server connection for the next client.
func (m *Migrator) warnSessionState(load migrate.Loader) migrate.Loader {
	p := m.d.(dialect.PoolerDetector)
	return func(step revision.Step) (*migrate.Unit, error) {
		u, err := load(step)
		if err != nil || u == nil {
			return u, err
		}
		for _, st := range u.Statements {
			if what, ok := p.SessionState(st.SQL); ok {
				m.emit(Event{Kind: EventWarning, Revision: step.Revision.ID, Text: fmt.Sprintf(
					"%s:%d: %s sets session state behind a transaction-mode pooler: the run's next transaction may not see it "+
						"and it stays on the server connection for whichever client gets it next; use SET LOCAL (or ON COMMIT DROP), "+
						"or give the setting to the role (docs/poolers.md)", u.Path, st.Line, what)})
			}
		}
		return u, nil
	}
}
