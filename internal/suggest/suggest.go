// Package suggest finds the known word a mistyped one was probably meant to
// be, for the "did you mean …?" of an error message (retort.toml keys, lint
// rule ids). It imports nothing of retort.
package suggest

// Closest returns the one of known nearest to word by edit distance, if it
// is at most maxDist edits away and no more than a third of its length
// (plus one) — close enough to be a typo, not a different word. Ties go to
// the earlier of known; "" when none is close.
func Closest(word string, known []string, maxDist int) string {
	best, bestDist := "", maxDist+1
	for _, k := range known {
		if d := Distance(word, k); d < bestDist && d <= len(k)/3+1 {
			best, bestDist = k, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
