package alembic

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/script"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	d, _ := registry.Lookup(os.Getenv("DUMP"))
	revs, rep, err := Import(context.Background(), "testdata/shop", Options{Dialect: d, ViaAlembic: os.Getenv("VIA") != "", Python: "/usr/bin/python3"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range revs {
		fmt.Println(string(script.Render(r.File)))
	}
	fmt.Printf("%+v\n", rep)
}
