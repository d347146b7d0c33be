// Package sampledata puts generated rows into a database's tables and reads
// their content back in a form that compares across a migration: what
// `retort test` uses to find revisions that lose or change data.
//
// Rows honour column types (as the dialect's SampleTyper reads them), NOT
// NULL, UNIQUE (every value carries a serial), foreign keys (parents are
// filled first and referenced) and simple CHECK constraints (a column
// compared with a number, or limited to a list of literals); a row the
// database still refuses is dropped and counted.
//
// It imports schema and internal/dialect (quoting, placeholders, the value
// kinds); it must not import the façade, migrate or the CLI.
package sampledata

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Conn is what filling and reading need: a *sql.Conn (or *sql.DB).
type Conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// Note says what a fill could not do for a table.
type Note struct {
	Table string `json:"table"`
	Text  string `json:"text"`
}

// Filler fills tables across the steps of one run: a table is filled when it
// is new or its columns changed since its last fill, so that every column
// holds generated values without the tables growing at every step.
type Filler struct {
	D    dialect.Dialect
	Rows int // rows per fill
	// serial numbers every generated row of the run, so that values are
	// unique across fills.
	serial int64
	shape  map[string]string
	n      int64
}

// nonce makes each statement's text new: a driver that caches prepared
// statements by their text (pgx) would otherwise reuse a plan made before
// a step changed the table ("cached plan must not change result type").
func (f *Filler) nonce() string {
	f.n++
	return fmt.Sprintf("/* retort test %d */ ", f.n)
}

// Fill fills the tables of s that need it, parents before children. next,
// when known, is the schema the coming upgrade produces: its constraints on
// the columns that exist now (a foreign key, a CHECK, NOT NULL, a type the
// column is converted to) are honoured too, as a real database's rows
// would honour them before a team adds the constraint.
//
// later are the schemas after the revisions that follow (as far as known):
// the long values of an unbounded text column keep to the shortest length
// a later revision gives it (text → varchar(200) is a limit the team sets
// knowing its data; ordinary values still show a narrower limit cutting).
func (f *Filler) Fill(ctx context.Context, conn Conn, s, next *schema.Schema, later ...*schema.Schema) ([]Note, error) {
	if f.shape == nil {
		f.shape = map[string]string{}
	}
	s, conv := withNext(s, next)
	limits := map[*schema.Column]int{}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			for _, l := range append([]*schema.Schema{next}, later...) {
				if l == nil {
					continue
				}
				if lt := l.Table(t.Schema, t.Name); lt != nil {
					if lc := lt.Column(c.Name); lc != nil && lc.Type.Length > 0 && (limits[c] == 0 || lc.Type.Length < limits[c]) {
						limits[c] = lc.Type.Length
					}
				}
			}
		}
	}
	var notes []Note
	for _, t := range parentsFirst(s.Tables) {
		name := schema.QualifiedName(t.Schema, t.Name)
		sh := shapeOf(t)
		if f.shape[name] == sh {
			continue
		}
		if t.PartitionBy != "" || t.PartitionOf != nil {
			// Generated rows would have to fall inside a partition's
			// bound, which retort does not read.
			f.shape[name] = sh
			notes = append(notes, Note{Table: name, Text: "not filled: a partitioned table or partition gets no generated rows"})
			continue
		}
		f.shape[name] = sh
		n, err := f.fillTable(ctx, conn, s, t, conv, limits)
		if err != nil {
			return notes, fmt.Errorf("fill table %s: %w", name, err)
		}
		if n != "" {
			notes = append(notes, Note{Table: name, Text: n})
		}
	}
	return notes, nil
}

// withNext returns s with the constraints next adds on what s has: a
// copy, s is not changed.
func withNext(s, next *schema.Schema) (*schema.Schema, map[*schema.Column]schema.Type) {
	conv := map[*schema.Column]schema.Type{}
	if next == nil {
		return s, conv
	}
	out := *s
	out.Tables = nil
	for _, t := range s.Tables {
		n := next.Table(t.Schema, t.Name)
		if n == nil {
			out.Tables = append(out.Tables, t)
			continue
		}
		c := *t
		c.Columns = nil
		for _, col := range t.Columns {
			cc := *col
			if nc := n.Column(col.Name); nc != nil {
				cc.Nullable = col.Nullable && nc.Nullable
				if nc.Type.SQL != col.Type.SQL {
					cc.Type.Values = nc.Type.Values
					conv[&cc] = nc.Type
				}
			}
			c.Columns = append(c.Columns, &cc)
		}
		c.Checks = append(append([]*schema.Check(nil), t.Checks...), n.Checks...)
		c.ForeignKeys = append([]*schema.ForeignKey(nil), t.ForeignKeys...)
	fk:
		for _, fk := range n.ForeignKeys {
			for _, col := range fk.Columns {
				if t.Column(col) == nil {
					continue fk
				}
			}
			p := s.Table(refSchema(t, fk), fk.RefTable)
			if p == nil {
				continue
			}
			for _, col := range fk.RefColumns {
				if p.Column(col) == nil {
					continue fk
				}
			}
			c.ForeignKeys = append(c.ForeignKeys, fk)
		}
		out.Tables = append(out.Tables, &c)
	}
	return &out, conv
}

func shapeOf(t *schema.Table) string {
	var b strings.Builder
	for _, c := range t.Columns {
		b.WriteString(c.Name + " " + c.Type.SQL + ";")
	}
	return b.String()
}

// parentsFirst orders tables so that a table comes after the tables its
// foreign keys reference (cycles and self-references are broken where
// found; their keys get NULL or an existing row).
func parentsFirst(tables []*schema.Table) []*schema.Table {
	byName := map[string]*schema.Table{}
	for _, t := range tables {
		byName[schema.QualifiedName(t.Schema, t.Name)] = t
	}
	var out []*schema.Table
	state := map[*schema.Table]int{} // 1 visiting, 2 done
	var visit func(t *schema.Table)
	visit = func(t *schema.Table) {
		if state[t] != 0 {
			return
		}
		state[t] = 1
		for _, fk := range t.ForeignKeys {
			if p := byName[schema.QualifiedName(refSchema(t, fk), fk.RefTable)]; p != nil && p != t {
				visit(p)
			}
		}
		state[t] = 2
		out = append(out, t)
	}
	for _, t := range tables {
		visit(t)
	}
	return out
}

func refSchema(t *schema.Table, fk *schema.ForeignKey) string {
	if fk.RefSchema != "" {
		return fk.RefSchema
	}
	return t.Schema
}

// quoteTable is the table's name as SQL.
func quoteTable(d dialect.Dialect, ns, name string) string {
	if ns == "" {
		return d.QuoteIdent(name)
	}
	return d.QuoteIdent(ns) + "." + d.QuoteIdent(name)
}

// column is how one column of a fill gets its values.
type column struct {
	c      *schema.Column
	vt     dialect.ValueType
	values []string // enum values or a CHECK's literals to choose from
	lo, hi *float64 // a CHECK's bounds
	fk     int      // index into fks, -1 when none
	fkPart int
	asText bool // a value of kind vt, written as text
	// laterLength is the shortest length later revisions give an
	// unbounded text column: its long values keep to it (see Fill).
	laterLength int
}

// fkValues are the rows a foreign key may reference.
type fkValues struct {
	fk   *schema.ForeignKey
	rows [][]any
}

// fillTable inserts f.Rows generated rows into t and returns a note when
// some could not be.
func (f *Filler) fillTable(ctx context.Context, conn Conn, s *schema.Schema, t *schema.Table, conv map[*schema.Column]schema.Type, limits map[*schema.Column]int) (string, error) {
	if f.Rows <= 0 {
		return "", nil
	}
	typer, _ := f.D.(dialect.SampleTyper)
	var fks []fkValues
	fkOf := map[string][2]int{}
	for _, fk := range t.ForeignKeys {
		rows, err := f.parentRows(ctx, conn, t, fk)
		if err != nil {
			return "", err
		}
		fks = append(fks, fkValues{fk: fk, rows: rows})
		for j, c := range fk.Columns {
			if _, dup := fkOf[c]; !dup {
				fkOf[c] = [2]int{len(fks) - 1, j}
			}
		}
	}
	var cols []column
	var unknown []string
	for _, c := range t.Columns {
		if c.Generated != nil || c.Identity != nil || c.AutoIncrement || c.Sequence != nil {
			continue // the database fills it
		}
		col := column{c: c, fk: -1}
		if typer != nil {
			col.vt = typer.SampleType(c.Type)
			// A text column the upgrade converts gets text the
			// conversion accepts (digits for a number, a date…).
			col.laterLength = limits[c]
			if nt, ok := conv[c]; ok && col.vt.Kind == dialect.KindText {
				if nvt := typer.SampleType(nt); nvt.Kind != dialect.KindUnknown && nvt.Kind != dialect.KindText && nvt.Kind != dialect.KindBytes {
					col.vt, col.asText = nvt, true
				}
			}
		}
		if len(c.Type.Values) > 0 {
			col.values = c.Type.Values
		}
		for _, e := range s.Enums {
			if e.Name == c.Type.Name || schema.QualifiedName(e.Schema, e.Name) == c.Type.Name {
				col.values = e.Values
			}
		}
		checkHints(&col, t.Checks)
		if ix, ok := fkOf[c.Name]; ok {
			col.fk, col.fkPart = ix[0], ix[1]
		}
		if col.vt.Kind == dialect.KindUnknown && col.values == nil && col.fk < 0 {
			if c.Default != "" || c.Nullable {
				continue // its default, or NULL
			}
			unknown = append(unknown, c.Name)
		}
		cols = append(cols, col)
	}
	for i := range fks {
		if len(fks[i].rows) == 0 {
			for _, c := range fks[i].fk.Columns {
				if col := t.Column(c); col != nil && !col.Nullable {
					return fmt.Sprintf("not populated: it references %s, which has no rows", fks[i].fk.RefTable), nil
				}
			}
		}
	}
	if len(cols) == 0 {
		return "", nil
	}
	names := make([]string, len(cols))
	marks := make([]string, len(cols))
	for i, c := range cols {
		names[i] = f.D.QuoteIdent(c.c.Name)
		marks[i] = f.D.Placeholder(i + 1)
	}
	insert := f.nonce() + "INSERT INTO " + quoteTable(f.D, t.Schema, t.Name) + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
	rows := make([][]any, f.Rows)
	for i := range rows {
		f.serial++
		rows[i] = f.row(cols, fks, f.serial)
	}
	if err := insertAll(ctx, conn, insert, rows); err == nil {
		return "", nil
	}
	// Some row breaks a constraint the generator did not foresee (a CHECK
	// it cannot read, a short UNIQUE column): insert row by row and keep
	// the rows the database takes.
	refused, first := 0, error(nil)
	for _, r := range rows {
		if _, err := conn.ExecContext(ctx, insert, r...); err != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			refused++
			if first == nil {
				first = err
			}
		}
	}
	if refused == 0 {
		return "", nil
	}
	note := fmt.Sprintf("%d of %d generated rows refused (first: %v)", refused, len(rows), oneLine(first))
	if len(unknown) > 0 {
		note += fmt.Sprintf("; no sample values for the type of %s", strings.Join(unknown, ", "))
	}
	return note, nil
}

func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// insertAll inserts rows in one transaction: all or none.
func insertAll(ctx context.Context, conn Conn, insert string, rows [][]any) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := tx.ExecContext(ctx, insert, r...); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// parentRows reads up to a thousand rows of the columns fk references.
func (f *Filler) parentRows(ctx context.Context, conn Conn, t *schema.Table, fk *schema.ForeignKey) ([][]any, error) {
	cols := make([]string, len(fk.RefColumns))
	for i, c := range fk.RefColumns {
		cols[i] = f.D.QuoteIdent(c)
	}
	where := make([]string, len(cols))
	for i, c := range cols {
		where[i] = c + " IS NOT NULL"
	}
	q := f.nonce() + "SELECT DISTINCT " + strings.Join(cols, ", ") + " FROM " + quoteTable(f.D, refSchema(t, fk), fk.RefTable) +
		" WHERE " + strings.Join(where, " AND ")
	rs, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out [][]any
	for rs.Next() && len(out) < 1000 {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, vals)
	}
	return out, rs.Err()
}

// row generates the values of row k.
func (f *Filler) row(cols []column, fks []fkValues, k int64) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		switch {
		case c.fk >= 0:
			rows := fks[c.fk].rows
			if len(rows) == 0 {
				out[i] = nil
			} else {
				out[i] = rows[int(k)%len(rows)][c.fkPart]
			}
		case c.values != nil:
			out[i] = c.values[int(k)%len(c.values)]
		default:
			out[i] = value(c, k)
			if c.asText {
				out[i] = asText(out[i])
			}
		}
	}
	return out
}

// bounds narrows [lo, hi] to what the column's CHECK bounds allow for a
// value with a fraction below 1 added (a CHECK's lo and hi are exclusive),
// leaving it whole when the bounds leave nothing.
func bounds(c column, lo, hi int64) (int64, int64) {
	l, h := lo, hi
	if c.lo != nil && *c.lo >= float64(lo) && *c.lo < float64(hi) {
		l = int64(math.Floor(*c.lo)) + 1
	}
	if c.hi != nil && *c.hi <= float64(hi)+1 {
		h = int64(math.Ceil(*c.hi)) - 2
	}
	if h < l {
		return lo, hi
	}
	return l, h
}

// asText is a generated value as SQL text.
func asText(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		return x.Format("2006-01-02 15:04:05")
	case bool:
		if x {
			return "1"
		}
		return "0"
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// value is row k's value for a column of a known kind. Text is lower-case
// letters and digits, already as trim() and lower() would leave it, and as
// long as the column allows, so that a shortened column truncates it.
func value(c column, k int64) any {
	t := c.c.Type
	switch c.vt.Kind {
	case dialect.KindInt:
		bits := c.vt.Bits
		if bits == 0 || bits > 63 {
			bits = 63
		}
		max := int64(1)<<(bits-1) - 1
		lo, hi := int64(1), max
		if c.lo != nil && *c.lo >= float64(lo) && *c.lo < float64(max) {
			lo = int64(math.Floor(*c.lo)) + 1
		}
		if c.hi != nil && *c.hi > float64(lo) && *c.hi <= float64(max) {
			hi = int64(math.Ceil(*c.hi)) - 1
		}
		// Away from the small ids that revisions' seed rows use
		// (INSERT INTO roles VALUES (1, 'admin')), where the type leaves
		// room.
		if c.lo == nil && c.hi == nil && bits >= 16 {
			lo = min(int64(10000), max/2)
			// Every tenth row needs the type's width, so that a
			// narrowing change (bigint → integer → smallint) meets a value
			// it cannot hold, as real data would.
			if k%10 == 0 && bits >= 32 {
				big := int64(40000)
				if bits >= 63 {
					big = 3_000_000_000
				}
				return big + k
			}
		}
		return lo + k%(hi-lo+1)
	case dialect.KindFloat:
		lo, hi := bounds(c, 0, 1<<40)
		return float64(lo+k%(hi-lo+1)) + 0.5
	case dialect.KindDecimal:
		intDigits := 8
		if t.Precision > 0 {
			intDigits = t.Precision - t.Scale
		}
		max := int64(0)
		if intDigits > 0 {
			max = int64(math.Pow10(min(intDigits, 17))) - 1
		}
		scale := t.Scale
		if t.Precision == 0 {
			scale = 2
		}
		lo, hi := bounds(c, 0, max)
		ip := lo + k%(hi-lo+1)
		if scale == 0 {
			return strconv.FormatInt(ip, 10)
		}
		return strconv.FormatInt(ip, 10) + "." + strings.Repeat("7", min(scale, 6))
	case dialect.KindText:
		n := t.Length
		if n == 0 || n > 300 {
			n = 40
			// Every tenth row of an unbounded column is long, so that
			// a change to a bounded type (text → varchar(255)) meets a
			// value it would cut.
			if t.Length > 300 || k%10 == 0 {
				n = 300
				if c.laterLength > 0 && t.Length == 0 {
					n = max(40, min(n, c.laterLength))
				}
			}
		}
		id := strconv.FormatInt(k, 36)
		s := "r" + id + "x"
		if len(s) > n {
			// A short column keeps the serial's last digits: unique
			// for as long as they can be.
			s = strings.Repeat("0", n) + id
			return s[len(s)-n:]
		}
		for len(s) < n {
			s += strconv.FormatInt((k*7+int64(len(s)))%36, 36)
		}
		return s
	case dialect.KindBool:
		return k%2 == 0
	case dialect.KindDate:
		return epoch.AddDate(0, 0, int(k%20000)).Format("2006-01-02")
	case dialect.KindTime:
		s := (k * 61) % 86400
		return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
	case dialect.KindTimestamp:
		return epoch.Add(time.Duration(k%100000*3661) * time.Second) // before 2038 (MySQL's TIMESTAMP)
	case dialect.KindUUID:
		return fmt.Sprintf("00000000-0000-4000-8000-%012x", k)
	case dialect.KindJSON:
		return fmt.Sprintf(`{"n": %d}`, k)
	case dialect.KindBytes:
		return []byte("b" + strconv.FormatInt(k, 36))
	case dialect.KindLiteral:
		return c.vt.Literal
	}
	return nil
}

var (
	literalRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`'((?:[^']|'')*)'`) })
	betweenRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("(?i)[`\"]?(\\w+)[`\"]?\\s+between\\s+\\(?\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)?\\s+and\\s+\\(?\\s*(-?\\d+(?:\\.\\d+)?)")
	})
	boundRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^[\s(]*[` + "`" + `"]?(\w+)[` + "`" + `"]?\)?(?:::[\w ]+)?\s*(>=|>|<=|<)\s*\(?\s*(-?\d+(?:\.\d+)?)`)
	})
)

// checkHints reads the simple CHECK constraints on one column: a list of
// literals (col IN ('a','b'), PostgreSQL's col = ANY (ARRAY[…])) and
// numeric bounds (col > 0, col >= 1 AND col <= 5). Anything else is left to
// the row-by-row fallback.
func checkHints(col *column, checks []*schema.Check) {
	name := col.c.Name
	for _, ck := range checks {
		expr := ck.Expr
		if !mentions(expr, name) {
			continue
		}
		if regexp.MustCompile(`(?i)json_valid\s*\(`).MatchString(expr) {
			// MariaDB's JSON is LONGTEXT checked by json_valid().
			col.vt.Kind = dialect.KindJSON
			continue
		}
		if (col.vt.Kind == dialect.KindText || col.vt.Kind == dialect.KindUnknown && col.values == nil) && choosesLiteral(expr) {
			if lits := literalRE().FindAllStringSubmatch(expr, -1); len(lits) > 0 && (col.values == nil) {
				for _, l := range lits {
					v := strings.ReplaceAll(l[1], "''", "'")
					if !slices.Contains(col.values, v) {
						col.values = append(col.values, v)
					}
				}
				if col.vt.Kind == dialect.KindUnknown {
					col.vt.Kind = dialect.KindText
				}
				continue
			}
		}
		if m := betweenRE().FindStringSubmatch(expr); m != nil && strings.EqualFold(m[1], name) {
			a, errA := strconv.ParseFloat(m[2], 64)
			b, errB := strconv.ParseFloat(m[3], 64)
			if errA == nil && errB == nil {
				a, b = a-1, b+1 // BETWEEN is inclusive
				col.lo, col.hi = &a, &b
				continue
			}
		}
		for _, part := range regexp.MustCompile(`(?i)\s+and\s+`).Split(expr, -1) {
			m := boundRE().FindStringSubmatch(part)
			if m == nil || !strings.EqualFold(m[1], name) {
				continue
			}
			v, err := strconv.ParseFloat(m[3], 64)
			if err != nil {
				continue
			}
			switch m[2] {
			case ">", ">=":
				if m[2] == ">=" {
					v -= 1
				}
				col.lo = &v
			case "<", "<=":
				if m[2] == "<=" {
					v += 1
				}
				col.hi = &v
			}
		}
	}
}

var (
	excludesRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)<>|!=|\bnot\b|\blike\b|~|\bsimilar\b|\blength\b|\bchar_length\b|\btrim\b|\blower\b|\bupper\b|\bregexp\b|\bglob\b`)
	})
	equalsRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bin\s*\(|=\s*any\b|=\s*\(?\s*'`) })
)

// choosesLiteral reports whether a CHECK limits a column to literals
// (col IN ('a', 'b'), col = 'x', PostgreSQL's = ANY (ARRAY[…])), rather
// than excluding some (col <> a value, NOT IN, LIKE…): only then are its
// literals the values to use.
func choosesLiteral(expr string) bool {
	return equalsRE().MatchString(expr) && !excludesRE().MatchString(expr)
}

// mentions reports whether expr names column name as a word.
func mentions(expr, name string) bool {
	return regexp.MustCompile(`(?i)(^|[^\w])` + regexp.QuoteMeta(name) + `($|[^\w])`).MatchString(expr)
}
