package bad

const prefix = "app_"

type Account struct {
	ID int64 `db:"id" retort:"pk"`
}

func (Account) TableName() string { return prefix + "accounts" }

//retort:tabel accounts2
type Other struct {
	ID int64 `db:"id" retort:"pk"`
}
