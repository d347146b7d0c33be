package mysql

import (
	"context"
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/schema"
)

// Triggers, stored functions and procedures, and events are objects
// (schema.Object). Each one's SQL is the server's CREATE statement; its
// Def, compared, is that statement with the definer as the view_definer
// rule keeps it. The DEFINER clause is written into SQL only under the
// "exact" rule: otherwise the object takes the migrating account, as it
// did in the models' scratch database.

// definerClause is the DEFINER clause of CREATE for definer ("user@host")
// under rule, "" when it is not written.
func definerClause(definer, rule string) string {
	if rule != schema.ViewDefinerExact || definer == "" {
		return ""
	}
	user, host, ok := strings.Cut(definer, "@")
	if i := strings.LastIndex(definer, "@"); i >= 0 {
		user, host = definer[:i], definer[i+1:]
	}
	if !ok {
		return "DEFINER=" + quote(user) + " "
	}
	return "DEFINER=" + quote(user) + "@" + quote(host) + " "
}

// objectDef is what is compared of an object: its statement and its
// definer as rule keeps it.
func objectDef(sql, definer, rule string) string {
	if d := normalDefiner(definer, rule); d != "" {
		return "DEFINER " + d + "\n" + sql
	}
	return sql
}

// triggers reads the triggers in the order the server fires them: one
// that follows another of the same table, timing and event is created
// FOLLOWS it, and its Def holds the one before's, so that redoing that one
// redoes those after it, which keeps the order. A trigger is in its
// table's schema; EVENT_OBJECT_SCHEMA, on which MariaDB looks triggers up,
// keeps it from reading every database on the server.
func (in *inspector) triggers(ctx context.Context) error {
	rows, err := in.db.QueryContext(ctx, `SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, coalesce(DEFINER, '')
FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_SCHEMA = DATABASE()
ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var prev *schema.Object
	var prevKey string
	for rows.Next() {
		var name, table, timing, event, body, definer string
		if err := rows.Scan(&name, &table, &timing, &event, &body, &definer); err != nil {
			return err
		}
		if in.tables[table] == nil && in.o.Skipped("", table) {
			continue // on a table left out
		}
		o := &schema.Object{Kind: "trigger", Name: name, Table: table}
		if in.o.SkippedObject(o) {
			continue
		}
		head := "CREATE " + definerClause(definer, in.o.ViewDefiner) + "TRIGGER " + quote(name) + " " + timing + " " + event + " ON " + quote(table) + " FOR EACH ROW "
		key := table + "\x00" + timing + "\x00" + event
		o.Def = objectDef(timing+" "+event+" ON "+quote(table)+" FOR EACH ROW "+body, definer, in.o.ViewDefiner)
		if prev != nil && prevKey == key {
			head += "FOLLOWS " + quote(prev.Name) + " "
			o.Def += "\nFOLLOWS " + prev.Name + ":\n" + prev.Def
			o.DependsOn = []string{prev.Name}
		}
		o.SQL = head + body
		in.s.Objects = append(in.s.Objects, o)
		prev, prevKey = o, key
	}
	return rows.Err()
}

// createDefiner is the DEFINER clause of a SHOW CREATE statement.
var createDefiner = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("^CREATE DEFINER=(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^@ ]+)(?:@(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^ ]+))? ")
})

// withDefiner is a SHOW CREATE statement with its DEFINER clause as rule
// writes it.
func withDefiner(stmt, definer, rule string) string {
	return createDefiner().ReplaceAllLiteralString(stmt, "CREATE "+definerClause(definer, rule))
}

// routines reads the stored functions and procedures from SHOW CREATE
// FUNCTION / PROCEDURE: the header as the server rebuilds it, the body as
// written. MySQL/MariaDB refuse stored functions in defaults, checks and
// generated columns, and resolve the tables a routine reads when it runs,
// so routines depend on nothing: they are created before the tables and
// dropped after them.
func (in *inspector) routines(ctx context.Context) error {
	type routine struct{ kind, name, definer string }
	var list []routine
	rows, err := in.db.QueryContext(ctx, `SELECT lower(ROUTINE_TYPE), ROUTINE_NAME, coalesce(DEFINER, '') FROM information_schema.ROUTINES
WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') ORDER BY 1, 2`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var r routine
		if err := rows.Scan(&r.kind, &r.name, &r.definer); err != nil {
			rows.Close()
			return err
		}
		list = append(list, r)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, r := range list {
		o := &schema.Object{Kind: r.kind, Name: r.name}
		if in.o.SkippedObject(o) {
			continue
		}
		stmt, err := in.showCreate(ctx, strings.ToUpper(r.kind), r.name)
		if err != nil {
			return err
		}
		o.SQL = withDefiner(stmt, r.definer, in.o.ViewDefiner)
		o.Def = objectDef(withDefiner(stmt, "", ""), r.definer, in.o.ViewDefiner)
		in.s.Objects = append(in.s.Objects, o)
	}
	return nil
}

// eventStarts is the STARTS of a recurring event, which the server sets to
// the time of creation when the statement gives none.
var eventStarts = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(` STARTS '[^']*'`) })

// events reads the scheduled events from SHOW CREATE EVENT. A recurring
// event's STARTS that is the moment it was created (what the server sets
// when the statement gives none, and differs between any two databases)
// is left out of both SQL and Def: created again, the event starts when it
// is created. A STARTS written otherwise is kept and compared.
func (in *inspector) events(ctx context.Context) error {
	type event struct {
		name, definer string
		startsCreated bool // STARTS is when the event was created: the server's
	}
	var list []event
	rows, err := in.db.QueryContext(ctx, `SELECT EVENT_NAME, coalesce(DEFINER, ''), coalesce(abs(timestampdiff(SECOND, STARTS, CREATED)) <= 1, 0)
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var e event
		if err := rows.Scan(&e.name, &e.definer, &e.startsCreated); err != nil {
			rows.Close()
			return err
		}
		list = append(list, e)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, e := range list {
		o := &schema.Object{Kind: "event", Name: e.name}
		if in.o.SkippedObject(o) {
			continue
		}
		stmt, err := in.showCreate(ctx, "EVENT", e.name)
		if err != nil {
			return err
		}
		if head, body, ok := strings.Cut(stmt, " DO "); ok && e.startsCreated && strings.Contains(head, " ON SCHEDULE EVERY ") {
			stmt = eventStarts().ReplaceAllLiteralString(head, "") + " DO " + body
		}
		o.SQL = withDefiner(stmt, e.definer, in.o.ViewDefiner)
		o.Def = objectDef(withDefiner(stmt, "", ""), e.definer, in.o.ViewDefiner)
		in.s.Objects = append(in.s.Objects, o)
	}
	return nil
}
