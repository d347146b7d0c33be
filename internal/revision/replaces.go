package revision

import (
	"errors"
	"fmt"
	"strings"
)

// A squashed revision (retort squash) lists the revisions it folded in
// "Replaces:", oldest first. Their files are gone, but databases whose
// version row names one of them must keep working: a row naming the last
// folded revision (the end of the stretch) means the squashed revision; a
// row naming an earlier one means the database is partway through it,
// which no single revision describes, and is refused with what to do.

// ErrInsideSquash: a version row or target names a folded revision that
// is not the last of its squash.
var ErrInsideSquash = errors.New("revision folded into the middle of a squashed revision")

// FoldedError says that id was folded into Squash before its end (End).
type FoldedError struct {
	ID, Squash, End string
}

func (e *FoldedError) Error() string {
	return fmt.Sprintf("revision %s was folded into revision %s by a squash, and is not the last revision it replaces (%s): "+
		"a database at %s is partway through %s. Upgrade it to %s with the revision files from before the squash first, "+
		"or, if its schema already matches %s, overwrite its version row with `retort stamp --purge %s`",
		e.ID, e.Squash, e.End, e.ID, e.Squash, e.End, e.Squash, e.Squash)
}

func (e *FoldedError) Unwrap() error { return ErrInsideSquash }

// buildReplaced indexes every Replaces entry; an entry that is still a
// revision of the graph, or that two revisions replace, is an error.
func (g *Graph) buildReplaced() []error {
	var errs []error
	for i, r := range g.revs {
		for k, id := range r.Replaces {
			if j, ok := g.byID[id]; ok {
				errs = append(errs, &GraphError{Kind: ErrDuplicateID, Revisions: []string{id, r.ID},
					Msg: fmt.Sprintf("revision %s replaces %s, which is still present (%s); delete or move aside the folded file, or remove it from the Replaces: line of %s",
						r.ID, id, describePath(g.revs[j]), describePath(r))})
				continue
			}
			if j, ok := g.replaced[id]; ok {
				errs = append(errs, &GraphError{Kind: ErrDuplicateID, Revisions: []string{id, r.ID},
					Msg: fmt.Sprintf("revision %s is replaced by both %s and %s; keep it in one Replaces: line", id, g.revs[j.by].ID, r.ID)})
				continue
			}
			if g.replaced == nil {
				g.replaced = map[string]replacement{}
			}
			g.replaced[id] = replacement{by: int32(i), last: k == len(r.Replaces)-1}
		}
	}
	return errs
}

type replacement struct {
	by   int32 // the squashed revision
	last bool  // id is the end of the folded stretch
}

// Replacement returns the squashed revision whose Replaces: lists id (nil
// when none does), and whether id is the last revision it folded.
func (g *Graph) Replacement(id string) (*Revision, bool) {
	rp, ok := g.replaced[id]
	if !ok {
		return nil, false
	}
	return g.revs[rp.by], rp.last
}

// foldedErr is the refusal for a folded id that is not the end of its
// squash, or nil.
func (g *Graph) foldedErr(id string) error {
	rp, ok := g.replaced[id]
	if !ok || rp.last {
		return nil
	}
	r := g.revs[rp.by]
	return &FoldedError{ID: id, Squash: r.ID, End: r.Replaces[len(r.Replaces)-1]}
}

// MapRows returns the version rows with every row that names the last
// revision a squash folded replaced by the squashed revision. A row naming
// an earlier folded revision is refused (*FoldedError). Rows naming
// revisions neither present nor replaced are kept as they are.
func (g *Graph) MapRows(rows []string) ([]string, error) {
	if len(g.replaced) == 0 {
		return rows, nil
	}
	out := make([]string, len(rows))
	for i, row := range rows {
		out[i] = row
		if _, ok := g.byID[row]; ok {
			continue
		}
		if err := g.foldedErr(row); err != nil {
			return nil, err
		}
		if r, ok := g.Replacement(row); ok {
			out[i] = r.ID
		}
	}
	return out, nil
}

// checkFoldedSymbol refuses a target that is exactly a folded id inside a
// squash.
func (g *Graph) checkFoldedSymbol(symbol string) error {
	s := strings.TrimSpace(symbol)
	if _, ok := g.byID[s]; ok {
		return nil
	}
	return g.foldedErr(s)
}
