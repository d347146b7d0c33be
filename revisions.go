package retort

import (
	"fmt"
	"path/filepath"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
)

// Revision is a read-only description of one revision of the graph. It is
// a copy: changing it changes nothing in the Migrator.
type Revision struct {
	ID           string
	Parents      []string // "Revises:"; empty for a base, several for a merge point
	DependsOn    []string // "Depends On:" as written: ids or branch labels
	BranchLabels []string // the revision's own "Branch Labels:"
	Message      string   // first paragraph of the header text
	Doc          string   // the whole header text
	// Path is the file the revision came from: relative to the fs.FS given
	// to Open, or absolute with WithVersionDirs; "" for a Go revision.
	Path string
	// Head: no revision revises this one. BranchPoint: several do.
	// MergePoint: it revises several.
	Head, BranchPoint, MergePoint bool
}

func (m *Migrator) info(r *revision.Revision) Revision {
	return Revision{
		ID:           r.ID,
		Parents:      slices.Clone(r.Parents),
		DependsOn:    slices.Clone(r.DependsOn),
		BranchLabels: slices.Clone(r.BranchLabels),
		Message:      r.Message,
		Doc:          r.Doc,
		Path:         r.Path,
		Head:         m.graph.IsHead(r.ID),
		BranchPoint:  m.graph.IsBranchPoint(r.ID),
		MergePoint:   m.graph.IsMergePoint(r.ID),
	}
}

func (m *Migrator) infos(rs []*revision.Revision) []Revision {
	out := make([]Revision, len(rs))
	for i, r := range rs {
		out[i] = m.info(r)
	}
	return out
}

// Heads returns the graph's heads, in file order.
func (m *Migrator) Heads() []Revision { return m.infos(m.graph.Heads()) }

// History returns every revision, newest first (heads before their
// ancestors), as `retort history` lists them.
func (m *Migrator) History() []Revision {
	revs, _ := m.graph.History("", nil) // no range, no rows: nothing to refuse
	return m.infos(revs)
}

// CurrentLine is revision id's line as `retort current` prints it, in
// Alembic's format ("ae1027a6acf (head) (mergepoint)", with branch labels
// and the message); ok is false when no revision has exactly that id.
func (m *Migrator) CurrentLine(id string) (line string, ok bool) {
	r := m.graph.Get(id)
	if r == nil {
		return "", false
	}
	return m.graph.CurrentLine(r), true
}

// Revision resolves a target symbol ("head", "heads", an id or a unique
// prefix of one, "label@head", "base"…) to the revisions it names.
func (m *Migrator) Revision(symbol string) ([]Revision, error) {
	if err := revision.CheckTarget(symbol); err != nil {
		return nil, err
	}
	rs, err := m.graph.Resolve(symbol)
	if err != nil {
		return nil, err
	}
	return m.infos(rs), nil
}

// RevisionOptions says what revision NewRevision creates (the arguments of
// `retort revision`, which is built on the same code).
type RevisionOptions struct {
	Message string
	// Head names the revision(s) the new one revises: an id, "label@head",
	// "heads" (a merge of every head) or "base" (a new root). "" = "head",
	// which fails while the graph has several heads.
	Head string
	// Merge names several revisions to merge instead of Head (as `retort
	// merge` does).
	Merge        []string
	Splice       bool     // allow a Head that is not a head (starts a branch)
	BranchLabels []string // labels of the new revision
	DependsOn    []string // ids or labels it depends on
	RevID        string   // "" = a generated id
	// Dir is the version directory (of the operating system) to write to:
	// one of WithVersionDirs, or any directory when the Migrator reads an
	// fs.FS. "" = the only directory of WithVersionDirs, else the first
	// parent's.
	Dir string
	// FileTemplate names the file (Alembic's file_template; default
	// "%(rev)s_%(slug)s") and TruncateSlugLength bounds the message's part
	// of it (default 40).
	FileTemplate       string
	TruncateSlugLength int
	// Time is the create date (default: now, in the local zone).
	Time time.Time
	// Upgrade and Downgrade are the sections' bodies, e.g. a Comparison's;
	// "" leaves placeholders to fill in.
	Upgrade, Downgrade string
}

// MultipleHeadsMessage is NewRevision's error (Alembic's) when Head names
// several heads; errors.Is(err, ErrMultipleHeads) holds.
const MultipleHeadsMessage = "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge."

// ErrMultipleHeads: a symbol that must name one revision names several
// heads.
var ErrMultipleHeads = revision.ErrMultipleHeads

// NewRevision writes a new revision file, with Alembic's rules (its
// generate_revision): the parents must be heads unless Splice, ids and
// labels must be new, and nothing is written unless the graph with the new
// revision is valid. It returns the file's path and the revision. The
// Migrator itself does not change: open a new one to run the revision.
func (m *Migrator) NewRevision(opts RevisionOptions) (string, Revision, error) {
	heads := opts.Merge
	if len(heads) > 0 && opts.Head != "" {
		return "", Revision{}, fmt.Errorf("new revision: give Head or Merge, not both")
	}
	if len(heads) == 0 {
		h := opts.Head
		if h == "" {
			h = "head"
		}
		heads = []string{h}
	}
	for _, h := range heads {
		if err := revision.CheckTarget(h); err != nil {
			return "", Revision{}, fmt.Errorf("new revision: %w", err)
		}
	}
	if !utf8.ValidString(opts.FileTemplate) {
		return "", Revision{}, fmt.Errorf("new revision: FileTemplate %q is not valid UTF-8", opts.FileTemplate)
	}
	for _, d := range opts.DependsOn {
		if err := revision.CheckTarget(d); err != nil {
			return "", Revision{}, fmt.Errorf("new revision: depends on: %w", err)
		}
	}
	a := &script.Author{
		Graph:              m.graph,
		ScriptLocation:     m.o.scriptDir,
		FileTemplate:       opts.FileTemplate,
		TruncateSlugLength: opts.TruncateSlugLength,
	}
	for _, d := range m.o.osDirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return "", Revision{}, err
		}
		a.Locations = append(a.Locations, abs)
	}
	if opts.Dir != "" && len(m.o.osDirs) == 0 {
		abs, err := filepath.Abs(opts.Dir)
		if err != nil {
			return "", Revision{}, err
		}
		a.Locations = []string{abs}
	}
	if len(a.Locations) == 0 {
		return "", Revision{}, fmt.Errorf("new revision: no directory to write to: set RevisionOptions.Dir, or open with WithVersionDirs")
	}
	if !opts.Time.IsZero() {
		a.Now = func() (time.Time, error) { return opts.Time, nil }
	}
	path, rev, err := a.Create(script.NewRevision{
		Message: opts.Message, Heads: heads, Splice: opts.Splice,
		BranchLabels: opts.BranchLabels, DependsOn: opts.DependsOn, RevID: opts.RevID,
		VersionPath: opts.Dir, Upgrade: opts.Upgrade, Downgrade: opts.Downgrade,
		MultipleHeads: MultipleHeadsMessage,
	})
	if err != nil {
		return "", Revision{}, err
	}
	g, err := revision.New(append(m.graph.Revisions(), rev))
	if err != nil { // Create validated this very graph
		return path, Revision{}, err
	}
	view := &Migrator{graph: g}
	return path, view.info(rev), nil
}
