package retort_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort"
)

// The library refuses an empty or blank target on every method that takes
// one, with ErrBlankTarget, before it touches the database: a library user
// passing an unset setting never gets base.
func TestLibraryRefusesBlankTargets(t *testing.T) {
	eachDialect(t, func(t *testing.T, dn string) {
		ctx := context.Background()
		db := newDB(t, dn)
		m := db.open(graphFS(linear("a", "b", "c")...))
		if _, err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		db.log()
		state := func() string {
			return fmt.Sprintf("tables %v rows %v history %v", db.tables(), db.rows(),
				queryStrings(t, db.DB.DB, "SELECT CONCAT(revision, '/', direction, '/', status) FROM retort_history ORDER BY id"))
		}
		if dn == "sqlite" {
			state = func() string {
				return fmt.Sprintf("tables %v rows %v history %v", db.tables(), db.rows(),
					queryStrings(t, db.DB.DB, "SELECT revision || '/' || direction || '/' || status FROM retort_history ORDER BY id"))
			}
		}
		before := state()
		var sqlOut bytes.Buffer
		calls := map[string]func(string) error{
			"Upgrade":        func(s string) error { _, err := m.Upgrade(ctx, s); return err },
			"Upgrade dry":    func(s string) error { _, err := m.Upgrade(ctx, s, retort.DryRun()); return err },
			"Upgrade sql":    func(s string) error { _, err := m.Upgrade(ctx, s, retort.SQLTo(&sqlOut)); return err },
			"Downgrade":      func(s string) error { _, err := m.Downgrade(ctx, s); return err },
			"Downgrade sql":  func(s string) error { _, err := m.Downgrade(ctx, s, retort.SQLTo(&sqlOut)); return err },
			"Stamp":          func(s string) error { _, err := m.Stamp(ctx, []string{s}); return err },
			"Stamp purge":    func(s string) error { _, err := m.Stamp(ctx, []string{s}, retort.StampPurge()); return err },
			"Stamp two":      func(s string) error { _, err := m.Stamp(ctx, []string{"head", s}); return err },
			"Stamp sql":      func(s string) error { _, err := m.Stamp(ctx, []string{s}, retort.SQLTo(&sqlOut)); return err },
			"Rehash":         func(s string) error { _, err := m.Rehash(ctx, s); return err },
			"Resolve":        func(s string) error { _, err := m.Resolve(ctx, s, retort.ResolveApplied); return err },
			"Resolve rolled": func(s string) error { _, err := m.Resolve(ctx, s, retort.ResolveRolledBack); return err },
		}
		for name, call := range calls {
			for _, blank := range []string{"", " ", "\t", "\n ", "\u00a0", "a@", "@head", ":c", "a:", " : "} {
				err := call(blank)
				if !errors.Is(err, retort.ErrBlankTarget) {
					t.Errorf("%s(%q) = %v, want ErrBlankTarget", name, blank, err)
				}
				if after := state(); after != before {
					t.Fatalf("%s(%q) changed the database:\nbefore %s\nafter  %s", name, blank, before, after)
				}
			}
		}
		if _, err := m.Stamp(ctx, nil); !errors.Is(err, retort.ErrBlankTarget) {
			t.Errorf("Stamp with no target = %v, want ErrBlankTarget", err)
		}
		if sqlOut.Len() != 0 {
			t.Errorf("a refused offline call wrote SQL: %q", sqlOut.String())
		}
		if log := db.log(); len(log) != 0 {
			t.Errorf("revisions ran: %v", log)
		}
		if after := state(); after != before || !slices.Equal(db.rows(), []string{"c"}) || !strings.Contains(after, "t_a") {
			t.Errorf("state after the refusals: %s", after)
		}
	})
}
