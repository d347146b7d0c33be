package bad

type Comment struct {
	ID     int64 `db:"id" retort:"pk"`
	PostID int64 `db:"post_id" retort:"fk:posts.id;ondelete:cascade"`
	UserID int64 `db:"user_id" retort:"fk:users"`
	Other  int64 `db:"other" retort:"ondelete:cascade"`
	Weird  int64 `db:"weird" retort:"fk:comments.id,ondelete:explode"`
}
