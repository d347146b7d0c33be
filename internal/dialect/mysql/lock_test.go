package mysql_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/mysql"
	"github.com/retortdb/retort/internal/testutil"
)

// On a single MariaDB/MySQL server (no wsrep) the lock stays GET_LOCK on
// the run's connection: no lease table appears, no check is handed out,
// and the cluster check has nothing to say or refuse.
func TestSingleServerKeepsGetLock(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	d := mysql.New()
	note, err := d.CheckCluster(ctx, conn, false)
	if err != nil || note != "" {
		t.Fatalf("CheckCluster on a single server = %q, %v; want nothing", note, err)
	}
	handed := false
	unlock, err := d.Lock(ctx, conn, dialect.Table{Name: "alembic_version"}, dialect.LockOptions{
		DB: db.DB, Held: func(func(context.Context) error) { handed = true }})
	if err != nil {
		t.Fatal(err)
	}
	key, err := d.LockKey(ctx, conn, dialect.Table{Name: "alembic_version"})
	if err != nil {
		t.Fatal(err)
	}
	var owner, self int64
	if err := db.DB.QueryRowContext(ctx, "SELECT COALESCE(IS_USED_LOCK(?), 0)", key).Scan(&owner); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&self); err != nil {
		t.Fatal(err)
	}
	if owner != self {
		t.Errorf("GET_LOCK(%q) is held by connection %d, want the run's %d", key, owner, self)
	}
	if handed {
		t.Error("a GET_LOCK lock handed out a lease check")
	}
	var n int
	if err := db.DB.QueryRowContext(ctx, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
		mysql.LeaseTable).Scan(&n); err != nil || n != 0 {
		t.Errorf("lease table on a single server: %d, %v", n, err)
	}
	if err := unlock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.DB.QueryRowContext(ctx, "SELECT COALESCE(IS_USED_LOCK(?), 0)", key).Scan(&owner); err != nil || owner != 0 {
		t.Errorf("after unlock GET_LOCK is held by %d (%v)", owner, err)
	}
}

// On a single server the command's pool sets nothing: there is no cluster
// to wait for.
func TestSingleServerPoolSetsNoSyncWait(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	pool, err := mysql.New().OpenLogged(db.DataSource, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var got int
	if err := pool.QueryRow("SELECT @@session.wsrep_sync_wait").Scan(&got); err != nil || got != 0 {
		t.Errorf("wsrep_sync_wait = %d (%v), want 0", got, err)
	}
}

// An unlock whose connection died says so, and what it says is true: the
// server released the lock with the connection, so another session takes
// it at once.
func TestUnlockOnADeadConnection(t *testing.T) {
	t.Parallel()
	db := testutil.New(t, testutil.MySQL)
	ctx := context.Background()
	d := mysql.New()
	table := dialect.Table{Name: "alembic_version"}
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	unlock, err := d.Lock(ctx, conn, table, dialect.LockOptions{DB: db.DB})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DB.ExecContext(ctx, "KILL ?", id); err != nil {
		t.Fatal(err)
	}
	err = unlock(ctx)
	if err == nil || !strings.Contains(err.Error(), "release the migration lock (RELEASE_LOCK)") || !strings.Contains(err.Error(), "releases it when the run's connection closes") {
		t.Fatalf("unlock on a killed connection: %v, want the release's failure and what ends the lock", err)
	}
	other, err := db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	again, err := d.Lock(ctx, other, table, dialect.LockOptions{DB: db.DB, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("another session could not take the lock after the holder's connection died: %v", err)
	}
	if err := again(ctx); err != nil {
		t.Fatal(err)
	}
}
