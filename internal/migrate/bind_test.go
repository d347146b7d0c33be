package migrate_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/internal/versiontable"
)

// hostileEnv is newEnv on a database whose server reads string literals
// unlike its default (testutil.NewHostile); on MySQL the run's connection
// batches bookkeeping as mode says: "multi" (multiStatements) or "single"
// (MariaDB compound statements), each with the driver interpolating bound
// values or ("/prepared") preparing them, which leaves the step-closing
// batch out.
func hostileEnv(t *testing.T, dn, mode string) *env {
	t.Helper()
	db := testutil.NewHostile(t, dn)
	ds := db.DataSource
	if strings.HasPrefix(mode, "single") {
		ds = strings.Replace(ds, "multiStatements=true&", "", 1)
	}
	if strings.HasSuffix(mode, "/prepared") {
		ds = strings.Replace(ds, "interpolateParams=true&", "", 1)
	}
	h, err := sql.Open(db.DriverName, ds)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	db.DB = h
	return newEnvOn(t, db, false)
}

// TestHostileSettingsOnline: revision ids, paths, statements and errors
// holding backslashes, quotes, dollar quotes and non-ASCII text are recorded
// byte for byte by a run under PostgreSQL's standard_conforming_strings=off
// and MySQL's NO_BACKSLASH_ESCAPES, through every way the runner batches its
// bookkeeping; a failing step records its statement and error as sent.
func TestHostileSettingsOnline(t *testing.T) {
	t.Parallel()
	cases := [][2]string{{testutil.SQLite, ""}, {testutil.Postgres, ""}}
	for _, m := range []string{"multi", "multi/prepared", "single", "single/prepared"} {
		cases = append(cases, [2]string{testutil.MySQL, m})
	}
	ids := []string{`a\'b`, `c$$d`, `e''\\`, `ü\€`}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c[0]+"/"+c[1], "/"), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			e := hostileEnv(t, c[0], c[1])
			var steps []revision.Step
			for i, id := range ids {
				path := fmt.Sprintf(`versions/%d_it's\a $$ "q" ü.sql`, i)
				e.units["up:"+id] = &migrate.Unit{Path: path, Checksum: `sum\'` + id, Statements: []script.Statement{
					{SQL: fmt.Sprintf("CREATE TABLE t_%d (id INTEGER)", i), Line: 6},
					{SQL: fmt.Sprintf("INSERT INTO runlog (id, rev) VALUES (%d, 'x')", i), Line: 7},
				}}
				r := &revision.Revision{ID: id, Path: path, Message: `it's \ a message`}
				s := revision.Step{Direction: revision.Up, Revision: r, To: []string{id},
					Changes: []revision.RowChange{{Op: revision.Insert, To: id}}}
				if i > 0 {
					s.From = []string{ids[i-1]}
					s.Changes = []revision.RowChange{{Op: revision.Update, From: ids[i-1], To: id}}
				}
				steps = append(steps, s)
			}
			if _, err := e.runner.Online(ctx, e.conn, &revision.Plan{Direction: revision.Up, Steps: steps}); err != nil {
				t.Fatal(err)
			}
			if got := e.rows(); !slices.Equal(got, ids[len(ids)-1:]) {
				t.Errorf("rows %q", got)
			}
			h := e.history()
			if len(h) != len(ids) {
				t.Fatalf("history %+v", h)
			}
			for i, x := range h {
				u := e.units["up:"+ids[i]]
				if x.Revision != ids[i] || x.Path != u.Path || x.Checksum != u.Checksum || x.Status != versiontable.StatusDone {
					t.Errorf("history row %d: %q %q %q %s", i, x.Revision, x.Path, x.Checksum, x.Status)
				}
				want := versiontable.EncodeChanges(migrate.Changes(steps[i]))
				if x.Changes != want {
					t.Errorf("history row %d changes %q, want %q", i, x.Changes, want)
				}
			}

			// A failing statement holding every awkward character: recorded
			// as sent, with the server's message.
			last := ids[len(ids)-1]
			bad := `INSERT INTO no_such_table VALUES ('it''s \ $$ ü')`
			e.units["up:z'\\"] = &migrate.Unit{Path: `versions/z'\.sql`, Statements: []script.Statement{
				{SQL: "CREATE TABLE t_z (id INTEGER)", Line: 3}, {SQL: bad, Line: 4}}}
			z := &revision.Revision{ID: `z'\`, Path: `versions/z'\.sql`}
			_, err := e.runner.Online(ctx, e.conn, &revision.Plan{Direction: revision.Up, Steps: []revision.Step{{Direction: revision.Up,
				Revision: z, From: []string{last}, To: []string{z.ID}, Changes: []revision.RowChange{{Op: revision.Update, From: last, To: z.ID}}}}})
			if err == nil {
				t.Fatal("no error")
			}
			if got := e.rows(); !slices.Equal(got, []string{last}) {
				t.Errorf("rows after failure %q", got)
			}
			h = e.history()
			f := h[len(h)-1]
			if f.Revision != z.ID || f.FailedSQL != bad || f.FailedLine != 4 || !strings.Contains(f.Error, "no_such_table") ||
				f.Success {
				t.Errorf("failed step's row: %+v", f)
			}
			var pe *migrate.PartialError
			if c[0] == testutil.MySQL {
				if !errors.As(err, &pe) || f.Status != versiontable.StatusFailed || f.Executed != 1 || f.Path != `versions/z'\.sql` {
					t.Errorf("err %v, row %+v", err, f)
				}
			} else if f.Status != versiontable.StatusRollback {
				t.Errorf("row %+v", f)
			}
		})
	}
}

// TestOfflineAwkwardIDs: an offline script's literals, escaped for the
// server's default settings, write the ids byte for byte when run by the
// database's own client on a server so set.
func TestOfflineAwkwardIDs(t *testing.T) {
	t.Parallel()
	ids := []string{`a\'b`, `c$$d`, `e''\\`, `ü\€`}
	for _, dn := range testutil.Dialects() {
		t.Run(dn, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, dn, false)
			var steps []revision.Step
			for i, id := range ids {
				e.units["up:"+id] = &migrate.Unit{Statements: []script.Statement{{SQL: fmt.Sprintf("CREATE TABLE t_%d (id INTEGER)", i)}}}
				s := revision.Step{Direction: revision.Up, Revision: &revision.Revision{ID: id}, To: []string{id},
					Changes: []revision.RowChange{{Op: revision.Insert, To: id}}}
				if i > 0 && i < 3 {
					s.From = []string{ids[i-1]}
					s.Changes = []revision.RowChange{{Op: revision.Update, From: ids[i-1], To: id}}
				}
				steps = append(steps, s)
			}
			var buf bytes.Buffer
			if err := e.runner.Offline(&buf, &revision.Plan{Direction: revision.Up, Steps: steps}, false); err != nil {
				t.Fatal(err)
			}
			runClient(t, e.db, buf.String())
			got := e.rows()
			want := []string{ids[2], ids[3]}
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("rows %q, want %q\n%s", got, want, buf.String())
			}
		})
	}
}
