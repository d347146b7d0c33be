package lint

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
