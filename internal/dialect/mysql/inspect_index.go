package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// keyLine is a secondary key of SHOW CREATE TABLE with its explicit USING
// clause, if any: the parts end at the first ")" that the rest of the line
// (USING, COMMENT) allows.
var keyLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("^  (?:UNIQUE |FULLTEXT |SPATIAL )?KEY `((?:[^`]|``)*)` \\(.*?\\)(?: USING (BTREE|HASH|RTREE))?(?: COMMENT '.*')?(?: IGNORED| /\\*!80000 INVISIBLE \\*/| INVISIBLE)?,?$")
})

// indexMethods sets the access method an index was created with (USING
// BTREE or USING HASH). The server keeps the clause as written, whatever
// the engine makes of it (InnoDB builds a B-tree for USING HASH; MEMORY
// defaults to HASH), and no catalog table says whether it was written, so
// it is read from SHOW CREATE TABLE of the tables that have indexes.
func (in *inspector) indexMethods(ctx context.Context) error {
	for _, t := range in.s.Tables {
		if len(t.Indexes) == 0 {
			continue
		}
		def, err := in.showCreate(ctx, "TABLE", t.Name)
		if err != nil {
			return err
		}
		using := map[string]string{}
		for _, line := range strings.Split(def, "\n") {
			if m := keyLine().FindStringSubmatch(line); m != nil && m[2] != "" {
				using[strings.ReplaceAll(m[1], "``", "`")] = m[2]
			}
		}
		for _, x := range t.Indexes {
			if u := using[x.Name]; u != "" && x.Method == "" {
				x.Method = u
			}
		}
	}
	return nil
}

// statistics reads information_schema.STATISTICS, with whether each index
// is hidden from the optimizer as the server spells it: MariaDB's IGNORED
// column (10.6 and later), MySQL's IS_VISIBLE, or neither (older servers).
func (in *inspector) statistics(ctx context.Context) (*sql.Rows, error) {
	const q = `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, coalesce(COLUMN_NAME, ''), coalesce(SUB_PART, 0), coalesce(COLLATION, 'A'), INDEX_TYPE, coalesce(INDEX_COMMENT, ''), %s
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`
	var err error
	for _, hidden := range []string{
		`CASE IGNORED WHEN 'YES' THEN 'IGNORED' ELSE '' END`,
		`CASE IS_VISIBLE WHEN 'NO' THEN 'INVISIBLE' ELSE '' END`,
		`''`,
	} {
		var rows *sql.Rows
		rows, err = in.db.QueryContext(ctx, fmt.Sprintf(q, hidden))
		if err == nil {
			return rows, nil
		}
		if !strings.Contains(err.Error(), "1054") { // unknown column: try the next server's
			return nil, err
		}
	}
	return nil, err
}
