// Package edges holds retort-tag options whose SQL a renderer could get
// wrong: comments and defaults with quotes and backslashes, a btree method
// (kept on PostgreSQL, dropped elsewhere), a named and an unnamed foreign key
// closing a cycle, foreign key actions on both sides.
package edges

import "time"

// Widget is a thing.
//
//retort:comment It's a "widget" \ table.
type Widget struct {
	ID      int64     `db:"id" retort:"pk;identity"`
	Name    string    `db:"name" retort:"size:40;index:ix_widget_name,method:btree;comment:the name's \\ path"`
	Code    string    `db:"code" retort:"size:20;default:'a\\b',sqlite='ab';unique"`
	Kind    string    `db:"kind" retort:"size:10;default:'x'"`
	Made    time.Time `db:"made" retort:"default:CURRENT_TIMESTAMP"`
	Flag    bool      `db:"flag" retort:"default:false"`
	Rate    float64   `db:"rate" retort:"default:-1.5"`
	Note    *string   `db:"note" retort:"size:50;index:ix_widget_note,desc"`
	OwnerID *int64    `db:"owner_id" retort:"fk:owners.id,ondelete:set null,onupdate:cascade"`
}

// Owner owns widgets, and points back at two of them.
type Owner struct {
	ID   int64  `db:"id" retort:"pk"`
	Best *int64 `db:"best" retort:"fk:widgets.id,name:fk_owner_best"`
	Alt  *int64 `db:"alt" retort:"fk:widgets.id"`
}
