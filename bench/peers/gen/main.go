// Command gen writes one generated history in every compared tool's format,
// with the same statements in the same order, for bench/peers/run.sh:
//
//	go run ./bench/peers/gen -n 1000 -out /tmp/h1k
//
// writes under -out:
//
//	retort/versions/*.sql        retort revision files (a linear chain)
//	goose/*.sql                  goose SQL migrations (-- +goose Up/Down)
//	migrate/*.{up,down}.sql      golang-migrate files
//	alembic/versions/*.py        Alembic revisions running the same SQL with op.execute
//	alembic/env.py, alembic.ini  a plain online env.py (url from -x url=…)
//	client/tx.sql                every statement in one BEGIN … COMMIT (psql -1, sqlite3)
//	client/plain.sql             the statements alone (mariadb, whose DDL commits anyway)
//	client/pertx.sql             one BEGIN … COMMIT per revision (sqlite3, per-revision commits)
//
// Each revision of the "ddl" shape creates a table and an index on it; the
// "row" shape creates one table and then inserts one row per revision (the
// schema stays small, so what grows with N is the tools' own work); the
// "select" shape is one SELECT 1, for histories whose no-op commands are
// timed and whose apply is not the point.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 1000, "revisions")
	out := flag.String("out", "", "output folder (created)")
	shape := flag.String("shape", "ddl", "ddl: CREATE TABLE + CREATE INDEX per revision; row: one table, then one INSERT per revision; select: SELECT 1 per revision")
	flag.Parse()
	if *out == "" || (*shape != "ddl" && *shape != "row" && *shape != "select") {
		fmt.Fprintln(os.Stderr, "usage: gen -n N -out DIR [-shape ddl|row|select]")
		os.Exit(2)
	}
	if err := write(*out, *n, *shape); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func stmts(i int, shape string) (up []string, down string) {
	switch shape {
	case "select":
		return []string{"SELECT 1"}, "SELECT 1"
	case "row":
		if i == 0 {
			return []string{"CREATE TABLE bench_rows (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)"}, "DROP TABLE bench_rows"
		}
		return []string{fmt.Sprintf("INSERT INTO bench_rows (id, name) VALUES (%d, 'row %d')", i, i)},
			fmt.Sprintf("DELETE FROM bench_rows WHERE id = %d", i)
	}
	return []string{
		fmt.Sprintf("CREATE TABLE t_%05d (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, value INTEGER)", i),
		fmt.Sprintf("CREATE INDEX ix_t_%05d_name ON t_%05d (name)", i, i),
	}, fmt.Sprintf("DROP TABLE t_%05d", i)
}

func id(i int) string { return fmt.Sprintf("%012x", 0xbe0000000000+i) }

type files map[string]*strings.Builder

func (f files) add(path, text string) {
	b := f[path]
	if b == nil {
		b = &strings.Builder{}
		f[path] = b
	}
	b.WriteString(text)
}

func write(out string, n int, shape string) error {
	f := files{}
	f.add("client/tx.sql", "BEGIN;\n")
	f.add("client/plain.sql", "")
	f.add("client/pertx.sql", "")
	for i := range n {
		up, down := stmts(i, shape)
		upSQL := strings.Join(up, ";\n") + ";\n"
		rid, parent := id(i), ""
		if i > 0 {
			parent = id(i - 1)
		}
		// retort
		f.add(fmt.Sprintf("retort/versions/%s_r%05d.sql", rid, i), fmt.Sprintf(
			"-- r%05d\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2026-01-01 00:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n-- +retort upgrade\n%s\n-- +retort downgrade\n%s;\n",
			i, rid, parent, upSQL, down))
		// goose: one transaction per migration by default
		f.add(fmt.Sprintf("goose/%05d_r%05d.sql", i+1, i),
			"-- +goose Up\n"+upSQL+"\n-- +goose Down\n"+down+";\n")
		// golang-migrate
		f.add(fmt.Sprintf("migrate/%05d_r%05d.up.sql", i+1, i), upSQL)
		f.add(fmt.Sprintf("migrate/%05d_r%05d.down.sql", i+1, i), down+";\n")
		// Alembic
		var py strings.Builder
		fmt.Fprintf(&py, "\"\"\"r%05d\"\"\"\nfrom alembic import op\n\nrevision = %q\ndown_revision = ", i, rid)
		if parent == "" {
			py.WriteString("None\n")
		} else {
			fmt.Fprintf(&py, "%q\n", parent)
		}
		py.WriteString("branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n")
		for _, s := range up {
			fmt.Fprintf(&py, "    op.execute(%q)\n", s)
		}
		fmt.Fprintf(&py, "\n\ndef downgrade():\n    op.execute(%q)\n", down)
		f.add(fmt.Sprintf("alembic/versions/%s_r%05d.py", rid, i), py.String())
		// clients
		f.add("client/tx.sql", upSQL)
		f.add("client/plain.sql", upSQL)
		f.add("client/pertx.sql", "BEGIN;\n"+upSQL+"COMMIT;\n")
	}
	f.add("client/tx.sql", "COMMIT;\n")
	f.add("alembic/alembic.ini", alembicINI)
	f.add("alembic/env.py", alembicEnv)
	f.add("alembic/script.py.mako", "")
	for path, b := range f {
		p := filepath.Join(out, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const alembicINI = `[alembic]
script_location = %(here)s
sqlalchemy.url = sqlite://

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
`

// alembicEnv is the online half of Alembic's generic template, the URL
// taken from -x url=… so one folder serves every database.
const alembicEnv = `from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
engine = create_engine(url, poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
`
