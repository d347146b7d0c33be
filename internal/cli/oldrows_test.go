package cli

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/testutil"
)

// A history row written before errors were masked (or by another tool) may
// hold a password in its error text: history shows it masked, as text and
// as JSON.
func TestOldHistoryErrorsAreMaskedWhenShown(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.SQLite)
	cfg := writeProject(t, db.URL)
	if got := run(t, Options{}, "-c", cfg, "upgrade", "head"); got.code != ExitOK {
		t.Fatalf("upgrade: %s", got.err)
	}
	dsn, err := config.ParseURL(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open(dsn.DriverName, dsn.DataSource)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`UPDATE retort_history SET error = 'dial postgres://app:OldS3cretRow@db.example/shop: refused'`); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"history", "--applied"}, {"history", "--applied", "--json"}} {
		got := run(t, Options{}, append([]string{"-c", cfg}, args...)...)
		if got.code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, got.code, got.err)
		}
		if strings.Contains(got.out+got.err, "OldS3cretRow") {
			t.Errorf("%v shows the password:\n%s", args, got.out)
		}
		if !strings.Contains(got.out, "db.example") {
			t.Errorf("%v: the error text is gone entirely:\n%s", args, got.out)
		}
	}
}
