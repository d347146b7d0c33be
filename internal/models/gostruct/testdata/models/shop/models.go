// Package shop is a retort-tagged model package covering every type kind.
package shop

import (
	"database/sql"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/shopspring/decimal"
)

// Timestamps is embedded by every table.
type Timestamps struct {
	CreatedAt time.Time  `db:"created_at" retort:"default:CURRENT_TIMESTAMP"`
	UpdatedAt *time.Time `db:"updated_at"`
}

// Status is an order's state.
//
//retort:enum pending|paid|shipped
type Status string

// Money is stored as a fixed-point number.
//
//retort:type numeric(12,2),mysql=decimal(12,2),sqlite=NUMERIC(12,2)
type Money int64

// Customer buys things.
type Customer struct {
	ID    int64  `db:"id" retort:"pk;identity"`
	Email string `db:"email" retort:"size:320;unique"`
	// Name is the display name.
	Name     string          `db:"name" retort:"size:100"`
	Nickname sql.NullString  `db:"nickname" retort:"size:50"`
	Active   bool            `db:"active" retort:"default:true"`
	Age      *int16          `db:"age" retort:"check:age >= 0"`
	Score    float64         `db:"score" retort:"default:0"`
	Ratio    float32         `db:"ratio" retort:"null"`
	Avatar   []byte          `db:"avatar"`
	Prefs    json.RawMessage `db:"prefs" retort:"null"`
	Ignored  string          `db:"-"`
	internal string
	Timestamps
}

// Product is something for sale.
//
//retort:comment Things for sale.
type Product struct {
	SKU     uuid.UUID          `db:"sku" retort:"pk"`
	Title   string             `db:"title" retort:"size:200;index:idx_products_title_price"`
	Price   decimal.Decimal    `db:"price" retort:"precision:10,scale:2;index:idx_products_title_price"`
	Cost    Money              `db:"cost"`
	Stock   uint32             `db:"stock" retort:"default:0"`
	Weight  pgtype.Float8      `db:"weight"`
	Tags    string             `db:"tags" retort:"type:jsonb,mysql=json,sqlite=TEXT;comment:-"`
	Deleted pgtype.Timestamptz `db:"deleted_at" retort:"index:idx_products_live,desc"`
}

// Order is a customer's purchase.
type Order struct {
	ID         int64     `db:"id" retort:"pk;identity"`
	CustomerID int64     `db:"customer_id" retort:"fk:customers.id,ondelete:cascade;index"`
	Status     Status    `db:"status" retort:"default:'pending'"`
	PlacedOn   time.Time `db:"placed_on" retort:"type:date"`
	Timestamps
}

// OrderLine is one product in an order: a composite key.
type OrderLine struct {
	OrderID  int64     `db:"order_id" retort:"pk;fk:orders.id;ondelete:cascade"`
	Line     int32     `db:"line" retort:"pk"`
	SKU      uuid.UUID `db:"sku" retort:"fk:products.sku;unique:uni_order_lines_order_sku"`
	OrderRef int64     `db:"order_ref" retort:"unique:uni_order_lines_order_sku"`
	Qty      int32     `db:"qty" retort:"check:qty_positive,qty > 0"`
}
