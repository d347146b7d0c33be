package migrate_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// shop creates regions <- customers <- orders: the rebuilt table (customers)
// has foreign keys pointing from it (to regions, and to itself) and at it
// (from orders, ON DELETE CASCADE), an index, and rows.
func (e *env) shop(nullNick bool) {
	e.t.Helper()
	nick := "'bea'"
	if nullNick {
		nick = "NULL"
	}
	for _, q := range []string{
		"CREATE TABLE regions (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
		"CREATE TABLE customers (id INTEGER PRIMARY KEY, nick TEXT, region_id INTEGER REFERENCES regions (id), referrer_id INTEGER REFERENCES customers (id))",
		"CREATE INDEX ix_customers_nick ON customers (nick)",
		"CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE)",
		"INSERT INTO regions VALUES (1, 'north'), (2, 'south')",
		"INSERT INTO customers VALUES (1, 'al', 1, NULL), (2, " + nick + ", 2, 1), (3, 'cy', 1, 2)",
		"INSERT INTO orders VALUES (10, 1), (11, 2), (12, 3)",
	} {
		e.exec(q)
	}
}

// rebuildCustomers is the rebuild autogenerate writes for making
// customers.nick NOT NULL, plus extra statements before the copy; where
// filters the copied rows.
func rebuildCustomers(where string, extra ...string) []script.Statement {
	sqls := []string{
		"PRAGMA foreign_keys = OFF",
		"PRAGMA legacy_alter_table = ON",
		"ALTER TABLE customers RENAME TO _retort_old_customers",
		"PRAGMA legacy_alter_table = OFF",
		"CREATE TABLE customers (id INTEGER PRIMARY KEY, nick TEXT NOT NULL, region_id INTEGER REFERENCES regions (id), referrer_id INTEGER REFERENCES customers (id))",
	}
	sqls = append(sqls, extra...)
	sqls = append(sqls,
		"INSERT INTO customers (id, nick, region_id, referrer_id) SELECT id, nick, region_id, referrer_id FROM _retort_old_customers"+where,
		"DROP TABLE _retort_old_customers",
		"CREATE INDEX ix_customers_nick ON customers (nick)",
	)
	out := make([]script.Statement, len(sqls))
	for i, s := range sqls {
		out[i] = script.Statement{SQL: s, Line: 30 + i}
	}
	return out
}

// shopState is the schema and rows of the shop's tables, and any table
// whose name starts with "_" (a rebuild's leftovers).
func (e *env) shopState() string {
	e.t.Helper()
	var b strings.Builder
	q := `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
		WHERE tbl_name IN ('regions', 'customers', 'orders') OR name LIKE '\_%' ESCAPE '\' ORDER BY type, name`
	for _, s := range e.strings(q) {
		b.WriteString(s + "\n")
	}
	for _, tb := range []string{"regions", "customers", "orders"} {
		for _, s := range e.strings("SELECT * FROM " + tb + " ORDER BY id") {
			b.WriteString(tb + ": " + s + "\n")
		}
	}
	return b.String()
}

func (e *env) strings(q string) []string {
	e.t.Helper()
	var out []string
	rows, err := e.conn.QueryContext(context.Background(), q)
	if err != nil {
		e.t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			e.t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

func (e *env) pragma(name string) int {
	e.t.Helper()
	var v int
	if err := e.conn.QueryRowContext(context.Background(), "PRAGMA "+name).Scan(&v); err != nil {
		e.t.Fatal(err)
	}
	return v
}

// A rebuild runs inside the run's transaction with foreign keys off: rows
// that reference the rebuilt table are not cascaded away, the table's own
// foreign keys survive, and the connection has foreign keys on again after.
func TestRebuildKeepsForeignKeys(t *testing.T) {
	t.Parallel()
	for _, per := range []bool{false, true} {
		t.Run(fmt.Sprintf("per=%v", per), func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, testutil.SQLite, per)
			e.shop(false)
			p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
			e.units["up:b"].Statements = rebuildCustomers("")
			if _, err := e.runner.Online(context.Background(), e.conn, p); err != nil {
				t.Fatal(err)
			}
			if got := e.rows(); !slices.Equal(got, []string{"c"}) {
				t.Errorf("version rows %v", got)
			}
			if got := e.strings("SELECT id || ':' || nick || ':' || region_id || ':' || coalesce(referrer_id, '-') FROM customers ORDER BY id"); !slices.Equal(got, []string{"1:al:1:-", "2:bea:2:1", "3:cy:1:2"}) {
				t.Errorf("customers %v", got)
			}
			if got := e.strings("SELECT id || ':' || customer_id FROM orders ORDER BY id"); !slices.Equal(got, []string{"10:1", "11:2", "12:3"}) {
				t.Errorf("orders %v (cascaded by the rebuild?)", got)
			}
			if got := e.strings(`SELECT "table" || ' -> ' || parent FROM pragma_foreign_key_check`); len(got) != 0 {
				t.Errorf("foreign_key_check: %v", got)
			}
			if got := e.strings(`SELECT "from" || '->' || "table" || '.' || "to" FROM pragma_foreign_key_list('customers') ORDER BY "from"`); !slices.Equal(got, []string{"referrer_id->customers.id", "region_id->regions.id"}) {
				t.Errorf("customers' foreign keys %v", got)
			}
			if got := e.strings(`SELECT "from" || '->' || "table" || '.' || "to" FROM pragma_foreign_key_list('orders')`); !slices.Equal(got, []string{"customer_id->customers.id"}) {
				t.Errorf("orders' foreign keys %v", got)
			}
			if got := e.strings("SELECT name FROM sqlite_master WHERE name LIKE '\\_%' ESCAPE '\\' OR sql LIKE '%_retort_old%'"); len(got) != 0 {
				t.Errorf("leftovers: %v", got)
			}
			if got := e.strings("SELECT sql FROM sqlite_master WHERE name = 'customers'"); !slices.Equal(got, []string{rebuildCustomers("")[4].SQL}) {
				t.Errorf("customers is %v", got)
			}
			if e.pragma("foreign_keys") != 1 || e.pragma("legacy_alter_table") != 0 {
				t.Errorf("after the run foreign_keys = %d, legacy_alter_table = %d; want 1, 0", e.pragma("foreign_keys"), e.pragma("legacy_alter_table"))
			}
			// Enforcement is really back: deleting a customer cascades.
			e.exec("DELETE FROM customers WHERE id = 3")
			if got := e.strings("SELECT id FROM orders ORDER BY id"); !slices.Equal(got, []string{"10", "11"}) {
				t.Errorf("orders after a cascading delete %v", got)
			}
		})
	}
}

// A rebuild that fails — inside the copy, at the foreign key check, or
// while renames are in legacy mode — leaves the table, its rows, its indexes,
// the version rows and the history as they were, and the connection as it
// was.
func TestRebuildFailureRollsBack(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		nullNick bool
		stmts    []script.Statement
		want     []string // in the error
	}{
		{name: "not null over NULLs", nullNick: true, stmts: rebuildCustomers(""),
			want: []string{"versions/b.sql:35", "NOT NULL constraint failed: customers.nick"}},
		{name: "breaks a foreign key", stmts: rebuildCustomers(" WHERE id <> 2"),
			want: []string{"PRAGMA foreign_key_check: 2 rows break foreign keys", "orders row 11: orders.customer_id references customers.id, which has no matching row",
				"customers row 3: customers.referrer_id references customers.id"}},
		{name: "fails in legacy mode", stmts: append([]script.Statement{{SQL: "PRAGMA legacy_alter_table = ON"}, {SQL: "ALTER TABLE no_such_table RENAME TO x", Line: 9}}, rebuildCustomers("")...),
			want: []string{"versions/b.sql:9", "no such table"}},
	}
	for _, c := range cases {
		for _, per := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/per=%v", c.name, per), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, testutil.SQLite, per)
				e.shop(c.nullNick)
				before := e.shopState()
				p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
				e.units["up:b"].Statements = c.stmts
				_, err := e.runner.Online(context.Background(), e.conn, p)
				var se *migrate.StmtError
				if !errors.As(err, &se) || se.Revision != "b" {
					t.Fatalf("want a StmtError for b, got %T %v", err, err)
				}
				msg := err.Error()
				wantRolled := "rolled back: the database is as it was before this run"
				if per {
					wantRolled = "rolled back: this step; the 1 earlier step(s) of this run stay committed"
				}
				for _, w := range append(c.want, wantRolled) {
					if !strings.Contains(msg, w) {
						t.Errorf("error lacks %q:\n%s", w, msg)
					}
				}
				if strings.Contains(msg, "stay committed") && !per || strings.Contains(msg, "resolve") {
					t.Errorf("error says something stays:\n%s", msg)
				}
				if after := e.shopState(); after != before {
					t.Errorf("the shop changed:\nbefore:\n%s\nafter:\n%s", before, after)
				}
				wantRows, wantLog, wantHist := []string{}, []string(nil), []string{"b rolled-back"}
				if per {
					wantRows, wantLog, wantHist = []string{"a"}, []string{"up a"}, []string{"a done", "b rolled-back"}
				}
				if got := e.rows(); !slices.Equal(got, wantRows) {
					t.Errorf("version rows %v, want %v", got, wantRows)
				}
				if got := e.log(); !slices.Equal(got, wantLog) {
					t.Errorf("log %v, want %v", got, wantLog)
				}
				var hist []string
				for _, h := range e.history() {
					hist = append(hist, h.Revision+" "+h.Status)
					if h.Status == versiontable.StatusRollback && h.Revision == "b" && h.Executed != 0 {
						t.Errorf("a rolled-back step records %d statements as executed", h.Executed)
					}
				}
				if !slices.Equal(hist, wantHist) {
					t.Errorf("history %v, want %v", hist, wantHist)
				}
				if e.pragma("foreign_keys") != 1 || e.pragma("legacy_alter_table") != 0 {
					t.Errorf("after the failure foreign_keys = %d, legacy_alter_table = %d; want 1, 0", e.pragma("foreign_keys"), e.pragma("legacy_alter_table"))
				}
				if e.tableExists("t_b") || e.tableExists("t_c") {
					t.Error("steps b or c left tables")
				}
			})
		}
	}
}

// Foreign keys are off for the whole transaction that holds a rebuild, so in
// a whole-run transaction another revision's cascading delete does not
// cascade: the check after that revision catches the orphans, rolls back and
// says why. One transaction per revision keeps the pause to the rebuild.
func TestForeignKeyPauseScope(t *testing.T) {
	t.Parallel()
	for _, per := range []bool{false, true} {
		t.Run(fmt.Sprintf("per=%v", per), func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, testutil.SQLite, per)
			e.shop(false)
			before := e.shopState()
			p := linearPlan(e.rev("a", 1, "DELETE FROM customers WHERE id = 3"), e.rev("b", 2), e.rev("c", 3))
			e.units["up:b"].Statements = rebuildCustomers("")
			_, err := e.runner.Online(context.Background(), e.conn, p)
			if per {
				if err != nil {
					t.Fatal(err)
				}
				if got := e.strings("SELECT id FROM orders ORDER BY id"); !slices.Equal(got, []string{"10", "11"}) {
					t.Errorf("orders %v: the delete in its own transaction must cascade", got)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range []string{"revision a failed", "orders row 12: orders.customer_id references customers.id",
				"foreign keys were off in this transaction because revision b rebuilds tables", "transaction_per_migration = true",
				"rolled back: the database is as it was before this run"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			if after := e.shopState(); after != before {
				t.Errorf("the shop changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if got := e.rows(); len(got) != 0 {
				t.Errorf("version rows %v", got)
			}
			if e.pragma("foreign_keys") != 1 {
				t.Error("foreign keys are off after the run")
			}
		})
	}
}

// On a connection whose foreign keys are off, a rebuild leaves them off and
// checks nothing (SQLite's procedure checks only when they were on).
func TestRebuildWithForeignKeysOff(t *testing.T) {
	t.Parallel()
	e := newEnv(t, testutil.SQLite, false)
	e.shop(false)
	e.exec("PRAGMA foreign_keys = OFF")
	p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
	e.units["up:b"].Statements = rebuildCustomers(" WHERE id <> 2")
	if _, err := e.runner.Online(context.Background(), e.conn, p); err != nil {
		t.Fatal(err)
	}
	if got := e.rows(); !slices.Equal(got, []string{"c"}) {
		t.Errorf("version rows %v", got)
	}
	if e.pragma("foreign_keys") != 0 {
		t.Error("foreign keys were switched on")
	}
}

// The offline script of a rebuild does what an online run does when the
// sqlite3 client runs it: the rebuild commits with foreign keys intact, and
// one that breaks a foreign key rolls back.
func TestOfflineRebuild(t *testing.T) {
	t.Parallel()
	for _, breaks := range []bool{false, true} {
		t.Run(fmt.Sprintf("breaks=%v", breaks), func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, testutil.SQLite, false)
			e.shop(false)
			before := e.shopState()
			where := ""
			if breaks {
				where = " WHERE id <> 2"
			}
			p := linearPlan(e.rev("a", 1), e.rev("b", 2), e.rev("c", 3))
			e.units["up:b"].Statements = rebuildCustomers(where)
			var buf bytes.Buffer
			if err := e.runner.Offline(&buf, p, false); err != nil {
				t.Fatal(err)
			}
			s := buf.String()
			if !strings.HasPrefix(s, "-- A revision below rebuilds tables") || !strings.Contains(s, "PRAGMA foreign_keys = OFF;\n\nBEGIN;") ||
				!strings.HasSuffix(s, "COMMIT;\n\nPRAGMA foreign_keys = ON;\n\n") {
				t.Errorf("script:\n%s", s)
			}
			e.conn.Close()
			if !breaks {
				runClient(t, e.db, s)
				e.conn = mustConn(t, e.db)
				if got := e.rows(); !slices.Equal(got, []string{"c"}) {
					t.Errorf("version rows %v", got)
				}
				if got := e.strings("SELECT id FROM orders ORDER BY id"); !slices.Equal(got, []string{"10", "11", "12"}) {
					t.Errorf("orders %v", got)
				}
				return
			}
			out, err := clientOutput(e.db, s)
			if err == nil || !strings.Contains(out, "CHECK constraint failed: foreign_key_violations = 0") {
				t.Errorf("sqlite3 must stop at the check: %v\n%s", err, out)
			}
			e.conn = mustConn(t, e.db)
			if after := e.shopState(); after != before {
				t.Errorf("the shop changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if got := e.rows(); len(got) != 0 {
				t.Errorf("version rows %v", got)
			}
		})
	}
}

func mustConn(t *testing.T, db *testutil.DB) *sql.Conn {
	t.Helper()
	c, err := db.DB.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// clientOutput runs a script with sqlite3 -bail.
func clientOutput(db *testutil.DB, sqlText string) (string, error) {
	cmd := exec.Command("sqlite3", "-bail", db.Name)
	cmd.Stdin = strings.NewReader(sqlText)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
