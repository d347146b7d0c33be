package bad

import "time"

type Session struct {
	ID        int64      `db:"id" retort:"pk"`
	ExpiresAt *time.Time `db:"expires_at" retort:"index:idx_live,where:expires_at IS NOT NULL"`
	Tokens    []string   `db:"tokens"`
}
