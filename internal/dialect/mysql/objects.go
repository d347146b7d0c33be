package mysql

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// object renders the changes of schema objects (triggers, functions,
// procedures, events). The MySQL/MariaDB inspector reports none yet, so a
// change of one can only come from a hand-built schema: refused by name.
func (r *renderer) object(c schema.Change) error {
	return fmt.Errorf("mysql: retort does not render %s for MySQL/MariaDB yet", c)
}
