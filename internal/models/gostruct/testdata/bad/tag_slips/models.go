package bad

type Slip struct {
	ID    int64  `db:"id" retort:"pk,identity"`
	Name  string `db:"name" retort:"unique;primary"`
	Price string `db:"price" retort:"size:abc"`
	Def   string `db:"def" retort:"default"`
	Idx   string `db:"idx" retort:"index:i,sorted"`
}
