package bad

type Human struct {
	ID int64 `db:"id" retort:"pk"`
}

func (Human) TableName() string { return "people" }
