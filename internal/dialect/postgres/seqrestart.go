package postgres

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// narrows reports whether a sequence's new bounds leave out values the
// old ones allowed: its current value may then fall outside them, and the
// server refuses the ALTER (RESTART value (3) cannot be less than MINVALUE
// (10)) unless it restarts the sequence.
func narrows(from, to *schema.Sequence) bool {
	return to.Min > from.Min || to.Max < from.Max
}

// addSequenceAlter adds stmt, an ALTER that changes the options of
// sequence seq (named as it is when the statement runs) from from to to.
// When the new bounds are narrower, the statement runs inside a block that
// adds restart (" RESTART": back to the start value) only when the
// sequence's current value is outside them; a current value inside them is
// kept, so the values the sequence hands out next stay new.
func (r *renderer) addSequenceAlter(seq *schema.Sequence, from, to *schema.Sequence, stmt, restart string) {
	if !narrows(from, to) {
		r.add(stmt, "")
		return
	}
	name := qualify(seq.Schema, seq.Name)
	r.add(fmt.Sprintf("DO $retort$BEGIN IF (SELECT last_value FROM %s) NOT BETWEEN %d AND %d THEN %s%s; ELSE %s; END IF; END$retort$",
		name, to.Min, to.Max, stmt, restart, stmt),
		fmt.Sprintf("narrows the bounds of sequence %s to [%d, %d]: if its current value is outside them it restarts at its start value %d, and values it handed out before may come again", schema.QualifiedName(seq.Schema, seq.Name), to.Min, to.Max, to.Start))
}
