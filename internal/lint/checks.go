package lint

import (
	"fmt"
	"slices"
	"strings"
)

// --- every dialect ---

// createdByUpgrade reports whether, in a downgrade, table name is one the
// upgrade created (dropping it is the reverse, not a loss).
func (c *revCtx) createdByUpgrade(name string) bool {
	if c.section != "downgrade" || c.upCreated == nil {
		return false
	}
	t := c.upCreated.tables[name]
	return t != nil && t.newIn == c.r.ID
}

func checkDropTable(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kDropTable {
		return
	}
	for _, n := range s.tables {
		t := c.st.tables[n]
		if t != nil && t.newIn == c.r.ID {
			continue // created in this revision
		}
		if t == nil && c.root.tables[n] != nil {
			continue // dropped or renamed earlier in the section
		}
		origin := n
		if t != nil && t.origin != "" {
			origin = t.origin
		}
		var cols []string
		if t != nil {
			cols = append(cols, t.order...)
		}
		// A table renamed away and rebuilt under its name (SQLite's
		// procedure) is not dropped: decide at the end of the section.
		cp, copied := c.copies[n]
		lost := c.notCopied(cp, cols)
		c.reportLater(r, s, func(final *state) bool {
			nt := final.tables[origin]
			if nt == nil || origin == n && nt.newIn != c.r.ID && nt.origin == "" {
				return true
			}
			for _, cn := range cols {
				if nt.columns[cn] == nil {
					return true
				}
			}
			if !copied || len(lost) > 0 {
				return true // rebuilt, but the rows (or some columns) were not copied
			}
			return false
		}, "%s", dropMessage(n, origin, copied, lost))
	}
}

func checkDropColumn(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	t := c.existed(s.table)
	if t == nil {
		return
	}
	for _, a := range s.actions {
		if a.kind != aDropColumn {
			continue
		}
		if col := t.columns[a.colName]; col != nil && col.newIn == c.r.ID {
			continue // added in this revision
		}
		if !t.partial && t.columns[a.colName] == nil {
			continue // no such column: nothing to lose (the statement fails or IF EXISTS skips it)
		}
		table, colName := s.table, a.colName
		c.reportLater(r, s, func(final *state) bool {
			nt := final.tables[table]
			return nt == nil || nt.columns[colName] == nil
		}, "drops column %s.%s and its data", s.table, a.colName)
	}
}

func checkDeleteAll(c *revCtx, r *Rule, s *stmt) {
	switch s.kind {
	case kTruncate:
		for _, n := range s.tables {
			if c.existing(n) != nil && !c.createdByUpgrade(n) {
				c.report(r, s, "empties table %s", n)
			}
		}
	case kDelete:
		if !s.hasWhere && c.existing(s.table) != nil && !c.createdByUpgrade(s.table) {
			c.report(r, s, "deletes every row of %s (no WHERE clause)", s.table)
		}
	}
}

func checkDropCascade(c *revCtx, r *Rule, s *stmt) {
	if s.kind == kDropObject && s.cascade {
		c.report(r, s, "DROP %s %s CASCADE also drops every column, default and view that depends on it", strings.ToUpper(s.object), strings.Join(s.tables, ", "))
	}
}

func checkDropDatabase(c *revCtx, r *Rule, s *stmt) {
	if s.kind == kDropDatabase || s.kind == kDropSchema {
		what := "database"
		if s.kind == kDropSchema {
			what = "schema"
		}
		c.report(r, s, "drops %s %s and everything in it", what, strings.Join(s.tables, ", "))
	}
}

// typeChanges yields each column type change of an ALTER TABLE on an
// existing table with the column's known old type ("" when unknown).
func (c *revCtx) typeChanges(s *stmt, fn func(a action, from string)) {
	if s.kind != kAlterTable {
		return
	}
	t := c.existing(s.table)
	if t == nil {
		return
	}
	for _, a := range s.actions {
		if a.kind != aAlterType || a.typ == "" {
			continue
		}
		col := t.columns[a.colName]
		from := ""
		if col != nil && col.typ != "" {
			from = withCharset(col.typ, col.charset, t.charset)
		}
		if a.modifyFull {
			a.typ = withCharset(a.typ, a.col.charset, t.charset)
		}
		fn(a, from)
	}
}

func checkNarrows(c *revCtx, r *Rule, s *stmt) {
	c.typeChanges(s, func(a action, from string) {
		if from == "" || c.e.sameType(from, a.typ) {
			return
		}
		if t := c.st.tables[s.table]; t != nil && t.columns[a.colName] != nil && t.columns[a.colName].newIn == c.r.ID {
			return // added in this revision: it holds only its default
		}
		tc := c.e.typeChange(from, a.typ)
		if tc.Known && tc.Narrows {
			c.report(r, s, "changes %s.%s from %s to %s, which does not hold every %s value", s.table, a.colName, from, a.typ, from)
		}
	})
}

func checkIdentifierLength(c *revCtx, r *Rule, s *stmt) {
	if c.e.adv == nil {
		return
	}
	limit := c.e.adv.MaxIdentifierBytes()
	if limit <= 0 {
		return
	}
	for _, n := range s.names {
		if len(n.name) > limit {
			c.report(r, s, "%s name %q is %d bytes, longer than the %d the server keeps", n.what, n.name, len(n.name), limit)
		}
	}
}

func checkRenameTable(c *revCtx, r *Rule, s *stmt) {
	var pairs [][2]string
	switch s.kind {
	case kRenameTables:
		for i := 0; i+1 < len(s.tables); i += 2 {
			pairs = append(pairs, [2]string{s.tables[i], s.tables[i+1]})
		}
	case kAlterTable:
		for _, a := range s.actions {
			if a.kind == aRenameTable {
				pairs = append(pairs, [2]string{s.table, a.newName})
			}
		}
	}
	for _, p := range pairs {
		t := c.st.tables[p[0]]
		if t != nil && t.newIn == c.r.ID || c.createdByUpgrade(p[0]) || c.section == "downgrade" && c.upCreated != nil && c.renamedByUpgrade(p[1], p[0]) {
			continue
		}
		if t == nil && c.root.tables[p[0]] != nil {
			continue
		}
		origin := p[0]
		if t != nil && t.origin != "" {
			origin = t.origin
		}
		// Renamed away and rebuilt under the same name: not a rename that
		// running code sees.
		c.reportLater(r, s, func(final *state) bool {
			nt := final.tables[origin]
			return nt == nil
		}, "renames table %s to %s", p[0], p[1])
	}
}

// renamedByUpgrade reports whether the upgrade renamed from → to (so the
// downgrade renaming back is the reverse).
func (c *revCtx) renamedByUpgrade(from, to string) bool {
	for _, raw := range c.r.Upgrade.Statements {
		s := classify(raw.SQL, raw.Line)
		switch s.kind {
		case kRenameTables:
			for i := 0; i+1 < len(s.tables); i += 2 {
				if s.tables[i] == from && s.tables[i+1] == to {
					return true
				}
			}
		case kAlterTable:
			for _, a := range s.actions {
				if a.kind == aRenameTable && s.table == from && a.newName == to {
					return true
				}
				if a.kind == aRenameColumn && a.colName == from && a.newName == to {
					return true
				}
				if a.kind == aAlterType && a.newName != "" && a.colName == from && a.newName == to {
					return true
				}
			}
		}
	}
	return false
}

func checkRenameColumn(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	t := c.existing(s.table)
	if t == nil || c.createdByUpgrade(s.table) {
		return
	}
	for _, a := range s.actions {
		from, to := a.colName, a.newName
		if a.kind != aRenameColumn && !(a.kind == aAlterType && a.newName != "" && a.newName != a.colName) {
			continue
		}
		if col := t.columns[from]; col != nil && col.newIn == c.r.ID {
			continue
		}
		if c.section == "downgrade" && c.renamedByUpgrade(to, from) {
			continue
		}
		c.report(r, s, "renames column %s.%s to %s", s.table, from, to)
	}
}

// --- PostgreSQL ---

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
		if ix.newIn == c.r.ID || c.existing(ix.table) == nil {
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
			if t := c.st.tables[n]; t != nil && t.newIn != c.r.ID && !c.createdByUpgrade(n) {
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

// --- MySQL / MariaDB ---

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

// --- SQLite ---

func checkSQLiteAddColumn(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	for _, a := range s.actions {
		if a.kind != aAddColumn || a.col.name == "" {
			continue
		}
		col := a.col
		why := ""
		def := strings.ToLower(strings.TrimSpace(col.defaultSQL))
		switch {
		case col.primaryKey:
			why = "PRIMARY KEY"
		case col.unique:
			why = "UNIQUE"
		case col.generated:
			why = "a stored generated column"
		case col.notNull && (!col.hasDefault || def == "null"):
			why = "NOT NULL without a non-null default"
		case strings.HasPrefix(def, "(") || def == "current_timestamp" || def == "current_date" || def == "current_time":
			why = fmt.Sprintf("a non-constant default (%s)", col.defaultSQL)
		}
		if why != "" {
			c.report(r, s, "SQLite cannot ADD COLUMN %s.%s with %s: the statement fails", s.table, col.name, why)
		}
	}
}

func checkSQLiteUnsupported(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable {
		return
	}
	for _, a := range s.actions {
		what := ""
		switch a.kind {
		case aAlterType, aSetNotNull, aDropNotNull, aSetDefault:
			what = "change a column (ALTER/MODIFY COLUMN)"
		case aAddConstraint:
			what = "add a constraint"
		case aDropConstraint, aDropPrimaryKey:
			what = "drop a constraint"
		}
		if what != "" {
			c.report(r, s, "SQLite's ALTER TABLE cannot %s: the statement fails", what)
			return
		}
	}
	if len(s.actions) > 1 {
		c.report(r, s, "SQLite's ALTER TABLE takes one action per statement: the statement fails")
		return
	}
	t := c.st.tables[s.table]
	for _, a := range s.actions {
		if a.kind != aDropColumn || t == nil {
			continue
		}
		if col := t.columns[a.colName]; col != nil && col.pk {
			c.report(r, s, "SQLite cannot drop %s.%s, which is in the primary key: the statement fails", s.table, a.colName)
			continue
		}
		for _, n := range sortedKeys(c.st.indexes) {
			if ix := c.st.indexes[n]; ix.table == s.table && slices.Contains(ix.cols, a.colName) {
				c.report(r, s, "SQLite cannot drop %s.%s, which index or constraint %s uses: the statement fails", s.table, a.colName, n)
				break
			}
		}
	}
}

func checkSQLiteRebuildFK(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kDropTable || c.fkOff {
		return
	}
	for _, n := range s.tables {
		t := c.st.tables[n]
		if t == nil {
			continue
		}
		for _, other := range sortedKeys(c.st.tables) {
			if other == n {
				continue
			}
			if c.st.tables[other].refs[n] {
				c.report(r, s, "drops %s, which %s references, with foreign keys on: its rows are deleted first, running ON DELETE actions on %s (or failing)", n, other, other)
				return
			}
		}
	}
}

// touchesExistingOnce is touchesExisting, computed once a section.
func (c *revCtx) touchesExistingOnce() bool {
	if c.touches == 0 {
		c.touches = 2
		if c.touchesExisting() {
			c.touches = 1
		}
	}
	return c.touches == 1
}

// touchesExisting reports whether the section runs DDL or DML on a table
// that existed before the revision.
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

// notCopied lists the columns of the old table (cols) that an INSERT …
// SELECT with a column list leaves out.
func (c *revCtx) notCopied(cp *stmt, cols []string) []string {
	if cp == nil || cp.indexCols == nil {
		return nil
	}
	var lost []string
	for _, cn := range cols {
		if !slices.Contains(cp.indexCols, cn) {
			lost = append(lost, cn)
		}
	}
	return lost
}

func dropMessage(n, origin string, copied bool, lost []string) string {
	switch {
	case origin != n && !copied:
		return fmt.Sprintf("drops table %s (the old %s) without copying its rows into the rebuilt %s: every row is lost", n, origin, origin)
	case origin != n && len(lost) > 0:
		return fmt.Sprintf("drops table %s (the old %s) after copying its rows without column%s %s: their data is lost", n, origin, plural(len(lost)), strings.Join(lost, ", "))
	case len(lost) > 0:
		return fmt.Sprintf("drops table %s after copying its rows without column%s %s: their data is lost", n, plural(len(lost)), strings.Join(lost, ", "))
	case origin == n && !copied:
		return fmt.Sprintf("drops table %s and every row in it", n)
	}
	return fmt.Sprintf("drops table %s and every row in it", n)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// withCharset appends MySQL's character set to a type ("varchar(50)
// charset utf8mb4"): the column's own, else the table's. The dialect reads
// it (a VARCHAR's length prefix is counted in bytes).
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
