package autogen_test

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/testutil"
)

func TestZZDebug(t *testing.T) {
	ar, err := txtar.ParseFile(os.Getenv("CASE"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	for _, dialect := range testutil.Dialects() {
		if d := os.Getenv("DIALECT"); d != "" && d != dialect {
			continue
		}
		cur, _ := pick(files, dialect, "current.sql")
		des, _ := pick(files, dialect, "desired.sql")
		db := testutil.New(t, dialect)
		apply(t, db, cur, "current")
		c, err := autogen.Inspect(context.Background(), db.DB, dialect, skip)
		if err != nil {
			t.Fatal(err)
		}
		d := loadModels(t, db, des, skip)
		up, down, ch, err := autogen.Generate(context.Background(), c, d, dialect)
		t.Logf("%s: %v %v\n-- up\n%s\n-- down\n%s", dialect, ch, err, up, down)
	}
}
