package alembic

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
)

// BenchmarkImport translates a linear history of n revisions, each
// creating a table, adding a column, indexing it and changing it in a
// batch block: go test ./internal/importer/alembic -bench Import -run ^$
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{100, 1000} {
		dir := b.TempDir()
		for i := 0; i < n; i++ {
			parent := "None"
			if i > 0 {
				parent = fmt.Sprintf("'r%04d'", i-1)
			}
			src := fmt.Sprintf(`"""revision %[1]d

Revision ID: r%04[1]d
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 'r%04[1]d'
down_revision = %[2]s
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('t%[1]d',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.add_column('t%[1]d', sa.Column('note', sa.Text(), nullable=True))
    op.create_index(op.f('ix_t%[1]d_name'), 't%[1]d', ['name'], unique=False)
    with op.batch_alter_table('t%[1]d') as batch_op:
        batch_op.alter_column('name', existing_type=sa.String(length=50), type_=sa.String(length=80))


def downgrade():
    op.drop_index(op.f('ix_t%[1]d_name'), table_name='t%[1]d')
    op.drop_table('t%[1]d')
`, i, parent)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.py", i)), []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for _, dia := range []string{"sqlite", "postgres"} {
			d, err := registry.Lookup(dia)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%d", dia, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					revs, rep, err := Import(context.Background(), dir, Options{Dialect: d})
					if err != nil || len(revs) != n || len(rep.Manual) != 0 {
						b.Fatalf("import: %v, %d revisions, %d blocks", err, len(revs), len(rep.Manual))
					}
				}
			})
		}
	}
}
