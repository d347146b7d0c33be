package sqlstate_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// The property: whatever the models were before and however they changed,
// a load through the cache (whole entry, unit pack, or both stale) equals
// a load without one.

type rcol struct {
	name, typ string
	notNull   bool
	def       string
	serial    bool
}

type rfk struct {
	col, target, name string
}

type ridx struct {
	name   string // "" = let the server name it (PostgreSQL)
	cols   []string
	unique bool
}

type rtable struct {
	name    string
	cols    []rcol
	idx     []ridx
	fks     []rfk
	comment string
}

// rmodels is a random desired schema in the words of one dialect.
type rmodels struct {
	d      string
	tables []*rtable
	view   bool // a CREATE VIEW at the end: not a unit, the models load whole
	n      int  // names made so far
}

// Table names share prefixes with column names so that PostgreSQL's
// generated names ("a_b_c_fkey", "a_b_c_seq") collide across tables.
var tableNames = []string{"a", "a_b", "b", "b_c", "c", "a_b_c", "d", "t1", "t", "ab"}
var colNames = []string{"b", "c", "b_c", "x", "c_x", "y", "note", "t1"}

func (m *rmodels) fresh(prefix string) string {
	m.n++
	return fmt.Sprintf("%s%d", prefix, m.n)
}

func (m *rmodels) table(name string) *rtable {
	for _, t := range m.tables {
		if t.name == name {
			return t
		}
	}
	return nil
}

func (m *rmodels) freeTableName(r *rand.Rand) string {
	for _, i := range r.Perm(len(tableNames)) {
		if m.table(tableNames[i]) == nil {
			return tableNames[i]
		}
	}
	return m.fresh("tb")
}

func (m *rmodels) colType(r *rand.Rand) string {
	types := []string{"integer", "varchar(20)", "varchar(40)", "bigint", "numeric(10,2)", "text"}
	if m.d == testutil.MySQL {
		types[5] = "varchar(200)"
	}
	return types[r.Intn(len(types))]
}

func (m *rmodels) newColumn(r *rand.Rand, t *rtable) {
	for _, i := range r.Perm(len(colNames)) {
		n := colNames[i]
		if slices.ContainsFunc(t.cols, func(c rcol) bool { return c.name == n }) {
			continue
		}
		c := rcol{name: n, typ: m.colType(r), notNull: r.Intn(3) == 0}
		if r.Intn(3) == 0 && (c.typ == "integer" || c.typ == "bigint") {
			c.def = fmt.Sprint(r.Intn(9))
		}
		if m.d == testutil.Postgres && r.Intn(6) == 0 {
			c = rcol{name: n, typ: "serial", serial: true}
		}
		t.cols = append(t.cols, c)
		return
	}
}

func (m *rmodels) newIndex(r *rand.Rand, t *rtable) {
	var plain []string
	for _, c := range t.cols[1:] {
		if c.typ != "text" {
			plain = append(plain, c.name)
		}
	}
	if len(plain) == 0 {
		return
	}
	ix := ridx{cols: []string{plain[r.Intn(len(plain))]}, unique: r.Intn(4) == 0}
	if m.d != testutil.Postgres || r.Intn(2) == 0 {
		ix.name = m.fresh("ix")
	}
	t.idx = append(t.idx, ix)
}

func (m *rmodels) newFK(r *rand.Rand, t *rtable) {
	target := m.tables[r.Intn(len(m.tables))]
	col := "r_" + target.name
	if slices.ContainsFunc(t.fks, func(f rfk) bool { return f.col == col }) {
		return
	}
	fk := rfk{col: col, target: target.name}
	if r.Intn(2) == 0 {
		fk.name = m.fresh("fk")
	}
	t.fks = append(t.fks, fk)
}

func (m *rmodels) newTable(r *rand.Rand) {
	t := &rtable{name: m.freeTableName(r), cols: []rcol{{name: "id", typ: "integer", notNull: true}}}
	m.tables = append(m.tables, t)
	for range 1 + r.Intn(3) {
		m.newColumn(r, t)
	}
	for range r.Intn(3) {
		m.newIndex(r, t)
	}
	if r.Intn(2) == 0 {
		m.newFK(r, t)
	}
	if m.d != testutil.SQLite && r.Intn(3) == 0 {
		t.comment = "about " + t.name
	}
}

func randomModels(r *rand.Rand, d string) *rmodels {
	m := &rmodels{d: d}
	for range 3 + r.Intn(6) {
		m.newTable(r)
	}
	return m
}

// edit changes the models at random: a column added, changed or dropped,
// an index added, a foreign key added or retargeted, a table renamed,
// dropped or added, a view added or removed. It returns what it did.
func (m *rmodels) edit(r *rand.Rand) string {
	t := m.tables[r.Intn(len(m.tables))]
	switch r.Intn(10) {
	case 0:
		m.newColumn(r, t)
		return "add a column to " + t.name
	case 1:
		if len(t.cols) > 1 {
			c := &t.cols[1+r.Intn(len(t.cols)-1)]
			if !c.serial {
				c.typ, c.notNull = m.colType(r), !c.notNull
				c.def = ""
				t.idx = slices.DeleteFunc(t.idx, func(x ridx) bool { return x.cols[0] == c.name && c.typ == "text" })
			}
			return "change column " + t.name + "." + c.name
		}
	case 2:
		if len(t.cols) > 1 {
			i := 1 + r.Intn(len(t.cols)-1)
			n := t.cols[i].name
			t.cols = slices.Delete(t.cols, i, i+1)
			t.idx = slices.DeleteFunc(t.idx, func(x ridx) bool { return x.cols[0] == n })
			return "drop column " + t.name + "." + n
		}
	case 3:
		m.newIndex(r, t)
		return "add an index to " + t.name
	case 4:
		if len(t.fks) > 0 {
			f := &t.fks[r.Intn(len(t.fks))]
			target := m.tables[r.Intn(len(m.tables))].name
			if !slices.ContainsFunc(t.fks, func(g rfk) bool { return g.col == "r_"+target }) {
				f.target, f.col = target, "r_"+target
			}
			return "retarget a foreign key of " + t.name
		}
		m.newFK(r, t)
		return "add a foreign key to " + t.name
	case 5:
		old := t.name
		t.name = m.freeTableName(r)
		for _, o := range m.tables {
			for i := range o.fks {
				if o.fks[i].target == old {
					o.fks[i].target = t.name
				}
			}
		}
		return "rename " + old + " to " + t.name
	case 6:
		if len(m.tables) > 2 {
			m.tables = slices.DeleteFunc(m.tables, func(o *rtable) bool { return o == t })
			for _, o := range m.tables {
				o.fks = slices.DeleteFunc(o.fks, func(f rfk) bool { return f.target == t.name })
			}
			return "drop " + t.name
		}
	case 7:
		m.newTable(r)
		return "add table " + m.tables[len(m.tables)-1].name
	case 8:
		m.view = !m.view
		return fmt.Sprintf("view %v", m.view)
	}
	if m.d != testutil.SQLite {
		t.comment = m.fresh("note ")
		return "comment on " + t.name
	}
	m.newColumn(r, t)
	return "add a column to " + t.name
}

// sql renders the models: tables in order, a foreign key inline when its
// target comes first (always on SQLite), else in an ALTER TABLE at the end.
func (m *rmodels) sql() string {
	var b, late strings.Builder
	pos := map[string]int{}
	for i, t := range m.tables {
		pos[t.name] = i
	}
	for i, t := range m.tables {
		var defs []string
		for _, c := range t.cols {
			s := c.name + " " + c.typ
			if c.name == "id" {
				s += " PRIMARY KEY"
			} else if c.notNull {
				s += " NOT NULL"
			}
			if c.def != "" {
				s += " DEFAULT " + c.def
			}
			defs = append(defs, s)
		}
		var fkc []string
		for _, f := range t.fks {
			defs = append(defs, f.col+" integer")
			c := ""
			if f.name != "" {
				c = "CONSTRAINT " + f.name + " "
			}
			c += fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (id)", f.col, f.target)
			if m.d == testutil.SQLite || pos[f.target] <= i {
				fkc = append(fkc, c)
			} else {
				fmt.Fprintf(&late, "ALTER TABLE %s ADD %s;\n", t.name, c)
			}
		}
		fmt.Fprintf(&b, "CREATE TABLE %s (\n  %s\n);\n", t.name, strings.Join(append(defs, fkc...), ",\n  "))
		for _, x := range t.idx {
			u := ""
			if x.unique {
				u = "UNIQUE "
			}
			fmt.Fprintf(&b, "CREATE %sINDEX %s ON %s (%s);\n", u, x.name, t.name, strings.Join(x.cols, ", "))
		}
		if t.comment != "" {
			if m.d == testutil.Postgres {
				fmt.Fprintf(&b, "COMMENT ON TABLE %s IS '%s';\nCOMMENT ON COLUMN %s.id IS 'key of %s';\n", t.name, t.comment, t.name, t.comment)
			} else {
				fmt.Fprintf(&b, "ALTER TABLE %s COMMENT = '%s';\n", t.name, t.comment)
			}
		}
	}
	b.WriteString(late.String())
	if m.view {
		fmt.Fprintf(&b, "CREATE VIEW v AS SELECT id FROM %s;\n", m.tables[0].name)
	}
	return b.String()
}

// normal is s after a gob round trip, as the cache stores it: nil and
// empty lists are one.
func normal(t *testing.T, s *schema.Schema) *schema.Schema {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatal(err)
	}
	var out schema.Schema
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func sameAsCold(t *testing.T, what string, got, cold *schema.Schema) {
	t.Helper()
	a, b := normal(t, got), normal(t, cold)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("%s: the cached load differs from a cold one at %s", what, firstDiff("schema", reflect.ValueOf(a), reflect.ValueOf(b)))
	}
}

func TestIncrementalRandomEdits(t *testing.T) {
	t.Parallel()
	seeds := 4
	if testing.Short() {
		seeds = 1
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := t.TempDir()
			models := filepath.Join(dir, "schema.sql")
			src := source(t, d, models)
			var units, loads, partial int
			for seed := range seeds {
				r := rand.New(rand.NewSource(int64(seed) + 1))
				m := randomModels(r, d)
				var rep sqlstate.LoadReport
				cache := sqlstate.Reporting(sqlstate.Cache{Dir: filepath.Join(dir, "cache"), ServerVersion: "v", Build: "test"},
					func(l sqlstate.LoadReport) { rep = l })
				history := []string{"start"}
				for step := range 6 {
					if step > 0 {
						for range 1 + r.Intn(3) {
							history = append(history, m.edit(r))
						}
					}
					text := m.sql()
					if err := os.WriteFile(models, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
					what := fmt.Sprintf("seed %d step %d (%s)\n%s", seed, step, strings.Join(history, "; "), text)
					cold, coldErr := sqlstate.Load(ctx, src)
					got, err := sqlstate.LoadCached(ctx, src, cache)
					if (err == nil) != (coldErr == nil) {
						t.Fatalf("%s: cached load error %v, cold load error %v", what, err, coldErr)
					}
					if err != nil {
						continue
					}
					sameAsCold(t, what, got, cold)
					loads++
					if rep.Units {
						units++
						if step > 0 && rep.Hits == 0 && len(m.tables) > 4 && len(rep.Ran) == len(m.tables) {
							t.Logf("%s: every unit ran again", what)
						}
					}
					if rep.Units && rep.Hits > 0 {
						partial++
					}
					if !m.view && !rep.Units && !rep.Whole {
						t.Logf("%s: loaded whole: %+v", what, rep)
					}
					// Unchanged: the whole entry.
					again, err := sqlstate.LoadCached(ctx, src, cache)
					if err != nil || !rep.Whole {
						t.Fatalf("%s: unchanged models: err %v, whole entry used %v", what, err, rep.Whole)
					}
					sameAsCold(t, what+" (unchanged)", again, cold)
				}
			}
			// Most loads must have gone unit by unit, or the property
			// says nothing about the units.
			if units*2 < loads {
				t.Fatalf("only %d of %d loads went unit by unit", units, loads)
			}
			if partial == 0 {
				t.Fatalf("no load took a unit from the cache")
			}
			t.Logf("%d of %d loads unit by unit, %d of them with units from the cache", units, loads, partial)
		})
	}
}

// TestIncrementalOneTable: a change to one table of bench/autogen's schema
// runs that table, the one whose foreign key points to it and what those
// reference, nothing else; another server version runs everything; a
// damaged pack is ignored; two loads at once leave a usable cache.
func TestIncrementalOneTable(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := t.TempDir()
			models := filepath.Join(dir, "schema.sql")
			src := source(t, d, models)
			var rep sqlstate.LoadReport
			var all []sqlstate.LoadReport // every report, for the concurrent loads
			var mu sync.Mutex
			cache := sqlstate.Reporting(sqlstate.Cache{Dir: filepath.Join(dir, "cache"), ServerVersion: "v1", Build: "test"},
				func(l sqlstate.LoadReport) { mu.Lock(); rep = l; all = append(all, l); mu.Unlock() })
			base := benchSQL(d, 12)
			load := func(what, text string, c sqlstate.Cache) *schema.Schema {
				t.Helper()
				if err := os.WriteFile(models, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				cold, err := sqlstate.Load(ctx, src)
				if err != nil {
					t.Fatal(err)
				}
				// The first load fills the pack one statement at a time in
				// a scratch database, the others run in PostgreSQL's
				// scratch schema: units from either way merge.
				run := src
				if what == "cold" {
					run = sqlstate.OneByOne(src)
				}
				got, err := sqlstate.LoadCached(ctx, run, c)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				sameAsCold(t, what, got, cold)
				return got
			}
			load("cold", base, cache)
			if !rep.Units || rep.Hits != 0 || len(rep.Ran) != 12 {
				t.Fatalf("cold load: %+v, want all 12 units run", rep)
			}
			changed := strings.Replace(base, "CREATE TABLE t0006 (\n", "CREATE TABLE t0006 (\n  extra integer,\n", 1)
			s := load("one table changed", changed, cache)
			if want := []string{"t0004", "t0005", "t0006", "t0007"}; !rep.Units || rep.Hits != 10 || !slices.Equal(rep.Ran, want) {
				t.Fatalf("one table changed: %+v, want 10 hits and %v run", rep, want)
			}
			if c := s.Table("", "t0006").Columns; c[0].Name != "extra" {
				t.Fatalf("t0006 columns start with %s, want extra", c[0].Name)
			}

			// Another server version: no unit is reused.
			v2 := cache
			v2.ServerVersion = "v2"
			load("another server version", changed, v2)
			if !rep.Units || rep.Hits != 0 || len(rep.Ran) != 12 {
				t.Fatalf("another server version: %+v, want every unit run", rep)
			}

			// Damaged packs (and whole entries) are ignored, then rewritten.
			for i, damage := range []func([]byte) []byte{
				func([]byte) []byte { return []byte("garbage") },
				func(b []byte) []byte { return b[:len(b)/2] },
				func([]byte) []byte { return nil },
			} {
				files, _ := filepath.Glob(filepath.Join(dir, "cache", "*"))
				for _, f := range files {
					b, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(f, damage(b), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				text := strings.Replace(base, "CREATE TABLE t0002 (\n", fmt.Sprintf("CREATE TABLE t0002 (\n  damaged%d integer,\n", i), 1)
				load(fmt.Sprintf("damaged cache %d", i), text, cache)
				if !rep.Units || rep.Hits != 0 {
					t.Fatalf("damaged cache %d: %+v, want every unit run", i, rep)
				}
				load(fmt.Sprintf("after damaged cache %d", i), text, cache)
				if !rep.Whole {
					t.Fatalf("after damaged cache %d: %+v, want the rewritten whole entry", i, rep)
				}
			}

			// Two loads at once of models the cache has not seen.
			if err := os.WriteFile(models, []byte(strings.Replace(base, "CREATE TABLE t0003 (\n", "CREATE TABLE t0003 (\n  twice integer,\n", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			cold, err := sqlstate.Load(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			all = nil
			mu.Unlock()
			var wg sync.WaitGroup
			errs := make([]error, 2)
			got := make([]*schema.Schema, 2)
			for i := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got[i], errs[i] = sqlstate.LoadCached(ctx, src, cache)
				}()
			}
			wg.Wait()
			for i := range 2 {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				sameAsCold(t, fmt.Sprintf("concurrent load %d", i), got[i], cold)
			}
			// Each load takes units from the pack, or the whole entry the
			// other one wrote when it finished first; at least one the units.
			fromPack := false
			for _, r := range all {
				if !r.Whole && (!r.Units || r.Hits == 0) {
					t.Fatalf("concurrent loads: %+v, want units from the pack or the other load's whole entry", all)
				}
				fromPack = fromPack || r.Units && r.Hits > 0
			}
			if len(all) != 2 || !fromPack {
				t.Fatalf("concurrent loads: %+v, want two reports, one with units from the pack", all)
			}
			text := strings.Replace(base, "CREATE TABLE t0009 (\n", "CREATE TABLE t0009 (\n  after integer,\n", 1)
			load("after concurrent loads", text, cache)
			if !rep.Units || rep.Hits == 0 {
				t.Fatalf("after concurrent loads: %+v, want units from the pack", rep)
			}
		})
	}
}

// TestIncrementalOrder: units keep their statements' order among those of
// the tables they reference. A foreign key moved before its target's table
// fails in a full load (not on SQLite), and so it must through the cache.
func TestIncrementalOrder(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := t.TempDir()
			models := filepath.Join(dir, "schema.sql")
			src := source(t, d, models)
			cache := sqlstate.Cache{Dir: filepath.Join(dir, "cache"), ServerVersion: "v", Build: "test"}
			a := "CREATE TABLE a (id integer PRIMARY KEY);\n"
			b := "CREATE TABLE b (id integer PRIMARY KEY, a_id integer, FOREIGN KEY (a_id) REFERENCES a (id));\n"
			c := "CREATE TABLE c (id integer PRIMARY KEY);\n"
			for i, text := range []string{a + b + c, c + b + a, b + a + c, a + c + b} {
				if err := os.WriteFile(models, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				cold, coldErr := sqlstate.Load(ctx, src)
				got, err := sqlstate.LoadCached(ctx, src, cache)
				if (err == nil) != (coldErr == nil) {
					t.Fatalf("order %d: cached load error %v, cold load error %v", i, err, coldErr)
				}
				if d != testutil.SQLite && (i == 1 || i == 2) && err == nil {
					t.Fatalf("order %d: a foreign key before its target's table loaded", i)
				}
				if err == nil {
					sameAsCold(t, fmt.Sprintf("order %d", i), got, cold)
				}
			}
		})
	}
}

// TestIncrementalWhole: models that are not all units (a Go model package,
// a view) load whole through the cache, and equal a cold load.
func TestIncrementalWhole(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := t.TempDir()
			view := write(t, "view.sql", benchSQL(d, 3)+"CREATE VIEW v AS SELECT id FROM t0001;\n")
			for _, files := range [][]string{{"../gostruct/testdata/models/shop"}, {view}} {
				src := source(t, d, files...)
				var rep sqlstate.LoadReport
				cache := sqlstate.Reporting(sqlstate.Cache{Dir: filepath.Join(dir, "cache"), ServerVersion: "v", Build: "test"},
					func(l sqlstate.LoadReport) { rep = l })
				cold, err := sqlstate.Load(ctx, src)
				if err != nil {
					t.Fatal(err)
				}
				got, err := sqlstate.LoadCached(ctx, src, cache)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Units || rep.Why == "" {
					t.Fatalf("%s: %+v, want a whole load and why", files[0], rep)
				}
				sameAsCold(t, files[0], got, cold)
			}
		})
	}
}

// TestIncrementalGeneratedNames: PostgreSQL names a foreign key
// "a_b_c_fkey", and numbers it "a_b_c_fkey1" when another table's took the
// name first. A unit so numbered is not kept, and two units that both got
// the plain name load whole: each load equals a cold one.
func TestIncrementalGeneratedNames(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := t.TempDir()
			models := filepath.Join(dir, "schema.sql")
			src := source(t, d, models)
			cache := sqlstate.Cache{Dir: filepath.Join(dir, "cache"), ServerVersion: "v", Build: "test"}
			p := "CREATE TABLE p (id integer PRIMARY KEY);\n"
			a := "CREATE TABLE a (id integer PRIMARY KEY, b_c integer, FOREIGN KEY (b_c) REFERENCES p (id));\n"
			ab := "CREATE TABLE a_b (id integer PRIMARY KEY, c integer, FOREIGN KEY (c) REFERENCES p (id));\n"
			for i, text := range []string{p + a + ab, p + ab, p + ab + a, p + a + ab} {
				if err := os.WriteFile(models, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				cold, err := sqlstate.Load(ctx, src)
				if err != nil {
					t.Fatal(err)
				}
				got, err := sqlstate.LoadCached(ctx, src, cache)
				if err != nil {
					t.Fatal(err)
				}
				sameAsCold(t, fmt.Sprintf("step %d", i), got, cold)
			}
		})
	}
}
