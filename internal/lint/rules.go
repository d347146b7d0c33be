package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
)

// Rule is one check. Rules are values in one table (rules below): the id is
// stable (configuration and ignore comments name it), Set says which
// dialects it is written for ("" every dialect; else a set the dialect's
// dialect.LintAdvisor names).
type Rule struct {
	ID       string
	Severity Severity
	Set      string
	Doc      string // what it finds, one line
	Safe     string // the safe alternative, one line
	Squawk   string // squawk's rule id for the same hazard, "" when none
	// Example is a statement the rule reports (docs, tests).
	Example string

	check         func(c *revCtx, r *Rule, s *stmt)
	checkRevision func(c *revCtx, r *Rule)
}

// Rules returns every rule, in documentation order.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	for i, r := range rules {
		out[i] = *r
		out[i].check, out[i].checkRevision = nil, nil
	}
	return out
}

const (
	ruleIgnoreInvalid = "ignore-invalid"
	ruleReviewNote    = "review-note-left"
)

func ruleByID(id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// suggestRule returns the rule id closest to id, if close enough.
func suggestRule(id string) string {
	norm := strings.ToLower(strings.ReplaceAll(id, "_", "-"))
	ids := make([]string, len(rules))
	for i, r := range rules {
		if strings.Contains(r.ID, norm) && len(norm) >= 4 {
			return r.ID
		}
		ids[i] = r.ID
	}
	return suggest.Closest(norm, ids, 4)
}

var rules = []*Rule{
	// Every dialect: the revision file.
	{ID: "downgrade-missing", Severity: Error,
		Doc:           "the revision has no downgrade section, or an empty one, while its upgrade changes something",
		Safe:          "write the statements that undo the upgrade; mark a downgrade that truly has nothing to undo with `-- +retort empty`",
		Example:       "-- +retort upgrade\nALTER TABLE users ADD COLUMN nick text;\n-- (no downgrade)",
		checkRevision: checkDowngradeMissing},
	{ID: "downgrade-not-reverse", Severity: Error,
		Doc:     "the downgrade does not bring the schema back to what it was before the upgrade (read from the DDL of both sections; with --stairway, measured on a scratch database)",
		Safe:    "make the downgrade undo each change of the upgrade: drop what it adds, re-create what it drops, rename back what it renames",
		Example: "-- +retort upgrade\nALTER TABLE users ADD COLUMN nick text;\n-- +retort downgrade\nALTER TABLE users DROP COLUMN name;"},
	{ID: "message-uninformative", Severity: Warning,
		Doc:           "the revision's message says nothing (\"update\", \"fix\", \"wip\", empty)",
		Safe:          "say what the revision changes, e.g. \"add users.nick\"",
		Example:       "-- wip",
		checkRevision: checkMessage},
	{ID: ruleReviewNote, Severity: Warning,
		Doc:           "a `-- REVIEW:` note autogenerate wrote is still in the upgrade section",
		Safe:          "read the note, change the statement if needed, then delete the line (or turn it into a plain comment)",
		Example:       "-- REVIEW: drops column users.legacy and its data",
		checkRevision: checkReviewNotes},
	{ID: "manual-block-left", Severity: Error,
		Doc:           "a `-- +retort manual` block that `retort import` left for a person is still in a section (upgrade and downgrade refuse the section)",
		Safe:          "write SQL that does what the quoted source did, then delete the block and its marker line",
		Example:       "-- +retort manual\n-- Not translated (a goose Go migration; write what its up function does as SQL), from db/migrations/00004_backfill.go:11.",
		checkRevision: checkManualBlocks},
	{ID: ruleIgnoreInvalid, Severity: Error,
		Doc:     "a `-- retort:ignore` comment without a known rule id or without a reason",
		Safe:    "write `-- retort:ignore RULE-ID reason` on the line above the statement",
		Example: "-- retort:ignore drop-table"},

	// Every dialect: data loss.
	{ID: "drop-table", Severity: Error, Squawk: "ban-drop-table",
		Doc:     "drops a table that existed before the revision, and its rows",
		Safe:    "stop using the table in the code first and drop it in a later release, keeping a backup; say so with `-- retort:ignore drop-table reason`",
		Example: "DROP TABLE legacy_orders;", check: checkDropTable},
	{ID: "drop-column", Severity: Error, Squawk: "ban-drop-column",
		Doc:     "drops a column that existed before the revision, and its data",
		Safe:    "stop reading and writing the column in the code first, drop it in a later release; say so with `-- retort:ignore drop-column reason`",
		Example: "ALTER TABLE users DROP COLUMN legacy;", check: checkDropColumn},
	{ID: "likely-rename", Severity: Warning,
		Doc:     "drops a column and adds exactly one new column of the same type to the same table in one upgrade: if that is a rename, the column's data is lost (a drop marked deliberate with `-- retort:ignore drop-column reason` is not reported)",
		Safe:    "rename in place (ALTER TABLE … RENAME COLUMN …, or generate the revision again with `retort revision --autogenerate --rename TABLE.OLD=NEW`); if it truly is a new column, say so with `-- retort:ignore likely-rename reason`",
		Example: "ALTER TABLE trends DROP COLUMN score;\nALTER TABLE trends ADD COLUMN points integer;", check: checkLikelyRename},
	{ID: "delete-all-rows", Severity: Error,
		Doc:     "TRUNCATE, DELETE without WHERE (or with WHERE 1 = 1), or MySQL's DROP / TRUNCATE PARTITION, on a table that existed before the revision",
		Safe:    "delete only the rows meant to go, with a WHERE clause; keep a copy of what is deleted",
		Example: "DELETE FROM sessions;", check: checkDeleteAll},
	{ID: "update-all-rows", Severity: Warning,
		Doc:     "UPDATE without WHERE sets a column that existed before the revision to one constant in every row, overwriting what each row held",
		Safe:    "update only the rows meant to change (WHERE c IS NULL for a backfill); keep a copy of the old values if they matter",
		Example: "UPDATE users SET plan = 'free';", check: checkOverwrite},
	{ID: "drop-cascade", Severity: Error,
		Doc:     "DROP TYPE / DOMAIN / FUNCTION / SEQUENCE / EXTENSION … CASCADE also drops what depends on it: the columns of that type, defaults, views",
		Safe:    "drop or change the dependent columns and views first, by name, then drop the object without CASCADE",
		Example: "DROP TYPE status CASCADE;", check: checkDropCascade},
	{ID: "drop-database", Severity: Error, Squawk: "ban-drop-database",
		Doc:     "drops a database or schema, and everything in it",
		Safe:    "do not drop databases from a migration; do it by hand, with a backup",
		Example: "DROP SCHEMA reporting CASCADE;", check: checkDropDatabase},
	{ID: "type-change-narrows", Severity: Error,
		Doc:     "changes a column to a type that does not hold every value of the old one (the change fails, or truncates or rounds values), or with a USING that is a constant (every value replaced)",
		Safe:    "check the data fits first (SELECT max(length(c)) …), or add a new column, copy with an explicit conversion, and switch over",
		Example: "ALTER TABLE users ALTER COLUMN name TYPE varchar(20); -- was varchar(100)", check: checkNarrows},
	{ID: "identifier-too-long", Severity: Error,
		Doc:     "a name longer than the server keeps (PostgreSQL truncates past 63 bytes, MySQL refuses past 64)",
		Safe:    "use a shorter name",
		Example: "CREATE INDEX ix_an_index_name_that_goes_on_and_on_well_past_the_sixty_three_byte_limit ON t (c);", check: checkIdentifierLength},
	{ID: "rename-table", Severity: Warning, Squawk: "renaming-table",
		Doc:     "renames a table that existed before the revision: running code that uses the old name fails",
		Safe:    "create the new table (or a view under the new name), move the code over, then drop the old name in a later release",
		Example: "ALTER TABLE users RENAME TO accounts;", check: checkRenameTable},
	{ID: "rename-column", Severity: Warning, Squawk: "renaming-column",
		Doc:     "renames a column of a table that existed before the revision: running code that uses the old name fails",
		Safe:    "add the new column, write both, backfill, move the readers, then drop the old column in a later release",
		Example: "ALTER TABLE users RENAME COLUMN name TO full_name;", check: checkRenameColumn},

	// PostgreSQL.
	{ID: "pg-add-column-required", Severity: Error, Set: "pg", Squawk: "adding-required-field",
		Doc:     "adds a NOT NULL column without a default to an existing table: fails as soon as the table has a row",
		Safe:    "add the column with a non-volatile DEFAULT, or nullable, backfill, then SET NOT NULL (see pg-set-not-null)",
		Example: "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;", check: checkPGAddRequired},
	{ID: "pg-add-column-rewrite", Severity: Error, Set: "pg", Squawk: "adding-field-with-default",
		Doc:     "adds a column whose default is volatile (random(), gen_random_uuid(), clock_timestamp(), a serial's nextval), a stored generated column or an identity to an existing table: PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock",
		Safe:    "add the column without the default (or with a constant one), then SET DEFAULT and backfill in batches",
		Example: "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();", check: checkPGAddRewrite},
	{ID: "pg-add-foreign-key", Severity: Error, Set: "pg", Squawk: "adding-foreign-key-constraint",
		Doc:     "adds a foreign key to an existing table without NOT VALID: every row is checked while writes to both tables are blocked",
		Safe:    "ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a later revision (or a no-transaction section)",
		Example: "ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);", check: checkPGForeignKey},
	{ID: "pg-add-check", Severity: Error, Set: "pg", Squawk: "constraint-missing-not-valid",
		Doc:     "adds a CHECK constraint to an existing table without NOT VALID: every row is checked under an ACCESS EXCLUSIVE lock",
		Safe:    "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a later revision",
		Example: "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0);", check: checkPGCheck},
	{ID: "pg-validate-same-transaction", Severity: Error, Set: "pg", Squawk: "constraint-missing-not-valid",
		Doc:     "validates a constraint in the transaction that added it NOT VALID: the ACCESS EXCLUSIVE lock of the ADD is held while every row is checked",
		Safe:    "VALIDATE CONSTRAINT in a later revision, or in a `-- +retort no-transaction` section",
		Example: "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive;", check: checkPGValidate},
	{ID: "pg-add-unique-constraint", Severity: Error, Set: "pg", Squawk: "disallowed-unique-constraint",
		Doc:     "adds a UNIQUE constraint to an existing table: the index is built under an ACCESS EXCLUSIVE lock that blocks reads and writes",
		Safe:    "CREATE UNIQUE INDEX CONCURRENTLY (no-transaction section), then ADD CONSTRAINT … UNIQUE USING INDEX",
		Example: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", check: checkPGUnique},
	{ID: "pg-add-primary-key", Severity: Error, Set: "pg", Squawk: "adding-primary-key-constraint",
		Doc:     "adds a primary key to an existing table: the index is built (and NOT NULL checked) under an ACCESS EXCLUSIVE lock",
		Safe:    "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … PRIMARY KEY USING INDEX",
		Example: "ALTER TABLE events ADD PRIMARY KEY (id);", check: checkPGPrimaryKey},
	{ID: "pg-create-index-concurrently", Severity: Error, Set: "pg", Squawk: "require-concurrent-index-creation",
		Doc:     "creates an index on an existing table without CONCURRENTLY: writes to the table are blocked while it builds",
		Safe:    "CREATE INDEX CONCURRENTLY in a `-- +retort no-transaction` section",
		Example: "CREATE INDEX ix_orders_user ON orders (user_id);", check: checkPGCreateIndex},
	{ID: "pg-drop-index-concurrently", Severity: Error, Set: "pg", Squawk: "require-concurrent-index-deletion",
		Doc:     "drops an index of an existing table without CONCURRENTLY: takes an ACCESS EXCLUSIVE lock on the table",
		Safe:    "DROP INDEX CONCURRENTLY in a `-- +retort no-transaction` section",
		Example: "DROP INDEX ix_orders_user;", check: checkPGDropIndex},
	{ID: "pg-concurrently-in-transaction", Severity: Error, Set: "pg", Squawk: "ban-concurrent-index-creation-in-transaction",
		Doc:     "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY or VACUUM in a section that runs in a transaction: PostgreSQL refuses it",
		Safe:    "put `-- +retort no-transaction` right after the section marker (and keep the statement alone in its revision)",
		Example: "-- +retort upgrade\nCREATE INDEX CONCURRENTLY ix_orders_user ON orders (user_id);", check: checkPGConcurrentlyInTx},
	{ID: "pg-rewrite-table", Severity: Error, Set: "pg",
		Doc:     "VACUUM FULL, CLUSTER, REINDEX without CONCURRENTLY, or ALTER TABLE … SET LOGGED / UNLOGGED / TABLESPACE on an existing table: the table (or index) is rebuilt under a lock that blocks writes, and for most of these reads too",
		Safe:    "REINDEX CONCURRENTLY; pg_repack for VACUUM FULL and CLUSTER; run maintenance outside migrations",
		Example: "VACUUM FULL orders;", check: checkPGRewrite},
	{ID: "pg-alter-column-type", Severity: Error, Set: "pg", Squawk: "changing-column-type",
		Doc:     "changes a column's type in a way that rewrites the table (and its indexes) under an ACCESS EXCLUSIVE lock; widening varchar, varchar → text and raising numeric precision are not reported",
		Safe:    "add a new column of the new type, write both, backfill in batches, switch readers, drop the old column",
		Example: "ALTER TABLE orders ALTER COLUMN amount TYPE bigint; -- was integer", check: checkPGAlterType},
	{ID: "pg-set-not-null", Severity: Error, Set: "pg", Squawk: "adding-not-nullable-field",
		Doc:     "SET NOT NULL on a column of an existing table without a validated CHECK (col IS NOT NULL): every row is scanned under an ACCESS EXCLUSIVE lock",
		Safe:    "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (later); then SET NOT NULL (PostgreSQL 12+ uses the check) and drop the check",
		Example: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", check: checkPGSetNotNull},
	{ID: "pg-truncate-cascade", Severity: Error, Set: "pg", Squawk: "ban-truncate-cascade",
		Doc:     "TRUNCATE … CASCADE also empties every table that references these, however many",
		Safe:    "truncate the tables you mean by name, without CASCADE",
		Example: "TRUNCATE users CASCADE;", check: checkPGTruncateCascade},
	{ID: "pg-lock-timeout", Severity: Warning, Set: "pg", Squawk: "require-timeout-settings",
		Doc:     "takes an ACCESS EXCLUSIVE (or SHARE) lock on an existing table with no lock_timeout set in the section: queued behind a long query, it blocks every query after it",
		Safe:    "SET lock_timeout = '5s'; at the top of the section (retry the migration if it times out)",
		Example: "ALTER TABLE users ADD COLUMN nick text;", check: checkPGLockTimeout},
	{ID: "pg-prefer-jsonb", Severity: Warning, Set: "pg",
		Doc:     "a json column: stored as text, reparsed on every use, no equality and no GIN index",
		Safe:    "use jsonb",
		Example: "CREATE TABLE t (doc json);", check: typeRule(isJSON, "column %s is json")},
	{ID: "pg-prefer-timestamptz", Severity: Warning, Set: "pg", Squawk: "prefer-timestamptz",
		Doc:     "a timestamp without time zone: values depend on the writer's time zone and compare wrongly across zones",
		Safe:    "use timestamptz (timestamp with time zone)",
		Example: "CREATE TABLE t (created_at timestamp);", check: typeRule(isTimestamp, "column %s is timestamp without time zone")},
	{ID: "pg-ban-char", Severity: Warning, Set: "pg", Squawk: "ban-char-field",
		Doc:     "a char(n) column: pads with spaces, compares oddly and is no faster than text",
		Safe:    "use text (with a CHECK on length if needed) or varchar",
		Example: "CREATE TABLE t (code char(3));", check: typeRule(isChar, "column %s is char(n)")},
	{ID: "pg-prefer-identity", Severity: Warning, Set: "pg", Squawk: "prefer-identity",
		Doc:     "a serial column: its sequence has separate ownership and permissions and is easy to get out of step",
		Safe:    "use bigint GENERATED BY DEFAULT AS IDENTITY",
		Example: "CREATE TABLE t (id serial PRIMARY KEY);", check: typeRule(isSerial, "column %s is serial")},
	{ID: "pg-int-id", Severity: Warning, Set: "pg", Squawk: "prefer-bigint-over-int",
		Doc:     "a 32-bit (or 16-bit) integer primary key: overflows at 2 147 483 647 rows inserted, and widening it later rewrites the table",
		Safe:    "use bigint (bigint GENERATED BY DEFAULT AS IDENTITY)",
		Example: "CREATE TABLE t (id integer PRIMARY KEY);", check: checkPGIntID},
	{ID: "pg-enum-value-order", Severity: Warning, Set: "pg", Squawk: "require-enum-value-ordering",
		Doc:     "ALTER TYPE … ADD VALUE without BEFORE or AFTER appends the value last, which decides how the enum sorts and compares",
		Safe:    "say where the value goes: ADD VALUE 'x' BEFORE 'y' (or AFTER), even when last is right",
		Example: "ALTER TYPE status ADD VALUE 'archived';", check: checkPGEnumOrder},

	// MySQL / MariaDB.
	{ID: "mysql-implicit-commit", Severity: Warning, Set: "mysql",
		Doc:     "a section with several statements including DDL: MySQL commits each DDL statement at once, so a failure part-way leaves the revision half applied (retort stops and asks for `retort resolve`)",
		Safe:    "one DDL statement per revision, or statements that can each be re-run (IF NOT EXISTS / IF EXISTS)",
		Example: "ALTER TABLE users ADD COLUMN nick varchar(50);\nCREATE INDEX ix_users_nick ON users (nick);", check: checkMySQLImplicitCommit},
	{ID: "mysql-alter-copy", Severity: Error, Set: "mysql",
		Doc:     "an ALTER that MySQL/MariaDB runs on an existing table with writes blocked: ALGORITHM=COPY (a column type change that is not an in-place widening, CONVERT TO CHARACTER SET, DROP PRIMARY KEY alone, a foreign key with foreign_key_checks on, a stored generated column), LOCK=SHARED (FULLTEXT and SPATIAL indexes, an AUTO_INCREMENT column), or ALGORITHM=COPY / LOCK=SHARED / LOCK=EXCLUSIVE written out",
		Safe:    "add a new column and backfill, or use an online schema change tool (gh-ost, pt-online-schema-change)",
		Example: "ALTER TABLE orders MODIFY amount bigint NOT NULL; -- was int", check: checkMySQLCopy},

	// SQLite.
	{ID: "sqlite-add-column-invalid", Severity: Error, Set: "sqlite",
		Doc:     "ADD COLUMN with what SQLite refuses there: PRIMARY KEY, UNIQUE, NOT NULL without a non-null default, a CURRENT_* or expression default, a stored generated column",
		Safe:    "rebuild the table (create the new one, copy the rows, drop the old, rename), as autogenerate writes it",
		Example: "ALTER TABLE users ADD COLUMN email text NOT NULL;", check: checkSQLiteAddColumn},
	{ID: "sqlite-alter-unsupported", Severity: Error, Set: "sqlite",
		Doc:     "an ALTER TABLE action SQLite does not have (ALTER COLUMN, ADD/DROP CONSTRAINT, MODIFY…): the statement fails",
		Safe:    "rebuild the table (create the new one, copy the rows, drop the old, rename), as autogenerate writes it",
		Example: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", check: checkSQLiteUnsupported},
	{ID: "sqlite-rebuild-foreign-keys", Severity: Error, Set: "sqlite",
		Doc:     "drops a table that other tables reference while foreign keys are on: the implicit DELETE runs their ON DELETE actions (cascading deletes) or fails",
		Safe:    "put `PRAGMA foreign_keys = OFF;` first in the section (retort turns them off around the revision's transaction and checks them after)",
		Example: "DROP TABLE users; -- orders.user_id REFERENCES users", check: checkSQLiteRebuildFK},
}

// --- revision-level checks ---

func checkDowngradeMissing(c *revCtx, r *Rule) {
	if len(c.r.Upgrade.Statements) == 0 {
		return // a merge point or an empty revision: nothing to undo
	}
	switch {
	case !c.r.Downgrade.Present:
		c.reportAt(r, "", 1, "revision %s has no downgrade section: `retort downgrade` past it cannot undo its upgrade", c.r.ID)
	case len(c.r.Downgrade.Statements) == 0 && !c.r.Downgrade.Empty:
		c.reportAt(r, "downgrade", c.r.Downgrade.Line, "the downgrade section of %s is empty: downgrading past it leaves the upgrade's changes in place", c.r.ID)
	}
}

var emptyMessages = map[string]bool{
	"": true, "update": true, "updates": true, "fix": true, "fixes": true, "wip": true, "changes": true,
	"change": true, "misc": true, "tmp": true, "temp": true, "test": true, "migration": true, "stuff": true,
	"empty message": true, "todo": true, "asdf": true, "x": true, "new migration": true, "revision": true,
	"fixup": true, "minor": true, "minor changes": true, "cleanup": true, "more": true, "schema": true, "db": true,
}

func checkMessage(c *revCtx, r *Rule) {
	m := strings.ToLower(strings.TrimSpace(c.r.Message))
	m = strings.Trim(m, ".!- ")
	if emptyMessages[m] || len(m) < 3 {
		shown := strings.TrimSpace(c.r.Message)
		if shown == "" {
			c.reportAt(r, "", 1, "revision %s has no message", c.r.ID)
			return
		}
		c.reportAt(r, "", 1, "revision %s's message %q says nothing about what it changes", c.r.ID, shown)
	}
}

// checkReviewNotes reports "-- REVIEW:" lines between the upgrade marker
// and the downgrade marker (or the end).
func checkReviewNotes(c *revCtx, r *Rule) {
	if !c.r.Upgrade.Present {
		return
	}
	end := 1 << 30
	if c.r.Downgrade.Present && c.r.Downgrade.Line > c.r.Upgrade.Line {
		end = c.r.Downgrade.Line
	}
	// Consecutive notes (those above one statement) are one finding.
	var notes []string
	first := 0
	flush := func() {
		if len(notes) > 0 {
			c.reportAt(r, "upgrade", first, "unreviewed note%s: %s", plural(len(notes)), strings.Join(notes, "; "))
		}
		notes = nil
	}
	for i, text := range strings.Split(c.r.Source, "\n") {
		line := i + 1
		if line <= c.r.Upgrade.Line || line >= end {
			continue
		}
		t := strings.TrimSpace(text)
		if !strings.HasPrefix(t, "--") {
			flush()
			continue
		}
		t = strings.TrimSpace(t[2:])
		if len(t) >= 7 && strings.EqualFold(t[:7], "REVIEW:") {
			if len(notes) == 0 {
				first = line
			}
			notes = append(notes, strings.TrimSpace(t[7:]))
		}
	}
	flush()
}

// checkManualBlocks reports each "-- +retort manual" block of both
// sections.
func checkManualBlocks(c *revCtx, r *Rule) {
	for _, sec := range []struct {
		name  string
		lines []int
	}{{"upgrade", c.r.Upgrade.Manual}, {"downgrade", c.r.Downgrade.Manual}} {
		for _, line := range sec.lines {
			c.reportAt(r, sec.name, line, "the %s section still holds a block retort import could not translate; %s refuses to run it", sec.name, sec.name)
		}
	}
}

// checkReverse compares the schema before the upgrade with the schema after
// upgrade and downgrade.
func (c *revCtx) checkReverse(after *state) {
	r := ruleByID("downgrade-not-reverse")
	if !c.e.on(r) {
		return
	}
	if m := c.r.Reverse; m != nil {
		// Measured on a database: what it found, and nothing from the DDL.
		if m.Message != "" {
			line := m.Line
			if line == 0 {
				line = c.r.Downgrade.Line
			}
			c.reportAt(r, "downgrade", line, "%s", m.Message)
		}
		return
	}
	if len(c.r.Upgrade.Statements) == 0 || c.opaque() {
		return
	}
	before := c.root
	line := c.r.Downgrade.Line
	var diffs []string
	for _, n := range sortedKeys(before.tables) {
		bt := before.tables[n]
		at := after.tables[n]
		if at == nil {
			diffs = append(diffs, fmt.Sprintf("table %s is gone (the downgrade does not re-create it)", n))
			continue
		}
		for _, cn := range bt.order {
			bc := bt.columns[cn]
			ac := at.columns[cn]
			switch {
			case ac == nil:
				diffs = append(diffs, fmt.Sprintf("column %s.%s is gone (the downgrade does not restore it)", n, cn))
			case bc.typ != "" && ac.typ != "" && !c.e.sameType(bc.typ, ac.typ):
				diffs = append(diffs, fmt.Sprintf("column %s.%s is %s, was %s", n, cn, ac.typ, bc.typ))
			case bc.notNullKnown && ac.notNullKnown && bc.notNull != ac.notNull && !bc.pk && !ac.pk:
				was := "nullable"
				if bc.notNull {
					was = "NOT NULL"
				}
				diffs = append(diffs, fmt.Sprintf("column %s.%s is no longer %s", n, cn, was))
			}
		}
		for _, cn := range at.order {
			// A partial table re-created by the downgrade shows columns lint
			// never knew; only those the revision added are left behind.
			if bt.columns[cn] == nil && (!bt.partial || at.newIn != c.r.ID && at.columns[cn].newIn == c.r.ID) {
				diffs = append(diffs, fmt.Sprintf("column %s.%s is left behind (the downgrade does not drop it)", n, cn))
			}
		}
	}
	for _, n := range sortedKeys(after.tables) {
		if before.tables[n] == nil {
			diffs = append(diffs, fmt.Sprintf("table %s is left behind (the downgrade does not drop it)", n))
		}
	}
	for _, n := range sortedKeys(before.indexes) {
		if before.indexes[n].discovered {
			continue // known only from a drop: perhaps the server's name for an unnamed constraint
		}
		if after.indexes[n] == nil && (before.tables[before.indexes[n].table] == nil || after.tables[before.indexes[n].table] != nil) {
			diffs = append(diffs, fmt.Sprintf("index or constraint %s is gone (the downgrade does not re-create it)", n))
		}
	}
	for _, n := range sortedKeys(after.indexes) {
		if before.indexes[n] == nil {
			diffs = append(diffs, fmt.Sprintf("index or constraint %s is left behind (the downgrade does not drop it)", n))
		}
	}
	for _, k := range sortedKeys(before.objects) {
		if _, ok := after.objects[k]; !ok && before.objects[k] {
			diffs = append(diffs, fmt.Sprintf("%s is gone (the downgrade does not re-create it)", k))
		}
	}
	for _, k := range sortedKeys(after.objects) {
		if _, ok := before.objects[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s is left behind (the downgrade does not drop it)", k))
		}
	}
	if len(diffs) > 0 {
		c.section, c.sec = "downgrade", &c.r.Downgrade
		c.reportAt(r, "downgrade", line, "after upgrade and downgrade the schema differs from before the upgrade: %s", strings.Join(diffs, "; "))
		c.section, c.sec = "", nil
	}
}

// opaque reports whether a section holds a statement that may change the
// tracked schema in a way the classifier does not read; the reverse check
// is then skipped rather than guessed.
func (c *revCtx) opaque() bool {
	for _, sec := range []*Section{&c.r.Upgrade, &c.r.Downgrade} {
		for _, raw := range sec.Statements {
			s := classify(raw.SQL, raw.Line)
			switch s.kind {
			case kAlterTable:
				for _, a := range s.actions {
					if a.kind == aOther {
						return true
					}
				}
			case kCreateTable:
				if s.asSelect {
					return true
				}
			case kOther:
				switch firstWord(s.sql) {
				case "do", "call", "execute", "exec", "begin":
					return true
				case "create":
					if !createsUntracked(s.sql) {
						return true
					}
				}
			}
		}
	}
	return false
}

// createsUntracked reports whether a CREATE statement makes an object lint
// does not track (a view, function, sequence…), which changes no tracked
// table.
func createsUntracked(sql string) bool {
	for _, t := range tokenize(sql)[1:] {
		switch strings.ToLower(t.text) {
		case "view", "function", "procedure", "trigger", "sequence", "extension", "type", "domain", "schema",
			"policy", "rule", "event", "aggregate", "operator", "collation", "publication", "role", "user", "database":
			return true
		case "or", "replace", "temporary", "temp", "materialized", "recursive", "definer", "=", "algorithm",
			"sql", "security", "invoker", "constraint", "unique", "if", "not", "exists":
			continue
		}
		if t.kind == tWord || t.kind == tIdent {
			// DEFINER = user@host and the like: keep looking a little
			continue
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
