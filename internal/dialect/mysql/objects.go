package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// object renders the changes of triggers, stored functions and procedures
// and events (schema.Object). An object is created from its SQL (the
// server's own CREATE statement, its DEFINER kept only under the "exact"
// view_definer rule) and dropped by name. Nothing is replaced in place:
// MySQL has no CREATE OR REPLACE for them, so a changed one is dropped and
// created again.
func (r *renderer) object(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddObject:
		if strings.TrimSpace(c.Object.SQL) == "" {
			return fmt.Errorf("mysql: %s has no CREATE statement to render", c.Object)
		}
		if _, err := objectKeyword(c.Object); err != nil {
			return err
		}
		r.add(c.Object.SQL, "")
	case *schema.DropObject:
		kw, err := objectKeyword(c.Object)
		if err != nil {
			return err
		}
		r.add("DROP "+kw+" "+qualify(c.Object.Schema, c.Object.Name), dialect.ObjectDropReview(c.Object, r.recreated))
	case *schema.ReplaceObject:
		if err := r.object(&schema.DropObject{Object: c.From}); err != nil {
			return err
		}
		r.out.Statements[len(r.out.Statements)-1].Review = ""
		return r.object(&schema.AddObject{Object: c.To})
	default:
		return fmt.Errorf("mysql: cannot render change %T (%s)", c, c)
	}
	return nil
}

// objectKeyword is the object's kind as DROP spells it.
func objectKeyword(o *schema.Object) (string, error) {
	switch o.Kind {
	case "trigger", "function", "procedure", "event":
		return strings.ToUpper(o.Kind), nil
	}
	return "", fmt.Errorf("mysql: %s is not a MySQL/MariaDB object", o)
}
