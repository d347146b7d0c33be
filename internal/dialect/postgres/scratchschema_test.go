package postgres_test

import (
	"testing"

	"github.com/retortdb/retort/internal/dialect/postgres"
)

// A scratch schema is only for statements that cannot reach outside it;
// every doubt sends the models to a scratch database.
func TestScratchSchemaSafe(t *testing.T) {
	t.Parallel()
	cases := []struct {
		stmt string
		safe bool
	}{
		{"CREATE TABLE t (id int PRIMARY KEY, a numeric(12,2) DEFAULT 0.5)", true},
		{"-- users\n/* c */ create   unique index i ON t (lower(a))", true},
		{"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES u (id)", true},
		{"COMMENT ON COLUMN t.a IS 'x'", true},
		{`-- c` + "\n" + `comment on column "T" . "a b" is 'x'`, true},
		{"COMMENT ON COLUMN public.t.a IS 'x'", false},
		{"COMMENT ON COLUMN t.a IS 'see u.v'", false},
		{"COMMENT ON TABLE t IS 'plain'", true},
		{"CREATE TYPE mood AS ENUM ('a', 'b')", true},
		{"CREATE TABLE public.t (id int)", false},
		{`CREATE TABLE "Other" . "t" (id int)`, false},
		{"CREATE INDEX i ON t (a) WHERE a > 'x.y'", false},
		{"CREATE VIEW v AS SELECT u.id FROM u", false},
		{"SET search_path = public", false},
		{"CREATE TABLE t (id int) -- search_path", false},
		{"SELECT set_config('search_path', '', false)", false},
		{"CREATE EXTENSION citext", false},
		{"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", false},
		{"CREATE SCHEMA billing", false},
		{"DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$", false},
		{"GRANT SELECT ON t TO app", false},
		{"COMMENT ON SCHEMA public IS 'x'", false},
		{"CREATE TEMP TABLE t (id int)", false},
		{"INSERT INTO t VALUES (1), (2)", true},
		{"insert into t (a) select a from u", true},
		{"INSERT INTO public.t VALUES (1)", false},
		{"INSERT INTO t VALUES (set_config('search_path', 'public', true))", false},
		{"UPDATE t SET a = 1", false},
		{"-- only a comment", false},
	}
	d := postgres.New()
	for _, c := range cases {
		if got := d.ScratchSchemaSafe([]string{"CREATE TABLE ok (id int)", c.stmt}); got != c.safe {
			t.Errorf("ScratchSchemaSafe(%q) = %v, want %v", c.stmt, got, c.safe)
		}
	}
}
