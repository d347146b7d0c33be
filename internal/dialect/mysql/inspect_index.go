package mysql

import (
	"context"
	"regexp"
	"strings"
)

// keyLine is a secondary key of SHOW CREATE TABLE with its explicit USING
// clause, if any: the parts end at the first ")" that the rest of the line
// (USING, COMMENT) allows.
var keyLine = regexp.MustCompile("^  (?:UNIQUE |FULLTEXT |SPATIAL )?KEY `((?:[^`]|``)*)` \\(.*?\\)(?: USING (BTREE|HASH|RTREE))?(?: COMMENT '.*')?,?$")

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
			if m := keyLine.FindStringSubmatch(line); m != nil && m[2] != "" {
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
