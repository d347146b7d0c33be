package mysql_test

import (
	"fmt"
	"strings"
	"testing"

	driver "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/dialect/mysql"
)

// A Galera node that is not part of the primary component, or not synced,
// answers queries with error 1047; retort's own connections find it out
// when they connect (NotReadyError). Both get advice that says what the
// state means and what to do; a 1047 that is not Galera's gets none.
func TestConnectAdviceForANodeNotReady(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"1047", fmt.Errorf("look for table alembic_version: %w",
			&driver.MySQLError{Number: 1047, SQLState: [5]byte{'0', '8', 'S', '0', '1'}, Message: "WSREP has not yet prepared node for application use"}), true},
		{"not ready", fmt.Errorf("connect: %w", &mysql.NotReadyError{State: "Initialized", Cluster: "non-Primary"}), true},
		{"other 1047", &driver.MySQLError{Number: 1047, Message: "Unknown command"}, false},
	} {
		advice, ok := d.ConnectAdvice(c.err)
		if ok != c.want {
			t.Errorf("%s: ConnectAdvice(%v) = %q, %v; want ok %v", c.name, c.err, advice, ok, c.want)
			continue
		}
		if !ok {
			continue
		}
		for _, want := range []string{"primary component", "not synced", "point retort at a synced node", "wsrep_local_state_comment", "Synced"} {
			if !strings.Contains(advice, want) {
				t.Errorf("%s: advice lacks %q: %s", c.name, want, advice)
			}
		}
	}
	msg := (&mysql.NotReadyError{State: "Initialized", Cluster: "non-Primary"}).Error()
	for _, want := range []string{"not ready", "wsrep_local_state_comment = Initialized", "wsrep_cluster_status = non-Primary"} {
		if !strings.Contains(msg, want) {
			t.Errorf("NotReadyError lacks %q: %s", want, msg)
		}
	}
}
