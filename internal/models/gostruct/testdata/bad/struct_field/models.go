package bad

type Address struct {
	Street string
	City   string
}

type Customer struct {
	ID      int64   `db:"id" retort:"pk"`
	Address Address `db:"address"`
	Billing Address `db:"billing" retort:"type:jsonb,mysql=json,sqlite=TEXT"`
}
