package bad

type Broken struct {
	ID int64 `db:"id"
}
