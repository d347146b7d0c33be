package cli

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// A server that refuses the first connection gets advice for what it
// refused (user or password, a missing database, missing rights), not the
// generic "check the server is running"; a server that is not there keeps
// the generic advice. Nothing is created either way.
func TestConnectAdvice(t *testing.T) {
	t.Parallel()
	for _, name := range []string{testutil.Postgres, testutil.MySQL} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, name)
			cfg := writeProject(t, db.URL)
			base, err := url.Parse(db.URL)
			if err != nil {
				t.Fatal(err)
			}
			with := func(edit func(u *url.URL)) string {
				u := *base
				edit(&u)
				return u.String()
			}
			suffix := fmt.Sprintf("%08x", rand.Uint32())
			cases := []struct{ what, url, advice string }{
				{"missing database", with(func(u *url.URL) { u.Path = "/retort_nosuch_" + suffix }),
					"the database does not exist: create it"},
				{"unknown user", with(func(u *url.URL) { u.User = url.UserPassword("retort_nobody_"+suffix, "pw") }),
					"the server refused the user name or password"},
				{"no server", with(func(u *url.URL) { u.Host = "127.0.0.1:1" }),
					"check the URL and that the server is running"},
			}
			if name == testutil.MySQL {
				user := "retort_cx_" + suffix
				if _, err := db.DB.Exec(fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY 'Right-pw1'", user)); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.DB.Exec(fmt.Sprintf("DROP USER '%s'@'%%'", user)) })
				cases = append(cases,
					struct{ what, url, advice string }{"wrong password",
						with(func(u *url.URL) { u.User = url.UserPassword(user, "Wrong-pw1") }),
						"the server refused the user name or password"},
					struct{ what, url, advice string }{"no rights on the database",
						with(func(u *url.URL) { u.User = url.UserPassword(user, "Right-pw1") }),
						"the user has no rights on this database: an administrator runs GRANT"})
			}
			for _, c := range cases {
				got := run(t, Options{}, "-c", cfg, "--url", c.url, "current")
				if got.code != ExitFailure {
					t.Errorf("%s: exit %d, want %d: %s", c.what, got.code, ExitFailure, got.err)
				}
				if !strings.Contains(got.err, c.advice) {
					t.Errorf("%s: no advice %q in:\n%s", c.what, c.advice, got.err)
				}
				if c.what != "no server" && strings.Contains(got.err, "server is running") {
					t.Errorf("%s: the server answered, yet the advice is to check it runs:\n%s", c.what, got.err)
				}
				if strings.Contains(got.err, "pw1") {
					t.Errorf("%s: the password is in the output:\n%s", c.what, got.err)
				}
			}
			q := "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'alembic_version'"
			if name == testutil.MySQL {
				q += " AND table_schema = DATABASE()"
			}
			var n int
			if err := db.DB.QueryRow(q).Scan(&n); err != nil || n != 0 {
				t.Errorf("a refused connection created the version table (%d, %v)", n, err)
			}
		})
	}
}
