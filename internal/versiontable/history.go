package versiontable

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/dialect"
)

// History row statuses.
const (
	StatusDone     = "done"        // the step ran and its version rows were written
	StatusRunning  = "running"     // a non-transactional step in progress (or killed in progress)
	StatusFailed   = "failed"      // a non-transactional step failed part-way: resolve before running again
	StatusRollback = "rolled-back" // the step failed and its transaction was rolled back: nothing remains

	StatusResolvedApplied    = "resolved-applied"     // an operator declared a failed step done
	StatusResolvedRolledBack = "resolved-rolled-back" // an operator undid a failed step by hand
)

// Directions recorded besides upgrade/downgrade/stamp.
const DirRehash = "rehash"

// Entry is one history row.
type Entry struct {
	ID         int64
	Revision   string
	Direction  string // upgrade, downgrade, stamp, rehash
	Status     string
	Success    bool
	Checksum   string
	Path       string
	StartedAt  time.Time
	FinishedAt time.Time // zero while running
	DurationMS int64
	Statements int // statements in the section
	Executed   int // statements that completed
	AppliedBy  string
	Version    string // retort version
	Tag        string
	Changes    string // EncodeChanges of the step's version-row changes
	Error      string
	FailedLine int
	FailedSQL  string
}

// historyColumns are written in this order (id is generated).
var historyColumns = []string{"revision", "direction", "status", "success", "checksum", "path", "started_at",
	"finished_at", "duration_ms", "statements", "executed", "applied_by", "retort_version", "tag",
	"version_changes", "error", "failed_line", "failed_sql"}

// HistoryQualified is the history table's name as written in SQL.
func (t *Tables) HistoryQualified() string { return dialect.Qualified(t.D, t.Schema, t.History) }

// HistoryCreateSQL is the history table's DDL.
func (t *Tables) HistoryCreateSQL() string {
	id, ts, text, boolean := "INTEGER PRIMARY KEY", "TEXT", "TEXT", "BOOLEAN"
	if b, ok := t.D.(dialect.Bookkeeper); ok {
		id, ts, text, boolean = b.HistoryColumnTypes()
	}
	return "CREATE TABLE " + t.HistoryQualified() + ` (
    id ` + id + `,
    revision VARCHAR(255) NOT NULL,
    direction VARCHAR(16) NOT NULL,
    status VARCHAR(24) NOT NULL,
    success ` + boolean + ` NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    path VARCHAR(1024) NOT NULL,
    started_at ` + ts + ` NOT NULL,
    finished_at ` + ts + ` NULL,
    duration_ms BIGINT NOT NULL,
    statements INTEGER NOT NULL,
    executed INTEGER NOT NULL,
    applied_by VARCHAR(255) NOT NULL,
    retort_version VARCHAR(64) NOT NULL,
    tag VARCHAR(255) NOT NULL,
    version_changes ` + text + ` NOT NULL,
    error ` + text + ` NOT NULL,
    failed_line INTEGER NOT NULL,
    failed_sql ` + text + ` NOT NULL
)`
}

// HistoryExists reports whether the history table exists (false when off).
func (t *Tables) HistoryExists(ctx context.Context, q Querier) (bool, error) {
	if t.History == "" {
		return false, nil
	}
	return t.Exists(ctx, q, t.History)
}

// EnsureHistory creates the history table unless it is off or exists (and
// then checks its shape).
func (t *Tables) EnsureHistory(ctx context.Context, q Querier) error {
	if t.History == "" {
		return nil
	}
	ok, err := t.Exists(ctx, q, t.History)
	if err != nil {
		return err
	}
	if ok {
		return t.checkShape(ctx, q, t.History, append([]string{"id"}, historyColumns...),
			"rename it, or set history_table to another name (or false to switch history off)")
	}
	if _, err := q.ExecContext(ctx, t.HistoryCreateSQL()); err != nil {
		return fmt.Errorf("create history table %s: %w", t.HistoryQualified(), err)
	}
	return nil
}

func (t *Tables) timeArg(tm time.Time) any {
	if tm.IsZero() {
		return nil
	}
	tm = tm.UTC()
	if b, ok := t.D.(dialect.Bookkeeper); ok {
		return b.HistoryTime(tm)
	}
	return tm.Format("2006-01-02 15:04:05.000000")
}

func (t *Tables) args(e *Entry) []any {
	return []any{clip(e.Revision, 255), e.Direction, e.Status, e.Success, e.Checksum, clip(e.Path, 1024),
		t.timeArg(e.StartedAt), t.timeArg(e.FinishedAt), e.DurationMS, e.Statements, e.Executed, clip(e.AppliedBy, 255),
		clip(e.Version, 64), clip(e.Tag, 255), e.Changes, clipText(e.Error), e.FailedLine, clipText(e.FailedSQL)}
}

// clip makes s valid UTF-8 of at most n characters, to fit a VARCHAR(n)
// column on every dialect (MySQL's strict mode refuses longer values and
// invalid UTF-8 instead of cutting them).
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n {
			break
		}
		k++
	}
	return s[:i]
}

// maxText is what a TEXT column holds on MySQL (65,535 bytes), with room.
const maxText = 60000

// clipText makes s valid UTF-8 of at most maxText bytes, cut at a
// character boundary: an error message or a failing statement, recorded
// for people.
func clipText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= maxText {
		return s
	}
	i := maxText
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// InsertHistory writes finished entries, many per statement.
func (t *Tables) InsertHistory(ctx context.Context, q Querier, es []Entry) error {
	if t.History == "" || len(es) == 0 {
		return nil
	}
	const chunk = 200 // 3,600 parameters: under every dialect's limit
	for len(es) > 0 {
		n := min(len(es), chunk)
		b := t.NewBind()
		var sb strings.Builder
		sb.WriteString(t.insertHead())
		for i := range n {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(t.values(&es[i], b))
		}
		if _, err := q.ExecContext(ctx, sb.String(), b.Args...); err != nil {
			return fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
		}
		es = es[n:]
	}
	return nil
}

func (t *Tables) insertHead() string {
	return "INSERT INTO " + t.HistoryQualified() + " (" + strings.Join(historyColumns, ", ") + ") VALUES "
}

// values is e's "(…)" row of an INSERT, its values added to b.
func (t *Tables) values(e *Entry, b *Bind) string {
	args := t.args(e)
	marks := make([]string, len(args))
	for i, a := range args {
		marks[i] = b.Add(a)
	}
	return "(" + strings.Join(marks, ", ") + ")"
}

// StartSQL is StartHistory's INSERT, its values added to b (for a batch:
// the new id is that statement's insert id).
func (t *Tables) StartSQL(e Entry, b *Bind) string { return t.insertHead() + t.values(&e, b) }

// StartHistory writes one entry (typically status running) and returns its id.
func (t *Tables) StartHistory(ctx context.Context, q Querier, e Entry) (int64, error) {
	if t.History == "" {
		return 0, nil
	}
	b := t.NewBind()
	s := t.StartSQL(e, b)
	if bk, ok := t.D.(dialect.Bookkeeper); ok && bk.InsertReturnsID() {
		var id int64
		if err := q.QueryRowContext(ctx, s+" RETURNING id", b.Args...).Scan(&id); err != nil {
			return 0, fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
		}
		return id, nil
	}
	res, err := q.ExecContext(ctx, s, b.Args...)
	if err != nil {
		return 0, fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
	}
	return id, nil
}

// Progress records that executed statements of entry id have completed
// and the next one, at line of its file, is starting.
func (t *Tables) Progress(ctx context.Context, q Querier, id int64, executed, line int) error {
	if t.History == "" {
		return nil
	}
	_, err := q.ExecContext(ctx, t.ProgressSQL(id, executed, line))
	if err != nil {
		return fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
	}
	return nil
}

// ProgressSQL is Progress's statement. While a step runs, failed_line holds
// the line of the statement running, so a run killed during it is reported
// there. The statement holds integers only, no string, so it means the same
// under every server setting; it is literal so that it can share a round
// trip with a revision's statement, whose own text may hold '?' and must not
// be bound.
func (t *Tables) ProgressSQL(id int64, executed, line int) string {
	return "UPDATE " + t.HistoryQualified() + " SET executed = " + strconv.Itoa(executed) +
		", failed_line = " + strconv.Itoa(line) + " WHERE id = " + strconv.FormatInt(id, 10)
}

// FinishSQL is Finish's statement, its values added to b.
func (t *Tables) FinishSQL(e Entry, b *Bind) string {
	return "UPDATE " + t.HistoryQualified() + " SET status = " + b.Add(e.Status) + ", success = " + b.Add(e.Success) +
		", finished_at = " + b.Add(t.timeArg(e.FinishedAt)) + ", duration_ms = " + b.Add(e.DurationMS) +
		", executed = " + b.Add(e.Executed) + ", error = " + b.Add(clipText(e.Error)) +
		", failed_line = " + b.Add(e.FailedLine) + ", failed_sql = " + b.Add(clipText(e.FailedSQL)) +
		" WHERE id = " + b.Add(e.ID)
}

// Finish rewrites the outcome columns of entry e.ID.
func (t *Tables) Finish(ctx context.Context, q Querier, e Entry) error {
	if t.History == "" {
		return nil
	}
	b := t.NewBind()
	if _, err := q.ExecContext(ctx, t.FinishSQL(e, b), b.Args...); err != nil {
		return fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
	}
	return nil
}

// SetStatus changes entry id's status and success flag.
func (t *Tables) SetStatus(ctx context.Context, q Querier, id int64, status string, success bool) error {
	b := t.NewBind()
	s := "UPDATE " + t.HistoryQualified() + " SET status = " + b.Add(status) + ", success = " + b.Add(success) +
		" WHERE id = " + b.Add(id)
	if _, err := q.ExecContext(ctx, s, b.Args...); err != nil {
		return fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
	}
	return nil
}

// SetChecksum changes entry id's checksum (and the path it was read from):
// resolving a failed upgrade as applied records the file as it is now.
func (t *Tables) SetChecksum(ctx context.Context, q Querier, id int64, checksum, path string) error {
	b := t.NewBind()
	s := "UPDATE " + t.HistoryQualified() + " SET checksum = " + b.Add(checksum) + ", path = " + b.Add(clip(path, 1024)) +
		" WHERE id = " + b.Add(id)
	if _, err := q.ExecContext(ctx, s, b.Args...); err != nil {
		return fmt.Errorf("write history table %s: %w", t.HistoryQualified(), err)
	}
	return nil
}

const selectHistory = "SELECT id, revision, direction, status, success, checksum, path, started_at, finished_at, " +
	"duration_ms, statements, executed, applied_by, retort_version, tag, version_changes, error, failed_line, failed_sql FROM "

func (t *Tables) query(ctx context.Context, q Querier, where string, args ...any) ([]Entry, error) {
	if t.History == "" {
		return nil, nil
	}
	ok, err := t.Exists(ctx, q, t.History)
	if err != nil || !ok {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, selectHistory+t.HistoryQualified()+where, args...)
	if err != nil {
		if perr := t.deniedRead(ctx, q, err); perr != nil {
			return nil, perr
		}
		if serr := t.checkShape(ctx, q, t.History, append([]string{"id"}, historyColumns...),
			"rename it, or set history_table to another name"); serr != nil {
			return nil, serr
		}
		return nil, fmt.Errorf("read history table %s: %w", t.HistoryQualified(), err)
	}
	defer rows.Close()
	var es []Entry
	for rows.Next() {
		var e Entry
		var success, started, finished any
		if err := rows.Scan(&e.ID, &e.Revision, &e.Direction, &e.Status, &success, &e.Checksum, &e.Path, &started,
			&finished, &e.DurationMS, &e.Statements, &e.Executed, &e.AppliedBy, &e.Version, &e.Tag, &e.Changes,
			&e.Error, &e.FailedLine, &e.FailedSQL); err != nil {
			return nil, fmt.Errorf("read history table %s: %w", t.HistoryQualified(), err)
		}
		e.Success = asBool(success)
		e.StartedAt = asTime(started)
		e.FinishedAt = asTime(finished)
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read history table %s: %w", t.HistoryQualified(), err)
	}
	return es, nil
}

// Entries returns the whole history, oldest first (nil when off or missing).
func (t *Tables) Entries(ctx context.Context, q Querier) ([]Entry, error) {
	return t.query(ctx, q, " ORDER BY id")
}

// Unresolved returns the latest step that failed part-way (or was killed
// while running) and has not been resolved, or nil.
func (t *Tables) Unresolved(ctx context.Context, q Querier) (*Entry, error) {
	p := t.D.Placeholder
	es, err := t.query(ctx, q, " WHERE status IN ("+p(1)+", "+p(2)+") ORDER BY id DESC", StatusRunning, StatusFailed)
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return &es[0], nil
}

// Checksums returns, per revision, the checksum recorded by its latest
// successful upgrade or rehash (revisions without a checksum are absent).
func (t *Tables) Checksums(ctx context.Context, q Querier) (map[string]string, error) {
	m := map[string]string{}
	if t.History == "" {
		return m, nil
	}
	ok, err := t.Exists(ctx, q, t.History)
	if err != nil || !ok {
		return m, err
	}
	p := t.D.Placeholder
	rows, err := q.QueryContext(ctx, "SELECT revision, checksum FROM "+t.HistoryQualified()+
		" WHERE success = "+t.trueLit()+" AND direction IN ("+p(1)+", "+p(2)+") ORDER BY id", "upgrade", DirRehash)
	if err != nil {
		return nil, fmt.Errorf("read history table %s: %w", t.HistoryQualified(), err)
	}
	defer rows.Close()
	for rows.Next() {
		var r, c string
		if err := rows.Scan(&r, &c); err != nil {
			return nil, err
		}
		if c == "" {
			delete(m, r)
		} else {
			m[r] = c
		}
	}
	return m, rows.Err()
}

func (t *Tables) trueLit() string {
	if b, ok := t.D.(dialect.Bookkeeper); ok {
		return b.TrueLiteral()
	}
	return "1"
}

func asBool(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case int64:
		return x != 0
	case []byte:
		return string(x) == "1" || strings.EqualFold(string(x), "true")
	case string:
		return x == "1" || strings.EqualFold(x, "true")
	}
	return false
}

func asTime(v any) time.Time {
	switch x := v.(type) {
	case time.Time:
		return x.UTC()
	case []byte:
		return parseTime(string(x))
	case string:
		return parseTime(x)
	}
	return time.Time{}
}

func parseTime(s string) time.Time {
	for _, f := range []string{"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999Z07:00",
		"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano} {
		if tm, err := time.Parse(f, s); err == nil {
			return tm.UTC()
		}
	}
	return time.Time{}
}
