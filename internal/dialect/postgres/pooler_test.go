package postgres

import "testing"

func TestSessionState(t *testing.T) {
	t.Parallel()
	cases := []struct {
		sql, what string
	}{
		{"SET search_path = app, public", "SET search_path"},
		{"set lock_timeout='5s'", "SET lock_timeout"},
		{"SET statement_timeout TO 0", "SET statement_timeout"},
		{"SET SESSION statement_timeout = 0", "SET SESSION statement_timeout"},
		{"SET ROLE admin", "SET ROLE"},
		{"CREATE TEMP TABLE x (id int)", "CREATE TEMPORARY TABLE"},
		{"CREATE GLOBAL TEMPORARY TABLE x (id int)", "CREATE TEMPORARY TABLE"},
		{"LISTEN ch", "LISTEN"},
		{"PREPARE q AS SELECT 1", "PREPARE"},
		{"SET LOCAL search_path = app", ""},
		{"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", ""},
		{"SET CONSTRAINTS ALL DEFERRED", ""},
		{"CREATE TEMP TABLE x (id int) ON COMMIT DROP", ""},
		{"CREATE TABLE settings (id int)", ""},
		{"UPDATE t SET x = 1", ""},
		{"SELECT set_config('x', '1', true)", ""},
	}
	d := New()
	for _, c := range cases {
		what, ok := d.SessionState(c.sql)
		if ok != (c.what != "") || what != c.what {
			t.Errorf("SessionState(%q) = %q, %v; want %q", c.sql, what, ok, c.what)
		}
	}
}
