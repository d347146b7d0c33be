package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// object renders the changes of triggers, SQLite's one kind of
// schema.Object: created from the statement sqlite_master holds, dropped
// by name, and replaced by a drop and a create (SQLite has no CREATE OR
// REPLACE TRIGGER).
func (r *renderer) object(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddObject:
		return r.createObject(c.Object)
	case *schema.DropObject:
		if err := objectKind(c.Object); err != nil {
			return err
		}
		r.add("DROP TRIGGER "+quote(c.Object.Name), dialect.ObjectDropReview(c.Object, r.recreated))
	case *schema.ReplaceObject:
		if err := objectKind(c.To); err != nil {
			return err
		}
		r.add("DROP TRIGGER "+quote(c.From.Name), "")
		return r.createObject(c.To)
	}
	return nil
}

func (r *renderer) createObject(o *schema.Object) error {
	if err := objectKind(o); err != nil {
		return err
	}
	if o.SQL == "" {
		return fmt.Errorf("sqlite: %s has no CREATE statement to render", o)
	}
	r.add(o.SQL, "")
	return nil
}

func objectKind(o *schema.Object) error {
	if o.Kind != "trigger" {
		return fmt.Errorf("sqlite: SQLite has no %s (%s)", o.Kind, o)
	}
	return nil
}
