package bad

type Mood string

type A struct {
	ID   int64 `db:"id" retort:"pk"`
	Mood Mood  `db:"mood" retort:"enum:happy|sad"`
}

type B struct {
	ID   int64 `db:"id" retort:"pk"`
	Mood Mood  `db:"mood" retort:"enum:happy|sad|meh"`
	Num  int   `db:"num" retort:"enum:1|2"`
}
