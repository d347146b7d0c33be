package revision

import (
	"fmt"
	"strings"
)

// BlankTargetError is a target that names nothing: empty or only
// whitespace, wholly or on one side of its '@' or of a range's ':'.
//
// Alembic reads an empty target as base, so `downgrade "$TARGET"` with the
// variable unset undoes every revision. retort never guesses: base is only
// ever reached by naming it.
type BlankTargetError struct {
	Target string // the target as given
	Part   string // "" (the whole target), "branch", "revision", "start" or "end"
	Branch string // for Part "revision": the branch before the '@'
}

func (e *BlankTargetError) Error() string {
	switch e.Part {
	case "branch":
		return fmt.Sprintf("target %q names no branch before '@': write the label (e.g. mybranch@head), or drop the '@'", e.Target)
	case "revision":
		return fmt.Sprintf("target %q names no revision after '@': write e.g. %s@head or %s@base", e.Target, e.Branch, e.Branch)
	case "start":
		return fmt.Sprintf("range %q has an empty start: name it, e.g. base:head (an empty start is never taken as base)", e.Target)
	case "end":
		return fmt.Sprintf("range %q has an empty end: name it, e.g. base:head", e.Target)
	}
	return fmt.Sprintf("empty target %q: name the revision explicitly (head, heads, base, an id, a label, -1…); "+
		"an empty or blank target is never taken as base", e.Target)
}

// Is makes errors.Is(err, ErrBlankTarget) true.
func (e *BlankTargetError) Is(target error) bool { return target == ErrBlankTarget }

// CheckTarget refuses a target that is empty or whitespace only, or that is
// blank before or after its '@' ("lbl@", "@head"), or on either side of a
// range's ':' (":head", "head:"). Every command and façade method that
// takes a target calls it before anything else; the planner calls it too.
func CheckTarget(target string) error {
	t := strings.TrimSpace(target)
	if t == "" {
		return &BlankTargetError{Target: target}
	}
	if start, end, isRange := SplitRange(t); isRange {
		if start == "" {
			return &BlankTargetError{Target: target, Part: "start"}
		}
		if end == "" {
			return &BlankTargetError{Target: target, Part: "end"}
		}
		for _, side := range []string{start, end} {
			if err := checkSymbol(side); err != nil {
				err.Target = target
				return err
			}
		}
		return nil
	}
	if err := checkSymbol(t); err != nil {
		err.Target = target
		return err
	}
	return nil
}

// checkSymbol checks one side of a range (trimmed, not empty) around '@'.
func checkSymbol(s string) *BlankTargetError {
	b, sym, ok := strings.Cut(s, "@")
	if !ok {
		return nil
	}
	if strings.TrimSpace(b) == "" {
		return &BlankTargetError{Target: s, Part: "branch"}
	}
	if strings.TrimSpace(sym) == "" {
		return &BlankTargetError{Target: s, Part: "revision", Branch: strings.TrimSpace(b)}
	}
	return nil
}

// CheckRangeSides is CheckTarget for `history -r`, whose empty sides have a
// documented meaning (base, heads): only a range that is blank as a whole,
// or blank around an '@', is refused.
func CheckRangeSides(rangeSpec string) error {
	t := strings.TrimSpace(rangeSpec)
	if t == "" {
		return &BlankTargetError{Target: rangeSpec}
	}
	start, end, _ := SplitRange(t)
	for _, side := range []string{start, end} {
		if side == "" {
			continue
		}
		if err := checkSymbol(side); err != nil {
			err.Target = rangeSpec
			return err
		}
	}
	return nil
}
