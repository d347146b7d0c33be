// Package models holds Orion's database models: plain structs that the
// application scans rows into (the db tags are the ones sqlx, scany and pgx
// use) and from which `retort revision --autogenerate` reads the desired
// schema (the retort tags; see docs/models.md).
package models

import (
	"time"

	"github.com/google/uuid"
)

// The SQL types are spelled out where SQLite and PostgreSQL would otherwise
// differ (time.Time, float64), so that the example's revisions, generated
// once, run on both.

// Content is a piece of content that Orion writes and publishes.
type Content struct {
	ID        uuid.UUID `db:"id" retort:"pk"`
	Title     string    `db:"title" retort:"size:255"`
	Body      string    `db:"body" retort:"type:text"`
	CreatedAt time.Time `db:"created_at" retort:"type:timestamp with time zone,mysql=datetime(6);default:CURRENT_TIMESTAMP"`
}

// Trend is a topic Orion watches, ranked by score.
type Trend struct {
	ID         uuid.UUID `db:"id" retort:"pk"`
	Keyword    string    `db:"keyword" retort:"size:100;unique"`
	Score      float64   `db:"score" retort:"type:double precision,mysql=double;index"` // ix_trends_score
	DetectedAt time.Time `db:"detected_at" retort:"type:timestamp with time zone,mysql=datetime(6);default:CURRENT_TIMESTAMP"`
}
