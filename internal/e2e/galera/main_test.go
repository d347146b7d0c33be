// Package galera runs retort against a real three-node MariaDB Galera
// cluster that its TestMain starts (internal/testutil/galera) and stops.
package galera

import (
	"os"
	"testing"

	gcluster "github.com/retortdb/retort/internal/testutil/galera"
)

func TestMain(m *testing.M) {
	os.Exit(gcluster.Main(m))
}
