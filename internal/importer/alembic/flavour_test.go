package alembic

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/internal/testutil"
	"github.com/retortdb/retort/schema"
)

// flavourRevision uses the properties of the flavour table the
// translation depends on most: Boolean's type, its CHECK and literal
// default; a comment; DateTime with a time zone and func.now(); Enum; the
// integer key's autoincrement; an index with postgresql_concurrently; a
// named CHECK among an added column's arguments; an if on the dialect's
// name.
const flavourRevision = `revision = 'a'
down_revision = None

def upgrade():
    op.create_table('t',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('b', sa.Boolean(create_constraint=True, name='ck_b'), server_default=sa.true(), comment='flag'),
        sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column('e', sa.Enum('a', 'bc', name='ab')),
    )
    op.create_index('ix_t_b', 't', ['b'], postgresql_concurrently=True)
    op.add_column('t', sa.Column('n', sa.Integer, sa.CheckConstraint('n > 0', name='ck_n')))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('SELECT 1')
    if op.get_bind().dialect.name == 'mysql':
        op.execute('SELECT 2')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('SELECT 3')

def downgrade():
    op.drop_index('ix_t_b', table_name='t', postgresql_concurrently=True)
    op.drop_table('t')
`

// TestFlavours: every flavour's entry against the SQL its dialect's
// translation writes for flavourRevision, with the expected SQL written
// out here, apart from the table, so that a wrong entry fails; then the
// revision runs on the database, up and down.
func TestFlavours(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.py"), []byte(flavourRevision), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		dialect, flavour string
		noTx             bool     // a no-transaction revision
		up, down         []string // in the section
		notUp            []string // nowhere in the upgrade
		comment          string   // b's comment in the database
	}{
		{
			dialect: testutil.Postgres, flavour: "postgresql", noTx: true,
			up: []string{
				"CREATE TYPE ab AS ENUM ('a', 'bc');",
				"id SERIAL NOT NULL,",
				"b BOOLEAN DEFAULT true,",
				"at TIMESTAMP WITH TIME ZONE DEFAULT now(),",
				"e ab,",
				"COMMENT ON COLUMN t.b IS 'flag';",
				"CREATE INDEX CONCURRENTLY ix_t_b ON t (b);",
				"ALTER TABLE t ADD COLUMN n INTEGER CONSTRAINT ck_n CHECK (n > 0);",
				"SELECT 1;",
			},
			down:    []string{"DROP INDEX CONCURRENTLY ix_t_b;"},
			notUp:   []string{"CHECK (b", "SELECT 2", "SELECT 3"},
			comment: "flag",
		},
		{
			dialect: testutil.MySQL, flavour: "mysql",
			up: []string{
				"`id` INTEGER NOT NULL AUTO_INCREMENT,",
				"`b` BOOL DEFAULT true COMMENT 'flag',",
				"`at` DATETIME DEFAULT now(),",
				"`e` ENUM('a','bc'),",
				"CONSTRAINT `ck_b` CHECK (b IN (0, 1))",
				"CREATE INDEX `ix_t_b` ON `t` (`b`);",
				// MariaDB has no named column check: the table's.
				"ALTER TABLE `t` ADD COLUMN `n` INTEGER;",
				"ALTER TABLE `t` ADD CONSTRAINT `ck_n` CHECK (n > 0);",
				"SELECT 2;",
			},
			down:    []string{"DROP INDEX `ix_t_b` ON `t`;"},
			notUp:   []string{"CONCURRENTLY", "CREATE TYPE", "SELECT 1", "SELECT 3"},
			comment: "flag",
		},
		{
			dialect: testutil.SQLite, flavour: "sqlite",
			up: []string{
				"id INTEGER NOT NULL,",
				"b BOOLEAN DEFAULT 1,",
				"at DATETIME DEFAULT (CURRENT_TIMESTAMP),",
				"e VARCHAR(2),",
				"CONSTRAINT ck_b CHECK (b IN (0, 1))",
				`CREATE INDEX "ix_t_b" ON "t" ("b");`,
				"ADD COLUMN n INTEGER CONSTRAINT ck_n CHECK (n > 0);",
				"SELECT 3;",
			},
			down:  []string{"DROP INDEX ix_t_b;"},
			notUp: []string{"flag", "CONCURRENTLY", "AUTOINCREMENT", "CREATE TYPE", "SELECT 1", "SELECT 2"},
		},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.flavour] = true
		t.Run(c.dialect, func(t *testing.T) {
			t.Parallel()
			d, err := registry.Lookup(c.dialect)
			if err != nil {
				t.Fatal(err)
			}
			if n := d.(sqlaNamer).SQLAlchemyDialect(); n != c.flavour || flavourNamed(n) == nil {
				t.Fatalf("the %s dialect names SQLAlchemy's %q, flavour %v; want %q's", c.dialect, n, flavourNamed(n), c.flavour)
			}
			revs, rep, err := Import(context.Background(), dir, Options{Dialect: d})
			if err != nil {
				t.Fatal(err)
			}
			if len(revs) != 1 || len(rep.Manual) != 0 {
				t.Fatalf("%d revisions, blocks for a person %+v", len(revs), rep.Manual)
			}
			f := revs[0].File
			text := string(script.Render(f))
			if noTx := strings.Contains(text, "-- +retort no-transaction\n"); noTx != c.noTx {
				t.Errorf("no-transaction %v, want %v:\n%s", noTx, c.noTx, text)
			}
			for _, w := range c.up {
				if !strings.Contains(f.Upgrade, w) {
					t.Errorf("upgrade without %q:\n%s", w, f.Upgrade)
				}
			}
			for _, w := range c.down {
				if !strings.Contains(f.Downgrade, w) {
					t.Errorf("downgrade without %q:\n%s", w, f.Downgrade)
				}
			}
			for _, w := range c.notUp {
				if strings.Contains(f.Upgrade, w) {
					t.Errorf("upgrade with %q:\n%s", w, f.Upgrade)
				}
			}

			// The database runs it, and holds what the flavour says.
			files := t.TempDir()
			if err := os.WriteFile(filepath.Join(files, f.ID+".sql"), script.Render(f), 0o644); err != nil {
				t.Fatal(err)
			}
			db := testutil.New(t, c.dialect)
			m, err := retort.Open(context.Background(), db.DB, nil, retort.WithDialect(db.Dialect), retort.WithVersionDirs(files))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Upgrade(context.Background(), "heads"); err != nil {
				t.Fatalf("upgrade heads: %v", err)
			}
			s, err := m.Inspect(context.Background(), schema.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			tb := s.Table("", "t")
			if tb == nil || tb.Column("b") == nil || tb.Column("at") == nil || tb.Column("e") == nil {
				t.Fatalf("after upgrade heads: table t %+v", tb)
			}
			if got := tb.Column("b").Comment; got != c.comment {
				t.Errorf("column b's comment %q, want %q", got, c.comment)
			}
			if len(tb.Indexes) != 1 || tb.Indexes[0].Name != "ix_t_b" {
				t.Errorf("indexes %+v, want ix_t_b", tb.Indexes)
			}
			if !slices.ContainsFunc(tb.Checks, func(ch *schema.Check) bool { return ch.Name == "ck_n" }) {
				t.Errorf("checks %+v, want ck_n", tb.Checks)
			}
			if _, err := m.Downgrade(context.Background(), "base"); err != nil {
				t.Fatalf("downgrade base: %v", err)
			}
			if s, err = m.Inspect(context.Background(), schema.Filter{}); err != nil {
				t.Fatal(err)
			}
			if s.Table("", "t") != nil {
				t.Errorf("table t left after downgrade base")
			}
		})
	}
	for _, fl := range flavours {
		if !seen[fl.name] {
			t.Errorf("flavour %s has no case here", fl.name)
		}
	}
}
