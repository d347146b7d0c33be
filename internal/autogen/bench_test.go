package autogen_test

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/testutil"
)

// BenchmarkInspectPostgres1000 inspects a PostgreSQL schema of 1,000 tables
// (8 columns, a primary key, two indexes, a foreign key on most) and, for
// comparison, runs pg_dump --schema-only on the same database:
//
//	go test ./internal/autogen -run '^$' -bench InspectPostgres1000 -benchtime 5x
func BenchmarkInspectPostgres1000(b *testing.B) {
	ctx := context.Background()
	db := testutil.New(b, testutil.Postgres)
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sb, "CREATE TABLE t%04d (id bigint PRIMARY KEY, name varchar(100) NOT NULL, email text, created timestamptz DEFAULT now(), "+
			"amount numeric(12,2) DEFAULT 0, active boolean NOT NULL DEFAULT true, parent_id bigint%s, note text);\n", i, ref(i))
		fmt.Fprintf(&sb, "CREATE INDEX t%04d_name ON t%04d (name);\nCREATE INDEX t%04d_created ON t%04d (created DESC);\n", i, i, i, i)
	}
	if _, err := db.DB.ExecContext(ctx, sb.String()); err != nil {
		b.Fatal(err)
	}
	b.Run("retort", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s, err := autogen.Inspect(ctx, db.DB, dialect.Postgres, skip)
			if err != nil {
				b.Fatal(err)
			}
			if len(s.Tables) != 1000 {
				b.Fatalf("%d tables", len(s.Tables))
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		s, err := autogen.Inspect(ctx, db.DB, dialect.Postgres, skip)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			cur, err := autogen.Inspect(ctx, db.DB, dialect.Postgres, skip)
			if err != nil {
				b.Fatal(err)
			}
			r, err := autogen.Check(cur, s, dialect.Postgres)
			if err != nil || !r.Clean() {
				b.Fatalf("check: %v %v", err, r.Differences)
			}
		}
	})
	b.Run("pg_dump", func(b *testing.B) {
		path, err := exec.LookPath("pg_dump")
		if err != nil {
			b.Skip("pg_dump not installed")
		}
		for i := 0; i < b.N; i++ {
			out, err := exec.Command(path, "--schema-only", "--dbname", db.URL).CombinedOutput()
			if err != nil {
				b.Fatalf("pg_dump: %v\n%s", err, out)
			}
		}
	})
}

func ref(i int) string {
	if i%4 == 0 || i == 0 {
		return ""
	}
	return fmt.Sprintf(" REFERENCES t%04d (id)", i-1)
}

// BenchmarkInspectMySQL1000 inspects a 1,000-table MariaDB/MySQL schema
// (two secondary indexes a table, every tenth table partitioned): the
// catalog queries plus the SHOW CREATE TABLE that indexes (their USING
// clause) and partitions (counted or listed) need per table.
func BenchmarkInspectMySQL1000(b *testing.B) {
	ctx := context.Background()
	db := testutil.New(b, testutil.MySQL)
	for i := 0; i < 1000; i++ { // one statement at a time: no DDL storm
		part := ""
		if i%10 == 0 {
			part = " PARTITION BY HASH (id) PARTITIONS 4"
		}
		for _, q := range []string{
			fmt.Sprintf("CREATE TABLE t%04d (id bigint NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, email text, "+
				"created datetime DEFAULT now(), amount decimal(12,2) DEFAULT 0, note text)%s", i, part),
			fmt.Sprintf("CREATE INDEX t%04d_name ON t%04d (name)", i, i),
			fmt.Sprintf("CREATE INDEX t%04d_created ON t%04d (created DESC)", i, i),
		} {
			if _, err := db.DB.ExecContext(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := autogen.Inspect(ctx, db.DB, dialect.MySQL, skip)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Tables) != 1000 {
			b.Fatalf("%d tables", len(s.Tables))
		}
	}
}
