package mysql

import (
	"context"
	"strconv"
	"strings"

	"github.com/retortdb/retort/schema"
)

// partitions reads the partitioning of the partitioned tables: names,
// bounds and comments from information_schema.PARTITIONS (one query), and,
// per partitioned table, whether SHOW CREATE TABLE lists the partitions by
// name or only counts them ("PARTITIONS 4"), which no catalog table says.
func (in *inspector) partitions(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT TABLE_NAME, PARTITION_NAME, coalesce(SUBPARTITION_NAME, ''), PARTITION_METHOD,
  coalesce(PARTITION_EXPRESSION, ''), coalesce(SUBPARTITION_METHOD, ''), coalesce(SUBPARTITION_EXPRESSION, ''),
  coalesce(PARTITION_DESCRIPTION, ''), coalesce(PARTITION_COMMENT, '')
FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL
ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION`)
	if err != nil {
		return err
	}
	var order []*schema.Table
	for rows.Next() {
		var table, name, sub, method, expr, subMethod, subExpr, desc, comment string
		if err := rows.Scan(&table, &name, &sub, &method, &expr, &subMethod, &subExpr, &desc, &comment); err != nil {
			rows.Close()
			return err
		}
		t := in.tables[table]
		if t == nil {
			continue
		}
		p := t.Partitioning
		if p == nil {
			p = &schema.Partitioning{By: partitionBy(method, expr)}
			if subMethod != "" {
				p.SubBy = partitionBy(subMethod, subExpr)
			}
			t.Partitioning = p
			order = append(order, t)
		}
		var last *schema.Partition
		if n := len(p.Partitions); n > 0 {
			last = p.Partitions[n-1]
		}
		if last == nil || last.Name != name {
			last = &schema.Partition{Name: name, Values: partitionValues(method, desc), Comment: comment}
			p.Partitions = append(p.Partitions, last)
		}
		if sub != "" {
			last.Subpartitions = append(last.Subpartitions, sub)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, t := range order {
		def, err := in.showCreate(ctx, "TABLE", t.Name)
		if err != nil {
			return err
		}
		counted(t.Partitioning, def)
	}
	return nil
}

// partitionBy is the PARTITION BY clause of method over expr as SHOW CREATE
// TABLE prints it, one space apart: "RANGE (`id`)", "LIST COLUMNS(`b`)".
func partitionBy(method, expr string) string {
	method = strings.Join(strings.Fields(method), " ")
	if strings.HasSuffix(method, "COLUMNS") {
		return method + "(" + expr + ")"
	}
	return method + " (" + expr + ")"
}

// partitionValues is a partition's bound from its PARTITION_DESCRIPTION.
func partitionValues(method, desc string) string {
	switch {
	case strings.HasPrefix(method, "RANGE"):
		if desc == "MAXVALUE" && !strings.Contains(method, "COLUMNS") {
			return "LESS THAN MAXVALUE"
		}
		return "LESS THAN (" + desc + ")"
	case strings.HasPrefix(method, "LIST"):
		return "IN (" + desc + ")"
	}
	return ""
}

// counted turns the listed partitions (subpartitions) of p into a count
// where the table's CREATE statement def only counts them.
func counted(p *schema.Partitioning, def string) {
	for _, line := range strings.Split(def, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "/*!50100"))
		if n, ok := strings.CutPrefix(line, "PARTITIONS "); ok {
			p.Count, _ = strconv.Atoi(strings.Fields(n)[0])
			p.Partitions = nil
		}
		if n, ok := strings.CutPrefix(line, "SUBPARTITIONS "); ok {
			p.SubCount, _ = strconv.Atoi(strings.Fields(n)[0])
			for _, x := range p.Partitions {
				x.Subpartitions = nil
			}
		}
	}
}
