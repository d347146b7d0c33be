package retort_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// populated is a non-trivial schema per dialect, with rows, written by hand
// (not by the generator): several tables, a foreign-key cycle, composite
// and expression indexes, uniques, checks, defaults, a view, and on
// PostgreSQL an enum and a standalone sequence.
var populated = map[string][]string{
	testutil.Postgres: {
		`CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')`,
		`CREATE SEQUENCE invoice_no START 1000 INCREMENT 5`,
		`CREATE TABLE customers (
			id serial PRIMARY KEY,
			email varchar(200) NOT NULL UNIQUE,
			mood mood NOT NULL DEFAULT 'ok',
			credit numeric(10,2) DEFAULT 0 CONSTRAINT credit_positive CHECK (credit >= 0),
			created timestamptz NOT NULL DEFAULT now(),
			best_order bigint)`,
		`CREATE TABLE orders (
			id bigserial PRIMARY KEY,
			customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
			no integer NOT NULL DEFAULT nextval('invoice_no'),
			note text,
			CONSTRAINT orders_no_uq UNIQUE (customer_id, no))`,
		`ALTER TABLE customers ADD CONSTRAINT customers_best_order_fk FOREIGN KEY (best_order) REFERENCES orders (id)`,
		`CREATE INDEX orders_note_idx ON orders (lower(note))`,
		`CREATE INDEX customers_created_idx ON customers (created DESC, email)`,
		`CREATE TABLE tags (customer_id integer REFERENCES customers, tag text NOT NULL, PRIMARY KEY (customer_id, tag))`,
		`CREATE VIEW rich_customers AS SELECT id, email FROM customers WHERE credit > 100`,
		`INSERT INTO customers (email, credit) VALUES ('a@x', 10), ('b@x', 200)`,
		`INSERT INTO orders (customer_id, note) VALUES (1, 'first'), (2, 'second')`,
		`UPDATE customers SET best_order = 1 WHERE id = 1`,
		`INSERT INTO tags VALUES (1, 'vip'), (2, 'new')`,
	},
	testutil.MySQL: {
		`CREATE TABLE customers (
			id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
			email VARCHAR(200) NOT NULL,
			mood ENUM('sad','ok','happy') NOT NULL DEFAULT 'ok',
			credit DECIMAL(10,2) DEFAULT 0,
			created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
			best_order BIGINT NULL,
			UNIQUE KEY customers_email_uq (email),
			KEY customers_created_idx (created, email),
			CONSTRAINT credit_positive CHECK (credit >= 0)) ENGINE=InnoDB`,
		`CREATE TABLE orders (
			id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
			customer_id INT NOT NULL,
			no INT NOT NULL DEFAULT 1000,
			note TEXT,
			UNIQUE KEY orders_no_uq (customer_id, no),
			KEY orders_note_idx (note(20)),
			CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE) ENGINE=InnoDB`,
		`ALTER TABLE customers ADD CONSTRAINT customers_best_order_fk FOREIGN KEY (best_order) REFERENCES orders (id)`,
		`CREATE TABLE tags (customer_id INT NOT NULL, tag VARCHAR(40) NOT NULL, PRIMARY KEY (customer_id, tag),
			CONSTRAINT tags_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB`,
		`CREATE VIEW rich_customers AS SELECT id, email FROM customers WHERE credit > 100`,
		`INSERT INTO customers (email, credit) VALUES ('a@x', 10), ('b@x', 200)`,
		`INSERT INTO orders (customer_id, no, note) VALUES (1, 1, 'first'), (2, 1, 'second')`,
		`UPDATE customers SET best_order = 1 WHERE id = 1`,
		`INSERT INTO tags VALUES (1, 'vip'), (2, 'new')`,
	},
	testutil.SQLite: {
		`CREATE TABLE customers (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			email TEXT NOT NULL UNIQUE,
			mood TEXT NOT NULL DEFAULT 'ok' CHECK (mood IN ('sad', 'ok', 'happy')),
			credit NUMERIC DEFAULT 0 CONSTRAINT credit_positive CHECK (credit >= 0),
			created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
			best_order INTEGER REFERENCES orders (id))`,
		`CREATE TABLE orders (
			id INTEGER PRIMARY KEY,
			customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
			no INTEGER NOT NULL DEFAULT 1000,
			note TEXT,
			CONSTRAINT orders_no_uq UNIQUE (customer_id, no))`,
		`CREATE INDEX orders_note_idx ON orders (lower(note))`,
		`CREATE INDEX customers_created_idx ON customers (created DESC, email)`,
		`CREATE TABLE tags (customer_id INTEGER REFERENCES customers, tag TEXT NOT NULL, PRIMARY KEY (customer_id, tag))`,
		`CREATE VIEW rich_customers AS SELECT id, email FROM customers WHERE credit > 100`,
		`INSERT INTO customers (email, credit) VALUES ('a@x', 10), ('b@x', 200)`,
		`INSERT INTO orders (customer_id, note) VALUES (1, 'first'), (2, 'second')`,
		`UPDATE customers SET best_order = 1 WHERE id = 1`,
		`INSERT INTO tags VALUES (1, 'vip'), (2, 'new')`,
	},
}

// inspectUser reads a test database's schema without the version table.
func inspectUser(t *testing.T, db *testutil.DB) *schema.Schema {
	t.Helper()
	s, err := autogen.Inspect(context.Background(), db.DB, db.Dialect, schema.InspectOptions{Skip: []string{"alembic_version", "retort_history"}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A baseline of a populated database, written by NewRevision and applied to
// an empty database, reproduces the schema exactly; its downgrade leaves
// nothing; the populated database is stamped at it without running it, and
// a second baseline is then refused.
func TestBaselineRoundTrip(t *testing.T) {
	t.Parallel()
	for _, dialect := range testutil.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			src := testutil.New(t, dialect)
			for _, q := range populated[dialect] {
				if _, err := src.DB.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			want := inspectUser(t, src)
			dir := filepath.Join(t.TempDir(), "versions")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			m, err := retort.Open(ctx, src.DB, nil, retort.WithVersionDirs(dir), retort.WithScriptLocation(filepath.Dir(dir)))
			if err != nil {
				t.Fatal(err)
			}
			c, err := m.Baseline(ctx, schema.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if c.Clean() || c.Upgrade == "" || c.Downgrade == "" {
				t.Fatalf("empty baseline: %+v", c)
			}
			if strings.Contains(c.Upgrade, "alembic_version") {
				t.Errorf("the version table is in the baseline:\n%s", c.Upgrade)
			}
			path, rev, err := m.NewRevision(retort.RevisionOptions{Message: "baseline", RevID: "base1", Upgrade: c.Upgrade, Downgrade: c.Downgrade})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s:\n%s", path, c.Upgrade)

			// Applied to an empty database it reproduces the schema.
			dst := testutil.New(t, dialect)
			md, err := retort.Open(ctx, dst.DB, nil, retort.WithVersionDirs(dir), retort.WithScriptLocation(filepath.Dir(dir)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := md.Upgrade(ctx, "head"); err != nil {
				t.Fatalf("upgrade:\n%s\n%v", c.Upgrade, err)
			}
			got := inspectUser(t, dst)
			for _, pair := range [][2]*schema.Schema{{want, got}, {got, want}} {
				r, err := autogen.Check(pair[0], pair[1], dialect)
				if err != nil {
					t.Fatal(err)
				}
				if !r.Clean() {
					t.Errorf("baseline does not reproduce the schema: %+v\nupgrade:\n%s", r.Differences, c.Upgrade)
				}
			}
			wj, _ := json.MarshalIndent(want, "", " ")
			gj, _ := json.MarshalIndent(got, "", " ")
			if string(wj) != string(gj) {
				t.Errorf("inspected schemas differ:\nsource:\n%s\nbaseline applied:\n%s", wj, gj)
			}
			if rows := dst.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{rev.ID}) {
				t.Errorf("version rows %v", rows)
			}
			// Its downgrade drops it all, in dependency order.
			if _, err := md.Downgrade(ctx, "base"); err != nil {
				t.Fatalf("downgrade:\n%s\n%v", c.Downgrade, err)
			}
			if left := inspectUser(t, dst); len(left.Tables)+len(left.Views)+len(left.Enums)+len(left.Sequences) != 0 {
				lj, _ := json.Marshal(left)
				t.Errorf("downgrade left %s", lj)
			}

			// Stamp marks the source without running the baseline.
			m2, err := retort.Open(ctx, src.DB, nil, retort.WithVersionDirs(dir), retort.WithScriptLocation(filepath.Dir(dir)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m2.Stamp(ctx, []string{"head"}); err != nil {
				t.Fatal(err)
			}
			if rows := src.Strings(t, "SELECT version_num FROM alembic_version"); !slices.Equal(rows, []string{rev.ID}) {
				t.Errorf("stamped rows %v", rows)
			}
			if n := src.Strings(t, "SELECT COUNT(*) FROM orders"); !slices.Equal(n, []string{"2"}) {
				t.Errorf("orders after stamp: %v", n)
			}
			// A database at a revision is refused, and nothing changes.
			_, err = m2.Baseline(ctx, schema.Filter{})
			if !errors.Is(err, retort.ErrAlreadyVersioned) || !strings.Contains(err.Error(), rev.ID) {
				t.Errorf("baseline of a stamped database: %v", err)
			}
			if again := inspectUser(t, src); mustJSON(t, again) != string(wj) {
				t.Error("a refused baseline changed the schema")
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
