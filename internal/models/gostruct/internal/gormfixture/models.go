// Package gormfixture is a GORM-tagged model package. The tests read it from
// source with gostruct and also hand its types to GORM's AutoMigrate, then
// compare the two databases' catalogs.
package gormfixture

import (
	"database/sql"
	"time"

	"gorm.io/gorm"
)

// Audit is embedded with a prefix.
type Audit struct {
	By   string `gorm:"size:64"`
	Note string
}

// Company has many users.
type Company struct {
	ID    int    `gorm:"primaryKey"`
	Name  string `gorm:"size:120;not null;uniqueIndex"`
	Users []User `gorm:"constraint:OnDelete:CASCADE"`
}

// User is the classic GORM model.
type User struct {
	gorm.Model
	Name      string         `gorm:"size:100;not null;index:idx_name_age,priority:1"`
	Age       uint8          `gorm:"index:idx_name_age,priority:2;check:age < 200"`
	Email     *string        `gorm:"unique"`
	Nick      sql.NullString `gorm:"default:'anon'"`
	Active    bool           `gorm:"default:true"`
	Balance   float64        `gorm:"precision:12;scale:2"`
	Rating    float32
	Birthday  *time.Time
	Avatar    []byte
	Code      string `gorm:"column:member_code;size:32;uniqueIndex:ux_users_code"`
	Level     int32  `gorm:"default:1;comment:user level"`
	CompanyID *int
	Profile   Profile `gorm:"constraint:OnUpdate:CASCADE,OnDelete:CASCADE;"`
	Audit     Audit   `gorm:"embedded;embeddedPrefix:audit_"`
	Secret    string  `gorm:"-"`
	Computed  string  `gorm:"-:migration"`
	Bio       string  `gorm:"type:text"`
	Counter   int64   `gorm:"autoIncrement:false;index:,sort:desc"`
}

// Profile belongs to a user (has-one on the user's side).
type Profile struct {
	ID     uint   `gorm:"primaryKey;autoIncrement"`
	UserID uint   `gorm:"not null"`
	Theme  string `gorm:"size:20;default:light;check:theme_ok,theme <> ''"`
}

// Order belongs to a user through a named foreign key.
type Order struct {
	ID        uint64 `gorm:"primaryKey"`
	BuyerID   uint
	Buyer     User `gorm:"foreignKey:BuyerID;constraint:fk_orders_buyer,OnDelete:RESTRICT"`
	Total     float64
	Status    string `gorm:"size:20;default:new;index"`
	CreatedAt time.Time
	UpdatedAt int64
}

// Tag has a composite primary key and a composite index.
type Tag struct {
	Namespace string `gorm:"primaryKey;size:50"`
	Name      string `gorm:"primaryKey;size:50"`
	Weight    int16  `gorm:"index:idx_tag_weight_rank;not null;default:0"`
	Rank      int    `gorm:"index:idx_tag_weight_rank"`
}

// TableName overrides GORM's table name.
func (Tag) TableName() string { return "tag_catalog" }

// Category refers to itself.
type Category struct {
	ID       uint `gorm:"primaryKey"`
	ParentID *uint
	Parent   *Category
	Slug     string `gorm:"size:80;uniqueIndex:,composite:slug_parent"`
	Depth    uint16 `gorm:"uniqueIndex:,composite:slug_parent"`
}

// Language is spoken by many users; the join table comes from the tag.
type Language struct {
	Code  string `gorm:"primaryKey;size:8"`
	Name  string `gorm:"size:40"`
	Users []User `gorm:"many2many:user_languages;constraint:OnDelete:CASCADE"`
}

// Member befriends members: a self-referencing many2many.
type Member struct {
	ID      uint
	Friends []*Member `gorm:"many2many:member_friends"`
}
