package revision

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// nearest returns the names closest to sym by edit distance (adjacent
// swaps count as one edit), for "did you mean …?": the keywords head,
// heads and base (unless branchOnly), branch labels, and revision ids,
// which also match on a prefix as long as sym, since ids are usually
// typed shortened. Nothing is returned when nothing is close: one edit for
// up to four characters, two up to eight, three beyond.
func (g *Graph) nearest(sym string, branchOnly bool) []string {
	sym = strings.ToLower(strings.TrimSpace(sym))
	n := utf8.RuneCountInString(sym)
	if n == 0 || n > 64 {
		return nil
	}
	limit := 3
	switch {
	case n <= 4:
		limit = 1
	case n <= 8:
		limit = 2
	}
	best := limit + 1
	var out []string
	consider := func(name string, d int) {
		switch {
		case d < best:
			best, out = d, []string{name}
		case d == best && len(out) < 3 && !slices.Contains(out, name):
			out = append(out, name)
		}
	}
	if !branchOnly {
		for _, k := range []string{"head", "heads", "base"} {
			consider(k, editDistance(sym, k, best))
		}
	}
	for _, r := range g.revs {
		for _, l := range r.BranchLabels {
			consider(l, editDistance(sym, strings.ToLower(l), best))
		}
	}
	for _, r := range g.revs {
		id := strings.ToLower(r.ID)
		d := editDistance(sym, id, best)
		if p := prefixRunes(id, n); p != id {
			d = min(d, editDistance(sym, p, best))
		}
		consider(r.ID, d)
	}
	if best > limit {
		return nil
	}
	return out
}

// prefixRunes is the first n runes of s (all of s when shorter); a prefix
// of four runes or fewer is not offered, as Alembic needs four to match.
func prefixRunes(s string, n int) string {
	if n < 4 {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of adjacent runes), or
// any value above limit once it is certain to exceed it.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
