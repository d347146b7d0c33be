package fleet

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// TestShardPartition: every target is in exactly one of N shards, the
// shards are not wildly uneven, and adding targets moves none of the
// others.
func TestShardPartition(t *testing.T) {
	t.Parallel()
	var names []string
	for i := range 1000 {
		names = append(names, fmt.Sprintf("tenant_%04d", i))
	}
	for _, n := range []int{1, 2, 3, 7, 16} {
		seen := map[int]int{}
		count := make([]int, n+1)
		for s := 1; s <= n; s++ {
			idx, err := Select(names, Selector{All: true, ShardI: s, ShardN: n})
			if err != nil {
				t.Fatal(err)
			}
			for _, i := range idx {
				seen[i]++
				count[s]++
			}
		}
		for i := range names {
			if seen[i] != 1 {
				t.Fatalf("N=%d: %s is in %d shards", n, names[i], seen[i])
			}
		}
		for s := 1; s <= n; s++ {
			if n > 1 && (count[s] < len(names)/n/2 || count[s] > 2*len(names)/n) {
				t.Errorf("N=%d: shard %d has %d of %d targets", n, s, count[s], len(names))
			}
		}
		// Adding tenants (anywhere in the list) moves no one.
		grown := append([]string{"new_first"}, names...)
		grown = append(grown, "new_last")
		for i, name := range names {
			if Shard(name, n) != Shard(grown[i+1], n) {
				t.Fatalf("N=%d: %s moved", n, name)
			}
		}
	}
}

func TestParseShard(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"1/1", "2/4", " 3 / 3 "} {
		if _, _, err := ParseShard(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "1", "0/4", "5/4", "a/b", "1/0", "-1/2", "1/2/3"} {
		if _, _, err := ParseShard(bad); err == nil || !strings.Contains(err.Error(), "--shard") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestSelect(t *testing.T) {
	t.Parallel()
	names := []string{"acme", "globex", "initech", "umbrella"}
	tests := []struct {
		sel     Selector
		want    []int
		wantErr string
	}{
		{Selector{All: true}, []int{0, 1, 2, 3}, ""},
		{Selector{Names: []string{"initech", "acme"}}, []int{0, 2}, ""},
		{Selector{Globs: []string{"*e*"}, Names: []string{"umbrella"}}, []int{0, 1, 2, 3}, ""},
		{Selector{Globs: []string{"[ag]*"}}, []int{0, 1}, ""},
		{Selector{Names: []string{"hooli"}}, nil, `--target "hooli": no fleet target has that name (targets: acme, globex, initech, umbrella)`},
		{Selector{Globs: []string{"z*"}}, nil, `--tenants "z*" matches no fleet target`},
		{Selector{Globs: []string{"[a"}}, nil, `--tenants "[a" is not a valid pattern`},
	}
	for _, tt := range tests {
		got, err := Select(names, tt.sel)
		if tt.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("%+v: %v, want %q", tt.sel, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%+v: %v %v, want %v", tt.sel, got, err, tt.want)
		}
	}
}

// TestRun: every job runs once, at most Parallelism at a time; a failure
// stops nothing unless FailFast, which starts no job after it.
func TestRun(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	for _, failFast := range []bool{false, true} {
		var running, peak atomic.Int32
		var calls [20]atomic.Int32
		var order []int
		out := Run(context.Background(), 20, Options{Parallelism: 3, FailFast: failFast,
			Start: func(i int) { order = append(order, i) }},
			func(ctx context.Context, i int) error {
				calls[i].Add(1)
				r := running.Add(1)
				defer running.Add(-1)
				for {
					p := peak.Load()
					if r <= p || peak.CompareAndSwap(p, r) {
						break
					}
				}
				if i == 5 {
					return boom
				}
				return nil
			})
		if peak.Load() > 3 {
			t.Errorf("failFast=%v: %d jobs ran at once, want at most 3", failFast, peak.Load())
		}
		if !slices.IsSorted(order) {
			t.Errorf("failFast=%v: started out of order: %v", failFast, order)
		}
		started := 0
		for i, oc := range out {
			if c := calls[i].Load(); c > 1 || (c == 1) != oc.Started {
				t.Errorf("failFast=%v: job %d called %d times, started=%v", failFast, i, c, oc.Started)
			}
			if oc.Started {
				started++
			}
			if (i == 5) != (oc.Err != nil) {
				t.Errorf("failFast=%v: job %d err %v", failFast, i, oc.Err)
			}
		}
		switch {
		case !failFast && started != 20:
			t.Errorf("continue: %d of 20 started", started)
		case failFast && (started < 6 || started > 9):
			// Jobs 0-5 start; at most the 3 handed over while 5 ran may follow.
			t.Errorf("fail-fast: %d of 20 started", started)
		}
	}
	// A cancelled context starts nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, oc := range Run(ctx, 5, Options{}, func(context.Context, int) error { return nil }) {
		if oc.Started {
			t.Error("a job started after the context was cancelled")
		}
	}
}

// TestGroup: one group per distinct key, in order of first appearance,
// every index in exactly one group.
func TestGroup(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		keys []string
		want [][]int
	}{
		{nil, nil},
		{[]string{"a"}, [][]int{{0}}},
		{[]string{"a", "a", "a"}, [][]int{{0, 1, 2}}},
		{[]string{"b", "a", "b", "c", "a"}, [][]int{{0, 2}, {1, 4}, {3}}},
	} {
		if got := Group(c.keys); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Group(%q) = %v, want %v", c.keys, got, c.want)
		}
	}
}
