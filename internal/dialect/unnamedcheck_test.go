package dialect_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// A CHECK without a name (as SQLAlchemy adds a Boolean's) is added as the
// server would name it: ALTER TABLE … ADD CHECK, never CONSTRAINT "" (a
// syntax error on PostgreSQL). On every dialect the rendered change runs
// and the check then holds.
func TestAddUnnamedCheck(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			d := dialectFor(name).(dialect.Required)
			ctx := context.Background()
			if _, err := db.DB.ExecContext(ctx, "CREATE TABLE book (id INTEGER NOT NULL PRIMARY KEY, n INTEGER)"); err != nil {
				t.Fatal(err)
			}
			live, err := d.Inspect(ctx, db.DB, schema.InspectOptions{})
			if err != nil {
				t.Fatal(err)
			}
			from := live.Table("", "book")
			if from == nil {
				t.Fatalf("no table book in %+v", live)
			}
			to := from.Clone()
			to.SQL = "" // SQLite: the table's text no longer describes it
			ck := &schema.Check{Expr: "n >= 0"}
			to.Checks = append(to.Checks, ck)
			out, err := d.Render([]schema.Change{&schema.ModifyTable{From: from, To: to, Changes: []schema.TableChange{&schema.AddCheck{Check: ck}}}})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range out.Statements {
				if strings.Contains(st.SQL, `CONSTRAINT ""`) || strings.Contains(st.SQL, "CONSTRAINT ``") {
					t.Errorf("an unnamed check rendered with an empty name: %s", st.SQL)
				}
				if _, err := db.DB.ExecContext(ctx, st.SQL); err != nil {
					t.Fatalf("%s: %v", st.SQL, err)
				}
			}
			if _, err := db.DB.ExecContext(ctx, "INSERT INTO book (id, n) VALUES (1, 0)"); err != nil {
				t.Fatalf("a row the check allows: %v", err)
			}
			if _, err := db.DB.ExecContext(ctx, "INSERT INTO book (id, n) VALUES (2, -1)"); err == nil {
				t.Error("a row the check forbids was inserted: the check is not there")
			}
		})
	}
}
