package postgres

import (
	"errors"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.ConnectAdvisor = (*Dialect)(nil)

// ConnectAdvice implements dialect.ConnectAdvisor from the SQLSTATE the
// server refused the connection with.
func (*Dialect) ConnectAdvice(err error) (string, bool) {
	var s interface{ SQLState() string }
	if !errors.As(err, &s) {
		return "", false
	}
	switch s.SQLState() {
	case "28P01", "28000": // invalid_password, invalid_authorization_specification
		return "the server refused the user name or password: check them in the URL (and pg_hba.conf on the server)", true
	case "3D000": // invalid_catalog_name
		return "the database does not exist: create it (CREATE DATABASE …) or fix its name in the URL", true
	case "42501": // insufficient_privilege
		return "the user may not connect to this database: an administrator runs GRANT CONNECT ON DATABASE … TO …", true
	case "53300": // too_many_connections
		return "the server has no free connection slots: retry later, or raise max_connections", true
	case "08P01": // protocol_violation: what PgBouncer answers a startup parameter it does not forward
		if strings.Contains(err.Error(), "unsupported startup parameter") {
			return "a connection pooler (PgBouncer) refused a URL parameter it does not pass on to the server: remove it from the URL " +
				"(instead of search_path set version_table_schema, or ALTER ROLE … SET search_path on the server); " +
				"listing it in the pooler's ignore_startup_parameters drops it silently (docs/poolers.md)", true
		}
	}
	return "", false
}
