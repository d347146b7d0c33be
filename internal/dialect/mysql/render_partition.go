package mysql

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/schema"
)

// partitionClause is the PARTITION BY clause of p, as CREATE TABLE and
// ALTER TABLE take it.
func partitionClause(p *schema.Partitioning) string {
	var b strings.Builder
	b.WriteString("PARTITION BY " + p.By)
	if p.Count > 0 {
		fmt.Fprintf(&b, " PARTITIONS %d", p.Count)
	}
	if p.SubBy != "" {
		b.WriteString(" SUBPARTITION BY " + p.SubBy)
		if p.SubCount > 0 {
			fmt.Fprintf(&b, " SUBPARTITIONS %d", p.SubCount)
		}
	}
	if len(p.Partitions) > 0 {
		defs := make([]string, len(p.Partitions))
		for i, x := range p.Partitions {
			defs[i] = partitionDef(x)
		}
		b.WriteString(" (\n    " + strings.Join(defs, ",\n    ") + "\n)")
	}
	return b.String()
}

// partitionDef is one partition's definition.
func partitionDef(x *schema.Partition) string {
	s := "PARTITION " + quote(x.Name)
	if x.Values != "" {
		s += " VALUES " + x.Values
	}
	if x.Comment != "" {
		s += " COMMENT = " + literal(x.Comment)
	}
	if len(x.Subpartitions) > 0 {
		subs := make([]string, len(x.Subpartitions))
		for i, n := range x.Subpartitions {
			subs[i] = "SUBPARTITION " + quote(n)
		}
		s += " (" + strings.Join(subs, ", ") + ")"
	}
	return s
}

// partitionChange renders a change of t's partitioning.
func (r *renderer) partitionChange(t *schema.Table, c schema.TableChange) error {
	alter := "ALTER TABLE " + qualify(t.Schema, t.Name) + " "
	switch c := c.(type) {
	case *schema.ModifyPartitioning:
		switch f, to := c.From, c.To; {
		case to == nil:
			r.add(alter+"REMOVE PARTITIONING", "removes the partitioning of "+t.Name+": rewrites the table")
		case f != nil && f.Count > 0 && to.Count > 0 && f.By == to.By && f.SubBy == to.SubBy && f.SubCount == to.SubCount:
			if to.Count > f.Count {
				r.add(alter+fmt.Sprintf("ADD PARTITION PARTITIONS %d", to.Count-f.Count), "redistributes the rows of "+t.Name)
			} else {
				r.add(alter+fmt.Sprintf("COALESCE PARTITION %d", f.Count-to.Count), "redistributes the rows of "+t.Name)
			}
		default:
			if stmt, ok := reorganize(f, to); ok {
				r.add(alter+stmt, "moves rows between partitions of "+t.Name+": fails if a row fits no partition")
				break
			}
			r.add(alter+partitionClause(to), "partitions "+t.Name+" anew: rewrites the table, and fails if a row fits no partition")
		}
	case *schema.AddPartition:
		i := c.In.Index(c.Partition.Name)
		if i < 0 {
			return fmt.Errorf("mysql: partition %s is not in the partitioning of %s", c.Partition.Name, t.Name)
		}
		if strings.HasPrefix(c.In.Method(), "RANGE") && i < len(c.In.Partitions)-1 {
			// Only the last RANGE partition can be added; one before
			// another is split off it, its rows going where they belong.
			next := c.In.Partitions[i+1]
			r.add(alter+"REORGANIZE PARTITION "+quote(next.Name)+" INTO ("+partitionDef(c.Partition)+", "+partitionDef(next)+")", "")
			return nil
		}
		r.add(alter+"ADD PARTITION ("+partitionDef(c.Partition)+")", "")
	case *schema.DropPartition:
		i := c.In.Index(c.Partition.Name)
		if i < 0 {
			return fmt.Errorf("mysql: partition %s is not in the partitioning of %s", c.Partition.Name, t.Name)
		}
		switch m := c.In.Method(); {
		case strings.HasPrefix(m, "RANGE") && i < len(c.In.Partitions)-1:
			// Merged into the next partition, which takes over its range
			// and keeps its rows.
			next := c.In.Partitions[i+1]
			r.add(alter+"REORGANIZE PARTITION "+quote(c.Partition.Name)+", "+quote(next.Name)+" INTO ("+partitionDef(next)+")", "")
		case strings.HasPrefix(m, "RANGE") || strings.HasPrefix(m, "LIST"):
			r.add(alter+"DROP PARTITION "+quote(c.Partition.Name), "drops partition "+c.Partition.Name+" of "+t.Name+" and the rows it holds")
		default:
			r.add(alter+"COALESCE PARTITION 1", "redistributes the rows of partition "+c.Partition.Name+" of "+t.Name)
		}
	default:
		return fmt.Errorf("mysql: cannot render partition change %T (%s)", c, c)
	}
	return nil
}

// reorganize is the REORGANIZE PARTITION clause that turns from's listed
// RANGE or LIST partitions into to's when only bounds, comments or
// subpartitions change, under the same names in the same order: the
// consecutive run of partitions that change (the server reorganizes only
// consecutive ones), for RANGE with the next one when the run's upper bound
// moves, since the run must cover the same range as before — except the
// last partition, which may only grow. false when that cannot be done.
func reorganize(from, to *schema.Partitioning) (string, bool) {
	if from == nil || to == nil || from.By != to.By || from.SubBy != to.SubBy || from.SubCount != to.SubCount ||
		from.Count != 0 || to.Count != 0 || len(from.Partitions) != len(to.Partitions) || len(to.Partitions) == 0 {
		return "", false
	}
	method := from.Method()
	ranged := strings.HasPrefix(method, "RANGE")
	if !ranged && !strings.HasPrefix(method, "LIST") {
		return "", false
	}
	first, last := -1, -1
	for i, f := range from.Partitions {
		t := to.Partitions[i]
		if f.Name != t.Name {
			return "", false
		}
		if !samePartition(f, t) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "", false
	}
	if ranged && from.Partitions[last].Values != to.Partitions[last].Values {
		if last < len(to.Partitions)-1 {
			last++
		} else if !grows(from.Partitions[last].Values, to.Partitions[last].Values) {
			return "", false
		}
	}
	names := make([]string, 0, last-first+1)
	defs := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		names = append(names, quote(to.Partitions[i].Name))
		defs = append(defs, partitionDef(to.Partitions[i]))
	}
	return "REORGANIZE PARTITION " + strings.Join(names, ", ") + " INTO (" + strings.Join(defs, ", ") + ")", true
}

func samePartition(a, b *schema.Partition) bool {
	return a.Name == b.Name && a.Values == b.Values && a.Comment == b.Comment && slices.Equal(a.Subpartitions, b.Subpartitions)
}

// grows reports whether a RANGE bound to is known to be above from: MAXVALUE,
// or a greater integer.
func grows(from, to string) bool {
	if to == "LESS THAN MAXVALUE" {
		return from != to
	}
	f, err1 := strconv.ParseInt(strings.Trim(strings.TrimPrefix(from, "LESS THAN "), "()"), 10, 64)
	n, err2 := strconv.ParseInt(strings.Trim(strings.TrimPrefix(to, "LESS THAN "), "()"), 10, 64)
	return err1 == nil && err2 == nil && n > f
}
