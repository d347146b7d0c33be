package autogen_test

import (
	"flag"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// TestRoundTripRandom runs the round trip over generated pairs: a random
// schema and a random mutation of it. A failure prints both SQL texts, ready
// to become a case under testdata/roundtrip.
var seeds = flag.Int("seeds", 15, "generated round-trip pairs per dialect")

func TestRoundTripRandom(t *testing.T) {
	t.Parallel()
	seeds := *seeds
	if testing.Short() {
		seeds = 3
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			for seed := 1; seed <= seeds; seed++ {
				t.Run(fmt.Sprint(seed), func(t *testing.T) {
					t.Parallel()
					g := newGen(d, int64(seed))
					cur := g.schema()
					curSQL := g.sql(cur)
					// A mutation can come out as no change (an add undone
					// by a drop): draw again, so that every seed tests one.
					des := g.mutate(cur)
					for try := 0; try < 20 && g.sql(des) == curSQL; try++ {
						des = g.mutate(cur)
					}
					if g.r.Intn(3) == 0 {
						g.mood = g.enumValues()
					}
					if g.r.Intn(3) == 0 {
						g.body = g.r.Intn(2)
					}
					desSQL := g.sql(des)
					defer func() {
						if t.Failed() {
							t.Logf("-- current.sql --\n%s\n-- desired.sql --\n%s", curSQL, desSQL)
						}
					}()
					if curSQL == desSQL {
						t.Skip("no mutation")
					}
					roundTrip(t, d, curSQL, desSQL)
				})
			}
		})
	}
}

type gcol struct {
	name, typ, def string
	notNull        bool
}

type gtable struct {
	comment string
	view    bool // a view "v_<name>" reads the table
	// trigger is 0 for none, else one of the variants of a trigger on the
	// table (see triggerSQL); viewTrigger an INSTEAD OF trigger on the view.
	trigger     int
	viewTrigger bool
	// matview is a PostgreSQL materialized view "mv_<name>" reading the table.
	matview bool
	// parts are the starts of a PostgreSQL table's range partitions on id
	// (each 100 wide), nil when it is not partitioned.
	parts []int
	// policy is 0 for none, else a variant of a row-level security policy
	// on the PostgreSQL table (see policySQL); dom adds a column of the
	// domain "posint".
	policy  int
	dom     bool
	name    string
	cols    []gcol
	idx     []gidx
	checks  []gcheck
	fks     []gfk
	uniques []gidx
}

type gidx struct {
	name   string
	cols   []string
	unique bool
}

type gcheck struct{ name, col string }

type gfk struct{ name, col, ref, onDelete string }

type gen struct {
	d    string
	r    *rand.Rand
	n    int
	mood string
	// body varies the trigger functions' bodies (PostgreSQL) between schemas.
	body int
	// domCheck varies the checks of the PostgreSQL domain "posint".
	domCheck int
}

func newGen(d string, seed int64) *gen {
	g := &gen{d: d, r: rand.New(rand.NewSource(seed))}
	g.mood = g.enumValues()
	return g
}

func (g *gen) types() []string {
	switch g.d {
	case testutil.Postgres:
		return []string{"integer", "bigint", "smallint", "text", "varchar(20)", "varchar(100)", "numeric(10,2)", "boolean", "date",
			"timestamp", "timestamptz", "jsonb", "uuid", "double precision", "bytea", "char(3)"}
	case testutil.MySQL:
		return []string{"int", "bigint", "smallint", "tinyint(1)", "varchar(20)", "varchar(100)", "text", "decimal(10,2)", "date",
			"datetime", "double", "char(3)", "enum('a','b')"}
	}
	return []string{"INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB", "VARCHAR(20)", "BOOLEAN", "DATETIME"}
}

// enumValues varies the PostgreSQL enum "mood" between schemas.
func (g *gen) enumValues() string {
	return []string{"'a', 'b'", "'a', 'b', 'c'", "'b', 'a'", "'z', 'a', 'b'"}[g.r.Intn(4)]
}

func (g *gen) intType(t string) bool {
	l := strings.ToLower(t)
	return l == "integer" || l == "bigint" || l == "smallint" || l == "int"
}

func (g *gen) indexable(t string) bool {
	l := strings.ToLower(t)
	if g.d == testutil.MySQL {
		return l != "text" && l != "blob"
	}
	return l != "jsonb" && l != "json"
}

func (g *gen) defaultFor(t string) string {
	l := strings.ToLower(t)
	switch {
	case g.intType(t) || strings.HasPrefix(l, "numeric") || strings.HasPrefix(l, "decimal") || l == "real" || l == "double" || l == "double precision":
		return []string{"0", "1", "42"}[g.r.Intn(3)]
	case strings.HasPrefix(l, "varchar") || l == "text" || strings.HasPrefix(l, "char"):
		if g.d == testutil.MySQL && l == "text" {
			return ""
		}
		return []string{"'x'", "'abc'", "''"}[g.r.Intn(3)]
	case l == "boolean":
		if g.d == testutil.SQLite {
			return "0"
		}
		return []string{"true", "false"}[g.r.Intn(2)]
	case l == "tinyint(1)":
		return "1"
	case l == "date":
		return "'2020-01-02'"
	case strings.HasPrefix(l, "enum"):
		return "'a'"
	}
	return ""
}

func (g *gen) name(prefix string) string {
	g.n++
	return fmt.Sprintf("%s%d", prefix, g.n)
}

func (g *gen) column() gcol {
	ts := g.types()
	c := gcol{name: g.name("c"), typ: ts[g.r.Intn(len(ts))]}
	if g.r.Intn(3) == 0 {
		c.def = g.defaultFor(c.typ)
	}
	c.notNull = g.r.Intn(3) == 0 && c.def != ""
	return c
}

func (g *gen) table(others []*gtable) *gtable {
	t := &gtable{name: g.name("t"), cols: []gcol{{name: "id", typ: g.idType(), notNull: true}}}
	for i := 0; i < 1+g.r.Intn(4); i++ {
		t.cols = append(t.cols, g.column())
	}
	g.decorate(t, others)
	if g.triggers() && g.r.Intn(3) == 0 {
		t.trigger = 1 + g.r.Intn(3)
	}
	if g.r.Intn(4) == 0 {
		t.view = true
		t.viewTrigger = g.r.Intn(2) == 0
	}
	t.matview = g.d == testutil.Postgres && g.r.Intn(5) == 0
	if g.d == testutil.Postgres {
		if g.r.Intn(5) == 0 {
			t.parts = []int{0, 100}
		}
		t.policy = []int{0, 0, 1, 2}[g.r.Intn(4)]
		t.dom = g.r.Intn(4) == 0
	}
	return t
}

func (g *gen) idType() string {
	if g.d == testutil.SQLite {
		return "INTEGER"
	}
	if g.d == testutil.MySQL {
		return "int"
	}
	return "integer"
}

// decorate adds random indexes, uniques, checks and foreign keys.
func (g *gen) decorate(t *gtable, others []*gtable) {
	for _, c := range t.cols[1:] {
		switch g.r.Intn(8) {
		case 0:
			if g.indexable(c.typ) {
				t.idx = append(t.idx, gidx{name: g.name("ix_"), cols: []string{c.name}, unique: g.r.Intn(2) == 0})
			}
		case 1:
			if g.intType(c.typ) {
				t.checks = append(t.checks, gcheck{name: g.name("ck_"), col: c.name})
			}
		case 2:
			if g.indexable(c.typ) && g.d != testutil.MySQL {
				t.uniques = append(t.uniques, gidx{name: g.name("uq_"), cols: []string{c.name}})
			}
		}
	}
	if len(others) > 0 && g.r.Intn(2) == 0 {
		ref := others[g.r.Intn(len(others))]
		col := gcol{name: ref.name + "_id", typ: g.idType()}
		if t.col(col.name) < 0 {
			t.cols = append(t.cols, col)
			t.fks = append(t.fks, gfk{name: g.name("fk_"), col: col.name, ref: ref.name, onDelete: []string{"", "CASCADE", "SET NULL"}[g.r.Intn(3)]})
		}
	}
}

func (t *gtable) col(name string) int {
	for i, c := range t.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

func (g *gen) schema() []*gtable {
	var ts []*gtable
	for i := 0; i < 2+g.r.Intn(3); i++ {
		ts = append(ts, g.table(ts))
	}
	return ts
}

func clone(ts []*gtable) []*gtable {
	var out []*gtable
	for _, t := range ts {
		c := *t
		c.cols = append([]gcol(nil), t.cols...)
		c.idx = append([]gidx(nil), t.idx...)
		c.checks = append([]gcheck(nil), t.checks...)
		c.fks = append([]gfk(nil), t.fks...)
		c.uniques = append([]gidx(nil), t.uniques...)
		c.parts = append([]int(nil), t.parts...)
		out = append(out, &c)
	}
	return out
}

// mutate applies a few random changes and removes what they break.
func (g *gen) mutate(cur []*gtable) []*gtable {
	ts := clone(cur)
	for i := 0; i < 1+g.r.Intn(4); i++ {
		t := ts[g.r.Intn(len(ts))]
		switch g.r.Intn(22) {
		case 0:
			ts = append(ts, g.table(ts))
		case 1:
			if len(ts) > 1 {
				k := g.r.Intn(len(ts))
				ts = append(ts[:k], ts[k+1:]...)
			}
		case 2:
			t.cols = append(t.cols, g.column())
		case 3:
			if len(t.cols) > 2 {
				k := 1 + g.r.Intn(len(t.cols)-1)
				t.cols = append(t.cols[:k], t.cols[k+1:]...)
			}
		case 4:
			k := 1 + g.r.Intn(len(t.cols)-1)
			if strings.HasSuffix(t.cols[k].name, "_id") {
				break
			}
			ty := g.types()
			t.cols[k].typ = ty[g.r.Intn(len(ty))]
			t.cols[k].def = ""
			t.cols[k].notNull = false
		case 5:
			k := 1 + g.r.Intn(len(t.cols)-1)
			if strings.HasSuffix(t.cols[k].name, "_id") {
				break
			}
			t.cols[k].def = g.defaultFor(t.cols[k].typ)
			t.cols[k].notNull = t.cols[k].def != "" && !t.cols[k].notNull
		case 6:
			t.idx, t.checks, t.uniques = nil, nil, nil
			g.decorate(t, nil)
		case 7:
			if len(t.idx) > 0 {
				t.idx[0].name = g.name("ix_renamed_")
			}
		case 8:
			if len(t.fks) > 0 {
				t.fks[0].onDelete = []string{"", "CASCADE", "SET NULL"}[g.r.Intn(3)]
			} else {
				g.decorate(t, ts)
			}
		case 9:
			if len(t.checks) > 0 {
				t.checks[0].name = g.name("ck_renamed_")
			}
		case 10:
			if len(t.uniques) > 0 {
				t.uniques[0].name = g.name("uq_renamed_")
			}
		case 12:
			if g.d != testutil.SQLite {
				t.comment = []string{"", "a table", "it's"}[g.r.Intn(3)]
			}
		case 13:
			t.view = !t.view
		case 15:
			if g.triggers() {
				t.trigger = (t.trigger + 1 + g.r.Intn(3)) % 4
			}
		case 16:
			if g.triggers() {
				t.viewTrigger = !t.viewTrigger
			}
		case 17:
			if g.d == testutil.Postgres {
				t.matview = !t.matview
			}
		case 18:
			if g.d == testutil.Postgres {
				if t.parts == nil {
					t.parts = []int{0, 100}
				} else {
					t.parts = nil
				}
			}
		case 19:
			// A partition added after the last or the first one removed.
			if len(t.parts) > 0 && g.r.Intn(2) == 0 {
				t.parts = append(t.parts, t.parts[len(t.parts)-1]+100)
			} else if len(t.parts) > 1 {
				t.parts = t.parts[1:]
			}
		case 20:
			if g.d == testutil.Postgres {
				t.policy = (t.policy + 1 + g.r.Intn(2)) % 3
			}
		case 21:
			if g.d == testutil.Postgres {
				if g.r.Intn(2) == 0 {
					t.dom = !t.dom
				} else {
					g.domCheck = g.r.Intn(3)
				}
			}
		case 14:
			if g.d == testutil.Postgres {
				k := 1 + g.r.Intn(len(t.cols)-1)
				if !strings.HasSuffix(t.cols[k].name, "_id") {
					t.cols[k].typ, t.cols[k].def, t.cols[k].notNull = []string{"mood", "mood[]", "text"}[g.r.Intn(3)], "", false
				}
			}
		case 11:
			if g.d != testutil.Postgres && len(t.cols) > 2 {
				i, j := 1+g.r.Intn(len(t.cols)-1), 1+g.r.Intn(len(t.cols)-1)
				t.cols[i], t.cols[j] = t.cols[j], t.cols[i]
			}
		}
	}
	// Drop what no longer holds.
	names := map[string]bool{}
	for _, t := range ts {
		names[t.name] = true
	}
	for _, t := range ts {
		var fks []gfk
		for _, fk := range t.fks {
			if names[fk.ref] && t.col(fk.col) >= 0 {
				fks = append(fks, fk)
			}
		}
		t.fks = fks
		keep := func(list []gidx) []gidx {
			var out []gidx
			for _, x := range list {
				if i := t.col(x.cols[0]); i >= 0 && g.indexable(t.cols[i].typ) {
					out = append(out, x)
				}
			}
			return out
		}
		t.idx, t.uniques = keep(t.idx), keep(t.uniques)
		var cks []gcheck
		for _, c := range t.checks {
			if i := t.col(c.col); i >= 0 && g.intType(t.cols[i].typ) {
				cks = append(cks, c)
			}
		}
		t.checks = cks
	}
	return ts
}

func (g *gen) q(name string) string {
	if g.d == testutil.MySQL {
		return "`" + name + "`"
	}
	return `"` + name + `"`
}

// sql writes tables in an order where referenced tables come first.
func (g *gen) sql(ts []*gtable) string {
	var b strings.Builder
	if g.d == testutil.Postgres {
		fmt.Fprintf(&b, "CREATE TYPE mood AS ENUM (%s);\n", g.mood)
		// Trigger functions, their bodies varied between schemas.
		fmt.Fprintf(&b, "CREATE FUNCTION rt_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN %s RETURN NEW; END $$;\n",
			[]string{"", "NEW.id := NEW.id;"}[g.body])
		fmt.Fprintf(&b, "CREATE FUNCTION rt_view() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN %s; END $$;\n",
			[]string{"NEW", "NULL"}[g.body])
		fmt.Fprintf(&b, "CREATE DOMAIN posint AS integer %s;\n",
			[]string{"CHECK (VALUE > 0)", "CHECK (VALUE > 0) CHECK (VALUE < 1000000)", "DEFAULT 1 NOT NULL"}[g.domCheck])
	}
	for _, t := range ts {
		var lines []string
		for _, c := range t.cols {
			s := g.q(c.name) + " " + c.typ
			if c.notNull {
				s += " NOT NULL"
			}
			if c.def != "" {
				s += " DEFAULT " + c.def
			}
			lines = append(lines, s)
		}
		if t.dom {
			lines = append(lines, g.q("dval")+" posint")
		}
		lines = append(lines, "PRIMARY KEY ("+g.q("id")+")")
		for _, u := range t.uniques {
			if t.parts != nil {
				continue // a partitioned table's unique keys must hold its partition key
			}
			lines = append(lines, "CONSTRAINT "+g.q(u.name)+" UNIQUE ("+g.q(u.cols[0])+")")
		}
		for _, c := range t.checks {
			lines = append(lines, "CONSTRAINT "+g.q(c.name)+" CHECK ("+g.q(c.col)+" > 0)")
		}
		for _, fk := range t.fks {
			if g.d != testutil.SQLite {
				continue // added after every table exists
			}
			lines = append(lines, g.fkSQL(fk))
		}
		by := ""
		if t.parts != nil {
			by = " PARTITION BY RANGE (" + g.q("id") + ")"
		}
		fmt.Fprintf(&b, "CREATE TABLE %s (\n    %s\n)%s;\n", g.q(t.name), strings.Join(lines, ",\n    "), by)
		for _, p := range t.parts {
			fmt.Fprintf(&b, "CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%d) TO (%d);\n", g.q(fmt.Sprintf("%s_p%d", t.name, p)), g.q(t.name), p, p+100)
		}
		if t.policy > 0 {
			fmt.Fprintf(&b, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;\n", g.q(t.name))
			fmt.Fprintf(&b, "CREATE POLICY %s ON %s %s;\n", g.q("pol_"+t.name), g.q(t.name),
				[]string{"", "USING (id > 0)", "AS RESTRICTIVE FOR UPDATE USING (id < 1000) WITH CHECK (id < 500)"}[t.policy])
		}
		for _, x := range t.idx {
			u := ""
			if x.unique && t.parts == nil {
				u = "UNIQUE "
			}
			fmt.Fprintf(&b, "CREATE %sINDEX %s ON %s (%s);\n", u, g.q(x.name), g.q(t.name), g.q(x.cols[0]))
		}
	}
	if g.d != testutil.SQLite {
		for _, t := range ts {
			for _, fk := range t.fks {
				fmt.Fprintf(&b, "ALTER TABLE %s ADD %s;\n", g.q(t.name), g.fkSQL(fk))
			}
		}
	}
	for _, t := range ts {
		if t.comment != "" {
			if g.d == testutil.MySQL {
				fmt.Fprintf(&b, "ALTER TABLE %s COMMENT = '%s';\n", g.q(t.name), strings.ReplaceAll(t.comment, "'", "''"))
			} else {
				fmt.Fprintf(&b, "COMMENT ON TABLE %s IS '%s';\n", g.q(t.name), strings.ReplaceAll(t.comment, "'", "''"))
			}
		}
		if t.view {
			cols := []string{}
			for _, c := range t.cols {
				cols = append(cols, g.q(c.name))
			}
			fmt.Fprintf(&b, "CREATE VIEW %s AS SELECT %s FROM %s;\n", g.q("v_"+t.name), strings.Join(cols, ", "), g.q(t.name))
			if t.viewTrigger && g.viewTriggers() {
				b.WriteString(g.viewTriggerSQL(t) + ";\n")
			}
		}
		if t.trigger > 0 && g.triggers() {
			b.WriteString(g.triggerSQL(t) + ";\n")
		}
		if t.matview && g.d == testutil.Postgres {
			fmt.Fprintf(&b, "CREATE MATERIALIZED VIEW %s AS SELECT %s, count(*) AS n FROM %s GROUP BY %s;\n",
				g.q("mv_"+t.name), g.q("id"), g.q(t.name), g.q("id"))
		}
	}
	return b.String()
}

// triggers reports whether the dialect's triggers are in the generated
// schemas: on every dialect.
func (g *gen) triggers() bool { return true }

// viewTriggers reports whether the dialect has INSTEAD OF triggers on
// views (MySQL/MariaDB has none).
func (g *gen) viewTriggers() bool { return g.d != testutil.MySQL }

// triggerSQL is variant t.trigger of a trigger on table t: different
// events, timing and bodies, reading only the id column, which every
// table keeps.
func (g *gen) triggerSQL(t *gtable) string {
	name, tb := g.q("tr_"+t.name), g.q(t.name)
	event := []string{"", "INSERT", "UPDATE", "INSERT OR UPDATE"}[t.trigger]
	switch g.d {
	case testutil.Postgres:
		return fmt.Sprintf("CREATE TRIGGER %s BEFORE %s ON %s FOR EACH ROW EXECUTE FUNCTION rt_row()", name, event, tb)
	case testutil.MySQL:
		ev := []string{"", "INSERT", "UPDATE", "DELETE"}[t.trigger]
		return fmt.Sprintf("CREATE TRIGGER %s BEFORE %s ON %s FOR EACH ROW SET @rt_last = %d", name, ev, tb, t.trigger)
	}
	if t.trigger == 3 {
		event = "DELETE"
	}
	return fmt.Sprintf("CREATE TRIGGER %s AFTER %s ON %s BEGIN UPDATE %s SET %s = %s WHERE %s = new.%s; END",
		name, event, tb, tb, g.q("id"), g.q("id"), g.q("id"), g.q("id"))
}

// viewTriggerSQL is an INSTEAD OF trigger writing through the view of t.
func (g *gen) viewTriggerSQL(t *gtable) string {
	name, v := g.q("tv_"+t.name), g.q("v_"+t.name)
	if g.d == testutil.Postgres {
		return fmt.Sprintf("CREATE TRIGGER %s INSTEAD OF INSERT ON %s FOR EACH ROW EXECUTE FUNCTION rt_view()", name, v)
	}
	return fmt.Sprintf("CREATE TRIGGER %s INSTEAD OF INSERT ON %s BEGIN INSERT INTO %s (%s) VALUES (new.%s); END",
		name, v, g.q(t.name), g.q("id"), g.q("id"))
}

func (g *gen) fkSQL(fk gfk) string {
	s := "CONSTRAINT " + g.q(fk.name) + " FOREIGN KEY (" + g.q(fk.col) + ") REFERENCES " + g.q(fk.ref) + " (" + g.q("id") + ")"
	if fk.onDelete != "" {
		s += " ON DELETE " + fk.onDelete
	}
	return s
}
