package mysql_test

import (
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
)

// PlainDML takes only DML of one table whose effect the table's engine
// decides; anything that may run code (a function, a subquery, a
// procedure), touch several tables, or hide text from it (comments, ';',
// backslashes) is refused.
func TestPlainDML(t *testing.T) {
	d := mysql.New()
	for _, c := range []struct {
		sql, table string
	}{
		{"INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'it''s')", "t"},
		{"insert ignore into `my t` values (1)", "my t"},
		{"INSERT INTO s.t SET id = 1, name = \"x\"", "s.t"},
		{"INSERT INTO t (id) VALUES (1) ON DUPLICATE KEY UPDATE id = id + 1", "t"},
		{"UPDATE t SET name = 'b' WHERE id IN (1, 2) AND (name = 'a' OR name IS NULL)", "t"},
		{"DELETE FROM t WHERE id = 3", "t"},
		{"DELETE FROM t", "t"},
		{"DELETE FROM `s`.`t` ORDER BY id LIMIT 10", "s.t"},
		{"INSERT INTO t VALUES (1, 'a(b)')", "t"},
	} {
		got, ok := d.PlainDML(c.sql)
		if !ok || got != c.table {
			t.Errorf("PlainDML(%q) = %q, %v; want %q", c.sql, got, ok, c.table)
		}
	}
	for _, sql := range []string{
		"CREATE TABLE t (id INT)",
		"INSERT INTO t VALUES (now())",
		"INSERT INTO t VALUES (my_func(1))",
		"INSERT INTO t SELECT * FROM u",
		"INSERT INTO t VALUES ((SELECT 1))",
		"UPDATE t, u SET t.a = u.a",
		"UPDATE t JOIN u ON t.id = u.id SET t.a = 1",
		"DELETE t FROM t JOIN u",
		"DELETE FROM t USING t, u",
		"INSERT INTO t VALUES (1); DROP TABLE u",
		"INSERT INTO t VALUES ('a\\'); DROP TABLE u; -- ')",
		"INSERT INTO t VALUES (1) /*!50000 , (2) */",
		"INSERT INTO t VALUES (1) -- x",
		"INSERT INTO t VALUES (1) # x",
		"INSERT DELAYED INTO t VALUES (1)",
		"INSERT LOW_PRIORITY INTO t VALUES (1)",
		"INSERT INTO \"t\" VALUES (1)",
		"INSERT INTO t VALUES ('unterminated)",
		"REPLACE INTO t VALUES (1)",
		"CALL p()",
		"WITH x AS (SELECT 1) DELETE FROM t",
		"UPDATE t SET a = 1 WHERE id = (SELECT 1)",
		"LOAD DATA INFILE 'x' INTO TABLE t",
		"SET @a = 1",
	} {
		if got, ok := d.PlainDML(sql); ok {
			t.Errorf("PlainDML(%q) = %q, true; want refused", sql, got)
		}
	}
}
