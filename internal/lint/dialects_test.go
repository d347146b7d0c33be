package lint

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

func TestMySQLRules(t *testing.T) {
	t.Parallel()
	cases := []ruleCase{
		{name: "one statement", up: "ALTER TABLE users ADD COLUMN nick varchar(20);", down: "ALTER TABLE users DROP COLUMN nick;"},
		{name: "implicit commit", up: "ALTER TABLE users ADD COLUMN nick varchar(20);\nCREATE INDEX ix_nick ON users (nick);", down: "DROP INDEX ix_nick ON users;\nALTER TABLE users DROP COLUMN nick;",
			want: []string{"mysql-implicit-commit"}},
		{name: "varchar widening in place", up: "ALTER TABLE users MODIFY email varchar(60);", down: "ALTER TABLE users MODIFY email varchar(50);"},
		{name: "varchar past 255 bytes", up: "ALTER TABLE users MODIFY COLUMN email varchar(100);", down: "-- +retort empty",
			want: []string{"mysql-alter-copy"}},
		{name: "varchar, charset not said, within 255", up: "ALTER TABLE orders MODIFY note varchar(255);", down: "ALTER TABLE orders MODIFY note varchar(100);"},
		{name: "varchar, charset not said, past 255", up: "ALTER TABLE orders MODIFY note varchar(300);", down: "ALTER TABLE orders MODIFY note varchar(100);",
			want: []string{"mysql-alter-copy"}},
		{name: "varchar, column charset", up: "ALTER TABLE orders MODIFY note varchar(80) CHARACTER SET utf8mb4;", down: "ALTER TABLE orders MODIFY note varchar(100);",
			want: []string{"mysql-alter-copy", "type-change-narrows"}},
		{name: "int to bigint", up: "ALTER TABLE users MODIFY score bigint;", down: "-- +retort empty", want: []string{"mysql-alter-copy"}},
		{name: "same type, nullability", up: "ALTER TABLE users MODIFY score int(11) NOT NULL;", down: "ALTER TABLE users MODIFY score int NULL;"},
		{name: "decimal scale down", up: "ALTER TABLE orders CHANGE amount total decimal(10,0);", down: "ALTER TABLE orders CHANGE total amount decimal(10,2);",
			want: []string{"mysql-alter-copy", "type-change-narrows", "rename-column"}},
		{name: "convert charset", up: "ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4;", down: "-- +retort empty", want: []string{"mysql-alter-copy"}},
		{name: "drop table", up: "DROP TABLE orders;", down: "CREATE TABLE orders (id bigint AUTO_INCREMENT PRIMARY KEY, user_id bigint NOT NULL, amount decimal(10,2), note varchar(100), CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id));",
			want: []string{"drop-table"}},
		{name: "rename table statement", up: "RENAME TABLE orders TO purchases;", down: "RENAME TABLE purchases TO orders;", want: []string{"rename-table"}},
		{name: "long name", up: "CREATE TABLE t (id bigint PRIMARY KEY, " + string(make([]byte, 0)) + "a234567890123456789012345678901234567890123456789012345678901234x int);", down: "DROP TABLE t;",
			want: []string{"identifier-too-long"}},
		{name: "partitions are not columns", up: "ALTER TABLE orders ADD PARTITION (PARTITION p9 VALUES LESS THAN (900));", down: "ALTER TABLE orders DROP PARTITION p9;"},
		{name: "drop partition", up: "ALTER TABLE orders DROP PARTITION p2020;", down: "-- +retort empty", want: []string{"delete-all-rows"}},
		{name: "foreign key copies", up: "ALTER TABLE orders ADD CONSTRAINT fk_user2 FOREIGN KEY (user_id) REFERENCES users (id);", down: "ALTER TABLE orders DROP FOREIGN KEY fk_user2;",
			want: []string{"mysql-alter-copy"}},
		{name: "fulltext index", up: "CREATE FULLTEXT INDEX ft_name ON users (name);", down: "DROP INDEX ft_name ON users;", want: []string{"mysql-alter-copy"}},
		{name: "fulltext via alter", up: "ALTER TABLE users ADD FULLTEXT (name);", down: "-- +retort empty", want: []string{"mysql-alter-copy"}},
		{name: "plain index via alter", up: "ALTER TABLE users ADD INDEX ix_name (name), ALGORITHM=INPLACE, LOCK=NONE;", down: "ALTER TABLE users DROP INDEX ix_name;"},
		{name: "lock shared", up: "ALTER TABLE users ADD COLUMN nick varchar(10), LOCK=SHARED;", down: "ALTER TABLE users DROP COLUMN nick;", want: []string{"mysql-alter-copy"}},
		{name: "stored generated column", up: "ALTER TABLE users ADD COLUMN lname varchar(100) AS (lower(name)) STORED;", down: "ALTER TABLE users DROP COLUMN lname;",
			want: []string{"mysql-alter-copy"}},
		{name: "virtual generated column", up: "ALTER TABLE users ADD COLUMN lname varchar(100) AS (lower(name)) VIRTUAL;", down: "ALTER TABLE users DROP COLUMN lname;"},
		{name: "postgres rules do not run", up: "CREATE INDEX ix_email ON users (email);", down: "DROP INDEX ix_email ON users;"},
	}
	for _, c := range cases {
		c.dialect = "mysql"
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			check(t, c)
		})
	}
}

func TestSQLiteRules(t *testing.T) {
	t.Parallel()
	cases := []ruleCase{
		{name: "add nullable column", up: "ALTER TABLE users ADD COLUMN nick TEXT;", down: "ALTER TABLE users DROP COLUMN nick;"},
		{name: "add not null", up: "ALTER TABLE users ADD COLUMN nick TEXT NOT NULL;", down: "ALTER TABLE users DROP COLUMN nick;",
			want: []string{"sqlite-add-column-invalid"}},
		{name: "add not null default", up: "ALTER TABLE users ADD COLUMN nick TEXT NOT NULL DEFAULT '';", down: "ALTER TABLE users DROP COLUMN nick;"},
		{name: "add column current_timestamp", up: "ALTER TABLE users ADD COLUMN at TEXT DEFAULT CURRENT_TIMESTAMP;", down: "ALTER TABLE users DROP COLUMN at;",
			want: []string{"sqlite-add-column-invalid"}},
		{name: "alter column", up: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", down: "-- +retort empty",
			want: []string{"sqlite-alter-unsupported"}},
		{name: "index on existing table", up: "CREATE INDEX ix_email ON users (email);", down: "DROP INDEX ix_email;"},
		{name: "drop an indexed column", up: "CREATE INDEX ix_email ON users (email);\nALTER TABLE users DROP COLUMN email;", down: "-- +retort empty",
			want: []string{"sqlite-alter-unsupported", "drop-column"}},
		{name: "drop a primary key column", up: "ALTER TABLE orders DROP COLUMN id;", down: "-- +retort empty",
			want: []string{"sqlite-alter-unsupported", "drop-column"}},
		{name: "rebuild with foreign keys off", up: `PRAGMA foreign_keys = OFF;
CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL);
INSERT INTO users_new (id, email, name) SELECT id, coalesce(email, ''), name FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;`, down: `PRAGMA foreign_keys = OFF;
CREATE TABLE users_old (id INTEGER PRIMARY KEY, email TEXT, name TEXT NOT NULL);
INSERT INTO users_old (id, email, name) SELECT id, email, name FROM users;
DROP TABLE users;
ALTER TABLE users_old RENAME TO users;`},
		{name: "rebuild with foreign keys on", up: `CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL);
INSERT INTO users_new (id, email, name) SELECT id, coalesce(email, ''), name FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;`, down: "-- +retort empty", want: []string{"sqlite-rebuild-foreign-keys"}},
		{name: "rebuild without copying the rows", up: `PRAGMA foreign_keys = OFF;
CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL);
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;`, down: "-- +retort empty", want: []string{"drop-table"}},
		{name: "rebuild copying without a column", up: `PRAGMA foreign_keys = OFF;
ALTER TABLE users RENAME TO _old_users;
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT NOT NULL DEFAULT '');
INSERT INTO users (id, email) SELECT id, email FROM _old_users;
DROP TABLE _old_users;`, down: "-- +retort empty", want: []string{"drop-table"}},
		{name: "rebuild renaming away and copying all", up: `PRAGMA foreign_keys = OFF;
ALTER TABLE users RENAME TO _old_users;
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT '', name TEXT NOT NULL);
INSERT INTO users (id, email, name) SELECT id, coalesce(email, ''), name FROM _old_users;
DROP TABLE _old_users;`, down: "-- +retort empty"},
		{name: "rebuild dropping a column", up: `PRAGMA foreign_keys = OFF;
CREATE TABLE users_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO users_new (id, name) SELECT id, name FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;`, down: "ALTER TABLE users ADD COLUMN email TEXT;", want: []string{"drop-table"}},
	}
	for _, c := range cases {
		c.dialect = "sqlite"
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			check(t, c)
		})
	}
}

func TestRevisionRules(t *testing.T) {
	t.Parallel()
	for _, d := range []string{"postgres", "mysql", "sqlite"} {
		cases := []ruleCase{
			{name: "no downgrade", up: "CREATE TABLE t (id bigint PRIMARY KEY);", down: "-", want: []string{"downgrade-missing"}},
			{name: "empty downgrade", up: "CREATE TABLE t (id bigint PRIMARY KEY);", down: "", want: []string{"downgrade-missing"}},
			{name: "marked empty downgrade", up: "CREATE TABLE t (id bigint PRIMARY KEY);", down: "-- +retort empty", want: []string{"downgrade-not-reverse"}[:0]},
			{name: "downgrade drops the wrong table", up: "CREATE TABLE t (id bigint PRIMARY KEY);", down: "DROP TABLE orders;",
				want: []string{"downgrade-not-reverse", "drop-table"}},
			{name: "downgrade forgets a column", up: "CREATE TABLE t (id bigint PRIMARY KEY);\nALTER TABLE users ADD COLUMN nick varchar(10);", down: "DROP TABLE t;",
				want: []string{"downgrade-not-reverse"}},
			{name: "downgrade drops the wrong column", up: "ALTER TABLE users ADD COLUMN nick varchar(10);", down: "ALTER TABLE users DROP COLUMN email;",
				want: []string{"downgrade-not-reverse", "drop-column"}},
			{name: "review note", up: "-- REVIEW: check this\nCREATE TABLE t (id bigint PRIMARY KEY);", down: "DROP TABLE t;", want: []string{"review-note-left"}},
			{name: "ignored drop", up: "-- retort:ignore drop-column the column was unused since v2\nALTER TABLE users DROP COLUMN email;", down: "ALTER TABLE users ADD COLUMN email EMAILTYPE;"},
			{name: "ignore without reason", up: "-- retort:ignore drop-column\nALTER TABLE users DROP COLUMN email;", down: "ALTER TABLE users ADD COLUMN email EMAILTYPE;",
				want: []string{"drop-column", "ignore-invalid"}},
			{name: "ignore unknown rule", up: "-- retort:ignore drop-colum unused\nALTER TABLE users DROP COLUMN email;", down: "ALTER TABLE users ADD COLUMN email EMAILTYPE;",
				want: []string{"drop-column", "ignore-invalid"}},
			{name: "ignore trailing", up: "ALTER TABLE users DROP COLUMN email; -- retort:ignore drop-column unused since v2", down: "ALTER TABLE users ADD COLUMN email EMAILTYPE;"},
		}
		emailType := map[string]string{"postgres": "varchar(100)", "mysql": "varchar(50)", "sqlite": "TEXT"}[d]
		for _, c := range cases {
			c.dialect = d
			c.down = strings.ReplaceAll(c.down, "EMAILTYPE", emailType)
			if d == "mysql" && strings.Count(c.up, ";") > 1 {
				c.want = append(c.want, "mysql-implicit-commit")
			}
			t.Run(d+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				check(t, c)
			})
		}
	}
}

func TestMySQLImplicitCommitNewTables(t *testing.T) {
	t.Parallel()
	check(t, ruleCase{dialect: "mysql", up: "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY, a_id bigint);\nCREATE INDEX ix_b_a ON b (a_id);",
		down: "DROP TABLE b;\nDROP TABLE a;"})
}

// An ignore comment above the upgrade marker applies to the findings about
// the file.
func TestIgnoreFileFindings(t *testing.T) {
	t.Parallel()
	src := "-- wip\n--\n-- Revision ID: 000000000001\n-- Revises:\n\n-- retort:ignore message-uninformative,downgrade-missing scratch revision for a demo\n-- +retort upgrade\nCREATE TABLE t (id bigint PRIMARY KEY);\n"
	sc, err := script.Parse("x.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := registry.Lookup("postgres")
	fs, err := Run([]Revision{FromScript(sc, "x.sql")}, Options{Dialect: d})
	if err != nil || len(fs) != 0 {
		t.Fatalf("%v\n%s", err, describe(fs))
	}
	// Without the comment, both are reported.
	src = strings.Replace(src, "-- retort:ignore message-uninformative,downgrade-missing scratch revision for a demo\n", "", 1)
	sc, _ = script.Parse("x.sql", []byte(src))
	fs, _ = Run([]Revision{FromScript(sc, "x.sql")}, Options{Dialect: d})
	if got := ids(fs); len(got) != 2 {
		t.Fatalf("%v\n%s", got, describe(fs))
	}
}

// Notes above one statement are one finding; notes in the downgrade are
// not reported (they describe what going back costs).
func TestReviewNotesGrouped(t *testing.T) {
	t.Parallel()
	h := history{dialect: "sqlite", revs: [][2]string{{
		"-- REVIEW: one\n-- REVIEW: two\nCREATE TABLE t (id INTEGER PRIMARY KEY);\n\n-- REVIEW: three\nCREATE TABLE u (id INTEGER PRIMARY KEY);",
		"-- REVIEW: drops table u\nDROP TABLE u;\nDROP TABLE t;"}}}
	fs := h.run(t)
	if len(fs) != 2 || fs[0].Message != "unreviewed notes: one; two" || fs[1].Message != "unreviewed note: three" {
		t.Fatalf("%s", describe(fs))
	}
}
