package retort_test

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/retortdb/retort"

	_ "modernc.org/sqlite"
)

//go:embed testdata/example/versions/*.sql
var exampleFiles embed.FS

// An application that ships its migrations inside its own binary: revision
// files embedded with embed.FS plus a data migration written in Go.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "retort-example")
	defer os.RemoveAll(dir)
	db, _ := sql.Open("sqlite", filepath.Join(dir, "app.db"))
	defer db.Close()

	migrations, _ := fs.Sub(exampleFiles, "testdata/example")
	backfill := retort.GoMigration{
		ID:      "3c4d5e6f7a8b",
		Parents: []string{"2b3c4d5e6f7a"},
		Message: "backfill emails",
		Up: func(ctx context.Context, db retort.Execer) error {
			_, err := db.ExecContext(ctx, "UPDATE users SET email = name || '@example.com' WHERE email IS NULL")
			return err
		},
		Down: func(ctx context.Context, db retort.Execer) error { return nil },
	}
	m, err := retort.Open(ctx, db, migrations,
		retort.WithGoMigrations(backfill),
		retort.WithEvents(func(e retort.Event) {
			if e.Kind == retort.EventStepStart {
				fmt.Println("Running", e.Text)
			}
		}))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := m.Upgrade(ctx, "head"); err != nil {
		fmt.Println(err)
		return
	}
	rows, _ := m.Current(ctx)
	fmt.Println("current:", rows)
	// Output:
	// Running upgrade  -> 1a2b3c4d5e6f, Create users.
	// Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f7a, Add users.email.
	// Running upgrade 2b3c4d5e6f7a -> 3c4d5e6f7a8b, backfill emails
	// current: [3c4d5e6f7a8b]
}
