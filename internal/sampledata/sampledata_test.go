package sampledata

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

func TestCanonical(t *testing.T) {
	t.Parallel()
	same := [][]any{
		{int64(5), "5.00", []byte("5"), float64(5)},
		{"12.50", "12.5", float64(12.5)},
		{true, int64(1), "1"},
		{time.Date(2020, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600)), time.Date(2020, 1, 2, 2, 4, 5, 0, time.UTC)},
		{"abc", []byte("abc")},
		{"2020-01-05", time.Date(2020, 1, 5, 0, 0, 0, 0, time.UTC), []byte("2020-01-05 00:00:00")},
		{"2020-01-05 01:02:03", time.Date(2020, 1, 5, 1, 2, 3, 0, time.UTC), "2020-01-05T01:02:03Z", "2020-01-05 02:02:03+01:00"},
	}
	for _, group := range same {
		for _, v := range group[1:] {
			if canonical(v) != canonical(group[0]) {
				t.Errorf("canonical(%#v) = %q, canonical(%#v) = %q: want equal", v, canonical(v), group[0], canonical(group[0]))
			}
		}
	}
	differ := [][2]any{{"12.5", "12"}, {nil, ""}, {"abc", "ab"}, {int64(0), nil}, {"2020-01-05", "2020-01-06"}, {"2020-01-05 01:02:03", "2020-01-05 01:02:04"}}
	for _, p := range differ {
		if canonical(p[0]) == canonical(p[1]) {
			t.Errorf("canonical(%#v) == canonical(%#v)", p[0], p[1])
		}
	}
}

func table(cols []string, rows ...[]string) *Table { return &Table{Columns: cols, Rows: rows} }

func TestCompare(t *testing.T) {
	t.Parallel()
	before := Snapshot{
		"users": table([]string{"id", "email", "nick"}, []string{"1", "a", "x"}, []string{"2", "b", "y"}, []string{"3", "c", "z"}),
		"gone":  table([]string{"id"}, []string{"1"}),
	}
	cases := []struct {
		name  string
		after *Table
		keep  []string
		want  string // "" = no loss
	}{
		{"unchanged, rows added, column order changed", table([]string{"email", "id", "nick"}, []string{"a", "1", "x"}, []string{"b", "2", "y"}, []string{"c", "3", "z"}, []string{"d", "4", "w"}), []string{"id", "email", "nick"}, ""},
		{"a dropped column is not compared", table([]string{"id", "email"}, []string{"1", "a"}, []string{"2", "b"}, []string{"3", "c"}), []string{"id", "email"}, ""},
		{"a row lost", table([]string{"id", "email", "nick"}, []string{"1", "a", "x"}, []string{"3", "c", "z"}), []string{"id", "email", "nick"}, "table users lost 1 of its 3 rows"},
		{"a column wiped", table([]string{"id", "email", "nick"}, []string{"1", "a", null}, []string{"2", "b", null}, []string{"3", "c", null}), []string{"id", "email", "nick"}, "table users: values of column nick changed in 3 of 3 rows"},
	}
	for _, c := range cases {
		losses := Compare(before, Snapshot{"users": c.after}, map[string][]string{"users": c.keep})
		got := ""
		if len(losses) > 0 {
			got = losses[0].String()
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestShared(t *testing.T) {
	t.Parallel()
	tb := func(name string, cols ...string) *schema.Table {
		t := &schema.Table{Name: name}
		for _, c := range cols {
			t.Columns = append(t.Columns, &schema.Column{Name: c})
		}
		return t
	}
	s0 := &schema.Schema{Tables: []*schema.Table{tb("users", "id", "email", "nick"), tb("old", "id")}}
	s1 := &schema.Schema{Tables: []*schema.Table{tb("users", "id", "email", "age"), tb("new", "id")}}
	got := Shared(s0, s1)
	if len(got) != 1 || strings.Join(got["users"], ",") != "id,email" {
		t.Fatalf("Shared = %v", got)
	}
}

func TestCheckHints(t *testing.T) {
	t.Parallel()
	text := dialect.ValueType{Kind: dialect.KindText}
	num := dialect.ValueType{Kind: dialect.KindInt, Bits: 32}
	cases := []struct {
		col    string
		vt     dialect.ValueType
		expr   string
		values []string
		lo, hi *float64
	}{
		{"status", text, "((status)::text = ANY ((ARRAY['active'::character varying, 'banned'::character varying])::text[]))", []string{"active", "banned"}, nil, nil},
		{"status", text, "`status` in ('on','off')", []string{"on", "off"}, nil, nil},
		{"qty", num, "((qty > 0) AND (qty < 100))", nil, f(0), f(100)},
		{"score", num, "score >= 10", nil, f(9), nil},
		{"score", num, "other > 5", nil, nil, nil},
		{"slug", text, "(slug <> ''::text)", nil, nil, nil},
		{"slug", text, "slug NOT IN ('admin', 'root')", nil, nil, nil},
		{"slug", text, "slug LIKE 'a%'", nil, nil, nil},
		{"kind", text, "kind = 'x'", []string{"x"}, nil, nil},
		{"score", num, "`score` between 0 and 100", nil, f(-1), f(101)},
	}
	for _, c := range cases {
		col := column{c: &schema.Column{Name: c.col}, vt: c.vt}
		checkHints(&col, []*schema.Check{{Expr: c.expr}})
		if strings.Join(col.values, ",") != strings.Join(c.values, ",") {
			t.Errorf("%s: values %v, want %v", c.expr, col.values, c.values)
		}
		if !sameBound(col.lo, c.lo) || !sameBound(col.hi, c.hi) {
			t.Errorf("%s: bounds %v..%v, want %v..%v", c.expr, show(col.lo), show(col.hi), show(c.lo), show(c.hi))
		}
		// Generated values keep to the bounds.
		for k := int64(1); k < 300; k++ {
			v, ok := value(col, k).(int64)
			if !ok {
				break
			}
			if col.lo != nil && float64(v) <= *col.lo || col.hi != nil && float64(v) >= *col.hi {
				t.Fatalf("%s: value %d out of bounds", c.expr, v)
			}
		}
	}
}

func f(x float64) *float64 { return &x }

func sameBound(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func show(p *float64) any {
	if p == nil {
		return "none"
	}
	return *p
}

func TestDecimalWithinCheck(t *testing.T) {
	t.Parallel()
	col := column{c: &schema.Column{Name: "score", Type: schema.Type{Precision: 5, Scale: 2}}, vt: dialect.ValueType{Kind: dialect.KindDecimal}}
	checkHints(&col, []*schema.Check{{Expr: "((score >= (0)::numeric) AND (score <= (100)::numeric))"}})
	for k := int64(1); k < 3000; k += 13 {
		r, _ := new(big.Rat).SetString(value(col, k).(string))
		if r.Sign() < 0 || r.Cmp(big.NewRat(100, 1)) > 0 {
			t.Fatalf("score %s outside 0..100", value(col, k))
		}
	}
}

func TestValueFitsType(t *testing.T) {
	t.Parallel()
	dec := column{c: &schema.Column{Type: schema.Type{Precision: 5, Scale: 2}}, vt: dialect.ValueType{Kind: dialect.KindDecimal}}
	txt := column{c: &schema.Column{Type: schema.Type{Length: 12}}, vt: dialect.ValueType{Kind: dialect.KindText}}
	small := column{c: &schema.Column{}, vt: dialect.ValueType{Kind: dialect.KindInt, Bits: 8}}
	for k := int64(1); k < 5000; k += 7 {
		r, ok := new(big.Rat).SetString(value(dec, k).(string))
		if !ok || r.Cmp(big.NewRat(1000, 1)) >= 0 {
			t.Fatalf("numeric(5,2) value %v", value(dec, k))
		}
		if s := value(txt, k).(string); len(s) != 12 || strings.ToLower(strings.TrimSpace(s)) != s {
			t.Fatalf("varchar(12) value %q: want 12 lower-case characters", s)
		}
		if v := value(small, k).(int64); v < 1 || v > 127 {
			t.Fatalf("tinyint value %d", v)
		}
	}
}

func TestWithNext(t *testing.T) {
	t.Parallel()
	users := &schema.Table{Name: "users", Columns: []*schema.Column{{Name: "id"}}}
	orders := &schema.Table{Name: "orders", Columns: []*schema.Column{{Name: "id"}, {Name: "user_id", Nullable: true}, {Name: "code", Type: schema.Type{SQL: "text"}}}}
	s := &schema.Schema{Tables: []*schema.Table{orders, users}}
	nextOrders := &schema.Table{Name: "orders", Columns: []*schema.Column{{Name: "id"}, {Name: "user_id"}, {Name: "code", Type: schema.Type{SQL: "integer"}}},
		ForeignKeys: []*schema.ForeignKey{{Name: "fk", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}}},
		Checks:      []*schema.Check{{Name: "ck", Expr: "code > 0"}}}
	next := &schema.Schema{Tables: []*schema.Table{nextOrders, users}}
	got, conv := withNext(s, next)
	o := got.Table("", "orders")
	if len(o.ForeignKeys) != 1 || len(o.Checks) != 1 || o.Column("user_id").Nullable {
		t.Fatalf("orders with the next schema's constraints: %+v", o)
	}
	if len(conv) != 1 || conv[o.Column("code")].SQL != "integer" {
		t.Fatalf("conversions %v", conv)
	}
	if !orders.Column("user_id").Nullable || len(orders.ForeignKeys) != 0 {
		t.Fatal("withNext changed its input")
	}
	if order := parentsFirst(got.Tables); order[0].Name != "users" {
		t.Fatalf("parents first: %s first", order[0].Name)
	}
}
