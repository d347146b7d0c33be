package gostruct

import (
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// columnType is the SQL type of c on d, for retort-tagged tables: an
// explicit type, the enum, or the dialect's mapping of the Go type (the
// table in docs/models.md; keep the two in step).
func columnType(c *Column, d modelDialect) (string, error) {
	if s := c.Types[d.Name()]; s != "" {
		return s, nil
	}
	if s := c.Types[""]; s != "" {
		return s, nil
	}
	if c.EnumType != "" {
		typ, _, _ := d.EnumColumn(c.EnumType, c.Enum)
		return typ, nil
	}
	return d.GoColumnType(dialect.GoField{Kind: c.Kind, Bits: c.Bits, Elem: c.Elem, Size: c.Size,
		Precision: c.Precision, Scale: c.Scale, GoType: c.GoType})
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = quoteString(v)
	}
	return strings.Join(q, ", ")
}

func quoteString(s string) string { return dialect.QuoteStringStd(s) }
