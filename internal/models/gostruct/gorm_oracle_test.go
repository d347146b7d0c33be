package gostruct_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/retortdb/retort/internal/models/gostruct"
	"github.com/retortdb/retort/internal/models/gostruct/internal/gormedges"
	"github.com/retortdb/retort/internal/models/gostruct/internal/gormfixture"
	"github.com/retortdb/retort/internal/models/gostruct/internal/gormmysql"
	"github.com/retortdb/retort/internal/models/gostruct/internal/gormmysqledges"
	"github.com/retortdb/retort/internal/models/gostruct/internal/gormpg"
	"github.com/retortdb/retort/internal/models/gostruct/internal/gormsqliteedges"
	"github.com/retortdb/retort/internal/testutil"
)

// gormFixtures are the GORM model packages, with the models a GORM user
// would pass to AutoMigrate and the dialects they are written for.
var gormFixtures = []struct {
	dir      string
	models   []any
	dialects []string
}{
	{"internal/gormfixture", []any{&gormfixture.Company{}, &gormfixture.User{}, &gormfixture.Profile{}, &gormfixture.Order{},
		&gormfixture.Tag{}, &gormfixture.Category{}, &gormfixture.Language{}, &gormfixture.Member{}},
		[]string{testutil.Postgres, testutil.MySQL, testutil.SQLite}},
	{"internal/gormpg", []any{&gormpg.Account{}, &gormpg.Post{}}, []string{testutil.Postgres}},
	{"internal/gormmysql", []any{&gormmysql.Article{}, &gormmysql.Comment{}}, []string{testutil.MySQL}},
	{"internal/gormedges", []any{&gormedges.Gadget{}, &gormedges.Part{}}, []string{testutil.Postgres, testutil.MySQL}}, // GORM writes USING btree on SQLite, which SQLite refuses
	{"internal/gormmysqledges", []any{&gormmysqledges.Event{}}, []string{testutil.MySQL}},
	{"internal/gormsqliteedges", []any{&gormsqliteedges.Item{}}, []string{testutil.SQLite}},
}

// TestGORMOracle lets GORM's own AutoMigrate build the fixture in one
// database, applies gostruct's DDL of the same source to another, and
// compares the two catalogs: columns (type, nullability, default, comment),
// indexes, and constraints with their names.
func TestGORMOracle(t *testing.T) {
	t.Parallel()
	for _, fx := range gormFixtures {
		m, err := gostruct.Load(fx.dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range fx.dialects {
			t.Run(filepath.Base(fx.dir)+"/"+d, func(t *testing.T) {
				t.Parallel()
				stmts, err := m.DDL(d)
				if err != nil {
					t.Fatal(err)
				}
				ours := testutil.New(t, d)
				theirs := testutil.New(t, d)
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				for _, s := range stmts {
					if _, err := ours.DB.ExecContext(ctx, s); err != nil {
						t.Fatalf("%v\n%s", err, s)
					}
				}
				// GORM runs over the test's own connection (SQLite: the
				// modernc driver; gorm.io/driver/sqlite's mattn import only
				// registers a driver this test never opens).
				var dialector gorm.Dialector
				switch d {
				case testutil.Postgres:
					dialector = postgres.New(postgres.Config{Conn: theirs.DB})
				case testutil.MySQL:
					dialector = mysql.New(mysql.Config{Conn: theirs.DB})
				default:
					dialector = &sqlite.Dialector{Conn: theirs.DB}
				}
				gdb, err := gorm.Open(dialector, &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
				if err != nil {
					t.Fatal(err)
				}
				if err := gdb.WithContext(ctx).AutoMigrate(fx.models...); err != nil {
					t.Fatalf("GORM AutoMigrate: %v", err)
				}
				got, want := catalog(t, ctx, ours), catalog(t, ctx, theirs)
				if got != want {
					t.Errorf("catalog of gostruct's DDL differs from GORM AutoMigrate's:\n%s", lineDiff(want, got))
				}
			})
		}
	}
}

// lineDiff lists lines only in want (-) or only in got (+).
func lineDiff(want, got string) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- GORM:     " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ gostruct: " + l + "\n")
		}
	}
	return b.String()
}

// catalog dumps a database's schema as sorted text lines.
func catalog(t *testing.T, ctx context.Context, db *testutil.DB) string {
	t.Helper()
	var queries []string
	switch db.Dialect {
	case testutil.Postgres:
		queries = []string{
			`SELECT 'column', c.relname, a.attnum::text, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
			        COALESCE(pg_get_expr(ad.adbin, ad.adrelid), ''), COALESCE(col_description(c.oid, a.attnum), '')
			   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			   LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			  WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
			`SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
			`SELECT 'constraint', c.relname, k.conname, pg_get_constraintdef(k.oid)
			   FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname = 'public'`,
			`SELECT 'sequence', sequencename, data_type::text FROM pg_sequences WHERE schemaname = 'public'`,
		}
	case testutil.MySQL:
		queries = []string{
			`SELECT 'column', table_name, ordinal_position, column_name, column_type, is_nullable,
			        COALESCE(column_default, 'NULL-DEFAULT'), extra, column_comment
			   FROM information_schema.columns WHERE table_schema = DATABASE()`,
			`SELECT 'index', table_name, index_name, non_unique, seq_in_index, column_name, COALESCE(sub_part, ''),
			        COALESCE(collation, ''), index_type, index_comment
			   FROM information_schema.statistics WHERE table_schema = DATABASE()`,
			`SELECT 'constraint', table_name, constraint_name, constraint_type
			   FROM information_schema.table_constraints WHERE constraint_schema = DATABASE()`,
			`SELECT 'fk', r.table_name, r.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule,
			        GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position), GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position)
			   FROM information_schema.referential_constraints r
			   JOIN information_schema.key_column_usage k ON k.constraint_schema = r.constraint_schema
			    AND k.constraint_name = r.constraint_name AND k.table_name = r.table_name
			  WHERE r.constraint_schema = DATABASE()
			  GROUP BY r.table_name, r.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule`,
			`SELECT 'check', constraint_name, check_clause FROM information_schema.check_constraints WHERE constraint_schema = DATABASE()`,
		}
	case testutil.SQLite:
		queries = []string{
			`SELECT 'column', m.name, p.cid, p.name, p.type, p."notnull", COALESCE(p.dflt_value, ''), p.pk
			   FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
			`SELECT 'index', m.name, il.name, il."unique", il.origin, il.partial, ii.seqno, ii.name
			   FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
			  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
			// Not f.id: GORM orders a table's foreign keys by map iteration.
			`SELECT 'fk', m.name, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete
			   FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
			`SELECT 'autoincrement', name, instr(upper(sql), 'AUTOINCREMENT') > 0 FROM sqlite_master
			  WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
		}
	}
	var lines []string
	for _, q := range queries {
		lines = append(lines, queryLines(t, ctx, db.DB, q)...)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func queryLines(t *testing.T, ctx context.Context, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprintf("%q", v.String)
		}
		out = append(out, strings.Join(parts, " "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
