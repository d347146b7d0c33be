package config

import (
	"errors"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
)

// TestSchemesFollowDialectNames: every dialect name and alias is a URL
// scheme of that dialect, with or without a +driver; the Go driver's name
// is one only bare (pgx://); nothing else is.
func TestSchemesFollowDialectNames(t *testing.T) {
	t.Parallel()
	rest := map[bool]string{false: "://u@localhost/db", true: ":///app.db"}
	for _, n := range dialect.NameInfos() {
		for _, scheme := range append([]string{n.Name}, n.Aliases...) {
			for _, s := range []string{scheme, scheme + "+somedriver"} {
				d, err := ParseURL(s + rest[n.FileDatabase])
				if err != nil {
					t.Errorf("%s: %v", s, err)
					continue
				}
				if d.Dialect != n.Name || d.DriverName != n.Driver {
					t.Errorf("%s: dialect, driver = %s, %s; want %s, %s", s, d.Dialect, d.DriverName, n.Name, n.Driver)
				}
			}
		}
	}
	if d, err := ParseURL("pgx://u@localhost/db"); err != nil || d.Dialect != dialect.Postgres {
		t.Errorf("pgx://: %v, %v", d, err)
	}
	for _, bad := range []string{"pgx+x://u@h/db", "pg://u@h/db", "maria://u@h/db", "sqlite4:///a.db", "oracle://u@h/db"} {
		if _, err := ParseURL(bad); !errors.Is(err, ErrUnsupportedScheme) {
			t.Errorf("ParseURL(%q) = %v, want ErrUnsupportedScheme", bad, err)
		}
	}
}
