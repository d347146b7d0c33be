package bad

import "gorm.io/gorm"

type Shape struct {
	gorm.Model
	Points []float64 `gorm:"not null"`
	Meta   map[string]string
	Owner  Owner
	Tags   []Tag `gorm:"many2many:shape_tags"`
}

type Owner struct {
	ID   uint
	Name string `gorm:"size:10"`
}

type Tag struct {
	ID uint
}

type Note struct {
	ID        uint
	Total     int `gorm:"generated:a + b"`
	OwnerID   uint
	OwnerType string
	Comments  []Reply `gorm:"polymorphic:Owner"`
	Slug      string  `gorm:"index:,option:CONCURRENTLY"`
}

type Reply struct {
	ID        uint
	OwnerID   uint
	OwnerType string
}
