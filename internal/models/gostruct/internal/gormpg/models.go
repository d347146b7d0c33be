// Package gormpg is a GORM model package written for PostgreSQL (uuid keys,
// jsonb, GIN and partial indexes). The tests compare gostruct's DDL of it
// with GORM's AutoMigrate.
package gormpg

import (
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Account is keyed by a server-generated UUID.
type Account struct {
	ID        uuid.UUID `gorm:"type:uuid;primaryKey;default:gen_random_uuid()"`
	Handle    string    `gorm:"type:varchar(40);not null;uniqueIndex:ux_accounts_handle,where:deleted_at IS NULL"`
	Settings  []byte    `gorm:"type:jsonb;not null;default:'{}';index:,type:gin"`
	Posts     []Post    `gorm:"foreignKey:AuthorID;references:ID;constraint:OnDelete:CASCADE"`
	CreatedAt time.Time `gorm:"precision:6;not null;default:CURRENT_TIMESTAMP"`
	DeletedAt gorm.DeletedAt
}

// Post belongs to an account.
type Post struct {
	ID       int64     `gorm:"primaryKey"`
	AuthorID uuid.UUID `gorm:"not null;index"`
	Title    string    `gorm:"size:200;not null;index:,expression:lower(title)"`
	Score    int32     `gorm:"not null;default:0;check:score >= 0"`
	Weight   float64   `gorm:"precision:8"`
	Draft    bool      `gorm:"not null;default:false"`
	Rev      uint      `gorm:"primaryKey;autoIncrement:false"`
}
