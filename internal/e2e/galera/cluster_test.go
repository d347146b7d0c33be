package galera

import (
	"database/sql"
	gcluster "github.com/retortdb/retort/internal/testutil/galera"
	"testing"
)

// TestClusterReplicates: a table created and a row written on one node
// are there on the other two.
func TestClusterReplicates(t *testing.T) {
	t.Parallel()
	c := gcluster.Need(t)
	dbs := make([]*sql.DB, 3)
	for i, n := range c.Nodes {
		db, err := sql.Open("mysql", n.DataSource(""))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	name := "retort_t_smoke"
	if _, err := dbs[0].Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	defer dbs[0].Exec("DROP DATABASE " + name)
	if _, err := dbs[1].Exec("CREATE TABLE " + name + ".t (id INT PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if _, err := dbs[2].Exec("INSERT INTO " + name + ".t VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	for i, db := range dbs {
		var n int
		if _, err := db.Exec("SET SESSION wsrep_sync_wait = 1"); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow("SELECT COUNT(*) FROM " + name + ".t WHERE id = 7").Scan(&n); err != nil || n != 1 {
			t.Errorf("node %d: %d rows, %v", i+1, n, err)
		}
	}
}
