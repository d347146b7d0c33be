package retort

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/revision"
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
	// Log receives the database driver's own log lines (go-sql-driver/mysql
	// logs some connection errors itself); nil leaves them to the driver.
	Log io.Writer
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

// TestEvent is Test's progress: a revision's check starting, or (Scratch
// set, the other fields empty) a scratch database created.
type TestEvent struct {
	Check    string // "stairway" or "data"
	Step     int    // 1-based
	Total    int
	Revision string
	Text     string
	// Scratch names a scratch database just created; it is dropped when
	// its pass ends (a process killed with SIGKILL leaves it behind).
	Scratch string
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
	// stage is the stairway's step that failed (a stage… constant), for
	// Lint; "" for the others.
	stage string
	// line is the failing statement's line in the revision file, or 0;
	// cause the server's message about it.
	line  int
	cause string
}

// Stairway stages a failure comes from, in TestFailure.stage.
const (
	stageUp          = "up"            // the first upgrade fails
	stageDown        = "down"          // the downgrade fails
	stageDownDiff    = "down-diff"     // the downgrade leaves another schema
	stageUpAgain     = "up-again"      // the second upgrade fails
	stageUpAgainDiff = "up-again-diff" // the second upgrade gives another schema
)

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
	Duration time.Duration `json:"-"`
	// DataDuration is the upgrade's on the populated database.
	DataDuration time.Duration `json:"-"`
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
// locations…); the dialect comes from to.Dialect. The version table's
// schema is not used: the version and history tables stay in each scratch
// database (a report note says so), so that nothing outside them is
// written.
func Test(ctx context.Context, fsys fs.FS, to TestOptions, opts ...Option) (*TestReport, error) {
	t, err := newTester(ctx, fsys, to, opts)
	if err != nil {
		return nil, err
	}
	return t.run(ctx)
}

// newTester checks Test's options and plans the run; nothing is created.
func newTester(ctx context.Context, fsys fs.FS, to TestOptions, opts []Option) (*tester, error) {
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
	// The version and history tables stay in the scratch database's own
	// schema: a configured schema does not exist there (PostgreSQL), or
	// is another database of the server (MySQL), which a test must never
	// write to.
	var versionSchema string
	opts = append(slices.Clone(opts), func(o *options) error {
		versionSchema = o.versionSchema
		o.versionSchema, o.tenantSchema = "", ""
		return nil
	}, WithDialect(d.Name()))
	m, err := Open(ctx, nil, fsys, opts...)
	if err != nil {
		return nil, err
	}
	t := testerFor(m, d, to)
	if versionSchema != "" {
		t.rep.Notes = append(t.rep.Notes, fmt.Sprintf("the version and history tables are kept in each scratch database's default schema, not in schema %q (version_table_schema): a test writes nowhere but its scratch databases", versionSchema))
	}
	if err := t.plan(); err != nil {
		return nil, err
	}
	if err := t.readData(); err != nil {
		return nil, err
	}
	return t, nil
}

// run runs the checks.
func (t *tester) run(ctx context.Context) (*TestReport, error) {
	t.heads()
	if err := t.pass(ctx, false); err != nil {
		return t.rep, err
	}
	if t.to.Rows > 0 || len(t.to.Data) > 0 {
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

// testerFor is a tester over the Migrator m, opened for dialect d.
func testerFor(m *Migrator, d dialect.Dialect, to TestOptions) *tester {
	return &tester{m: m, d: d, to: to, after: map[string]*schema.Schema{}, upFailed: map[string]bool{},
		rep: &TestReport{Dialect: d.Name(), Models: TestSkipped, Failures: []TestFailure{}, Revisions: []RevisionTest{}, Heads: []string{}, Scratch: []string{}}}
}

// tester is one Test run.
type tester struct {
	m     *Migrator
	d     dialect.Dialect
	to    TestOptions
	rep   *TestReport
	steps []*revision.Revision // the plan from base to the range's end
	first int                  // index of the first step checked
	// only, when set, names the steps checked: the others are applied
	// only, like those before first (Lint's stairway).
	only     map[string]bool
	toHeads  bool // the range ends at the heads
	data     map[string][]sqlsplit.Statement
	dataPath map[string]string
	// after holds each revision's schema after its upgrade, from the
	// stairway: the populated check fills tables for what comes next.
	after map[string]*schema.Schema
	// upFailed holds the revisions whose upgrade failed on the stairway.
	upFailed map[string]bool
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
	if len(hs) == 0 {
		t.rep.Failures = append(t.rep.Failures, TestFailure{Check: CheckHeads,
			Message: fmt.Sprintf("the graph has no revision, so no head (%d expected): check version_locations, or write one with `retort revision -m MESSAGE`", want)})
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
