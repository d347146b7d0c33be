package retort

import (
	"strings"
	"testing"
)

// TestWithDialectNames: WithDialect takes exactly the names and aliases
// retort has always taken, and names the choices otherwise.
func TestWithDialectNames(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"postgres": "postgres", "postgresql": "postgres",
		"mysql": "mysql", "mariadb": "mysql",
		"sqlite": "sqlite", "sqlite3": "sqlite",
	} {
		m, err := Open(t.Context(), nil, nil, WithDialect(name))
		if err != nil {
			t.Errorf("WithDialect(%q): %v", name, err)
			continue
		}
		if m.Dialect() != want {
			t.Errorf("WithDialect(%q): Dialect() = %q, want %q", name, m.Dialect(), want)
		}
	}
	for _, bad := range []string{"", "pg", "pgx", "SQLite", "oracle"} {
		_, err := Open(t.Context(), nil, nil, WithDialect(bad))
		if err == nil || !strings.Contains(err.Error(), `unknown dialect "`+bad+`": use postgres, mysql or sqlite`) {
			t.Errorf("WithDialect(%q): %v", bad, err)
		}
	}
}
