package sampledata

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Table is a table's content: each value as canonical text (numbers as
// exact decimals without trailing zeros, times in UTC), so that a value a
// migration kept compares equal across a type change that only widens it
// (integer → bigint, numeric(10,2) → numeric(12,2), varchar → text).
type Table struct {
	Columns []string
	Rows    [][]string
}

// null stands for NULL among canonical values.
const null = "\x00NULL"

// Snapshot is the content of every table of a schema, by qualified name.
type Snapshot map[string]*Table

// Take reads the content of every table of s.
func Take(ctx context.Context, q schema.Querier, d dialect.Dialect, s *schema.Schema) (Snapshot, error) {
	snap := Snapshot{}
	start := time.Now().UnixNano()
	for i, t := range s.Tables {
		tb, err := readTable(ctx, q, d, t, fmt.Sprintf("/* retort test %d.%d */ ", start, i))
		if err != nil {
			return nil, fmt.Errorf("read table %s: %w", schema.QualifiedName(t.Schema, t.Name), err)
		}
		snap[schema.QualifiedName(t.Schema, t.Name)] = tb
	}
	return snap, nil
}

// readTable reads t; nonce makes the query's text new (see Filler.nonce).
func readTable(ctx context.Context, q schema.Querier, d dialect.Dialect, t *schema.Table, nonce string) (*Table, error) {
	tb := &Table{}
	cols := make([]string, 0, len(t.Columns))
	for _, c := range t.Columns {
		tb.Columns = append(tb.Columns, c.Name)
		cols = append(cols, d.QuoteIdent(c.Name))
	}
	if len(cols) == 0 {
		return tb, nil
	}
	rs, err := q.QueryContext(ctx, nonce+"SELECT "+strings.Join(cols, ", ")+" FROM "+quoteTable(d, t.Schema, t.Name))
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = canonical(v)
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb, rs.Err()
}

var numberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\d+(\.\d+)?$`) })

// canonical is a scanned value as text that compares across type changes
// which keep the value.
func canonical(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return null
	case bool:
		if x {
			return "1"
		}
		return "0"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		s = strconv.FormatFloat(float64(x), 'f', -1, 32)
	case time.Time:
		return canonicalTime(x)
	case []byte:
		s = string(x)
	case string:
		s = x
	default:
		s = fmt.Sprint(x)
	}
	if numberRE().MatchString(s) {
		if r, ok := new(big.Rat).SetString(s); ok {
			return r.RatString()
		}
	}
	if dateRE().MatchString(s) {
		for _, layout := range timeLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return canonicalTime(t)
			}
		}
	}
	return s
}

// dateRE and timeLayouts read dates and times that a driver returns as
// text (MySQL without parseTime, SQLite), so that they compare with the
// same value returned as a time.Time after a type change.
var (
	dateRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$`)
	})
	timeLayouts = []string{"2006-01-02", "2006-01-02 15:04:05.999999999", "2006-01-02 15:04", "2006-01-02T15:04:05.999999999Z07:00",
		"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999-07", "2006-01-02T15:04:05.999999999"}
)

// canonicalTime is t in UTC; a date when it has no time of day.
func canonicalTime(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05.999999999")
}

// Loss is a table whose rows did not survive a step as they were.
type Loss struct {
	Table string `json:"table"`
	// Before and After count the table's rows.
	Before int `json:"rows_before"`
	After  int `json:"rows_after"`
	// Missing counts the rows before that are no longer there with the same
	// values in the compared columns.
	Missing int `json:"rows_missing"`
	// Columns are the compared columns whose values changed or went.
	Columns []string `json:"columns,omitempty"`
}

func (l Loss) String() string {
	switch {
	case l.After < l.Before && len(l.Columns) == 0:
		return fmt.Sprintf("table %s lost %d of its %d rows", l.Table, l.Before-l.After, l.Before)
	case l.After < l.Before:
		return fmt.Sprintf("table %s lost %d of its %d rows, and values of %s changed", l.Table, l.Before-l.After, l.Before, strings.Join(l.Columns, ", "))
	default:
		return fmt.Sprintf("table %s: values of column %s changed in %d of %d rows", l.Table, strings.Join(l.Columns, ", "), l.Missing, l.Before)
	}
}

// Compare finds the rows of before that after no longer holds, comparing
// only the given columns of the given tables (table → columns). Rows added
// are not losses.
func Compare(before, after Snapshot, keep map[string][]string) []Loss {
	var out []Loss
	names := make([]string, 0, len(keep))
	for n := range keep {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b, a := before[n], after[n]
		cols := keep[n]
		if b == nil || a == nil || len(b.Rows) == 0 || len(cols) == 0 {
			continue
		}
		missing := missingRows(b, a, cols)
		if missing == 0 {
			continue
		}
		l := Loss{Table: n, Before: len(b.Rows), After: len(a.Rows), Missing: missing}
		// Rows gone explain as many missing rows; more are changed values.
		for _, c := range cols {
			if missing <= l.Before-l.After {
				break
			}
			if missingRows(b, a, []string{c}) > 0 {
				l.Columns = append(l.Columns, c)
			}
		}
		out = append(out, l)
	}
	return out
}

// missingRows counts the rows of b (projected on cols) that a lacks, as
// multisets.
func missingRows(b, a *Table, cols []string) int {
	have := map[string]int{}
	for _, r := range project(a, cols) {
		have[r]++
	}
	n := 0
	for _, r := range project(b, cols) {
		if have[r] > 0 {
			have[r]--
		} else {
			n++
		}
	}
	return n
}

func project(t *Table, cols []string) []string {
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = -1
		for j, tc := range t.Columns {
			if tc == c {
				idx[i] = j
			}
		}
	}
	out := make([]string, len(t.Rows))
	var b strings.Builder
	for k, r := range t.Rows {
		b.Reset()
		for _, j := range idx {
			if j >= 0 {
				b.WriteString(r[j])
			} else {
				b.WriteString(null)
			}
			b.WriteByte(0x1f)
		}
		out[k] = b.String()
	}
	return out
}

// Shared returns, for each table in every one of the schemas, the columns
// present in all of them: what a step is expected to keep.
func Shared(schemas ...*schema.Schema) map[string][]string {
	out := map[string][]string{}
	if len(schemas) == 0 {
		return out
	}
	for _, t := range schemas[0].Tables {
		name := schema.QualifiedName(t.Schema, t.Name)
		var cols []string
	col:
		for _, c := range t.Columns {
			for _, s := range schemas[1:] {
				o := s.Table(t.Schema, t.Name)
				if o == nil {
					continue col
				}
				if o.Column(c.Name) == nil {
					continue col
				}
			}
			cols = append(cols, c.Name)
		}
		ok := true
		for _, s := range schemas[1:] {
			if s.Table(t.Schema, t.Name) == nil {
				ok = false
			}
		}
		if ok && len(cols) > 0 {
			out[name] = cols
		}
	}
	return out
}
