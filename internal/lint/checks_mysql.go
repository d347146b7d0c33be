package lint

import "strings"

// The checks of the MySQL/MariaDB rules (rule set "mysql").

func checkMySQLImplicitCommit(c *revCtx, r *Rule, s *stmt) {
	if c.commitWarned || len(c.sec.Statements) < 2 || c.section != "upgrade" || !isDDL(s) || !c.touchesExistingOnce() {
		return // a downgrade undoes what its upgrade made; new tables alone leave nothing half-changed in use
	}
	// Reported on the first DDL statement after which more statements run.
	if isDDL(s) && s.line < c.sec.Statements[len(c.sec.Statements)-1].Line {
		c.commitWarned = true
		c.report(r, s, "this %s section has %d statements: MySQL commits this DDL at once, so if a later statement fails the revision stays half applied", c.section, len(c.sec.Statements))
	}
}

func checkMySQLCopy(c *revCtx, r *Rule, s *stmt) {
	if s.kind == kCreateIndex && s.fulltext && c.existing(s.table) != nil && !c.createdByUpgrade(s.table) {
		c.report(r, s, "creates a FULLTEXT or SPATIAL index on %s: built with LOCK=SHARED, blocking writes (the first FULLTEXT index rebuilds the table)", s.table)
		return
	}
	if s.kind != kAlterTable || c.existing(s.table) == nil || c.createdByUpgrade(s.table) {
		return
	}
	addsPK := false
	for _, a := range s.actions {
		if a.kind == aAddConstraint && a.con.kind == cPrimaryKey {
			addsPK = true
		}
	}
	for _, a := range s.actions {
		switch a.kind {
		case aLock:
			if a.value == "shared" || a.value == "exclusive" {
				c.report(r, s, "LOCK=%s blocks writes to %s for the whole ALTER", strings.ToUpper(a.value), s.table)
				return
			}
		case aAddConstraint:
			switch {
			case a.con.kind == cForeignKey:
				c.report(r, s, "adds foreign key %son %s: with foreign_key_checks on, MySQL copies the table (ALGORITHM=COPY), blocking writes", conName(a.con), s.table)
				return
			case a.con.fulltext:
				c.report(r, s, "adds a FULLTEXT or SPATIAL index to %s: built with LOCK=SHARED, blocking writes (the first FULLTEXT index rebuilds the table)", s.table)
				return
			}
		case aAddColumn:
			switch {
			case a.col.generated:
				c.report(r, s, "adds stored generated column %s.%s: MySQL copies the table (ALGORITHM=COPY), blocking writes", s.table, a.col.name)
				return
			case a.col.identity:
				c.report(r, s, "adds AUTO_INCREMENT column %s.%s: the table is rebuilt with writes blocked", s.table, a.col.name)
				return
			}
		case aAlgorithm:
			if a.value == "copy" {
				c.report(r, s, "ALGORITHM=COPY copies %s, blocking writes", s.table)
				return
			}
		case aConvert:
			c.report(r, s, "CONVERT TO CHARACTER SET copies %s, blocking writes", s.table)
			return
		case aDropPrimaryKey:
			if !addsPK {
				c.report(r, s, "DROP PRIMARY KEY without adding another copies %s, blocking writes", s.table)
				return
			}
		}
	}
	c.typeChanges(s, func(a action, from string) {
		if from == "" || c.e.sameType(from, a.typ) {
			return
		}
		tc := c.e.typeChange(from, a.typ)
		if tc.Known && tc.Rewrite {
			c.report(r, s, "changes %s.%s from %s to %s: ALGORITHM=COPY, writes to %s blocked while it is copied", s.table, a.colName, from, a.typ, s.table)
		}
	})
}

func (c *revCtx) touchesExistingOnce() bool {
	if c.touches == 0 {
		c.touches = 2
		if c.touchesExisting() {
			c.touches = 1
		}
	}
	return c.touches == 1
}

func (c *revCtx) touchesExisting() bool {
	created := map[string]bool{}
	for _, raw := range c.sec.Statements {
		if s := classify(raw.SQL, raw.Line); s.kind == kCreateTable {
			created[s.table] = true
		}
	}
	old := func(n string) bool { return n != "" && (c.root.tables[n] != nil || !created[n]) }
	for _, raw := range c.sec.Statements {
		s := classify(raw.SQL, raw.Line)
		switch s.kind {
		case kAlterTable, kCreateIndex, kDelete:
			if old(s.table) {
				return true
			}
		case kDropTable, kTruncate, kRenameTables:
			for _, n := range s.tables {
				if old(n) {
					return true
				}
			}
		case kOther:
			switch firstWord(s.sql) {
			case "insert", "update", "replace":
				return true
			}
		}
	}
	return false
}

func withCharset(typ, own, table string) string {
	cs := own
	if cs == "" {
		cs = table
	}
	if cs == "" {
		return typ
	}
	return typ + " charset " + cs
}
