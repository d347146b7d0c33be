package mysql_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/testutil"
)

// TypeChange's Rewrite is measured, not guessed: the server refuses
// ALGORITHM=INPLACE, LOCK=NONE exactly for the changes that copy the table.
func TestTypeChangeCopiesMeasured(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	d := &mysql.Dialect{}
	cases := []struct{ from, to string }{
		{"varchar(50)", "varchar(60)"},
		{"varchar(40)", "varchar(100)"},
		{"varchar(100)", "varchar(300)"},
		{"varchar(60)", "varchar(50)"},
		{"int", "bigint"},
		{"int(11)", "int"},
		{"bigint", "int"},
		{"decimal(10,2)", "decimal(12,2)"},
		{"text", "mediumtext"},
		{"varchar(50)", "text"},
		{"enum('a','b')", "enum('a','b','c')"},
		{"enum('a','b')", "enum('b','a')"},
		{"datetime", "date"},
		{"varchar(20)", "int"},
	}
	for i, c := range cases {
		tc := d.TypeChange(c.from+" charset utf8mb4", c.to+" charset utf8mb4")
		if !tc.Known {
			t.Errorf("%s → %s: unknown to the dialect", c.from, c.to)
			continue
		}
		table := "tc_" + string(rune('a'+i))
		if _, err := db.DB.ExecContext(ctx, "CREATE TABLE "+table+" (id int PRIMARY KEY, c "+c.from+" NULL) DEFAULT CHARSET=utf8mb4"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.DB.ExecContext(ctx, "INSERT INTO "+table+" (id) VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		_, err := db.DB.ExecContext(ctx, "ALTER TABLE "+table+" MODIFY c "+c.to+" NULL, ALGORITHM=INPLACE, LOCK=NONE")
		copies := err != nil
		if err != nil && !strings.Contains(err.Error(), "not supported") {
			t.Fatalf("%s → %s: %v", c.from, c.to, err)
		}
		if copies != tc.Rewrite {
			t.Errorf("%s → %s: the server needs a copy: %v (%v); TypeChange says Rewrite %v", c.from, c.to, copies, err, tc.Rewrite)
		}
	}
}
