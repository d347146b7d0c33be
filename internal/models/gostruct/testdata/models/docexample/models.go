package models

import (
	"database/sql"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Timestamps is embedded: its fields become columns of every table that
// embeds it. Embedded structs are never tables of their own.
type Timestamps struct {
	CreatedAt time.Time  `db:"created_at" retort:"default:CURRENT_TIMESTAMP"`
	UpdatedAt *time.Time `db:"updated_at"`
}

// Status is stored as a PostgreSQL enum type named "status" (MySQL:
// ENUM(…), SQLite: TEXT with a CHECK).
//
//retort:enum draft|published|archived
type Status string

// Money has an explicit SQL type wherever it is used.
//
//retort:type numeric(12,2),sqlite=NUMERIC(12,2),mysql=decimal(12,2)
type Money int64

// Author writes articles.
//
//retort:comment People who write for the site.
type Author struct {
	ID    int64  `db:"id" retort:"pk;identity"`
	Email string `db:"email" retort:"size:320;unique"`
	// Name is shown under each article (the column comment).
	Name    string         `db:"name" retort:"size:100"`
	Twitter sql.NullString `db:"twitter" retort:"size:50"`
	Timestamps
}

// Article is a piece of writing.
type Article struct {
	ID       uuid.UUID       `db:"id" retort:"pk;default:gen_random_uuid(),mysql=(uuid()),sqlite=NULL"`
	AuthorID int64           `db:"author_id" retort:"fk:authors.id,ondelete:cascade;index;unique:uq_articles_author_slug"`
	Slug     string          `db:"slug" retort:"size:200;unique:uq_articles_author_slug"`
	Status   Status          `db:"status" retort:"default:'draft'"`
	Price    decimal.Decimal `db:"price" retort:"precision:10,scale:2;check:price >= 0"`
	Fee      Money           `db:"fee"`
	Meta     json.RawMessage `db:"meta" retort:"null"`
	// Body is Markdown; comment:- keeps this doc comment out of the schema.
	Body  string  `db:"body" retort:"comment:-"`
	Cache []byte  `db:"-"` // not a column
	Rank  float64 `db:"rank" retort:"index:ix_articles_rank,desc"`
	Timestamps
}

// ArticleTag has a composite primary key.
type ArticleTag struct {
	ArticleID uuid.UUID `db:"article_id" retort:"pk;fk:articles.id"`
	Tag       string    `db:"tag" retort:"pk;size:40"`
}
