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
	"github.com/retortdb/retort/schema"

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

// Creating a revision from code, as `retort revision` does, then running it.
func ExampleMigrator_NewRevision() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "retort-example")
	defer os.RemoveAll(dir)
	versions := filepath.Join(dir, "versions")
	_ = os.Mkdir(versions, 0o755)

	m, err := retort.Open(ctx, nil, nil, retort.WithDialect("sqlite"), retort.WithVersionDirs(versions))
	if err != nil {
		fmt.Println(err)
		return
	}
	path, rev, err := m.NewRevision(retort.RevisionOptions{
		Message:   "create users",
		RevID:     "1a2b3c4d5e6f",
		Upgrade:   "CREATE TABLE users (id INTEGER PRIMARY KEY);",
		Downgrade: "DROP TABLE users;",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filepath.Base(path), rev.Parents, rev.Head)

	// A new Migrator sees it.
	db, _ := sql.Open("sqlite", filepath.Join(dir, "app.db"))
	defer db.Close()
	m, _ = retort.Open(ctx, db, nil, retort.WithVersionDirs(versions), retort.WithScriptLocation(dir))
	if _, err := m.Upgrade(ctx, "head"); err != nil {
		fmt.Println(err)
		return
	}
	s, _ := m.Inspect(ctx, schema.Filter{})
	for _, t := range s.Tables {
		fmt.Println("table", t.Name)
	}
	// Output:
	// 1a2b3c4d5e6f_create_users.sql [] true
	// table users
}

// Reading the revision graph without the CLI.
func ExampleMigrator_History() {
	migrations, _ := fs.Sub(exampleFiles, "testdata/example")
	m, err := retort.Open(context.Background(), nil, migrations, retort.WithDialect("postgres"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range m.History() {
		fmt.Printf("%s %v head=%v %s\n", r.ID, r.Parents, r.Head, r.Message)
	}
	// Output:
	// 2b3c4d5e6f7a [1a2b3c4d5e6f] head=true Add users.email.
	// 1a2b3c4d5e6f [] head=false Create users.
}
