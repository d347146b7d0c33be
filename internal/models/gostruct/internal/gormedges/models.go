// Package gormedges holds GORM options (compared with GORM's AutoMigrate by
// the oracle test) whose SQL a renderer could get wrong:
// a comment and a string default with quotes and backslashes, a composite
// unique index ordered by priority, a descending index, an index type that
// only PostgreSQL keeps, foreign key actions.
package gormedges

import "time"

type Gadget struct {
	ID     uint      `gorm:"primaryKey"`
	Label  string    `gorm:"size:50;comment:it's a \\ label;default:it's \"x\""`
	Tag    string    `gorm:"size:30;index:idx_gadget_tag,sort:desc;uniqueIndex:ux_gadget_tag_label,priority:2"`
	Label2 string    `gorm:"size:30;uniqueIndex:ux_gadget_tag_label,priority:1;check:label2 <> ''"`
	When   time.Time `gorm:"not null"`
	Maybe  *time.Time
	Seq    int64 `gorm:"not null;default:0"`
	Parts  []Part
}

type Part struct {
	ID       int64   `gorm:"primaryKey;autoIncrement"`
	GadgetID uint    `gorm:"index:,type:btree"`
	Gadget   Gadget  `gorm:"constraint:OnDelete:SET NULL,OnUpdate:CASCADE"`
	Weight   float64 `gorm:"precision:8;scale:3"`
}
