package bad

import "net/url"

type Widget struct {
	ID     int64          `db:"id" retort:"pk"`
	Attrs  map[string]int `db:"attrs"`
	Link   url.URL        `db:"link"`
	Stream chan int       `db:"stream"`
	Raw    []int          `db:"raw" retort:"type:int[],postgres=integer[]"`
}
