package retort

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/versiontable"
)

// Current returns the version rows in the order the database returns them.
// A missing version table means no rows; it is never created here.
func (m *Migrator) Current(ctx context.Context) ([]string, error) {
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, _, _, err := m.versionRows(ctx, conn, true)
	return rows, err
}

// Status is the database's state against the graph.
type Status struct {
	Current []string    // version rows
	Pending []string    // revisions an `upgrade heads` would run, in order
	Unknown []string    // rows naming revisions that no file defines
	Edited  []EditedRev // applied revisions whose file changed since
	Failed  *FailedRun  // an unfinished non-transactional step (MySQL/MariaDB), if any
}

// EditedRev is an applied revision whose checksum differs from what ran.
type EditedRev struct {
	Revision, Path, Applied, Now string
}

// FailedRun describes a step that failed part-way where DDL cannot roll back.
type FailedRun struct {
	Revision  string
	Direction string
	Path      string
	Executed  int // statements that ran before the failure
	Total     int
	Statement string // the failing statement
	Line      int
	Error     string // "" when the run was interrupted (killed) while running
	StartedAt time.Time
}

func failedRun(e *versiontable.Entry) *FailedRun {
	if e == nil {
		return nil
	}
	return &FailedRun{Revision: e.Revision, Direction: e.Direction, Path: e.Path, Executed: e.Executed,
		Total: e.Statements, Statement: e.FailedSQL, Line: e.FailedLine, Error: e.Error, StartedAt: e.StartedAt}
}

// Status reports current rows, pending revisions, unknown rows, edited files
// and any failed run. It only reads.
func (m *Migrator) Status(ctx context.Context) (*Status, error) {
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, _, _, err := m.versionRows(ctx, conn, true)
	if err != nil {
		return nil, err
	}
	st := &Status{Current: rows}
	var known []string
	for _, r := range rows {
		if m.graph.Get(r) == nil {
			st.Unknown = append(st.Unknown, r)
		} else {
			known = append(known, r)
		}
	}
	if len(st.Unknown) == 0 {
		p, err := m.graph.PlanUpgrade(rows, "heads")
		if err != nil {
			return nil, fmt.Errorf("plan upgrade heads: %w", err)
		}
		for _, s := range p.Steps {
			if s.Revision != nil {
				st.Pending = append(st.Pending, s.Revision.ID)
			}
		}
	}
	if st.Edited, err = m.edited(ctx, conn, known); err != nil {
		return nil, err
	}
	u, err := m.tables.Unresolved(ctx, conn)
	if err != nil {
		return nil, err
	}
	st.Failed = failedRun(u)
	return st, nil
}

// applied returns the revisions applied when the version rows are rows:
// the rows and all their ancestors, following depends_on too.
func (m *Migrator) applied(rows []string) []string {
	seen := map[string]bool{}
	var out []string
	stack := append([]string(nil), rows...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		r := m.graph.Get(id)
		if r == nil {
			continue
		}
		out = append(out, id)
		stack = append(stack, r.Parents...)
		for _, d := range m.graph.Dependencies(id) {
			stack = append(stack, d.ID)
		}
	}
	return out
}

// edited compares the checksum recorded by each applied revision's last
// successful upgrade (or rehash) with its file now. Go revisions and
// revisions applied without history (by Alembic, offline scripts, stamp)
// have no checksum and are skipped.
func (m *Migrator) edited(ctx context.Context, q versiontable.Querier, rows []string) ([]EditedRev, error) {
	sums, err := m.tables.Checksums(ctx, q)
	if err != nil || len(sums) == 0 || m.set == nil {
		return nil, err
	}
	var ids []string
	for _, id := range m.applied(rows) {
		if sums[id] != "" && m.goRevs[id] == nil {
			ids = append(ids, id)
		}
	}
	var (
		mu     sync.Mutex
		out    []EditedRev
		errOut error
		wg     sync.WaitGroup
	)
	work := make(chan string)
	for range min(runtime.GOMAXPROCS(0), max(1, len(ids))) {
		wg.Go(func() {
			for id := range work {
				sc, err := m.set.Script(id)
				mu.Lock()
				if err != nil && errOut == nil {
					errOut = fmt.Errorf("check checksum of %s: %w", id, err)
				} else if err == nil && sc.Checksum != sums[id] {
					out = append(out, EditedRev{Revision: id, Path: m.runPath(sc.Revision.Path), Applied: sums[id], Now: sc.Checksum})
				}
				mu.Unlock()
			}
		})
	}
	for _, id := range ids {
		work <- id
	}
	close(work)
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, errOut
}

// HistoryEntry is one row of the history (audit) table.
type HistoryEntry struct {
	ID         int64
	Revision   string
	Direction  string // upgrade, downgrade, stamp, rehash
	Status     string // done, rolled-back, failed, running, resolved-applied, resolved-rolled-back
	Checksum   string
	Path       string
	StartedAt  time.Time
	FinishedAt time.Time
	Duration   time.Duration
	AppliedBy  string // user@host
	Version    string // retort version
	Tag        string
	Statements int
	Executed   int
	Success    bool
	Error      string
}

// Applied returns the history table, oldest first (empty when it is off or
// does not exist yet).
func (m *Migrator) Applied(ctx context.Context) ([]HistoryEntry, error) {
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	es, err := m.tables.Entries(ctx, conn)
	if err != nil {
		return nil, err
	}
	out := make([]HistoryEntry, len(es))
	for i, e := range es {
		out[i] = HistoryEntry{ID: e.ID, Revision: e.Revision, Direction: e.Direction, Status: e.Status,
			Checksum: e.Checksum, Path: e.Path, StartedAt: e.StartedAt, FinishedAt: e.FinishedAt,
			Duration: time.Duration(e.DurationMS) * time.Millisecond, AppliedBy: e.AppliedBy, Version: e.Version,
			Tag: e.Tag, Statements: e.Statements, Executed: e.Executed, Success: e.Success, Error: e.Error}
	}
	return out, nil
}

// Rehash records the current checksum of applied revisions revs (all edited
// ones when empty), accepting their edits on purpose: the edited statements
// are not re-run. It returns the revisions whose checksum it recorded. A
// blank revision among revs is refused (ErrBlankTarget).
func (m *Migrator) Rehash(ctx context.Context, revs ...string) ([]string, error) {
	for _, sym := range revs {
		if err := revision.CheckTarget(sym); err != nil {
			return nil, fmt.Errorf("rehash: %w", err)
		}
	}
	if m.tables.History == "" {
		return nil, fmt.Errorf("rehash: the history table is switched off, so no checksums are kept")
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	lk, err := m.lock(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer lk.release()
	if err := m.tables.EnsureHistory(ctx, conn); err != nil {
		return nil, err
	}
	rows, _, err := m.tables.Rows(ctx, conn)
	if err != nil {
		return nil, err
	}
	var ids []string
	if len(revs) == 0 {
		edited, err := m.edited(ctx, conn, rows)
		if err != nil {
			return nil, err
		}
		for _, e := range edited {
			ids = append(ids, e.Revision)
		}
	} else {
		applied := map[string]bool{}
		for _, id := range m.applied(rows) {
			applied[id] = true
		}
		sums, err := m.tables.Checksums(ctx, conn)
		if err != nil {
			return nil, err
		}
		for _, sym := range revs {
			rs, err := m.graph.Resolve(sym)
			if err != nil {
				return nil, fmt.Errorf("rehash %s: %w", sym, err)
			}
			for _, r := range rs {
				if !applied[r.ID] {
					return nil, fmt.Errorf("rehash %s: revision %s is not applied; only applied revisions have a checksum to record", sym, r.ID)
				}
				if m.goRevs[r.ID] != nil {
					return nil, fmt.Errorf("rehash %s: revision %s is a Go revision and has no checksum", sym, r.ID)
				}
				sc, err := m.set.Script(r.ID)
				if err != nil {
					return nil, err
				}
				if sums[r.ID] != sc.Checksum {
					ids = append(ids, r.ID)
				}
			}
		}
	}
	now := time.Now()
	var es []versiontable.Entry
	for _, id := range ids {
		sc, err := m.set.Script(id)
		if err != nil {
			return nil, err
		}
		es = append(es, versiontable.Entry{Revision: id, Direction: versiontable.DirRehash, Status: versiontable.StatusDone,
			Success: true, Checksum: sc.Checksum, Path: m.runPath(sc.Revision.Path), StartedAt: now, FinishedAt: now,
			AppliedBy: m.appliedBy(), Version: Version()})
	}
	if err := m.tables.InsertHistory(ctx, conn, es); err != nil {
		return nil, err
	}
	return ids, nil
}

// ResolveAction is how an operator settled a step that failed part-way.
type ResolveAction string

// Resolve actions.
const (
	// ResolveApplied: the operator finished the step by hand (or checked that
	// it completed); its version rows are written as if it had succeeded.
	ResolveApplied ResolveAction = "applied"
	// ResolveRolledBack: the operator undid what the step's statements did;
	// the version rows stay as they were before the step.
	ResolveRolledBack ResolveAction = "rolled-back"
)

// Resolve settles a step that failed part-way (MySQL/MariaDB DDL or a
// no-transaction section): rev names the failed revision (Status shows
// it); a blank rev is refused (ErrBlankTarget) rather than taken to mean
// whichever failed. Until it is resolved, every writing run refuses.
func (m *Migrator) Resolve(ctx context.Context, rev string, action ResolveAction) (*FailedRun, error) {
	if err := revision.CheckTarget(rev); err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	if action != ResolveApplied && action != ResolveRolledBack {
		return nil, fmt.Errorf("resolve: unknown action %q: use %q or %q", action, ResolveApplied, ResolveRolledBack)
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	lk, err := m.lock(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer lk.release()
	u, err := m.tables.Unresolved(ctx, conn)
	if err != nil {
		return nil, err
	}
	if u == nil {
		return nil, fmt.Errorf("resolve %s: %w", rev, ErrNothingToResolve)
	}
	if rev != u.Revision {
		if rs, err := m.graph.Resolve(rev); err != nil || len(rs) != 1 || rs[0].ID != u.Revision {
			return nil, fmt.Errorf("resolve %s: the step that failed is revision %s (%s), not %s", rev, u.Revision, u.Direction, rev)
		}
	}
	if action == ResolveRolledBack {
		if err := m.tables.SetStatus(ctx, conn, u.ID, versiontable.StatusResolvedRolledBack, false); err != nil {
			return nil, err
		}
		return failedRun(u), nil
	}
	changes, err := versiontable.DecodeChanges(u.Changes)
	if err != nil {
		return nil, err
	}
	sum, path, err := m.currentFile(u)
	if err != nil {
		return nil, fmt.Errorf("resolve %s --applied: %w", u.Revision, err)
	}
	if err := migrate.RecordApplied(ctx, conn, m.d, m.tables, u, changes, sum, path); err != nil {
		return nil, err
	}
	return failedRun(u), nil
}

// currentFile returns the checksum and path of a failed step's revision
// file as it is now: resolving it as applied records them, not those of the
// file that failed, which was typically fixed since (the next upgrade would
// refuse it as edited). A revision that is no longer a file (a Go revision)
// keeps what was recorded.
func (m *Migrator) currentFile(u *versiontable.Entry) (sum, path string, err error) {
	sum, path = u.Checksum, u.Path
	if m.set == nil || m.graph.Get(u.Revision) == nil || m.goRevs[u.Revision] != nil {
		return sum, path, nil
	}
	sc, err := m.set.Script(u.Revision)
	if err != nil {
		return "", "", fmt.Errorf("read its file to record its checksum: %w; fix the file and resolve again", err)
	}
	return sc.Checksum, m.runPath(sc.Revision.Path), nil
}
