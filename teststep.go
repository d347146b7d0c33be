package retort

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/sampledata"
	"github.com/retortdb/retort/schema"
)

// pass runs the steps once on a new scratch database: the stairway on an
// empty one, or (populated) with generated rows.
func (t *tester) pass(ctx context.Context, populated bool) (err error) {
	r := &stepper{t: t, populated: populated}
	if err := r.open(ctx); err != nil {
		return err
	}
	defer func() {
		if derr := r.drop(ctx); derr != nil {
			err = errors.Join(err, derr)
		}
	}()
	return r.run(ctx)
}

// stepper walks the plan on one scratch database (a new one after a step
// that leaves it broken).
type stepper struct {
	m         *Migrator
	t         *tester
	populated bool
	fill      *sampledata.Filler
	sc        *dialect.Scratch
}

// open creates a scratch database and a Migrator over it.
func (r *stepper) open(ctx context.Context) error {
	t := r.t
	sc, err := dialect.OpenScratch(ctx, t.d, t.to.DriverName, t.to.DataSource, t.to.Log)
	if err != nil {
		return config.NewRedactor(t.to.DataSource).Error(err)
	}
	t.rep.Scratch = append(t.rep.Scratch, sc.Name)
	r.sc = sc
	if t.to.Events != nil {
		t.to.Events(TestEvent{Scratch: sc.Name})
	}
	r.m = t.m.onScratch(sc)
	if r.populated {
		r.fill = &sampledata.Filler{D: t.d, Rows: max(t.to.Rows, 0)}
	}
	return nil
}

// onScratch is a copy of m over the scratch database sc, without m's
// event sink.
func (m *Migrator) onScratch(sc *dialect.Scratch) *Migrator {
	c := *m
	c.db = sc.DB
	c.o.events = nil
	// The version and history tables live in the scratch database itself,
	// whatever schema the project keeps them in: that schema is not there
	// (PostgreSQL), or is another database of the server (MySQL), which a
	// test, lint or squash must never write to.
	if c.tables.Schema != "" || c.o.tenantSchema != "" {
		tables := *c.tables
		tables.Schema = ""
		c.tables = &tables
		c.o.versionSchema, c.o.tenantSchema = "", ""
	}
	return &c
}

// drop drops the current scratch database.
func (r *stepper) drop(ctx context.Context) error {
	if r.sc == nil {
		return nil
	}
	err := r.sc.Drop(ctx)
	r.sc = nil
	return err
}

// restart replaces a scratch database that a failed step left in an
// unknown state with a new one upgraded straight through steps[:k+1], so
// that the revisions after k are still checked. It reports false when
// that cannot be done.
func (r *stepper) restart(ctx context.Context, k int) (bool, error) {
	if err := r.drop(ctx); err != nil {
		return false, err
	}
	if err := r.open(ctx); err != nil {
		return false, err
	}
	for _, rev := range r.t.steps[:k+1] {
		if _, err := r.m.upgradeOne(ctx, rev.ID); err != nil {
			if ctx.Err() != nil {
				return false, ctx.Err()
			}
			r.stopNote(rev, "the database could not be rebuilt past it on a new scratch database ("+config.Redact(err.Error())+")")
			return false, nil
		}
	}
	return true, nil
}

func (r *stepper) check() string {
	if r.populated {
		return CheckData
	}
	return CheckStairway
}

func (r *stepper) run(ctx context.Context) error {
	t := r.t
	total := len(t.steps) - t.first
	for k, rev := range t.steps {
		i := k - t.first
		if i < 0 || (t.only != nil && !t.only[rev.ID]) {
			// Below the range: applied, not checked.
			if _, err := r.m.upgradeOne(ctx, rev.ID); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				t.rep.Failures = append(t.rep.Failures, TestFailure{Check: r.check(), Revision: rev.ID,
					Message: "upgrade below the tested range failed: " + err.Error()})
				return nil
			}
			if r.populated {
				if err := r.runData(ctx, rev.ID); err != nil {
					return nil
				}
			}
			continue
		}
		if t.to.Events != nil {
			t.to.Events(TestEvent{Check: r.check(), Step: i + 1, Total: total, Revision: rev.ID, Text: rev.Message})
		}
		ok, err := r.stair(ctx, i, rev)
		if err != nil {
			return err
		}
		rt := &t.rep.Revisions[i]
		if !ok {
			// The next steps would start from a broken state.
			if k == len(t.steps)-1 {
				return nil
			}
			if ok, err := r.restart(ctx, k); !ok {
				return err
			}
			continue
		}
		if r.populated && rt.Data == TestSkipped {
			rt.Data = TestPassed
		} else if !r.populated && rt.Stairway == TestSkipped {
			rt.Stairway = TestPassed
		}
	}
	if !r.populated {
		return r.models(ctx)
	}
	return nil
}

// stopNote says why the pass stopped at rev without a failure of its own.
func (r *stepper) stopNote(rev *revision.Revision, why string) {
	r.t.rep.Notes = append(r.t.rep.Notes, fmt.Sprintf("%s check stopped at %s: %s; the revisions after it were not checked", r.check(), rev.ID, why))
}

// fillAll fills the tables of s.
func (r *stepper) fillAll(ctx context.Context, s *schema.Schema, id string) ([]sampledata.Note, error) {
	if r.fill.Rows == 0 {
		return nil, nil
	}
	conn, err := r.m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var later []*schema.Schema
	for k := len(r.t.steps) - 1; k >= 0 && r.t.steps[k].ID != id; k-- {
		later = append(later, r.t.after[r.t.steps[k].ID])
	}
	return r.fill.Fill(ctx, conn, s, r.t.after[id], later...)
}

func (r *stepper) snapshot(ctx context.Context, s *schema.Schema) (sampledata.Snapshot, error) {
	conn, err := r.m.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return sampledata.Take(ctx, conn, r.m.d, s)
}

// runData runs the fixtures of revision id.
func (r *stepper) runData(ctx context.Context, id string) error {
	stmts := r.t.data[id]
	if len(stmts) == 0 {
		return nil
	}
	conn, err := r.m.conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, st := range stmts {
		if _, err := conn.ExecContext(ctx, st.SQL); err != nil {
			f := TestFailure{Check: CheckData, Where: fmt.Sprintf("%s:%d", r.t.dataPath[id], st.Line),
				Message: "the fixture statement fails: " + err.Error()}
			r.t.fail(r.index(id), f)
			return err
		}
	}
	return nil
}

func (r *stepper) index(id string) int {
	for i, rt := range r.t.rep.Revisions {
		if rt.Revision == id {
			return i
		}
	}
	return -1
}

// rowsAre checks the version rows after a step.
func (r *stepper) rowsAre(ctx context.Context, i int, step string, want []string) bool {
	got, err := r.m.Current(ctx)
	if err != nil {
		r.failRun(i, "read the version rows after the "+step, err)
		return false
	}
	got = slices.Sorted(slices.Values(got))
	want = slices.Sorted(slices.Values(want))
	if slices.Equal(got, want) {
		return true
	}
	r.t.fail(i, TestFailure{Check: CheckVersion, Message: fmt.Sprintf("after the %s the version rows are %s, expected %s", step, listOrBase(got), listOrBase(want))})
	return false
}

// describe lists how b differs from a, or nothing.
func (r *stepper) describe(a, b *schema.Schema) []TestObject {
	rep, err := autogen.Check(a, b, r.m.d.Name())
	if err != nil {
		return []TestObject{{Object: "schema", Detail: "cannot compare the schemas: " + err.Error()}}
	}
	var out []TestObject
	for _, d := range rep.Differences {
		out = append(out, TestObject{Object: d.Object, Detail: d.Detail})
	}
	return out
}

// downWhere is the revision's downgrade section as file:line.
func (r *stepper) downWhere(rev *revision.Revision) string {
	path := r.m.runPath(rev.Path)
	if r.m.set == nil || path == "" {
		return path
	}
	if sc, err := r.m.set.Script(rev.ID); err == nil && sc.Downgrade.Line > 0 {
		return fmt.Sprintf("%s:%d", path, sc.Downgrade.Line)
	}
	return path
}

// failStep records a step that failed, at the failing statement when the
// runner names it.
func (r *stepper) failStep(i int, stage, what string, err error) error {
	f := TestFailure{Check: r.check(), Message: what + ": " + config.Redact(err.Error()), stage: stage}
	var se *migrate.StmtError
	var pe *migrate.PartialError
	switch {
	case errors.As(err, &se) && se.Path != "":
		f.Where, f.line = se.Path, se.Line
		if se.Err != nil {
			f.cause = config.Redact(se.Err.Error())
		}
	case errors.As(err, &pe) && pe.Path != "":
		f.Where, f.line = pe.Path, pe.Line
		if pe.Err != nil {
			f.cause = config.Redact(pe.Err.Error())
		}
	}
	if f.line > 0 {
		f.Where = fmt.Sprintf("%s:%d", f.Where, f.line)
	}
	r.t.fail(i, f)
	return err
}

func (r *stepper) failRun(i int, what string, err error) error {
	r.t.fail(i, TestFailure{Check: r.check(), Message: "could not " + what + ": " + config.Redact(err.Error())})
	return err
}

// models compares the schema at the heads with the models.
func (r *stepper) models(ctx context.Context) error {
	t := r.t
	mo := t.to.Models
	if len(mo.Paths) == 0 {
		return nil
	}
	if !t.toHeads {
		t.rep.Notes = append(t.rep.Notes, "models not compared: the range does not end at the heads")
		return nil
	}
	if mo.DriverName == "" {
		mo.DriverName, mo.DataSource = t.to.DriverName, t.to.DataSource
	}
	c, err := r.m.Compare(ctx, mo)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		t.rep.Models = TestFailed
		t.rep.Failures = append(t.rep.Failures, TestFailure{Check: CheckModels, Message: "cannot compare with the models: " + config.Redact(err.Error())})
		return nil
	}
	if c.Clean() {
		t.rep.Models = TestPassed
		return nil
	}
	t.rep.Models = TestFailed
	f := TestFailure{Check: CheckModels, Message: "the schema at the heads differs from the models (run `retort revision --autogenerate` to write the missing revision):"}
	for _, d := range c.Differences {
		f.Objects = append(f.Objects, TestObject{Object: d.Object, Detail: d.Detail})
	}
	t.rep.Failures = append(t.rep.Failures, f)
	return nil
}

// inspectScratch inspects the scratch database without the bookkeeping
// tables.
func (m *Migrator) inspectScratch(ctx context.Context) (*schema.Schema, error) {
	return m.Inspect(ctx, schema.Filter{})
}

// upgradeOne runs the upgrade of revision id alone (its ancestors are
// applied) through the runner.
func (m *Migrator) upgradeOne(ctx context.Context, id string) (*Result, error) {
	return m.online(ctx, runOpts(nil), true, false, func(rows []string) (*revision.Plan, error) {
		p, err := m.graph.PlanUpgrade(rows, id)
		if err == nil && len(p.Steps) != 1 {
			return nil, fmt.Errorf("upgrade %s: %d steps planned, expected one", id, len(p.Steps))
		}
		return p, err
	})
}

// downgradeOne runs the downgrade of revision id alone.
func (m *Migrator) downgradeOne(ctx context.Context, id string) (*Result, error) {
	return m.online(ctx, runOpts(nil), false, false, func(rows []string) (*revision.Plan, error) {
		return m.graph.PlanDowngradeOne(rows, id)
	})
}
