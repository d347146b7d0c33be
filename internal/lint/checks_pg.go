package lint

// The checks of the PostgreSQL rules (rule set "pg").

import (
	"strings"
)

// addedColumns yields the columns an ALTER TABLE adds to an existing table.

func (c *revCtx) addedColumns(s *stmt, fn func(col column)) {
	if s.kind != kAlterTable || c.existing(s.table) == nil {
		return
	}
	for _, a := range s.actions {
		if a.kind == aAddColumn && a.col.name != "" {
			fn(a.col)
		}
	}
}

func checkPGAddRequired(c *revCtx, r *Rule, s *stmt) {
	c.addedColumns(s, func(col column) {
		if col.notNull && !col.hasDefault && !col.generated && !col.identity && !isSerial(col.typ) {
			c.report(r, s, "adds NOT NULL column %s.%s without a default: fails if %s has any row", s.table, col.name, s.table)
		}
	})
}

// volatileFunctions are PostgreSQL's volatile functions a default may call.

var volatileFunctions = []string{
	"random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
	"clock_timestamp", "timeofday", "nextval", "setseed", "txid_current", "gen_random_bytes", "uuidv7", "uuidv4",
}

func isVolatile(expr string) (string, bool) {
	ts := tokenize(expr)
	for i, t := range ts {
		if t.kind != tWord || i+1 >= len(ts) || !ts[i+1].punct("(") {
			continue
		}
		for _, f := range volatileFunctions {
			if strings.EqualFold(t.text, f) {
				return strings.ToLower(t.text) + "()", true
			}
		}
	}
	return "", false
}

func checkPGAddRewrite(c *revCtx, r *Rule, s *stmt) {
	c.addedColumns(s, func(col column) {
		switch {
		case col.hasDefault:
			if f, ok := isVolatile(col.defaultSQL); ok {
				c.report(r, s, "adds column %s.%s with volatile default %s: rewrites %s", s.table, col.name, f, s.table)
			}
		case isSerial(col.typ):
			c.report(r, s, "adds serial column %s.%s: filling it from the sequence rewrites %s", s.table, col.name, s.table)
		case col.generated:
			c.report(r, s, "adds stored generated column %s.%s: rewrites %s", s.table, col.name, s.table)
		case col.identity:
			c.report(r, s, "adds identity column %s.%s: rewrites %s", s.table, col.name, s.table)
		}
	})
}

// addedConstraints yields the constraints an ALTER TABLE adds to an

// existing table, with the column constraints of added columns.

func (c *revCtx) addedConstraints(s *stmt, fn func(con constraint)) {
	if s.kind != kAlterTable || c.existing(s.table) == nil {
		return
	}
	for _, a := range s.actions {
		switch a.kind {
		case aAddConstraint:
			fn(a.con)
		case aAddColumn:
			if a.col.references != "" {
				fn(constraint{kind: cForeignKey, references: a.col.references, columns: []string{a.col.name}})
			}
			if a.col.unique {
				fn(constraint{kind: cUnique, columns: []string{a.col.name}})
			}
			if a.col.primaryKey {
				fn(constraint{kind: cPrimaryKey, columns: []string{a.col.name}})
			}
			if a.col.check {
				fn(constraint{kind: cCheck, columns: []string{a.col.name}})
			}
		}
	}
}

func conName(con constraint) string {
	if con.name != "" {
		return con.name + " "
	}
	return ""
}

func checkPGForeignKey(c *revCtx, r *Rule, s *stmt) {
	c.addedConstraints(s, func(con constraint) {
		if con.kind == cForeignKey && !con.notValid {
			c.report(r, s, "adds foreign key %son %s referencing %s without NOT VALID", conName(con), s.table, con.references)
		}
	})
}

func checkPGCheck(c *revCtx, r *Rule, s *stmt) {
	c.addedConstraints(s, func(con constraint) {
		if con.kind == cCheck && !con.notValid {
			c.report(r, s, "adds check constraint %son %s without NOT VALID", conName(con), s.table)
		}
	})
	if s.kind == kAlterTable {
		for _, a := range s.actions {
			if a.kind == aAddConstraint && a.con.notValid && a.con.name != "" && !c.sec.NoTransaction {
				c.notValidAdded[a.con.name] = true
			}
		}
	}
}

func checkPGValidate(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable || c.sec.NoTransaction {
		return
	}
	for _, a := range s.actions {
		if a.kind == aValidate && c.notValidAdded[a.con.name] {
			c.report(r, s, "validates %s in the transaction that added it NOT VALID", a.con.name)
		}
	}
}

func checkPGUnique(c *revCtx, r *Rule, s *stmt) {
	c.addedConstraints(s, func(con constraint) {
		if con.kind == cUnique && !con.usingIndex {
			c.report(r, s, "adds unique constraint %son %s, building its index under an ACCESS EXCLUSIVE lock", conName(con), s.table)
		}
	})
}

func checkPGPrimaryKey(c *revCtx, r *Rule, s *stmt) {
	c.addedConstraints(s, func(con constraint) {
		if con.kind == cPrimaryKey && !con.usingIndex {
			c.report(r, s, "adds a primary key to %s, building its index under an ACCESS EXCLUSIVE lock", s.table)
		}
	})
}

func checkPGCreateIndex(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kCreateIndex || s.concurrently || s.table == "" {
		return
	}
	if c.existing(s.table) == nil || c.createdByUpgrade(s.table) {
		return
	}
	c.report(r, s, "builds index %son existing table %s without CONCURRENTLY: writes to %s wait until it is built", conName(constraint{name: s.index}), s.table, s.table)
}

func checkPGDropIndex(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kDropIndex || s.concurrently || s.index == "" {
		return
	}
	if ix := c.st.indexes[s.index]; ix != nil {
		if c.fresh(ix.newIn) || c.existing(ix.table) == nil {
			return // created in this revision (in a downgrade: by its upgrade), or on a new table
		}
	} else if c.root.indexes[s.index] != nil && c.root.indexes[s.index].table != "" {
		return // dropped earlier in the section
	}
	c.report(r, s, "drops index %s without CONCURRENTLY: ACCESS EXCLUSIVE lock on its table", s.index)
}

func checkPGConcurrentlyInTx(c *revCtx, r *Rule, s *stmt) {
	if c.sec.NoTransaction {
		return
	}
	if s.kind == kVacuum {
		c.report(r, s, "VACUUM cannot run inside a transaction block, and this %s section runs in one", c.section)
		return
	}
	if !s.concurrently {
		return
	}
	switch s.kind {
	case kCreateIndex, kDropIndex, kReindex:
		c.report(r, s, "CONCURRENTLY cannot run inside a transaction block, and this %s section runs in one", c.section)
	}
}

func checkPGRewrite(c *revCtx, r *Rule, s *stmt) {
	switch s.kind {
	case kVacuum:
		if s.full && (s.table == "" || c.existing(s.table) != nil) {
			c.report(r, s, "VACUUM FULL rewrites %s under an ACCESS EXCLUSIVE lock", orAll(s.table))
		}
	case kCluster:
		if s.table == "" || c.existing(s.table) != nil {
			c.report(r, s, "CLUSTER rewrites %s under an ACCESS EXCLUSIVE lock", orAll(s.table))
		}
	case kReindex:
		if !s.concurrently {
			c.report(r, s, "REINDEX without CONCURRENTLY blocks writes to the table while the index is rebuilt")
		}
	case kAlterTable:
		if c.existing(s.table) == nil {
			return
		}
		for _, a := range s.actions {
			if a.kind == aRewrite {
				c.report(r, s, "rewrites %s under an ACCESS EXCLUSIVE lock", s.table)
				return
			}
		}
	}
}

func orAll(table string) string {
	if table == "" {
		return "every table"
	}
	return table
}

func checkPGAlterType(c *revCtx, r *Rule, s *stmt) {
	c.typeChanges(s, func(a action, from string) {
		if from != "" && c.e.sameType(from, a.typ) {
			return
		}
		tc := c.e.typeChange(from, a.typ)
		switch {
		case !tc.Known && from == "":
			c.report(r, s, "changes the type of %s.%s to %s; its current type is unknown to lint (created before the revisions read), so a rewrite is assumed", s.table, a.colName, a.typ)
		case !tc.Known || tc.Rewrite:
			c.report(r, s, "changes %s.%s from %s to %s: rewrites %s and its indexes", s.table, a.colName, from, a.typ, s.table)
		}
	})
}

func checkPGSetNotNull(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	t := c.existing(s.table)
	if t == nil {
		return
	}
	for _, a := range s.actions {
		if a.kind != aSetNotNull {
			continue
		}
		if col := t.columns[a.colName]; col != nil && col.checked {
			continue
		}
		c.report(r, s, "SET NOT NULL on %s.%s scans every row under an ACCESS EXCLUSIVE lock (no validated CHECK (%s IS NOT NULL) to use)", s.table, a.colName, a.colName)
	}
}

func checkPGTruncateCascade(c *revCtx, r *Rule, s *stmt) {
	if s.kind == kTruncate && s.cascade {
		c.report(r, s, "TRUNCATE %s CASCADE also empties the tables that reference it", strings.Join(s.tables, ", "))
	}
}

// takesStrongLock reports whether s takes an ACCESS EXCLUSIVE or SHARE lock

// on a table that existed before the revision, and names it.

func (c *revCtx) takesStrongLock(s *stmt) (string, bool) {
	switch s.kind {
	case kAlterTable:
		if c.existing(s.table) == nil || c.createdByUpgrade(s.table) {
			return "", false
		}
		for _, a := range s.actions {
			if a.kind != aSetOption && a.kind != aValidate {
				return s.table, true
			}
		}
	case kCreateIndex:
		if !s.concurrently && c.existing(s.table) != nil && !c.createdByUpgrade(s.table) {
			return s.table, true
		}
	case kTruncate, kDropTable:
		for _, n := range s.tables {
			if t := c.st.tables[n]; t != nil && !c.fresh(t.newIn) && !c.createdByUpgrade(n) {
				return n, true
			}
		}
	}
	return "", false
}

func checkPGLockTimeout(c *revCtx, r *Rule, s *stmt) {
	if c.lockTimeout || c.lockReported || c.section != "upgrade" {
		return // a downgrade undoes the upgrade in an emergency: not held to this
	}
	if t, ok := c.takesStrongLock(s); ok {
		c.lockReported = true
		c.report(r, s, "locks existing table %s with no lock_timeout set before it in this section", t)
	}
}

// typeRule reports new columns (CREATE TABLE, ADD COLUMN, ALTER TYPE) whose

// type matches.

func typeRule(match func(typ string) bool, format string) func(c *revCtx, r *Rule, s *stmt) {
	return func(c *revCtx, r *Rule, s *stmt) {
		switch s.kind {
		case kCreateTable:
			if s.temporary {
				return
			}
			for _, col := range s.columns {
				if match(col.typ) {
					c.report(r, s, format, s.table+"."+col.name)
				}
			}
		case kAlterTable:
			for _, a := range s.actions {
				switch {
				case a.kind == aAddColumn && match(a.col.typ):
					c.report(r, s, format, s.table+"."+a.col.name)
				case a.kind == aAlterType && match(a.typ):
					c.report(r, s, format, s.table+"."+a.colName)
				}
			}
		}
	}
}

func baseType(typ string) string {
	t := strings.TrimSpace(strings.ToLower(typ))
	t = strings.TrimSuffix(t, "[]")
	if i := strings.IndexByte(t, '('); i >= 0 {
		rest := ""
		if j := strings.IndexByte(t[i:], ')'); j >= 0 {
			rest = t[i+j+1:]
		}
		t = strings.TrimSpace(t[:i] + rest)
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return strings.Join(strings.Fields(t), " ")
}

func isJSON(typ string) bool { return baseType(typ) == "json" }

func isTimestamp(typ string) bool {
	b := baseType(typ)
	return b == "timestamp" || b == "timestamp without time zone"
}

func isChar(typ string) bool {
	b := baseType(typ)
	return b == "char" || b == "character" || b == "bpchar" || b == "nchar" || b == "national character"
}

func isSerial(typ string) bool {
	switch baseType(typ) {
	case "serial", "bigserial", "smallserial", "serial2", "serial4", "serial8":
		return true
	}
	return false
}

func isSmallInt(typ string) bool {
	switch baseType(typ) {
	case "int", "integer", "int4", "smallint", "int2", "serial", "serial4", "smallserial", "serial2":
		return true
	}
	return false
}

func checkPGIntID(c *revCtx, r *Rule, s *stmt) {
	report := func(table string, col column) {
		c.report(r, s, "primary key %s.%s is %s", table, col.name, col.typ)
	}
	switch s.kind {
	case kCreateTable:
		if s.temporary {
			return
		}
		pk := map[string]bool{}
		for _, con := range s.constraints {
			if con.kind == cPrimaryKey && len(con.columns) == 1 {
				pk[con.columns[0]] = true
			}
		}
		for _, col := range s.columns {
			if (col.primaryKey || pk[col.name]) && isSmallInt(col.typ) {
				report(s.table, col)
			}
		}
	case kAlterTable:
		for _, a := range s.actions {
			if a.kind == aAddColumn && a.col.primaryKey && isSmallInt(a.col.typ) {
				report(s.table, a.col)
			}
		}
	}
}

func checkPGEnumOrder(c *revCtx, r *Rule, s *stmt) {
	if s.kind == kAlterTypeAddValue && !s.enumPlaced {
		c.report(r, s, "adds %q to enum %s without BEFORE or AFTER", s.enumValue, s.enumType)
	}
}
