// Package fleet runs one job over many named targets: bounded parallelism,
// continue or stop starting new targets after a failure, results in the
// targets' order; and the pure arithmetic around it: which targets a
// selector names (Select), which shard a target belongs to (Shard), and
// which targets share a key (Group).
//
// It knows nothing of databases, revisions or the command line: the façade
// (package retort) gives it one job per database. It imports nothing of
// retort.
package fleet

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultParallelism is how many targets run at once when the caller does
// not say: a few, since each holds a connection and a migration lock, and
// the revisions' own work is usually the server's, not this process's.
const DefaultParallelism = 4

// Options shape a Run.
type Options struct {
	// Parallelism bounds the jobs running at once (0: DefaultParallelism).
	Parallelism int
	// FailFast starts no new job after one failed; jobs already running
	// finish (a migration is never cut short by another target's failure).
	FailFast bool
	// Start and Done are called as job i starts and ends, one call at a
	// time (never concurrently), so they may update shared state freely.
	Start func(i int)
	Done  func(i int, o Outcome)
}

// Outcome is what became of one target's job.
type Outcome struct {
	Started  bool          // false: skipped (FailFast after a failure, or ctx ended first)
	Err      error         // the job's error; nil when it succeeded or never started
	Duration time.Duration // the job's wall time
}

// ErrSkipped is the reason given to targets that never started.
var ErrSkipped = errors.New("not started")

// Run calls job(ctx, i) for i in [0, n), at most o.Parallelism at once,
// starting them in order of i, and returns each one's Outcome (index i).
// A job that returns an error does not stop the others unless o.FailFast;
// a cancelled ctx starts no further job (running ones see ctx cancelled).
func Run(ctx context.Context, n int, o Options, job func(ctx context.Context, i int) error) []Outcome {
	par := o.Parallelism
	if par <= 0 {
		par = DefaultParallelism
	}
	out := make([]Outcome, n)
	var (
		mu      sync.Mutex // serializes Start/Done and guards failed
		failed  bool
		next    = make(chan int)
		workers sync.WaitGroup
	)
	for range min(par, n) {
		workers.Go(func() {
			for i := range next {
				mu.Lock()
				if (failed && o.FailFast) || ctx.Err() != nil {
					mu.Unlock() // handed over just as another failed: skip it too
					continue
				}
				if o.Start != nil {
					o.Start(i)
				}
				mu.Unlock()
				start := time.Now()
				err := job(ctx, i)
				oc := Outcome{Started: true, Err: err, Duration: time.Since(start)}
				mu.Lock()
				out[i] = oc
				if err != nil {
					failed = true
				}
				if o.Done != nil {
					o.Done(i, oc)
				}
				mu.Unlock()
			}
		})
	}
	for i := range n {
		mu.Lock()
		stop := failed && o.FailFast
		mu.Unlock()
		if stop || ctx.Err() != nil {
			break
		}
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	workers.Wait()
	return out
}

// Shard returns the shard (1 to n) that the target named name belongs to:
// a stable hash of the name, so that a target's shard depends on nothing
// but its name and n. Adding or removing a target never moves another, and
// every job given the same n agrees without talking to the others.
func Shard(name string, n int) int {
	if n <= 1 {
		return 1
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	return int(h.Sum64()%uint64(n)) + 1
}

// ParseShard reads "I/N" (shard I of N, 1 ≤ I ≤ N).
func ParseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		i, err = strconv.Atoi(strings.TrimSpace(a))
		if err == nil {
			n, err = strconv.Atoi(strings.TrimSpace(b))
		}
	}
	if !ok || err != nil {
		return 0, 0, fmt.Errorf("--shard %q: write I/N, shard I of N, such as 1/4 (shards are numbered from 1)", s)
	}
	if n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("--shard %q: I must be between 1 and N, and N at least 1 (shards are numbered from 1, e.g. 1/4 to 4/4)", s)
	}
	return i, n, nil
}

// Group gathers the indexes of equal keys: one group per distinct key, in
// the order each key first appears, each group's indexes ascending. It is
// how a job that depends on less than the whole target (`retort test`
// depends on the server alone) runs once per distinct key.
func Group(keys []string) [][]int {
	var out [][]int
	at := map[string]int{}
	for i, k := range keys {
		g, ok := at[k]
		if !ok {
			g = len(out)
			at[k] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], i)
	}
	return out
}

// Selector says which targets of a fleet a run covers.
type Selector struct {
	All    bool     // every target
	Names  []string // exact names (--target); an unknown one is an error
	Globs  []string // name patterns (--tenants): *, ?, [a-z]; one matching none is an error
	ShardI int      // with ShardN > 0: keep only shard ShardI of ShardN
	ShardN int
}

// Empty reports whether the selector names nothing (a single-target run).
func (s Selector) Empty() bool { return !s.All && len(s.Names) == 0 && len(s.Globs) == 0 }

// Select returns the indexes of names that sel covers, in names' order.
func Select(names []string, sel Selector) ([]int, error) {
	for _, g := range sel.Globs {
		if _, err := path.Match(g, ""); err != nil {
			return nil, fmt.Errorf("--tenants %q is not a valid pattern (use *, ? and [a-z])", g)
		}
	}
	want := map[string]bool{}
	for _, n := range sel.Names {
		if !slices.Contains(names, n) {
			return nil, fmt.Errorf("--target %q: no fleet target has that name (%s)", n, namesHint(names))
		}
		want[n] = true
	}
	used := make([]bool, len(sel.Globs))
	var out []int
	for i, name := range names {
		ok := sel.All || want[name]
		for gi, g := range sel.Globs {
			if m, _ := path.Match(g, name); m {
				ok, used[gi] = true, true
			}
		}
		if ok && (sel.ShardN <= 0 || Shard(name, sel.ShardN) == sel.ShardI) {
			out = append(out, i)
		}
	}
	for gi, g := range sel.Globs {
		if !used[gi] {
			return nil, fmt.Errorf("--tenants %q matches no fleet target (%s)", g, namesHint(names))
		}
	}
	return out, nil
}

// namesHint shows a few target names for an error message.
func namesHint(names []string) string {
	const show = 5
	switch {
	case len(names) == 0:
		return "the fleet is empty"
	case len(names) <= show:
		return "targets: " + strings.Join(names, ", ")
	}
	return fmt.Sprintf("targets: %s, … (%d in all; `retort current --all` lists them)", strings.Join(names[:show], ", "), len(names))
}
