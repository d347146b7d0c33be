package retort

import (
	"fmt"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
)

// checkFiles reads and checks the file of every step of p, so that a file
// that would be refused stops a run before it writes anything: before
// MySQL's bookkeeping tables are created (DDL there commits at once), and
// before the first line of an offline script. The runner reads the files
// again for the plan it runs (the plan is made again under the lock).
// nothing says what did not happen ("nothing was run").
func (m *Migrator) checkFiles(p *revision.Plan, nothing string) error {
	for _, step := range p.Steps {
		if _, err := m.load(step); err != nil {
			return fmt.Errorf("%s: %w (%s)", migrate.StepText(step), err, nothing)
		}
	}
	return nil
}
