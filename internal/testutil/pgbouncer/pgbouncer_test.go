package pgbouncer

import (
	"database/sql"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// Start gives a PgBouncer that forwards to the test server in the mode
// asked for, and Stop ends it.
func TestStartForwardsInTransactionMode(t *testing.T) {
	s, err := Start(Options{})
	Need(t, err)
	db, err := sql.Open("pgx", s.URL("postgres")+"&default_query_exec_mode=exec")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var one int
	if err := db.QueryRow("SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("query through pgbouncer: %v (%d)\n%s", err, one, s.Log())
	}
	db.Close()
	s.Stop()
	if _, err := sql.Open("pgx", s.URL("postgres")); err != nil {
		t.Fatal(err)
	}
	db2, _ := sql.Open("pgx", s.URL("postgres"))
	defer db2.Close()
	if err := db2.Ping(); err == nil {
		t.Fatal("pgbouncer still answers after Stop")
	}
}
