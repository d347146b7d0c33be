package retort

import "testing"

func TestModelledObject(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"CREATE FUNCTION upper_name() RETURNS trigger AS $$ BEGIN END $$":             "function upper_name",
		"create or replace function app.\"F\"(a int) returns int":                     "function f",
		"DROP FUNCTION IF EXISTS upper_name()":                                        "function upper_name",
		"CREATE TRIGGER upper_name BEFORE INSERT ON users FOR EACH ROW":               "trigger upper_name",
		"CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x":                               "trigger t",
		"DROP TRIGGER upper_name ON users":                                            "trigger upper_name",
		"CREATE DEFINER=`root`@`%` TRIGGER `trg` BEFORE INSERT ON a FOR EACH ROW SET": "trigger trg",
		"CREATE MATERIALIZED VIEW IF NOT EXISTS m AS SELECT 1":                        "materialized view m",
		"CREATE PROCEDURE p() LANGUAGE sql AS $$ $$":                                  "procedure p",
		"CREATE TABLE function (id int)":                                              "",
		"CREATE VIEW v AS SELECT 1":                                                   "",
		"CREATE AGGREGATE a (int)":                                                    "",
		"INSERT INTO trigger VALUES (1)":                                              "",
	}
	for sql, want := range cases {
		if got := modelledObject(sql); got != want {
			t.Errorf("modelledObject(%q) = %q, want %q", sql, got, want)
		}
	}
}
