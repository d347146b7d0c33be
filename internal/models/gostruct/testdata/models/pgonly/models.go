// Package pgonly uses PostgreSQL-only features: arrays, intervals, partial
// and GIN indexes.
package pgonly

import (
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

//retort:table event_log
type Event struct {
	ID      int64            `db:"id" retort:"pk;identity"`
	Kind    string           `db:"kind" retort:"enum:click|view|buy;default:'view'"`
	Labels  []string         `db:"labels" retort:"index:idx_event_log_labels,method:gin"`
	Scores  []int32          `db:"scores"`
	Took    pgtype.Interval  `db:"took"`
	At      pgtype.Timestamp `db:"at"`
	Day     pgtype.Date      `db:"day"`
	Payload json.RawMessage  `db:"payload" retort:"index:idx_event_log_payload,method:gin"`
	Deleted *time.Time       `db:"deleted_at" retort:"index:idx_event_log_live,where:deleted_at IS NULL"`
	Lower   string           `db:"lower_kind" retort:"index:idx_event_log_lower,expr:lower(lower_kind)"`
}
