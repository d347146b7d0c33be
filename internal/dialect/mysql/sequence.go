package mysql

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/schema"
)

// sequences reads each MariaDB sequence's options from the sequence
// itself (a one-row table; information_schema lists sequences only from
// MariaDB 11.5), one query a sequence.
func (in *inspector) sequences(ctx context.Context) error {
	for _, sq := range in.s.Sequences {
		rows, err := in.db.QueryContext(ctx, "SELECT start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM "+quote(sq.Name))
		if err != nil {
			return fmt.Errorf("sequence %s: %w", sq.Name, err)
		}
		var cycle int
		for rows.Next() {
			err = rows.Scan(&sq.Start, &sq.Min, &sq.Max, &sq.Increment, &sq.Cache, &cycle)
		}
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("sequence %s: %w", sq.Name, err)
		}
		sq.Cycle = cycle != 0
	}
	return nil
}

// sequenceOptions are a sequence's options as CREATE and ALTER SEQUENCE
// take them.
func sequenceOptions(s *schema.Sequence) string {
	cycle := " NOCYCLE"
	if s.Cycle {
		cycle = " CYCLE"
	}
	return fmt.Sprintf("START WITH %d MINVALUE %d MAXVALUE %d INCREMENT BY %d CACHE %d%s", s.Start, s.Min, s.Max, s.Increment, s.Cache, cycle)
}

// sequence renders MariaDB sequence changes. A changed sequence keeps its
// current value (ALTER SEQUENCE does not restart it).
func (r *renderer) sequence(c schema.Change) error {
	switch c := c.(type) {
	case *schema.AddSequence:
		s := "CREATE SEQUENCE " + qualify(c.Sequence.Schema, c.Sequence.Name) + " " + sequenceOptions(c.Sequence)
		if c.Sequence.Comment != "" {
			s += " COMMENT=" + literal(c.Sequence.Comment)
		}
		r.add(s, "")
	case *schema.DropSequence:
		r.add("DROP SEQUENCE "+qualify(c.Sequence.Schema, c.Sequence.Name),
			"drops sequence "+c.Sequence.Name+": its current value is lost (created again, it starts over)")
	case *schema.ModifySequence:
		name := qualify(c.To.Schema, c.To.Name)
		f, t := *c.From, *c.To
		f.Comment, t.Comment = "", ""
		if f != t {
			r.add("ALTER SEQUENCE "+name+" "+sequenceOptions(c.To), "")
		}
		if c.From.Comment != c.To.Comment {
			r.add("ALTER TABLE "+name+" COMMENT="+literal(c.To.Comment), "")
		}
	case *schema.RenameSequence:
		r.add("RENAME TABLE "+qualify(c.Schema, c.From)+" TO "+qualify(c.Schema, c.To), "")
	default:
		return fmt.Errorf("mysql: cannot render change %T (%s)", c, c)
	}
	return nil
}
