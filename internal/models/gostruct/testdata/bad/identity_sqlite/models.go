package bad

type Counter struct {
	Name string `db:"name" retort:"pk"`
	Seq  int64  `db:"seq" retort:"identity"`
}
