package retort

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/fleet"
)

// TestTarget is a fleet target as TestFleet sees it: a name and the
// server it lives on. TestFleet never connects to the target's database:
// its scratch databases are created beside it, on the same server, as the
// same user.
type TestTarget struct {
	Name    string
	Dialect string
	// DriverName and DataSource reach the target's database (a tenant
	// schema's: its database, without the schema's search path).
	DriverName, DataSource string
}

// TestServer is one distinct server of a fleet and the targets on it: what
// one run of Test covers.
type TestServer struct {
	// Name is the server's address without password, database or
	// parameters ("postgres://app@db1:5432", "mysql://app@db2:3306"); for
	// a dialect without a server (SQLite), the dialect and "(in memory)".
	Name    string
	Dialect string
	// DriverName and DataSource are the first target's: the scratch
	// databases are created from them (credentials and connection
	// parameters included).
	DriverName, DataSource string
	// Targets are the names of the targets on this server, in the order
	// given.
	Targets []string
}

// TestServers groups targets by the server their scratch databases would
// be created on: for PostgreSQL and MySQL/MariaDB the server's address and
// the user (dialect.ScratchServer's ServerAddress), so every tenant
// database of one server shares one run; for a dialect that tests in
// memory (SQLite) one group per dialect, since there is no server. Servers
// come in the order of their first target.
func TestServers(targets []TestTarget) ([]TestServer, error) {
	keys := make([]string, len(targets))
	names := make([]string, len(targets))
	for i, t := range targets {
		d, err := registry.Lookup(t.Dialect)
		if err != nil {
			return nil, fmt.Errorf("fleet target %s: %w", t.Name, err)
		}
		switch s := d.(type) {
		case dialect.ScratchMemory:
			names[i] = d.Name() + " (in memory)"
		case dialect.ScratchServer:
			addr, err := s.ServerAddress(t.DataSource)
			if err != nil {
				return nil, fmt.Errorf("fleet target %s: cannot tell its server: %w", t.Name, config.NewRedactor(t.DataSource).Error(err))
			}
			names[i] = addr
		default:
			return nil, fmt.Errorf("fleet target %s: a %s database has no scratch database to test on", t.Name, d.Name())
		}
		keys[i] = d.Name() + "\x00" + names[i]
	}
	var out []TestServer
	for _, g := range fleet.Group(keys) {
		first := targets[g[0]]
		s := TestServer{Name: names[g[0]], Dialect: first.Dialect, DriverName: first.DriverName, DataSource: first.DataSource}
		for _, i := range g {
			s.Targets = append(s.Targets, targets[i].Name)
		}
		out = append(out, s)
	}
	return out, nil
}

// FleetTestOptions shape a TestFleet run.
type FleetTestOptions struct {
	// Parallelism bounds the servers tested at once (0: DefaultParallelism).
	Parallelism int
	// FailFast starts no further server once one failed a check or could
	// not be tested; runs already going finish.
	FailFast bool
	// Events receives the run's events, one call at a time.
	Events func(FleetTestEvent)
}

// FleetTestEvent is one progress report of a TestFleet run: a server's
// run starting (FleetTargetStart) or ending (FleetTargetDone, Result set),
// or a TestEvent of its run (FleetTargetEvent: a scratch database
// created, a check starting).
type FleetTestEvent struct {
	Kind   FleetEventKind
	Server string // the server's Name
	Index  int    // its position in the servers given
	Test   TestEvent
	Result *ServerTestResult
	// Counts over the whole run after this event.
	Started, Done, Failed, Total int
}

// ServerTestResult is what Test found on one server.
type ServerTestResult struct {
	TestServer
	Started bool        // false: never started (FailFast, or the context ended)
	Report  *TestReport // the checks (so far, when Err is set); nil when none ran
	Err     error       // why the test could not run (no server, no right to create a database)
	// Duration is the server's test's wall time.
	Duration time.Duration
}

// Passed reports whether the server's test ran and every check passed.
func (r *ServerTestResult) Passed() bool {
	return r.Started && r.Err == nil && r.Report != nil && r.Report.Passed()
}

// FleetTestResult is every server's outcome, in the order given.
type FleetTestResult struct {
	Servers  []ServerTestResult
	Duration time.Duration
}

// Passed reports whether every server was tested and passed.
func (r *FleetTestResult) Passed() bool {
	for i := range r.Servers {
		if !r.Servers[i].Passed() {
			return false
		}
	}
	return true
}

// errChecksFailed tells the fleet runner that a server's checks failed, so
// that FailFast stops; it is not a ServerTestResult.Err.
var errChecksFailed = errors.New("a check failed")

// TestFleet runs Test once per server (TestServers groups a fleet's
// targets by server): the revisions are the same for every target, and
// Test runs them on scratch databases, so what can differ between targets
// is the server (its kind, version and settings), never the tenant's data.
// No target's database is touched: each server's scratch databases are
// created beside its targets' databases and dropped afterwards.
//
// to's Dialect, DriverName and DataSource are each server's; to.Events is
// not called (the servers' test events come through fo.Events). The error
// is for a run that cannot start at all (a range or fixture that does not
// resolve, ErrTestInput): nothing was created. How each server fared is
// in the result.
func TestFleet(ctx context.Context, fsys fs.FS, servers []TestServer, to TestOptions, fo FleetTestOptions, opts ...Option) (*FleetTestResult, error) {
	start := time.Now()
	res := &FleetTestResult{Servers: make([]ServerTestResult, len(servers))}
	for i, s := range servers {
		res.Servers[i].TestServer = s
	}
	// Read the files and resolve the range once, before any server: a
	// mistake there is every server's.
	checked := map[string]bool{}
	for _, s := range servers {
		if checked[s.Dialect] {
			continue
		}
		checked[s.Dialect] = true
		if _, err := newTester(ctx, fsys, serverTestOptions(to, s, nil), opts); err != nil {
			return nil, err
		}
	}
	var (
		mu                    sync.Mutex // serializes fo.Events and guards the counts
		started, done, failed int
	)
	emit := func(e FleetTestEvent) { // with mu held
		if fo.Events == nil {
			return
		}
		e.Started, e.Done, e.Failed, e.Total = started, done, failed, len(servers)
		fo.Events(e)
	}
	fleet.Run(ctx, len(servers), fleet.Options{
		Parallelism: fo.Parallelism,
		FailFast:    fo.FailFast,
		Start: func(i int) {
			mu.Lock()
			defer mu.Unlock()
			started++
			res.Servers[i].Started = true
			emit(FleetTestEvent{Kind: FleetTargetStart, Server: servers[i].Name, Index: i})
		},
		Done: func(i int, oc fleet.Outcome) {
			mu.Lock()
			defer mu.Unlock()
			r := &res.Servers[i]
			r.Duration = oc.Duration
			done++
			if oc.Err != nil {
				failed++
			}
			emit(FleetTestEvent{Kind: FleetTargetDone, Server: r.Name, Index: i, Result: r})
		},
	}, func(ctx context.Context, i int) error {
		r := &res.Servers[i]
		events := func(e TestEvent) {
			mu.Lock()
			defer mu.Unlock()
			emit(FleetTestEvent{Kind: FleetTargetEvent, Server: servers[i].Name, Index: i, Test: e})
		}
		rep, err := Test(ctx, fsys, serverTestOptions(to, servers[i], events), opts...)
		r.Report = rep // what the checks found so far, also when the test stopped
		if err != nil {
			r.Err = err
			return err
		}
		if !rep.Passed() {
			return errChecksFailed
		}
		return nil
	})
	res.Duration = time.Since(start)
	return res, nil
}

// serverTestOptions are to for server s.
func serverTestOptions(to TestOptions, s TestServer, events func(TestEvent)) TestOptions {
	to.Dialect, to.DriverName, to.DataSource = s.Dialect, s.DriverName, s.DataSource
	to.Events = events
	return to
}
