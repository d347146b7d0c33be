package retort

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/sqlsplit"
	"github.com/retortdb/retort/schema"
)

// LockTaken is the strongest lock a statement of an upgrade took on a
// table that existed (and held rows) before it, as `retort test` sampled
// it on PostgreSQL.
type LockTaken struct {
	Table string `json:"table"`
	Mode  string `json:"mode"`
	// Where is the statement's file:line, "" for a statement that is not
	// the revision's own (bookkeeping).
	Where     string `json:"where,omitempty"`
	Statement string `json:"statement"`
	// Held is how long the lock was seen held: from the first sample that
	// saw it to the last (locks taken in a transaction are held until it
	// commits). Samples are about a millisecond apart, so a lock seen once
	// shows 0.
	Held time.Duration `json:"-"`
}

// lockInterval is the pause between two samples of the locks.
const lockInterval = time.Millisecond

type lockKey struct{ stmt, table string }

type lockSeen struct {
	mode        string
	strength    int
	first, last time.Time
}

// sampleLocks samples, until the returned stop is called, the locks other
// sessions of the scratch database hold on the tables of s; nil when the
// dialect cannot.
func (r *stepper) sampleLocks(ctx context.Context, rev *revision.Revision, s *schema.Schema, probedLocks map[tableMode]sqlsplit.Statement) (stop func() []LockTaken) {
	ls, ok := r.m.d.(dialect.LockSampler)
	if !ok || r.sc == nil {
		return nil
	}
	tables := map[string]bool{}
	for _, t := range s.Tables {
		tables[t.Name] = true
	}
	conn, err := r.sc.DB.Conn(ctx)
	if err != nil {
		return nil
	}
	sctx, cancel := context.WithCancel(ctx)
	var (
		mu   sync.Mutex
		seen = map[lockKey]*lockSeen{}
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		q := ls.LockSampleQuery()
		for sctx.Err() == nil {
			rows, err := conn.QueryContext(sctx, q)
			if err != nil {
				return
			}
			now := time.Now()
			for rows.Next() {
				var table, mode, stmt string
				if rows.Scan(&table, &mode, &stmt) != nil || !tables[table] {
					continue
				}
				k := lockKey{strings.TrimSpace(stmt), table}
				st := ls.LockStrength(mode)
				mu.Lock()
				switch l := seen[k]; {
				case l == nil:
					seen[k] = &lockSeen{mode: mode, strength: st, first: now, last: now}
				case st > l.strength:
					l.mode, l.strength, l.first, l.last = mode, st, now, now
				case st == l.strength:
					l.last = now
				}
				mu.Unlock()
			}
			rows.Close()
			time.Sleep(lockInterval)
		}
	}()
	return func() []LockTaken {
		cancel()
		<-done
		conn.Close()
		return r.locksTaken(rev, seen, probedLocks)
	}
}

// locksTaken turns the samples into each statement's strongest lock per
// table, strongest first; a lock held across later statements (until the
// transaction commits) is counted for the statement that took it.
func (r *stepper) locksTaken(rev *revision.Revision, seen map[lockKey]*lockSeen, probedLocks map[tableMode]sqlsplit.Statement) []LockTaken {
	var stmts []revStatement
	if r.m.set != nil {
		if sc, err := r.m.set.Script(rev.ID); err == nil {
			for _, st := range sc.Upgrade.Statements {
				stmts = append(stmts, revStatement{sql: strings.TrimSpace(st.SQL), line: st.Line})
			}
		}
	}
	path := r.m.runPath(rev.Path)
	// A lock first seen under a later statement is still the earlier
	// statement's when that one took the same lock on the table first.
	first, last := map[tableMode]time.Time{}, map[tableMode]time.Time{}
	for k, l := range seen {
		tm := tableMode{k.table, l.mode}
		if t, ok := first[tm]; !ok || l.first.Before(t) {
			first[tm] = l.first
		}
		if l.last.After(last[tm]) {
			last[tm] = l.last
		}
	}
	byStmt := map[lockKey]LockTaken{}
	strength := map[lockKey]int{}
	for k, l := range seen {
		if !first[tableMode{k.table, l.mode}].Equal(l.first) {
			continue
		}
		lt := LockTaken{Table: k.table, Mode: l.mode, Statement: firstLine(k.stmt), Held: last[tableMode{k.table, l.mode}].Sub(l.first)}
		idx := len(stmts) // not a statement of the revision (bookkeeping)
		for j, st := range stmts {
			if st.sql != "" && k.stmt != "" && (strings.Contains(k.stmt, st.sql) || strings.Contains(st.sql, k.stmt)) {
				idx = j
				break
			}
		}
		// A statement quicker than the sampling interval is first seen
		// holding its lock under a later one: the lock is the latest
		// statement's, up to the one seen, that names the table.
		for j := min(idx, len(stmts)-1); j >= 0; j-- {
			if namesTable(stmts[j].sql, k.table) {
				idx = j
				break
			}
		}
		if idx < len(stmts) {
			lt.Statement = firstLine(stmts[idx].sql)
			lt.Where = path + ":" + strconv.Itoa(stmts[idx].line)
		}
		// The probe, which ran the statements one by one, knows exactly.
		if st, ok := probedLocks[tableMode{k.table, l.mode}]; ok {
			lt.Statement = firstLine(st.SQL)
			lt.Where = path + ":" + strconv.Itoa(st.Line)
		}
		ak := lockKey{lt.Where + " " + lt.Statement, k.table}
		if prev, ok := byStmt[ak]; !ok || l.strength > strength[ak] || l.strength == strength[ak] && lt.Held > prev.Held {
			byStmt[ak], strength[ak] = lt, l.strength
		}
	}
	var out []LockTaken
	keys := make([]lockKey, 0, len(byStmt))
	for k := range byStmt {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if strength[keys[i]] != strength[keys[j]] {
			return strength[keys[i]] > strength[keys[j]]
		}
		return byStmt[keys[i]].Held > byStmt[keys[j]].Held
	})
	for _, k := range keys {
		out = append(out, byStmt[k])
	}
	return out
}

// namesTable reports whether sql names table as a word.
func namesTable(sql, table string) bool {
	return regexp.MustCompile(`(?i)(^|[^\w$])"?` + regexp.QuoteMeta(table) + `"?($|[^\w$])`).MatchString(sql)
}

type revStatement struct {
	sql  string
	line int
}
