package sqlstate_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/retortdb/retort/internal/models/sqlstate"
	"github.com/retortdb/retort/internal/testutil"
)

// loadBoth loads text in one scratch database a statement at a time (the
// reference) and split over scratch databases of per groups each: the
// results, errors included, must be equal. It returns how many scratch
// databases the split used (0: the models ran in one).
func loadBoth(t *testing.T, d, text string, per int) int {
	t.Helper()
	ctx := context.Background()
	src := source(t, d, write(t, "m.sql", text))
	want, werr := sqlstate.Load(ctx, sqlstate.OneByOne(src))
	var shards atomic.Int64
	got, gerr := sqlstate.Load(ctx, sqlstate.ShardsOf(src, per, func(n int) { shards.Store(int64(n)) }))
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("split over scratch databases: error %v, in one database %v\n%s", gerr, werr, text)
	}
	var se, we *sqlstate.StmtError
	if errors.As(werr, &we) != errors.As(gerr, &se) || we != nil && (we.File != se.File || we.Line != se.Line) {
		t.Fatalf("split over scratch databases: error %#v, in one database %#v", gerr, werr)
	}
	if werr == nil {
		sameSchema(t, "split over scratch databases", got, want)
	}
	if werr != nil && shards.Load() != 0 {
		t.Fatalf("models that fail were split over %d scratch databases: %v", shards.Load(), werr)
	}
	return int(shards.Load())
}

// TestShardsEqualRoundTripCorpus: every SQLite model of the round-trip
// corpus (testdata of internal/autogen) loads to the same schema split
// over scratch databases, a table each or two each, as in one database;
// those made of tables and indexes only are split.
func TestShardsEqualRoundTripCorpus(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob("../../autogen/testdata/roundtrip/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no round-trip corpus: %v", err)
	}
	var split, texts atomic.Int64
	t.Run("cases", func(t *testing.T) {
		for _, p := range paths {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range ar.Files {
				files[f.Name] = string(f.Data)
			}
			if _, skip := files["sqlite/skip"]; skip {
				continue
			}
			for _, name := range []string{"current.sql", "desired.sql"} {
				text, ok := files["sqlite/"+name]
				if !ok {
					text, ok = files[name]
				}
				if !ok {
					continue
				}
				t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar")+"/"+name, func(t *testing.T) {
					t.Parallel()
					texts.Add(1)
					n := loadBoth(t, testutil.SQLite, text, 1)
					if n > 0 {
						split.Add(1)
					}
					want := 0
					if n > 2 {
						want = (n + 1) / 2
					}
					if n2 := loadBoth(t, testutil.SQLite, text, 2); n2 != want {
						t.Fatalf("%d tables two by two over %d scratch databases, want %d", n, n2, want)
					}
				})
			}
		}
	})
	// A quarter of the corpus is models of several tables and their
	// indexes only (the others hold views, triggers, rows or one table): a
	// split that never happens would compare the one-database path with
	// itself.
	if split.Load()*5 < texts.Load() {
		t.Fatalf("%d of %d models split over scratch databases, want a fifth at least", split.Load(), texts.Load())
	}
	t.Logf("%d of %d models split", split.Load(), texts.Load())
}

// TestShardsEqualRandom: random SQLite schemas of tables and indexes in
// every form the split must tell apart (names differing in case or
// quoting only, foreign keys to tables in other scratch databases, with
// and without their columns, composite and missing primary keys,
// AUTOINCREMENT, WITHOUT ROWID, STRICT, generated columns, partial and
// expression indexes, IF NOT EXISTS) load split over scratch databases as
// in one; with a statement of another kind (a view, a trigger, ALTER,
// INSERT, PRAGMA, a temporary table) or a name taken twice they run in one
// database, and a refused statement is reported at the same file:line.
func TestShardsEqualRandom(t *testing.T) {
	t.Parallel()
	seeds := 200
	if testing.Short() {
		seeds = 30
	}
	var split atomic.Int64
	t.Run("seeds", func(t *testing.T) {
		for seed := 1; seed <= seeds; seed++ {
			t.Run(fmt.Sprint(seed), func(t *testing.T) {
				t.Parallel()
				g := &shardGen{r: rand.New(rand.NewSource(int64(seed)))}
				text, tables, plain := g.schema()
				per := 1 + g.r.Intn(3)
				n := loadBoth(t, testutil.SQLite, text, per)
				want := 0
				if plain && tables > per {
					want = (tables + per - 1) / per
				}
				if plain && n != want {
					t.Fatalf("models of %d tables with their indexes ran in %d scratch databases, want %d:\n%s", tables, n, want, text)
				}
				if !plain && n != 0 {
					t.Fatalf("models with %s were split over %d scratch databases:\n%s", g.other, n, text)
				}
				if n > 0 {
					split.Add(1)
				}
			})
		}
	})
	if split.Load() < int64(seeds)/2 {
		t.Fatalf("%d of %d schemas split, want half at least", split.Load(), seeds)
	}
}

// TestShardsOtherDialects: only SQLite splits its models; the others load
// as before whatever the split is set to.
func TestShardsOtherDialects(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			n := loadBoth(t, d, benchSQL(d, 6), 1)
			if want := map[string]int{testutil.SQLite: 6}[d]; n != want {
				t.Fatalf("split over %d scratch databases, want %d", n, want)
			}
		})
	}
}

// shardGen writes random SQLite models.
type shardGen struct {
	r *rand.Rand
	// other names the statement that keeps the models in one database.
	other string
}

type genTable struct {
	name         string // as created
	cols         []string
	pk           []string
	strict       bool
	withoutRowID bool
}

// spell writes a name as one of the spellings SQLite reads as it: bare,
// in another case, or quoted in one of its three ways.
func (g *shardGen) spell(name string) string {
	bare := !strings.Contains(name, " ")
	switch g.r.Intn(6) {
	case 0:
		if bare {
			return upperASCII(name)
		}
	case 1:
		return `"` + name + `"`
	case 2:
		return "[" + name + "]"
	case 3:
		return "`" + name + "`"
	}
	if !bare {
		return `"` + name + `"`
	}
	return name
}

// upperASCII is s with its ASCII letters in upper case: the same name to
// SQLite.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func (g *shardGen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

// schema returns the models' text, their number of tables and whether
// they hold only statements that may be split.
func (g *shardGen) schema() (string, int, bool) {
	var b strings.Builder
	var tables []*genTable
	n := 2 + g.r.Intn(12)
	names := []string{}
	for i := range n {
		name := fmt.Sprintf("t%d", i)
		switch g.r.Intn(5) {
		case 0:
			name = fmt.Sprintf("Mixed Case %d", i)
		case 1:
			name = fmt.Sprintf("ünï_%d", i) // SQLite folds ASCII letters only
		}
		names = append(names, name)
	}
	for i, name := range names {
		t := &genTable{name: name, strict: g.r.Intn(6) == 0}
		var lines, constraints []string
		types := []string{"INTEGER", "TEXT", "REAL", "NUMERIC(12, 2)", "BLOB", "varchar(20)", "boolean", "", "DATETIME"}
		if t.strict {
			types = []string{"INTEGER", "INT", "TEXT", "REAL", "BLOB", "ANY"}
		}
		idCol := g.pick("id", "ID", "key")
		idType := g.pick("INTEGER", "bigint", "TEXT")
		if t.strict && idType == "bigint" {
			idType = "INTEGER"
		}
		switch g.r.Intn(4) {
		case 0: // no primary key
			lines = append(lines, `"`+idCol+`" `+idType)
		case 1: // composite, as a table constraint
			lines = append(lines, `"`+idCol+`" `+idType+" NOT NULL", "k2 INTEGER NOT NULL")
			t.pk = []string{idCol, "k2"}
		case 2:
			if idType == "INTEGER" && g.r.Intn(2) == 0 {
				lines = append(lines, `"`+idCol+`" INTEGER PRIMARY KEY AUTOINCREMENT`)
			} else {
				lines = append(lines, `"`+idCol+`" `+idType+" PRIMARY KEY"+g.pick("", " DESC", " ON CONFLICT REPLACE"))
			}
			t.pk = []string{idCol}
		default: // UNIQUE, no primary key
			lines = append(lines, `"`+idCol+`" `+idType+" NOT NULL UNIQUE")
		}
		t.cols = append(t.cols, idCol)
		if len(t.pk) == 2 {
			t.cols = append(t.cols, "k2")
		}
		for c := range 1 + g.r.Intn(5) {
			col := fmt.Sprintf("c%d", c)
			typ := types[g.r.Intn(len(types))]
			s := col + " " + typ
			if g.r.Intn(3) == 0 {
				s += " NOT NULL"
			}
			switch g.r.Intn(6) {
			case 0:
				s += " DEFAULT " + g.pick("0", "'x'", "(1 + 2)", "CURRENT_TIMESTAMP", "-1", "NULL")
			case 1:
				s += " COLLATE " + g.pick("NOCASE", "RTRIM", "BINARY")
			case 2:
				s += " " + g.pick("", "CONSTRAINT ck_"+col+fmt.Sprint(i)+" ") + "CHECK (" + col + " IS NOT NULL OR 1)"
			case 3:
				if !t.strict || typ != "ANY" {
					s = col + " " + typ + " GENERATED ALWAYS AS (" + `"` + idCol + `"` + " || 'x') " + g.pick("STORED", "VIRTUAL", "")
				}
			case 4:
				s += " UNIQUE"
			}
			lines = append(lines, s)
			t.cols = append(t.cols, col)
		}
		// Foreign keys: to any table, created before or after, in this
		// scratch database or another; with its columns or without (the
		// referenced table's primary key, looked up by name).
		for range g.r.Intn(3) {
			ref := names[g.r.Intn(len(names))]
			col := fmt.Sprintf("r%d", len(t.cols))
			t.cols = append(t.cols, col)
			refCols := g.pick("", " (id)", " (ID)", " (key)")
			act := g.pick("", " ON DELETE CASCADE", " ON UPDATE SET NULL ON DELETE RESTRICT", " DEFERRABLE INITIALLY DEFERRED", " MATCH FULL")
			if g.r.Intn(2) == 0 {
				lines = append(lines, col+" INTEGER "+g.pick("", "CONSTRAINT fk_"+col+" ")+"REFERENCES "+g.spell(ref)+refCols+act)
			} else {
				lines = append(lines, col+" INTEGER")
				constraints = append(constraints, g.pick("", "CONSTRAINT \"fk "+col+"\" ")+"FOREIGN KEY ("+col+") REFERENCES "+g.spell(ref)+refCols+act)
			}
		}
		lines = append(lines, constraints...)
		if len(t.pk) == 2 {
			lines = append(lines, g.pick("", "CONSTRAINT pk_"+fmt.Sprint(i)+" ")+`PRIMARY KEY ("`+t.pk[0]+`", k2)`)
		}
		if len(t.cols) > 2 && g.r.Intn(3) == 0 {
			lines = append(lines, g.pick("", "CONSTRAINT uq_"+fmt.Sprint(i)+" ")+"UNIQUE ("+t.cols[1]+", "+t.cols[2]+")")
		}
		opts := []string{}
		if t.pk != nil && g.r.Intn(5) == 0 && !strings.Contains(strings.Join(lines, ""), "AUTOINCREMENT") {
			opts = append(opts, "WITHOUT ROWID")
			t.withoutRowID = true
		}
		if t.strict {
			opts = append(opts, "STRICT")
		}
		fmt.Fprintf(&b, "-- table %d\nCREATE TABLE %s%s (\n    %s\n)%s;\n", i, g.pick("", "IF NOT EXISTS "), g.spell(t.name),
			strings.Join(lines, ",\n    "), strings.Join(opts, ", "))
		tables = append(tables, t)
		for x := range g.r.Intn(4) {
			cols := []string{}
			for range 1 + g.r.Intn(2) {
				c := t.cols[g.r.Intn(len(t.cols))]
				switch g.r.Intn(5) {
				case 0:
					c += " DESC"
				case 1:
					c += " COLLATE NOCASE"
				case 2:
					c = "lower(" + c + ")"
				}
				cols = append(cols, c)
			}
			where := g.pick("", "", " WHERE "+t.cols[0]+" IS NOT NULL")
			fmt.Fprintf(&b, "CREATE %sINDEX %s%s ON %s (%s)%s;\n", g.pick("", "UNIQUE "), g.pick("", "IF NOT EXISTS "),
				g.spell(fmt.Sprintf("ix_%d_%d", i, x)), g.spell(t.name), strings.Join(cols, ", "), where)
		}
	}
	if g.r.Intn(4) != 0 {
		return b.String(), len(tables), true
	}
	t := tables[g.r.Intn(len(tables))]
	other := []struct{ what, sql string }{
		{"a view", fmt.Sprintf("CREATE VIEW v AS SELECT * FROM %s", g.spell(t.name))},
		{"a trigger", fmt.Sprintf("CREATE TRIGGER trg AFTER INSERT ON %s BEGIN SELECT 1; END", g.spell(t.name))},
		{"ALTER TABLE", fmt.Sprintf("ALTER TABLE %s ADD COLUMN added TEXT DEFAULT 'a'", g.spell(t.name))},
		{"INSERT", fmt.Sprintf("INSERT INTO %s DEFAULT VALUES", g.spell(t.name))},
		{"PRAGMA", "PRAGMA foreign_keys = OFF"},
		{"a temporary table", "CREATE TEMP TABLE tmp (x INTEGER)"},
		{"CREATE TABLE AS", "CREATE TABLE copy AS SELECT 1 AS x"},
		{"a qualified name", "CREATE TABLE main.q (x INTEGER)"},
		{"a table's name taken twice", fmt.Sprintf("CREATE TABLE %s (x INTEGER)", g.spell(upperASCII(t.name)))},
		{"an index's name taken twice", fmt.Sprintf("CREATE INDEX %s ON %s (x)", g.spell(t.name), g.spell(tables[0].name))},
		{"an index before its table", "CREATE INDEX early ON later (x);\nCREATE TABLE later (x INTEGER)"},
		{"an index on a missing table", "CREATE INDEX lost ON nowhere (x)"},
		{"a syntax error", "CREATE TABLE broken (x INTEGER,,)"},
		{"DROP TABLE", "DROP TABLE " + g.spell(t.name)},
	}[g.r.Intn(14)]
	g.other = other.what
	fmt.Fprintf(&b, "%s;\n", other.sql)
	return b.String(), len(tables), false
}
