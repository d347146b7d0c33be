package lint

// The checks of the rules every dialect shares.

import (
	"fmt"
	"slices"
	"strings"
)

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
		if t != nil && c.fresh(t.newIn) {
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
				if nt.columns[cn] == nil && !nt.partial {
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
		if col := t.columns[a.colName]; col != nil && c.fresh(col.newIn) {
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

// checkLikelyRename reports a column dropped from a table that existed
// before the revision while the upgrade's net effect adds exactly one new
// column of the same type to that table: what autogenerate writes for a
// rename it was not told about.
func checkLikelyRename(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kAlterTable || c.section != "upgrade" {
		return
	}
	t := c.existed(s.table)
	if t == nil {
		return
	}
	root := c.root.tables[s.table]
	for _, a := range s.actions {
		if a.kind != aDropColumn {
			continue
		}
		old := t.columns[a.colName]
		if old == nil || old.typ == "" || c.fresh(old.newIn) || root == nil {
			continue
		}
		table, colName, typ := s.table, a.colName, old.typ
		added := func(final *state) []string {
			nt := final.tables[table]
			if nt == nil || nt.columns[colName] != nil {
				return nil
			}
			var out []string
			for name, col := range nt.columns {
				if root.columns[name] == nil && c.e.sameType(col.typ, typ) {
					out = append(out, name)
				}
			}
			return out
		}
		c.deferred = append(c.deferred, deferredFinding{
			f:    c.finding(r, s, ""),
			keep: func(final *state) bool { return len(added(final)) == 1 },
			describe: func(final *state) string {
				n := added(final)[0]
				return fmt.Sprintf("drops column %s.%s and adds %s.%s of the same type (%s): if it is a rename, the values are lost; "+
					"rename in place instead (generate with --rename %s.%s=%s)", table, colName, table, n, typ, table, colName, n)
			},
		})
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
	case kAlterTable:
		if c.existing(s.table) == nil {
			return
		}
		for _, a := range s.actions {
			if a.value == "drop partition" || a.value == "truncate partition" {
				c.report(r, s, "%s %s of %s: every row in the partition is lost", strings.ToUpper(a.value), a.colName, s.table)
			}
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
		if a.usingConst != "" {
			c.report(r, s, "changes the type of %s.%s USING %s: every row's value is replaced by it", s.table, a.colName, a.usingConst)
			return
		}
		if from == "" || c.e.sameType(from, a.typ) {
			return
		}
		if t := c.st.tables[s.table]; t != nil && t.columns[a.colName] != nil && c.fresh(t.columns[a.colName].newIn) {
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
		if t != nil && c.fresh(t.newIn) || c.createdByUpgrade(p[0]) || c.section == "downgrade" && c.upCreated != nil && c.renamedByUpgrade(p[1], p[0]) {
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
		if col := t.columns[from]; col != nil && c.fresh(col.newIn) {
			continue
		}
		if c.section == "downgrade" && c.renamedByUpgrade(to, from) {
			continue
		}
		c.report(r, s, "renames column %s.%s to %s", s.table, from, to)
	}
}

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

func checkOverwrite(c *revCtx, r *Rule, s *stmt) {
	if s.kind != kUpdate || s.hasWhere {
		return
	}
	t := c.existing(s.table)
	if t == nil || c.createdByUpgrade(s.table) {
		return
	}
	for _, it := range s.sets {
		if !it.constant {
			continue
		}
		if col := t.columns[it.column]; col != nil && c.fresh(col.newIn) {
			continue // a column added in this revision: a backfill
		}
		c.report(r, s, "sets %s.%s to %s in every row, whatever each held", s.table, it.column, it.value)
	}
}
