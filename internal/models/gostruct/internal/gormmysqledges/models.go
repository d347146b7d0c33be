// Package gormmysqledges holds GORM options MySQL spells its own way: a
// type tag that says auto_increment itself, TIMESTAMP columns, a FULLTEXT
// index with a comment, a hash index type (dropped), and a comment whose
// backslash MySQL reads as an escape.
package gormmysqledges

import "time"

type Event struct {
	ID   uint64     `gorm:"primaryKey;type:bigint unsigned auto_increment"`
	At   time.Time  `gorm:"type:timestamp"`
	Opt  *time.Time `gorm:"type:timestamp(3)"`
	Body string     `gorm:"type:text;index:,class:FULLTEXT,comment:search it"`
	Code string     `gorm:"size:40;index:,type:hash"`
	Note string     `gorm:"size:20;comment:a\\nb"`
}
