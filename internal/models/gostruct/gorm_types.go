package gostruct

import (
	"github.com/retortdb/retort/internal/dialect"
)

// gormColumnOf is the dialector's DataTypeOf: a type the Go type names per
// dialect (GormDBDataType), else the dialector's mapping; the dialect knows
// both.
func gormColumnOf(f *gormField, d modelDialect) dialect.GORMColumn {
	typ, typeSet := f.settings["TYPE"]
	return d.GORMColumn(dialect.GORMField{
		DataType: f.dataType, GormType: f.gormType,
		Size: f.size, Precision: f.precision, Scale: f.scale,
		PrecisionSet:  f.settings["PRECISION"] != "",
		Type:          typ,
		TypeSet:       typeSet,
		AutoIncrement: f.autoInc, PrimaryKey: f.primaryKey, NotNull: f.notNull, HasDefault: f.hasDefault,
		Indexed:    f.settings["INDEX"] != "" || f.settings["UNIQUE"] != "",
		DBDataType: f.g.gormDB,
	})
}
