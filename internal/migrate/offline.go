package migrate

import (
	"bufio"
	"fmt"
	"io"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
)

// Offline writes plan as a script for the database's own command-line client
// (psql, mariadb/mysql, sqlite3), in Alembic's layout: BEGIN/COMMIT around
// the whole script on transactional dialects (PostgreSQL, and SQLite, whose
// DDL is transactional too), the version table's DDL when createTable (the
// script starts from base), a "-- Running upgrade a -> b" comment before
// each step, each statement followed by ";" and a blank line, then the
// step's version-row SQL, its revision ids as literals escaped for the
// server's default settings (a comment at the top says which: a server set
// otherwise would read another string). No-transaction sections get COMMIT
// before and BEGIN after them. The history table is not written by offline scripts.
func (r *Runner) Offline(w io.Writer, plan *revision.Plan, createTable bool) error {
	bw := bufio.NewWriter(w)
	tx := r.Dialect.TransactionalDDL()
	stmt := func(s string) {
		if f, ok := r.Dialect.(dialect.ScriptFormatter); ok {
			bw.WriteString(f.ClientStatement(s))
		} else {
			bw.WriteString(dialect.Terminate(s, ";", false))
		}
		bw.WriteString("\n\n")
	}
	if note := r.Tables.LiteralNote(); note != "" {
		bw.WriteString(note + "\n\n")
	}
	if tx {
		bw.WriteString("BEGIN;\n\n")
	}
	if createTable {
		stmt(r.Tables.CreateSQL())
	}
	for _, step := range plan.Steps {
		unit, err := r.Load(step)
		if err != nil {
			return fmt.Errorf("%s: %w", StepText(step), err)
		}
		if unit != nil && unit.Go != nil {
			return fmt.Errorf("revision %s is written in Go and cannot be rendered as offline SQL; run it online", stepRevID(step))
		}
		fmt.Fprintf(bw, "-- Running %s\n\n", StepHead(step))
		noTx := tx && unit != nil && unit.NoTransaction
		if noTx {
			bw.WriteString("COMMIT;\n\n")
		}
		if unit != nil {
			for _, st := range unit.Statements {
				stmt(st.SQL)
			}
		}
		if noTx {
			bw.WriteString("BEGIN;\n\n")
		}
		for _, c := range Changes(step) {
			s, err := r.Tables.SQL(c)
			if err != nil {
				return err
			}
			stmt(s)
		}
	}
	if tx {
		bw.WriteString("COMMIT;\n\n")
	}
	return bw.Flush()
}
