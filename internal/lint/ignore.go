package lint

import (
	"fmt"
	"strings"
)

// ignoreTag starts a per-statement ignore comment:
// "-- retort:ignore RULE-ID[,RULE-ID…] reason".
const ignoreTag = "retort:ignore"

// ignoreSet is a file's ignore comments, by the region they sit in.
type ignoreSet struct {
	regions []region
	// byRegion: region index (-1: the file, outside any statement) → rule ids.
	byRegion map[int]map[string]bool
	bad      []badIgnore
}

// region is a statement's lines with the comments just above it: from
// after the previous statement (or the section marker) to its last line.
type region struct{ from, to int }

type badIgnore struct {
	line int
	msg  string
}

// parseIgnores reads r's ignore comments.
func parseIgnores(r *Revision) *ignoreSet {
	ig := &ignoreSet{byRegion: map[int]map[string]bool{}}
	for _, sec := range []*Section{&r.Upgrade, &r.Downgrade} {
		prev := sec.Line
		for _, st := range sec.Statements {
			end := st.Line + strings.Count(st.SQL, "\n")
			ig.regions = append(ig.regions, region{prev + 1, end})
			prev = end
		}
	}
	for i, text := range strings.Split(r.Source, "\n") {
		line := i + 1
		at := strings.Index(text, "--")
		for at >= 0 {
			rest := strings.TrimSpace(text[at+2:])
			if len(rest) >= len(ignoreTag) && strings.EqualFold(rest[:len(ignoreTag)], ignoreTag) {
				ig.add(line, rest[len(ignoreTag):])
				break
			}
			next := strings.Index(text[at+2:], "--")
			if next < 0 {
				break
			}
			at += 2 + next
		}
	}
	return ig
}

// add reads one ignore comment's text after the tag.
func (ig *ignoreSet) add(line int, text string) {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		ig.bad = append(ig.bad, badIgnore{line, "retort:ignore names no rule: write `-- retort:ignore RULE-ID reason`"})
		return
	}
	if len(fields) < 2 {
		ig.bad = append(ig.bad, badIgnore{line, fmt.Sprintf("retort:ignore %s gives no reason: say why the statement is safe after the rule id", fields[0])})
		return
	}
	reg := ig.regionOf(line)
	for _, id := range strings.Split(fields[0], ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if ruleByID(id) == nil {
			ig.bad = append(ig.bad, badIgnore{line, "retort:ignore: " + unknownRule(id)})
			continue
		}
		if ig.byRegion[reg] == nil {
			ig.byRegion[reg] = map[string]bool{}
		}
		ig.byRegion[reg][id] = true
	}
}

func (ig *ignoreSet) regionOf(line int) int {
	for i, r := range ig.regions {
		if line >= r.from && line <= r.to {
			return i
		}
	}
	return -1
}

// ignores reports whether f is ignored: by a comment in its statement's
// region, or, for a finding about the file, by one outside any statement.
func (ig *ignoreSet) ignores(f Finding) bool {
	reg := -1
	if f.Statement != "" || f.Rule == ruleReviewNote {
		reg = ig.regionOf(f.Line)
	}
	return ig.byRegion[reg][f.Rule]
}
