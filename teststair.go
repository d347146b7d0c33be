package retort

import (
	"context"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/sampledata"
	"github.com/retortdb/retort/schema"
)

// stair is one revision's walk up, down and up again, and what it learns
// on the way.
type stair struct {
	r   *stepper
	i   int // index in the report's revisions
	rev *revision.Revision
	rt  *RevisionTest

	s0, s1 *schema.Schema // before and after the upgrade
	rows0  []string       // version rows before the upgrade
	wantUp []string       // version rows the upgrade must leave
	before sampledata.Snapshot
	probed probed
	lost   map[string]bool // tables the upgrade lost rows of: not blamed on the downgrade too
}

// stair checks one revision: up, down, up. ok is false when the pass cannot
// go on from this database (a failure is recorded, unless ctx ended).
func (r *stepper) stair(ctx context.Context, i int, rev *revision.Revision) (ok bool, err error) {
	st := &stair{r: r, i: i, rev: rev, rt: &r.t.rep.Revisions[i], lost: map[string]bool{}}
	for _, phase := range []func(context.Context) bool{st.prepare, st.up, st.down, st.upAgain} {
		if !phase(ctx) {
			return false, ctx.Err()
		}
	}
	return true, nil
}

// failed records that the check could not do what, unless ctx ended.
func (st *stair) failed(ctx context.Context, what string, err error) bool {
	if ctx.Err() == nil {
		st.r.failRun(st.i, what, err)
	}
	return false
}

// prepare reads the schema and version rows before the upgrade and, on the
// populated pass, fills the tables and reads their rows.
func (st *stair) prepare(ctx context.Context) bool {
	r, m := st.r, st.r.m
	var err error
	if st.s0, err = m.inspectScratch(ctx); err != nil {
		return st.failed(ctx, "inspect the schema before the upgrade", err)
	}
	if st.rows0, err = m.Current(ctx); err != nil {
		return st.failed(ctx, "read the version rows before the upgrade", err)
	}
	p, err := m.graph.PlanUpgrade(st.rows0, st.rev.ID)
	if err != nil {
		return st.failed(ctx, "plan the upgrade", err)
	}
	st.wantUp = p.After
	if !r.populated {
		return true
	}
	notes, err := r.fillAll(ctx, st.s0, st.rev.ID)
	for _, n := range notes {
		st.rt.Notes = append(st.rt.Notes, n.Table+": "+n.Text)
	}
	if err != nil {
		return st.failed(ctx, "generate rows before the upgrade", err)
	}
	if st.before, err = r.snapshot(ctx, st.s0); err != nil {
		return st.failed(ctx, "read the rows before the upgrade", err)
	}
	st.probed = r.probe(ctx, st.rev, st.before)
	return true
}

// up runs the upgrade (sampling locks on the populated pass) and checks
// the version rows and, populated, that the rows it keeps survived.
func (st *stair) up(ctx context.Context) bool {
	r, m, t := st.r, st.r.m, st.r.t
	var stopLocks func() []LockTaken
	if r.populated {
		stopLocks = r.sampleLocks(ctx, st.rev, st.s0, st.probed.locks)
	}
	res, err := m.upgradeOne(ctx, st.rev.ID)
	if stopLocks != nil {
		st.rt.Locks = stopLocks()
		t.rep.LocksSampled = true
	}
	if res != nil && len(res.Steps) == 1 {
		if r.populated {
			st.rt.DataDuration = res.Steps[0].Duration
		} else {
			st.rt.Duration = res.Steps[0].Duration
		}
	}
	if err != nil {
		what := "the upgrade fails"
		if r.populated {
			what = "the upgrade fails on a populated database"
		}
		// An upgrade that failed on the empty database already has its
		// failure: rows are not what it lacks.
		if ctx.Err() == nil && !(r.populated && t.upFailed[st.rev.ID]) {
			r.failStep(st.i, stageUp, what, err)
		}
		if !r.populated {
			t.upFailed[st.rev.ID] = true
		}
		return false
	}
	if !r.rowsAre(ctx, st.i, "upgrade", st.wantUp) {
		return false
	}
	if st.s1, err = m.inspectScratch(ctx); err != nil {
		return st.failed(ctx, "inspect the schema after the upgrade", err)
	}
	if !r.populated {
		t.after[st.rev.ID] = st.s1
		return true
	}
	after, err := r.snapshot(ctx, st.s1)
	if err != nil {
		return st.failed(ctx, "read the rows after the upgrade", err)
	}
	if losses := sampledata.Compare(st.before, after, sampledata.Shared(st.s0, st.s1)); len(losses) > 0 {
		r.failLoss(st.i, "the upgrade loses or changes rows of tables and columns it keeps", losses, st.rev, st.probed.blame)
		for _, l := range losses {
			st.lost[l.Table] = true
		}
	}
	return true
}

// down runs the downgrade and checks the version rows, the schema (the
// stairway) or the rows from before the upgrade (populated).
func (st *stair) down(ctx context.Context) bool {
	r, m, t := st.r, st.r.m, st.r.t
	if _, err := m.downgradeOne(ctx, st.rev.ID); err != nil {
		what := "the downgrade fails"
		if r.populated {
			what = "the downgrade fails on a populated database"
		}
		if ctx.Err() == nil {
			r.failStep(st.i, stageDown, what, err)
		}
		return false
	}
	if !r.rowsAre(ctx, st.i, "downgrade", st.rows0) {
		return false
	}
	s0b, err := m.inspectScratch(ctx)
	if err != nil {
		return st.failed(ctx, "inspect the schema after the downgrade", err)
	}
	diffs := r.describe(st.s0, s0b)
	if !r.populated {
		if len(diffs) > 0 {
			t.fail(st.i, TestFailure{Check: CheckStairway, Where: r.downWhere(st.rev),
				Message: "the downgrade does not restore the schema from before the upgrade; after the downgrade, compared with before the upgrade:",
				Objects: diffs, stage: stageDownDiff})
			// A second upgrade from such a state fails or differs for
			// the same fault: the pass goes on from a new database.
			return false
		}
		return true
	}
	after, err := r.snapshot(ctx, s0b)
	if err != nil {
		return st.failed(ctx, "read the rows after the downgrade", err)
	}
	keep := sampledata.Shared(st.s0, st.s1, s0b)
	for name := range st.lost {
		delete(keep, name)
	}
	if losses := sampledata.Compare(st.before, after, keep); len(losses) > 0 {
		r.failLoss(st.i, "after the downgrade, rows from before the upgrade are missing or changed", losses, nil, nil)
	}
	// The stairway reports a schema the downgrade did not restore; the
	// rows after this revision are checked on a new database.
	return len(diffs) == 0
}

// upAgain runs the upgrade a second time: it must work and, on the
// stairway, give the first upgrade's schema. Populated, the team's
// fixtures for the revision run then.
func (st *stair) upAgain(ctx context.Context) bool {
	r, m, t := st.r, st.r.m, st.r.t
	if _, err := m.upgradeOne(ctx, st.rev.ID); err != nil {
		if ctx.Err() == nil {
			r.failStep(st.i, stageUpAgain, "the upgrade fails after its downgrade", err)
		}
		return false
	}
	if !r.rowsAre(ctx, st.i, "second upgrade", st.wantUp) {
		return false
	}
	if r.populated {
		return r.runData(ctx, st.rev.ID) == nil
	}
	s1b, err := m.inspectScratch(ctx)
	if err != nil {
		return st.failed(ctx, "inspect the schema after the second upgrade", err)
	}
	if diffs := r.describe(st.s1, s1b); len(diffs) > 0 {
		t.fail(st.i, TestFailure{Check: CheckStairway,
			Message: "upgrading again after the downgrade gives another schema than the first upgrade; the second, compared with the first:",
			Objects: diffs, stage: stageUpAgainDiff})
	}
	return true
}
