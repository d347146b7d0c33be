package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// pgStructBase is a PostgreSQL schema with one of each kind this test
// drifts: a partitioned table and its partitions, an exclusion constraint,
// a commented constraint, an index with storage parameters, a domain, a
// policy under row-level security.
const pgStructBase = `
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE m (id positive NOT NULL, ts date NOT NULL, PRIMARY KEY (id, ts)) PARTITION BY RANGE (ts);
CREATE TABLE m_2020 PARTITION OF m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE booking (id int CONSTRAINT booking_pk PRIMARY KEY, during tstzrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
COMMENT ON CONSTRAINT booking_pk ON booking IS 'key';
CREATE INDEX booking_id ON booking (id) WITH (fillfactor = 70);
ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON booking USING (id > 0);
`

// Check on PostgreSQL reports drift of each kind by name, and exclude
// rules opt the drifted objects out. One database holds every drift.
func TestCheckPostgresStructures(t *testing.T) {
	t.Parallel()
	cases := []struct {
		drift   string // run on the database after pgStructBase
		want    string // a line of the report
		exclude string // a name pattern that silences it
	}{
		{"CREATE TABLE m_2021 PARTITION OF m FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')", "removed table 'm_2021'", "m_2021"},
		{"ALTER TABLE m DETACH PARTITION m_2020; ALTER TABLE m ATTACH PARTITION m_2020 FOR VALUES FROM ('2019-01-01') TO ('2021-01-01')", "attach partition to \"m\" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') on table 'm_2020'", "m_2020"},
		{"ALTER TABLE booking DROP CONSTRAINT no_overlap", "added exclusion constraint 'no_overlap' on 'booking'", "booking"},
		{"COMMENT ON CONSTRAINT booking_pk ON booking IS 'changed'", "changed comment on primary key constraint 'booking_pk' on 'booking'", "booking"},
		{"ALTER INDEX booking_id SET (fillfactor = 50)", "added index 'booking_id' on 'booking'", "booking"},
		{"ALTER DOMAIN positive ADD CONSTRAINT small CHECK (VALUE < 10)", "changed definition of domain 'positive'", "positive"},
		{"DROP POLICY mine ON booking", "added policy 'mine' on 'booking'", "mine"},
		{"ALTER TABLE booking FORCE ROW LEVEL SECURITY", "row level security on table 'booking'", "booking"},
	}
	ctx := context.Background()
	db := testutil.New(t, testutil.Postgres)
	drifted := pgStructBase
	var excludes []string
	for _, c := range cases {
		drifted += c.drift + ";\n"
		excludes = append(excludes, c.exclude)
	}
	apply(t, db, drifted, "drifted schema")
	check := func(o schema.InspectOptions) *autogen.Report {
		t.Helper()
		cur, err := autogen.Inspect(ctx, db.DB, testutil.Postgres, o)
		if err != nil {
			t.Fatal(err)
		}
		r, err := autogen.Check(cur, loadModels(t, db, pgStructBase, o), testutil.Postgres)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	got := check(skip).Text()
	for _, c := range cases {
		if !strings.Contains(got, c.want) {
			t.Errorf("check does not report %q:\n%s", c.want, got)
		}
	}
	o := skip
	o.Filter = schema.Filter{Exclude: excludes}
	if r := check(o); len(r.Differences) != 0 {
		t.Errorf("excluding %v, check still reports:\n%s", excludes, r.Text())
	}
}
