// Package gormsqliteedges holds what GORM writes only on SQLite: an
// auto-increment field that is not the declared key becomes INTEGER PRIMARY
// KEY AUTOINCREMENT, a double-quoted string default, an index collation.
package gormsqliteedges

type Item struct {
	Code string `gorm:"primaryKey;size:10"`
	Num  int64  `gorm:"autoIncrement"`
	Name string `gorm:"default:a \"q\" b;index:idx_item_name,collate:NOCASE,where:name <> ''"`
}
