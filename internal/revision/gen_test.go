package revision

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
)

// genOpts shapes a random revision graph.
type genOpts struct {
	n       int
	bases   float64 // probability a new revision starts a new root
	merge   float64 // probability of merging two heads
	deps    float64 // probability of a depends_on
	labels  float64 // probability of a branch label
	shortID bool    // ids like "r12" instead of 12 hex characters
}

// genGraph builds a random valid graph, returned in load order (sorted by
// id, as files sorted by name would be).
func genGraph(rng *rand.Rand, o genOpts) []*Revision {
	var revs []*Revision
	used := map[string]bool{}
	var heads []int // indexes into revs of current versioned heads
	labelN := 0
	newID := func(k int) string {
		for {
			var id string
			if o.shortID {
				id = fmt.Sprintf("r%d", k)
			} else {
				id = fmt.Sprintf("%012x", rng.Uint64()&0xffffffffffff)
			}
			if !used[id] {
				used[id] = true
				return id
			}
		}
	}
	// ancestors via parents+deps for picking dependencies that do not
	// create cycles: any earlier revision is safe (creation order is topological).
	for k := range o.n {
		r := &Revision{ID: newID(k)}
		r.Message = "rev " + r.ID
		r.Doc = r.Message
		r.Path = "versions/" + r.ID + ".sql"
		switch {
		case k == 0 || rng.Float64() < o.bases:
			// new root
		case len(heads) >= 2 && rng.Float64() < o.merge:
			i := rng.IntN(len(heads))
			j := rng.IntN(len(heads) - 1)
			if j >= i {
				j++
			}
			r.Parents = []string{revs[heads[i]].ID, revs[heads[j]].ID}
		default:
			// Mostly extend a head; sometimes branch from anywhere.
			var p int
			if rng.Float64() < 0.8 && len(heads) > 0 {
				p = heads[rng.IntN(len(heads))]
			} else {
				p = rng.IntN(len(revs))
			}
			r.Parents = []string{revs[p].ID}
		}
		if k > 0 && rng.Float64() < o.deps {
			d := revs[rng.IntN(len(revs))]
			if !slices.Contains(r.Parents, d.ID) {
				dep := d.ID
				if len(d.BranchLabels) > 0 && rng.IntN(2) == 0 {
					dep = d.BranchLabels[0]
				}
				r.DependsOn = []string{dep}
			}
		}
		if rng.Float64() < o.labels {
			labelN++
			r.BranchLabels = []string{fmt.Sprintf("lbl%d", labelN)}
		}
		revs = append(revs, r)
		// recompute heads incrementally
		var nh []int
		for _, h := range heads {
			if !slices.Contains(r.Parents, revs[h].ID) {
				nh = append(nh, h)
			}
		}
		heads = append(nh, len(revs)-1)
	}
	sort.Slice(revs, func(i, j int) bool { return revs[i].ID < revs[j].ID })
	return revs
}

// genBranchy builds n revisions as a trunk from which `branches` side
// branches fork and are merged back, each side branch about as long as the
// trunk segment it spans.
func genBranchy(rng *rand.Rand, n, branches int) []*Revision {
	var revs []*Revision
	used := map[string]bool{}
	id := func() string {
		for {
			s := fmt.Sprintf("%012x", rng.Uint64()&0xffffffffffff)
			if !used[s] {
				used[s] = true
				return s
			}
		}
	}
	add := func(parents ...string) string {
		r := &Revision{ID: id(), Parents: parents}
		r.Message = "rev " + r.ID
		r.Path = "versions/" + r.ID + ".sql"
		revs = append(revs, r)
		return r.ID
	}
	seg := max(n/(branches*2), 1)
	tip := add()
	for b := 0; b < branches && len(revs) < n; b++ {
		fork := tip
		side := fork
		for range seg {
			tip = add(tip)
			side = add(side)
		}
		tip = add(tip, side)
	}
	for len(revs) < n {
		tip = add(tip)
	}
	sort.Slice(revs, func(i, j int) bool { return revs[i].ID < revs[j].ID })
	return revs
}

func genLinear(rng *rand.Rand, n int) []*Revision {
	var revs []*Revision
	prev := ""
	for k := range n {
		r := &Revision{ID: fmt.Sprintf("%012x", rng.Uint64()&0xffffffffffff^uint64(k))}
		if prev != "" {
			r.Parents = []string{prev}
		}
		r.Message = "rev " + r.ID
		r.Path = "versions/" + r.ID + ".sql"
		prev = r.ID
		revs = append(revs, r)
	}
	sort.Slice(revs, func(i, j int) bool { return revs[i].ID < revs[j].ID })
	return revs
}
