// Package cycle has foreign keys that form a cycle and a self-reference.
package cycle

// Team has a captain, who is a player of some team.
type Team struct {
	ID        int64  `db:"id" retort:"pk;identity"`
	Name      string `db:"name" retort:"size:60;unique"`
	CaptainID *int64 `db:"captain_id" retort:"fk:players.id,ondelete:set null"`
}

// Player plays for a team and may be mentored by another player.
type Player struct {
	ID         int64  `db:"id" retort:"pk;identity"`
	TeamID     int64  `db:"team_id" retort:"fk:teams.id,name:fk_players_team;ondelete:cascade;onupdate:cascade"`
	MentorID   *int64 `db:"mentor_id" retort:"fk:players.id"`
	Number     int16  `db:"number" retort:"check:number_range,number BETWEEN 0 AND 99"`
	Nickname   string `db:"nickname" retort:"size:30;default:'rookie',mysql='rookie',sqlite='newbie'"`
	unexported int
}

// Unrelated is skipped: no tags, no directive.
type Unrelated struct {
	A int
}

//retort:ignore
type Ignored struct {
	B int `db:"b"`
}
