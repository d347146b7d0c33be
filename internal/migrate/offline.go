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
// before and BEGIN after them. The history table is not written by offline
// scripts. A transaction holding a revision that asks for foreign keys off (a
// SQLite table rebuild) switches them off before its BEGIN, checks them
// before its COMMIT and on again after it, as online runs do.
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
	units := make([]*Unit, len(plan.Steps))
	for i, step := range plan.Steps {
		unit, err := r.Load(step)
		if err != nil {
			return fmt.Errorf("%s: %w", StepText(step), err)
		}
		if unit != nil && unit.Go != nil {
			return fmt.Errorf("revision %s is written in Go and cannot be rendered as offline SQL; run it online", stepRevID(step))
		}
		units[i] = unit
	}
	var off, check, on []string // the open transaction's foreign-key pause
	begin := func(i int) {
		if p, ok := r.Dialect.(dialect.ForeignKeyPauser); ok && pausesForeignKeys(p, units[i:]) {
			off, check, on = p.OfflineForeignKeyPause()
			bw.WriteString("-- A revision below rebuilds tables: foreign keys are off for this transaction,\n" +
				"-- and a row that breaks one rolls it back (run the script with sqlite3 -bail).\n")
			for _, s := range off {
				stmt(s)
			}
		}
		bw.WriteString("BEGIN;\n\n")
	}
	commit := func() {
		for _, s := range check {
			stmt(s)
		}
		bw.WriteString("COMMIT;\n\n")
		for _, s := range on {
			stmt(s)
		}
		off, check, on = nil, nil, nil
	}
	if tx {
		begin(0)
	}
	if createTable {
		stmt(r.Tables.CreateSQL())
	}
	for i, step := range plan.Steps {
		unit := units[i]
		fmt.Fprintf(bw, "-- Running %s\n\n", StepHead(step))
		noTx := tx && unit != nil && unit.NoTransaction
		if noTx {
			commit()
		}
		if unit != nil {
			for _, st := range unit.Statements {
				stmt(st.SQL)
			}
		}
		if noTx {
			begin(i + 1)
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
		commit()
	}
	return bw.Flush()
}

// pausesForeignKeys reports whether a revision of the transaction that
// starts with units[0] (up to the next no-transaction section) asks for
// foreign keys off.
func pausesForeignKeys(p dialect.ForeignKeyPauser, units []*Unit) bool {
	for _, u := range units {
		if u == nil {
			continue
		}
		if u.NoTransaction {
			return false
		}
		for _, st := range u.Statements {
			if p.PausesForeignKeys(st.SQL) {
				return true
			}
		}
	}
	return false
}
