package bad

type Parent struct {
	ID int64 `db:"id" retort:"pk"`
}

type Child struct {
	ID       int64 `db:"id" retort:"pk"`
	ParentID int64 `db:"parent_id" retort:"fk:parents.uuid"`
}
