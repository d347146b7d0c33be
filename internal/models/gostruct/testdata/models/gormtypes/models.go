// Package gormtypes is a GORM model package using types from other
// packages (read from source only; it is never compiled).
package gormtypes

import (
	"database/sql"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"gorm.io/datatypes"
	"gorm.io/gorm"
)

type Base struct {
	ID        uuid.UUID `gorm:"type:uuid;primaryKey;default:gen_random_uuid()"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt gorm.DeletedAt `gorm:"index"`
}

type Invoice struct {
	Base
	Number   string          `gorm:"size:32;not null;uniqueIndex"`
	Amount   decimal.Decimal `gorm:"type:numeric(12,2);not null"`
	Lines    datatypes.JSON  `gorm:"not null"`
	Meta     map[string]any  `gorm:"serializer:json"`
	Paid     sql.NullTime
	Attempts sql.NullInt32
	Tax      sql.NullFloat64 `gorm:"precision:6;scale:3"`
	Notes    *string
	Payer    Payer     `gorm:"foreignKey:PayerID"`
	PayerID  uuid.UUID `gorm:"type:uuid"`
}

type Payer struct {
	Base
	Name string `gorm:"size:80"`
}
