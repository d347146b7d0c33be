// Package gormmysql is a GORM model package written for MySQL/MariaDB
// (enum and fulltext). The tests compare gostruct's DDL of it with GORM's
// AutoMigrate.
package gormmysql

import (
	"database/sql"
	"time"
)

// Article is searchable.
type Article struct {
	ID        uint           `gorm:"primaryKey"`
	Slug      string         `gorm:"uniqueIndex;size:120"`
	Body      string         `gorm:"type:text;index:,class:FULLTEXT"`
	State     string         `gorm:"type:enum('draft','live');default:'draft';not null"`
	Views     uint32         `gorm:"not null;default:0"`
	Ratio     float32        `gorm:"not null"`
	Price     float64        `gorm:"precision:10;scale:2;comment:price in cents"`
	Subtitle  sql.NullString `gorm:"size:300"`
	Flags     uint8
	Pinned    bool      `gorm:"default:false"`
	Blob      []byte    `gorm:"size:1024"`
	Published time.Time `gorm:"precision:0;not null;default:CURRENT_TIMESTAMP"`
	Edited    *time.Time
	Key       string `gorm:"primaryKey;size:30;autoIncrement:false"`
	Prefix    string `gorm:"index:,length:10"`
	Comments  []Comment
}

// Comment belongs to an article by its composite key.
type Comment struct {
	ID         int64 `gorm:"autoIncrement;primaryKey"`
	ArticleID  uint
	ArticleKey string  `gorm:"size:30"`
	Article    Article `gorm:"foreignKey:ArticleID,ArticleKey;references:ID,Key;constraint:OnDelete:CASCADE"`
	Text       string  `gorm:"size:2000;not null"`
}
