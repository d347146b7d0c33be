package sqlite_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/internal/dialect/sqlite"
	"github.com/retortdb/retort/internal/script"
)

var pauseCases = []struct {
	sql  string
	want bool
}{
	{"PRAGMA foreign_keys = OFF", true},
	{"PRAGMA foreign_keys=OFF;", true},
	{"pragma FOREIGN_KEYS = off", true},
	{"PRAGMA foreign_keys = 0", true},
	{"PRAGMA foreign_keys = 00", true},
	{"PRAGMA foreign_keys = 2147483648", true}, // does not fit: 0
	{"PRAGMA foreign_keys = 0x0", true},
	{"PRAGMA foreign_keys = false", true},
	{"PRAGMA foreign_keys = no", true},
	{"PRAGMA foreign_keys = 'off'", true},
	{`PRAGMA "foreign_keys" = "OFF"`, true},
	{"PRAGMA [foreign_keys] = `no`", true},
	{"PRAGMA 'foreign_keys' = off", true},
	{"PRAGMA main.foreign_keys = OFF", true},
	{`PRAGMA "main" . foreign_keys = OFF`, true},
	{"PRAGMA foreign_keys(OFF)", true},
	{"PRAGMA foreign_keys ( 0 )", true},
	{"PRAGMA /* why */ foreign_keys -- now\n = OFF", true},
	{"PRAGMA foreign_keys = full", true},   // not a boolean word: false
	{"PRAGMA foreign_keys = banana", true}, // likewise
	{"PRAGMA foreign_keys = -1", true},     // not a digit first
	{"PRAGMA foreign_keys = ''", true},
	{"PRAGMA foreign_keys = .5", true},
	{"PRAGMA foreign_keys = ON", false},
	{"PRAGMA foreign_keys = 1", false},
	{"PRAGMA foreign_keys = +1", false},
	{"PRAGMA foreign_keys = 1.5", false},
	{"PRAGMA foreign_keys = 0x1", false},
	{"PRAGMA foreign_keys = 256", false},
	{"PRAGMA foreign_keys = '1'", false},
	{"PRAGMA foreign_keys = 1e5", false},
	{"PRAGMA foreign_keys = yes", false},
	{"PRAGMA foreign_keys = TRUE", false},
	{"PRAGMA foreign_keys", false},
	{"PRAGMA main.foreign_keys", false},
	{"PRAGMA foreign_key_check", false},
	{"PRAGMA foreign_key_list(t)", false},
	{"PRAGMA legacy_alter_table = OFF", false},
	{"PRAGMA defer_foreign_keys = OFF", false},
	{"SELECT 'PRAGMA foreign_keys = OFF'", false},
	{"-- PRAGMA foreign_keys = OFF\nSELECT 1", false},
	{"PRAGMA foreign_keys = OFF extra", false},
	{"PRAGMA foreign_keys = 'off", false},
	{"", false},
}

func TestPausesForeignKeys(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	for _, c := range pauseCases {
		if got := d.PausesForeignKeys(c.sql); got != c.want {
			t.Errorf("PausesForeignKeys(%q) = %v, want %v", c.sql, got, c.want)
		}
	}
}

// FuzzPausesForeignKeys checks PausesForeignKeys against SQLite itself:
// a single PRAGMA statement that SQLite runs is recognized exactly when,
// run with foreign keys on, it leaves them off.
func FuzzPausesForeignKeys(f *testing.F) {
	for _, c := range pauseCases {
		f.Add(c.sql)
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	d := sqlite.New()
	f.Fuzz(func(t *testing.T, stmt string) {
		got := d.PausesForeignKeys(stmt) // never panics, whatever the input
		lower := strings.ToLower(stmt)
		if !strings.HasPrefix(strings.TrimSpace(lower), "pragma") || strings.Contains(lower, "attach") ||
			strings.Contains(lower, "vacuum") || strings.ContainsRune(stmt, 0) {
			return // runs only pragmas, and none that writes a file
		}
		if stmts, err := script.Split(stmt, 1); err != nil || len(stmts) != 1 {
			return
		}
		ctx := context.Background()
		if _, err := db.ExecContext(ctx, "PRAGMA foreign_keys = ON"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return // SQLite refuses it; so would the revision's step
		}
		var fk int
		if err := db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if want := fk == 0; got != want {
			t.Errorf("PausesForeignKeys(%q) = %v, but SQLite left foreign_keys = %d", stmt, got, fk)
		}
	})
}
