package bad

type Person struct {
	ID int64 `db:"id" retort:"pk"`
}
