package retort_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort"
)

// TestTestServers: targets group by the server and user their scratch
// databases would be created on, whatever their database, parameters or
// form of data source; another host, port or user is another server;
// SQLite, which tests in memory, is one group; no name shows a password.
func TestTestServers(t *testing.T) {
	t.Parallel()
	pg := func(name, ds string) retort.TestTarget {
		return retort.TestTarget{Name: name, Dialect: "postgres", DriverName: "pgx", DataSource: ds}
	}
	my := func(name, ds string) retort.TestTarget {
		return retort.TestTarget{Name: name, Dialect: "mysql", DriverName: "mysql", DataSource: ds}
	}
	lite := func(name, path string) retort.TestTarget {
		return retort.TestTarget{Name: name, Dialect: "sqlite", DriverName: "sqlite", DataSource: path}
	}
	targets := []retort.TestTarget{
		pg("a", "postgres://app:s3cretPW@db1:5432/app_a?sslmode=disable"),
		my("m1", "app:s3cretPW@tcp(db3:3306)/shop_1"),
		pg("b", "postgres://app:s3cretPW@db1:5432/app_b?search_path=tenant_b"),
		pg("c", "host=db1 port=5432 user=app password=s3cretPW dbname=app_c"),
		pg("other-user", "postgres://admin:s3cretPW@db1:5432/app_a"),
		pg("other-port", "postgres://app:s3cretPW@db1:5433/app_a"),
		pg("other-host", "postgres://app:s3cretPW@db2:5432/app_a"),
		lite("s1", "/tenants/s1.db"),
		my("m2", "app:s3cretPW@tcp(db3:3306)/shop_2?parseTime=true"),
		lite("s2", "/tenants/s2.db"),
		my("sock", "app:s3cretPW@unix(/run/mysqld/mysqld.sock)/shop_3"),
	}
	servers, err := retort.TestServers(targets)
	if err != nil {
		t.Fatal(err)
	}
	type group struct {
		name    string
		targets []string
	}
	var got []group
	for _, s := range servers {
		got = append(got, group{s.Name, s.Targets})
		if strings.Contains(s.Name, "s3cretPW") {
			t.Errorf("server name %q shows the password", s.Name)
		}
	}
	want := []group{
		{"postgres://app@db1:5432", []string{"a", "b", "c"}},
		{"mysql://app@db3:3306", []string{"m1", "m2"}},
		{"postgres://admin@db1:5432", []string{"other-user"}},
		{"postgres://app@db1:5433", []string{"other-port"}},
		{"postgres://app@db2:5432", []string{"other-host"}},
		{"sqlite (in memory)", []string{"s1", "s2"}},
		{"mysql://app@unix(/run/mysqld/mysqld.sock)", []string{"sock"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups:\n got %v\nwant %v", got, want)
	}
	// Each group runs on its first target's data source.
	if servers[0].DataSource != targets[0].DataSource || servers[1].DataSource != targets[1].DataSource {
		t.Errorf("a server's data source is not its first target's")
	}

	_, err = retort.TestServers([]retort.TestTarget{pg("bad", "postgres://app:s3cretPW@db1:notaport/x")})
	if err == nil || !strings.Contains(err.Error(), "fleet target bad") || strings.Contains(err.Error(), "s3cretPW") {
		t.Errorf("unreadable data source: %v", err)
	}
}
