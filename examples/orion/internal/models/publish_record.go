package models

import (
	"time"

	"github.com/google/uuid"
)

// PublishRecord is one publication of a content on a platform.
type PublishRecord struct {
	ID          uuid.UUID  `db:"id" retort:"pk"`
	ContentID   uuid.UUID  `db:"content_id" retort:"fk:contents.id"`
	Platform    string     `db:"platform" retort:"size:50"`
	Status      string     `db:"status" retort:"size:20"`
	PublishedAt *time.Time `db:"published_at" retort:"type:timestamp with time zone,mysql=datetime(6)"` // NULL until published
}
