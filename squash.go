package retort

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/autogen"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/lint"
	"github.com/retortdb/retort/internal/revision"
	"github.com/retortdb/retort/internal/script"
	"github.com/retortdb/retort/schema"
)

// SquashOptions are the arguments of `retort squash`.
type SquashOptions struct {
	// Range is "START:END": the oldest and the newest revision to fold,
	// START an ancestor of END along single-parent links.
	Range   string
	Message string
	RevID   string    // "" = a generated id
	Time    time.Time // the create date (default: now)
	// FileTemplate and TruncateSlugLength name the new file as
	// RevisionOptions' do.
	FileTemplate       string
	TruncateSlugLength int
	// Keep moves the folded files aside (renamed to "<file>.squashed",
	// which the loader does not read) instead of deleting them.
	Keep bool
	// DryRun computes the new file and writes nothing.
	DryRun bool
	// DriverName and DataSource reach the server on which the scratch
	// database is made (unused for SQLite); Log gets the driver's log.
	DriverName, DataSource string
	Log                    io.Writer
}

// SquashResult is what Squash wrote (or, with DryRun, would write).
type SquashResult struct {
	Revision Revision // the new revision
	Path     string   // its file
	Content  []byte   // the file's bytes
	Folded   []string // the folded ids, oldest first
	Rewired  []string // files whose Revises: now names the new revision
	Removed  []string // the folded files, deleted (or moved aside with Keep)
	// Data counts the data statements quoted verbatim (each under a
	// "-- REVIEW:" note).
	Data   int
	DryRun bool
}

// ErrCannotSquash: the range is not a foldable linear stretch (branch
// point, merge, depends_on, label, Go revision, not an ancestor range).
var ErrCannotSquash = errors.New("cannot squash")

// ErrInsideSquash: a version row or target names a revision folded into
// the middle of a squashed revision (errors.As a *revision.FoldedError
// says which): the database is partway through it.
var ErrInsideSquash = revision.ErrInsideSquash

func squashErr(format string, args ...any) error {
	return fmt.Errorf("squash: %w: %s", ErrCannotSquash, fmt.Sprintf(format, args...))
}

// Squash folds the linear stretch START:END into one revision whose
// upgrade is the schema difference across it (both ends built on one
// scratch database and inspected, as autogenerate does) followed by the
// folded revisions' data statements, quoted verbatim and flagged for
// review; its downgrade is the reverse difference. The new file lists
// the folded ids in "Replaces:", END's children are rewired to revise it
// and the folded files are deleted (moved aside with Keep). Nothing is
// written when anything fails. The Migrator itself does not change.
func (m *Migrator) Squash(ctx context.Context, o SquashOptions) (*SquashResult, error) {
	folded, err := m.squashStretch(o.Range)
	if err != nil {
		return nil, err
	}
	start, end := folded[0], folded[len(folded)-1]
	id := o.RevID
	if id == "" {
		id = script.NewID()
	}
	if err := revision.ValidateID(id); err != nil {
		return nil, fmt.Errorf("squash: %w", err)
	}
	if r := m.graph.Get(id); r != nil {
		return nil, fmt.Errorf("squash: revision id %s is already used by %s; choose another --rev-id", id, cmp.Or(r.Path, "a Go revision"))
	}
	if r, _ := m.graph.Replacement(id); r != nil {
		return nil, fmt.Errorf("squash: revision id %s was folded into %s by an earlier squash; choose another --rev-id", id, r.ID)
	}
	startPath, err := m.osPath(start.Path)
	if err != nil {
		return nil, err
	}
	now := o.Time
	if now.IsZero() {
		now = time.Now()
	}
	tmpl, truncate := o.FileTemplate, o.TruncateSlugLength
	if tmpl == "" {
		tmpl = script.DefaultFileTemplate
	}
	if truncate == 0 {
		truncate = script.DefaultTruncateSlugLength
	}
	name, err := script.FileName(tmpl, id, script.Slug(o.Message, truncate), now)
	if err != nil {
		return nil, fmt.Errorf("squash: %w", err)
	}
	newPath := filepath.Join(filepath.Dir(startPath), filepath.FromSlash(name))

	up, down, modelled, err := m.squashDiff(ctx, start, end, o)
	if err != nil {
		return nil, err
	}
	dataUp, dataDown, n, err := m.squashData(folded, up, down, modelled)
	if err != nil {
		return nil, err
	}
	var replaces []string
	for _, r := range folded {
		replaces = append(replaces, r.Replaces...)
		replaces = append(replaces, r.ID)
	}
	message := o.Message
	if message == "" {
		message = script.EmptyMessage
	}
	content := script.Render(script.NewFile{
		ID: id, Message: message, Parents: start.Parents, CreateDate: now, Replaces: replaces,
		Upgrade: joinSections(up, dataUp), Downgrade: joinSections(dataDown, down),
	})
	res := &SquashResult{Path: newPath, Content: content, Folded: revIDs(folded), Data: n, DryRun: o.DryRun}

	plan, err := m.squashFiles(folded, end, id, newPath, content)
	if err != nil {
		return nil, err
	}
	res.Rewired, res.Removed = plan.rewiredPaths(), plan.foldedPaths()
	res.Revision = plan.info
	if o.DryRun {
		return res, nil
	}
	if err := plan.apply(o.Keep); err != nil {
		return nil, fmt.Errorf("squash: %w (no file was changed)", err)
	}
	return res, nil
}

// squashStretch resolves START:END and checks that it is a foldable
// linear stretch; it returns the revisions oldest first.
func (m *Migrator) squashStretch(spec string) ([]*revision.Revision, error) {
	startSym, endSym, ok := revision.SplitRange(spec)
	if !ok {
		return nil, squashErr("give the stretch to fold as START:END (two revision ids or prefixes), not %q", spec)
	}
	one := func(side, sym string) (*revision.Revision, error) {
		if err := revision.CheckTarget(sym); err != nil {
			return nil, fmt.Errorf("squash: %s of the range: %w", side, err)
		}
		rs, err := m.graph.Resolve(sym)
		if err != nil {
			return nil, fmt.Errorf("squash: %s of the range: %w", side, err)
		}
		if len(rs) != 1 {
			return nil, squashErr("the %s of the range, %q, names %d revisions; name exactly one revision", side, sym, len(rs))
		}
		return rs[0], nil
	}
	start, err := one("start", startSym)
	if err != nil {
		return nil, err
	}
	end, err := one("end", endSym)
	if err != nil {
		return nil, err
	}
	if start == end {
		return nil, squashErr("the range %s starts and ends at revision %s: there is nothing to fold; name two or more revisions", spec, start.ID)
	}
	var chain []*revision.Revision
	for r := end; ; {
		chain = append(chain, r)
		if r == start {
			break
		}
		switch len(r.Parents) {
		case 0:
			return nil, squashErr("%s is not an ancestor of %s: %s:%s is not a linear stretch of history (give the older revision first)",
				start.ID, end.ID, start.ID, end.ID)
		case 1:
		default:
			return nil, squashErr("revision %s inside the range is a merge point (it revises %s); fold only a stretch without merges",
				r.ID, strings.Join(r.Parents, ", "))
		}
		r = m.graph.Get(r.Parents[0])
	}
	slices.Reverse(chain)
	for _, r := range chain {
		switch {
		case r.Path == "":
			return nil, squashErr("revision %s is a Go revision; only revision files can be folded", r.ID)
		case len(r.Parents) > 1:
			return nil, squashErr("revision %s is a merge point (it revises %s); fold only a stretch without merges",
				r.ID, strings.Join(r.Parents, ", "))
		case len(r.BranchLabels) > 0:
			return nil, squashErr("revision %s carries branch label(s) %s; a squash would lose them: fold a stretch without labels",
				r.ID, strings.Join(r.BranchLabels, ", "))
		case len(r.DependsOn) > 0:
			return nil, squashErr("revision %s depends on %s; fold a stretch without depends_on", r.ID, strings.Join(r.DependsOn, ", "))
		case r != end && len(m.graph.Children(r.ID)) > 1:
			return nil, squashErr("revision %s inside the range is a branch point (revised by %s); fold only a stretch without branches",
				r.ID, strings.Join(revIDs(m.graph.Children(r.ID)), ", "))
		}
		if deps := m.graph.Dependents(r.ID); len(deps) > 0 {
			return nil, squashErr("revision %s is named in the Depends On: of %s; fold a stretch nothing depends on",
				r.ID, strings.Join(revIDs(deps), ", "))
		}
	}
	return chain, nil
}

// osPath is revision file p's path in the operating system.
func (m *Migrator) osPath(p string) (string, error) {
	if filepath.IsAbs(p) {
		return p, nil
	}
	if m.o.scriptDir == "" {
		return "", errors.New("squash writes revision files: open the Migrator with WithVersionDirs or WithScriptLocation")
	}
	return filepath.Join(m.o.scriptDir, filepath.FromSlash(p)), nil
}

// squashDiff builds the schema before START and at END on one scratch
// database and renders the difference both ways. modelled names the
// objects (functions, triggers, …) either schema holds, which the
// difference carries (see modelledObject).
func (m *Migrator) squashDiff(ctx context.Context, start, end *revision.Revision, o SquashOptions) (up, down string, modelled map[string]bool, err error) {
	sc, err := dialect.OpenScratch(ctx, m.d, o.DriverName, o.DataSource, o.Log)
	if err != nil {
		return "", "", nil, fmt.Errorf("squash: %w", config.NewRedactor(o.DataSource).Error(err))
	}
	defer func() {
		if derr := sc.Drop(context.WithoutCancel(ctx)); derr != nil {
			err = errors.Join(err, derr)
		}
	}()
	sm := m.onScratch(sc)
	for _, p := range start.Parents {
		if _, err := sm.Upgrade(ctx, p); err != nil {
			return "", "", nil, fmt.Errorf("squash: build the schema before %s on a scratch database: %w", start.ID, err)
		}
	}
	before, err := sm.inspectScratch(ctx)
	if err != nil {
		return "", "", nil, fmt.Errorf("squash: inspect the scratch database: %w", err)
	}
	if _, err := sm.Upgrade(ctx, end.ID); err != nil {
		return "", "", nil, fmt.Errorf("squash: build the schema at %s on a scratch database: %w", end.ID, err)
	}
	after, err := sm.inspectScratch(ctx)
	if err != nil {
		return "", "", nil, fmt.Errorf("squash: inspect the scratch database: %w", err)
	}
	up, down, _, err = autogen.Generate(ctx, before, after, m.d.Name())
	if err != nil {
		return "", "", nil, fmt.Errorf("squash: %w", err)
	}
	if note := unmanagedNote(before, after); note != "" {
		up = joinSections(note, up)
	}
	modelled = map[string]bool{}
	for _, s := range []*schema.Schema{before, after} {
		for _, obj := range s.Objects {
			modelled[strings.ToLower(obj.Kind+" "+obj.BaseName())] = true
		}
	}
	return up, down, modelled, nil
}

// unmanagedNote flags the objects outside retort's schema model (functions,
// triggers, partitioned tables, …) that the stretch adds or removes: the
// difference cannot carry them, only the statements quoted below can.
func unmanagedNote(before, after *schema.Schema) string {
	had := map[string]bool{}
	for _, u := range before.Unmanaged {
		had[u.String()] = true
	}
	has := map[string]bool{}
	var changed []string
	for _, u := range after.Unmanaged {
		has[u.String()] = true
		if !had[u.String()] {
			changed = append(changed, "adds "+u.String())
		}
	}
	for _, u := range before.Unmanaged {
		if !has[u.String()] {
			changed = append(changed, "removes "+u.String())
		}
	}
	if len(changed) == 0 {
		return ""
	}
	return "-- REVIEW: the folded revisions change objects retort does not model, which the schema difference\n" +
		"-- below cannot carry: " + strings.Join(changed, "; ") + ". Check that the statements quoted\n" +
		"-- at the end of this section (or your own) create them."
}

// squashData quotes the folded revisions' statements that a schema
// difference cannot reproduce: the upgrades' in order, the downgrades'
// newest first, each under a "-- REVIEW:" note. A statement on an object
// outside the schema model is skipped when the rendered section (diffUp,
// diffDown) already holds it, or when it creates or drops an object the
// schemas model (modelled, see modelledObject).
func (m *Migrator) squashData(folded []*revision.Revision, diffUp, diffDown string, modelled map[string]bool) (up, down string, n int, err error) {
	var ub, db strings.Builder
	rendered := map[*strings.Builder]string{&ub: squeeze(diffUp), &db: squeeze(diffDown)}
	quote := func(b *strings.Builder, r *revision.Revision, section string, sts []script.Statement) {
		for _, st := range sts {
			if lint.ChangesSchema(st.SQL) && (!unmodelled(st.SQL) || strings.Contains(rendered[b], squeeze(st.SQL)) || modelled[modelledObject(st.SQL)]) {
				continue
			}
			n++
			fmt.Fprintf(b, "-- REVIEW: quoted verbatim from the %s of folded revision %s (%s, line %d); "+
				"check that it still fits the squashed schema above it.\n", section, r.ID, filepath.Base(r.Path), st.Line)
			if strings.Contains(st.SQL, ";") {
				fmt.Fprintf(b, "-- +retort StatementBegin\n%s;\n-- +retort StatementEnd\n\n", st.SQL)
			} else {
				fmt.Fprintf(b, "%s;\n\n", st.SQL)
			}
		}
	}
	scripts := make([]*script.Script, len(folded))
	for i, r := range folded {
		if scripts[i], err = m.set.Script(r.ID); err != nil {
			return "", "", 0, fmt.Errorf("squash: %w", err)
		}
		quote(&ub, r, "upgrade", scripts[i].Upgrade.Statements)
	}
	for i := len(folded) - 1; i >= 0; i-- {
		quote(&db, folded[i], "downgrade", scripts[i].Downgrade.Statements)
	}
	return ub.String(), db.String(), n, nil
}

// squeeze lowercases s and collapses its white space, to find a statement
// in rendered SQL.
func squeeze(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// unmodelled reports whether a schema statement creates or drops an object
// the inspected schema may not hold (routines, triggers, events, …):
// quoted too, so that the squash does not lose it.
func unmodelled(sql string) bool {
	words := strings.Fields(strings.ToLower(sql))
	if len(words) < 2 || (words[0] != "create" && words[0] != "drop") {
		return false
	}
	for _, w := range words[1:min(len(words), 6)] {
		switch w {
		case "function", "procedure", "trigger", "event", "rule", "domain", "aggregate", "operator", "policy", "materialized":
			return true
		}
	}
	return false
}

// modelledObject is "kind name" of the object a CREATE or DROP statement
// of a function, procedure, trigger, event or materialized view names (the
// name lower case, without its schema or arguments), as squashDiff's
// modelled set holds them; "" for any other statement.
func modelledObject(sql string) string {
	words := strings.Fields(strings.ToLower(strings.NewReplacer("(", " (", "`", "", `"`, "").Replace(sql)))
	if len(words) < 3 || (words[0] != "create" && words[0] != "drop") {
		return ""
	}
	for i := 1; i < min(len(words), 8); i++ {
		kind := words[i]
		switch {
		case kind == "materialized" && i+1 < len(words) && words[i+1] == "view":
			kind, i = "materialized view", i+1
		case kind == "function" || kind == "procedure" || kind == "trigger" || kind == "event":
		case kind == "or" || kind == "replace" || kind == "constraint" || strings.HasPrefix(kind, "definer"):
			continue
		default:
			return ""
		}
		rest := words[i+1:]
		for len(rest) > 0 && (rest[0] == "if" || rest[0] == "not" || rest[0] == "exists") {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			return ""
		}
		name := rest[0]
		if j := strings.LastIndexByte(name, '.'); j >= 0 {
			name = name[j+1:]
		}
		return kind + " " + name
	}
	return ""
}

func joinSections(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// squashPlan is every file change of a squash, checked before any is made.
type squashPlan struct {
	newPath string
	content []byte
	rewired []fileChange // END's children: new bytes
	folded  []fileChange // the folded files: their bytes, to restore
	info    Revision
}

type fileChange struct {
	path      string
	old, data []byte
}

func (p *squashPlan) rewiredPaths() []string {
	var out []string
	for _, f := range p.rewired {
		out = append(out, f.path)
	}
	return out
}

func (p *squashPlan) foldedPaths() []string {
	var out []string
	for _, f := range p.folded {
		out = append(out, f.path)
	}
	return out
}

// squashFiles reads the files a squash changes, computes their new bytes,
// and checks that the graph they make is valid.
func (m *Migrator) squashFiles(folded []*revision.Revision, end *revision.Revision, id, newPath string, content []byte) (*squashPlan, error) {
	p := &squashPlan{newPath: newPath, content: content}
	if _, err := os.Lstat(newPath); err == nil {
		return nil, fmt.Errorf("squash: file %s already exists; choose another --rev-id or message", newPath)
	}
	newRev, err := script.ParseHeader(newPath, content)
	if err != nil {
		return nil, fmt.Errorf("squash: %w", err)
	}
	gone := map[string]bool{}
	for _, r := range folded {
		gone[r.ID] = true
		path, err := m.osPath(r.Path)
		if err != nil {
			return nil, err
		}
		old, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("squash: read %s: %w", path, err)
		}
		p.folded = append(p.folded, fileChange{path: path, old: old})
	}
	revs := []*revision.Revision{}
	children := map[string]*revision.Revision{}
	for _, c := range m.graph.Children(end.ID) {
		if c.Path == "" {
			return nil, squashErr("revision %s, a child of %s, is a Go revision: its parent cannot be rewired; fold up to a revision whose children are files", c.ID, end.ID)
		}
		path, err := m.osPath(c.Path)
		if err != nil {
			return nil, err
		}
		old, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("squash: read %s: %w", path, err)
		}
		data, err := script.ReplaceParent(path, old, end.ID, id)
		if err != nil {
			return nil, fmt.Errorf("squash: rewire %s: %w", c.ID, err)
		}
		rc, err := script.ParseHeader(c.Path, data)
		if err != nil {
			return nil, fmt.Errorf("squash: %w", err)
		}
		children[c.ID] = rc
		p.rewired = append(p.rewired, fileChange{path: path, old: old, data: data})
	}
	for _, r := range m.graph.Revisions() {
		switch {
		case gone[r.ID]:
		case children[r.ID] != nil:
			revs = append(revs, children[r.ID])
		default:
			revs = append(revs, r)
		}
	}
	revs = append(revs, newRev)
	g, err := revision.New(revs)
	if err != nil {
		return nil, fmt.Errorf("squash: the graph after the squash would be invalid: %w", err)
	}
	view := &Migrator{graph: g}
	p.info = view.info(g.Get(id))
	p.info.Path = newPath
	return p, nil
}

// apply makes the plan's changes, each file written to a temporary file
// and renamed into place; on any error every change made is undone.
func (p *squashPlan) apply(keep bool) (err error) {
	var undo []func() error
	defer func() {
		if err == nil {
			return
		}
		for i := len(undo) - 1; i >= 0; i-- {
			if uerr := undo[i](); uerr != nil {
				err = errors.Join(err, fmt.Errorf("undo: %w", uerr))
			}
		}
	}()
	// Every new byte is written before any file is replaced.
	newTmp, err := writeTemp(p.newPath, p.content)
	if err != nil {
		return err
	}
	undo = append(undo, func() error { return removeIfExists(newTmp) })
	tmps := make([]string, len(p.rewired))
	for i, f := range p.rewired {
		if tmps[i], err = writeTemp(f.path, f.data); err != nil {
			return err
		}
		t := tmps[i]
		undo = append(undo, func() error { return removeIfExists(t) })
	}
	if err := os.Link(newTmp, p.newPath); err != nil { // never replaces a file
		return fmt.Errorf("create %s: %w", p.newPath, err)
	}
	undo = append(undo, func() error { return os.Remove(p.newPath) })
	for i, f := range p.rewired {
		if err := os.Rename(tmps[i], f.path); err != nil {
			return fmt.Errorf("rewrite %s: %w", f.path, err)
		}
		undo = append(undo, func() error { return restore(f) })
	}
	for _, f := range p.folded {
		if keep {
			aside := f.path + ".squashed"
			if _, err := os.Lstat(aside); err == nil {
				return fmt.Errorf("move %s aside: %s already exists; remove it first", f.path, aside)
			}
			if err := os.Rename(f.path, aside); err != nil {
				return fmt.Errorf("move %s aside: %w", f.path, err)
			}
			undo = append(undo, func() error { return os.Rename(aside, f.path) })
			continue
		}
		if err := os.Remove(f.path); err != nil {
			return fmt.Errorf("delete %s: %w", f.path, err)
		}
		undo = append(undo, func() error { return restore(f) })
	}
	return removeIfExists(newTmp)
}

// writeTemp writes data to a new temporary file beside path (its name does
// not end in .sql, so no loader reads it) and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".retort-squash-*.tmp")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", f.Name(), err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", f.Name(), err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// restore puts f's old bytes back in place.
func restore(f fileChange) error {
	tmp, err := writeTemp(f.path, f.old)
	if err != nil {
		return err
	}
	return os.Rename(tmp, f.path)
}

func removeIfExists(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
