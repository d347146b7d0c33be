package postgres_test

import (
	"context"
	"testing"

	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/testutil"
)

// TypeChange's Rewrite is measured, not guessed: on the server, a change
// rewrites the table exactly when the table's relfilenode changes.
func TestTypeChangeRewritesMeasured(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.Postgres)
	ctx := context.Background()
	// One connection, in a time zone other than UTC: there timestamp →
	// timestamptz rewrites (PostgreSQL 12+ skips the rewrite only in UTC,
	// which a migration cannot count on).
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET TIME ZONE 'Europe/Berlin'"); err != nil {
		t.Fatal(err)
	}
	d := &postgres.Dialect{}
	cases := []struct{ from, to string }{
		{"varchar(50)", "varchar(100)"},
		{"varchar(50)", "varchar(20)"},
		{"varchar(50)", "text"},
		{"character varying(50)", "varchar"},
		{"text", "varchar(30)"},
		{"text", "varchar"},
		{"varchar", "text"},
		{"numeric(10,2)", "numeric(12,2)"},
		{"numeric(10,2)", "numeric(10,0)"},
		{"numeric(10,2)", "numeric"},
		{"numeric", "numeric(10,2)"},
		{"integer", "bigint"},
		{"bigint", "integer"},
		{"smallint", "integer"},
		{"int", "numeric"},
		{"char(3)", "text"},
		{"char(3)", "char(5)"},
		{"timestamp", "timestamptz"},
		{"timestamptz", "date"},
		{"cidr", "inet"},
		{"json", "jsonb"},
		{"text", "integer"},
		{"real", "double precision"},
		{"uuid", "text"},
		{"boolean", "text"},
	}
	for i, c := range cases {
		tc := d.TypeChange(c.from, c.to)
		if !tc.Known {
			t.Errorf("%s → %s: unknown to the dialect", c.from, c.to)
			continue
		}
		table := "tc_" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		exec := func(q string) {
			t.Helper()
			if _, err := conn.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		exec("CREATE TABLE " + table + " (id int, c " + c.from + ")")
		exec("INSERT INTO " + table + " (id) VALUES (1)") // a row, c NULL: every change succeeds
		node := func() (n int64) {
			t.Helper()
			if err := conn.QueryRowContext(ctx, "SELECT relfilenode FROM pg_class WHERE relname = $1", table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := node()
		using := ""
		if c.from == "text" && c.to == "integer" {
			using = " USING c::integer"
		}
		exec("ALTER TABLE " + table + " ALTER COLUMN c TYPE " + c.to + using)
		rewritten := node() != before
		if rewritten != tc.Rewrite {
			t.Errorf("%s → %s: the server rewrote the table: %v; TypeChange says Rewrite %v", c.from, c.to, rewritten, tc.Rewrite)
		}
	}
}
