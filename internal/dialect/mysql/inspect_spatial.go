package mysql

import (
	"context"
	"fmt"
	"strings"
)

// spatialRefs adds the spatial reference system a spatial column is
// restricted to to its type: MariaDB's REF_SYSTEM_ID=n, which only
// information_schema.GEOMETRY_COLUMNS lists (SHOW CREATE TABLE leaves it
// out), and MySQL's SRID n (information_schema.COLUMNS.SRS_ID). The type
// so written is what CREATE TABLE and MODIFY COLUMN take back.
func (in *inspector) spatialRefs(ctx context.Context) error {
	if !in.spatial {
		// No spatial column: nothing to read (MariaDB's
		// GEOMETRY_COLUMNS reads every database on the server).
		return nil
	}
	q, attr := `SELECT G_TABLE_NAME, G_GEOMETRY_COLUMN, SRID FROM information_schema.GEOMETRY_COLUMNS
WHERE G_TABLE_SCHEMA = DATABASE() AND SRID <> 0`, " REF_SYSTEM_ID=%d"
	rows, err := in.db.QueryContext(ctx, q)
	if err != nil && strings.Contains(err.Error(), "1109") { // no such table: MySQL
		q, attr = `SELECT TABLE_NAME, COLUMN_NAME, SRS_ID FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND SRS_ID IS NOT NULL`, " SRID %d"
		rows, err = in.db.QueryContext(ctx, q)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, col string
		var srid int64
		if err := rows.Scan(&table, &col, &srid); err != nil {
			return err
		}
		if t := in.tables[table]; t != nil {
			if c := t.Column(col); c != nil {
				c.Type.SQL += fmt.Sprintf(attr, srid)
			}
		}
	}
	return rows.Err()
}
