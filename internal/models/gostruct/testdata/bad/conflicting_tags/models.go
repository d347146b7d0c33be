package bad

type Item struct {
	ID    string `db:"id" retort:"pk;identity"`
	Name  string `db:"name" retort:"null;notnull"`
	Kind  string `db:"kind" retort:"enum:a|b;type:text"`
	Code  string `db:"code" retort:"pk;null"`
	Count int    `db:"count" retort:"size:10;precision:3"`
	Twice string `db:"twice" retort:"size:1;size:2"`
	Same  string `db:"name"`
}
