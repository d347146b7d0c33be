package sqlstate

import (
	"context"
	"runtime"
	"slices"
	"sync"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// A dialect that can split the models (dialect.ScratchSharder: SQLite,
// whose CREATE costs time in proportion to the tables already there) has
// them run in several scratch databases at once, shardGroups groups (a
// table and its indexes) each, loaded by as many workers as the process
// has cores; the shards are inspected as one database. Whatever goes
// wrong there (a statement refused, a failed inspection) is left to one
// scratch database, which reports it as it always has: a refused
// statement by its file:line. Each shard is read as soon as it is loaded
// and dropped: the memory of an in-process database is then reused by
// the next one instead of growing for all of them and being handed back
// to the system at the end.

// shardGroups is how many groups of statements each shard gets: the time
// a shard's CREATE statements cost grows with the square of its tables
// and a shard's inspection costs a few queries, so a few dozen tables.
const shardGroups = 48

// inShards runs stmts split over several scratch databases and inspects
// them as one. ok is false when the dialect cannot split them, they are
// too few to gain anything, or a shard failed: the caller then uses one
// scratch database. A cancelled ctx is returned as an error.
func inShards(ctx context.Context, d dialect.Dialect, src Source, stmts []located) (s *schema.Schema, ok bool, err error) {
	sh, can := d.(dialect.ScratchSharder)
	h := src.hooks
	if !can || h != nil && (h.oneByOne || h.noShards) {
		return nil, false, nil
	}
	per := shardGroups
	if h != nil && h.shardGroups > 0 {
		per = h.shardGroups
	}
	texts := make([]string, len(stmts))
	for i, l := range stmts {
		texts[i] = l.st.SQL
	}
	groups := sh.ScratchShards(texts)
	n := (len(groups) + per - 1) / per
	if n < 2 {
		return nil, false, nil
	}
	// Consecutive groups to each shard, its statements in the models'
	// order.
	shards := make([][]located, n)
	for i := range n {
		var idx []int
		for _, g := range groups[i*len(groups)/n : (i+1)*len(groups)/n] {
			idx = append(idx, g...)
		}
		slices.Sort(idx)
		for _, j := range idx {
			shards[i] = append(shards[i], stmts[j])
		}
	}
	rd := sh.ShardReader(n, src.Inspect)
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	failed := make([]bool, n)
	each(n, func(i int) {
		r := &runner{d: d, src: src}
		defer r.close()
		if sctx.Err() != nil || r.load(sctx, shards[i]) != nil || rd.Read(sctx, i, r.conn) != nil {
			failed[i] = true
			cancel()
		}
	})
	if ctx.Err() != nil {
		return nil, false, ctx.Err()
	}
	if slices.Contains(failed, true) {
		return nil, false, nil
	}
	if s, err = rd.Schema(); err != nil {
		return nil, false, nil
	}
	if h != nil && h.sharded != nil {
		h.sharded(n)
	}
	return s, true, nil
}

// load runs stmts, in batches, in a fresh scratch database.
func (r *runner) load(ctx context.Context, stmts []located) error {
	if err := r.open(ctx, true); err != nil {
		return err
	}
	for _, b := range batches(stmts, r.src.hooks) {
		if _, err := r.conn.ExecContext(ctx, joined(b)); err != nil {
			return err
		}
	}
	return nil
}

// each calls f(0), …, f(n-1) on as many goroutines as the process has
// cores, and returns when all have returned.
func each(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
