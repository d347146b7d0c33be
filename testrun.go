package retort

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/migrate"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/sampledata"
	"github.com/retortdb/retort/internal/sqlsplit"
	"github.com/retortdb/retort/schema"
)

// DefaultTestRows is how many rows Test generates per table when
// TestOptions.Rows is 0.
const DefaultTestRows = 200

// TestOptions configure Test.
type TestOptions struct {
	// Dialect names the database kind ("postgres", "mysql", "sqlite").
	Dialect string
	// DriverName and DataSource reach the server on which the scratch
	// databases are created (PostgreSQL, MySQL/MariaDB); its user must be
	// allowed to create databases. Unused for SQLite (in memory).
	DriverName, DataSource string
	// Range is "[start:]end" in the target grammar; the revisions after
	// start up to end are checked (those up to start are only applied). ""
	// is base:heads.
	Range string
	// Heads is the number of heads the graph must have (0 means 1; -1
	// skips the check).
	Heads int
	// Rows is how many rows each table gets before each upgrade (0 means
	// DefaultTestRows; -1 skips the populated check unless Data is set).
	Rows int
	// Data are the team's fixtures: each file's statements run once its
	// revision is applied, in the populated check.
	Data []TestData
	// Models, when Paths is set, must equal the schema at the heads.
	// DriverName and DataSource default to the scratch server's.
	Models Models
	// Events receives progress (nil: none).
	Events func(TestEvent)
}

// TestData is a fixture file run after Revision is applied.
type TestData struct {
	Path     string
	Revision string
}

// ParseTestData reads "FILE.sql@REV".
func ParseTestData(s string) (TestData, error) {
	i := strings.LastIndexByte(s, '@')
	if i <= 0 || i == len(s)-1 {
		return TestData{}, fmt.Errorf("%w: data %q: expected FILE.sql@REVISION (the fixtures run once REVISION is applied)", ErrTestInput, s)
	}
	return TestData{Path: s[:i], Revision: s[i+1:]}, nil
}

// ErrTestInput is wrapped by Test's errors about its options (a range or
// revision that does not resolve, a negative row count, a missing fixture
// file): nothing was created.
var ErrTestInput = errors.New("bad test input")

// TestEvent is Test's progress.
type TestEvent struct {
	Check    string // "stairway" or "data"
	Step     int    // 1-based
	Total    int
	Revision string
	Text     string
}

// Check names in TestFailure.Check.
const (
	CheckHeads    = "heads"
	CheckStairway = "stairway"
	CheckVersion  = "version"
	CheckData     = "data"
	CheckModels   = "models"
)

// TestFailure is one failed check.
type TestFailure struct {
	Check    string `json:"check"`
	Revision string `json:"revision,omitempty"`
	// Where is file:line where one is known.
	Where   string `json:"where,omitempty"`
	Message string `json:"message"`
	// Objects are the schema objects or tables that differ, each with how.
	Objects []TestObject `json:"objects,omitempty"`
}

// TestObject is a schema object or table named by a failure.
type TestObject struct {
	Object string `json:"object"`
	Detail string `json:"detail"`
}

func (f TestFailure) String() string {
	var b strings.Builder
	if f.Where != "" {
		b.WriteString(f.Where + ": ")
	} else if f.Revision != "" {
		b.WriteString(f.Revision + ": ")
	}
	b.WriteString(f.Message)
	for _, o := range f.Objects {
		b.WriteString("\n    " + o.Detail)
	}
	return b.String()
}

// Check results in RevisionTest.
const (
	TestPassed  = "passed"
	TestFailed  = "failed"
	TestSkipped = "skipped" // not run: an earlier step failed, or the check is off
)

// RevisionTest is what Test found for one revision.
type RevisionTest struct {
	Revision string `json:"revision"`
	Message  string `json:"message"`
	Path     string `json:"path,omitempty"`
	Stairway string `json:"stairway"`
	Data     string `json:"data"`
	// Duration is the first upgrade's, on the empty database.
	Duration time.Duration `json:"duration_ns"`
	// DataDuration is the upgrade's on the populated database.
	DataDuration time.Duration `json:"data_duration_ns"`
	Failures     []TestFailure `json:"failures,omitempty"`
	// Notes say what the populated check could not do (rows refused).
	Notes []string `json:"notes,omitempty"`
	// Locks are the strongest locks the upgrade's statements took on the
	// populated tables, strongest first (PostgreSQL; see LockTaken).
	Locks []LockTaken `json:"locks,omitempty"`
}

// TestReport is what Test found.
type TestReport struct {
	Dialect   string         `json:"dialect"`
	Heads     []string       `json:"heads"`
	Revisions []RevisionTest `json:"revisions"`
	// Models is "passed", "failed" or "skipped" (no models, or the range
	// does not end at the heads).
	Models string `json:"models"`
	// Failures holds every failure: the revisions' and the heads' and
	// models' checks.
	Failures []TestFailure `json:"failures"`
	Notes    []string      `json:"notes,omitempty"`
	// LocksSampled is set when the dialect reports locks (PostgreSQL).
	LocksSampled bool `json:"locks_sampled"`
	// Scratch names the scratch databases used (all dropped).
	Scratch []string `json:"scratch_databases"`
}

// Passed reports whether every check passed.
func (r *TestReport) Passed() bool { return len(r.Failures) == 0 }

// Test checks the revisions against scratch databases that it creates and
// drops (also when it fails or ctx is cancelled): the number of heads; the
// stairway (each revision upgraded, downgraded and upgraded again, on an
// empty database, with the schema after the downgrade equal to the schema
// before the upgrade and the version rows right after each step); the
// populated run (the same with generated rows in every table, which must
// survive each step where the schema keeps their table and columns); and,
// when Models are given, the schema at the heads against the models.
// Failed checks are in the report; an error means the test could not run.
//
// opts are Open's options (version table, Go migrations, version
// locations…); the dialect comes from to.Dialect.
func Test(ctx context.Context, fsys fs.FS, to TestOptions, opts ...Option) (*TestReport, error) {
	if to.Rows < -1 {
		return nil, fmt.Errorf("%w: rows is %d; give a number of rows per table (0 for the default %d, -1 to skip the populated check)", ErrTestInput, to.Rows, DefaultTestRows)
	}
	if to.Rows == 0 {
		to.Rows = DefaultTestRows
	}
	d, err := registry.Lookup(to.Dialect)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTestInput, err)
	}
	m, err := Open(ctx, nil, fsys, append(slices.Clone(opts), WithDialect(d.Name()))...)
	if err != nil {
		return nil, err
	}
	t := &tester{m: m, d: d, to: to, after: map[string]*schema.Schema{}, rep: &TestReport{Dialect: d.Name(), Models: TestSkipped, Failures: []TestFailure{}}}
	if err := t.plan(); err != nil {
		return nil, err
	}
	if err := t.readData(); err != nil {
		return nil, err
	}
	t.heads()
	if err := t.pass(ctx, false); err != nil {
		return t.rep, err
	}
	if to.Rows > 0 || len(to.Data) > 0 {
		if err := t.pass(ctx, true); err != nil {
			return t.rep, err
		}
	} else {
		for i := range t.rep.Revisions {
			t.rep.Revisions[i].Data = TestSkipped
		}
	}
	return t.rep, nil
}

// tester is one Test run.
type tester struct {
	m        *Migrator
	d        dialect.Dialect
	to       TestOptions
	rep      *TestReport
	steps    []*revision.Revision // the plan from base to the range's end
	first    int                  // index of the first step checked
	toHeads  bool                 // the range ends at the heads
	data     map[string][]sqlsplit.Statement
	dataPath map[string]string
	// after holds each revision's schema after its upgrade, from the
	// stairway: the populated check fills tables for what comes next.
	after map[string]*schema.Schema
}

// plan resolves the range into the upgrade plan from base.
func (t *tester) plan() error {
	start, end, isRange := revision.SplitRange(t.to.Range)
	if !isRange {
		start, end = "", t.to.Range
	}
	if end == "" {
		end = "heads"
	}
	if err := revision.CheckTarget(end); err != nil {
		return fmt.Errorf("%w: range %q: %v", ErrTestInput, t.to.Range, err)
	}
	p, err := t.m.graph.PlanUpgrade(nil, end)
	if err != nil {
		return fmt.Errorf("%w: range %q: %v", ErrTestInput, t.to.Range, err)
	}
	for _, s := range p.Steps {
		t.steps = append(t.steps, s.Revision)
	}
	if start != "" && start != "base" {
		sp, err := t.m.graph.PlanUpgrade(nil, start)
		if err != nil {
			return fmt.Errorf("%w: range %q: %v", ErrTestInput, t.to.Range, err)
		}
		before := map[string]bool{}
		for _, s := range sp.Steps {
			before[s.Revision.ID] = true
		}
		// The steps up to start come first in an upgrade plan from base
		// only when start is an ancestor of the end; otherwise refuse.
		for i, r := range t.steps {
			if !before[r.ID] {
				t.first = i
				break
			}
			t.first = i + 1
		}
		for _, r := range t.steps[t.first:] {
			if before[r.ID] {
				return fmt.Errorf("%w: range %q: %s is not below %s", ErrTestInput, t.to.Range, start, end)
			}
		}
		if len(before) != t.first {
			return fmt.Errorf("%w: range %q: %s is not below %s", ErrTestInput, t.to.Range, start, end)
		}
	}
	heads := idsOf(t.m.graph.RealHeads())
	slices.Sort(heads)
	slices.Sort(p.After)
	t.toHeads = slices.Equal(heads, p.After)
	for _, r := range t.steps[t.first:] {
		t.rep.Revisions = append(t.rep.Revisions, RevisionTest{Revision: r.ID, Message: r.Message, Path: t.m.runPath(r.Path),
			Stairway: TestSkipped, Data: TestSkipped})
	}
	return nil
}

func idsOf(rs []*revision.Revision) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// readData reads and splits the fixture files before anything is created.
func (t *tester) readData() error {
	t.data, t.dataPath = map[string][]sqlsplit.Statement{}, map[string]string{}
	lx, _ := t.d.(dialect.Lexer)
	for _, td := range t.to.Data {
		rs, err := t.m.graph.Resolve(td.Revision)
		if err != nil || len(rs) != 1 {
			return fmt.Errorf("%w: data %s@%s: %s is not one revision of the graph: name a revision id or unique prefix", ErrTestInput, td.Path, td.Revision, td.Revision)
		}
		id := rs[0].ID
		if !slices.ContainsFunc(t.steps, func(r *revision.Revision) bool { return r.ID == id }) {
			return fmt.Errorf("%w: data %s@%s: revision %s is not applied in the range tested", ErrTestInput, td.Path, td.Revision, id)
		}
		text, err := os.ReadFile(td.Path)
		if err != nil {
			return fmt.Errorf("%w: data %s@%s: %v", ErrTestInput, td.Path, td.Revision, err)
		}
		var rules sqlsplit.Rules
		if lx != nil {
			rules = lx.LexicalRules()
		}
		stmts, err := sqlsplit.Split(string(text), 1, rules)
		if err != nil {
			return fmt.Errorf("%w: data %s: %v", ErrTestInput, td.Path, err)
		}
		t.data[id] = append(t.data[id], stmts...)
		t.dataPath[id] = td.Path
	}
	return nil
}

// heads checks the number of heads.
func (t *tester) heads() {
	hs := idsOf(t.m.graph.Heads())
	t.rep.Heads = hs
	want := t.to.Heads
	if want == 0 {
		want = 1
	}
	if want < 0 || len(hs) == want {
		return
	}
	f := TestFailure{Check: CheckHeads, Message: fmt.Sprintf("the graph has %d head(s), %d expected: %s", len(hs), want, strings.Join(hs, ", "))}
	if len(hs) > want {
		f.Message += "; merge them with `retort merge heads -m MESSAGE`, or pass --heads " + fmt.Sprint(len(hs)) + " if the branches are meant"
	}
	for _, r := range t.m.graph.Heads() {
		f.Objects = append(f.Objects, TestObject{Object: r.ID, Detail: fmt.Sprintf("head %s (%s) %s", r.ID, t.m.runPath(r.Path), r.Message)})
	}
	t.rep.Failures = append(t.rep.Failures, f)
}

func (t *tester) fail(i int, f TestFailure) {
	if i >= 0 {
		rt := &t.rep.Revisions[i]
		f.Revision = rt.Revision
		if f.Where == "" {
			f.Where = rt.Path
		}
		rt.Failures = append(rt.Failures, f)
		if f.Check == CheckData {
			rt.Data = TestFailed
		} else {
			rt.Stairway = TestFailed
		}
	}
	t.rep.Failures = append(t.rep.Failures, f)
}

// pass runs the steps once on a new scratch database: the stairway on an
// empty one, or (populated) with generated rows.
func (t *tester) pass(ctx context.Context, populated bool) (err error) {
	r := &stepper{t: t, populated: populated}
	if err := r.open(ctx); err != nil {
		return err
	}
	defer func() {
		if derr := r.drop(ctx); derr != nil && err == nil {
			err = derr
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
	sc, err := dialect.OpenScratch(ctx, t.d, t.to.DriverName, t.to.DataSource)
	if err != nil {
		return config.NewRedactor(t.to.DataSource).Error(err)
	}
	t.rep.Scratch = append(t.rep.Scratch, sc.Name)
	r.sc = sc
	m := *t.m
	m.db = sc.DB
	m.o.events = nil
	r.m = &m
	if r.populated {
		r.fill = &sampledata.Filler{D: t.d, Rows: max(t.to.Rows, 0)}
	}
	return nil
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
		if i < 0 {
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

// stair checks one revision: up, down, up. ok is false when the run cannot
// go on.
func (r *stepper) stair(ctx context.Context, i int, rev *revision.Revision) (ok bool, err error) {
	t, m := r.t, r.m
	rt := &t.rep.Revisions[i]
	stop := func(err error) (bool, error) {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		return false, nil
	}
	s0, err := m.inspectScratch(ctx)
	if err != nil {
		return stop(err)
	}
	rows0, err := m.Current(ctx)
	if err != nil {
		return stop(err)
	}
	var before sampledata.Snapshot
	if r.populated {
		notes, err := r.fillAll(ctx, s0, rev.ID)
		for _, n := range notes {
			rt.Notes = append(rt.Notes, n.Table+": "+n.Text)
		}
		if err != nil {
			return stop(r.failRun(i, "generate rows before the upgrade", err))
		}
		if before, err = r.snapshot(ctx, s0); err != nil {
			return stop(r.failRun(i, "read the rows before the upgrade", err))
		}
	}

	var blame map[string]map[string]sqlsplit.Statement
	if r.populated {
		blame = r.probe(ctx, rev, before)
	}

	// Up.
	lost := map[string]bool{} // tables the upgrade lost rows of: not blamed on the downgrade too
	var stopLocks func() []LockTaken
	if r.populated {
		stopLocks = r.sampleLocks(ctx, rev, s0)
	}
	res, err := m.upgradeOne(ctx, rev.ID)
	if stopLocks != nil {
		rt.Locks = stopLocks()
		t.rep.LocksSampled = true
	}
	if res != nil && len(res.Steps) == 1 {
		if r.populated {
			rt.DataDuration = res.Steps[0].Duration
		} else {
			rt.Duration = res.Steps[0].Duration
		}
	}
	if err != nil {
		what := "the upgrade fails"
		if r.populated {
			what = "the upgrade fails on a populated database"
		}
		return stop(r.failStep(i, what, err))
	}
	wantUp, _ := t.m.graph.PlanUpgrade(rows0, rev.ID)
	if !r.rowsAre(ctx, i, "upgrade", wantUp.After) {
		return stop(nil)
	}
	s1, err := m.inspectScratch(ctx)
	if err != nil {
		return stop(err)
	}
	if !r.populated {
		t.after[rev.ID] = s1
	}
	if r.populated {
		after, err := r.snapshot(ctx, s1)
		if err != nil {
			return stop(r.failRun(i, "read the rows after the upgrade", err))
		}
		if losses := sampledata.Compare(before, after, sampledata.Shared(s0, s1)); len(losses) > 0 {
			r.failLoss(i, "the upgrade loses or changes rows of tables and columns it keeps", losses, rev, blame)
			for _, l := range losses {
				lost[l.Table] = true
			}
		}
	}

	// Down.
	if _, err := m.downgradeOne(ctx, rev.ID); err != nil {
		what := "the downgrade fails"
		if r.populated {
			what = "the downgrade fails on a populated database"
		}
		return stop(r.failStep(i, what, err))
	}
	if !r.rowsAre(ctx, i, "downgrade", rows0) {
		return stop(nil)
	}
	s0b, err := m.inspectScratch(ctx)
	if err != nil {
		return stop(err)
	}
	diffs := r.describe(s0, s0b)
	restored := len(diffs) == 0
	if !r.populated {
		if !restored {
			t.fail(i, TestFailure{Check: CheckStairway, Where: r.downWhere(rev),
				Message: "the downgrade does not restore the schema from before the upgrade; after the downgrade, compared with before the upgrade:",
				Objects: diffs})
		}
	} else {
		after, err := r.snapshot(ctx, s0b)
		if err != nil {
			return stop(r.failRun(i, "read the rows after the downgrade", err))
		}
		keep := sampledata.Shared(s0, s1, s0b)
		for t := range lost {
			delete(keep, t)
		}
		if losses := sampledata.Compare(before, after, keep); len(losses) > 0 {
			r.failLoss(i, "after the downgrade, rows from before the upgrade are missing or changed", losses, nil, nil)
		}
		if !restored {
			// The stairway reports the schema; the rows after this
			// revision are checked on a new database.
			return stop(nil)
		}
	}

	// Up again. After a downgrade that left the schema wrong, the second
	// upgrade may fail or differ because of it: that is the same fault,
	// and the later revisions cannot be checked from such a state.
	if _, err := m.upgradeOne(ctx, rev.ID); err != nil {
		if !restored {
			return stop(nil) // the same fault; the pass goes on from a new database
		}
		return stop(r.failStep(i, "the upgrade fails after its downgrade", err))
	}
	if !r.rowsAre(ctx, i, "second upgrade", wantUp.After) {
		return stop(nil)
	}
	if !r.populated {
		s1b, err := m.inspectScratch(ctx)
		if err != nil {
			return stop(err)
		}
		if diffs := r.describe(s1, s1b); len(diffs) > 0 {
			if !restored {
				return stop(nil)
			}
			t.fail(i, TestFailure{Check: CheckStairway,
				Message: "upgrading again after the downgrade gives another schema than the first upgrade; the second, compared with the first:",
				Objects: diffs})
		}
	}
	if r.populated {
		if err := r.runData(ctx, rev.ID); err != nil {
			return stop(nil)
		}
	}
	return true, nil
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
	return r.fill.Fill(ctx, conn, s, r.t.after[id])
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
func (r *stepper) failStep(i int, what string, err error) error {
	f := TestFailure{Check: r.check(), Message: what + ": " + config.Redact(err.Error())}
	var se *migrate.StmtError
	if errors.As(err, &se) && se.Path != "" {
		f.Where = se.Path
		if se.Line > 0 {
			f.Where = fmt.Sprintf("%s:%d", se.Path, se.Line)
		}
	}
	r.t.fail(i, f)
	return err
}

func (r *stepper) failRun(i int, what string, err error) error {
	r.t.fail(i, TestFailure{Check: r.check(), Message: "could not " + what + ": " + config.Redact(err.Error())})
	return err
}

func (r *stepper) failLoss(i int, what string, losses []sampledata.Loss, rev *revision.Revision, blame map[string]map[string]sqlsplit.Statement) {
	f := TestFailure{Check: CheckData, Message: what + ":"}
	path := ""
	if rev != nil {
		path = r.m.runPath(rev.Path)
	}
	for _, l := range losses {
		detail := l.String()
		if st, ok := firstBlamed(blame[l.Table], l); ok {
			at := fmt.Sprintf("%s:%d", path, st.Line)
			detail += fmt.Sprintf(", by the statement at %s: %s", at, firstLine(st.SQL))
			if f.Where == "" {
				f.Where = at
			}
		}
		f.Objects = append(f.Objects, TestObject{Object: l.Table, Detail: detail})
	}
	r.t.fail(i, f)
}

// firstBlamed is the earliest statement after which a column of the loss
// (any column, for lost rows) no longer held its values.
func firstBlamed(cols map[string]sqlsplit.Statement, l sampledata.Loss) (sqlsplit.Statement, bool) {
	var best sqlsplit.Statement
	found := false
	consider := l.Columns
	if len(consider) == 0 {
		for c := range cols {
			consider = append(consider, c)
		}
	}
	for _, c := range consider {
		if st, ok := cols[c]; ok && (!found || st.Line < best.Line) {
			best, found = st, true
		}
	}
	return best, found
}

func firstLine(sql string) string {
	sql = strings.TrimSpace(sql)
	if i := strings.IndexByte(sql, '\n'); i >= 0 {
		sql = sql[:i] + " …"
	}
	return sql
}

// probe runs the revision's upgrade statement by statement in a
// transaction that it rolls back, and returns, for each table and column
// of before, the first statement after which its values were no longer all
// there: what a loss found after the real upgrade is blamed on. A revision
// of one statement needs no probe; one of several is probed only where DDL
// is transactional and its upgrade runs in a transaction (else nil: the
// statement is not named).
func (r *stepper) probe(ctx context.Context, rev *revision.Revision, before sampledata.Snapshot) map[string]map[string]sqlsplit.Statement {
	m := r.m
	if m.set == nil || len(before) == 0 {
		return nil
	}
	sc, err := m.set.Script(rev.ID)
	if err != nil {
		return nil
	}
	if len(sc.Upgrade.Statements) == 1 {
		st := sc.Upgrade.Statements[0]
		return blameAll(before, sqlsplit.Statement{SQL: st.SQL, Line: st.Line})
	}
	if !m.d.TransactionalDDL() || sc.Upgrade.NoTransaction || sc.NoTransaction {
		return nil
	}
	opts, err := m.inspectOptions(schema.Filter{})
	if err != nil {
		return nil
	}
	conn, err := m.conn(ctx)
	if err != nil {
		return nil
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil
	}
	defer func() { _ = tx.Rollback() }()
	out := map[string]map[string]sqlsplit.Statement{}
	for _, st := range sc.Upgrade.Statements {
		if _, err := tx.ExecContext(ctx, st.SQL); err != nil {
			return out
		}
		cur, err := autogen.Inspect(ctx, tx, m.d.Name(), opts)
		if err != nil {
			return out
		}
		snap, err := sampledata.Take(ctx, tx, m.d, cur)
		if err != nil {
			return out
		}
		for name, tb := range before {
			for _, c := range tb.Columns {
				if _, done := out[name][c]; done {
					continue
				}
				if len(sampledata.Compare(before, snap, map[string][]string{name: {c}})) == 0 && snap[name] != nil && hasColumn(snap[name], c) {
					continue
				}
				if out[name] == nil {
					out[name] = map[string]sqlsplit.Statement{}
				}
				out[name][c] = sqlsplit.Statement{SQL: st.SQL, Line: st.Line}
			}
		}
	}
	return out
}

// blameAll blames the one statement of a revision for every column.
func blameAll(before sampledata.Snapshot, st sqlsplit.Statement) map[string]map[string]sqlsplit.Statement {
	out := map[string]map[string]sqlsplit.Statement{}
	for name, tb := range before {
		out[name] = map[string]sqlsplit.Statement{}
		for _, c := range tb.Columns {
			out[name][c] = st
		}
	}
	return out
}

func hasColumn(t *sampledata.Table, c string) bool {
	return slices.Contains(t.Columns, c)
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
