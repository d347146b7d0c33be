package autogen_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	current := "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), legacy INTEGER);\n" +
		"CREATE TABLE gone (id INTEGER NOT NULL PRIMARY KEY);\nCREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);\n" +
		"CREATE TABLE audit_log (id INTEGER);\n"
	desired := "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, email VARCHAR(100));\n" +
		"CREATE INDEX ix_users_email ON users (email);\nCREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER REFERENCES users (id));\n"
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testutil.New(t, d)
			apply(t, db, current, "current")
			opts := schema.InspectOptions{Skip: []string{"alembic_version"}, Filter: schema.Filter{Exclude: []string{"audit_*"}}}
			cur, err := autogen.Inspect(ctx, db.DB, d, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range cur.Tables {
				if tb.Name == "alembic_version" || tb.Name == "audit_log" {
					t.Fatalf("%s was inspected", tb.Name)
				}
			}
			des := loadModels(t, db, desired, opts)
			rep, err := autogen.Check(cur, des, d)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Clean() {
				t.Fatal("differences not reported")
			}
			js, err := rep.JSON()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", "check", d+".txt"), rep.Text()+"\n"+string(js)+"\n")
			same, err := autogen.Check(cur, cur, d)
			if err != nil {
				t.Fatal(err)
			}
			if !same.Clean() || same.Text() != autogen.NoChanges+"\n" {
				t.Fatalf("identical schemas: %q", same.Text())
			}
			if js, _ := same.JSON(); !strings.Contains(string(js), `"clean": true`) {
				t.Fatalf("identical schemas JSON: %s", js)
			}
		})
	}
}
