package dialect_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/dialect/postgres"
	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/testutil"
)

func dialectFor(name string) dialect.Dialect {
	switch name {
	case testutil.Postgres:
		return postgres.New()
	case testutil.MySQL:
		return mysql.New()
	}
	return sqlite.New()
}

func TestQuoting(t *testing.T) {
	t.Parallel()
	pg, my, lite := postgres.New(), mysql.New(), sqlite.New()
	for _, c := range []struct {
		d    dialect.Dialect
		in   string
		want string
	}{
		{pg, "alembic_version", "alembic_version"},
		{pg, "user", `"user"`},
		{pg, "Mixed", `"Mixed"`},
		{pg, `we"ird`, `"we""ird"`},
		{my, "alembic_version", "alembic_version"},
		{my, "order", "`order`"},
		{my, "a`b", "`a``b`"},
		{lite, "t1", "t1"},
		{lite, "1t", `"1t"`},
		{lite, "table", `"table"`},
	} {
		if got := c.d.QuoteIdent(c.in); got != c.want {
			t.Errorf("%s.QuoteIdent(%q) = %q, want %q", c.d.Name(), c.in, got, c.want)
		}
	}
	if got := pg.QuoteString(`it's \n`); got != `'it''s \n'` {
		t.Errorf("pg string %s", got)
	}
	if got := my.QuoteString(`it's \n`); got != `'it''s \\n'` {
		t.Errorf("mysql string %s", got)
	}
}

func TestClientStatements(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1;"},
		{"SELECT 1 -- note", "SELECT 1 -- note\n;"},
		{"SELECT 1 # note", "SELECT 1 # note\n;"},
		{"CREATE PROCEDURE p() BEGIN SELECT 1; END", "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\nDELIMITER ;"},
		{"CREATE PROCEDURE p() BEGIN SELECT '$$'; END", "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT '$$'; END //\nDELIMITER ;"},
	} {
		if got := mysql.New().ClientStatement(c.in); got != c.want {
			t.Errorf("ClientStatement(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := dialect.Terminate("SELECT 1\n-- x", ";", false); got != "SELECT 1\n-- x\n;" {
		t.Errorf("Terminate = %q", got)
	}
	if got := mysql.LockName("db", strings.Repeat("x", 80)); len(got) > 64 || !strings.HasPrefix(got, "retort.") {
		t.Errorf("LockName = %q", got)
	}
}

// TestLock: the lock excludes a second session, reports its holder, times
// out cleanly, is released by Unlock, and dies with its connection.
func TestLock(t *testing.T) {
	t.Parallel()
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, dn)
			d := dialectFor(dn)
			open := func() *sql.Conn {
				h, err := sql.Open(db.DriverName, db.DataSource)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { h.Close() })
				c, err := h.Conn(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return c
			}
			c1, c2 := open(), open()
			unlock, err := d.Lock(ctx, c1, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var holder string
			_, err = d.Lock(ctx, c2, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{Timeout: 300 * time.Millisecond, Poll: 50 * time.Millisecond,
				Wait: func(h string) { holder = h }})
			var te *dialect.LockTimeoutError
			if !errors.Is(err, dialect.ErrLockTimeout) || !errors.As(err, &te) || holder == "" || te.Holder != holder {
				t.Fatalf("second lock: %v (holder %q)", err, holder)
			}
			t.Logf("holder: %s", holder)
			// another version table is independent (SQLite locks the whole file)
			if dn != testutil.SQLite {
				u2, err := d.Lock(ctx, c2, dialect.Table{Name: "other_version"}, dialect.LockOptions{Timeout: time.Second})
				if err != nil {
					t.Fatalf("other key: %v", err)
				}
				u2(ctx)
			}
			if err := unlock(ctx); err != nil {
				t.Fatal(err)
			}
			u3, err := d.Lock(ctx, c2, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{Timeout: time.Second})
			if err != nil {
				t.Fatalf("after unlock: %v", err)
			}
			if dn == testutil.SQLite {
				// the SQLite lock belongs to the process (the OS drops it when the process dies)
				u3(ctx)
				return
			}
			// closing the holder's connection frees the lock
			_ = c2.Raw(func(any) error { return errBad })
			c2.Close()
			c3 := open()
			u4, err := d.Lock(ctx, c3, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{Timeout: 5 * time.Second})
			if err != nil {
				t.Fatalf("after the holder's connection died: %v", err)
			}
			u4(ctx)
		})
	}
}
