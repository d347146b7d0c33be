package gostruct

import (
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// GORM dialectors' DataTypeOf and FullDataTypeOf.

// gormColumn renders a GORM column as the dialector's FullDataTypeOf would.
func (r *renderer) gormColumn(c *Column) (string, bool) {
	f := c.gorm
	typ := gormDataTypeOf(f, r.d)
	pkInType := strings.Contains(strings.ToUpper(typ), "PRIMARY KEY")
	s := r.q(c.Name) + " " + typ
	if f.notNull {
		s += " NOT NULL"
	}
	if f.hasDefault && (f.defValue != "" || f.defString) {
		v := f.defValue
		if f.defString {
			v = r.d.GORMLiteral(v)
		}
		s += " DEFAULT " + v
	}
	if r.d.InlineComments() && f.hasComment {
		s += " COMMENT " + r.d.GORMLiteral(f.comment)
	}
	return s, pkInType
}

// gormDataTypeOf is the dialector's DataTypeOf: a type the Go type names
// per dialect (GormDBDataType), else the dialector's mapping.
func gormDataTypeOf(f *gormField, d ddlDialect) string {
	if t := f.g.gormDB[d.Name()]; t != "" && f.settings["TYPE"] == "" {
		return t
	}
	typ, typeSet := f.settings["TYPE"]
	return d.GORMColumnType(dialect.GORMField{
		DataType: f.dataType, GormType: f.gormType,
		Size: f.size, Precision: f.precision, Scale: f.scale,
		PrecisionSet:  f.settings["PRECISION"] != "",
		Type:          typ,
		TypeSet:       typeSet,
		AutoIncrement: f.autoInc, PrimaryKey: f.primaryKey, NotNull: f.notNull, HasDefault: f.hasDefault,
		Indexed: f.settings["INDEX"] != "" || f.settings["UNIQUE"] != "",
	})
}
