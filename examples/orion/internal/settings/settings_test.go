package settings

import "testing"

func TestFromEnv(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name            string
		env             map[string]string
		app, migrations string
	}{
		{"nothing set", nil, DefaultDatabaseURL, DefaultDatabaseURL},
		{"one URL serves both", map[string]string{"DATABASE_URL": "postgresql+asyncpg://u@db/orion"},
			"postgresql+asyncpg://u@db/orion", "postgresql+asyncpg://u@db/orion"},
		{"both, as the Python services set them", map[string]string{
			"DATABASE_URL":      "postgresql+asyncpg://u@db/orion",
			"DATABASE_URL_SYNC": "postgresql+psycopg2://u@db/orion"},
			"postgresql+asyncpg://u@db/orion", "postgresql+psycopg2://u@db/orion"},
		{"only the sync URL", map[string]string{"DATABASE_URL_SYNC": "mysql+pymysql://root@db/orion"},
			"mysql+pymysql://root@db/orion", "mysql+pymysql://root@db/orion"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := FromEnv(func(k string) string { return tc.env[k] })
			if s.DatabaseURL != tc.app || s.MigrationsURL() != tc.migrations {
				t.Errorf("got app %q, migrations %q; want %q, %q", s.DatabaseURL, s.MigrationsURL(), tc.app, tc.migrations)
			}
		})
	}
}
