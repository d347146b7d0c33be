package dialect

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// ObjectDropReview is the review note of a statement that drops object o
// for good: what is lost or stops happening. "" when the same object is
// created again later in the same changes (recreated is the set of the keys,
// see RecreatedObjects), where nothing is lost.
func ObjectDropReview(o *schema.Object, recreated map[string]bool) string {
	if recreated[o.Key()] {
		return ""
	}
	name := o.QualifiedName()
	switch o.Kind {
	case "materialized view":
		return fmt.Sprintf("drops materialized view %s and the rows it holds (created again, it is filled from its query)", name)
	case "trigger":
		return fmt.Sprintf("drops trigger %s on %s: what it does on changes to %s stops happening", name, o.Table, o.Table)
	case "function", "procedure":
		return fmt.Sprintf("drops %s %s: whatever still calls it fails", o.Kind, name)
	case "event":
		return fmt.Sprintf("drops event %s: what it runs on its schedule stops", name)
	case "policy":
		return fmt.Sprintf("drops policy %s on %s: the rows it lets through or keeps out change", name, o.Table)
	}
	return fmt.Sprintf("drops %s %s", o.Kind, name)
}

// RecreatedObjects returns the keys of the objects that changes drop and
// create again (an AddObject after a DropObject of the same object).
func RecreatedObjects(changes []schema.Change) map[string]bool {
	dropped := map[string]bool{}
	out := map[string]bool{}
	for _, c := range changes {
		switch c := c.(type) {
		case *schema.DropObject:
			dropped[c.Object.Key()] = true
		case *schema.AddObject:
			if dropped[c.Object.Key()] {
				out[c.Object.Key()] = true
			}
		}
	}
	return out
}
